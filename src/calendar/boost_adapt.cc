// File: calendar/boost_adapt.cc

#include "calendar/boost_adapt.h"

#include "boost/date_time/gregorian/gregorian.hpp"

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

namespace greg = boost::gregorian;

const greg::date kEpoch(1970, 1, 1);

int32_t ToSerial(const greg::date& d) {
  return static_cast<int32_t>((d - kEpoch).days());
}

// Boost numbers weekdays 0 = Sunday .. 6 = Saturday.
greg::greg_weekday BoostWeekday(int iso_weekday) {
  return greg::greg_weekday(static_cast<unsigned short>(iso_weekday % 7));
}

}  // namespace

int32_t NthWeekdayOfMonth(int year, int month, int iso_weekday, int nth) {
  using Nth = greg::nth_day_of_the_week_in_month;
  const Nth rule(static_cast<Nth::week_num>(nth), BoostWeekday(iso_weekday),
                 static_cast<unsigned short>(month));
  return ToSerial(rule.get_date(static_cast<unsigned short>(year)));
}

int32_t LastWeekdayOfMonth(int year, int month, int iso_weekday) {
  const greg::last_day_of_the_week_in_month rule(
      BoostWeekday(iso_weekday), static_cast<unsigned short>(month));
  return ToSerial(rule.get_date(static_cast<unsigned short>(year)));
}

}  // namespace internal
TSC_NAMESPACE_END
