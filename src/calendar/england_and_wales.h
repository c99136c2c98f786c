// File: calendar/england_and_wales.h
//
// The England and Wales bank holidays: the embedded GOV.UK table (exact), and
// the standing rules used for the years the table does not cover (projected
// years after it, which are provisional, and history before it).

#ifndef TSC_CALENDAR_ENGLAND_AND_WALES_H_
#define TSC_CALENDAR_ENGLAND_AND_WALES_H_

#include <cstddef>
#include <vector>

#include "timescales/calendar.h"

TSC_NAMESPACE_BEGIN
namespace internal {

struct PublishedHoliday {
  int year;
  int month;
  int day;
  const char* title;  // GOV.UK title, e.g. "New Year’s Day"
  const char* notes;  // "", "Substitute day" or "Extra bank holiday"
};

extern const char kEnglandAndWalesDataVersion[];
extern const int kEnglandAndWalesFirstYear;
extern const int kEnglandAndWalesLastYear;
extern const PublishedHoliday kEnglandAndWalesTable[];
extern const size_t kEnglandAndWalesTableSize;

// The kind GOV.UK's `notes` field implies.
HolidayKind KindFromGovUkNotes(absl::string_view notes) noexcept;

// The weekday non-working days of `year` under the law of that year
// (standing rules since 1978; the 1971 Act and the 1871 Act before that,
// with the 1977 and 1981 one-off days). Not exact for moved days.
std::vector<Holiday> EnglandAndWalesRuleHolidays(int year);

// Easter Sunday of a Gregorian year, as a serial day.
int32_t EasterSunday(int year) noexcept;

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_CALENDAR_ENGLAND_AND_WALES_H_
