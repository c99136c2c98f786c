// File: fuzz/date_moment_fuzzer.cc
//
// Date::Parse() (every DateFormat) and Moment::Parse() over arbitrary bytes:
// the dates of every input, configuration and command-line argument. Beyond
// not crashing:
//
//   * a date read is inside the supported range, formats back (ISO and
//     dd/mm/yyyy) to text that reads as the same date, is the date FromYmd()
//     builds from its fields, and falls on the weekday its serial number says;
//   * kAny reads exactly what kIso or kDmy reads; the allocation-free cores
//     the importers use (calendar/date_text.h) agree with Date::Parse on
//     every input;
//   * a moment read formats back (ToString) to text that reads as the same
//     moment; a moment without a time is Date::Parse's date; 24 hours later
//     (Europe/London) is later, by a day or so.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "calendar/date_text.h"
#include "fuzz/fuzz_check.h"
#include "timescales/date.h"
#include "timescales/moment.h"

namespace timescales {
namespace fuzz {
namespace {

void CheckDate(absl::string_view text, Date d) {
  const std::string shown = "'" + Shown(text) + "' -> " + d.ToString();
  Check(d.in_range(), "a date out of range " + shown);
  const std::string iso = d.ToString();
  Check(iso == absl::StrFormat("%04d-%02d-%02d", d.year(), d.month(), d.day()),
        "ToString() is not yyyy-mm-dd " + shown);
  const absl::StatusOr<Date> from_iso = Date::Parse(iso, DateFormat::kIso);
  Check(from_iso.ok() && *from_iso == d, "ISO text reads back wrong " + shown);
  const std::string dmy =
      absl::StrFormat("%02d/%02d/%04d", d.day(), d.month(), d.year());
  const absl::StatusOr<Date> from_dmy = Date::Parse(dmy, DateFormat::kDmy);
  Check(from_dmy.ok() && *from_dmy == d,
        "dd/mm/yyyy reads back wrong " + shown);
  const absl::StatusOr<Date> built =
      Date::FromYmd(d.year(), d.month(), d.day());
  Check(built.ok() && *built == d, "FromYmd() disagrees " + shown);
  // 1970-01-01 (serial 0) was a Thursday (ISO 4).
  const int weekday = ((d.serial() % 7 + 7 + 3) % 7) + 1;
  Check(static_cast<int>(d.weekday()) == weekday, "wrong weekday " + shown);
  Check(absl::StrContains(d.ToLongString(), WeekdayName(d.weekday())) &&
            absl::StrContains(d.ToLongString(), MonthName(d.month())),
        "ToLongString() " + d.ToLongString() + " " + shown);
}

void CheckDates(absl::string_view text) {
  std::optional<Date> by_format[3];
  const DateFormat formats[3] = {DateFormat::kIso, DateFormat::kDmy,
                                 DateFormat::kAny};
  for (int i = 0; i < 3; ++i) {
    const absl::StatusOr<Date> date = Date::Parse(text, formats[i]);
    const std::optional<Date> core = internal::ParseDateText(text, formats[i]);
    Check(date.ok() == core.has_value() && (!date.ok() || *date == *core),
          "ParseDateText disagrees with Date::Parse on '" + Shown(text) + "'");
    if (date.ok()) {
      CheckDate(text, *date);
      by_format[i] = *date;
    } else {
      Check(!date.status().message().empty(), "an error without a message");
    }
  }
  Check(!(by_format[0] && by_format[1]),
        "'" + Shown(text) + "' is both shapes");
  const std::optional<Date> either = by_format[0] ? by_format[0] : by_format[1];
  Check(by_format[2] == either,
        "kAny does not read what kIso or kDmy reads: '" + Shown(text) + "'");

  DateFormat fixed_format = DateFormat::kAny;
  std::optional<Date> fixed;
  if (internal::ParseFixedDateText(text, &fixed_format, &fixed)) {
    Check(text.size() == 10 && fixed_format != DateFormat::kAny,
          "ParseFixedDateText took '" + Shown(text) + "'");
    Check(fixed == internal::ParseDateText(text, fixed_format),
          "ParseFixedDateText disagrees with ParseDateText: '" + Shown(text) +
              "'");
  }
}

void CheckMoment(absl::string_view text) {
  const absl::StatusOr<Moment> moment = Moment::Parse(text);
  if (!moment.ok()) {
    Check(!moment.status().message().empty(), "an error without a message");
    return;
  }
  const std::string shown = "'" + Shown(text) + "' -> " + moment->ToString();
  Check(moment->date.in_range(), "a moment out of range " + shown);
  if (moment->has_time()) {
    Check(*moment->minute_of_day >= 0 && *moment->minute_of_day < 1440,
          "a time outside the day " + shown);
  } else {
    const absl::StatusOr<Date> date = Date::Parse(text);
    Check(date.ok() && *date == moment->date,
          "a date-only moment is not Date::Parse's date " + shown);
  }
  const absl::StatusOr<Moment> again = Moment::Parse(moment->ToString());
  Check(again.ok() && *again == *moment,
        "ToString() reads back wrong " + shown);
  Check(!moment->ToLongString().empty(), "no long form " + shown);
  Check(AtOrBefore(*moment, *moment), "a moment is not at or before itself");
  if (moment->has_time()) {
    const absl::StatusOr<Moment> later = AddHoursLondon(*moment, 24);
    if (later.ok()) {
      // (The same day only when the clocks go back: 00:30 BST + 24 h is
      // 23:30 GMT.)
      Check(
          later->has_time() && AtOrBefore(*moment, *later) &&
              *later != *moment &&
              later->date.serial() >= moment->date.serial() &&
              later->date.serial() <= moment->date.serial() + 2,
          "24 hours later is not later " + shown + " -> " + later->ToString());
    }
  }
}

}  // namespace
}  // namespace fuzz
}  // namespace timescales

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(bytes), size);
  timescales::fuzz::CheckDates(text);
  timescales::fuzz::CheckMoment(text);
  return 0;
}
