// File: timescales.h
// -----------------------------------------------------------------------------
//
// The umbrella header of the timescales C++ API, every public header by
// layer, each including only the layers above it in this list:
//
//   calendar  dates, moments, working-day calendars and their settings
//   rules     the rule catalogue, policy, explained due dates, schedules
//   import    the Dataset and the importers of SSDA903, CIN census, meetings
//   kpi       reporting periods, the configuration, the KPI registry, the
//             KPI engine (report) and the monitoring list
//   render    every output format
//
// The C++ API is source-compatible across minor versions; for a stable
// binary interface use the C ABI, <timescales/c.h>.

#ifndef TSC_TIMESCALES_H_
#define TSC_TIMESCALES_H_

#include "timescales/calendar.h"           // IWYU pragma: export
#include "timescales/calendar_settings.h"  // IWYU pragma: export
#include "timescales/cases.h"              // IWYU pragma: export
#include "timescales/config.h"             // IWYU pragma: export
#include "timescales/dataset.h"            // IWYU pragma: export
#include "timescales/date.h"               // IWYU pragma: export
#include "timescales/due.h"                // IWYU pragma: export
#include "timescales/import.h"             // IWYU pragma: export
#include "timescales/kpi_registry.h"       // IWYU pragma: export
#include "timescales/moment.h"             // IWYU pragma: export
#include "timescales/monitoring.h"         // IWYU pragma: export
#include "timescales/period.h"             // IWYU pragma: export
#include "timescales/policy.h"             // IWYU pragma: export
#include "timescales/render.h"             // IWYU pragma: export
#include "timescales/report.h"             // IWYU pragma: export
#include "timescales/report_config.h"      // IWYU pragma: export
#include "timescales/rules.h"              // IWYU pragma: export
#include "timescales/schedule.h"           // IWYU pragma: export
#include "timescales/version.h"            // IWYU pragma: export

#endif  // TSC_TIMESCALES_H_
