// File: calendar/govuk_json.h
//
// Reads GOV.UK's public `bank-holidays.json` format
// (docs/configuration.md#govuk-bank-holidays-json): either the whole document,
// an object keyed by division slug, or one division object `{"division": ...,
// "events": [{title, date, notes, bunting}]}`.

#ifndef TSC_CALENDAR_GOVUK_JSON_H_
#define TSC_CALENDAR_GOVUK_JSON_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "timescales/calendar.h"

TSC_NAMESPACE_BEGIN
namespace internal {

struct GovUkDivision {
  std::string name;               // the division slug
  std::vector<Holiday> holidays;  // weekday events, in date order
  int first_year = 0;             // the years the events span
  int last_year = 0;
};

// Parses `json`. `division` picks a key of a whole document, or must match
// the `division` field of a single division object (empty accepts any).
// Errors: InvalidArgument for malformed JSON (with line and column) or a bad
// event (with its index); NotFound for an absent division.
absl::StatusOr<GovUkDivision> ParseGovUkJson(absl::string_view json,
                                             absl::string_view division);

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_CALENDAR_GOVUK_JSON_H_
