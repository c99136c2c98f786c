// File: schedule.h
// -----------------------------------------------------------------------------
//
// Review schedules (docs/kpis.md#review-schedules). A looked-after child's
// reviews follow one schedule per period of care: the first review is due
// 20 working days after the child became looked after, the second 3 months
// after the first was actually held, then every 6 months after the previous
// one (CPPCR 2010 reg 33). A new period of care starts a new schedule. A
// child protection plan's review conferences follow one the same way from
// the ICPC (3 months, then 6-monthly), with the first core group 10 working
// days after the ICPC.
//
// A schedule lists every slot with its rule, due date, the review that
// filled it and a status as at a date (the end of that day):
//
//   on_time       held on or before the legal due date
//   late          held after it
//   overdue       not held, and due on or before the as-at date
//   due_soon      not held, due within `policy.due_soon_working_days`
//   not_yet_due   not held, due later
//   not_required  care (or the plan) ended on or before the due date
//
// Example:
//
//   LacPeriod period{2019-12-20, std::nullopt, false};
//   absl::StatusOr<Schedule> s = ts.LacSchedule(
//       period, {Reviewed(2020-01-22), Reviewed(2020-04-23)}, 2020-11-01);
//   // slots: 1 on_time (due 2020-01-22), 2 late (due 2020-04-22),
//   //        3 overdue (due 2020-10-23); s->next_due == 2020-10-23

#ifndef TSC_SCHEDULE_H_
#define TSC_SCHEDULE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "timescales/config.h"
#include "timescales/due.h"

TSC_NAMESPACE_BEGIN

enum class SlotStatus {
  kOnTime,
  kLate,
  kOverdue,
  kDueSoon,
  kNotYetDue,
  kNotRequired,
};

// "on_time", "late", "overdue", "due_soon", "not_yet_due", "not_required".
absl::string_view SlotStatusName(SlotStatus status) noexcept;

// A review (or conference) as held, with the process timestamps that exist.
struct HeldReview {
  Moment held;
  std::optional<Moment> sw_report_received;
  std::optional<Moment> decisions_sent;
  std::optional<Moment> record_distributed;
};

inline HeldReview Reviewed(Date date) {
  return HeldReview{Moment::OnDate(date), {}, {}, {}};
}

// A deadline that follows from a held review (decisions, record, report).
struct Deadline {
  DueDate due;
  std::optional<Moment> done;
  SlotStatus status = SlotStatus::kNotYetDue;
};

struct Slot {
  int number = 0;  // 1-based position in the schedule
  DueDate due;
  std::optional<HeldReview> review;  // the review that filled the slot
  SlotStatus status = SlotStatus::kNotYetDue;
  // Working days after the legal due date: when held late, to the review;
  // when overdue, to the as-at date. Zero otherwise.
  int32_t working_days_late = 0;
  // For a held review: decisions, record and social worker's report.
  std::vector<Deadline> deadlines;
};

struct Schedule {
  std::string kind;  // "lac", "lac_short_break" or "cp"
  Date start;
  std::optional<Date> end;
  Date as_at;
  std::vector<Slot> slots;
  std::optional<Slot> core_group;  // CP plans: the first core group
  // The legal due date of the slot still to be filled, when one is needed.
  std::optional<Date> next_due;
  // Reviews held on a date already filled in this schedule (counted once).
  std::vector<HeldReview> duplicates;
};

struct LacPeriod {
  Date start;                // the day the child became looked after
  std::optional<Date> end;   // the day the period of care ended
  bool short_break = false;  // reg 48 short breaks: 3 months, then 6
};

struct CpPlan {
  Date icpc;                // the initial conference (= plan start)
  std::optional<Date> end;  // the day the plan ended
  std::optional<Date> first_core_group;
};

// Status of a deadline `due` as at the end of `as_at`, given when it was met.
SlotStatus DeadlineStatus(const Calendar& calendar, const Moment& due,
                          const std::optional<Moment>& done, Date as_at,
                          int due_soon_working_days);

// LacSchedule() / CpSchedule()
//
// The schedule of one period of care or one CP plan, as at the end of
// `as_at`.
// Reviews held after `as_at` are not yet known and are ignored; a review
// before the start is InvalidArgument.
absl::StatusOr<Schedule> LacSchedule(const Timescales& ts,
                                     const LacPeriod& period,
                                     std::vector<HeldReview> reviews,
                                     Date as_at);
