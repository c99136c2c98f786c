// File: command.h
// -----------------------------------------------------------------------------
//
// How `timescales` commands plug in. Each command group lives in its own
// file and exposes one `Register...Command(app, context)` function; main.cc
// lists them in a single table. A command declares its CLI11 options and
// hands the context an `Action`, which main() runs after parsing succeeds.
// Actions report failure as an absl::Status (exit 1), while CLI11 reports
// usage errors itself (exit 2).
//
// Example (a new command):
//
//   void RegisterDueCommand(CLI::App& app, CommandContext& context) {
//     CLI::App* due = app.add_subcommand("due", "Statutory due dates");
//     auto date = std::make_shared<std::string>();
//     due->add_option("date", *date)->required();
//     context.SetAction(due, [&context, date](std::ostream& out) {
//       ...
//       return absl::OkStatus();
//     });
//   }

#ifndef TSC_CLI_COMMAND_H_
#define TSC_CLI_COMMAND_H_

#include <functional>
#include <ostream>
#include <string>

#include "CLI/CLI.hpp"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "base/file.h"
#include "calendar_options.h"
#include "nlohmann/json.hpp"
#include "timescales/calendar.h"
#include "timescales/date.h"

namespace timescales {
namespace cli {

// What a command does once its arguments are parsed; writes to `out`.
using Action = std::function<absl::Status(std::ostream& out)>;

// State shared by every command: the global calendar options and the action
// of the command the user chose.
class CommandContext {
 public:
  CommandContext() = default;
  CommandContext(const CommandContext&) = delete;
  CommandContext& operator=(const CommandContext&) = delete;

  CalendarOptions& calendar_options() { return calendar_options_; }
  const CalendarOptions& calendar_options() const { return calendar_options_; }

  // Builds the calendar the global options describe.
  absl::StatusOr<Calendar> LoadCalendar() const;

  // Makes `action` the one to run when the user chooses `command`.
  void SetAction(CLI::App* command, Action action);
  // The same, but only when the user chose none of `command`'s own
  // subcommands (whose actions win).
  void SetActionUnlessSubcommand(CLI::App* command, Action action);

  // False when the user named no command, or only a command group.
  bool has_action() const { return static_cast<bool>(action_); }

  // Runs the chosen command's action.
  absl::Status Run(std::ostream& out) const;

 private:
  CalendarOptions calendar_options_;
  Action action_;
};

// Registers one command group on the top-level app.
using CommandRegistrar = void (*)(CLI::App& app, CommandContext& context);

void RegisterWorkdaysCommand(CLI::App& app, CommandContext& context);
void RegisterHolidaysCommand(CLI::App& app, CommandContext& context);
void RegisterCalendarCommand(CLI::App& app, CommandContext& context);
void RegisterDueCommand(CLI::App& app, CommandContext& context);  // + rules
void RegisterScheduleCommand(CLI::App& app, CommandContext& context);
void RegisterReportCommand(CLI::App& app, CommandContext& context);
// After RegisterScheduleCommand, whose `schedule` it gives the monitoring
// list's options under their old name until 0.3.
void RegisterMonitoringCommand(CLI::App& app, CommandContext& context);
// `cases` and `explain`: the case-level detail behind the report's figures.
void RegisterCasesCommand(CLI::App& app, CommandContext& context);

// ---- Helpers shared by the commands ---------------------------------------

enum class OutputFormat { kText, kJson };

// Adds `--format text|json` to `command`.
void AddFormatOption(CLI::App& command, OutputFormat& format);

// `document` indented by two spaces. Invalid UTF-8 (a closure-day name from a
// Latin-1 file, say) becomes U+FFFD instead of failing the whole output.
std::string DumpJson(const nlohmann::json& document);

// A command-line date, yyyy-mm-dd or dd/mm/yyyy. The message quotes `text`
// (an excerpt of it when it is long).
absl::StatusOr<Date> ParseDateArgument(absl::string_view text);

// Makes the integer `option` decimal and returns it. CLI11 converts with
// strtoll's base 0, so `010` would be 8 and `0x14` 20: this accepts digits
// with an optional sign (leading zeros are only zeros) and refuses anything
// else as a command-line error (exit 2). Add it before any range check.
CLI::Option* Decimal(CLI::Option* option);

// The whole of a file; NotFound or PermissionDenied naming `path`.
using ::timescales::internal::ReadFile;

// A holiday's name with its kind when it is not a plain bank holiday, and a
// provisional mark: "New Year’s Day (substitute day)".
std::string DescribeHoliday(const Holiday& holiday);

// Tells the user on stderr when `day` lies past the published data, so its
// holidays are projected and may change by proclamation.
void WarnIfProvisional(const Calendar& calendar, Date day);

}  // namespace cli
}  // namespace timescales

#endif  // TSC_CLI_COMMAND_H_
