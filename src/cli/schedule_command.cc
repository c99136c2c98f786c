// `timescales schedule lac|cp`: a review schedule with each slot's due
// date, the review that filled it and its status as at a date. `chain` is
// the name before 0.2, kept hidden with a note until 0.3.

#include <ctime>
#include <iostream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "command.h"
#include "engine_options.h"
#include "timescales/render.h"
#include "timescales/schedule.h"

namespace timescales {
namespace cli {
namespace {

struct ScheduleArgs {
  std::string start;  // LAC: the period start; CP: the ICPC
  std::string end;
  std::string as_at;
  std::string core_group;
  std::vector<std::string> reviews;
  bool short_break = false;
  OutputFormat format = OutputFormat::kText;
  EngineOptions engine;
};

// Today in the machine's local time zone: the default as-at date.
Date Today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  absl::StatusOr<Date> today =
      Date::FromYmd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
  return today.ok() ? *today : Date();
}

absl::StatusOr<std::optional<Date>> OptionalDate(const std::string& text) {
  if (text.empty()) return std::optional<Date>();
  absl::StatusOr<Date> date = ParseDateArgument(text);
  if (!date.ok()) return date.status();
  return std::optional<Date>(*date);
}

absl::StatusOr<std::vector<HeldReview>> Reviews(
    const std::vector<std::string>& texts) {
  std::vector<HeldReview> out;
  for (const std::string& text : texts) {
    absl::StatusOr<Moment> held = Moment::Parse(text);
    if (!held.ok()) return held.status();
    out.push_back(HeldReview{*held, {}, {}, {}});
  }
  return out;
}

std::string Cell(const std::optional<Date>& date) {
  return date ? date->ToString() : "-";
}

void PrintSlot(const Slot& slot, std::ostream& out) {
  const std::string held =
      slot.review ? slot.review->held.ToString() : std::string("-");
  std::string late;
  if (slot.working_days_late > 0) {
    late = absl::StrFormat("%d", slot.working_days_late);
  }
  out << absl::StrFormat("%-4d %-34s %-10s %-10s %-16s %-12s %s\n", slot.number,
                         slot.due.rule.id, slot.due.legal_due.date.ToString(),
                         slot.due.practical_due.ToString(), held,
                         SlotStatusName(slot.status), late);
}

void PrintText(const Schedule& s, std::ostream& out) {
  out << absl::StrFormat(
      "%s schedule from %s (%s), as at %s\n",
      s.kind == "cp" ? "CP review conference" : "LAC review",
      s.start.ToLongString(),
      s.end ? "ended " + s.end->ToLongString() : std::string("open"),
      s.as_at.ToLongString());
  out << absl::StrFormat("%-4s %-34s %-10s %-10s %-16s %-12s %s\n", "slot",
                         "rule", "due", "practical", "held", "status",
                         "late (working days)");
  for (const Slot& slot : s.slots) PrintSlot(slot, out);
  if (s.core_group) {
    out << "first core group:\n";
    PrintSlot(*s.core_group, out);
  }
  for (const HeldReview& d : s.duplicates) {
    out << "duplicate review (counted once): " << d.held.ToString() << "\n";
  }
  out << "next review due: " << Cell(s.next_due) << "\n";
}

void AddCommonOptions(CLI::App& command, ScheduleArgs& args) {
  command
      .add_option("--reviews", args.reviews,
                  "Reviews held, comma-separated dates (or date-times)")
      ->delimiter(',')
      ->type_name("DATES");
  command.add_option("--end", args.end, "The day care (or the plan) ended")
      ->type_name("DATE");
  command
      .add_option("--as-at", args.as_at,
                  "Statuses as at the end of this day (default today)")
      ->type_name("DATE");
  AddFormatOption(command, args.format);
  AddEngineOptions(command, args.engine);
}

absl::Status RunSchedule(const CommandContext& context,
                         const ScheduleArgs& args, bool cp, std::ostream& out) {
  absl::StatusOr<Timescales> ts = LoadTimescales(context, args.engine);
  if (!ts.ok()) return ts.status();
  absl::StatusOr<Date> start = ParseDateArgument(args.start);
  if (!start.ok()) return start.status();
  absl::StatusOr<std::optional<Date>> end = OptionalDate(args.end);
  if (!end.ok()) return end.status();
  absl::StatusOr<std::optional<Date>> as_at = OptionalDate(args.as_at);
  if (!as_at.ok()) return as_at.status();
  absl::StatusOr<std::optional<Date>> core = OptionalDate(args.core_group);
  if (!core.ok()) return core.status();
  absl::StatusOr<std::vector<HeldReview>> reviews = Reviews(args.reviews);
  if (!reviews.ok()) return reviews.status();
  const Date when = as_at->value_or(Today());
  absl::StatusOr<Schedule> schedule =
      cp ? CpSchedule(*ts, CpPlan{*start, *end, *core}, *std::move(reviews),
                      when)
         : LacSchedule(*ts, LacPeriod{*start, *end, args.short_break},
                       *std::move(reviews), when);
  if (!schedule.ok()) return schedule.status();
  if (args.format == OutputFormat::kJson) {
    out << RenderScheduleJson(*schedule) << "\n";
  } else {
    PrintText(*schedule, out);
  }
  return absl::OkStatus();
}

}  // namespace

namespace {

// `name` with its lac and cp subcommands; `renamed_to` non-empty makes it a
// hidden old name that says what it is now called.
CLI::App* AddScheduleCommand(CLI::App& app, CommandContext& context,
                             const std::string& name,
                             const std::string& renamed_to) {
  CLI::App* schedule = app.add_subcommand(
      name, "A review schedule: due dates, reviews held and statuses");
  schedule->require_subcommand(0, 1);
  if (!renamed_to.empty()) schedule->group("");  // hidden from --help
  auto note = [name, renamed_to]() {
    if (renamed_to.empty()) return;
    std::cerr << "timescales: note: `timescales " << name << "` is now `"
              << "timescales " << renamed_to << "`; the old name goes in 0.3\n";
  };

  auto lac_args = std::make_shared<ScheduleArgs>();
  CLI::App* lac = schedule->add_subcommand(
      "lac",
      "LAC reviews of one period of care (20 working days, 3 months, "
      "then 6-monthly)");
  lac->add_option("--start", lac_args->start,
                  "The day the child became looked after")
      ->type_name("DATE")
      ->required();
  lac->add_flag("--short-break", lac_args->short_break,
                "Short breaks (reg 48): 3 months, then 6-monthly");
  AddCommonOptions(*lac, *lac_args);
  context.SetAction(lac, [&context, lac_args, note](std::ostream& out) {
    note();
    return RunSchedule(context, *lac_args, false, out);
  });

  auto cp_args = std::make_shared<ScheduleArgs>();
  CLI::App* cp = schedule->add_subcommand(
      "cp",
      "Review conferences of one CP plan (3 months, then 6-monthly) "
      "and the first core group");
  cp->add_option("--icpc", cp_args->start, "The initial conference")
      ->type_name("DATE")
      ->required();
  cp->add_option("--core-group", cp_args->core_group,
                 "The first core group meeting")
      ->type_name("DATE");
  AddCommonOptions(*cp, *cp_args);
  context.SetAction(cp, [&context, cp_args, note](std::ostream& out) {
    note();
    return RunSchedule(context, *cp_args, true, out);
  });
  return schedule;
}

}  // namespace

void RegisterScheduleCommand(CLI::App& app, CommandContext& context) {
  AddScheduleCommand(app, context, "schedule", "");
  AddScheduleCommand(app, context, "chain", "schedule");
}

}  // namespace cli
}  // namespace timescales
