// File: calendar/calendar_settings.cc

#include "timescales/calendar_settings.h"

#include "absl/strings/str_cat.h"
#include "base/file.h"

TSC_NAMESPACE_BEGIN

absl::StatusOr<Calendar> BuildCalendar(const CalendarSettings& settings) {
  CalendarBuilder builder = CalendarBuilder::EnglandAndWales();
  if (!settings.govuk_json_path.empty()) {
    absl::StatusOr<std::string> json =
        internal::ReadFile(settings.govuk_json_path);
    if (!json.ok()) return json.status();
    absl::Status loaded =
        builder.LoadGovUkJson(*json, settings.division, settings.merge);
    if (!loaded.ok()) {
      return absl::Status(loaded.code(), absl::StrCat(settings.govuk_json_path,
                                                      ": ", loaded.message()));
    }
  }
  for (const Holiday& day : settings.closure_days) {
    absl::Status added = builder.AddClosureDay(day.date, day.name);
    if (!added.ok()) return added;
  }
  if (!settings.closure_days_path.empty()) {
    absl::StatusOr<std::string> text =
        internal::ReadFile(settings.closure_days_path);
    if (!text.ok()) return text.status();
    absl::Status loaded =
        builder.LoadClosureDays(*text, settings.closure_days_path);
    if (!loaded.ok()) return loaded;
  }
  builder.SetStrict(settings.strict);
  return builder.Build();
}

TSC_NAMESPACE_END
