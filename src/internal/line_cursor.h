// File: internal/line_cursor.h
//
// The 1-based line of byte offsets in a text (a line ends at '\n'), for a
// reader that asks in roughly increasing order, as an XML importer does
// when it visits elements in document order. Each lookup counts the
// newlines between the previous offset and the new one, so a whole pass
// costs one scan of the text and no index: a LineIndex of a 100 MB census
// is a vector of millions of offsets and a binary search per record.
// Lookups may go backwards (a record's fields are not read in document
// order); that costs the distance moved.
//
// Example:
//
//   LineCursor lines(text);
//   const int64_t line = lines.LineOf(node_offset);

#ifndef TSC_INTERNAL_LINE_CURSOR_H_
#define TSC_INTERNAL_LINE_CURSOR_H_

#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"
#include "timescales/config.h"

TSC_NAMESPACE_BEGIN
namespace internal {

class LineCursor {
 public:
  explicit LineCursor(absl::string_view text) : text_(text) {}

  // The line of `offset`; an offset past the end is on the last line.
  int64_t LineOf(size_t offset);

 private:
  absl::string_view text_;
  size_t offset_ = 0;  // where the cursor is
  int64_t line_ = 1;   // the line of `offset_`
};

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_INTERNAL_LINE_CURSOR_H_
