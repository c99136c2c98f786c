// File: moment.h
// -----------------------------------------------------------------------------
//
// `Moment` is a local (Europe/London) date with an optional time of day, as
// case-management systems record meetings: `2019-06-03`, `2019-06-03T10:30`
// or `03/06/2019 10:30`. Hour rules ("24 hours before the review") turn it
// into an instant through the Europe/London time zone, so 24 hours across a
// clock change are 24 elapsed hours.
//
// Example:
//
//   absl::StatusOr<Moment> m = Moment::Parse("2024-10-27T10:00");
//   // m->date == 2024-10-27, m->minute_of_day == 600

#ifndef TSC_MOMENT_H_
#define TSC_MOMENT_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "timescales/config.h"
#include "timescales/date.h"

TSC_NAMESPACE_BEGIN

struct Moment {
  Date date;
  // Minutes after local midnight, [0, 1440); empty for a date only.
  std::optional<int> minute_of_day;

  static Moment OnDate(Date date) { return Moment{date, std::nullopt}; }

  // Moment::Parse()
  //
  // A date (`yyyy-mm-dd`, `dd/mm/yyyy`), optionally followed by `T` or a
  // space and `HH:MM` (or `HH:MM:SS`, seconds dropped).
  //
  // Example: Moment::Parse("03/06/2019 10:30")
  static absl::StatusOr<Moment> Parse(absl::string_view text);

  bool has_time() const { return minute_of_day.has_value(); }

  // `2019-06-03` or `2019-06-03T10:30`.
  std::string ToString() const;
  // `Mon 3 Jun 2019` or `10:30 Mon 3 Jun 2019`.
  std::string ToLongString() const;

  friend bool operator==(const Moment& a, const Moment& b) {
    return a.date == b.date && a.minute_of_day == b.minute_of_day;
  }
  friend bool operator!=(const Moment& a, const Moment& b) { return !(a == b); }
};

// AddHoursLondon()
//
// `hours` elapsed hours after (before, when negative) a moment that has a
// time, reading and writing local times as Europe/London. Local times that a
// clock change skips are read as if the clocks had not yet changed.
//
// Example:
//   AddHoursLondon(10:00 Sun 27 Oct 2024, -24) == 11:00 Sat 26 Oct 2024
absl::StatusOr<Moment> AddHoursLondon(const Moment& moment, int32_t hours);

// MomentFromUtcOffset()
//
// The Europe/London moment of the clock time `minute` (of the day) on
// `date` written at UTC offset `offset_minutes` (`Z` is 0, `+01:00` is
// 60): 2019-06-03T10:30Z is 11:30 on 3 June 2019 in London (BST).
absl::StatusOr<Moment> MomentFromUtcOffset(Date date, int minute,
                                           int offset_minutes);

// True when `a` is at or before `b`. A date-only moment stands for the whole
// day: at-or-before holds when a.date <= b.date in that case.
bool AtOrBefore(const Moment& a, const Moment& b);

TSC_NAMESPACE_END

#endif  // TSC_MOMENT_H_
