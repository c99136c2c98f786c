// File: fuzz/govuk_json_fuzzer.cc
//
// A GOV.UK bank-holidays.json over arbitrary bytes, read as the whole file
// (the england-and-wales and scotland divisions) and as one division object,
// through CalendarBuilder::LoadGovUkJson() as the configuration and the
// command line use it. Beyond not crashing, for every reading that succeeds:
//
//   * replacing the holidays (a calendar of the file alone): its holidays are
//     exactly the file's weekday events (calendar/govuk_json.h), each a
//     non-working day found by FindHoliday() under its title, and no other
//     weekday of the years the file spans is a holiday; the calendar's
//     published span is the file's years; past it, a strict calendar
//     refuses and a lenient one marks days provisional;
//   * overlaying the built-in England and Wales data: inside the file's
//     years the holidays are the file's, outside them the built-in ones.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "calendar/govuk_json.h"
#include "fuzz/fuzz_check.h"
#include "timescales/calendar.h"
#include "timescales/date.h"

namespace timescales {
namespace fuzz {
namespace {

bool SameDays(const std::vector<Holiday>& a, const std::vector<Holiday>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].date != b[i].date || a[i].name != b[i].name ||
        a[i].kind != b[i].kind) {
      return false;
    }
  }
  return true;
}

std::vector<Holiday> Between(const Calendar& calendar, Date from, Date to) {
  absl::StatusOr<std::vector<Holiday>> holidays =
      calendar.HolidaysBetween(from, to);
  Check(holidays.ok(), "HolidaysBetween " + from.ToString() + ".." +
                           to.ToString() + ": " + holidays.status().ToString());
  return *std::move(holidays);
}

void CheckDivision(absl::string_view json, absl::string_view division) {
  const absl::StatusOr<internal::GovUkDivision> file =
      internal::ParseGovUkJson(json, division);
  CalendarBuilder replaced = CalendarBuilder::WeekendsOnly("fuzz");
  const absl::Status loaded =
      replaced.LoadGovUkJson(json, division, JsonMerge::kReplace);
  Check(loaded.ok() == file.ok(), "LoadGovUkJson and ParseGovUkJson disagree");
  if (!loaded.ok()) {
    Check(loaded.message().find("GOV.UK bank holidays") !=
              absl::string_view::npos,
          "a GOV.UK file's error does not say so: " + loaded.ToString());
    return;
  }
  Check(file->first_year <= file->last_year, "the file spans no years");
  const absl::StatusOr<Date> first = Date::FromYmd(file->first_year, 1, 1);
  const absl::StatusOr<Date> last = Date::FromYmd(file->last_year, 12, 31);
  Check(first.ok() && last.ok(), "the file's years are out of range");

  const absl::StatusOr<Calendar> calendar = replaced.Build();
  Check(calendar.ok(), "a GOV.UK file read builds no calendar");
  Check(calendar->info().exact_from == *first &&
            calendar->info().known_until == *last,
        "the calendar's published span is not the file's years");
  // The file's weekday events, one a date (a date listed twice is one day,
  // under either title).
  std::vector<Holiday> expected;
  std::vector<bool> twice;
  for (const Holiday& h : file->holidays) {
    Check(!h.date.is_weekend(), "a weekend event kept as a holiday");
    Check(h.date.year() >= file->first_year && h.date.year() <= file->last_year,
          "an event outside the file's years");
    if (!expected.empty()) {
      Check(expected.back().date <= h.date, "the events are out of order");
      if (expected.back().date == h.date) {
        twice.back() = true;
        continue;
      }
    }
    expected.push_back(h);
    twice.push_back(false);
  }
  const std::vector<Holiday> listed = Between(*calendar, *first, *last);
  Check(listed.size() == expected.size(),
        "the calendar has " + std::to_string(listed.size()) +
            " holidays in the file's years, the file " +
            std::to_string(expected.size()));
  for (size_t i = 0; i < listed.size(); ++i) {
    Check(listed[i].date == expected[i].date,
          "holiday " + listed[i].date.ToString() + " is not the file's " +
              expected[i].date.ToString());
    Check(!listed[i].provisional, "a published holiday is provisional");
    const absl::StatusOr<bool> working = calendar->IsWorkingDay(listed[i].date);
    Check(working.ok() && !*working, "a holiday is a working day");
    const Holiday* found = calendar->FindHoliday(listed[i].date);
    Check(found != nullptr && (twice[i] || found->name == expected[i].name),
          "FindHoliday misses or misnames " + listed[i].date.ToString());
  }
  if (*last < kMaxDate) {
    const Date after = Date::FromSerial(last->serial() + 1);
    Check(calendar->IsProvisional(after) && !calendar->IsProvisional(*last),
          "provisional does not start after the file's years");
    CalendarBuilder strict = CalendarBuilder::WeekendsOnly("fuzz");
    Check(strict.LoadGovUkJson(json, division, JsonMerge::kReplace).ok(),
          "the same file read twice: refused");
    const absl::StatusOr<Calendar> strict_calendar =
        strict.SetStrict(true).Build();
    Check(strict_calendar.ok() && !strict_calendar->IsWorkingDay(after).ok() &&
              strict_calendar->IsWorkingDay(*last).ok(),
          "a strict calendar answers past the file's years");
  }

  // Over the built-in data: the file's years from the file, others kept.
  CalendarBuilder overlaid = CalendarBuilder::EnglandAndWales();
  Check(overlaid.LoadGovUkJson(json, division, JsonMerge::kOverlay).ok(),
        "a file read alone is refused as an overlay");
  const absl::StatusOr<Calendar> merged = overlaid.Build();
  const absl::StatusOr<Calendar> builtin = Calendar::EnglandAndWales();
  Check(merged.ok() && builtin.ok(), "an overlay builds no calendar");
  Check(SameDays(Between(*merged, *first, *last), listed),
        "an overlay's holidays in the file's years are not the file's");
  if (*first > kMinDate) {
    const Date before = Date::FromSerial(first->serial() - 1);
    Check(SameDays(Between(*merged, kMinDate, before),
                   Between(*builtin, kMinDate, before)),
          "an overlay changed the years before the file");
  }
  if (*last < kMaxDate) {
    const Date after = Date::FromSerial(last->serial() + 1);
    Check(SameDays(Between(*merged, after, kMaxDate),
                   Between(*builtin, after, kMaxDate)),
          "an overlay changed the years after the file");
  }
}

}  // namespace
}  // namespace fuzz
}  // namespace timescales

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  const absl::string_view json(reinterpret_cast<const char*>(bytes), size);
  for (const char* division : {"england-and-wales", "scotland", ""}) {
    timescales::fuzz::CheckDivision(json, division);
  }
  return 0;
}
