// File: kpi/review_schedules.h
//
// The review schedules of the data as the KPIs count them
// (docs/kpis.md#review-schedules): which reviews belong to which period of
// care or child protection plan, whether the schedule is anchored, and the
// due date of every slot. The monitoring list reads its rows from these, so
// the list and the annual figures agree.

#ifndef TSC_KPI_REVIEW_SCHEDULES_H_
#define TSC_KPI_REVIEW_SCHEDULES_H_

#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "kpi/lac_view.h"
#include "timescales/dataset.h"
#include "timescales/schedule.h"

TSC_NAMESPACE_BEGIN
namespace internal {

// One schedule: the distinct reviews held in it, in date order, and the
// legal due date of each slot. Slot k + 1 (0-based k) is due[k], filled by
// held[k] when k < held.size(); the last slot is the next review due.
// due[0] is empty for an unanchored schedule (its first review in the data
// has no known due date).
struct HeldSchedule {
  bool anchored = false;
  std::vector<Date> held;
  std::vector<std::optional<Date>> due;  // held.size() + 1; empty: no slots
};

// The schedules of one child's periods of care, one per period in
// `lac.Periods(child)` order. A review goes to the first period whose span
// holds its date; duplicates and reviews in no period are left out, as
// lac_review_timeliness excludes them. A short-break period has no schedule:
// its HeldSchedule is empty (no `due`). `calculator` is of ScheduleKind::kLac;
// a period is anchored when its start is known and on or after `coverage`.
absl::Status LacChildSchedules(const LacView& lac, size_t child,
                               const ScheduleCalculator& calculator,
                               std::optional<Date> coverage,
                               std::vector<HeldSchedule>* out);

// The schedule of one CP plan with a start date: its review conferences
// within the plan (from its start to its end, both included), each date once,
// as rcpc_timeliness counts them. `calculator` is of ScheduleKind::kCp; the
// plan is anchored when it started on or after `coverage`. A plan with no
// start has no schedule: InvalidArgument.
absl::StatusOr<HeldSchedule> CpPlanSchedule(
    const CpPlanRecord& plan, const ScheduleCalculator& calculator,
    std::optional<Date> coverage);

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_KPI_REVIEW_SCHEDULES_H_
