// File: cli/report_inputs.h
//
// What `report`, `monitoring`, `cases` and `explain` share: the options
// naming the extracts and how to read them, the configuration, the
// reading of the inputs, the judgement of their quality, and the writing
// of the output to standard output or --output.

#ifndef TSC_CLI_REPORT_INPUTS_H_
#define TSC_CLI_REPORT_INPUTS_H_

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "command.h"
#include "timescales/dataset.h"
#include "timescales/import.h"
#include "timescales/report.h"
#include "timescales/report_config.h"

namespace timescales {
namespace cli {

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

// --ssda903, --cin, --meetings, --config, --data-from, --output and the
// options on reading the extracts.
void AddInputOptions(CLI::App& command, InputArgs& args);

ImportOptions ToImportOptions(const InputArgs& args);

// The progress line: only when stderr is a terminal and the inputs are big
// enough to take a few seconds.
class Progress {
 public:
  explicit Progress(uint64_t input_bytes);
  void Say(absl::string_view what) const;
  void Done() const;

 private:
  bool enabled_;
};

// The size of the files the options name, for Progress.
uint64_t InputBytes(const InputArgs& args);

absl::StatusOr<Dataset> ImportInputs(const InputArgs& args,
                                     const Progress& progress);

// Keeps `data` until the process ends (see report_inputs.cc).
void KeepUntilExit(absl::StatusOr<Dataset>* data);

// The configuration file, with the global calendar options folded in.
absl::StatusOr<ReportConfig> LoadConfig(const CommandContext& context,
                                        const InputArgs& args);

// --data-from and --max-rejected.
absl::StatusOr<ReportOptions> LoadOptions(const InputArgs& args);

// Writes `text` to --output, or to `out` without it; a failure says
// "cannot write FILE: reason".
absl::Status Write(const InputArgs& args, const std::string& text,
                   std::ostream& out);
// The same for output written as a stream (`write` fills it).
absl::Status WriteStream(const InputArgs& args,
                         const std::function<void(std::ostream&)>& write,
                         std::ostream& out);

// Tells the user on stderr what the import noticed about whole files.
void SayNotes(const Dataset& data);

// The report's data problems on stderr; exit status 3 unless allowed.
absl::Status JudgeData(const Report& report, const InputArgs& args);

// Reads the inputs and computes the report for `period_text` (--period)
// with `options` as LoadOptions gives them, changed by `adjust`; says the
// notes and judges the data. `data` keeps the inputs (KeepUntilExit).
absl::StatusOr<Report> ComputeFromInputs(
    const CommandContext& context, const InputArgs& args,
    const std::string& period_text,
    const std::function<void(ReportOptions&)>& adjust,
    absl::StatusOr<Dataset>* data);

}  // namespace cli
}  // namespace timescales

#endif  // TSC_CLI_REPORT_INPUTS_H_
