// File: cli/report_inputs.cc

#include "report_inputs.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/status_macros.h"
#include "exit_status.h"

namespace timescales {
namespace cli {

namespace fs = std::filesystem;

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

Progress::Progress(uint64_t input_bytes)
    : enabled_(isatty(STDERR_FILENO) != 0 && input_bytes > (64u << 20)) {}

void Progress::Say(absl::string_view what) const {
  if (!enabled_) return;
  std::cerr << "\rtimescales: " << what << "\x1b[K" << std::flush;
}

void Progress::Done() const {
  if (enabled_) std::cerr << "\r\x1b[K" << std::flush;
}

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
  return WriteStream(
      args, [&text](std::ostream& to) { to << text; }, out);
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

absl::Status WriteStream(const InputArgs& args,
                         const std::function<void(std::ostream&)>& write,
                         std::ostream& out) {
  if (args.output.empty()) {
    write(out);
    return absl::OkStatus();
  }
  std::ofstream file(args.output, std::ios::binary);
  if (!file) {
    return absl::PermissionDeniedError(
        absl::StrCat("cannot write ", args.output, ": ", std::strerror(errno)));
  }
  write(file);
  file.close();
  if (!file) {
    return absl::PermissionDeniedError(
        absl::StrCat("cannot write ", args.output, ": ", std::strerror(errno)));
  }
  return absl::OkStatus();
}

absl::StatusOr<Report> ComputeFromInputs(
    const CommandContext& context, const InputArgs& args,
    const std::string& period_text,
    const std::function<void(ReportOptions&)>& adjust,
    absl::StatusOr<Dataset>* data) {
  const Progress progress(InputBytes(args));
  absl::StatusOr<ReportingPeriod> period = ReportingPeriod::Parse(period_text);
  if (!period.ok()) {
    return WithExitStatus(absl::InvalidArgumentError(absl::StrCat(
                              "--period: ", period.status().message())),
                          kExitUsageError);
  }
  absl::StatusOr<ReportConfig> config = LoadConfig(context, args);
  if (!config.ok()) return config.status();
  absl::StatusOr<ReportOptions> options = LoadOptions(args);
  if (!options.ok()) return options.status();
  if (adjust) adjust(*options);
  *data = ImportInputs(args, progress);
  if (!data->ok()) return data->status();
  progress.Say("computing the KPIs");
  absl::StatusOr<Report> result =
      ComputeReport(**data, *period, *config, *options);
  progress.Done();
  if (!result.ok()) return result.status();
  SayNotes(**data);
  TSC_RETURN_IF_ERROR(JudgeData(*result, args));
  return result;
}

}  // namespace cli
}  // namespace timescales
