// File: kpi/monitoring.cc
//
// The in-year monitoring list: the open review slot of every child in care
// and of every open CP plan, and optionally the slots filled late in a
// window, from the same periods of care, plans and schedules as the KPIs
// (kpi/review_schedules.h).

#include "timescales/monitoring.h"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_format.h"
#include "base/excerpt.h"
#include "kpi/builders.h"
#include "kpi/lac_view.h"
#include "kpi/review_schedules.h"

TSC_NAMESPACE_BEGIN
namespace {

using internal::HeldSchedule;
using internal::PeriodOfCare;

constexpr MonitoringStatus kAllStatuses[] = {
    MonitoringStatus::kOverdue, MonitoringStatus::kDueSoon,
    MonitoringStatus::kOnTrack, MonitoringStatus::kUnknown,
    MonitoringStatus::kHeldLate};

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
    case MonitoringStatus::kHeldLate:
      return 4;
  }
  return 5;
}

// The chairs of the children's meetings: for each child and kind of
// meeting (LAC reviews; ICPCs and review conferences together), the
// meetings in the order they were held.
class LastChairs {
 public:
  explicit LastChairs(const std::vector<MeetingRecord>& meetings) {
    for (const MeetingRecord& m : meetings) {
      of_child_[Key(m.child, m.type != MeetingType::kLacReview)].push_back(&m);
    }
    for (auto& [key, list] : of_child_) {
      // Equal times keep file order: the later row is the later meeting.
      std::stable_sort(list.begin(), list.end(),
                       [](const MeetingRecord* a, const MeetingRecord* b) {
                         return Order(*a) < Order(*b);
                       });
    }
  }

  // The chair of the child's latest meeting of the kind held on or before
  // `day`; empty when none.
  std::string Last(std::string_view child, bool cp, Date day) const {
    const auto it = of_child_.find(Key(child, cp));
    if (it == of_child_.end()) return std::string();
    const std::vector<const MeetingRecord*>& list = it->second;
    const auto after = std::upper_bound(
        list.begin(), list.end(), day,
        [](Date d, const MeetingRecord* m) { return d < m->held.date; });
    if (after == list.begin()) return std::string();
    return (*(after - 1))->chair;
  }

 private:
  using MapKey = std::pair<std::string_view, bool>;
  static MapKey Key(std::string_view child, bool cp) { return {child, cp}; }
  // A meeting with no time comes before a timed one on the same day.
  static std::pair<Date, int> Order(const MeetingRecord& m) {
    return {m.held.date, m.held.minute_of_day.value_or(-1)};
  }
  absl::flat_hash_map<MapKey, std::vector<const MeetingRecord*>> of_child_;
};

// Fills the rows of schedules as at the end of the as-at day. `calculator`
// is the one the schedule's due dates came from (it names their rules).
class RowMaker {
 public:
  RowMaker(const Timescales& ts, Date as_at, std::optional<Date> late_since,
           const LastChairs* chairs)
      : ts_(ts), as_at_(as_at), late_since_(late_since), chairs_(chairs) {}

  // The open slot of `s`: the one after its last review held by the as-at
  // day.
  absl::StatusOr<MonitoringRow> Open(std::string_view child, bool cp,
                                     const ScheduleCalculator& calculator,
                                     std::optional<Date> start,
                                     const HeldSchedule& s) const {
    const size_t slot = static_cast<size_t>(
        std::upper_bound(s.held.begin(), s.held.end(), as_at_) -
        s.held.begin());
    absl::StatusOr<MonitoringRow> made =
        Slot(child, cp, calculator, start, s, slot, as_at_);
    if (!made.ok() || !made->next_due) return made;  // no due: unknown
    MonitoringRow& row = *made;
    absl::StatusOr<int32_t> ahead =
        ts_.calendar().WorkingDaysBetween(as_at_, *row.next_due);
    if (!ahead.ok()) return ahead.status();
    row.working_days_to_due = *ahead;
    row.status = *row.next_due <= as_at_ ? MonitoringStatus::kOverdue
                 : *ahead <= ts_.policy().due_soon_working_days
                     ? MonitoringStatus::kDueSoon
                     : MonitoringStatus::kOnTrack;
    return made;
  }

