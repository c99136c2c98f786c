// `timescales report` and `timescales monitoring`: the IRO annual report's
// KPIs from the extracts a council already has, and the in-year monitoring
// list of LAC reviews.

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "base/status_macros.h"
#include "command.h"
#include "exit_status.h"
#include "timescales/import.h"
#include "timescales/monitoring.h"
#include "timescales/render.h"
#include "timescales/report.h"

namespace timescales {
namespace cli {
namespace {

namespace fs = std::filesystem;

struct InputArgs {
  std::vector<std::string> ssda903;
  std::vector<std::string> cin;
  std::vector<std::string> meetings;
  std::string config;
  std::string data_from;
  std::string format;
  std::string output;
  std::string date_order = "auto";
  int two_digit_years_from = 0;  // 0: refuse two-digit years
  bool allow_unknown_columns = false;
  bool allow_rejections = false;
  double max_rejected_percent = 5;
};

void AddInputOptions(CLI::App& command, InputArgs& args) {
  command
      .add_option("--ssda903", args.ssda903,
                  "SSDA903 CSV files or a folder of them (tables are "
                  "recognised by their columns), or a 903 XML file")
      ->type_name("PATH");
  command.add_option("--cin", args.cin, "CIN census XML files or a folder")
      ->type_name("PATH");
  command
      .add_option("--meetings", args.meetings,
                  "meetings.csv (meeting timestamps, chairs, QA alerts)")
      ->type_name("FILE");
  command
      .add_option("--config", args.config,
                  "Configuration JSON: targets, benchmarks, policy, "
                  "closure days, holidays, rules")
      ->type_name("FILE");
  command
      .add_option("--data-from", args.data_from,
                  "The first date from which the data hold every review")
      ->type_name("DATE");
  command
      .add_option("--output,-o", args.output,
                  "Write to FILE instead of standard output")
      ->type_name("FILE");
  const std::string group = "Reading the extracts";
  command
      .add_option("--date-order", args.date_order,
                  "dmy or mdy: the order of dates written with slashes "
                  "(default: day/month, and a column whose dates fit "
                  "month/day only is refused)")
      ->check(CLI::IsMember({"auto", "dmy", "mdy"}))
      ->type_name("ORDER")
      ->group(group);
  Decimal(
      command
          .add_option("--two-digit-years-from", args.two_digit_years_from,
                      "Read two-digit years into the hundred years from YEAR "
                      "(1950: 17 is 2017, 95 is 1995); without it they are "
                      "refused")
          ->check(CLI::Range(1900, 2100))
          ->type_name("YEAR"))
      ->group(group);
  command
      .add_flag("--allow-unknown-columns", args.allow_unknown_columns,
                "Read a meetings.csv whose column names are close to its "
                "own (`chair` for `chair_id`) without those columns")
      ->group(group);
  command
      .add_flag("--allow-rejections", args.allow_rejections,
                "Write the output even when a table or column lost more "
                "rows than --max-rejected, or a KPI has no cases because "
                "of rejections (exit status 3 otherwise)")
      ->group(group);
  command
      .add_option("--max-rejected", args.max_rejected_percent,
                  "The percentage of a table's or column's rows that may be "
                  "rejected before the run is refused")
      ->check(CLI::Range(0.0, 100.0))
      ->type_name("PERCENT")
      ->capture_default_str()
      ->group(group);
}

ImportOptions ToImportOptions(const InputArgs& args) {
  ImportOptions options;
  options.date_order = args.date_order == "dmy"   ? DateOrder::kDayMonth
                       : args.date_order == "mdy" ? DateOrder::kMonthDay
                                                  : DateOrder::kAuto;
  if (args.two_digit_years_from > 0) {
    options.two_digit_years_from = args.two_digit_years_from;
  }
  options.allow_unknown_columns = args.allow_unknown_columns;
  return options;
}

// The progress line: only when stderr is a terminal and the inputs are big
// enough to take a few seconds.
class Progress {
 public:
  explicit Progress(uint64_t input_bytes)
      : enabled_(isatty(STDERR_FILENO) != 0 && input_bytes > (64u << 20)) {}
  void Say(absl::string_view what) const {
    if (!enabled_) return;
    std::cerr << "\rtimescales: " << what << "\x1b[K" << std::flush;
  }
  void Done() const {
    if (enabled_) std::cerr << "\r\x1b[K" << std::flush;
  }

