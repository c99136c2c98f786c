// File: timescales.h
// -----------------------------------------------------------------------------
//
// The umbrella header of the timescales C++ API: dates, calendar-month
// arithmetic, working-day calendars, the rule catalogue, explained due dates
// and review chains for the statutory timescales of English children's
// social care.
//
// The C++ API is source-compatible across minor versions; for a stable
// binary interface use the C ABI, <timescales/c.h>.

#ifndef TSC_TIMESCALES_H_
#define TSC_TIMESCALES_H_

#include "timescales/calendar.h"  // IWYU pragma: export
#include "timescales/date.h"      // IWYU pragma: export
#include "timescales/due.h"       // IWYU pragma: export
#include "timescales/moment.h"    // IWYU pragma: export
#include "timescales/policy.h"    // IWYU pragma: export
#include "timescales/rules.h"     // IWYU pragma: export
#include "timescales/schedule.h"  // IWYU pragma: export
#include "timescales/version.h"   // IWYU pragma: export

#endif  // TSC_TIMESCALES_H_
