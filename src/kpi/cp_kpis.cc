// File: kpi/cp_kpis.cc
//
// The child protection KPIs of docs/kpis.md#the-kpis, from the CIN census: ICPC
// and review-conference timeliness, repeat plans, long plans.

#include <algorithm>
#include <utility>

#include "absl/strings/str_format.h"
#include "kpi/builders.h"
#include "kpi/child_groups.h"
#include "kpi/cin_records.h"
#include "timescales/policy.h"
#include "timescales/rules.h"

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

absl::StatusOr<const Rule*> GetRule(const KpiContext& ctx, const char* id) {
  return ctx.ts.rules().Get(id);
}

// Plan durations below are calendar arithmetic (DfE table D7): always by
// the corresponding date, whatever the review policy's month convention.

// The plans of each child, for "an earlier plan in the data".
std::vector<std::vector<const CpPlanRecord*>> PlansByChild(
    const std::vector<CpPlanRecord>& plans) {
  ChildNumbers numbers;
  std::vector<uint32_t> child_of;
  child_of.reserve(plans.size());
  for (const CpPlanRecord& plan : plans) {
    child_of.push_back(numbers.Number(plan.child));
  }
  const Groups groups = GroupBy(child_of, numbers.size());
  std::vector<std::vector<const CpPlanRecord*>> out(numbers.size());
  for (size_t child = 0; child < numbers.size(); ++child) {
    for (const uint32_t i : groups.Of(child)) out[child].push_back(&plans[i]);
  }
  return out;
}

// Whether `review` is among the first `count` of `reviews`.
bool Repeats(const std::vector<Date>& reviews, size_t count, Date review) {
  return std::find(reviews.begin(), reviews.begin() + count, review) !=
         reviews.begin() + count;
}

}  // namespace

const std::vector<CpPlanRecord>& Plans(const KpiContext& ctx) {
  if (!ctx.distinct_plans) {
    ctx.distinct_plans = std::make_shared<const std::vector<CpPlanRecord>>(
        DistinctPlans(ctx.data.cp_plans));
  }
  return *ctx.distinct_plans;
}

const std::vector<Section47Record>& Enquiries(const KpiContext& ctx) {
  if (!ctx.distinct_s47) {
    ctx.distinct_s47 = std::make_shared<const std::vector<Section47Record>>(
        DistinctSection47(ctx.data.section47));
  }
  return *ctx.distinct_s47;
}

std::optional<Date> CpCoverageStart(const KpiContext& ctx) {
  if (ctx.data_from) return ctx.data_from;
  if (ctx.data.cin_reference_date) {
    absl::StatusOr<Date> year_before =
        AddMonths(*ctx.data.cin_reference_date, -12);
    if (year_before.ok()) {
      absl::StatusOr<Date> start = AddDays(*year_before, 1);
      if (start.ok()) return *start;
    }
  }
  std::optional<Date> earliest;
  for (const CpPlanRecord& plan : Plans(ctx)) {
    for (Date review : plan.reviews) {
      if (!earliest || review < *earliest) earliest = review;
    }
  }
  return earliest;
}

absl::StatusOr<KpiPtr> BuildIcpcTimeliness(const KpiContext& ctx) {
  // The census dates an enquiry by the strategy discussion that initiated
  // it; measuring from it under a "last discussion" policy would report a
  // basis the figures do not have.
  if (ctx.ts.policy().icpc_anchor == IcpcAnchor::kLastStrategyDiscussion) {
    return absl::InvalidArgumentError(
        "policy icpc_anchor \"last\" cannot be used for icpc_timeliness: the "
        "CIN census records only the strategy discussion that initiated the "
        "enquiry (S47ActualStartDate); use \"initiating\" for the report");
  }
  absl::StatusOr<const Rule*> rule = GetRule(ctx, "cp.icpc");
  if (!rule.ok()) return rule.status();
  const Timescales::Offset offset = ctx.ts.EffectiveOffset(**rule);
  auto kpi = std::make_unique<Kpi>(
      *FindKpi(kpi_id::kIcpcTimeliness),
      absl::StrFormat("ICPCs held within %s of the strategy discussion",
                      DescribeLength(offset.offset, offset.unit)));
  kpi->coverage_start = CpCoverageStart(ctx);
  const int missing = kpi->Reason("missing_s47_start");
  const int before = kpi->Reason("icpc_before_s47");
  for (const Section47Record& s47 : Enquiries(ctx)) {
    if (!s47.icpc) continue;  // no conference: not in scope
    if (!s47.s47_start) {
      kpi->AddEvent(KpiEvent{*s47.icpc, missing, false, {}, {}});
    } else if (*s47.icpc < *s47.s47_start) {
      kpi->AddEvent(KpiEvent{*s47.icpc, before, false, {}, {}});
    } else {
      absl::StatusOr<Date> due = ctx.ts.LegalDueDate(**rule, *s47.s47_start);
      if (!due.ok()) return due.status();
      kpi->AddEvent(KpiEvent{*s47.icpc, -1, *s47.icpc <= *due, {}, {}});
    }
  }
  kpi->Finish();
  return kpi;
}

