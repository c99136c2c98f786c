// File: import/text_input.cc

#include "import/text_input.h"

#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"

TSC_NAMESPACE_BEGIN
namespace internal {

absl::StatusOr<absl::string_view> Utf8Text(absl::string_view name,
                                           absl::string_view text) {
  if (absl::StartsWith(text, "\xFF\xFE") ||
      absl::StartsWith(text, "\xFE\xFF")) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s: the file is UTF-16 (it starts with a UTF-16 byte-order mark); "
        "save it as UTF-8 and import it again",
        name));
  }
  const size_t nul = text.find('\0');
  if (nul != absl::string_view::npos) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s: the file holds a NUL byte at offset %d, so it is not UTF-8 text "
        "(UTF-16 without a byte-order mark, or a binary file); save it as "
        "UTF-8 and import it again",
        name, nul));
  }
  absl::ConsumePrefix(&text, "\xEF\xBB\xBF");
  return text;
}

int64_t CountChar(absl::string_view text, char c) noexcept {
  int64_t total = 0;
  const char* at = text.data();
  size_t left = text.size();
  while (left > 0) {
    const size_t size = left < 255 ? left : 255;
    uint8_t block = 0;
    for (size_t i = 0; i < size; ++i) block += at[i] == c ? 1 : 0;
    total += block;
    at += size;
    left -= size;
  }
  return total;
}

}  // namespace internal
TSC_NAMESPACE_END
