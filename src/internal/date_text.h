// File: internal/date_text.h
//
// The allocation-free core of Date::Parse, for importers that read millions
// of dates: it answers only "which date, if any", and leaves the error
// message (built by Date::Parse itself) to the rare text that is not one.
//
// Example:
//
//   std::optional<Date> d = ParseDateText(cell, DateFormat::kDmy);
//   if (!d) return Date::Parse(cell, DateFormat::kDmy).status();

#ifndef TSC_INTERNAL_DATE_TEXT_H_
#define TSC_INTERNAL_DATE_TEXT_H_

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

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_INTERNAL_DATE_TEXT_H_