  // The slots of `s` held late from the late-since day to the as-at day.
  absl::Status HeldLate(std::string_view child, bool cp,
                        const ScheduleCalculator& calculator,
                        std::optional<Date> start, const HeldSchedule& s,
                        std::vector<MonitoringRow>* rows) const {
    if (!late_since_) return absl::OkStatus();
    for (size_t k = 0; k < s.held.size(); ++k) {
      const Date held = s.held[k];
      const std::optional<Date>& due = s.due[k];
      if (held < *late_since_ || held > as_at_ || !due || held <= *due) {
        continue;
      }
      absl::StatusOr<MonitoringRow> row =
          Slot(child, cp, calculator, start, s, k, held);
      if (!row.ok()) return row.status();
      absl::StatusOr<int32_t> late =
          ts_.calendar().WorkingDaysBetween(*due, held);
      if (!late.ok()) return late.status();
      row->status = MonitoringStatus::kHeldLate;
      row->held = held;
      row->working_days_late = *late;
      rows->push_back(*std::move(row));
    }
    return absl::OkStatus();
  }

 private:
  // Slot `slot` (0-based) of `s`, its chair as at `chair_day`.
  absl::StatusOr<MonitoringRow> Slot(std::string_view child, bool cp,
                                     const ScheduleCalculator& calculator,
                                     std::optional<Date> start,
                                     const HeldSchedule& s, size_t slot,
                                     Date chair_day) const {
    MonitoringRow row;
    row.child = std::string(child);
    row.kind = cp ? "cp" : "lac";
    row.period_start = start;
    if (slot > 0) row.last_review = s.held[slot - 1];
    row.reviews_in_period = static_cast<int>(slot);
    row.next_due = s.due[slot];
    if (chairs_ != nullptr) {
      row.last_chair = chairs_->Last(child, cp, chair_day);
    }
    // Slot 1 of an unanchored schedule has no due date, and so no rule.
    if (!row.next_due) return row;
    row.rule_id = calculator.RuleOf(slot, s.anchored);
    absl::StatusOr<Date> practical =
        ts_.calendar().Adjust(*row.next_due, Roll::kPreceding);
    if (!practical.ok()) return practical.status();
    row.practical_due = *practical;
    return row;
  }

  const Timescales& ts_;
  Date as_at_;
  std::optional<Date> late_since_;
  const LastChairs* chairs_;  // null: no meetings
};

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
    case MonitoringStatus::kHeldLate:
      return "held_late";
  }
  return "unknown";
}

absl::StatusOr<MonitoringStatus> ParseMonitoringStatus(absl::string_view name) {
  for (MonitoringStatus s : kAllStatuses) {
    if (name == MonitoringStatusName(s)) return s;
  }
  return absl::InvalidArgumentError(absl::StrFormat(
      "unknown status '%s' (expected overdue, due_soon, on_track, unknown or "
      "held_late)",
      internal::Excerpt(name)));
}

absl::StatusOr<MonitoringList> BuildMonitoringList(
    const Dataset& data, Date as_at, const ReportConfig& config,
    const ReportOptions& options) {
  return BuildMonitoringList(data, as_at, config, options, MonitoringOptions());
}