absl::StatusOr<KpiPtr> BuildRcpcTimeliness(const KpiContext& ctx) {
  auto kpi = std::make_unique<Kpi>(*FindKpi(kpi_id::kRcpcTimeliness));
  const std::optional<Date> coverage = CpCoverageStart(ctx);
  kpi->coverage_start = coverage;
  absl::StatusOr<ScheduleCalculator> calculator =
      ScheduleCalculator::Create(ctx.ts, ScheduleKind::kCp);
  if (!calculator.ok()) return calculator.status();
  const int duplicate = kpi->Reason("duplicate_review");
  const int outside = kpi->Reason("review_outside_plan");
  const int unknown = kpi->Reason("previous_review_unknown");
  std::vector<Date> held;  // one plan's conferences; reused across plans
  for (const CpPlanRecord& plan : Plans(ctx)) {
    held.clear();
    for (size_t i = 0; i < plan.reviews.size(); ++i) {
      const Date review = plan.reviews[i];
      if (Repeats(plan.reviews, i, review)) {
        kpi->AddEvent(KpiEvent{review, duplicate, false, {}, {}});
      } else if (!plan.start || review < *plan.start ||
                 (plan.end && review > *plan.end)) {
        kpi->AddEvent(KpiEvent{review, outside, false, {}, {}});
      } else {
        held.push_back(review);
      }
    }
    if (!plan.start) continue;
    std::sort(held.begin(), held.end());
    const bool anchored = coverage && *plan.start >= *coverage;
    absl::StatusOr<std::vector<std::optional<Date>>> next_due =
        calculator->NextDueDates(anchored ? plan.start : std::nullopt, held);
    if (!next_due.ok()) return next_due.status();
    for (size_t k = 0; k < held.size(); ++k) {
      const std::optional<Date>& due = (*next_due)[k];
      kpi->AddEvent(due ? KpiEvent{held[k], -1, held[k] <= *due, {}, {}}
                        : KpiEvent{held[k], unknown, false, {}, {}});
    }
    kpi->AddSchedule(held, *next_due, plan.end);
  }
  kpi->Finish();
  return kpi;
}

absl::StatusOr<KpiPtr> BuildCpRepeatPlans(const KpiContext& ctx) {
  auto kpi = std::make_unique<Kpi>(*FindKpi(kpi_id::kCpRepeatPlans));
  kpi->coverage_start = CpCoverageStart(ctx);
  const std::vector<CpPlanRecord>& distinct = Plans(ctx);
  for (const auto& plans : PlansByChild(distinct)) {
    for (const CpPlanRecord* plan : plans) {
      if (!plan->start) continue;
      bool repeat = plan->previous_plans.value_or(0) > 0;
      for (const CpPlanRecord* other : plans) {
        if (other->start && *other->start < *plan->start) repeat = true;
      }
      kpi->AddEvent(KpiEvent{*plan->start, -1, repeat, {}, {}});
    }
  }
  kpi->Finish();
  return kpi;
}

