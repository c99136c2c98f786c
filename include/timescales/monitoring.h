// File: monitoring.h
// -----------------------------------------------------------------------------
//
// The in-year monitoring list a service manager works from: for every child
// looked after on a date, the next LAC review due, and for every child
// protection plan open on that date, the next review conference due; each
// with its status as at that date, the last review held and, when meetings
// are given, who chaired it. Optionally also the reviews and conferences
// already held late since a date. Built from the same periods of care, plans
// and review schedules as the KPIs (docs/kpis.md#review-schedules), so the
// list and the annual figures agree.
//
// The list names children: it is personal data.
//
// Example:
//
//   MonitoringOptions late;
//   late.late_since = *Date::FromYmd(2020, 1, 1);
//   absl::StatusOr<MonitoringList> list = BuildMonitoringList(
//       data, *Date::FromYmd(2020, 3, 31), config, {}, late);
//   for (const MonitoringRow& row : list->rows) { ... }

#ifndef TSC_MONITORING_H_
#define TSC_MONITORING_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "timescales/config.h"
#include "timescales/dataset.h"
#include "timescales/report_config.h"

TSC_NAMESPACE_BEGIN

enum class MonitoringStatus {
  kOverdue,   // due on or before the as-at date, not held
  kDueSoon,   // due within the policy's due_soon_working_days
  kOnTrack,   // due later
  kUnknown,   // in care (or on a plan) since before the data, no review in
              // it yet
  kHeldLate,  // held after its due date, from MonitoringOptions::late_since
              // to the as-at date
};

// "overdue", "due_soon", "on_track", "unknown", "held_late".
absl::string_view MonitoringStatusName(MonitoringStatus status) noexcept;
absl::StatusOr<MonitoringStatus> ParseMonitoringStatus(absl::string_view name);

// One slot of a review schedule: the open slot of a period of care ("lac")
// or CP plan ("cp") at the as-at date, or (status kHeldLate) a slot filled
// late in the late-since window.
struct MonitoringRow {
  std::string child;
  // Of the period of care (LAC) or plan (CP: its start, the ICPC); empty:
  // began before the data.
  std::optional<Date> period_start;
  // The review (CP: conference) before this slot in the period or plan, and
  // how many were held before it: for an open slot, the last one held by the
  // as-at date.
  std::optional<Date> last_review;
  int reviews_in_period = 0;
  std::string rule_id;           // the rule the slot is due under
  std::optional<Date> next_due;  // legal due date
  std::optional<Date> practical_due;
  MonitoringStatus status = MonitoringStatus::kUnknown;
  // Working days from the as-at date to the due date (negative: overdue by);
  // empty for a held_late row.
  std::optional<int32_t> working_days_to_due;
  // "lac" (a LAC review) or "cp" (a CP review conference).
  std::string kind = "lac";
  // The chair (meetings.csv chair_id) of the child's most recent meeting of
  // the row's kind (lac_review; icpc or rcpc) held on or before the as-at
  // date (for a held_late row, on or before the day it was held); empty
  // when there is none or no meetings were given.
  std::string last_chair;
  // held_late rows: when the review was held, and the working days after
  // the legal due date.
  std::optional<Date> held;
  std::optional<int32_t> working_days_late;
};

struct MonitoringList {
  Date as_at;
  std::optional<Date> late_since;  // MonitoringOptions::late_since
  // Overdue first, then by due date, LAC and CP together; the held_late
  // rows last, by due date.
  std::vector<MonitoringRow> rows;
  // Children in care with a review schedule: the "lac" rows that are not
  // held_late, until a caller keeps only some statuses.
  int in_care = 0;
  int short_breaks = 0;  // children on short breaks only: no review schedule
  int cp_plans = 0;      // CP plans open at the as-at date: the "cp" rows
  int held_late = 0;     // the held_late rows
  // Which inputs the list was built from: SSDA903 episodes, CIN census CP
  // plans, meetings (for last_chair).
  bool has_lac = false;
  bool has_cp = false;
  bool has_meetings = false;
  std::string policy;
  std::string calendar;
};

struct MonitoringOptions {
  // Also list the reviews and conferences held late (after their legal due
  // date) from this day to the as-at day, both included: status held_late.
  std::optional<Date> late_since;
};

// Every child with a period of care open at the end of `as_at`, and every
// CP plan open then, with the status of their next review as at the end of
// that day: a review due that day and not held is overdue, as the KPIs count
// it. A plan is open when it started on or before `as_at` and has no end or
// ended after it. Late-since after `as_at` is InvalidArgument.
absl::StatusOr<MonitoringList> BuildMonitoringList(
    const Dataset& data, Date as_at, const ReportConfig& config,
    const ReportOptions& options, const MonitoringOptions& monitoring);

// The same with the default MonitoringOptions (no held_late rows).
absl::StatusOr<MonitoringList> BuildMonitoringList(
    const Dataset& data, Date as_at, const ReportConfig& config,
    const ReportOptions& options);

TSC_NAMESPACE_END

#endif  // TSC_MONITORING_H_
