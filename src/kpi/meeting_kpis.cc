// File: kpi/meeting_kpis.cc
//
// The process KPIs of LAC reviews, from meetings.csv `lac_review` rows:
// decisions within 5 working days, the record within 20, and the social
// worker's report before the review (KPIS.md).

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_format.h"
#include "kpi/builders.h"
#include "timescales/rules.h"

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

bool IsLacReview(const MeetingRecord& m) {
  return m.type == MeetingType::kLacReview;
}

std::optional<Date> EarliestReview(const Dataset& data) {
  std::optional<Date> earliest;
  for (const MeetingRecord& m : data.meetings) {
    if (IsLacReview(m) && (!earliest || m.held.date < *earliest)) {
      earliest = m.held.date;
    }
  }
  return earliest;
}

// Decisions or record: done (by date) on or before the rule's due date;
// not yet due when nothing was done by the period end and the due date is
// after it.
absl::StatusOr<KpiPtr> BuildFollowUp(
    const KpiContext& ctx, const char* id, const char* what,
    const char* rule_id, std::optional<Moment> MeetingRecord::*done_field) {
  absl::StatusOr<const Rule*> rule = ctx.ts.rules().Get(rule_id);
  if (!rule.ok()) return rule.status();
  const Timescales::Offset offset = ctx.ts.EffectiveOffset(**rule);
  // The title says the timescale in force: a council's configured rule
  // changes it (the id stays the contract's).
  auto kpi = std::make_unique<Kpi>(
      id,
      absl::StrFormat("%s within %s", what,
                      DescribeLength(offset.offset, offset.unit)),
      "percent", std::vector<std::string>{"not_yet_due"});
  kpi->coverage_start =
      ctx.data_from ? ctx.data_from : EarliestReview(ctx.data);
  const MeetingChairs& chairs = Chairs(ctx);
  for (size_t i = 0; i < ctx.data.meetings.size(); ++i) {
    const MeetingRecord& m = ctx.data.meetings[i];
    if (!IsLacReview(m)) continue;
    absl::StatusOr<Date> due = ctx.ts.LegalDueDate(offset, m.held.date);
    if (!due.ok()) return due.status();
    const std::optional<Moment>& done = m.*done_field;
    const std::optional<Date> done_date =
        done ? std::optional<Date>(done->date) : std::nullopt;
    kpi->AddEvent(KpiEvent{m.held.date, -1, done_date && *done_date <= *due,
                           *due, done_date, chairs.of_meeting[i]});
  }
  kpi->Finish();
  return kpi;
}

}  // namespace

const MeetingChairs& Chairs(const KpiContext& ctx) {
  if (ctx.chairs) return *ctx.chairs;
  auto chairs = std::make_shared<MeetingChairs>();
  absl::flat_hash_map<std::string_view, int32_t> number;
  for (const MeetingRecord& m : ctx.data.meetings) number.try_emplace(m.chair);
  for (const auto& [name, unused] : number) chairs->names.push_back(name);
  std::sort(chairs->names.begin(), chairs->names.end());
  for (size_t i = 0; i < chairs->names.size(); ++i) {
    number[chairs->names[i]] = static_cast<int32_t>(i);
  }
  chairs->of_meeting.reserve(ctx.data.meetings.size());
  for (const MeetingRecord& m : ctx.data.meetings) {
    chairs->of_meeting.push_back(number[m.chair]);
  }
  ctx.chairs = std::move(chairs);
  return *ctx.chairs;
}

absl::StatusOr<KpiPtr> BuildDecisions5wd(const KpiContext& ctx) {
  return BuildFollowUp(ctx, "lac_review_decisions_5wd",
                       "LAC review decisions circulated",
                       "lac.review_decisions", &MeetingRecord::decisions_sent);
}

absl::StatusOr<KpiPtr> BuildRecord20wd(const KpiContext& ctx) {
  return BuildFollowUp(ctx, "lac_review_record_20wd",
                       "LAC review records distributed", "lac.review_record",
                       &MeetingRecord::record_distributed);
}

absl::StatusOr<KpiPtr> BuildSwReport24h(const KpiContext& ctx) {
  absl::StatusOr<const Rule*> rule = ctx.ts.rules().Get("lac.sw_report");
  if (!rule.ok()) return rule.status();
  const Timescales::Offset offset = ctx.ts.EffectiveOffset(**rule);
  auto kpi = std::make_unique<Kpi>(
      "lac_review_sw_report_24h",
      absl::StrFormat("Social worker reports received %s before the LAC review",
                      DescribeLength(offset.offset, offset.unit)),
      "percent", std::vector<std::string>{});
  kpi->coverage_start =
      ctx.data_from ? ctx.data_from : EarliestReview(ctx.data);
  const MeetingChairs& chairs = Chairs(ctx);
  for (size_t i = 0; i < ctx.data.meetings.size(); ++i) {
    const MeetingRecord& m = ctx.data.meetings[i];
    if (!IsLacReview(m)) continue;
    // 24 elapsed hours before held_at when it has a time (Europe/London);
    // otherwise the day before. A blank receipt is late.
    absl::StatusOr<Moment> due = ctx.ts.LegalDue(**rule, m.held);
    if (!due.ok()) return due.status();
    const bool in_time = m.sw_report_received.has_value() &&
                         AtOrBefore(*m.sw_report_received, *due);
    kpi->AddEvent(
        KpiEvent{m.held.date, -1, in_time, {}, {}, chairs.of_meeting[i]});
  }
  kpi->Finish();
  return kpi;
}

}  // namespace internal
TSC_NAMESPACE_END
