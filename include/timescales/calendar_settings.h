// File: calendar_settings.h
// -----------------------------------------------------------------------------
//
// A working-day calendar described by settings, the way every surface
// chooses one: the built-in England and Wales data, optionally overlaid (or
// replaced) by a GOV.UK `bank-holidays.json`, plus a council's closure days
// listed or read from a file (docs/configuration.md). The command line's
// calendar options, the report configuration and the C ABI all build their
// calendar here, so they agree to the day and in their messages.
//
// Example:
//
//   CalendarSettings settings;
//   settings.govuk_json_path = "bank-holidays.json";
//   settings.closure_days_path = "closures.txt";
//   absl::StatusOr<Calendar> calendar = BuildCalendar(settings);

#ifndef TSC_CALENDAR_SETTINGS_H_
#define TSC_CALENDAR_SETTINGS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "timescales/calendar.h"
#include "timescales/config.h"

TSC_NAMESPACE_BEGIN

struct CalendarSettings {
  // A GOV.UK bank-holidays.json; empty: the built-in data only.
  std::string govuk_json_path;
  // The division of that file to read.
  std::string division = "england-and-wales";
  // How the file combines with the built-in data.
  JsonMerge merge = JsonMerge::kOverlay;
  // Closure days given one by one (a configuration's `closure_days`).
  std::vector<Holiday> closure_days;
  // A closure-days file, one date a line; empty: none.
  std::string closure_days_path;
  // Refuse dates past the published holidays instead of projecting them.
  bool strict = false;
};

// BuildCalendar()
//
// The calendar `settings` describe: the GOV.UK file first, then the closure
// days listed, then those of the file. A file that cannot be read is
// NotFound or PermissionDenied naming it; malformed data keeps the
// library's message, prefixed with the file name.
absl::StatusOr<Calendar> BuildCalendar(const CalendarSettings& settings);

TSC_NAMESPACE_END

#endif  // TSC_CALENDAR_SETTINGS_H_
