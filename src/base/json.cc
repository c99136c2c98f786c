// File: base/json.cc

#include "base/json.h"

#include "absl/strings/str_format.h"

TSC_NAMESPACE_BEGIN
namespace internal {

absl::StatusOr<nlohmann::ordered_json> ParseJson(absl::string_view text,
                                                 absl::string_view what) {
  // nlohmann reports syntax errors (with line and column) only by
  // exception; this is the one place that catches them.
  try {
    return nlohmann::ordered_json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    absl::string_view message = e.what();
    const size_t bracket = message.find("] ");  // "[json.exception...] "
    if (bracket != absl::string_view::npos) message.remove_prefix(bracket + 2);
    return absl::InvalidArgumentError(absl::StrFormat("%s: %s", what, message));
  }
}

}  // namespace internal
TSC_NAMESPACE_END
