// File: calendar/boost_adapt.h
//
// The only door to Boost.Date_Time, used for the holiday rules ("the last
// Monday in August"); Boost types stay out of every other file.

#ifndef TSC_CALENDAR_BOOST_ADAPT_H_
#define TSC_CALENDAR_BOOST_ADAPT_H_

#include <cstdint>

#include "timescales/config.h"

TSC_NAMESPACE_BEGIN
namespace internal {

// The serial day of the `nth` (1-based) `iso_weekday` of a month, e.g. the
// first Monday in May. Used by the holiday rules.
int32_t NthWeekdayOfMonth(int year, int month, int iso_weekday, int nth);

// The serial day of the last `iso_weekday` of a month, e.g. the last Monday
// in August.
int32_t LastWeekdayOfMonth(int year, int month, int iso_weekday);

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_CALENDAR_BOOST_ADAPT_H_
