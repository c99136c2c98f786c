// File: period.h
// -----------------------------------------------------------------------------
//
// Reporting periods, written as councils write them
// (docs/kpis.md#reporting-periods): `2019-20` (financial year 1 Apr 2019 - 31
// Mar 2020), `2019-20-Q3` (Oct - Dec 2019), `2019-10` (a month) or
// `2019-04-01..2020-03-31` (any inclusive range).
//
// Example:
//
//   absl::StatusOr<ReportingPeriod> p = ReportingPeriod::Parse("2019-20");
//   // p->start == 2019-04-01, p->end == 2020-03-31
//   // p->Previous().label == "2018-19"

#ifndef TSC_PERIOD_H_
#define TSC_PERIOD_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "timescales/config.h"
#include "timescales/date.h"

TSC_NAMESPACE_BEGIN

enum class PeriodShape { kFinancialYear, kQuarter, kMonth, kRange };

struct ReportingPeriod {
  Date start;  // inclusive
  Date end;    // inclusive
  PeriodShape shape = PeriodShape::kRange;
  std::string label;  // as written: "2019-20", "2019-20-Q3", "2019-10", ...

  // ReportingPeriod::Parse()
  //
  // Example: Parse("2019-20-Q4") is 2020-01-01..2020-03-31.
  static absl::StatusOr<ReportingPeriod> Parse(absl::string_view text);

  // A range period [start, end]; InvalidArgument when end < start.
  static absl::StatusOr<ReportingPeriod> Range(Date start, Date end);

  // The preceding period of the same shape: the previous financial year,
  // quarter or month; for a range, as many days ending the day before start.
  absl::StatusOr<ReportingPeriod> Previous() const;

  // Each calendar month overlapping the period, clipped to it, labelled
  // `yyyy-mm`.
  std::vector<ReportingPeriod> Months() const;

  bool Contains(Date day) const { return start <= day && day <= end; }
};

TSC_NAMESPACE_END

#endif  // TSC_PERIOD_H_
