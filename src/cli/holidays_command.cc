// `timescales holidays [YEAR] [--from DATE --to DATE] [--format json]`: the
// non-working weekdays of the chosen calendar, one a line.

#include <ctime>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "command.h"
#include "nlohmann/json.hpp"
#include "timescales/calendar.h"
#include "timescales/date.h"

namespace timescales {
namespace cli {
namespace {

struct HolidaysArgs {
  int year = 0;  // 0: none given
  std::string from;
  std::string to;
  OutputFormat format = OutputFormat::kText;
};

int CurrentYear() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return local.tm_year + 1900;
}

absl::Status PrintHolidays(const std::vector<Holiday>& holidays, Date from,
                           Date to, OutputFormat format, std::ostream& out) {
  if (format == OutputFormat::kJson) {
    nlohmann::json list = nlohmann::json::array();
    for (const Holiday& holiday : holidays) {
      list.push_back({{"date", holiday.date.ToString()},
                      {"name", holiday.name},
                      {"kind", std::string(HolidayKindName(holiday.kind))},
                      {"provisional", holiday.provisional}});
    }
    nlohmann::json document = {
        {"from", from.ToString()}, {"to", to.ToString()}, {"holidays", list}};
    out << DumpJson(document) << "\n";
    return absl::OkStatus();
  }
  for (const Holiday& holiday : holidays) {
    out << holiday.date.ToString() << "  " << DescribeHoliday(holiday) << "\n";
  }
  return absl::OkStatus();
}

absl::Status RunHolidays(const CommandContext& context,
                         const HolidaysArgs& args, std::ostream& out) {
  Date from;
  Date to;
  if (!args.from.empty()) {
    absl::StatusOr<Date> parsed_from = ParseDateArgument(args.from);
    if (!parsed_from.ok()) return parsed_from.status();
    absl::StatusOr<Date> parsed_to = ParseDateArgument(args.to);
    if (!parsed_to.ok()) return parsed_to.status();
    from = *parsed_from;
    to = *parsed_to;
    if (to < from) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--to ", to.ToString(), " is before --from ", from.ToString()));
    }
  } else {
    const int year = args.year != 0 ? args.year : CurrentYear();
    absl::StatusOr<Date> first = Date::FromYmd(year, 1, 1);
    if (!first.ok()) return first.status();
    absl::StatusOr<Date> last = Date::FromYmd(year, 12, 31);
    if (!last.ok()) return last.status();
    from = *first;
    to = *last;
  }
  absl::StatusOr<Calendar> calendar = context.LoadCalendar();
  if (!calendar.ok()) return calendar.status();
  // The library refuses too; this says so in the command's own terms.
  const CalendarInfo& info = calendar->info();
  if (info.strict && to > info.known_until) {
    return absl::OutOfRangeError(absl::StrCat(
        to.ToString(), " is past the published bank holidays (known until ",
        info.known_until.ToString(), ") and --strict is set"));
  }
  absl::StatusOr<std::vector<Holiday>> holidays =
      calendar->HolidaysBetween(from, to);
  if (!holidays.ok()) return holidays.status();
  return PrintHolidays(*holidays, from, to, args.format, out);
}

}  // namespace

void RegisterHolidaysCommand(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<HolidaysArgs>();
  CLI::App* holidays = app.add_subcommand(
      "holidays",
      "The non-working weekdays of a year (default: this year) or a range");
  CLI::Option* year =
      Decimal(holidays->add_option("year", args->year, "The year"))
          ->type_name("YEAR")
          ->check(CLI::Range(1900, 2199));
  CLI::Option* from =
      holidays->add_option("--from", args->from, "First day of the range")
          ->type_name("DATE")
          ->excludes(year);
  CLI::Option* to =
      holidays->add_option("--to", args->to, "Last day of the range")
          ->type_name("DATE")
          ->excludes(year);
  from->needs(to);
  to->needs(from);
  AddFormatOption(*holidays, args->format);
  context.SetAction(holidays, [&context, args](std::ostream& out) {
    return RunHolidays(context, *args, out);
  });
}

}  // namespace cli
}  // namespace timescales
