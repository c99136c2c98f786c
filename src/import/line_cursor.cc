// File: import/line_cursor.cc

#include "import/line_cursor.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "import/text_input.h"

TSC_NAMESPACE_BEGIN
namespace internal {
LineCursor LineCursor::Snapshot(absl::string_view text) {
  LineCursor cursor;
  // Counted first (a vectorized pass): a census has millions of lines, and
  // growing the vector instead copied it over and over.
  cursor.starts_.reserve(static_cast<size_t>(CountChar(text, '\n')) + 2);
  cursor.starts_.push_back(0);
  const char* const end = text.data() + text.size();
  for (const char* at = text.data(); at != end;) {
    at = static_cast<const char*>(
        std::memchr(at, '\n', static_cast<size_t>(end - at)));
    if (at == nullptr) break;
    ++at;
    cursor.starts_.push_back(static_cast<size_t>(at - text.data()));
  }
  // A text ending in '\n' has an empty last line starting at its end.
  cursor.starts_.push_back(text.size() + 1);
  return cursor;
}

int64_t LineCursor::LineOf(size_t offset) {
  return starts_.empty() ? CountTo(offset) : StepTo(offset);
}

int64_t LineCursor::CountTo(size_t offset) {
  offset = std::min(offset, text_.size());
  const char* const text = text_.data();
  if (offset >= offset_) {
    line_ +=
        CountChar(absl::string_view(text + offset_, offset - offset_), '\n');
  } else {
    line_ -=
        CountChar(absl::string_view(text + offset, offset_ - offset), '\n');
  }
  offset_ = offset;
  return line_;
}

int64_t LineCursor::StepTo(size_t offset) {
  // starts_[line_ - 1] <= offset < starts_[line_], past the end included.
  offset = std::min(offset, starts_.back() - 1);
  while (offset >= starts_[static_cast<size_t>(line_)]) ++line_;
  while (offset < starts_[static_cast<size_t>(line_ - 1)]) --line_;
  return line_;
}

}  // namespace internal
TSC_NAMESPACE_END
