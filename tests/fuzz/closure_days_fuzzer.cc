// File: fuzz/closure_days_fuzzer.cc
//
// CalendarBuilder::LoadClosureDays() over arbitrary bytes as a closure-days
// file (`--closure-days`, the configuration's closure_days_path): one date a
// line, an optional name, blank lines and # comments skipped. Beyond not
// crashing:
//
//   * an error names the file and a line of it ("closures.txt:N: ...") and
//     adds nothing (all or nothing);
//   * a file read adds one closure day for each line that has more than a
//     comment or blanks;
//   * in the calendar built, every closure day on a weekday is a non-working
//     day that FindHoliday() finds as a named local closure, and no other
//     weekday is one.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "fuzz/fuzz_check.h"
#include "timescales/calendar.h"
#include "timescales/date.h"

namespace timescales {
namespace fuzz {
namespace {

constexpr absl::string_view kSource = "closures.txt";

// Lines holding more than blanks and a comment.
int DayLines(absl::string_view text) {
  int lines = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    line = line.substr(0, line.find('#'));
    if (!absl::StripAsciiWhitespace(line).empty()) ++lines;
  }
  return lines;
}

void CheckClosureDays(absl::string_view text) {
  CalendarBuilder builder = CalendarBuilder::WeekendsOnly("fuzz");
  const absl::Status loaded = builder.LoadClosureDays(text, kSource);
  if (!loaded.ok()) {
    const absl::string_view message = loaded.message();
    Check(absl::StartsWith(message, std::string(kSource) + ":"),
          "a closure-days error does not name the file: " + loaded.ToString());
    const absl::string_view rest = message.substr(kSource.size() + 1);
    int line = 0;
    Check(
        absl::SimpleAtoi(rest.substr(0, rest.find(':')), &line) && line >= 1 &&
            line <= 1 + static_cast<int>(
                            std::count(text.begin(), text.end(), '\n')),
        "a closure-days error names no line of the file: " + loaded.ToString());
    // (Building a calendar is the slow part: only when lines before the
    // bad one could have been added.)
    if (line > 1) {
      const absl::StatusOr<Calendar> calendar = builder.Build();
      Check(calendar.ok() && calendar->info().closure_days == 0,
            "a bad file added closure days");
    }
    return;
  }
  const absl::StatusOr<Calendar> calendar = builder.Build();
  Check(calendar.ok(), "no calendar: " + calendar.status().ToString());
  const int lines =
      DayLines(absl::StartsWith(text, "\xEF\xBB\xBF") ? text.substr(3) : text);
  Check(calendar->info().closure_days == lines,
        "closure days read: " + std::to_string(calendar->info().closure_days) +
            ", lines with a date: " + std::to_string(lines));
  if (lines == 0) return;
  const absl::StatusOr<std::vector<Holiday>> holidays =
      calendar->HolidaysBetween(kMinDate, kMaxDate);
  Check(holidays.ok(), "HolidaysBetween: " + holidays.status().ToString());
  Check(static_cast<int>(holidays->size()) <= lines,
        "more holidays than closure days");
  for (const Holiday& h : *holidays) {
    Check(h.kind == HolidayKind::kLocalClosure && !h.name.empty(),
          "a holiday that is not a named closure day " + h.date.ToString());
    Check(!h.date.is_weekend(), "a weekend closure day listed");
    const absl::StatusOr<bool> working = calendar->IsWorkingDay(h.date);
    Check(working.ok() && !*working, "a closure day is a working day");
    const Holiday* found = calendar->FindHoliday(h.date);
    Check(found != nullptr && found->kind == HolidayKind::kLocalClosure,
          "FindHoliday misses a closure day " + h.date.ToString());
    // One working day less in its week than a week without one.
    const absl::StatusOr<Date> monday =
        AddDays(h.date, 1 - static_cast<int>(h.date.weekday()));
    const absl::StatusOr<Date> friday = AddDays(*monday, 4);
    if (monday.ok() && friday.ok() && *monday > kMinDate) {
      const absl::StatusOr<int32_t> days = calendar->WorkingDaysBetween(
          Date::FromSerial(monday->serial() - 1), *friday);
      Check(days.ok() && *days < 5, "a closure week has five working days");
    }
  }
}

}  // namespace
}  // namespace fuzz
}  // namespace timescales

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  timescales::fuzz::CheckClosureDays(
      absl::string_view(reinterpret_cast<const char*>(bytes), size));
  return 0;
}
