// Small helpers the C++ tests share: dates and moments by their fields, and
// the default engine (England and Wales, the built-in rules, the default
// policy).

#ifndef TSC_TESTS_TESTING_FIXTURES_H_
#define TSC_TESTS_TESTING_FIXTURES_H_

#include "timescales/date.h"
#include "timescales/due.h"
#include "timescales/moment.h"

namespace timescales {
namespace testing {

// A date the test knows is valid.
inline Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

// A moment at hh:mm (Europe/London) on a date.
inline Moment At(int y, int m, int d, int hh, int mm) {
  return Moment{D(y, m, d), hh * 60 + mm};
}

// A date with no time.
inline Moment On(int y, int m, int d) { return Moment::OnDate(D(y, m, d)); }

// The default engine, built once.
inline const Timescales& TS() {
  static const Timescales* const kTs = new Timescales(*Timescales::Default());
  return *kTs;
}

}  // namespace testing
}  // namespace timescales

#endif  // TSC_TESTS_TESTING_FIXTURES_H_
