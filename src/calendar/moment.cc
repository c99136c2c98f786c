// File: calendar/moment.cc

#include "timescales/moment.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "base/excerpt.h"
#include "calendar/date_text.h"

TSC_NAMESPACE_BEGIN
namespace {

// Europe/London, loaded once from the system's zoneinfo (Debian tzdata).
absl::StatusOr<absl::TimeZone> London() {
  static const absl::TimeZone* const kZone = [] {
    auto* zone = new absl::TimeZone;
    if (!absl::LoadTimeZone("Europe/London", zone)) {
      delete zone;
      return static_cast<absl::TimeZone*>(nullptr);
    }
    return zone;
  }();
  if (kZone == nullptr) {
    return absl::FailedPreconditionError(
        "the Europe/London time zone is not available (install tzdata)");
  }
  return *kZone;
}

// The local dates (serial days) on which London's clocks change, enumerated
// once from the zone, and the span of dates the enumeration covers.
struct ClockChanges {
  std::vector<int32_t> days;  // ascending
  int32_t first_day = 0;
  int32_t last_day = -1;  // empty span: no fast path
};

int32_t SerialOf(const absl::CivilDay& day) {
  return static_cast<int32_t>(day - absl::CivilDay(1970, 1, 1));
}

const ClockChanges& LondonClockChanges(const absl::TimeZone& london) {
  static const ClockChanges* const kChanges = [&] {
    auto* changes = new ClockChanges;
    const absl::Time until =
        absl::FromCivil(absl::CivilSecond(kMaxDate.year(), 12, 31, 23, 59, 59),
                        absl::UTCTimeZone());
    absl::Time t = absl::FromCivil(
        absl::CivilSecond(kMinDate.year(), 1, 1, 0, 0, 0), absl::UTCTimeZone());
    absl::TimeZone::CivilTransition change;
    while (t < until && london.NextTransition(t, &change)) {
      changes->days.push_back(SerialOf(absl::CivilDay(change.from)));
      changes->days.push_back(SerialOf(absl::CivilDay(change.to)));
      const absl::Time next = london.At(change.to).trans;
      if (next <= t) break;  // the zone's data ends
      t = next;
    }
    std::sort(changes->days.begin(), changes->days.end());
    if (changes->days.size() >= 2) {
      // Only between the first and last change enumerated is the list known
      // to be complete.
      changes->first_day = changes->days.front();
      changes->last_day = changes->days.back();
    }
    return changes;
  }();
  return *kChanges;
}

// True when London's UTC offset is the same all through the local days
// [first_day, last_day], so hours there are plain clock minutes.
bool SameOffsetThroughout(const absl::TimeZone& london, int32_t first_day,
                          int32_t last_day) {
  const ClockChanges& changes = LondonClockChanges(london);
  if (first_day <= changes.first_day || last_day >= changes.last_day) {
    return false;
  }
  const auto next =
      std::lower_bound(changes.days.begin(), changes.days.end(), first_day);
  return next == changes.days.end() || *next > last_day;
}

int32_t FloorDiv(int64_t a, int64_t b) {
  const int64_t q = a / b;
  return static_cast<int32_t>(q * b > a ? q - 1 : q);
}

}  // namespace

namespace internal {

size_t TimeSeparator(absl::string_view text) noexcept {
  // By hand: absl's find_first_of builds a lookup table per call.
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == 'T' || text[i] == ' ') return i;
  }
  return absl::string_view::npos;
}

std::optional<int> ParseClockText(absl::string_view time) noexcept {
  auto two_digits = [time](size_t at, int* out) {
    const auto tens = static_cast<unsigned char>(time[at]);
    const auto ones = static_cast<unsigned char>(time[at + 1]);
    if (!absl::ascii_isdigit(tens) || !absl::ascii_isdigit(ones)) return false;
    *out = (tens - '0') * 10 + (ones - '0');
    return true;
  };
  int hours = 0;
  int minutes = 0;
  int seconds = 0;
  if ((time.size() != 5 && time.size() != 8) || time[2] != ':' ||
      !two_digits(0, &hours) || !two_digits(3, &minutes)) {
    return std::nullopt;
  }
  if (time.size() == 8 && (time[5] != ':' || !two_digits(6, &seconds))) {
    return std::nullopt;
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return std::nullopt;
  return hours * 60 + minutes;
}

}  // namespace internal

