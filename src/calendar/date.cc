// File: calendar/date.cc

#include "timescales/date.h"

#include <cstdint>
#include <initializer_list>
#include <ostream>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "base/excerpt.h"
#include "base/status_macros.h"
#include "calendar/civil.h"
#include "calendar/date_text.h"

TSC_NAMESPACE_BEGIN
namespace {

constexpr absl::string_view kWeekdayNames[] = {"Mon", "Tue", "Wed", "Thu",
                                               "Fri", "Sat", "Sun"};
constexpr absl::string_view kMonthNames[] = {"Jan", "Feb", "Mar", "Apr",
                                             "May", "Jun", "Jul", "Aug",
                                             "Sep", "Oct", "Nov", "Dec"};

absl::Status OutOfRange(int64_t serial) {
  if (serial >= INT32_MIN && serial <= INT32_MAX) {
    const internal::Ymd ymd =
        internal::CivilFromDays(static_cast<int32_t>(serial));
    return absl::OutOfRangeError(absl::StrFormat(
        "%04d-%02d-%02d is outside the supported range 1900-01-01 to "
        "2199-12-31",
        ymd.year, ymd.month, ymd.day));
  }
  return absl::OutOfRangeError(
      "date is outside the supported range 1900-01-01 to 2199-12-31");
}

absl::StatusOr<Date> CheckedFromSerial(int64_t serial) {
  if (serial < kMinDate.serial() || serial > kMaxDate.serial()) {
    return OutOfRange(serial);
  }
  return Date::FromSerial(static_cast<int32_t>(serial));
}

// Parses exactly `digits` ASCII digits.
bool ParseFixedDigits(absl::string_view text, int* out) {
  int value = 0;
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
    value = value * 10 + (c - '0');
  }
  *out = value;
  return !text.empty();
}

// dd/mm/yyyy, also accepting d/m/yyyy as some extracts write it.
bool ParseDmy(absl::string_view text, int* y, int* m, int* d) {
  // Importers read millions of these: the slashes are looked for by hand,
  // in the usual places first, not with a library search per date.
  size_t first = absl::string_view::npos;
  size_t second = absl::string_view::npos;
  if (text.size() == 10 && text[2] == '/' && text[5] == '/') {
    first = 2;
    second = 5;
  } else {
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '/') continue;
      if (first != absl::string_view::npos) {
        second = i;
        break;
      }
      first = i;
    }
    if (second == absl::string_view::npos) return false;
  }
  const absl::string_view day = text.substr(0, first);
  const absl::string_view month = text.substr(first + 1, second - first - 1);
  const absl::string_view year = text.substr(second + 1);
  if (day.size() > 2 || month.size() > 2 || year.size() != 4) return false;
  return ParseFixedDigits(day, d) && ParseFixedDigits(month, m) &&
         ParseFixedDigits(year, y);
}

bool ParseIso(absl::string_view text, int* y, int* m, int* d) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  return ParseFixedDigits(text.substr(0, 4), y) &&
         ParseFixedDigits(text.substr(5, 2), m) &&
         ParseFixedDigits(text.substr(8, 2), d);
}

}  // namespace

// The serial day of a Gregorian date, or InvalidArgument for 31 Feb,
// month 13, ... Plain arithmetic: it runs for every date an importer reads.
static absl::StatusOr<int32_t> ValidatedSerial(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      day > DaysInMonth(year, month)) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%04d-%02d-%02d is not a date", year, month, day));
  }
  return internal::DaysFromCivil(year, month, day);
}

absl::StatusOr<Date> Date::FromYmd(int year, int month, int day) {
  TSC_ASSIGN_OR_RETURN(const int32_t serial, ValidatedSerial(year, month, day));
  return CheckedFromSerial(serial);
}

namespace {

// Year, month and day of `trimmed` written in `format`; false when it does
// not have that shape (the values are not checked).
bool ParseShape(absl::string_view trimmed, DateFormat format, int* y, int* m,
                int* d) {
  switch (format) {
    case DateFormat::kIso:
      return ParseIso(trimmed, y, m, d);
    case DateFormat::kDmy:
      return ParseDmy(trimmed, y, m, d);
    case DateFormat::kAny:
      return ParseIso(trimmed, y, m, d) || ParseDmy(trimmed, y, m, d);
  }
  return false;
}

}  // namespace

absl::StatusOr<Date> Date::Parse(absl::string_view text, DateFormat format) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  int y = 0;
  int m = 0;
  int d = 0;
  const bool shaped = ParseShape(trimmed, format, &y, &m, &d);
  if (!shaped) {
    const char* expected = format == DateFormat::kIso   ? "yyyy-mm-dd"
                           : format == DateFormat::kDmy ? "dd/mm/yyyy"
                                                        : "yyyy-mm-dd or "
                                                          "dd/mm/yyyy";
    return absl::InvalidArgumentError(absl::StrFormat(
        "'%s' is not a date (expected %s)", internal::Excerpt(text), expected));
  }
  absl::StatusOr<int32_t> serial = ValidatedSerial(y, m, d);
  if (!serial.ok()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("'%s' is not a date", internal::Excerpt(text)));
  }
  return CheckedFromSerial(*serial);
}

namespace internal {
namespace {

// The date y-m-d when it exists and is in range: the checks of
// ValidatedSerial() and CheckedFromSerial(), without building a Status.
std::optional<Date> CheckedDate(int y, int m, int d) noexcept {
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) {
    return std::nullopt;
  }
  const int32_t serial = DaysFromCivil(y, m, d);
  if (serial < kMinDate.serial() || serial > kMaxDate.serial()) {
    return std::nullopt;
  }
  return Date::FromSerial(serial);
}

}  // namespace

