#include "calendar_options.h"

#include <string>

namespace timescales {
namespace cli {

void AddCalendarOptions(CLI::App& app, CalendarOptions& options) {
  const std::string group = "Calendar";
  CLI::Option* json =
      app.add_option("--calendar-json", options.calendar_json,
                     "A GOV.UK bank-holidays.json; every year it covers "
                     "replaces the built-in data for that year")
          ->type_name("FILE")
          ->group(group);
  app.add_option("--division", options.division,
                 "The division of --calendar-json to read")
      ->type_name("NAME")
      ->capture_default_str()
      ->needs(json)
      ->group(group);
  app.add_flag("--replace", options.replace,
               "Use only the holidays of --calendar-json, none built in")
      ->needs(json)
      ->group(group);
  app.add_option("--closure-days", options.closure_days,
                 "The council's own closure days: one date a line "
                 "(yyyy-mm-dd or dd/mm/yyyy), optionally with a name")
      ->type_name("FILE")
      ->group(group);
  app.add_flag("--strict", options.strict,
               "Refuse dates past the published bank holidays instead of "
               "projecting them")
      ->group(group);
}

CalendarSettings ToSettings(const CalendarOptions& options) {
  CalendarSettings settings;
  settings.govuk_json_path = options.calendar_json;
  settings.division = options.division;
  settings.merge = options.replace ? JsonMerge::kReplace : JsonMerge::kOverlay;
  settings.closure_days_path = options.closure_days;
  settings.strict = options.strict;
  return settings;
}

absl::StatusOr<Calendar> LoadCalendar(const CalendarOptions& options) {
  return BuildCalendar(ToSettings(options));
}

}  // namespace cli
}  // namespace timescales
