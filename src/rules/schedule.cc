// File: rules/schedule.cc
//
// Review schedules (CPPCR 2010 reg 33; Working Together 2018): each slot is
// due from the actual date of the review before it, never from the
// previous due date, so month-end clamping drifts as the law intends.

#include "timescales/schedule.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_format.h"

TSC_NAMESPACE_BEGIN
namespace {

struct ScheduleRules {
  const char* kind;
  const char* first;
  const char* second;
  const char* subsequent;
};

constexpr ScheduleRules kLacRules = {
    "lac", "lac.first_review", "lac.second_review", "lac.subsequent_review"};
constexpr ScheduleRules kShortBreakRules = {
    "lac_short_break", "lac.short_break_first_review",
    "lac.short_break_subsequent_review", "lac.short_break_subsequent_review"};
constexpr ScheduleRules kCpRules = {"cp", "cp.first_rcpc", "cp.subsequent_rcpc",
                                    "cp.subsequent_rcpc"};

const char* RuleForSlot(const ScheduleRules& rules, int number) {
  return number == 1   ? rules.first
         : number == 2 ? rules.second
                       : rules.subsequent;
}

absl::StatusOr<Deadline> MakeDeadline(const Timescales& ts,
                                      absl::string_view rule_id,
                                      const Moment& held,
                                      const std::optional<Moment>& done,
                                      Date as_at) {
  absl::StatusOr<DueDate> due = ts.Due(rule_id, held);
  if (!due.ok()) return due.status();
  Deadline deadline{*std::move(due), done, SlotStatus::kNotYetDue};
  deadline.status =
      DeadlineStatus(ts.calendar(), deadline.due.legal_due,
                     done && done->date <= as_at ? done : std::nullopt, as_at,
                     ts.policy().due_soon_working_days);
  return deadline;
}

// Sorts by date, drops reviews after `as_at` (not yet known), and moves
// second reviews on one date into `duplicates`.
std::vector<HeldReview> Prepare(std::vector<HeldReview> reviews, Date as_at,
                                std::vector<HeldReview>* duplicates) {
  std::stable_sort(reviews.begin(), reviews.end(),
                   [](const HeldReview& a, const HeldReview& b) {
                     return a.held.date < b.held.date;
                   });
  std::vector<HeldReview> kept;
  for (HeldReview& r : reviews) {
    if (r.held.date > as_at) continue;
    if (!kept.empty() && kept.back().held.date == r.held.date) {
      duplicates->push_back(std::move(r));
    } else {
      kept.push_back(std::move(r));
    }
  }
  return kept;
}

absl::StatusOr<Schedule> BuildSchedule(const Timescales& ts,
                                       const ScheduleRules& rules, Date start,
                                       std::optional<Date> end,
                                       std::vector<HeldReview> reviews,
                                       Date as_at, bool review_deadlines) {
  Schedule schedule;
  schedule.kind = rules.kind;
  schedule.start = start;
  schedule.end = end;
  schedule.as_at = as_at;
  if (end && *end < start) {
    return absl::InvalidArgumentError(
        absl::StrFormat("the end %s is before the start %s", end->ToString(),
                        start.ToString()));
  }
  std::vector<HeldReview> held =
      Prepare(std::move(reviews), as_at, &schedule.duplicates);
  for (const HeldReview& r : held) {
    if (r.held.date < start || (end && r.held.date > *end)) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "review on %s is outside %s to %s", r.held.date.ToString(),
          start.ToString(), end ? end->ToString() : "(open)"));
    }
  }
  const int due_soon = ts.policy().due_soon_working_days;
  Date anchor = start;
  for (size_t i = 0; i <= held.size(); ++i) {
    Slot slot;
    slot.number = static_cast<int>(i) + 1;
    absl::StatusOr<DueDate> due =
        ts.Due(RuleForSlot(rules, slot.number), Moment::OnDate(anchor));
    if (!due.ok()) return due.status();
    slot.due = *std::move(due);
    const Date due_date = slot.due.legal_due.date;
    if (i < held.size()) {
      const HeldReview& review = held[i];
      slot.review = review;
      slot.status = review.held.date <= due_date ? SlotStatus::kOnTime
                                                 : SlotStatus::kLate;
      if (slot.status == SlotStatus::kLate) {
        absl::StatusOr<int32_t> late =
            ts.calendar().WorkingDaysBetween(due_date, review.held.date);
        if (!late.ok()) return late.status();
        slot.working_days_late = *late;
      }
      if (review_deadlines) {
        const std::pair<const char*, const std::optional<Moment>*> kinds[] = {
            {"lac.review_decisions", &review.decisions_sent},
            {"lac.review_record", &review.record_distributed},
            {"lac.sw_report", &review.sw_report_received}};
        for (const auto& [rule_id, done] : kinds) {
          absl::StatusOr<Deadline> deadline =
              MakeDeadline(ts, rule_id, review.held, *done, as_at);
          if (!deadline.ok()) return deadline.status();
          slot.deadlines.push_back(*std::move(deadline));
        }
      }
      anchor = review.held.date;
    } else if (end && *end <= due_date) {
      // Care (or the plan) ended on or before the due date: no review needed.
      slot.status = SlotStatus::kNotRequired;
    } else {
      slot.status = DeadlineStatus(ts.calendar(), slot.due.legal_due,
                                   std::nullopt, as_at, due_soon);
      if (slot.status == SlotStatus::kOverdue) {
        absl::StatusOr<int32_t> late =
            ts.calendar().WorkingDaysBetween(due_date, as_at);
        if (!late.ok()) return late.status();
        slot.working_days_late = *late;
      }
      if (!end || *end > as_at) schedule.next_due = due_date;
    }
    schedule.slots.push_back(std::move(slot));
  }
  return schedule;
}

}  // namespace

