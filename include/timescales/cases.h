// File: cases.h
// -----------------------------------------------------------------------------
//
// Case-level detail (docs/kpis.md#case-level-detail): the records behind
// every figure. Each KPI of a report computed with ReportOptions::detail
// lists one CaseRow for every item it considered in the headline period: a
// held review or conference, an overdue slot, an s47 enquiry, a plan, a
// review's action. Counting the rows gives the figure exactly (see
// CountCases in report.h):
//
//   numerator              = rows with in_numerator
//   denominator            = rows with in_denominator
//   excluded[reason]       = rows with that reason
//   overdue_at_period_end  = rows with outcome kOverdue
//
// Rows carry children's identifiers: personal data, for the council's own
// use.

#ifndef TSC_CASES_H_
#define TSC_CASES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "timescales/config.h"
#include "timescales/dataset.h"
#include "timescales/date.h"

TSC_NAMESPACE_BEGIN

// What a row is about.
enum class CaseItem : uint8_t {
  kReview,       // a LAC review or CP review conference held
  kOverdueSlot,  // a review due in the period and not held by its end
  kS47,          // an s47 enquiry, dated by its initial conference
  kPlan,         // a child protection plan
  kAction,       // a LAC review's decisions, record or social worker's report
  kChild,        // a child (participation measured per child)
};

// How a row counts. Timeliness KPIs: on time, late, overdue or excluded;
// the others: counted (in the numerator) or not, or excluded.
enum class CaseOutcome : uint8_t {
  kOnTime,
  kLate,
  kOverdue,
  kExcluded,
  kCounted,
  kNotCounted,
};

// "review", "overdue_slot", "s47", "plan", "action", "child".
const char* CaseItemName(CaseItem item) noexcept;
// "on_time", "late", "overdue", "excluded", "counted", "not_counted".
const char* CaseOutcomeName(CaseOutcome outcome) noexcept;
// The value of a name above, or nullopt.
std::optional<CaseItem> ParseCaseItem(std::string_view name) noexcept;
std::optional<CaseOutcome> ParseCaseOutcome(std::string_view name) noexcept;

struct CaseRow {
  std::string child;
  CaseItem item = CaseItem::kReview;
  // The item's own date: the review held, the overdue slot's legal due
  // date, the ICPC, the plan's start (its end for cp_plans_ended_2y_plus,
  // the period's end for plans open at it), the review an action follows.
  Date date;
  CaseOutcome outcome = CaseOutcome::kExcluded;
  bool in_numerator = false;
  bool in_denominator = false;
  // For an excluded row, one of the KPI's exclusion reasons (not_yet_due
  // included); empty otherwise. Names a static string.
  std::string_view reason;
  // The rule applied (a static string; empty when none), the slot of the
  // schedule (0: none, as for an unanchored schedule's reviews) and the
  // date the rule counts from.
  std::string_view rule;
  int32_t slot = 0;
  std::optional<Date> anchor;
  std::optional<Date> due;            // legal due date
  std::optional<Date> practical_due;  // last working day on or before it
  // Working days from the due date to the date done (overdue, or never
  // done: to the period's end); zero or negative when in time.
  std::optional<int32_t> late_working_days;
  // The chair of the meeting that matches the item ("(none)" for a blank
  // chair); nullopt when no meeting matches or meetings were not given.
  std::optional<std::string> chair_id;
  // The record the row came from (Report::SourceOf gives "file:line").
  SourceRef source;
  // Only for the child a report explains (ReportOptions::detail_child):
  // the working, one fact a line: the period of care or plan, how the due
  // date was computed, what filled the slot and why the row counts so.
  std::string explanation;

  // The yyyy-mm month of `date`.
  std::string Month() const;
};

// The rows a manager asks for (`timescales cases`): each member left empty
// matches every row.
struct CaseFilter {
  std::vector<CaseOutcome> outcomes;
  std::string chair_id;
  std::string month;  // yyyy-mm
  std::string child;

  bool Matches(const CaseRow& row) const;
};

TSC_NAMESPACE_END

#endif  // TSC_CASES_H_
