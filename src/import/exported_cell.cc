// File: import/exported_cell.cc

#include "import/exported_cell.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

bool Digits(absl::string_view text, int* out) {
  if (text.empty() || text.size() > 4) return false;
  int value = 0;
  for (const char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
    value = value * 10 + (c - '0');
  }
  *out = value;
  return true;
}

// `Z`, `+hh:mm`, `+hhmm` or `+hh` (or `-`): the offset in minutes.
bool ParseOffset(absl::string_view text, int* minutes) {
  if (text == "Z" || text == "z") {
    *minutes = 0;
    return true;
  }
  if (text.size() < 3 || (text[0] != '+' && text[0] != '-')) return false;
  const int sign = text[0] == '-' ? -1 : 1;
  absl::string_view rest = text.substr(1);
  int hours = 0;
  int mins = 0;
  if (rest.size() == 2) {
    if (!Digits(rest, &hours)) return false;
  } else if (rest.size() == 4) {
    if (!Digits(rest.substr(0, 2), &hours) ||
        !Digits(rest.substr(2, 2), &mins)) {
      return false;
    }
  } else if (rest.size() == 5 && rest[2] == ':') {
    if (!Digits(rest.substr(0, 2), &hours) ||
        !Digits(rest.substr(3, 2), &mins)) {
      return false;
    }
  } else {
    return false;
  }
  if (hours > 14 || mins > 59) return false;
  *minutes = sign * (hours * 60 + mins);
  return true;
}

// H:MM, HH:MM, HH:MM:SS, HH:MM:SS.fff, each optionally followed by AM/PM
// and an offset.
bool ParseTime(absl::string_view text, ExportedDateTime* out) {
  text = absl::StripAsciiWhitespace(text);
  // The offset: Z or a sign after the clock (a '-' inside the clock is
  // impossible, so the last sign or Z starts it).
  const size_t sign = text.find_last_of("+-Zz");
  if (sign != absl::string_view::npos && sign > 0) {
    int offset = 0;
    if (!ParseOffset(text.substr(sign), &offset)) return false;
    out->offset_minutes = offset;
    text = absl::StripTrailingAsciiWhitespace(text.substr(0, sign));
  }
  // AM / PM.
  int meridiem = 0;  // 0 none, 1 am, 2 pm
  if (text.size() >= 2) {
    const absl::string_view tail = text.substr(text.size() - 2);
    if (absl::EqualsIgnoreCase(tail, "AM")) meridiem = 1;
    if (absl::EqualsIgnoreCase(tail, "PM")) meridiem = 2;
    if (meridiem != 0) {
      text =
          absl::StripTrailingAsciiWhitespace(text.substr(0, text.size() - 2));
    }
  }
  const size_t colon = text.find(':');
  if (colon == absl::string_view::npos) return false;
  int hours = 0;
  int minutes = 0;
  int seconds = 0;
  if (colon == 0 || colon > 2 || !Digits(text.substr(0, colon), &hours)) {
    return false;
  }
  absl::string_view rest = text.substr(colon + 1);
  if (rest.size() < 2 || !Digits(rest.substr(0, 2), &minutes)) return false;
  rest.remove_prefix(2);
  if (!rest.empty()) {
    if (rest[0] != ':' || rest.size() < 3 ||
        !Digits(rest.substr(1, 2), &seconds)) {
      return false;
    }
    rest.remove_prefix(3);
    if (!rest.empty()) {  // a fraction of a second: dropped
      if (rest[0] != '.' && rest[0] != ',') return false;
      rest.remove_prefix(1);
      if (rest.empty() || rest.size() > 9) return false;
      for (const char c : rest) {
        if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
      }
    }
  }
  if (meridiem != 0) {
    if (hours < 1 || hours > 12) return false;
    hours = hours % 12 + (meridiem == 2 ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return false;
  out->has_time = true;
  out->minute = hours * 60 + minutes;
  out->second = seconds;
  return true;
}

}  // namespace

bool IsBlankMarker(absl::string_view trimmed) {
  return absl::EqualsIgnoreCase(trimmed, "NULL") ||
         absl::EqualsIgnoreCase(trimmed, "NaT") ||
         absl::EqualsIgnoreCase(trimmed, "nan") ||
         absl::EqualsIgnoreCase(trimmed, "None");
}

bool SplitDateTime(absl::string_view trimmed, ExportedDateTime* out) {
  *out = ExportedDateTime();
  size_t split = absl::string_view::npos;
  for (size_t i = 0; i < trimmed.size(); ++i) {
    if (trimmed[i] == 'T' || trimmed[i] == ' ') {
      split = i;
      break;
    }
  }
  out->date = trimmed.substr(0, split);
  if (split == absl::string_view::npos) return true;
  return ParseTime(trimmed.substr(split + 1), out);
}

bool SlashFields(absl::string_view date, int* first, int* second) {
  const size_t a = date.find('/');
  if (a == absl::string_view::npos) return false;
  const size_t b = date.find('/', a + 1);
  if (b == absl::string_view::npos) return false;
  return a <= 2 && b - a - 1 <= 2 && Digits(date.substr(0, a), first) &&
         Digits(date.substr(a + 1, b - a - 1), second);
}

std::optional<Date> ParseSlashOrIsoDate(absl::string_view date,
                                        SlashOrder order,
                                        std::optional<int> two_digit_years_from,
                                        bool* two_digit_year) {
  *two_digit_year = false;
  int y = 0;
  int m = 0;
  int d = 0;
  if (date.size() == 10 && date[4] == '-' && date[7] == '-') {
    if (!Digits(date.substr(0, 4), &y) || !Digits(date.substr(5, 2), &m) ||
        !Digits(date.substr(8, 2), &d)) {
      return std::nullopt;
    }
  } else {
    int first = 0;
    int second = 0;
    if (!SlashFields(date, &first, &second)) return std::nullopt;
    const absl::string_view year = date.substr(date.rfind('/') + 1);
    if (!Digits(year, &y)) return std::nullopt;
    if (year.size() == 2) {
      if (!two_digit_years_from) {
        *two_digit_year = true;
        return std::nullopt;
      }
      const int from = *two_digit_years_from;
      y = from - from % 100 + y;
      if (y < from) y += 100;
    } else if (year.size() != 4) {
      return std::nullopt;
    }
    d = order == SlashOrder::kDayMonth ? first : second;
    m = order == SlashOrder::kDayMonth ? second : first;
  }
  absl::StatusOr<Date> checked = Date::FromYmd(y, m, d);
  if (!checked.ok()) return std::nullopt;
  return *checked;
}

std::string NormalisedCode(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == ' ' || c == '-' || c == '_' || c == '\t') continue;
    out.push_back(absl::ascii_toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

bool WholeNumberWithZeroFraction(absl::string_view text, std::string* whole) {
  const size_t dot = text.find('.');
  if (dot == absl::string_view::npos || dot == 0 || dot + 1 == text.size()) {
    return false;
  }
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (i < dot && !absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
    if (i > dot && c != '0') return false;
  }
  whole->assign(text.data(), dot);
  return true;
}

}  // namespace internal
TSC_NAMESPACE_END
