// File: import/line_cursor.h
//
// The 1-based line of byte offsets in a text (a line ends at '\n'), for a
// reader that asks in roughly increasing order, as an XML importer does
// when it visits elements in document order. Each lookup moves from the
// previous offset to the new one, so a whole pass costs one scan and no
// binary search. Lookups may go backwards (a record's fields are not read
// in document order); that costs the distance moved.
//
// A cursor over a text counts the newlines as it moves: no index at all, but
// the text must stay unchanged. Snapshot() notes where the lines start first
// (8 bytes a line), for a text about to be overwritten, as pugixml does to a
// buffer it parses in place.
//
// Example:
//
//   LineCursor lines(text);
//   const int64_t line = lines.LineOf(node_offset);

#ifndef TSC_IMPORT_LINE_CURSOR_H_
#define TSC_IMPORT_LINE_CURSOR_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "timescales/config.h"

TSC_NAMESPACE_BEGIN
namespace internal {

class LineCursor {
 public:
  // Counts newlines in `text`, which must outlive the cursor unchanged.
  explicit LineCursor(absl::string_view text) : text_(text) {}

  // A cursor that no longer needs `text` once made.
  static LineCursor Snapshot(absl::string_view text);

  // The line of `offset`; an offset past the end is on the last line.
  int64_t LineOf(size_t offset);

 private:
  LineCursor() = default;
  int64_t CountTo(size_t offset);
  int64_t StepTo(size_t offset);

  absl::string_view text_;
  size_t offset_ = 0;  // where the cursor is
  int64_t line_ = 1;   // the line of `offset_`
  // Snapshot only: the offset of each line's first byte, and one past the
  // text's end, so line_ - 1 and line_ index the current line's bounds.
  std::vector<size_t> starts_;
};

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_IMPORT_LINE_CURSOR_H_
