// File: policy.h
// -----------------------------------------------------------------------------
//
// A local authority's choices where the sources disagree
// (docs/rules.md#policy-settings). Every due date names the policy that
// produced it. The defaults are the project's defaults: statutory counting,
// corresponding-date months, the initiating strategy discussion, a social
// worker's report 24 hours before.
//
// Example:
//
//   Policy policy;                                   // the defaults
//   policy.counting = Counting::kStartIsDayOne;      // as some LA tools
//   policy.sw_report = SwReportRule::kWorkingDaysBefore;
//   policy.sw_report_working_days = 3;

#ifndef TSC_POLICY_H_
#define TSC_POLICY_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "timescales/calendar.h"
#include "timescales/config.h"
#include "timescales/date.h"

TSC_NAMESPACE_BEGIN

// Which strategy discussion starts the ICPC clock (docs/rules.md#icpc_anchor).
enum class IcpcAnchor {
  kInitiatingStrategyDiscussion,  // WT 2018; the CIN census S47ActualStartDate
  kLastStrategyDiscussion,        // WT 2010 wording
};

// When the social worker's report must reach the IRO (docs/rules.md#sw_report).
enum class SwReportRule {
  kHoursBefore,        // `lac.sw_report` hours (24) before the review starts
  kWorkingDaysBefore,  // `sw_report_working_days` working days before
};

// How the participation KPI counts (docs/rules.md#participation).
enum class ParticipationMeasure {
  kReviews,     // reviews coded PN1-PN6 of those coded PN1-PN7 (the default)
  kAttendance,  // reviews coded PN1-PN4 (the child attended) of PN1-PN7
  kChildren,    // children whose every review in the period is PN1-PN6, of
                // children with a review coded PN1-PN7 in it
};

struct Policy {
  std::string name = "default";
  Counting counting = Counting::kStartExcluded;
  MonthConvention months = MonthConvention::kCorrespondingDate;
  IcpcAnchor icpc_anchor = IcpcAnchor::kInitiatingStrategyDiscussion;
  SwReportRule sw_report = SwReportRule::kHoursBefore;
  int sw_report_working_days = 3;
  // Past the holiday data's known_until: provisional (false) or an error.
  bool strict_holidays = false;
  // A slot not yet due is `due_soon` within this many working days.
  int due_soon_working_days = 10;
  ParticipationMeasure participation = ParticipationMeasure::kReviews;

  // One line for explanations: "default (event day excluded; months by
  // corresponding date; ...)".
  std::string Describe() const;

  // Policy::FromJson()
  //
  // Reads the policy keys of a configuration object
  // (docs/rules.md#policy-settings):
  // {"counting": "start_excluded"|"start_is_day_one", "months":
  // "corresponding_date"|"day_before_corresponding"|"fixed_days",
  // "icpc_anchor": "initiating"|"last", "sw_report": "24_hours" |
  // "working_days", "sw_report_working_days": N, "strict_holidays": bool,
  // "due_soon_working_days": N, "participation": "reviews"|"attendance"|
  // "children", "name": "..."}. Unknown keys are errors.
  static absl::StatusOr<Policy> FromJson(absl::string_view json);
};

// Names used in JSON, the CLI and the C ABI.
absl::string_view CountingName(Counting counting) noexcept;
absl::string_view MonthConventionName(MonthConvention months) noexcept;
absl::StatusOr<Counting> ParseCounting(absl::string_view name);
absl::StatusOr<MonthConvention> ParseMonthConvention(absl::string_view name);

TSC_NAMESPACE_END

#endif  // TSC_POLICY_H_
