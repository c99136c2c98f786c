// File: kpi/kpi_registry.cc
//
// The table of KPIs (docs/kpis.md#the-kpis).

#include "timescales/kpi_registry.h"

TSC_NAMESPACE_BEGIN

const std::vector<KpiDefinition>& KpiRegistry() {
  static const std::vector<KpiDefinition>* const kRegistry =
      new std::vector<KpiDefinition>{
          {kpi_id::kLacReviewTimeliness,
           "LAC reviews held within timescale",
           "percent",
           {"ssda903.episodes", "ssda903.reviews"},
           {"duplicate_review", "no_period_of_care", "short_breaks",
            "previous_review_unknown"},
           /*counts_overdue=*/true,
           /*by_chair=*/false,
           /*timeliness=*/true},
          {kpi_id::kLacReviewParticipation,
           "LAC reviews where the child participated (PN1-PN6 of PN1-PN7)",
           "percent",
           {"ssda903.reviews"},
           {"duplicate_review", "short_breaks", "under_4", "missing_code"}},
          {kpi_id::kIcpcTimeliness,
           "ICPCs held within 15 working days of the strategy discussion",
           "percent",
           {"cin.section47"},
           {"missing_s47_start", "icpc_before_s47"},
           /*counts_overdue=*/false,
           /*by_chair=*/false,
           /*timeliness=*/true},
          {kpi_id::kRcpcTimeliness,
           "CP review conferences held within timescale",
           "percent",
           {"cin.cp_plans"},
           {"duplicate_review", "review_outside_plan",
            "previous_review_unknown"},
           /*counts_overdue=*/true,
           /*by_chair=*/false,
           /*timeliness=*/true},
          {kpi_id::kCpRepeatPlans,
           "CP plans starting in the period that are a second or subsequent "
           "plan",
           "percent",
           {"cin.cp_plans"},
           {}},
          {kpi_id::kCpRepeatPlans2y,
           "CP plans starting within 2 years of a previous plan ending",
           "percent",
           {"cin.cp_plans"},
           {}},
          {kpi_id::kCpPlansOpenOver18Months,
           "CP plans open for more than 18 months at the period end",
           "count",
           {"cin.cp_plans"},
           {}},
          {kpi_id::kCpPlansEnded2yPlus,
           "CP plans ending in the period that lasted 2 years or more",
           "percent",
           {"cin.cp_plans"},
           {"missing_start"}},
          {kpi_id::kLacReviewDecisions5wd,
           "LAC review decisions circulated within 5 working days",
           "percent",
           {"meetings"},
           {"not_yet_due"},
           /*counts_overdue=*/false,
           /*by_chair=*/true,
           /*timeliness=*/true},
          {kpi_id::kLacReviewRecord20wd,
           "LAC review records distributed within 20 working days",
           "percent",
           {"meetings"},
           {"not_yet_due"},
           /*counts_overdue=*/false,
           /*by_chair=*/true,
           /*timeliness=*/true},
          {kpi_id::kLacReviewSwReport24h,
           "Social worker reports received 24 hours before the LAC review",
           "percent",
           {"meetings"},
           {},
           /*counts_overdue=*/false,
           /*by_chair=*/true,
           /*timeliness=*/true},
      };
  return *kRegistry;
}

const KpiDefinition* FindKpi(absl::string_view id) {
  for (const KpiDefinition& kpi : KpiRegistry()) {
    if (id == kpi.id) return &kpi;
  }
  return nullptr;
}

TSC_NAMESPACE_END