absl::StatusOr<KpiPtr> BuildCpRepeatPlans2y(const KpiContext& ctx) {
  auto kpi = std::make_unique<Kpi>(*FindKpi(kpi_id::kCpRepeatPlans2y));
  kpi->coverage_start = CpCoverageStart(ctx);
  const std::vector<CpPlanRecord>& distinct = Plans(ctx);
  for (const auto& plans : PlansByChild(distinct)) {
    for (const CpPlanRecord* plan : plans) {
      if (!plan->start) continue;
      absl::StatusOr<Date> threshold = AddMonths(*plan->start, -24);
      if (!threshold.ok()) return threshold.status();
      bool within = false;
      for (const CpPlanRecord* other : plans) {
        // An earlier plan with no end has not ended before this one began:
        // it counts as ending within the window.
        if (other->start && *other->start < *plan->start &&
            (!other->end || *other->end >= *threshold)) {
          within = true;
        }
      }
      kpi->AddEvent(KpiEvent{*plan->start, -1, within, {}, {}});
    }
  }
  kpi->Finish();
  return kpi;
}

std::vector<Rejection> OpenEarlierPlanWarnings(const KpiContext& ctx) {
  std::vector<Rejection> warnings;
  for (const auto& plans : PlansByChild(Plans(ctx))) {
    for (const CpPlanRecord* plan : plans) {
      if (!plan->start) continue;
      for (const CpPlanRecord* earlier : plans) {
        if (!earlier->start || *earlier->start >= *plan->start ||
            earlier->end) {
          continue;
        }
        warnings.push_back(Rejection{
            ctx.data.PathOf(plan->source), plan->source.line,
            absl::StrFormat(
                "child %s: the CP plan starting %s began while an earlier "
                "plan starting %s (%s:%d) has no end date; "
                "cp_repeat_plans_2y counts it as a repeat within 2 years. "
                "Record the earlier plan's CPPendDate if it ended",
                plan->child, plan->start->ToString(),
                earlier->start->ToString(), ctx.data.PathOf(earlier->source),
                earlier->source.line)});
      }
    }
  }
  return warnings;
}

namespace {

// Plans open at the end of the period: a snapshot, not a count of events.
class OpenPlansKpi : public Kpi {
 public:
  OpenPlansKpi() : Kpi(*FindKpi(kpi_id::kCpPlansOpenOver18Months)) {}
  void Add(Date start, std::optional<Date> end, Date eighteen_months) {
    plans_.push_back(Plan{start, end, eighteen_months});
  }
  KpiCounts Count(Date /*start*/, Date end, Date /*horizon*/) const override {
    KpiCounts counts;
    for (const Plan& p : plans_) {
      if (p.start <= end && (!p.end || *p.end > end)) {
        ++counts.denominator;
        if (p.eighteen_months < end) ++counts.numerator;
      }
    }
    SetValue(&counts);
    return counts;
  }

 private:
  struct Plan {
    Date start;
    std::optional<Date> end;
    Date eighteen_months;  // start + 18 months
  };
  std::vector<Plan> plans_;
};

}  // namespace

absl::StatusOr<KpiPtr> BuildCpPlansOpenOver18Months(const KpiContext& ctx) {
  auto kpi = std::make_unique<OpenPlansKpi>();
  kpi->coverage_start = CpCoverageStart(ctx);
  for (const CpPlanRecord& plan : Plans(ctx)) {
    if (!plan.start) continue;
    absl::StatusOr<Date> limit = AddMonths(*plan.start, 18);
    if (!limit.ok()) return limit.status();
    kpi->Add(*plan.start, plan.end, *limit);
  }
  return KpiPtr(std::move(kpi));
}

absl::StatusOr<KpiPtr> BuildCpPlansEnded2yPlus(const KpiContext& ctx) {
  auto kpi = std::make_unique<Kpi>(*FindKpi(kpi_id::kCpPlansEnded2yPlus));
  kpi->coverage_start = CpCoverageStart(ctx);
  const int missing = kpi->Reason("missing_start");
  for (const CpPlanRecord& plan : Plans(ctx)) {
    if (!plan.end) continue;
    if (!plan.start) {
      kpi->AddEvent(KpiEvent{*plan.end, missing, false, {}, {}});
      continue;
    }
    absl::StatusOr<Date> two_years = AddMonths(*plan.start, 24);
    if (!two_years.ok()) return two_years.status();
    kpi->AddEvent(KpiEvent{*plan.end, -1, *two_years <= *plan.end, {}, {}});
  }
  kpi->Finish();
  return kpi;
}

}  // namespace internal
TSC_NAMESPACE_END
