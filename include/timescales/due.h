// File: due.h
// -----------------------------------------------------------------------------
//
// Due dates with their working shown. `Timescales` binds a calendar, a rule
// catalogue and a policy; `Due(rule, anchor)` answers "when is this due, and
// why?":
//
//   * the legal due date (or due instant, for hour rules with a timed
//     anchor): the statutory deadline, against which compliance is judged;
//   * the practical due date: the last working day on or before a legal due
//     date that falls on a non-working day
//     (docs/conventions.md#legal-and-practical-due-dates);
//   * whether it is provisional (past the holiday data's known_until);
//   * an explanation naming the rule, the policy, the calendar and its data
//     version, and every non-working weekday skipped with its name.
//
// Example:
//
//   absl::StatusOr<Timescales> ts = Timescales::Default();
//   absl::StatusOr<DueDate> due =
//       ts->Due("lac.first_review", Moment::OnDate(2019-12-20));
//   // due->legal_due.date == 2020-01-22
//   // due->working == "20 working days after Fri 20 Dec 2019, skipping
//   //   Wed 25 Dec Christmas Day, Thu 26 Dec Boxing Day, Wed 1 Jan New
//   //   Year’s Day: Wed 22 Jan 2020"

#ifndef TSC_DUE_H_
#define TSC_DUE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "timescales/calendar.h"
#include "timescales/config.h"
#include "timescales/moment.h"
#include "timescales/policy.h"
#include "timescales/rules.h"

TSC_NAMESPACE_BEGIN

struct DueDate {
  Rule rule;  // the rule as applied (after policy substitutions)
  Moment anchor;
  Moment legal_due;    // has a time only for hour rules with a timed anchor
  Date practical_due;  // last working day on or before legal_due.date
  bool provisional = false;
  std::vector<Holiday> skipped;  // non-working weekdays counted past
  std::string working;   // "20 working days after ..., skipping ...: ..."
  std::string policy;    // Policy::Describe()
  std::string calendar;  // "england-and-wales (data gov.uk ..., known ...)"

  // The full explanation, one fact a line: rule and source, the working,
  // the practical due date when it differs, the policy and the calendar.
  std::string Explain() const;
};

class Timescales {
 public:
  Timescales(Calendar calendar, RuleCatalogue rules, Policy policy);

  // England and Wales, the built-in catalogue, the default policy.
  static absl::StatusOr<Timescales> Default();

  // Timescales::Due()
  //
  // The due date of `rule_id` from `anchor`. NotFound for an unknown rule;
  // OutOfRange when a date leaves the calendar's range.
  //
  // Example: Due("cp.icpc", Moment::OnDate(2022-09-12))->legal_due.date
  //          == 2022-10-04 (the state funeral on 19 Sep is skipped)
  absl::StatusOr<DueDate> Due(absl::string_view rule_id,
                              const Moment& anchor) const;
  absl::StatusOr<DueDate> Due(const Rule& rule, const Moment& anchor) const;

  // Timescales::DueDate()
  //
  // Only the legal due date, without the explanation: the fast path.
  absl::StatusOr<Date> LegalDueDate(const Rule& rule, Date anchor) const;

  // Timescales::OnTime()
  //
  // True when `done` is at or before the legal due date (or instant).
  // A date-only `done` against a timed due instant is judged by its date.
  //
  // Example: OnTime("cp.icpc", 2022-09-12, 2022-10-05) == false
  absl::StatusOr<bool> OnTime(absl::string_view rule_id, const Moment& anchor,
                              const Moment& done) const;

  // Timescales::LatenessWorkingDays()
  //
  // Signed working days from the legal due date to `done`: positive when
  // late, zero or negative when in time.
  //
  // Example: LatenessWorkingDays("cp.icpc", 2022-09-12, 2022-10-05) == 1
  absl::StatusOr<int32_t> LatenessWorkingDays(absl::string_view rule_id,
                                              const Moment& anchor,
                                              const Moment& done) const;

  // Timescales::DueBatch()
  //
  // Legal due dates of one rule over serial-day anchors (hour rules use the
  // date-only reading). On error the message names the failing index.
  absl::Status DueBatch(absl::string_view rule_id,
                        absl::Span<const int32_t> anchors,
                        absl::Span<int32_t> out) const;
  // The same over int64 serial days (numpy's datetime64[D], SQLite's
  // integers): an anchor outside 1900-01-01..2199-12-31 is OutOfRange
  // naming its index. Elements before a failing one are written.
  absl::Status DueBatch(absl::string_view rule_id,
                        absl::Span<const int64_t> anchors,
                        absl::Span<int64_t> out) const;

  // The rule as this policy applies it: `lac.sw_report` becomes N working
  // days before under SwReportRule::kWorkingDaysBefore.
  Rule Effective(const Rule& rule) const;

  // The offset and unit of Effective(rule), without copying the rule's text:
  // for hot loops.
  struct Offset {
    int32_t offset;
    Unit unit;
  };
  Offset EffectiveOffset(const Rule& rule) const noexcept;

  // The legal due date `offset` `unit`s from `anchor` under this policy
  // (hours on a date: whole days, as Due() reads a date-only anchor).
  absl::StatusOr<Date> LegalDueDate(Offset offset, Date anchor) const;

  // Due()'s legal_due without the explanation: a date-time for an hour rule
  // with a timed anchor (Europe/London), otherwise a date.
  absl::StatusOr<Moment> LegalDue(const Rule& rule, const Moment& anchor) const;

  const Calendar& calendar() const noexcept { return calendar_; }
  const RuleCatalogue& rules() const noexcept { return rules_; }
  const Policy& policy() const noexcept { return policy_; }

 private:
  template <typename Serial>
  absl::Status DueBatchOf(absl::string_view rule_id,
                          absl::Span<const Serial> anchors,
                          absl::Span<Serial> out) const;

  Calendar calendar_;
  RuleCatalogue rules_;
  Policy policy_;
};

TSC_NAMESPACE_END

#endif  // TSC_DUE_H_