absl::StatusOr<Moment> Moment::Parse(absl::string_view text) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  const size_t split = internal::TimeSeparator(trimmed);
  absl::StatusOr<Date> date = Date::Parse(trimmed.substr(0, split));
  if (!date.ok()) {
    return absl::Status(date.status().code(),
                        absl::StrFormat("'%s' is not a date or date-time",
                                        internal::Excerpt(text)));
  }
  if (split == absl::string_view::npos) return OnDate(*date);
  const std::optional<int> minute = internal::ParseClockText(
      absl::StripAsciiWhitespace(trimmed.substr(split + 1)));
  if (!minute) {
    return absl::InvalidArgumentError(
        absl::StrFormat("'%s' is not a date-time (expected a date, then HH:MM)",
                        internal::Excerpt(text)));
  }
  return Moment{*date, *minute};
}

std::string Moment::ToString() const {
  if (!minute_of_day) return date.ToString();
  return absl::StrFormat("%sT%02d:%02d", date.ToString(), *minute_of_day / 60,
                         *minute_of_day % 60);
}

std::string Moment::ToLongString() const {
  if (!minute_of_day) return date.ToLongString();
  return absl::StrFormat("%02d:%02d %s", *minute_of_day / 60,
                         *minute_of_day % 60, date.ToLongString());
}

absl::StatusOr<Moment> AddHoursLondon(const Moment& moment, int32_t hours) {
  if (!moment.minute_of_day) {
    return absl::InvalidArgumentError(
        "adding hours needs a time of day, not a date only");
  }
  absl::StatusOr<absl::TimeZone> london = London();
  if (!london.ok()) return london.status();
  // Away from a clock change, adding hours is adding clock minutes: no time
  // zone lookup needed. (The day's margin each side is only caution.)
  const int64_t start =
      int64_t{moment.date.serial()} * 1440 + *moment.minute_of_day;
  const int64_t end = start + int64_t{hours} * 60;
  const int32_t first_day = FloorDiv(std::min(start, end), 1440);
  const int32_t last_day = FloorDiv(std::max(start, end), 1440);
  const int32_t end_day = FloorDiv(end, 1440);
  if (SameOffsetThroughout(*london, first_day - 1, last_day + 1) &&
      end_day >= kMinDate.serial() && end_day <= kMaxDate.serial()) {
    return Moment{Date::FromSerial(end_day),
                  static_cast<int>(end - int64_t{end_day} * 1440)};
  }
  const absl::CivilMinute local(moment.date.year(), moment.date.month(),
                                moment.date.day(), *moment.minute_of_day / 60,
                                *moment.minute_of_day % 60);
  // `pre` reads a skipped local time with the offset in force before the
  // change, and a repeated one as its first occurrence.
  const absl::Time instant = london->At(local).pre + absl::Hours(hours);
  const absl::CivilMinute result = absl::ToCivilMinute(instant, *london);
  absl::StatusOr<Date> date = Date::FromYmd(static_cast<int>(result.year()),
                                            result.month(), result.day());
  if (!date.ok()) return date.status();
  return Moment{*date, result.hour() * 60 + result.minute()};
}

absl::StatusOr<Moment> MomentFromUtcOffset(Date date, int minute,
                                           int offset_minutes) {
  absl::StatusOr<absl::TimeZone> london = London();
  if (!london.ok()) return london.status();
  const absl::CivilMinute written(date.year(), date.month(), date.day(),
                                  minute / 60, minute % 60);
  const absl::Time instant = absl::FromCivil(written, absl::UTCTimeZone()) -
                             absl::Minutes(offset_minutes);
  const absl::CivilMinute local = absl::ToCivilMinute(instant, *london);
  absl::StatusOr<Date> day =
      Date::FromYmd(static_cast<int>(local.year()), local.month(), local.day());
  if (!day.ok()) return day.status();
  return Moment{*day, local.hour() * 60 + local.minute()};
}

bool AtOrBefore(const Moment& a, const Moment& b) {
  if (a.minute_of_day && b.minute_of_day && a.date == b.date) {
    return *a.minute_of_day <= *b.minute_of_day;
  }
  return a.date <= b.date;
}

TSC_NAMESPACE_END
