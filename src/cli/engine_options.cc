// File: engine_options.cc

#include "engine_options.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace timescales {
namespace cli {

void AddEngineOptions(CLI::App& command, EngineOptions& options) {
  command
      .add_option("--policy", options.policy_file,
                  "A policy JSON file (counting, months, icpc_anchor, "
                  "sw_report, ...)")
      ->type_name("FILE");
  command
      .add_option("--rules", options.rules_file,
                  "A rules JSON file overriding offsets or adding local "
                  "rules: {\"rules\": {ID: {\"offset\": N, \"unit\": U}}}")
      ->type_name("FILE");
  command.add_flag("--start-is-day-one", options.start_is_day_one,
                   "Count the event day as day 1 when it is a working day");
  Decimal(command.add_option(
              "--sw-report-working-days", options.sw_report_working_days,
              "The social worker's report is due N working days before "
              "the review instead of 24 hours"))
      ->type_name("N")
      ->check(CLI::Range(0, 1000));
}

absl::StatusOr<Timescales> LoadTimescales(const CommandContext& context,
                                          const EngineOptions& options) {
  absl::StatusOr<Calendar> calendar = context.LoadCalendar();
  if (!calendar.ok()) return calendar.status();
  Policy policy;
  if (!options.policy_file.empty()) {
    absl::StatusOr<std::string> text = ReadFile(options.policy_file);
    if (!text.ok()) return text.status();
    absl::StatusOr<Policy> loaded = Policy::FromJson(*text);
    if (!loaded.ok()) {
      return absl::Status(
          loaded.status().code(),
          absl::StrCat(options.policy_file, ": ", loaded.status().message()));
    }
    policy = *std::move(loaded);
  }
  if (options.start_is_day_one) policy.counting = Counting::kStartIsDayOne;
  if (options.sw_report_working_days >= 0) {
    policy.sw_report = SwReportRule::kWorkingDaysBefore;
    policy.sw_report_working_days = options.sw_report_working_days;
  }
  if (context.calendar_options().strict) policy.strict_holidays = true;
  RuleCatalogue rules = RuleCatalogue::Builtin();
  if (!options.rules_file.empty()) {
    absl::StatusOr<std::string> text = ReadFile(options.rules_file);
    if (!text.ok()) return text.status();
    absl::StatusOr<RuleCatalogue> loaded = RuleCatalogue::FromJson(*text);
    if (!loaded.ok()) {
      return absl::Status(
          loaded.status().code(),
          absl::StrCat(options.rules_file, ": ", loaded.status().message()));
    }
    rules = *std::move(loaded);
  }
  return Timescales(*std::move(calendar), std::move(rules), std::move(policy));
}

}  // namespace cli
}  // namespace timescales
