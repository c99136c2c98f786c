// File: calendar.h
// -----------------------------------------------------------------------------
//
// A working-day calendar: which days are working days, and exact working-day
// arithmetic over them. Every query is O(1): the calendar precomputes, once,
// a prefix count of working days for every day from 1900-01-01 to 2199-12-31
// and the inverse table (the k-th working day), so adding 20 or 2,000 working
// days costs two array reads.
//
// The counting conventions are the product
// (docs/conventions.md#counting-working-days):
//
//   * AddWorkingDays(d, n), n > 0: the n-th working day strictly after d. The
//     day of the event is excluded (Dodds v Walker); from a non-working d the
//     first working day after it is day 1. n < 0: strictly before d. n = 0: d.
//   * WorkingDaysBetween(a, b): working days in (a, b]; negative when b < a.
//     Same day = 0, matching the DfE duration buckets.
//   * `Counting::kStartIsDayOne` counts the event day itself as day 1 when it
//   is
//     a working day: one day stricter, as some local tools do.
//
// A Calendar is immutable and thread-safe; copies share their tables.
//
// England and Wales is built in: the exact GOV.UK list from 1995 to the last
// year GOV.UK has published (`info().known_until`), every substitute, moved and
// one-off day included; years after that are projected from the standing rules
// and reported as provisional (`IsProvisional`), or refused when the calendar
// is strict. A newer GOV.UK `bank-holidays.json` can be overlaid at run time,
// and a council's own closure days added, through CalendarBuilder.
//
// Example:
//
//   absl::StatusOr<Calendar> cal = Calendar::EnglandAndWales();
//   Date looked_after = *Date::FromYmd(2019, 12, 20);
//   absl::StatusOr<Date> due = cal->AddWorkingDays(looked_after, 20);
//   // *due == 2020-01-22: 25, 26 Dec and 1 Jan are skipped.

#ifndef TSC_CALENDAR_H_
#define TSC_CALENDAR_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "timescales/config.h"
#include "timescales/date.h"

TSC_NAMESPACE_BEGIN

namespace internal {
struct CalendarTables;
}  // namespace internal

// Which day counts as day 1 when counting working days from an event.
enum class Counting {
  // The event day is excluded; the first working day after it is day 1
  // (the statutory reading, and the default).
  kStartExcluded,
  // The event day is day 1 when it is a working day (one day stricter).
  kStartIsDayOne,
};

// Business-day roll conventions for a date that may fall on a non-working day.
enum class Roll {
  kUnadjusted,         // the date itself
  kFollowing,          // first working day on or after
  kPreceding,          // last working day on or before (the "practical" due)
  kModifiedFollowing,  // following, unless that changes month: then preceding
  kModifiedPreceding,  // preceding, unless that changes month: then following
};

enum class HolidayKind {
  kBankHoliday,   // a holiday on its usual day (or Good Friday, Christmas Day)
  kSubstitute,    // a substitute or moved day (GOV.UK "Substitute day")
  kExtra,         // a one-off day (GOV.UK "Extra bank holiday")
  kLocalClosure,  // a council's own closure day, added by the caller
};

absl::string_view HolidayKindName(HolidayKind kind) noexcept;

// A non-working weekday with its name, e.g. {2019-12-25, "Christmas Day"}.
struct Holiday {
  Date date;
  std::string name;
  HolidayKind kind = HolidayKind::kBankHoliday;
  // True when the day was projected from the standing rules past the
  // calendar's `known_until`, rather than read from published data.
  bool provisional = false;
};

// Where a calendar's data came from, for explanations and `calendar info`.
struct CalendarInfo {
  std::string name;          // "england-and-wales", "scotland", ...
  std::string data_version;  // version of the embedded or loaded data
  Date exact_from;           // first day covered by published data
  Date known_until;          // last day covered by published data
  std::vector<std::string> sources;
  bool strict = false;   // dates past known_until are errors
  int closure_days = 0;  // local closure days added by the caller
};

