#include "calendar_options.h"

#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "command.h"

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

absl::StatusOr<Calendar> LoadCalendar(const CalendarOptions& options) {
  CalendarBuilder builder = CalendarBuilder::EnglandAndWales();
  if (!options.calendar_json.empty()) {
    absl::StatusOr<std::string> json = ReadFile(options.calendar_json);
    if (!json.ok()) return json.status();
    absl::Status loaded = builder.LoadGovUkJson(
        *json, options.division,
        options.replace ? JsonMerge::kReplace : JsonMerge::kOverlay);
    if (!loaded.ok()) {
      return absl::Status(loaded.code(), absl::StrCat(options.calendar_json,
                                                      ": ", loaded.message()));
    }
  }
  if (!options.closure_days.empty()) {
    absl::StatusOr<std::string> text = ReadFile(options.closure_days);
    if (!text.ok()) return text.status();
    // The library names `source` and the line in its own messages.
    absl::Status loaded = builder.LoadClosureDays(*text, options.closure_days);
    if (!loaded.ok()) return loaded;
  }
  builder.SetStrict(options.strict);
  return builder.Build();
}

}  // namespace cli
}  // namespace timescales
