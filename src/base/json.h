// File: base/json.h
//
// JSON parsing (keys kept in document order) with errors as absl::Status: one
// place that turns nlohmann's parse exceptions (which carry the line and
// column) into an InvalidArgument message prefixed with what was being read.

#ifndef TSC_BASE_JSON_H_
#define TSC_BASE_JSON_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "nlohmann/json.hpp"
#include "timescales/config.h"

TSC_NAMESPACE_BEGIN
namespace internal {

// Parses `text`; on a syntax error: "<what>: parse error at line L, column
// C: ...".
absl::StatusOr<nlohmann::ordered_json> ParseJson(absl::string_view text,
                                                 absl::string_view what);

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_BASE_JSON_H_