namespace internal {

// Raw views of a Calendar's tables (src/internal/calendar_tables.h), kept in
// the Calendar itself so the hot queries below inline to a few loads: no
// call, and no pointer chase through the shared tables.
//
//   before[i] = working days in [kMinDate, kMinDate + i), i in [0, N];
//   working[k] = the serial of the k-th working day (0-based).
//
// Each returns false when the day or the result is outside
// [kMinDate, horizon]; `out` is then untouched.
struct CalendarView {
  const int32_t* before = nullptr;
  const int32_t* working = nullptr;
  int64_t working_count = 0;
  // The last serial a query may take or return: kMaxDate, or known_until
  // when the calendar is strict.
  int32_t horizon = 0;

  bool InRange(int64_t day) const noexcept {
    return day >= kMinDate.serial() && day <= horizon;
  }

  bool IsWorking(int64_t day, bool* out) const noexcept {
    if (!InRange(day)) return false;
    const size_t i = static_cast<size_t>(day - kMinDate.serial());
    *out = before[i + 1] != before[i];
    return true;
  }

  // The n-th working day after (n > 0) or before (n < 0) `day`, under
  // `counting` (see the file comment).
  bool Add(int64_t day, int64_t n, Counting counting,
           int64_t* out) const noexcept {
    if (!InRange(day)) return false;
    if (n == 0) {
      *out = day;
      return true;
    }
    const size_t i = static_cast<size_t>(day - kMinDate.serial());
    // Working days strictly before `day`, and up to and including it.
    const int64_t lt = before[i];
    const int64_t le = before[i + 1];
    const bool day_one = counting == Counting::kStartIsDayOne;
    const int64_t index =
        n > 0 ? (day_one ? lt : le) + n - 1 : (day_one ? le : lt) + n;
    if (index < 0 || index >= working_count) return false;
    const int32_t result = working[index];
    if (result > horizon) return false;
    *out = result;
    return true;
  }

  // Working days in (from, to], or with kStartIsDayOne in [from, to]
  // (negated, -[to, from], when to < from).
  bool Between(int64_t from, int64_t to, Counting counting,
               int64_t* out) const noexcept {
    if (!InRange(from) || !InRange(to)) return false;
    const size_t a = static_cast<size_t>(from - kMinDate.serial());
    const size_t b = static_cast<size_t>(to - kMinDate.serial());
    if (counting == Counting::kStartExcluded) {
      *out = int64_t{before[b + 1]} - before[a + 1];
    } else if (to >= from) {
      *out = int64_t{before[b + 1]} - before[a];
    } else {
      *out = -(int64_t{before[a + 1]} - before[b]);
    }
    return true;
  }
};

}  // namespace internal

class Calendar {
 public:
  // Calendar::EnglandAndWales()
  //
  // The built-in England and Wales calendar. With `strict`, any date (given or
  // computed) past `known_until` is an OutOfRange error instead of provisional.
  //
  // Example:
  //   auto cal = Calendar::EnglandAndWales();
  static absl::StatusOr<Calendar> EnglandAndWales(bool strict = false);

  // Calendar::FromGovUkJson()
  //
  // A calendar holding exactly the holidays of one division of a GOV.UK
  // `bank-holidays.json` document: either the whole file (`division` names the
  // key, e.g. "scotland") or one division object (`division` may then be
  // empty). Days outside the years the file covers are weekends-only and
  // provisional. Malformed JSON is InvalidArgument naming line and column.
  //
  // Example:
  //   auto cal = Calendar::FromGovUkJson(text, "scotland");
  static absl::StatusOr<Calendar> FromGovUkJson(absl::string_view json,
                                                absl::string_view division,
                                                bool strict = false);

  // Calendar::IsWorkingDay()
  //
  // Mon-Fri and not a holiday or closure day. OutOfRange outside
  // [kMinDate, kMaxDate] (or past known_until when strict).
  //
  // Example: cal.IsWorkingDay(2019-12-25) == false
  absl::StatusOr<bool> IsWorkingDay(Date day) const;

  // Calendar::AddWorkingDays()
  //
  // The n-th working day strictly after `day` (n > 0), strictly before it
  // (n < 0), or `day` itself (n = 0); see the file comment for `counting`.
  //
  // Example: cal.AddWorkingDays(2019-12-20, 20) == 2020-01-22
  absl::StatusOr<Date> AddWorkingDays(
      Date day, int32_t n, Counting counting = Counting::kStartExcluded) const;

