// File: calendar_options.h
// -----------------------------------------------------------------------------
//
// The options every `timescales` command shares to choose its working-day
// calendar: the built-in England and Wales data, optionally overlaid (or
// replaced) by a GOV.UK `bank-holidays.json`, plus a council's closure days.
//
// Example:
//
//   timescales --closure-days closures.txt workdays add 2024-12-20 5

#ifndef TSC_CLI_CALENDAR_OPTIONS_H_
#define TSC_CLI_CALENDAR_OPTIONS_H_

#include <string>

#include "CLI/CLI.hpp"
#include "absl/status/statusor.h"
#include "timescales/calendar.h"
#include "timescales/calendar_settings.h"

namespace timescales {
namespace cli {

struct CalendarOptions {
  std::string calendar_json;  // a GOV.UK bank-holidays.json; empty: none
  std::string division = "england-and-wales";
  bool replace = false;      // the file's holidays only, no built-in data
  std::string closure_days;  // one date a line; empty: none
  bool strict = false;       // refuse dates past the published data
};

// AddCalendarOptions()
//
// Adds --calendar-json, --division, --replace, --closure-days and --strict
// to `app`, writing into `options` (which must outlive parsing).
void AddCalendarOptions(CLI::App& app, CalendarOptions& options);

// The library's settings for the calendar `options` describe.
CalendarSettings ToSettings(const CalendarOptions& options);

// LoadCalendar()
//
// Builds the calendar `options` describe (BuildCalendar of their settings).
absl::StatusOr<Calendar> LoadCalendar(const CalendarOptions& options);

}  // namespace cli
}  // namespace timescales

#endif  // TSC_CLI_CALENDAR_OPTIONS_H_
