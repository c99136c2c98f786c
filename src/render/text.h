// File: render/text.h
//
// Text helpers shared by the report renderers: valid UTF-8 (bad bytes become
// U+FFFD rather than breaking the tool that opens the file), escaping for
// CSV, Markdown and HTML, and figures as a committee paper prints them.

#ifndef TSC_RENDER_TEXT_H_
#define TSC_RENDER_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "timescales/config.h"

TSC_NAMESPACE_BEGIN
namespace internal {

// The length of the well-formed UTF-8 sequence at s[i], or 0 when the byte
// there does not start one.
size_t Utf8Length(absl::string_view s, size_t i);

// `s` with every byte that is not UTF-8 replaced by U+FFFD.
std::string ValidUtf8(absl::string_view s);

// One RFC 4180 field: quoted when it holds a comma, quote or line break.
std::string CsvField(absl::string_view text);

// Text for a Markdown table cell or list item: Markdown punctuation gets a
// backslash, control characters (line breaks) become spaces.
std::string MarkdownText(absl::string_view s);

// Text for HTML element content and quoted attribute values alike; control
// characters become spaces.
std::string HtmlText(absl::string_view s);

// 1194 -> "1,194".
std::string Grouped(int64_t n);

// At most two decimals, trailing zeros dropped: 98.43, 21.6, 19.
std::string Num(double v);

// Num with a sign: +1.5, -2, 0.
std::string Signed(double v);

// A computed percentage, always two decimals so a column lines up: 97.12%.
std::string Percent(double v);

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_RENDER_TEXT_H_