  // Calendar::WorkingDaysBetween()
  //
  // Working days in (from, to]; negative when to < from. With
  // kStartIsDayOne, working days in [from, to] (negated when to < from).
  //
  // Example: cal.WorkingDaysBetween(2022-09-12, 2022-10-04) == 15
  absl::StatusOr<int32_t> WorkingDaysBetween(
      Date from, Date to, Counting counting = Counting::kStartExcluded) const;

  // Calendar::NextWorkingDay() / PreviousWorkingDay()
  //
  // The first working day strictly after / strictly before `day`.
  //
  // Example: cal.NextWorkingDay(2020-04-09) == 2020-04-14 (Easter)
  absl::StatusOr<Date> NextWorkingDay(Date day) const;
  absl::StatusOr<Date> PreviousWorkingDay(Date day) const;

  // Calendar::Adjust()
  //
  // Rolls `day` to a working day under `roll`.
  //
  // Example: cal.Adjust(2020-04-10, Roll::kPreceding) == 2020-04-09
  absl::StatusOr<Date> Adjust(Date day, Roll roll) const;

  // Calendar::HolidaysBetween()
  //
  // Every non-working weekday in [from, to] with its name, in date order
  // (weekend holidays whose substitute is a weekday are listed by the
  // substitute). OutOfRange when either end is outside the supported range
  // (or past known_until when strict).
  //
  // Example: cal.HolidaysBetween(2022-01-01, 2022-12-31)->size() == 10
  absl::StatusOr<std::vector<Holiday>> HolidaysBetween(Date from,
                                                       Date to) const;

  // Calendar::FindHoliday()
  //
  // The holiday or closure day on `day`, or nullptr. The pointer is valid
  // while any copy of this calendar lives.
  const Holiday* FindHoliday(Date day) const noexcept;

  // True when `day` is past `known_until`: its holidays were projected from
  // the standing rules and may still change by proclamation.
  bool IsProvisional(Date day) const noexcept;

  const CalendarInfo& info() const noexcept;

  // Status-free forms for hot loops: false when the argument or the result
  // is outside the calendar's range (or past known_until when strict), and
  // `out` is then untouched. Inline: a few array reads, no call.
  bool TryIsWorkingDay(Date day, bool* out) const noexcept;
  bool TryAddWorkingDays(
      Date day, int32_t n, Date* out,
      Counting counting = Counting::kStartExcluded) const noexcept;
  bool TryWorkingDaysBetween(
      Date from, Date to, int32_t* out,
      Counting counting = Counting::kStartExcluded) const noexcept;

  // Batch forms over serial-day arrays (int32 like `tsc_date`, or int64 like
  // numpy `datetime64[D]`). `n` holds one value per day, or a single value
  // used for every day. On error nothing past the failing element is
  // written and the message names its index.
  absl::Status AddWorkingDaysBatch(
      absl::Span<const int32_t> days, absl::Span<const int32_t> n,
      absl::Span<int32_t> out,
      Counting counting = Counting::kStartExcluded) const;
  absl::Status AddWorkingDaysBatch(
      absl::Span<const int64_t> days, absl::Span<const int64_t> n,
      absl::Span<int64_t> out,
      Counting counting = Counting::kStartExcluded) const;
  absl::Status WorkingDaysBetweenBatch(
      absl::Span<const int32_t> from, absl::Span<const int32_t> to,
      absl::Span<int32_t> out,
      Counting counting = Counting::kStartExcluded) const;
  absl::Status WorkingDaysBetweenBatch(
      absl::Span<const int64_t> from, absl::Span<const int64_t> to,
      absl::Span<int64_t> out,
      Counting counting = Counting::kStartExcluded) const;
  absl::Status IsWorkingDayBatch(absl::Span<const int64_t> days,
                                 absl::Span<uint8_t> out) const;

 private:
  friend class CalendarBuilder;
  explicit Calendar(std::shared_ptr<const internal::CalendarTables> tables);
  absl::Status RangeError(Date day) const;
  // Why a query failed, built only then (out of line).
  absl::Status AddError(Date day, int32_t n) const;
  absl::Status BetweenError(Date from, Date to) const;

