// `timescales`: the command-line face of the library.
//
// Exit status: 0 on success, 1 when the data is wrong (a date that does not
// exist, an unreadable or malformed file, a date out of range), 2 when the
// command line itself is (CLI11's usage errors). Errors go to stderr as
// `timescales: <message>`.

#include <iostream>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "calendar_options.h"
#include "command.h"
#include "exit_status.h"
#include "timescales/version.h"

namespace timescales {
namespace cli {
namespace {

// Every command group, in the order `--help` lists them. A new command adds
// its registrar here and nowhere else.
constexpr CommandRegistrar kCommands[] = {
    RegisterWorkdaysCommand, RegisterHolidaysCommand, RegisterCalendarCommand,
    RegisterDueCommand,      RegisterScheduleCommand, RegisterReportCommand,
    RegisterMonitoringCommand, RegisterCasesCommand,
};

// "workdays needs a command: add, between, is-working", for the innermost
// command group the user chose (or the program itself).
std::string MissingCommandMessage(CLI::App& app) {
  CLI::App* group = &app;
  std::string path;
  for (;;) {
    std::vector<CLI::App*> chosen = group->get_subcommands();
    if (chosen.empty()) break;
    group = chosen.front();
    absl::StrAppend(&path, path.empty() ? "" : " ", group->get_name());
  }
  std::vector<std::string> names;
  for (const CLI::App* command :
       group->get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(command->get_name());
  }
  return absl::StrCat(path.empty() ? "a command is required"
                                   : absl::StrCat(path, " needs a command"),
                      ": ", absl::StrJoin(names, ", "));
}

int Main(int argc, char** argv) {
  CLI::App app(
      "Statutory timescales of English children's social care: "
      "working days and due dates.",
      "timescales");
  app.set_version_flag("--version", "timescales " TSC_VERSION_STRING);
  // At most one command; a missing one is reported after parsing, where the
  // message can list the choices (CLI11 would only say one is required).
  app.require_subcommand(0, 1);
  // Subcommands inherit this, so the global options may follow them:
  // `timescales workdays add 2024-12-20 5 --strict` works too.
  app.fallthrough();
  app.get_formatter()->label("SUBCOMMAND", "COMMAND");
  app.group("Commands");  // the heading commands are listed under
  // Inherited by every command, whose own --help lacks the global options.
  app.footer(
      "The calendar options may come before or after the command; "
      "`timescales --help` lists them.");

  CommandContext context;
  AddCalendarOptions(app, context.calendar_options());
  for (CommandRegistrar register_command : kCommands) {
    register_command(app, context);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Help and --version are "errors" with exit code 0; CLI11 prints them.
    if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
      return app.exit(e);
    }
    std::cerr << "timescales: " << e.what() << "\n"
              << "Run with --help for more information.\n";
    return kExitUsageError;
  }

  if (!context.has_action()) {
    std::cerr << "timescales: " << MissingCommandMessage(app) << "\n"
              << "Run with --help for more information.\n";
    return kExitUsageError;
  }
  absl::Status status = context.Run(std::cout);
  std::cout.flush();
  if (!status.ok()) {
    std::cerr << "timescales: " << status.message() << "\n";
    return ExitStatusOf(status);
  }
  if (!std::cout) {
    std::cerr << "timescales: cannot write the output\n";
    return kExitDataError;
  }
  return 0;
}

}  // namespace
}  // namespace cli
}  // namespace timescales

int main(int argc, char** argv) { return timescales::cli::Main(argc, argv); }
