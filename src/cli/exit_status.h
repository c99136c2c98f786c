// File: cli/exit_status.h
//
// The exit statuses of `timescales` (README "Exit statuses"), and how a
// command's action asks for one other than "bad data":
//
//   0  the output was written
//   1  bad data: an input, the configuration or a rule cannot be used
//   2  a bad command line (an unknown option, a --period that is not one)
//   3  too many rejections: a table or column lost more rows than the
//      threshold, or a KPI has no cases because its input was rejected; the
//      report is not written unless --allow-rejections

#ifndef TSC_CLI_EXIT_STATUS_H_
#define TSC_CLI_EXIT_STATUS_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/string_view.h"

namespace timescales {
namespace cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitDataError = 1;
inline constexpr int kExitUsageError = 2;
inline constexpr int kExitTooManyRejections = 3;

// The payload that carries an exit status on an action's status.
inline constexpr absl::string_view kExitStatusPayload =
    "https://timescales/exit-status";

// `status` (not OK) asking to exit with `code`.
inline absl::Status WithExitStatus(absl::Status status, int code) {
  status.SetPayload(kExitStatusPayload, absl::Cord(std::to_string(code)));
  return status;
}

// The exit status a failed action asked for, or kExitDataError.
inline int ExitStatusOf(const absl::Status& status) {
  const auto payload = status.GetPayload(kExitStatusPayload);
  int code = kExitDataError;
  if (payload && absl::SimpleAtoi(std::string(*payload), &code)) return code;
  return kExitDataError;
}

}  // namespace cli
}  // namespace timescales

#endif  // TSC_CLI_EXIT_STATUS_H_