absl::string_view SlotStatusName(SlotStatus status) noexcept {
  switch (status) {
    case SlotStatus::kOnTime:
      return "on_time";
    case SlotStatus::kLate:
      return "late";
    case SlotStatus::kOverdue:
      return "overdue";
    case SlotStatus::kDueSoon:
      return "due_soon";
    case SlotStatus::kNotYetDue:
      return "not_yet_due";
    case SlotStatus::kNotRequired:
      return "not_required";
  }
  return "unknown";
}

SlotStatus DeadlineStatus(const Calendar& calendar, const Moment& due,
                          const std::optional<Moment>& done, Date as_at,
                          int due_soon_working_days) {
  if (done)
    return AtOrBefore(*done, due) ? SlotStatus::kOnTime : SlotStatus::kLate;
  // As at the end of `as_at`: anything due on or before it is overdue.
  if (due.date <= as_at) return SlotStatus::kOverdue;
  int32_t ahead = 0;
  if (calendar.TryWorkingDaysBetween(as_at, due.date, &ahead) &&
      ahead <= due_soon_working_days) {
    return SlotStatus::kDueSoon;
  }
  return SlotStatus::kNotYetDue;
}

absl::StatusOr<Schedule> LacSchedule(const Timescales& ts,
                                     const LacPeriod& period,
                                     std::vector<HeldReview> reviews,
                                     Date as_at) {
  return BuildSchedule(ts, period.short_break ? kShortBreakRules : kLacRules,
                       period.start, period.end, std::move(reviews), as_at,
                       true);
}

absl::StatusOr<Schedule> CpSchedule(const Timescales& ts, const CpPlan& plan,
                                    std::vector<HeldReview> conferences,
                                    Date as_at) {
  // A core group before the ICPC that it follows is a data error, refused
  // as a review before the start is (it would count as on time).
  if (plan.first_core_group && *plan.first_core_group < plan.icpc) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "core group on %s is before the ICPC on %s",
        plan.first_core_group->ToString(), plan.icpc.ToString()));
  }
  absl::StatusOr<Schedule> schedule = BuildSchedule(
      ts, kCpRules, plan.icpc, plan.end, std::move(conferences), as_at, false);
  if (!schedule.ok()) return schedule;
  Slot core;
  core.number = 1;
  absl::StatusOr<DueDate> due =
      ts.Due("cp.core_group", Moment::OnDate(plan.icpc));
  if (!due.ok()) return due.status();
  core.due = *std::move(due);
  const std::optional<Moment> held =
      plan.first_core_group && *plan.first_core_group <= as_at
          ? std::optional<Moment>(Moment::OnDate(*plan.first_core_group))
          : std::nullopt;
  if (held) core.review = HeldReview{*held, {}, {}, {}};
  if (!held && plan.end && *plan.end <= core.due.legal_due.date) {
    core.status = SlotStatus::kNotRequired;
  } else {
    core.status = DeadlineStatus(ts.calendar(), core.due.legal_due, held, as_at,
                                 ts.policy().due_soon_working_days);
  }
  schedule->core_group = std::move(core);
  return schedule;
}

