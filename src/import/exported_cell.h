// File: import/exported_cell.h
//
// Cells as the big exports write them (docs/inputs.md#dates): SQL Server and
// pandas write a date as `2017-06-07 00:00:00.000` or `07/06/2017 00:00`,
// Excel as `7/6/17`, pandas a missing value as `NaT` or `nan`, SQL Server as
// `NULL`; codes come in any case with spaces or hyphens (`LAC Review`);
// identifiers from a float-typed column as `566910.0`. These helpers take a
// cell apart so the importers read each form for what it means, and say
// exactly what they could not read.
//
// Example:
//
//   ExportedDateTime cell;
//   if (!SplitDateTime("2019-06-03T10:30:00Z", &cell)) ...;  // a bad time
//   // cell.date "2019-06-03", cell.minute 630, cell.offset_minutes 0

#ifndef TSC_IMPORT_EXPORTED_CELL_H_
#define TSC_IMPORT_EXPORTED_CELL_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "timescales/config.h"
#include "timescales/date.h"

TSC_NAMESPACE_BEGIN
namespace internal {

// `NULL`, `NaT`, `nan`, `None` (any case): what exports write for no value.
bool IsBlankMarker(absl::string_view trimmed);

// A cell split into its date and its time of day.
struct ExportedDateTime {
  absl::string_view date;  // as written: "2017-06-07", "7/6/17"
  bool has_time = false;
  int minute = 0;  // of the day, on the clock as written
  int second = 0;  // and the seconds (a fraction is dropped)
  // A UTC offset written after the time (`Z`, `+01:00`, `-0500`).
  std::optional<int> offset_minutes;
  // Midnight, with no seconds: a date written with a time.
  bool midnight() const { return has_time && minute == 0 && second == 0; }
};

// SplitDateTime()
//
// `trimmed` as a date, optionally followed by `T` or spaces and a time:
// HH:MM, HH:MM:SS or HH:MM:SS.fff, in 24-hour form or 12-hour with AM/PM
// (`2:30 PM`), then optionally `Z` or an offset. False when there is a time
// part that is none of these (the date part is not checked here).
bool SplitDateTime(absl::string_view trimmed, ExportedDateTime* out);

// The order of a date written with slashes.
enum class SlashOrder { kDayMonth, kMonthDay };

// ParseSlashOrIsoDate()
//
// `date` as yyyy-mm-dd, or d/m/y in `order` (one or two digits for the day
// and month; four for the year, or two when `two_digit_years_from` is
// given: 17 is 2017 when it is 1950). nullopt when it is not a date so
// written; `*two_digit_year` is set when the only thing wrong is a
// two-digit year and no window was given.
std::optional<Date> ParseSlashOrIsoDate(absl::string_view date,
                                        SlashOrder order,
                                        std::optional<int> two_digit_years_from,
                                        bool* two_digit_year);

// The two numbers before the slashes of a d/m/y or m/d/y date, or false.
bool SlashFields(absl::string_view date, int* first, int* second);

// A code compared as the returns define it: upper case, with spaces,
// hyphens and underscores dropped (`LAC Review`, `lac-review` and
// `LAC_REVIEW` all read LACREVIEW; ` pn 1` reads PN1).
std::string NormalisedCode(absl::string_view text);

// `566910.0` (a whole number a float-typed export wrote with a fraction
// of zeros) as `566910`; false for anything else.
bool WholeNumberWithZeroFraction(absl::string_view text, std::string* whole);

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_IMPORT_EXPORTED_CELL_H_
