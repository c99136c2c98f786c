// File: internal/line_cursor.cc

#include "internal/line_cursor.h"

#include <algorithm>
#include <cstdint>

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

// The newlines in [begin, end). Each block of up to 255 bytes is summed in
// one byte, which the compiler vectorizes 16 or 32 bytes at a time;
// std::count widens every byte to a 64-bit sum and runs several times
// slower.
int64_t CountNewlines(const char* begin, const char* end) {
  int64_t total = 0;
  while (begin != end) {
    const ptrdiff_t size = std::min<ptrdiff_t>(end - begin, 255);
    uint8_t block = 0;
    for (ptrdiff_t i = 0; i < size; ++i) block += begin[i] == '\n' ? 1 : 0;
    total += block;
    begin += size;
  }
  return total;
}

}  // namespace

int64_t LineCursor::LineOf(size_t offset) {
  offset = std::min(offset, text_.size());
  const char* const text = text_.data();
  if (offset >= offset_) {
    line_ += CountNewlines(text + offset_, text + offset);
  } else {
    line_ -= CountNewlines(text + offset, text + offset_);
  }
  offset_ = offset;
  return line_;
}

}  // namespace internal
TSC_NAMESPACE_END