std::optional<Date> ParseDateText(absl::string_view text,
                                  DateFormat format) noexcept {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  int y = 0;
  int m = 0;
  int d = 0;
  if (!ParseShape(trimmed, format, &y, &m, &d)) return std::nullopt;
  return CheckedDate(y, m, d);
}

bool ParseFixedDateText(absl::string_view text, DateFormat* format,
                        std::optional<Date>* date) noexcept {
  if (text.size() != 10) return false;
  const char* const c = text.data();
  const auto digits = [c](std::initializer_list<int> at) {
    for (const int i : at) {
      if (static_cast<unsigned>(c[i] - '0') > 9) return false;
    }
    return true;
  };
  const auto two = [c](int i) { return (c[i] - '0') * 10 + (c[i + 1] - '0'); };
  if (c[2] == '/' && c[5] == '/' && digits({0, 1, 3, 4, 6, 7, 8, 9})) {
    *format = DateFormat::kDmy;
    *date = CheckedDate(two(6) * 100 + two(8), two(3), two(0));
    return true;
  }
  if (c[4] == '-' && c[7] == '-' && digits({0, 1, 2, 3, 5, 6, 8, 9})) {
    *format = DateFormat::kIso;
    *date = CheckedDate(two(0) * 100 + two(2), two(5), two(8));
    return true;
  }
  return false;
}

}  // namespace internal

int Date::year() const noexcept {
  return internal::CivilFromDays(serial_).year;
}
int Date::month() const noexcept {
  return internal::CivilFromDays(serial_).month;
}
int Date::day() const noexcept { return internal::CivilFromDays(serial_).day; }

Weekday Date::weekday() const noexcept {
  return static_cast<Weekday>(internal::IsoWeekday(serial_));
}

bool Date::is_weekend() const noexcept {
  return internal::IsoWeekday(serial_) >= 6;
}

std::string Date::ToString() const {
  const internal::Ymd ymd = internal::CivilFromDays(serial_);
  return absl::StrFormat("%04d-%02d-%02d", ymd.year, ymd.month, ymd.day);
}

std::string Date::ToLongString() const {
  const internal::Ymd ymd = internal::CivilFromDays(serial_);
  return absl::StrFormat("%s %d %s %d", WeekdayName(weekday()), ymd.day,
                         MonthName(ymd.month), ymd.year);
}

bool IsLeapYear(int year) noexcept {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int DaysInMonth(int year, int month) noexcept {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

absl::StatusOr<Date> AddDays(Date date, int32_t days) {
  if (!date.in_range()) return OutOfRange(date.serial());
  return CheckedFromSerial(int64_t{date.serial()} + days);
}

absl::StatusOr<Date> AddWeeks(Date date, int32_t weeks) {
  if (!date.in_range()) return OutOfRange(date.serial());
  return CheckedFromSerial(int64_t{date.serial()} + int64_t{weeks} * 7);
}

absl::StatusOr<Date> AddMonths(Date date, int32_t months,
                               MonthConvention convention) {
  if (!date.in_range()) return OutOfRange(date.serial());
  if (convention == MonthConvention::kFixedDays) {
    // N x 365 / 12, rounded half up (away from zero for negative N).
    const int64_t magnitude =
        (int64_t{months < 0 ? -int64_t{months} : int64_t{months}} * 365 + 6) /
        12;
    return CheckedFromSerial(int64_t{date.serial()} +
                             (months < 0 ? -magnitude : magnitude));
  }
  const internal::Ymd ymd = internal::CivilFromDays(date.serial());
  // Month arithmetic in a wide type: months may be any int32.
  const int64_t month_index = int64_t{ymd.year} * 12 + (ymd.month - 1) + months;
  const int64_t year =
      month_index >= 0 ? month_index / 12 : (month_index - 11) / 12;
  if (year < kMinDate.year() - 1 || year > kMaxDate.year() + 1) {
    return absl::OutOfRangeError(absl::StrFormat(
        "%s + %d months is outside the supported range 1900-01-01 to "
        "2199-12-31",
        date.ToString(), months));
  }
  const int month = static_cast<int>(month_index - year * 12) + 1;
  const int last = DaysInMonth(static_cast<int>(year), month);
  const bool has_corresponding = ymd.day <= last;
  int64_t serial = internal::DaysFromCivil(static_cast<int>(year), month,
                                           has_corresponding ? ymd.day : last);
  if (convention == MonthConvention::kDayBeforeCorrespondingDate &&
      has_corresponding && months != 0) {
    // The period ends the day before the corresponding date (the day after,
    // counting backwards); with no corresponding date it ends on the last
    // day of the month either way.
    serial += months > 0 ? -1 : 1;
  }
  return CheckedFromSerial(serial);
}

std::ostream& operator<<(std::ostream& os, Date date) {
  return os << date.ToString();
}

absl::string_view WeekdayName(Weekday weekday) noexcept {
  const int index = static_cast<int>(weekday) - 1;
  return index >= 0 && index < 7 ? kWeekdayNames[index] : "???";
}

absl::string_view MonthName(int month) noexcept {
  return month >= 1 && month <= 12 ? kMonthNames[month - 1] : "???";
}

TSC_NAMESPACE_END
