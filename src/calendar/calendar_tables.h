// File: calendar/calendar_tables.h
//
// What a Calendar precomputes once so that every query is O(1):
//
//   before[i]  = working days in [kMinDate, kMinDate + i), for i in [0, N];
//                so day i is a working day iff before[i + 1] != before[i],
//                and working days in (a, b] = before[b + 1] - before[a + 1];
//   working[k] = the serial of the k-th working day (0-based), the inverse
//                ("select") of `before`: the n-th working day after a day d
//                is working[before[d + 1] + n - 1].
//
// About 0.75 MB for the whole 1900-2199 range. Each Calendar also keeps raw
// pointers into them (CalendarView in calendar.h), so that its hot queries
// inline.

#ifndef TSC_CALENDAR_CALENDAR_TABLES_H_
#define TSC_CALENDAR_CALENDAR_TABLES_H_

#include <cstdint>
#include <vector>

#include "timescales/calendar.h"

TSC_NAMESPACE_BEGIN
namespace internal {

struct CalendarTables {
  CalendarInfo info;
  std::vector<Holiday> holidays;  // weekday holidays and closures, by date
  std::vector<int32_t> before;
  std::vector<int32_t> working;
  // The last serial a query may take or return: kMaxDate, or known_until
  // when the calendar is strict.
  int32_t horizon = 0;
};

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_CALENDAR_CALENDAR_TABLES_H_
