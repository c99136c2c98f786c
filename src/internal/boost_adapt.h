// File: internal/boost_adapt.h
//
// The only door to Boost.Date_Time. Boost reports bad fields by throwing;
// these wrappers turn that into absl::Status so no exception leaves the
// library, and keep Boost types out of every other file.

#ifndef TSC_INTERNAL_BOOST_ADAPT_H_
#define TSC_INTERNAL_BOOST_ADAPT_H_

#include <cstdint>

#include "timescales/config.h"

#include "absl/status/statusor.h"

TSC_NAMESPACE_BEGIN
namespace internal {

// The serial day of a Gregorian date, validated by Boost
// (InvalidArgument for 31 Feb, month 13, ...). No range policy here.
absl::StatusOr<int32_t> ValidatedSerial(int year, int month, int day);

// The serial day of the `nth` (1-based) `iso_weekday` of a month, e.g. the
// first Monday in May. Used by the holiday rules.
int32_t NthWeekdayOfMonth(int year, int month, int iso_weekday, int nth);

// The serial day of the last `iso_weekday` of a month, e.g. the last Monday
// in August.
int32_t LastWeekdayOfMonth(int year, int month, int iso_weekday);

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_INTERNAL_BOOST_ADAPT_H_
