// File: fuzz/reporting_period_fuzzer.cc
//
// ReportingPeriod::Parse() over arbitrary bytes (`timescales report
// --period`, docs/kpis.md#reporting-periods). Beyond not crashing, a period
// read:
//
//   * starts on or before it ends, inside the supported dates;
//   * has the shape its label says: a financial year is 1 Apr - 31 Mar, a
//     quarter three whole months of one, a month one whole month, a range
//     labelled start..end; and its label reads back as the same period;
//   * splits into Months() that are contiguous, each inside one calendar
//     month, and together exactly the period;
//   * has a Previous() (when inside the supported dates) of the same shape
//     and length class ending the day before it starts.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "fuzz/fuzz_check.h"
#include "timescales/date.h"
#include "timescales/period.h"

namespace timescales {
namespace fuzz {
namespace {

std::string Show(const ReportingPeriod& p) {
  return absl::StrFormat("'%s' %s..%s", Shown(p.label), p.start.ToString(),
                         p.end.ToString());
}

bool FirstOfMonth(Date d) { return d.day() == 1; }
bool LastOfMonth(Date d) { return d.day() == DaysInMonth(d.year(), d.month()); }

void CheckShape(const ReportingPeriod& p) {
  const std::string what = Show(p);
  Check(p.start.in_range() && p.end.in_range(),
        "a period out of range " + what);
  Check(p.start <= p.end, "a period ends before it starts " + what);
  Check(p.Contains(p.start) && p.Contains(p.end), "Contains() " + what);
  switch (p.shape) {
    case PeriodShape::kFinancialYear:
      Check(p.start.month() == 4 && p.start.day() == 1 && p.end.month() == 3 &&
                p.end.day() == 31 && p.end.year() == p.start.year() + 1,
            "a financial year is not 1 Apr - 31 Mar " + what);
      Check(p.label == absl::StrFormat("%04d-%02d", p.start.year(),
                                       p.end.year() % 100),
            "a financial year's label " + what);
      break;
    case PeriodShape::kQuarter: {
      const int months = (p.end.year() - p.start.year()) * 12 + p.end.month() -
                         p.start.month() + 1;
      Check(months == 3 && FirstOfMonth(p.start) && LastOfMonth(p.end) &&
                (p.start.month() - 1) % 3 == 0,
            "a quarter is not three whole months " + what);
      break;
    }
    case PeriodShape::kMonth:
      Check(p.start.year() == p.end.year() &&
                p.start.month() == p.end.month() && FirstOfMonth(p.start) &&
                LastOfMonth(p.end),
            "a month is not one whole month " + what);
      Check(p.label ==
                absl::StrFormat("%04d-%02d", p.start.year(), p.start.month()),
            "a month's label " + what);
      break;
    case PeriodShape::kRange:
      Check(p.label == p.start.ToString() + ".." + p.end.ToString(),
            "a range's label " + what);
      break;
  }
}

void CheckPeriod(absl::string_view text) {
  const absl::StatusOr<ReportingPeriod> period = ReportingPeriod::Parse(text);
  if (!period.ok()) {
    Check(!period.status().message().empty(), "an error without a message");
    return;
  }
  CheckShape(*period);
  const std::string what = Show(*period);

  // The label is how reports write the period: it must read back.
  const absl::StatusOr<ReportingPeriod> again =
      ReportingPeriod::Parse(period->label);
  Check(again.ok() && again->start == period->start &&
            again->end == period->end && again->shape == period->shape &&
            again->label == period->label,
        "the label does not read back as the period " + what);

  const std::vector<ReportingPeriod> months = period->Months();
  Check(!months.empty(), "no months " + what);
  Check(
      months.front().start == period->start && months.back().end == period->end,
      "the months do not cover the period " + what);
  for (size_t i = 0; i < months.size(); ++i) {
    const ReportingPeriod& m = months[i];
    Check(m.start <= m.end && m.start.year() == m.end.year() &&
              m.start.month() == m.end.month(),
          "a month is not inside one calendar month " + Show(m));
    Check(m.label ==
              absl::StrFormat("%04d-%02d", m.start.year(), m.start.month()),
          "a month's label " + Show(m));
    if (i > 0) {
      Check(months[i - 1].end.serial() + 1 == m.start.serial(),
            "the months are not contiguous " + what);
    }
  }

  const absl::StatusOr<ReportingPeriod> previous = period->Previous();
  if (!previous.ok()) {
    // Only at the edge of the supported dates.
    const int32_t reach =
        period->shape == PeriodShape::kRange
            ? period->end.serial() - period->start.serial() + 1
            : 366;
    Check(
        period->start.serial() - reach < kMinDate.serial(),
        "no previous period for " + what + ": " + previous.status().ToString());
    return;
  }
  CheckShape(*previous);
  Check(previous->shape == period->shape, "Previous() changes shape " + what);
  Check(previous->end.serial() + 1 == period->start.serial(),
        "Previous() does not end the day before " + what);
  if (period->shape == PeriodShape::kRange) {
    Check(previous->end.serial() - previous->start.serial() ==
              period->end.serial() - period->start.serial(),
          "a range's Previous() has another length " + what);
  }
}

}  // namespace
}  // namespace fuzz
}  // namespace timescales

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  timescales::fuzz::CheckPeriod(
      absl::string_view(reinterpret_cast<const char*>(bytes), size));
  return 0;
}
