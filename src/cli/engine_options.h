// File: engine_options.h
//
// Options shared by the commands that compute due dates (`due`, `schedule`):
// the policy and local rules, on top of the global calendar options.

#ifndef TSC_CLI_ENGINE_OPTIONS_H_
#define TSC_CLI_ENGINE_OPTIONS_H_

#include <string>

#include "CLI/CLI.hpp"
#include "absl/status/statusor.h"
#include "command.h"
#include "timescales/due.h"

namespace timescales {
namespace cli {

struct EngineOptions {
  std::string policy_file;  // Policy::FromJson keys
  std::string rules_file;   // {"rules": {...}} overrides and local rules
  bool start_is_day_one = false;
  int sw_report_working_days = -1;  // -1: the policy's rule (24 hours)
};

// Adds --policy, --rules, --start-is-day-one and --sw-report-working-days.
void AddEngineOptions(CLI::App& command, EngineOptions& options);

// The calendar (global options), rules and policy the options describe.
absl::StatusOr<Timescales> LoadTimescales(const CommandContext& context,
                                          const EngineOptions& options);

}  // namespace cli
}  // namespace timescales

#endif  // TSC_CLI_ENGINE_OPTIONS_H_
