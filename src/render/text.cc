// File: render/text.cc

#include "render/text.h"

#include <cctype>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

bool IsWordByte(absl::string_view s, size_t i) {
  if (i >= s.size()) return false;
  const unsigned char c = static_cast<unsigned char>(s[i]);
  return std::isalnum(c) || c >= 0x80;
}

// Whether the ASCII punctuation at s[i] needs a backslash (CommonMark allows
// one before any ASCII punctuation). `_` only at a word boundary and `&`
// only before what could be an entity, so cp_plans.csv and "GOV.UK & ..."
// stay readable in a terminal.
bool NeedsEscape(absl::string_view s, size_t i) {
  static constexpr absl::string_view kAlways = "\\`*[]<>|~";
  const char c = s[i];
  if (kAlways.find(c) != absl::string_view::npos) return true;
  if (c == '_') return !(i > 0 && IsWordByte(s, i - 1) && IsWordByte(s, i + 1));
  if (c == '&') {
    return IsWordByte(s, i + 1) || (i + 1 < s.size() && s[i + 1] == '#');
  }
  return false;
}

bool IsControl(char c) { return static_cast<uint8_t>(c) < 0x20 || c == 0x7F; }

}  // namespace

size_t Utf8Length(absl::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  const uint8_t c = byte(i);
  if (c < 0x80) return 1;
  size_t n = 0;
  uint8_t lo = 0x80, hi = 0xBF;  // the range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // beyond U+10FFFF
  } else {
    return 0;
  }
  if (i + n > s.size() || byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return n;
}

std::string ValidUtf8(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t n = Utf8Length(s, i);
    if (n == 0) {
      out += kReplacement;
      ++i;
    } else {
      out.append(s.data() + i, n);
      i += n;
    }
  }
  return out;
}

std::string CsvField(absl::string_view text) {
  std::string s = ValidUtf8(text);
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string MarkdownText(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t n = Utf8Length(s, i);
    if (n == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (n == 1 && IsControl(s[i])) {
      out += ' ';
    } else {
      if (n == 1 && NeedsEscape(s, i)) out += '\\';
      out.append(s.data() + i, n);
    }
    i += n;
  }
  return out;
}

std::string HtmlText(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t n = Utf8Length(s, i);
    if (n == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (n > 1) {
      out.append(s.data() + i, n);
      i += n;
      continue;
    }
    const char c = s[i++];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += IsControl(c) ? ' ' : c;
    }
  }
  return out;
}

std::string Grouped(int64_t n) {
  const uint64_t magnitude =
      n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  const std::string digits = absl::StrCat(magnitude);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string Num(double v) {
  double r = std::round(v * 100.0) / 100.0;
  if (r == 0.0) r = 0.0;  // no "-0"
  std::string s = absl::StrFormat("%.2f", r);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string Signed(double v) {
  const std::string s = Num(v);
  return s[0] == '-' || s == "0" ? s : "+" + s;
}

std::string Percent(double v) { return absl::StrFormat("%.2f%%", v); }

}  // namespace internal
TSC_NAMESPACE_END
