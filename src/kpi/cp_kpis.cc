// File: kpi/cp_kpis.cc
//
// The child protection KPIs of docs/kpis.md#the-kpis, from the CIN census: ICPC
// and review-conference timeliness, repeat plans, long plans.

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
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

// "the CP plan from 2019-05-01 to 2020-02-03 (census.xml line 120)".
std::string DescribePlan(const CpPlanRecord& plan, const Dataset& data) {
  return absl::StrFormat(
      "the CP plan %d of CIN episode %d, %s, %s (%s line %d)", plan.plan_index,
      plan.cin_index,
      plan.start ? absl::StrCat("from ", plan.start->ToString())
                 : std::string("with no start date"),
      plan.end ? absl::StrCat("ended ", plan.end->ToString())
               : std::string("still open"),
      data.PathOf(plan.source), plan.source.line);
}

// The case of a plan: its record, its start as the anchor.
CaseInfo PlanCase(const KpiContext& ctx, const CpPlanRecord& plan) {
  CaseInfo info{plan.child, plan.source, CaseItem::kPlan};
  info.anchor = plan.start;
  if (!ctx.detail_child.empty())
    info.explanation = DescribePlan(plan, ctx.data);
  return info;
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
  WantCases(ctx, kpi.get());
  const int missing = kpi->Reason("missing_s47_start");
  const int before = kpi->Reason("icpc_before_s47");
  for (const Section47Record& s47 : Enquiries(ctx)) {
    if (!s47.icpc) continue;  // no conference: not in scope
    KpiEvent event{*s47.icpc, -1};
    std::optional<Date> due;
    if (!s47.s47_start) {
      event.reason = missing;
    } else if (*s47.icpc < *s47.s47_start) {
      event.reason = before;
    } else {
      absl::StatusOr<Date> legal = ctx.ts.LegalDueDate(**rule, *s47.s47_start);
      if (!legal.ok()) return legal.status();
      due = *legal;
      event.hit = *s47.icpc <= *due;
    }
    if (!kpi->WantsCase(s47.child, *s47.icpc)) {
      kpi->AddEvent(event);
      continue;
    }
    CaseInfo info{s47.child, s47.source, CaseItem::kS47};
    if (due) {
      info.rule = "cp.icpc";
      info.anchor = s47.s47_start;
      info.due = due;
    }
    info.done = s47.icpc;
    info.chair = ChairOfMeeting(ctx, s47.child, *s47.icpc, MeetingType::kIcpc);
    if (kpi->explaining()) {
      info.explanation = absl::StrFormat(
          "the s47 enquiry %d of CIN episode %d (%s line %d): started %s, "
          "initial conference %s",
          s47.s47_index, s47.cin_index, ctx.data.PathOf(s47.source),
          s47.source.line,
          s47.s47_start ? s47.s47_start->ToString() : "(no start date)",
          s47.icpc->ToString());
      if (due) {
        absl::StatusOr<DueDate> working =
            ctx.ts.Due(**rule, Moment::OnDate(*s47.s47_start));
        if (working.ok()) {
          absl::StrAppend(&info.explanation, "\n", working->Explain());
        }
      }
    }
    kpi->AddEvent(event, std::move(info));
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
  WantCases(ctx, kpi.get());
  const int duplicate = kpi->Reason("duplicate_review");
  const int outside = kpi->Reason("review_outside_plan");
  const int unknown = kpi->Reason("previous_review_unknown");
  const bool explaining = kpi->explaining();
  std::vector<Date> held;  // one plan's conferences; reused across plans
  std::vector<uint32_t> slot_cases;
  for (const CpPlanRecord& plan : Plans(ctx)) {
    const std::string context_line =
        explaining && plan.child == ctx.detail_child
            ? DescribePlan(plan, ctx.data)
            : std::string();
    // An excluded conference's case: why it is left out.
    const auto excluded = [&](Date review, int32_t reason, const char* why) {
      const KpiEvent event{review, reason, false, {}, {}};
      if (!kpi->WantsCase(plan.child, review)) return kpi->AddEvent(event);
      CaseInfo info{plan.child, plan.source, CaseItem::kReview};
      info.done = review;
      info.chair = ChairOfMeeting(ctx, plan.child, review, MeetingType::kRcpc);
      if (explaining) {
        info.explanation = absl::StrCat(context_line, "\nthe conference held ",
                                        review.ToString(), why);
      }
      kpi->AddEvent(event, std::move(info));
    };
    held.clear();
    for (size_t i = 0; i < plan.reviews.size(); ++i) {
      const Date review = plan.reviews[i];
      if (Repeats(plan.reviews, i, review)) {
        excluded(review, duplicate,
                 " repeats one of the same date: counted once");
      } else if (!plan.start || review < *plan.start ||
                 (plan.end && review > *plan.end)) {
        excluded(review, outside, " falls outside the plan");
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
    // The case of slot k (next_due[k]) and, when `done`, its conference.
    const auto slot_case = [&](size_t k, std::optional<Date> done) {
      const std::optional<Date>& due = (*next_due)[k];
      CaseInfo info = SlotCase(
          ctx, *calculator, plan.child, plan.source,
          done ? CaseItem::kReview : CaseItem::kOverdueSlot, k, anchored,
          k == 0 ? plan.start : std::optional<Date>(held[k - 1]), due, done,
          MeetingType::kRcpc, context_line, explaining, "conference");
      if (explaining && !due) {
        absl::StrAppend(&info.explanation,
                        "\nthe first conference in the data of a plan that "
                        "began before the coverage start: its due date is "
                        "unknown");
      }
      return info;
    };
    for (size_t k = 0; k < held.size(); ++k) {
      const std::optional<Date>& due = (*next_due)[k];
      const KpiEvent event =
          due ? KpiEvent{held[k], -1, held[k] <= *due, {}, {}}
              : KpiEvent{held[k], unknown, false, {}, {}};
      if (kpi->WantsCase(plan.child, held[k])) {
        kpi->AddEvent(event, slot_case(k, held[k]));
      } else {
        kpi->AddEvent(event);
      }
    }
    if (!kpi->wants_cases()) {
      kpi->AddSchedule(held, *next_due, plan.end);
      continue;
    }
    slot_cases.assign(next_due->size(), kNoCase);
    for (size_t k = 0; k < next_due->size(); ++k) {
      const std::optional<Date>& due = (*next_due)[k];
      if (due && kpi->WantsCase(plan.child, *due)) {
        slot_cases[k] = kpi->AddCase(slot_case(k, std::nullopt));
      }
    }
    kpi->AddSchedule(held, *next_due, plan.end, &slot_cases);
  }
  kpi->Finish();
  return kpi;
}

absl::StatusOr<KpiPtr> BuildCpRepeatPlans(const KpiContext& ctx) {
  auto kpi = std::make_unique<Kpi>(*FindKpi(kpi_id::kCpRepeatPlans));
  kpi->coverage_start = CpCoverageStart(ctx);
  WantCases(ctx, kpi.get());
  const std::vector<CpPlanRecord>& distinct = Plans(ctx);
  for (const auto& plans : PlansByChild(distinct)) {
    for (const CpPlanRecord* plan : plans) {
      if (!plan->start) continue;
      bool repeat = plan->previous_plans.value_or(0) > 0;
      const CpPlanRecord* earlier = nullptr;
      for (const CpPlanRecord* other : plans) {
        if (other->start && *other->start < *plan->start) {
          repeat = true;
          earlier = other;
        }
      }
      const KpiEvent event{*plan->start, -1, repeat, {}, {}};
      if (!kpi->WantsCase(plan->child, *plan->start)) {
        kpi->AddEvent(event);
        continue;
      }
      CaseInfo info = PlanCase(ctx, *plan);
      if (kpi->explaining()) {
        absl::StrAppend(
            &info.explanation, "\nNumberOfPreviousCPP: ",
            plan->previous_plans ? absl::StrCat(*plan->previous_plans)
                                 : std::string("(blank)"),
            earlier == nullptr
                ? std::string("; no earlier plan of the child in the data")
                : absl::StrCat("; an earlier plan in the data started ",
                               earlier->start->ToString()));
      }
      kpi->AddEvent(event, std::move(info));
    }
  }
  kpi->Finish();
  return kpi;
}

absl::StatusOr<KpiPtr> BuildCpRepeatPlans2y(const KpiContext& ctx) {
  auto kpi = std::make_unique<Kpi>(*FindKpi(kpi_id::kCpRepeatPlans2y));
  kpi->coverage_start = CpCoverageStart(ctx);
  WantCases(ctx, kpi.get());
  const std::vector<CpPlanRecord>& distinct = Plans(ctx);
  for (const auto& plans : PlansByChild(distinct)) {
    for (const CpPlanRecord* plan : plans) {
      if (!plan->start) continue;
      absl::StatusOr<Date> threshold = AddMonths(*plan->start, -24);
      if (!threshold.ok()) return threshold.status();
      bool within = false;
      const CpPlanRecord* earlier = nullptr;
      for (const CpPlanRecord* other : plans) {
        // An earlier plan with no end has not ended before this one began:
        // it counts as ending within the window.
        if (other->start && *other->start < *plan->start &&
            (!other->end || *other->end >= *threshold)) {
          within = true;
          earlier = other;
        }
      }
      const KpiEvent event{*plan->start, -1, within, {}, {}};
      if (!kpi->WantsCase(plan->child, *plan->start)) {
        kpi->AddEvent(event);
        continue;
      }
      CaseInfo info = PlanCase(ctx, *plan);
      if (kpi->explaining()) {
        absl::StrAppend(
            &info.explanation, "\nthe window: plans ending on or after ",
            threshold->ToString(), " (24 months before the start); ",
            earlier == nullptr
                ? std::string("no earlier plan of the child ended in it")
                : absl::StrCat(
                      "the earlier plan started ", earlier->start->ToString(),
                      " ",
                      earlier->end
                          ? absl::StrCat("ended ", earlier->end->ToString())
                          : std::string("has no end date")));
      }
      kpi->AddEvent(event, std::move(info));
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
  void Add(Date start, std::optional<Date> end, Date eighteen_months,
           uint32_t info) {
    plans_.push_back(Plan{start, end, eighteen_months, info});
  }
  // A row per plan open at the end of `end`, dated that day.
  std::vector<CaseRow> Cases(Date /*start*/, Date end, Date /*horizon*/,
                             const CaseContext& context) const override {
    std::vector<CaseRow> rows;
    for (const Plan& p : plans_) {
      if (p.info == kNoCase || !OpenAt(p, end)) continue;
      const bool over = p.eighteen_months < end;
      rows.push_back(
          MakeRow(p.info, end, Counted(over), "", over, true, end, context));
    }
    return rows;
  }
  KpiCounts Count(Date /*start*/, Date end, Date /*horizon*/) const override {
    KpiCounts counts;
    for (const Plan& p : plans_) {
      if (OpenAt(p, end)) {
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
    uint32_t info;         // its case, or kNoCase
  };
  static bool OpenAt(const Plan& p, Date end) {
    return p.start <= end && (!p.end || *p.end > end);
  }
  std::vector<Plan> plans_;
};

}  // namespace

absl::StatusOr<KpiPtr> BuildCpPlansOpenOver18Months(const KpiContext& ctx) {
  auto kpi = std::make_unique<OpenPlansKpi>();
  kpi->coverage_start = CpCoverageStart(ctx);
  // A plan's row is dated the period's end: keep the cases of the plans
  // open at some point of the headline period.
  WantCases(ctx, kpi.get());
  for (const CpPlanRecord& plan : Plans(ctx)) {
    if (!plan.start) continue;
    absl::StatusOr<Date> limit = AddMonths(*plan.start, 18);
    if (!limit.ok()) return limit.status();
    uint32_t info = kNoCase;
    if (ctx.detail && kpi->WantsCase(plan.child, ctx.detail_end) &&
        *plan.start <= ctx.detail_end) {
      CaseInfo c = PlanCase(ctx, plan);
      if (kpi->explaining()) {
        absl::StrAppend(&c.explanation,
                        "\n18 months after the start: ", limit->ToString(),
                        "; counted when that is before the period's end");
      }
      info = kpi->AddCase(std::move(c));
    }
    kpi->Add(*plan.start, plan.end, *limit, info);
  }
  return KpiPtr(std::move(kpi));
}

absl::StatusOr<KpiPtr> BuildCpPlansEnded2yPlus(const KpiContext& ctx) {
  auto kpi = std::make_unique<Kpi>(*FindKpi(kpi_id::kCpPlansEnded2yPlus));
  kpi->coverage_start = CpCoverageStart(ctx);
  WantCases(ctx, kpi.get());
  const int missing = kpi->Reason("missing_start");
  for (const CpPlanRecord& plan : Plans(ctx)) {
    if (!plan.end) continue;
    KpiEvent event{*plan.end, missing, false, {}, {}};
    std::optional<Date> two_years;
    if (plan.start) {
      absl::StatusOr<Date> limit = AddMonths(*plan.start, 24);
      if (!limit.ok()) return limit.status();
      two_years = *limit;
      event = KpiEvent{*plan.end, -1, *two_years <= *plan.end, {}, {}};
    }
    if (!kpi->WantsCase(plan.child, *plan.end)) {
      kpi->AddEvent(event);
      continue;
    }
    CaseInfo info = PlanCase(ctx, plan);
    if (kpi->explaining() && two_years) {
      absl::StrAppend(&info.explanation,
                      "\n24 months after the start: ", two_years->ToString(),
                      "; counted when the plan ended on or after it");
    }
    kpi->AddEvent(event, std::move(info));
  }
  kpi->Finish();
  return kpi;
}

}  // namespace internal
TSC_NAMESPACE_END
