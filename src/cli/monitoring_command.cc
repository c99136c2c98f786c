// File: cli/monitoring_command.cc
//
// `timescales monitoring`: the in-year monitoring list of LAC reviews and CP
// review conferences, and its name before 0.2, `timescales schedule --as-at`.

#include <algorithm>
#include <iostream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "command.h"
#include "report_inputs.h"
#include "timescales/monitoring.h"
#include "timescales/render.h"

namespace timescales {
namespace cli {
namespace {

struct MonitoringArgs : InputArgs {
  std::string as_at;
  std::string status;
  std::string late_since;
};

// `hidden`: options of an old name, left out of --help.
void AddMonitoringOptions(CLI::App& command, MonitoringArgs& args,
                          bool hidden) {
  AddInputOptions(command, args);
  command
      .add_option("--as-at", args.as_at,
                  "Statuses as at the end of this day (a review due "
                  "that day and not held is overdue)")
      ->type_name("DATE");
  command
      .add_option("--status", args.status,
                  "Only these statuses, comma-separated: overdue, "
                  "due_soon, on_track, unknown, held_late")
      ->type_name("LIST");
  command
      .add_option("--late-since", args.late_since,
                  "Also list the reviews and conferences held late from "
                  "this day to the as-at day (status held_late)")
      ->type_name("DATE");
  command.add_option("--format", args.format, "csv, json or markdown")
      ->check(CLI::IsMember({"csv", "json", "markdown"}))
      ->type_name("FORMAT")
      ->default_str("csv");
  if (hidden) {
    for (CLI::Option* option : command.get_options()) {
      if (option->get_name() != "--help") option->group("");
    }
  }
}

absl::Status RunMonitoring(const CommandContext& context,
                           const MonitoringArgs& args, std::ostream& out) {
  const Progress progress(InputBytes(args));
  if (args.as_at.empty()) {
    return absl::InvalidArgumentError(
        "the monitoring list needs --as-at DATE: statuses are as at the "
        "end of that day");
  }
  absl::StatusOr<Date> as_at = ParseDateArgument(args.as_at);
  if (!as_at.ok()) return as_at.status();
  MonitoringOptions monitoring;
  if (!args.late_since.empty()) {
    absl::StatusOr<Date> since = ParseDateArgument(args.late_since);
    if (!since.ok()) return since.status();
    if (*since > *as_at) {
      return absl::InvalidArgumentError(
          absl::StrCat("--late-since ", since->ToString(), " is after --as-at ",
                       as_at->ToString(),
                       ": the window runs from the one to "
                       "the other"));
    }
    monitoring.late_since = *since;
  }
  std::vector<MonitoringStatus> wanted;
  for (absl::string_view name :
       absl::StrSplit(args.status, ',', absl::SkipWhitespace())) {
    absl::StatusOr<MonitoringStatus> status = ParseMonitoringStatus(name);
    if (!status.ok()) return status.status();
    wanted.push_back(*status);
  }
  absl::StatusOr<ReportConfig> config = LoadConfig(context, args);
  if (!config.ok()) return config.status();
  absl::StatusOr<ReportOptions> options = LoadOptions(args);
  if (!options.ok()) return options.status();
  absl::StatusOr<Dataset> data = ImportInputs(args, progress);
  if (!data.ok()) return data.status();
  SayNotes(*data);
  if (!data->Has("ssda903.episodes") && !data->Has("cin.cp_plans")) {
    return absl::InvalidArgumentError(
        "the monitoring list needs SSDA903 episodes (--ssda903) or a CIN "
        "census (--cin)");
  }
  absl::StatusOr<MonitoringList> list =
      BuildMonitoringList(*data, *as_at, *config, *options, monitoring);
  progress.Done();
  if (!list.ok()) return list.status();
  if (!wanted.empty()) {
    std::vector<MonitoringRow> kept;
    for (MonitoringRow& row : list->rows) {
      if (std::find(wanted.begin(), wanted.end(), row.status) != wanted.end()) {
        kept.push_back(std::move(row));
      }
    }
    list->rows = std::move(kept);
  }
  // CSV stays one row a review slot for tidy readers; the count the JSON
  // and Markdown carry goes to stderr instead.
  if (args.format == "csv" && list->short_breaks > 0) {
    const bool one = list->short_breaks == 1;
    std::cerr << "timescales: note: " << list->short_breaks
              << (one ? " child" : " children") << " on short breaks only "
              << (one ? "is" : "are")
              << " not listed: short breaks have no review schedule\n";
  }
  const std::string text = args.format == "json" ? RenderMonitoringJson(*list)
                           : args.format == "markdown"
                               ? RenderMonitoringMarkdown(*list)
                               : RenderMonitoringCsv(*list);
  KeepUntilExit(&data);
  return Write(args, text, out);
}

}  // namespace

void RegisterMonitoringCommand(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<MonitoringArgs>();
  args->format = "csv";
  CLI::App* monitoring = app.add_subcommand(
      "monitoring",
      "The in-year monitoring list: every child in care and every child "
      "protection plan open, the next review (or review conference) due and "
      "its status as at a date");
  AddMonitoringOptions(*monitoring, *args, /*hidden=*/false);
  monitoring->get_option("--as-at")->required();
  context.SetAction(monitoring, [&context, args](std::ostream& out) {
    return RunMonitoring(context, *args, out);
  });

  // Before 0.2 the monitoring list was `timescales schedule --as-at`, a
  // name that now means a review schedule (`schedule lac|cp`). Without one
  // of those, `schedule` still runs the list, with a note, until 0.3.
  CLI::App* schedule = app.get_subcommand("schedule");
  auto old = std::make_shared<MonitoringArgs>();
  old->format = "csv";
  AddMonitoringOptions(*schedule, *old, /*hidden=*/true);
  context.SetActionUnlessSubcommand(
      schedule, [&context, old](std::ostream& out) {
        if (old->as_at.empty() && old->ssda903.empty()) {
          return absl::InvalidArgumentError(
              "schedule needs lac or cp (a review schedule); the monitoring "
              "list is `timescales monitoring --as-at DATE`");
        }
        std::cerr << "timescales: note: the monitoring list is now "
                     "`timescales monitoring`; `timescales schedule "
                     "--as-at` goes in 0.3\n";
        return RunMonitoring(context, *old, out);
      });
}

}  // namespace cli
}  // namespace timescales