 private:
  bool enabled_;
};

uint64_t InputBytes(const InputArgs& args) {
  uint64_t total = 0;
  std::error_code error;
  for (const auto* list : {&args.ssda903, &args.cin, &args.meetings}) {
    for (const std::string& path : *list) {
      if (fs::is_directory(path, error)) {
        for (const auto& entry : fs::directory_iterator(path, error)) {
          if (entry.is_regular_file(error)) total += entry.file_size(error);
        }
      } else {
        const uintmax_t size = fs::file_size(path, error);
        if (!error) total += size;
      }
    }
  }
  return total;
}

absl::StatusOr<Dataset> ImportInputs(const InputArgs& args,
                                     const Progress& progress) {
  Dataset data;
  struct Group {
    const std::vector<std::string>* paths;
    InputKind kind;
  };
  for (const Group& group : {Group{&args.ssda903, InputKind::kSsda903},
                             Group{&args.cin, InputKind::kCin},
                             Group{&args.meetings, InputKind::kMeetings}}) {
    for (const std::string& path : *group.paths) {
      progress.Say(absl::StrCat("reading ", path));
      absl::Status status =
          ImportPath(path, group.kind, ToImportOptions(args), &data);
      if (!status.ok()) return status;
    }
  }
  if (data.files.empty()) {
    return absl::InvalidArgumentError(
        "no inputs: give --ssda903, --cin and/or --meetings");
  }
  return data;
}

// The command ends the process once its output is written, and the system
// takes a national extract's memory back whole: freeing its millions of
// records one at a time first cost 30-70 ms for nothing. (Kept reachable,
// so leak checkers do not count it.)
void KeepUntilExit(absl::StatusOr<Dataset>* data) {
  if (!data->ok()) return;
  static auto* const kept = new std::vector<Dataset>();
  kept->push_back(*std::move(*data));
}

// The configuration file, with the global calendar options folded in: a
// GOV.UK file and closure days from the command line add to it.
absl::StatusOr<ReportConfig> LoadConfig(const CommandContext& context,
                                        const InputArgs& args) {
  ReportConfig config;
  if (!args.config.empty()) {
    absl::StatusOr<ReportConfig> loaded = ReportConfig::FromFile(args.config);
    if (!loaded.ok()) return loaded.status();
    config = *std::move(loaded);
  }
  const CalendarSettings options = ToSettings(context.calendar_options());
  if (!options.govuk_json_path.empty()) {
    if (!config.calendar.govuk_json_path.empty()) {
      return absl::InvalidArgumentError(
          "a GOV.UK holidays file is named both by --calendar-json and by "
          "the configuration; give it in one place");
    }
    config.calendar.govuk_json_path = options.govuk_json_path;
    config.calendar.division = options.division;
    config.calendar.merge = options.merge;
  }
  config.calendar.closure_days_path = options.closure_days_path;
  if (options.strict) config.policy.strict_holidays = true;
  return config;
}

absl::StatusOr<ReportOptions> LoadOptions(const InputArgs& args) {
  ReportOptions options;
  options.max_rejected_share = args.max_rejected_percent / 100.0;
  if (!args.data_from.empty()) {
    absl::StatusOr<Date> from = ParseDateArgument(args.data_from);
    if (!from.ok()) return from.status();
    options.data_from = *from;
  }
  return options;
}

absl::Status Write(const InputArgs& args, const std::string& text,
                   std::ostream& out) {
  if (args.output.empty()) {
    out << text;
    return absl::OkStatus();
  }
  // stdio, so errno says why a write failed.
  std::FILE* file = std::fopen(args.output.c_str(), "wb");
  if (file == nullptr) {
    return absl::PermissionDeniedError(
        absl::StrCat("cannot write ", args.output, ": ", std::strerror(errno)));
  }
  const size_t written = std::fwrite(text.data(), 1, text.size(), file);
  const int write_error = written == text.size() ? 0 : errno;
  const int close_error = std::fclose(file) == 0 ? 0 : errno;
  if (write_error != 0 || close_error != 0) {
    return absl::PermissionDeniedError(absl::StrCat(
        "cannot write ", args.output, ": ",
        std::strerror(write_error != 0 ? write_error : close_error)));
  }
  return absl::OkStatus();
}

// Tells the user on stderr what the import noticed about whole files
// (another encoding, a misspelt column, a file given twice, times dropped
// from dates); warnings about single rows are in the output's inputs.
void SayNotes(const Dataset& data) {
  for (const Rejection& warning : data.warnings) {
    if (warning.line == 0) {
      std::cerr << "timescales: note: " << warning.reason << "\n";
    }
  }
}

// The report's data problems on stderr; exit status 3 unless allowed.
absl::Status JudgeData(const Report& report, const InputArgs& args) {
  if (report.data_problems.empty()) return absl::OkStatus();
  for (const DataProblem& problem : report.data_problems) {
    std::cerr << "timescales: data: " << problem.message << "\n";
  }
  if (args.allow_rejections) {
    std::cerr << "timescales: note: written anyway, as --allow-rejections "
                 "asks; the figures above are at risk\n";
    return absl::OkStatus();
  }
  return WithExitStatus(
      absl::FailedPreconditionError(absl::StrFormat(
          "the report is not written: %d data problem%s (above) put its "
          "figures at risk; correct the extract (see the rejections with "
          "--allow-rejections --format markdown), or pass --allow-rejections "
          "to write it anyway",
          report.data_problems.size(),
          report.data_problems.size() == 1 ? "" : "s")),
      kExitTooManyRejections);
}

void RegisterReport(CLI::App& app, CommandContext& context) {
  struct Args : InputArgs {
    std::string period;
  };
  auto args = std::make_shared<Args>();
  args->format = "json";
  CLI::App* report = app.add_subcommand(
      "report",
      "The KPIs of an IRO annual report from SSDA903, CIN census and "
      "meetings extracts");
  AddInputOptions(*report, *args);
  report
      ->add_option("--period", args->period,
                   "2019-20, 2019-20-Q3, 2019-10 or 2019-04-01..2020-03-31")
      ->type_name("PERIOD")
      ->required();
  report->add_option("--format", args->format, "json, csv, markdown or html")
      ->check(CLI::IsMember({"json", "csv", "markdown", "html"}))
      ->type_name("FORMAT")
      ->default_str("json");
  context.SetAction(report, [&context, args](std::ostream& out) {
    const Progress progress(InputBytes(*args));
    absl::StatusOr<ReportingPeriod> period =
        ReportingPeriod::Parse(args->period);
    if (!period.ok()) {
      return WithExitStatus(absl::InvalidArgumentError(absl::StrCat(
                                "--period: ", period.status().message())),
                            kExitUsageError);
    }
    absl::StatusOr<ReportConfig> config = LoadConfig(context, *args);
    if (!config.ok()) return config.status();
    absl::StatusOr<ReportOptions> options = LoadOptions(*args);
    if (!options.ok()) return options.status();
    absl::StatusOr<Dataset> data = ImportInputs(*args, progress);
    if (!data.ok()) return data.status();
    progress.Say("computing the KPIs");
    absl::StatusOr<Report> result =
        ComputeReport(*data, *period, *config, *options);
    progress.Done();
    if (!result.ok()) return result.status();
    SayNotes(*data);
    TSC_RETURN_IF_ERROR(JudgeData(*result, *args));
    const std::string text = args->format == "csv" ? RenderCsv(*result)
                             : args->format == "markdown"
                                 ? RenderMarkdown(*result)
                             : args->format == "html" ? RenderHtml(*result)
                                                      : RenderJson(*result);
    KeepUntilExit(&data);
    return Write(*args, text, out);
  });
}

struct MonitoringArgs : InputArgs {
  std::string as_at;
  std::string status;
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
                  "due_soon, on_track, unknown")
      ->type_name("LIST");
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
  if (!data->Has("ssda903.episodes")) {
    return absl::InvalidArgumentError(
        "the monitoring list needs SSDA903 episodes (--ssda903)");
  }
  absl::StatusOr<MonitoringList> list =
      BuildMonitoringList(*data, *as_at, *config, *options);
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
  // CSV stays one row a child for tidy readers; the count the JSON and
  // Markdown carry goes to stderr instead.
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

void RegisterMonitoring(CLI::App& app, CommandContext& context) {
  auto args = std::make_shared<MonitoringArgs>();
  args->format = "csv";
  CLI::App* monitoring = app.add_subcommand(
      "monitoring",
      "The in-year monitoring list: every child in care, their next LAC "
      "review due and its status as at a date");
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

}  // namespace

void RegisterReportCommand(CLI::App& app, CommandContext& context) {
  RegisterReport(app, context);
  RegisterMonitoring(app, context);
}

}  // namespace cli
}  // namespace timescales
