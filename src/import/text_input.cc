// File: import/text_input.cc

#include "import/text_input.h"

#include <iconv.h>

#include <cerrno>

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

size_t FirstInvalidUtf8(absl::string_view text) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // ASCII runs, the bulk of every extract, eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t word;
      __builtin_memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ull) != 0) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t extra = 0;
    uint32_t code = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
      code = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
      code = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
      code = c & 0x07;
    } else {
      return i;
    }
    if (i + extra >= n) return i;
    for (size_t k = 1; k <= extra; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      code = (code << 6) | (p[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF.
    if ((extra == 2 && code < 0x800) || (extra == 3 && code < 0x10000) ||
        (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
      return i;
    }
    i += extra + 1;
  }
  return absl::string_view::npos;
}

absl::Status DecodeText(absl::string_view name, absl::string_view text,
                        DecodedText* out) {
  absl::StatusOr<absl::string_view> utf8 = Utf8Text(name, text);
  if (!utf8.ok()) return utf8.status();
  out->text = *utf8;
  out->converted.clear();
  out->note.clear();
  const size_t bad = FirstInvalidUtf8(*utf8);
  if (bad == absl::string_view::npos) return absl::OkStatus();
  const int64_t line = CountChar(utf8->substr(0, bad), '\n') + 1;
  iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return absl::FailedPreconditionError(absl::StrFormat(
        "%s: the file is not UTF-8 (line %d) and Windows-1252 conversion is "
        "not available here",
        name, line));
  }
  // Every Windows-1252 byte is at most three bytes of UTF-8.
  out->converted.resize(utf8->size() * 3);
  char* in = const_cast<char*>(utf8->data());
  size_t in_left = utf8->size();
  char* to = out->converted.data();
  size_t to_left = out->converted.size();
  const size_t done = iconv(cd, &in, &in_left, &to, &to_left);
  const int error = errno;
  iconv_close(cd);
  if (done == static_cast<size_t>(-1)) {
    const size_t at = utf8->size() - in_left;
    const int64_t where = CountChar(utf8->substr(0, at), '\n') + 1;
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s: the file is neither UTF-8 (line %d) nor Windows-1252 (line %d, "
        "byte 0x%02X%s); save it as UTF-8 and import it again",
        name, line, where, static_cast<unsigned char>((*utf8)[at]),
        error == EILSEQ ? "" : ", cut short"));
  }
  out->converted.resize(out->converted.size() - to_left);
  out->text = out->converted;
  out->note = absl::StrFormat(
      "%s: the file is not UTF-8 (line %d is the first that is not): read as "
      "Windows-1252, as Excel on Windows saves CSV; save it as UTF-8 to be "
      "sure of its names",
      name, line);
  return absl::OkStatus();
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
