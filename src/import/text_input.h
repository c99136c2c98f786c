// File: import/text_input.h
//
// What every importer does to a file's bytes before reading them: refuse
// encodings it cannot read (UTF-16 and UTF-32 look like text to a human but
// are full of NUL bytes to a parser), and drop a UTF-8 byte-order mark.
// (Line numbers of XML records: line_cursor.h.)

#ifndef TSC_IMPORT_TEXT_INPUT_H_
#define TSC_IMPORT_TEXT_INPUT_H_

#include <cstdint>

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
