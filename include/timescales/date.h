// File: date.h
// -----------------------------------------------------------------------------
//
// `timescales::Date` is a civil (time-zone free) date held as a serial day
// number: days since 1970-01-01, the same number as Arrow `date32`, numpy
// `datetime64[D]` and the C ABI's `tsc_date`. It is trivially copyable and
// cheap to compare; calendar arithmetic on it never loops over days.
//
// The library accepts dates from 1900-01-01 (`kMinDate`) to 2199-12-31
// (`kMaxDate`). Factories and arithmetic return `absl::OutOfRangeError` when a
// date or a result leaves that range, and `absl::InvalidArgumentError` for
// dates that do not exist (31 Feb).
//
// Calendar-month arithmetic follows English law by default: the corresponding
// date (Dodds v Walker [1981]), clamped to the last day of a shorter month.
// The convention is a named parameter, never implied.
//
// Example:
//
//   absl::StatusOr<timescales::Date> d = timescales::Date::Parse("2019-08-31");
//   absl::StatusOr<timescales::Date> due = timescales::AddMonths(*d, 6);
//   // *due == 2020-02-29 (2020 is a leap year; 31 Feb does not exist)

#ifndef TSC_DATE_H_
#define TSC_DATE_H_

#include <cstdint>
#include <iosfwd>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "timescales/config.h"

TSC_NAMESPACE_BEGIN

// Weekday numbering follows ISO 8601: Monday is 1, Sunday is 7.
enum class Weekday : int {
  kMonday = 1,
  kTuesday = 2,
  kWednesday = 3,
  kThursday = 4,
  kFriday = 5,
  kSaturday = 6,
  kSunday = 7,
};

// The textual date shapes the parser accepts.
enum class DateFormat {
  kIso,  // yyyy-mm-dd
  kDmy,  // dd/mm/yyyy (the DfE returns)
  kAny,  // either shape, told apart by its separators
};

class Date {
 public:
  // 1970-01-01.
  constexpr Date() noexcept = default;

  // Date::FromSerial()
  //
  // Wraps a serial day number without validation; check `in_range()` before
  // handing it to arithmetic that needs it, or let that arithmetic report it.
  //
  // Example:
  //   Date::FromSerial(18283).ToString() == "2020-01-22"
  static constexpr Date FromSerial(int32_t serial) noexcept {
    return Date(serial);
  }

  // Date::FromYmd()
  //
  // A validated date: InvalidArgument for a day that does not exist,
  // OutOfRange outside [kMinDate, kMaxDate].
  //
  // Example:
  //   Date::FromYmd(2020, 2, 30)  // InvalidArgument: 2020-02-30 is not a date
  static absl::StatusOr<Date> FromYmd(int year, int month, int day);

  // Date::Parse()
  //
  // Parses `yyyy-mm-dd` or `dd/mm/yyyy` (leading and trailing spaces are
  // ignored). The error message quotes the text.
  //
  // Example:
  //   Date::Parse("20/12/2019")  // 2019-12-20
  static absl::StatusOr<Date> Parse(absl::string_view text,
                                    DateFormat format = DateFormat::kAny);

  // The serial day number (days since 1970-01-01).
  constexpr int32_t serial() const noexcept { return serial_; }

  int year() const noexcept;
  int month() const noexcept;  // 1..12
  int day() const noexcept;    // 1..31
  Weekday weekday() const noexcept;
  bool is_weekend() const noexcept;

  // True when the date lies in [kMinDate, kMaxDate].
  constexpr bool in_range() const noexcept;

  // ISO 8601, `2020-01-22`.
  std::string ToString() const;
  // The form used in explanations, `Wed 22 Jan 2020`.
  std::string ToLongString() const;

  friend constexpr bool operator==(Date a, Date b) noexcept {
    return a.serial_ == b.serial_;
  }
  friend constexpr bool operator!=(Date a, Date b) noexcept {
    return a.serial_ != b.serial_;
  }
  friend constexpr bool operator<(Date a, Date b) noexcept {
    return a.serial_ < b.serial_;
  }
  friend constexpr bool operator<=(Date a, Date b) noexcept {
    return a.serial_ <= b.serial_;
  }
  friend constexpr bool operator>(Date a, Date b) noexcept {
    return a.serial_ > b.serial_;
  }
  friend constexpr bool operator>=(Date a, Date b) noexcept {
    return a.serial_ >= b.serial_;
  }

 private:
  constexpr explicit Date(int32_t serial) noexcept : serial_(serial) {}
  int32_t serial_ = 0;
};

// The supported range, inclusive.
inline constexpr Date kMinDate = Date::FromSerial(-25567);  // 1900-01-01
inline constexpr Date kMaxDate = Date::FromSerial(84005);   // 2199-12-31

constexpr bool Date::in_range() const noexcept {
  return serial_ >= kMinDate.serial() && serial_ <= kMaxDate.serial();
}

// IsLeapYear()
//
// Gregorian leap years. Example: IsLeapYear(2000) is true, IsLeapYear(2100)
// is false.
bool IsLeapYear(int year) noexcept;

// DaysInMonth()
//
// Example: DaysInMonth(2024, 2) == 29.
int DaysInMonth(int year, int month) noexcept;

// How a period of N calendar months is counted.
enum class MonthConvention {
  // The corresponding date N months later, clamped to the last day of that
  // month when it has no such day (Dodds v Walker). 31 Aug + 6 = 28/29 Feb;
  // 30 Apr + 1 = 30 May (not 31 May, as Boost's `months` would snap to).
  kCorrespondingDate,
  // The day before the corresponding date, or the last day of the month when
  // there is no corresponding date (e.g. SI 2018/1082 r1.4). 15 Jan + 3 =
  // 14 Apr. For negative N, the day after the corresponding date.
  kDayBeforeCorrespondingDate,
  // A fixed number of calendar days: N x 365 / 12 rounded half up, so 3 months
  // are 91 days and 6 months 183 (reproduces Mosaic-style figures).
  kFixedDays,
};

// AddDays()
//
// Plain calendar days; weekends and holidays are not skipped.
//
// Example: AddDays(2024-09-01, 7) == 2024-09-08
absl::StatusOr<Date> AddDays(Date date, int32_t days);

// AddWeeks()
//
// Seven calendar days a week. Example: AddWeeks(2024-09-06, 6) == 2024-10-18
absl::StatusOr<Date> AddWeeks(Date date, int32_t weeks);

// AddMonths()
//
// Calendar months under `convention` (default: corresponding date, clamped).
//
// Example:
//   AddMonths(2023-08-31, 6) == 2024-02-29
//   AddMonths(2019-10-31, 6) == 2020-04-30
absl::StatusOr<Date> AddMonths(
    Date date, int32_t months,
    MonthConvention convention = MonthConvention::kCorrespondingDate);

// Writes the ISO form (for logs and test failure messages).
std::ostream& operator<<(std::ostream& os, Date date);

// Three-letter English names, "Mon".."Sun" and "Jan".."Dec".
absl::string_view WeekdayName(Weekday weekday) noexcept;
absl::string_view MonthName(int month) noexcept;

TSC_NAMESPACE_END

#endif  // TSC_DATE_H_