absl::StatusOr<Schedule> CpSchedule(const Timescales& ts, const CpPlan& plan,
                                    std::vector<HeldReview> conferences,
                                    Date as_at);

// Several periods of care of one child: each review goes to the period whose
// span holds its date (ends included); reviews in no period come back in
// `unassigned`.
struct LacHistory {
  std::vector<Schedule> schedules;
  std::vector<HeldReview> unassigned;
};
absl::StatusOr<LacHistory> LacSchedules(const Timescales& ts,
                                        std::vector<LacPeriod> periods,
                                        std::vector<HeldReview> reviews,
                                        Date as_at);

enum class ScheduleKind { kLac, kLacShortBreak, kCp };

// ScheduleDueDates()
//
// The legal due date of every slot of an anchored schedule, without
// explanations: the fast path for recomputing a whole county's history.
// `held` are the review dates in order; `due` receives held.size() + 1
// dates (slot k + 1 is due[k]; the last is the next review due).
//
// Example: start 2019-12-20, held {2020-01-22, 2020-04-23}
//          -> due {2020-01-22, 2020-04-22, 2020-10-23}
absl::Status ScheduleDueDates(const Timescales& ts, ScheduleKind kind,
                              Date start, absl::Span<const Date> held,
                              absl::Span<Date> due);

// The same with the schedule's rules looked up once, for many schedules.
//
// Example:
//   absl::StatusOr<ScheduleCalculator> calc =
//       ScheduleCalculator::Create(ts, ScheduleKind::kLac);
//   for (...) calc->DueDates(start, held, absl::MakeSpan(due));
class ScheduleCalculator {
 public:
  static absl::StatusOr<ScheduleCalculator> Create(const Timescales& ts,
                                                   ScheduleKind kind);
  absl::Status DueDates(Date start, absl::Span<const Date> held,
                        absl::Span<Date> due) const;

  // The due date of the slot after each review held: next_due[k] follows
  // the k-th review (next_due[0] is slot 1). With no known start (the
  // schedule began before the data), slot 1's due date is unknown and every
  // later slot follows the subsequent-review rule.
  absl::StatusOr<std::vector<std::optional<Date>>> NextDueDates(
      std::optional<Date> start, absl::Span<const Date> held) const;

  // The id of the rule next_due[k] follows (NextDueDates with a known start
  // when `anchored`): "lac.first_review", "lac.second_review", ... A static
  // string.
  const char* RuleOf(size_t k, bool anchored) const noexcept;

 private:
  // Slot `slot` (0-based) of a schedule, due from `anchor`: the
  // first-review rule for slot 0, the second-review rule for slot 1 of an
  // anchored schedule, the subsequent-review rule otherwise.
  absl::StatusOr<Date> SlotDue(size_t slot, bool anchored, Date anchor) const;

  ScheduleCalculator(const Timescales& ts, const char* const (&ids)[3],
                     const Timescales::Offset (&offsets)[3])
      : ts_(&ts),
        ids_{ids[0], ids[1], ids[2]},
        offsets_{offsets[0], offsets[1], offsets[2]} {}
  // The index into ids_ and offsets_ of slot `slot`'s rule.
  static size_t RuleIndex(size_t slot, bool anchored) noexcept {
    return slot == 0 ? 0 : anchored && slot == 1 ? 1 : 2;
  }
  const Timescales* ts_;  // not owned; must outlive the calculator
  const char* ids_[3];    // first, second, subsequent (static strings)
  Timescales::Offset offsets_[3];
};

// The names before 0.2 (a "chain" is a schedule); removed in 0.3.
using ChainKind [[deprecated("use ScheduleKind")]] = ScheduleKind;
using ChainCalculator [[deprecated("use ScheduleCalculator")]] =
    ScheduleCalculator;
[[deprecated("use ScheduleDueDates")]] inline absl::Status ChainDueDates(
    const Timescales& ts, ScheduleKind kind, Date start,
    absl::Span<const Date> held, absl::Span<Date> due) {
  return ScheduleDueDates(ts, kind, start, held, due);
}

TSC_NAMESPACE_END

#endif  // TSC_SCHEDULE_H_