  std::shared_ptr<const internal::CalendarTables> tables_;
  internal::CalendarView view_;  // into *tables_
};

// The hot queries, inline over view_: the StatusOr forms build a Status
// only on failure.

inline absl::StatusOr<bool> Calendar::IsWorkingDay(Date day) const {
  bool working;
  if (view_.IsWorking(day.serial(), &working)) return working;
  return RangeError(day);
}

inline absl::StatusOr<Date> Calendar::AddWorkingDays(Date day, int32_t n,
                                                     Counting counting) const {
  int64_t result;
  if (view_.Add(day.serial(), n, counting, &result)) {
    return Date::FromSerial(static_cast<int32_t>(result));
  }
  return AddError(day, n);
}

inline absl::StatusOr<int32_t> Calendar::WorkingDaysBetween(
    Date from, Date to, Counting counting) const {
  int64_t result;
  if (view_.Between(from.serial(), to.serial(), counting, &result)) {
    return static_cast<int32_t>(result);
  }
  return BetweenError(from, to);
}

inline bool Calendar::TryIsWorkingDay(Date day, bool* out) const noexcept {
  return view_.IsWorking(day.serial(), out);
}

inline bool Calendar::TryAddWorkingDays(Date day, int32_t n, Date* out,
                                        Counting counting) const noexcept {
  int64_t result;
  if (!view_.Add(day.serial(), n, counting, &result)) return false;
  *out = Date::FromSerial(static_cast<int32_t>(result));
  return true;
}

inline bool Calendar::TryWorkingDaysBetween(Date from, Date to, int32_t* out,
                                            Counting counting) const noexcept {
  int64_t result;
  if (!view_.Between(from.serial(), to.serial(), counting, &result)) {
    return false;
  }
  *out = static_cast<int32_t>(result);
  return true;
}

// How a GOV.UK file combines with the holidays the builder already has.
enum class JsonMerge {
  // Every year the file covers is taken from the file, replacing that year's
  // holidays (a newer GOV.UK file moves and adds days); other years are kept.
  // `known_until` extends to the file's last year when that is later.
  kOverlay,
  // The file's holidays are the only holidays.
  kReplace,
};

// Builds a Calendar from the built-in data, GOV.UK files and closure days.
//
// Example:
//   CalendarBuilder b = CalendarBuilder::EnglandAndWales();
//   absl::Status s = b.LoadGovUkJson(newer_file, "england-and-wales");
//   s.Update(b.AddClosureDay(*Date::FromYmd(2024, 12, 24), "Council closure"));
//   absl::StatusOr<Calendar> cal = b.Build();
class CalendarBuilder {
 public:
  // Starts from the built-in England and Wales holidays.
  static CalendarBuilder EnglandAndWales();
  // Starts from no holidays (weekends only), named `name`.
  static CalendarBuilder WeekendsOnly(std::string name);

  // Reads a GOV.UK `bank-holidays.json` document (whole file with a division
  // name, or one division object) and merges it.
  absl::Status LoadGovUkJson(absl::string_view json, absl::string_view division,
                             JsonMerge merge = JsonMerge::kOverlay);

  // Adds a local closure day (a non-working day for this council only).
  // Closure days on a weekend or an existing holiday are accepted and change
  // nothing.
  absl::Status AddClosureDay(Date day, std::string name);

  // Reads closure days from text: one a line, `yyyy-mm-dd` or `dd/mm/yyyy`,
  // optionally followed by a comma or spaces and a name; blank lines and
  // `#` comments are skipped. Errors name `source` and the line.
  absl::Status LoadClosureDays(absl::string_view text,
                               absl::string_view source = "closure days");

  CalendarBuilder& SetStrict(bool strict) noexcept;

  absl::StatusOr<Calendar> Build() const;

 private:
  CalendarBuilder() = default;

  CalendarInfo info_;
  // Holidays from published data (the embedded table or a GOV.UK file), by
  // year; a year present here is taken as published, whole.
  std::map<int, std::vector<Holiday>> published_;
  std::vector<Holiday> closures_;
  bool project_rules_ = false;  // other years from the E&W standing rules
};

TSC_NAMESPACE_END

#endif  // TSC_CALENDAR_H_