absl::StatusOr<ScheduleCalculator> ScheduleCalculator::Create(
    const Timescales& ts, ScheduleKind kind) {
  const ScheduleRules& names = kind == ScheduleKind::kCp ? kCpRules
                               : kind == ScheduleKind::kLacShortBreak
                                   ? kShortBreakRules
                                   : kLacRules;
  const char* ids[3] = {names.first, names.second, names.subsequent};
  Timescales::Offset offsets[3];
  for (int i = 0; i < 3; ++i) {
    absl::StatusOr<const Rule*> rule = ts.rules().Get(ids[i]);
    if (!rule.ok()) return rule.status();
    offsets[i] = ts.EffectiveOffset(**rule);
  }
  return ScheduleCalculator(ts, ids, offsets);
}

absl::StatusOr<Date> ScheduleCalculator::SlotDue(size_t slot, bool anchored,
                                                 Date anchor) const {
  return ts_->LegalDueDate(offsets_[RuleIndex(slot, anchored)], anchor);
}

const char* ScheduleCalculator::RuleOf(size_t k, bool anchored) const noexcept {
  return ids_[RuleIndex(k, anchored)];
}

absl::Status ScheduleCalculator::DueDates(Date start,
                                          absl::Span<const Date> held,
                                          absl::Span<Date> due) const {
  if (due.size() != held.size() + 1) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "due holds %d dates; a schedule of %d reviews has %d slots", due.size(),
        held.size(), held.size() + 1));
  }
  for (size_t k = 0; k < due.size(); ++k) {
    absl::StatusOr<Date> d = SlotDue(k, true, k == 0 ? start : held[k - 1]);
    if (!d.ok()) return d.status();
    due[k] = *d;
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::optional<Date>>>
ScheduleCalculator::NextDueDates(std::optional<Date> start,
                                 absl::Span<const Date> held) const {
  std::vector<std::optional<Date>> next_due(held.size() + 1);
  const bool anchored = start.has_value();
  for (size_t k = 0; k < next_due.size(); ++k) {
    if (k == 0 && !anchored) continue;  // slot 1 of an unanchored schedule
    absl::StatusOr<Date> d =
        SlotDue(k, anchored, k == 0 ? *start : held[k - 1]);
    if (!d.ok()) return d.status();
    next_due[k] = *d;
  }
  return next_due;
}

absl::Status ScheduleDueDates(const Timescales& ts, ScheduleKind kind,
                              Date start, absl::Span<const Date> held,
                              absl::Span<Date> due) {
  absl::StatusOr<ScheduleCalculator> calculator =
      ScheduleCalculator::Create(ts, kind);
  if (!calculator.ok()) return calculator.status();
  return calculator->DueDates(start, held, due);
}

absl::StatusOr<LacHistory> LacSchedules(const Timescales& ts,
                                        std::vector<LacPeriod> periods,
                                        std::vector<HeldReview> reviews,
                                        Date as_at) {
  std::sort(
      periods.begin(), periods.end(),
      [](const LacPeriod& a, const LacPeriod& b) { return a.start < b.start; });
  std::vector<std::vector<HeldReview>> assigned(periods.size());
  LacHistory history;
  for (HeldReview& review : reviews) {
    bool placed = false;
    for (size_t i = 0; i < periods.size() && !placed; ++i) {
      const LacPeriod& p = periods[i];
      if (review.held.date >= p.start &&
          (!p.end || review.held.date <= *p.end)) {
        assigned[i].push_back(review);
        placed = true;
      }
    }
    if (!placed) history.unassigned.push_back(std::move(review));
  }
  for (size_t i = 0; i < periods.size(); ++i) {
    if (periods[i].start > as_at) continue;  // not yet begun
    absl::StatusOr<Schedule> schedule =
        LacSchedule(ts, periods[i], std::move(assigned[i]), as_at);
    if (!schedule.ok()) return schedule.status();
    history.schedules.push_back(*std::move(schedule));
  }
  return history;
}

TSC_NAMESPACE_END
