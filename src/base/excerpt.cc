// File: base/excerpt.cc

#include "base/excerpt.h"

#include "absl/strings/str_cat.h"

TSC_NAMESPACE_BEGIN
namespace internal {

std::string Excerpt(absl::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = max_bytes;
  // Back off over UTF-8 continuation bytes (10xxxxxx) to a sequence start.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return absl::StrCat(text.substr(0, cut), "...");
}

}  // namespace internal
TSC_NAMESPACE_END
