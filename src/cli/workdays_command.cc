// `timescales workdays add|between|is-working`: working-day arithmetic on
// the chosen calendar.

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "command.h"
#include "timescales/calendar.h"
#include "timescales/date.h"

namespace timescales {
namespace cli {
namespace {

void AddCountingFlag(CLI::App& command, bool& start_is_day_one) {
  command.add_flag("--start-is-day-one", start_is_day_one,
                   "Count the event day itself as day 1 when it is a working "
                   "day (one day stricter than the statutory reading)");
}

Counting ToCounting(bool start_is_day_one) {
  return start_is_day_one ? Counting::kStartIsDayOne : Counting::kStartExcluded;
}

void RegisterAdd(CLI::App& workdays, CommandContext& context) {
  struct Args {
    std::string date;
    int32_t n = 0;
    bool start_is_day_one = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* add = workdays.add_subcommand(
      "add",
      "The n-th working day after DATE (before it when n < 0); the day of "
      "the event is excluded");
  add->add_option("date", args->date, "The event date")
      ->type_name("DATE")
      ->required();
  Decimal(add->add_option("n", args->n, "Working days to add (signed)"))
      ->type_name("N")
      ->required();
  AddCountingFlag(*add, args->start_is_day_one);
  context.SetAction(add, [&context, args](std::ostream& out) -> absl::Status {
    absl::StatusOr<Date> date = ParseDateArgument(args->date);
    if (!date.ok()) return date.status();
    absl::StatusOr<Calendar> calendar = context.LoadCalendar();
    if (!calendar.ok()) return calendar.status();
    absl::StatusOr<Date> due = calendar->AddWorkingDays(
        *date, args->n, ToCounting(args->start_is_day_one));
    if (!due.ok()) return due.status();
    WarnIfProvisional(*calendar, *date > *due ? *date : *due);
    out << due->ToString() << "\n";
    return absl::OkStatus();
  });
}

void RegisterBetween(CLI::App& workdays, CommandContext& context) {
  struct Args {
    std::string from;
    std::string to;
    bool start_is_day_one = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* between = workdays.add_subcommand(
      "between", "Working days in (FROM, TO]; negative when TO is before FROM");
  between->add_option("from", args->from, "The event date")
      ->type_name("FROM")
      ->required();
  between->add_option("to", args->to, "The end date (counted)")
      ->type_name("TO")
      ->required();
  AddCountingFlag(*between, args->start_is_day_one);
  context.SetAction(
      between, [&context, args](std::ostream& out) -> absl::Status {
        absl::StatusOr<Date> from = ParseDateArgument(args->from);
        if (!from.ok()) return from.status();
        absl::StatusOr<Date> to = ParseDateArgument(args->to);
        if (!to.ok()) return to.status();
        absl::StatusOr<Calendar> calendar = context.LoadCalendar();
        if (!calendar.ok()) return calendar.status();
        absl::StatusOr<int32_t> count = calendar->WorkingDaysBetween(
            *from, *to, ToCounting(args->start_is_day_one));
        if (!count.ok()) return count.status();
        WarnIfProvisional(*calendar, *from > *to ? *from : *to);
        out << *count << "\n";
        return absl::OkStatus();
      });
}

void RegisterIsWorking(CLI::App& workdays, CommandContext& context) {
  auto date_text = std::make_shared<std::string>();
  CLI::App* is_working = workdays.add_subcommand(
      "is-working",
      "Prints yes or no (exit status 0 either way), and the holiday's name");
  is_working->add_option("date", *date_text, "The date to look up")
      ->type_name("DATE")
      ->required();
  context.SetAction(
      is_working, [&context, date_text](std::ostream& out) -> absl::Status {
        absl::StatusOr<Date> date = ParseDateArgument(*date_text);
        if (!date.ok()) return date.status();
        absl::StatusOr<Calendar> calendar = context.LoadCalendar();
        if (!calendar.ok()) return calendar.status();
        absl::StatusOr<bool> working = calendar->IsWorkingDay(*date);
        if (!working.ok()) return working.status();
        WarnIfProvisional(*calendar, *date);
        if (*working) {
          out << "yes\n";
        } else if (const Holiday* holiday = calendar->FindHoliday(*date)) {
          out << "no  " << DescribeHoliday(*holiday) << "\n";
        } else if (date->is_weekend()) {
          out << "no  " << WeekdayName(date->weekday()) << " (weekend)\n";
        } else {
          out << "no\n";
        }
        return absl::OkStatus();
      });
}

}  // namespace

void RegisterWorkdaysCommand(CLI::App& app, CommandContext& context) {
  CLI::App* workdays = app.add_subcommand("workdays", "Working-day arithmetic");
  workdays->require_subcommand(0, 1);  // main() reports a missing one
  RegisterAdd(*workdays, context);
  RegisterBetween(*workdays, context);
  RegisterIsWorking(*workdays, context);
}

}  // namespace cli
}  // namespace timescales