absl::StatusOr<MonitoringList> BuildMonitoringList(
    const Dataset& data, Date as_at, const ReportConfig& config,
    const ReportOptions& options, const MonitoringOptions& monitoring) {
  if (monitoring.late_since && *monitoring.late_since > as_at) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "the reviews held late since %s: that is after the as-at date %s",
        monitoring.late_since->ToString(), as_at.ToString()));
  }
  absl::StatusOr<Timescales> built = config.BuildTimescales();
  if (!built.ok()) return built.status();
  const Timescales& ts = *built;
  const internal::KpiContext ctx(data, ts, options.data_from);

  MonitoringList list;
  list.as_at = as_at;
  list.late_since = monitoring.late_since;
  list.has_lac = data.Has("ssda903.episodes") || !data.episodes.empty();
  list.has_cp = data.Has("cin.cp_plans") || !data.cp_plans.empty();
  list.has_meetings = data.Has("meetings") || !data.meetings.empty();
  list.policy = ts.policy().Describe();
  list.calendar = ts.calendar().info().name + " (data " +
                  ts.calendar().info().data_version + ")";
  std::optional<LastChairs> chairs;
  if (!data.meetings.empty()) chairs.emplace(data.meetings);
  const RowMaker rows(ts, as_at, monitoring.late_since,
                      chairs ? &*chairs : nullptr);
  std::vector<MonitoringRow> late;

  // LAC reviews: the period open at the end of the as-at day, if any.
  absl::StatusOr<ScheduleCalculator> lac_calculator =
      ScheduleCalculator::Create(ts, ScheduleKind::kLac);
  if (!lac_calculator.ok()) return lac_calculator.status();
  const std::optional<Date> lac_coverage = internal::LacCoverageStart(ctx);
  const internal::LacView& lac = internal::Lac(ctx);
  std::vector<HeldSchedule> schedules;
  for (size_t child = 0; child < lac.children(); ++child) {
    const absl::Span<const PeriodOfCare> periods = lac.Periods(child);
    if (periods.empty()) continue;  // reviews only
    const absl::Status status = internal::LacChildSchedules(
        lac, child, *lac_calculator, lac_coverage, &schedules);
    if (!status.ok()) return status;
    const std::string_view id = lac.child(child);
    int open = -1;
    for (size_t p = 0; p < periods.size(); ++p) {
      const PeriodOfCare& period = periods[p];
      const std::optional<Date> start =
          period.start_known ? std::optional<Date>(period.first_decom)
                             : std::nullopt;
      if (period.first_decom <= as_at && (!period.end || *period.end > as_at)) {
        open = static_cast<int>(p);
      }
      if (period.short_break) continue;
      const absl::Status held_late =
          rows.HeldLate(id, false, *lac_calculator, start, schedules[p], &late);
      if (!held_late.ok()) return held_late;
    }
    if (open < 0) continue;
    const PeriodOfCare& period = periods[static_cast<size_t>(open)];
    if (period.short_break) {
      ++list.short_breaks;
      continue;
    }
    absl::StatusOr<MonitoringRow> row =
        rows.Open(id, false, *lac_calculator,
                  period.start_known ? std::optional<Date>(period.first_decom)
                                     : std::nullopt,
                  schedules[static_cast<size_t>(open)]);
    if (!row.ok()) return row.status();
    list.rows.push_back(*std::move(row));
    ++list.in_care;
  }

  // CP review conferences: the plans open at the end of the as-at day.
  if (!data.cp_plans.empty()) {
    absl::StatusOr<ScheduleCalculator> cp_calculator =
        ScheduleCalculator::Create(ts, ScheduleKind::kCp);
    if (!cp_calculator.ok()) return cp_calculator.status();
    const std::optional<Date> cp_coverage = internal::CpCoverageStart(ctx);
    for (const CpPlanRecord& plan : internal::Plans(ctx)) {
      if (!plan.start) continue;  // no schedule (only built in code)
      const bool open =
          *plan.start <= as_at && (!plan.end || *plan.end > as_at);
      if (!open && !monitoring.late_since) continue;
      absl::StatusOr<HeldSchedule> schedule =
          internal::CpPlanSchedule(plan, *cp_calculator, cp_coverage);
      if (!schedule.ok()) return schedule.status();
      const absl::Status held_late = rows.HeldLate(
          plan.child, true, *cp_calculator, plan.start, *schedule, &late);
      if (!held_late.ok()) return held_late;
      if (!open) continue;
      absl::StatusOr<MonitoringRow> row =
          rows.Open(plan.child, true, *cp_calculator, plan.start, *schedule);
      if (!row.ok()) return row.status();
      list.rows.push_back(*std::move(row));
      ++list.cp_plans;
    }
  }

  list.held_late = static_cast<int>(late.size());
  for (MonitoringRow& row : late) list.rows.push_back(std::move(row));
  std::stable_sort(list.rows.begin(), list.rows.end(),
                   [](const MonitoringRow& a, const MonitoringRow& b) {
                     if (StatusOrder(a.status) != StatusOrder(b.status)) {
                       return StatusOrder(a.status) < StatusOrder(b.status);
                     }
                     if (a.next_due != b.next_due) {
                       return a.next_due < b.next_due;
                     }
                     // Children come unordered.
                     if (a.child != b.child) return a.child < b.child;
                     if (a.kind != b.kind) return a.kind > b.kind;  // lac
                     return a.held < b.held;
                   });
  return list;
}

TSC_NAMESPACE_END
