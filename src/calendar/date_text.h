// File: calendar/date_text.h
//
// The allocation-free cores of Date::Parse and Moment::Parse, for importers
// that read millions of dates: they answer only "which date (or time), if
// any", and leave the error message (built by the Parse functions
// themselves) to the rare text that is not one.
//
// Example:
//
//   std::optional<Date> d = ParseDateText(cell, DateFormat::kDmy);
//   if (!d) return Date::Parse(cell, DateFormat::kDmy).status();

#ifndef TSC_CALENDAR_DATE_TEXT_H_
#define TSC_CALENDAR_DATE_TEXT_H_

#include <cstddef>
#include <optional>

#include "absl/strings/string_view.h"
#include "timescales/config.h"
#include "timescales/date.h"

TSC_NAMESPACE_BEGIN
namespace internal {

// ParseDateText()
//
// Exactly what Date::Parse(text, format) would return when it succeeds, and
// nullopt when it would fail (bad shape, no such day, out of range).
std::optional<Date> ParseDateText(absl::string_view text,
                                  DateFormat format) noexcept;

// ParseFixedDateText()
//
// The usual date cell at a glance: `text` exactly "dd/mm/yyyy" or
// "yyyy-mm-dd", digits elsewhere. False when it is not written so;
// otherwise sets *format to its shape (kDmy or kIso) and *date to what
// ParseDateText(text, *format) returns (nullopt: no such date, or out of
// range).
bool ParseFixedDateText(absl::string_view text, DateFormat* format,
                        std::optional<Date>* date) noexcept;

// TimeSeparator()
//
// Where the time of a date-time starts in `text` ('T' or a space, as
// Moment::Parse splits it), or npos for a date only.
size_t TimeSeparator(absl::string_view text) noexcept;

// ParseClockText()
//
// The minute of the day of `time` (already trimmed), HH:MM or HH:MM:SS with
// the seconds dropped; nullopt exactly when Moment::Parse rejects it.
std::optional<int> ParseClockText(absl::string_view time) noexcept;

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_CALENDAR_DATE_TEXT_H_
