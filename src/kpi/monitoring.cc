// File: kpi/monitoring.cc
//
// The in-year monitoring list: the open review slot of every child in care,
// from the same periods of care and schedules as the KPIs.

#include "timescales/monitoring.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/strings/str_format.h"
#include "base/excerpt.h"
#include "kpi/builders.h"
#include "kpi/lac_view.h"

TSC_NAMESPACE_BEGIN
namespace {

using internal::PeriodOfCare;

int StatusOrder(MonitoringStatus s) {
  switch (s) {
    case MonitoringStatus::kOverdue:
      return 0;
    case MonitoringStatus::kDueSoon:
      return 1;
    case MonitoringStatus::kOnTrack:
      return 2;
    case MonitoringStatus::kUnknown:
      return 3;
  }
  return 4;
}

}  // namespace

absl::string_view MonitoringStatusName(MonitoringStatus status) noexcept {
  switch (status) {
    case MonitoringStatus::kOverdue:
      return "overdue";
    case MonitoringStatus::kDueSoon:
      return "due_soon";
    case MonitoringStatus::kOnTrack:
      return "on_track";
    case MonitoringStatus::kUnknown:
      return "unknown";
  }
  return "unknown";
}

absl::StatusOr<MonitoringStatus> ParseMonitoringStatus(absl::string_view name) {
  for (MonitoringStatus s :
       {MonitoringStatus::kOverdue, MonitoringStatus::kDueSoon,
        MonitoringStatus::kOnTrack, MonitoringStatus::kUnknown}) {
    if (name == MonitoringStatusName(s)) return s;
  }
  return absl::InvalidArgumentError(absl::StrFormat(
      "unknown status '%s' (expected overdue, due_soon, on_track or "
      "unknown)",
      internal::Excerpt(name)));
}

absl::StatusOr<MonitoringList> BuildMonitoringList(
    const Dataset& data, Date as_at, const ReportConfig& config,
    const ReportOptions& options) {
  absl::StatusOr<Timescales> built = config.BuildTimescales();
  if (!built.ok()) return built.status();
  const Timescales& ts = *built;
  const internal::KpiContext ctx(data, ts, options.data_from);
  const std::optional<Date> coverage = internal::LacCoverageStart(ctx);

  const char* kIds[] = {"lac.first_review", "lac.second_review",
                        "lac.subsequent_review"};
  absl::StatusOr<ScheduleCalculator> calculator =
      ScheduleCalculator::Create(ts, ScheduleKind::kLac);
  if (!calculator.ok()) return calculator.status();

  MonitoringList list;
  list.as_at = as_at;
  list.policy = ts.policy().Describe();
  list.calendar = ts.calendar().info().name + " (data " +
                  ts.calendar().info().data_version + ")";
  const internal::LacView& lac = internal::Lac(ctx);
  std::vector<Date> held;
  for (size_t child = 0; child < lac.children(); ++child) {
    // The period open at the end of the as-at day, if any.
    const PeriodOfCare* open = nullptr;
    for (const PeriodOfCare& p : lac.Periods(child)) {
      if (p.first_decom <= as_at && (!p.end || *p.end > as_at)) open = &p;
    }
    if (open == nullptr) continue;
    if (open->short_break) {
      ++list.short_breaks;
      continue;
    }
    // The distinct review dates in the period, up to the as-at day.
    held.clear();
    for (const internal::ChildReview& r : lac.Reviews(child)) {
      if (r.date <= as_at && open->Holds(r.date)) held.push_back(r.date);
    }
    std::sort(held.begin(), held.end());
    held.erase(std::unique(held.begin(), held.end()), held.end());
    const bool anchored =
        open->start_known && coverage && open->first_decom >= *coverage;
    absl::StatusOr<std::vector<std::optional<Date>>> next_due =
        calculator->NextDueDates(
            anchored ? std::optional<Date>(open->first_decom) : std::nullopt,
            held);
    if (!next_due.ok()) return next_due.status();
    MonitoringRow row;
    row.child = std::string(lac.child(child));
    if (open->start_known) row.period_start = open->first_decom;
    if (!held.empty()) row.last_review = held.back();
    row.reviews_in_period = static_cast<int>(held.size());
    const size_t slot = held.size();
    row.rule_id =
        kIds[anchored ? std::min<size_t>(slot, 2) : (slot == 0 ? 0 : 2)];
    row.next_due = next_due->back();
    if (!row.next_due) row.rule_id.clear();  // due date unknown
    if (row.next_due) {
      absl::StatusOr<Date> practical =
          ts.calendar().Adjust(*row.next_due, Roll::kPreceding);
      if (!practical.ok()) return practical.status();
      row.practical_due = *practical;
      absl::StatusOr<int32_t> ahead =
          ts.calendar().WorkingDaysBetween(as_at, *row.next_due);
      if (!ahead.ok()) return ahead.status();
      row.working_days_to_due = *ahead;
      row.status = *row.next_due <= as_at ? MonitoringStatus::kOverdue
                   : *ahead <= ts.policy().due_soon_working_days
                       ? MonitoringStatus::kDueSoon
                       : MonitoringStatus::kOnTrack;
    }
    list.rows.push_back(std::move(row));
  }
  std::stable_sort(list.rows.begin(), list.rows.end(),
                   [](const MonitoringRow& a, const MonitoringRow& b) {
                     if (StatusOrder(a.status) != StatusOrder(b.status)) {
                       return StatusOrder(a.status) < StatusOrder(b.status);
                     }
                     if (a.next_due != b.next_due) {
                       return a.next_due < b.next_due;
                     }
                     return a.child < b.child;  // children come unordered
                   });
  list.in_care = static_cast<int>(list.rows.size());
  return list;
}

TSC_NAMESPACE_END
