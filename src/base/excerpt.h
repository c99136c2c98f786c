// File: base/excerpt.h
//
// How a message quotes what it was given: whole when short, else its start
// and an ellipsis. A date column's cell, a command-line argument or a JSON
// key may be megabytes long; a message that repeats it whole is a second
// problem (a 50 MB line, a 50 MB message).
//
// Example:
//
//   absl::StrFormat("'%s' is not a date", Excerpt(text))
//   // '2019-01-01xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' ...

#ifndef TSC_BASE_EXCERPT_H_
#define TSC_BASE_EXCERPT_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"
#include "timescales/config.h"

TSC_NAMESPACE_BEGIN
namespace internal {

// The most of an input a message quotes, in bytes.
inline constexpr size_t kExcerptBytes = 60;

// `text` when it is at most `max_bytes` long; otherwise its first bytes (cut
// before a UTF-8 sequence, never inside one) and "...".
std::string Excerpt(absl::string_view text, size_t max_bytes = kExcerptBytes);

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_BASE_EXCERPT_H_
