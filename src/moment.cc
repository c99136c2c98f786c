// File: moment.cc

#include "timescales/moment.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

TSC_NAMESPACE_BEGIN
namespace {

bool TwoDigits(absl::string_view text, int* out) {
  if (text.size() != 2 || !absl::ascii_isdigit(static_cast<unsigned char>(
                              text[0])) ||
      !absl::ascii_isdigit(static_cast<unsigned char>(text[1]))) {
    return false;
  }
  *out = (text[0] - '0') * 10 + (text[1] - '0');
  return true;
}

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

}  // namespace

absl::StatusOr<Moment> Moment::Parse(absl::string_view text) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  const size_t split = trimmed.find_first_of("T ");
  absl::StatusOr<Date> date = Date::Parse(trimmed.substr(0, split));
  if (!date.ok()) {
    return absl::Status(date.status().code(),
                        absl::StrFormat("'%s' is not a date or date-time",
                                        text));
  }
  if (split == absl::string_view::npos) return OnDate(*date);
  absl::string_view time = absl::StripAsciiWhitespace(trimmed.substr(split + 1));
  int hours = 0;
  int minutes = 0;
  int seconds = 0;
  const bool shaped =
      (time.size() == 5 || time.size() == 8) && time[2] == ':' &&
      TwoDigits(time.substr(0, 2), &hours) &&
      TwoDigits(time.substr(3, 2), &minutes) &&
      (time.size() == 5 ||
       (time[5] == ':' && TwoDigits(time.substr(6, 2), &seconds)));
  if (!shaped || hours > 23 || minutes > 59 || seconds > 59) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "'%s' is not a date-time (expected a date, then HH:MM)", text));
  }
  return Moment{*date, hours * 60 + minutes};
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
  const absl::CivilMinute local(moment.date.year(), moment.date.month(),
                                moment.date.day(), *moment.minute_of_day / 60,
                                *moment.minute_of_day % 60);
  // `pre` reads a skipped local time with the offset in force before the
  // change, and a repeated one as its first occurrence.
  const absl::Time instant = london->At(local).pre + absl::Hours(hours);
  const absl::CivilMinute result = absl::ToCivilMinute(instant, *london);
  absl::StatusOr<Date> date = Date::FromYmd(
      static_cast<int>(result.year()), result.month(), result.day());
  if (!date.ok()) return date.status();
  return Moment{*date, result.hour() * 60 + result.minute()};
}

bool AtOrBefore(const Moment& a, const Moment& b) {
  if (a.minute_of_day && b.minute_of_day && a.date == b.date) {
    return *a.minute_of_day <= *b.minute_of_day;
  }
  return a.date <= b.date;
}

TSC_NAMESPACE_END
