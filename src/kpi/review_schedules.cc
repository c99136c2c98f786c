// File: kpi/review_schedules.cc
//
// The schedules of periods of care and CP plans, as the KPIs count them.

#include "kpi/review_schedules.h"

#include <algorithm>

#include "kpi/periods_of_care.h"

TSC_NAMESPACE_BEGIN
namespace internal {

absl::Status LacChildSchedules(const LacView& lac, size_t child,
                               const ScheduleCalculator& calculator,
                               std::optional<Date> coverage,
                               std::vector<HeldSchedule>* out) {
  const absl::Span<const PeriodOfCare> periods = lac.Periods(child);
  out->resize(periods.size());
  for (HeldSchedule& s : *out) {
    s.anchored = false;
    s.held.clear();
    s.due.clear();
  }
  for (const ChildReview& r : lac.Reviews(child)) {
    if (r.duplicate) continue;
    const int p = FindPeriod(periods, r.date);
    if (p < 0 || periods[static_cast<size_t>(p)].short_break) continue;
    (*out)[static_cast<size_t>(p)].held.push_back(r.date);
  }
  for (size_t p = 0; p < periods.size(); ++p) {
    const PeriodOfCare& period = periods[p];
    if (period.short_break) continue;  // short breaks have no schedule
    HeldSchedule& s = (*out)[p];
    std::sort(s.held.begin(), s.held.end());
    s.anchored =
        period.start_known && coverage && period.first_decom >= *coverage;
    absl::StatusOr<std::vector<std::optional<Date>>> due =
        calculator.NextDueDates(
            s.anchored ? std::optional<Date>(period.first_decom) : std::nullopt,
            s.held);
    if (!due.ok()) return due.status();
    s.due = *std::move(due);
  }
  return absl::OkStatus();
}

absl::StatusOr<HeldSchedule> CpPlanSchedule(
    const CpPlanRecord& plan, const ScheduleCalculator& calculator,
    std::optional<Date> coverage) {
  if (!plan.start) {
    return absl::InvalidArgumentError(
        "a CP plan with no start date has no review schedule");
  }
  HeldSchedule s;
  for (const Date review : plan.reviews) {
    if (review < *plan.start || (plan.end && review > *plan.end)) continue;
    s.held.push_back(review);
  }
  std::sort(s.held.begin(), s.held.end());
  s.held.erase(std::unique(s.held.begin(), s.held.end()), s.held.end());
  s.anchored = coverage && *plan.start >= *coverage;
  absl::StatusOr<std::vector<std::optional<Date>>> due =
      calculator.NextDueDates(s.anchored ? plan.start : std::nullopt, s.held);
  if (!due.ok()) return due.status();
  s.due = *std::move(due);
  return s;
}

}  // namespace internal
TSC_NAMESPACE_END
