// File: import/text_input.h
//
// What every importer does to a file's bytes before reading them: refuse
// encodings it cannot read (UTF-16 and UTF-32 look like text to a human but
// are full of NUL bytes to a parser), drop a UTF-8 byte-order mark, and
// read a file that is not UTF-8 as Windows-1252 (what Excel on Windows
// saves as "CSV"), converted by iconv, never with replacement characters.
// (Line numbers of XML records: line_cursor.h.)

#ifndef TSC_IMPORT_TEXT_INPUT_H_
#define TSC_IMPORT_TEXT_INPUT_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "timescales/config.h"

TSC_NAMESPACE_BEGIN
namespace internal {

// Utf8Text()
//
// `text` without its UTF-8 BOM; InvalidArgument naming `name` when it starts
// with a UTF-16/UTF-32 BOM or holds a NUL byte anywhere.
absl::StatusOr<absl::string_view> Utf8Text(absl::string_view name,
                                           absl::string_view text);

// A file's text as UTF-8: `text` views the input itself, or `converted`
// when the file had to be converted, with `note` saying so.
struct DecodedText {
  absl::string_view text;
  std::string converted;
  std::string note;
};

// DecodeText()
//
// Utf8Text(), and then: valid UTF-8 as it is; otherwise the text read as
// Windows-1252 and converted to UTF-8, noted (naming the line of the first
// byte that is not UTF-8); InvalidArgument when it is neither.
// (`*out` must not move while its `text` is in use: it may point into
// `converted`.)
absl::Status DecodeText(absl::string_view name, absl::string_view text,
                        DecodedText* out);

// The offset of the first byte of `text` that is not part of valid UTF-8,
// or npos.
size_t FirstInvalidUtf8(absl::string_view text) noexcept;

// CountChar()
//
// How many times `c` occurs in `text`: line ends, for the importers' line
// numbers and for room reserved ahead. Each block of up to 255 bytes is
// summed in one byte, which the compiler vectorizes; std::count widens
// every byte to a 64-bit sum and runs several times slower.
int64_t CountChar(absl::string_view text, char c) noexcept;

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_IMPORT_TEXT_INPUT_H_
