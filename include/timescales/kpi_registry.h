// File: kpi_registry.h
// -----------------------------------------------------------------------------
//
// The KPIs the engine knows, in report order: one entry each, with the id
// (the stable name of the JSON contract), the default title, the unit, the
// tables it needs, its exclusion reasons in precedence order and where it
// is defined (docs/kpis.md). The engine, the configuration's check of KPI
// ids and every renderer read this table, so an id is spelt once.
//
// Example:
//
//   for (const KpiDefinition& kpi : KpiRegistry()) {
//     std::cout << kpi.id << ": " << kpi.title << "\n";
//   }
//   const KpiDefinition* record = FindKpi(kpi_id::kLacReviewRecord20wd);

#ifndef TSC_KPI_REGISTRY_H_
#define TSC_KPI_REGISTRY_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "timescales/config.h"

TSC_NAMESPACE_BEGIN

// The KPI ids, for code that names one.
namespace kpi_id {
inline constexpr char kLacReviewTimeliness[] = "lac_review_timeliness";
inline constexpr char kLacReviewParticipation[] = "lac_review_participation";
inline constexpr char kIcpcTimeliness[] = "icpc_timeliness";
inline constexpr char kRcpcTimeliness[] = "rcpc_timeliness";
inline constexpr char kCpRepeatPlans[] = "cp_repeat_plans";
inline constexpr char kCpRepeatPlans2y[] = "cp_repeat_plans_2y";
inline constexpr char kCpPlansOpenOver18Months[] =
    "cp_plans_open_over_18_months";
inline constexpr char kCpPlansEnded2yPlus[] = "cp_plans_ended_2y_plus";
inline constexpr char kLacReviewDecisions5wd[] = "lac_review_decisions_5wd";
inline constexpr char kLacReviewRecord20wd[] = "lac_review_record_20wd";
inline constexpr char kLacReviewSwReport24h[] = "lac_review_sw_report_24h";
}  // namespace kpi_id

struct KpiDefinition {
  const char* id;
  // The title with the built-in rules and policy. A configured rule or
  // policy changes the timescale or measure it names; the report's
  // KpiResult::title is the one in force.
  const char* title;
  const char* unit;  // "percent" or "count"
  // The input tables the KPI needs, all of them ("ssda903.reviews", ...).
  std::vector<const char*> tables;
  // Exclusion reasons in precedence order (docs/kpis.md#exclusion-precedence).
  std::vector<const char*> reasons;
  // A review-schedule KPI: it counts overdue slots at the period end.
  bool counts_overdue = false;
  // Broken down per chair of the meetings (docs/kpis.md#per-chair-breakdown).
  bool by_chair = false;
  // About timeliness: its cases are on time, late or overdue (otherwise
  // counted or not counted).
  bool timeliness = false;
};

// Every KPI, in report order.
const std::vector<KpiDefinition>& KpiRegistry();

// The entry of `id`, or nullptr.
const KpiDefinition* FindKpi(absl::string_view id);

TSC_NAMESPACE_END

#endif  // TSC_KPI_REGISTRY_H_
