// File: base/json.h
//
// The one JSON reader of every file the project reads (the configuration, a
// rules or policy file, a GOV.UK holidays file), with errors as absl::Status
// and no exception ever thrown:
//
//  * keys are kept in document order (nlohmann::ordered_json), but the
//    document is built in linear time: nlohmann's own builder searches an
//    ordered object for every key it adds, so 100k keys took minutes;
//  * a key twice in one object is an error naming it and where: the last
//    one silently winning would let `{"target": 95, "target": 10}` mean 10;
//  * a number too large for a double (1e999) is an error naming its key
//    (nlohmann throws out_of_range for it, which ended the process);
//  * nesting deeper than kMaxJsonDepth is an error, so nothing that walks
//    a document (copying, dumping) can run out of stack;
//  * messages quote at most an excerpt of the input.
//
// Read values with JsonInt64() and JsonDouble() rather than get<>(): they
// say when a number does not fit instead of wrapping or throwing. Look keys
// up in a big object by iterating it once (ordered_json's find() is a
// linear search).

#ifndef TSC_BASE_JSON_H_
#define TSC_BASE_JSON_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "nlohmann/json.hpp"
#include "timescales/config.h"

TSC_NAMESPACE_BEGIN
namespace internal {

using Json = nlohmann::ordered_json;

// The deepest nesting of arrays and objects accepted; the project's files
// need five levels.
inline constexpr size_t kMaxJsonDepth = 64;

// ParseJson()
//
// Parses `text`. Every error is InvalidArgument, "<what>: parse error at
// line L, column C: ...": a syntax error (nlohmann's description), a key
// repeated in one object, a number out of range, nesting too deep.
absl::StatusOr<Json> ParseJson(absl::string_view text, absl::string_view what);

// An object of `members`, in their order, built without the search for an
// existing key that each ordered_json insert (operator[], emplace) makes:
// linear where inserting key by key is quadratic. The keys must differ.
Json JsonObject(std::vector<std::pair<std::string, Json>> members);

// The value when it is a whole number that fits an int64_t (nlohmann keeps
// 2^63..2^64-1 as unsigned, which get<int64_t>() would wrap to negative).
std::optional<int64_t> JsonInt64(const Json& value) noexcept;

// The value when it is a number (whole or not).
std::optional<double> JsonDouble(const Json& value) noexcept;

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_BASE_JSON_H_
