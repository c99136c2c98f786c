// File: calendar/civil.h
//
// Serial day <-> (year, month, day) conversions, after Howard Hinnant's
// public-domain `days_from_civil` / `civil_from_days`. Branch-light and
// constexpr, so the hot paths never reach for Boost.

#ifndef TSC_CALENDAR_CIVIL_H_
#define TSC_CALENDAR_CIVIL_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "timescales/config.h"

TSC_NAMESPACE_BEGIN
namespace internal {

struct Ymd {
  int year;
  int month;
  int day;
};

constexpr int32_t DaysFromCivil(int y, int m, int d) noexcept {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;                                    // [0, 399]
  const int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // [0, 146096]
  return era * 146097 + doe - 719468;
}

constexpr Ymd CivilFromDays(int32_t serial) noexcept {
  // 64-bit: the shift below would overflow int32 near its ends, and error
  // messages format whatever serial a caller passed.
  const int64_t z = int64_t{serial} + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400) + (m <= 2 ? 1 : 0);
  return Ymd{y, m, d};
}

// ISO weekday of a serial day: 1 = Monday ... 7 = Sunday (1970-01-01 was a
// Thursday).
constexpr int IsoWeekday(int32_t z) noexcept {
  const int w = static_cast<int>((z % 7 + 7 + 3) % 7);  // 0 = Monday
  return w + 1;
}

// Appends the first `length` characters (10: yyyy-mm-dd; 7: its month) of
// the serial day's ISO date, as Date::ToString() writes it for the
// supported years 1900-2199, without a format string: the case-level
// outputs write millions of dates.
inline void AppendIsoDate(int32_t serial, size_t length, std::string* out) {
  const Ymd ymd = CivilFromDays(serial);
  char text[10];
  int year = ymd.year;
  for (int i = 3; i >= 0; --i, year /= 10) {
    text[i] = static_cast<char>('0' + year % 10);
  }
  text[4] = '-';
  text[5] = static_cast<char>('0' + ymd.month / 10);
  text[6] = static_cast<char>('0' + ymd.month % 10);
  text[7] = '-';
  text[8] = static_cast<char>('0' + ymd.day / 10);
  text[9] = static_cast<char>('0' + ymd.day % 10);
  out->append(text, length < 10 ? length : 10);
}

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_CALENDAR_CIVIL_H_
