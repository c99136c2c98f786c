// File: monitoring.h
// -----------------------------------------------------------------------------
//
// The in-year monitoring list a service manager works from: for every child
// looked after on a date, the next LAC review due, its status as at that
// date, and the last review held. Built from the same periods of care and
// review schedules as the KPIs (docs/kpis.md#review-schedules), so the list and
// the annual figures agree.
//
// Example:
//
//   absl::StatusOr<MonitoringList> list =
//       BuildMonitoringList(data, *Date::FromYmd(2020, 3, 31), config, {});
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
  kOverdue,  // due on or before the as-at date, not held
  kDueSoon,  // due within the policy's due_soon_working_days
  kOnTrack,  // due later
  kUnknown,  // in care since before the data, no review in it yet
};

// "overdue", "due_soon", "on_track", "unknown".
absl::string_view MonitoringStatusName(MonitoringStatus status) noexcept;
absl::StatusOr<MonitoringStatus> ParseMonitoringStatus(absl::string_view name);

struct MonitoringRow {
  std::string child;
  std::optional<Date> period_start;  // empty: began before the data
  std::optional<Date> last_review;   // of the current period of care
  int reviews_in_period = 0;
  std::string rule_id;           // the rule the next review is due under
  std::optional<Date> next_due;  // legal due date
  std::optional<Date> practical_due;
  MonitoringStatus status = MonitoringStatus::kUnknown;
  // Working days from the as-at date to the due date (negative: overdue by).
  std::optional<int32_t> working_days_to_due;
};

struct MonitoringList {
  Date as_at;
  std::vector<MonitoringRow> rows;  // overdue first, then by due date
  // Children in care with a review schedule: rows.size() until a caller keeps
  // only some statuses.
  int in_care = 0;
  int short_breaks = 0;  // children on short breaks only: no review schedule
  std::string policy;
  std::string calendar;
};

// Every child with a period of care open at the end of `as_at`, with the
// status of their next review as at the end of that day: a review due that
// day and not held is overdue, as the KPIs count it.
absl::StatusOr<MonitoringList> BuildMonitoringList(
    const Dataset& data, Date as_at, const ReportConfig& config,
    const ReportOptions& options);

TSC_NAMESPACE_END

#endif  // TSC_MONITORING_H_
