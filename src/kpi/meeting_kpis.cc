// File: kpi/meeting_kpis.cc
//
// The process KPIs of LAC reviews, from meetings.csv `lac_review` rows:
// decisions within 5 working days, the record within 20, and the social
// worker's report before the review (KPIS.md).

#include "kpi/builders.h"

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

bool IsLacReview(const MeetingRecord& m) { return m.type == "lac_review"; }

std::optional<Date> EarliestReview(const Dataset& data) {
  std::optional<Date> earliest;
  for (const MeetingRecord& m : data.meetings) {
    if (m.type == "lac_review" && (!earliest || m.held.date < *earliest)) {
      earliest = m.held.date;
    }
  }
  return earliest;
}

// Decisions or record: done (by date) on or before the rule's due date;
// not yet due when nothing was done by the period end and the due date is
// after it.
absl::StatusOr<KpiPtr> BuildFollowUp(
    const KpiContext& ctx, const char* id,
    const char* title, const char* rule_id,
    std::optional<Moment> MeetingRecord::*done_field) {
  auto kpi = std::make_unique<Kpi>(id, title, "percent",
                                   std::vector<std::string>{"not_yet_due"});
  kpi->coverage_start = ctx.data_from ? ctx.data_from
                                      : EarliestReview(ctx.data);
  absl::StatusOr<const Rule*> rule = ctx.ts.rules().Get(rule_id);
  if (!rule.ok()) return rule.status();
  for (const MeetingRecord& m : ctx.data.meetings) {
    if (!IsLacReview(m)) continue;
    absl::StatusOr<Date> due = ctx.ts.LegalDueDate(**rule, m.held.date);
    if (!due.ok()) return due.status();
    const std::optional<Moment>& done = m.*done_field;
    const std::optional<Date> done_date =
        done ? std::optional<Date>(done->date) : std::nullopt;
    kpi->AddEvent(KpiEvent{m.held.date, -1, done_date && *done_date <= *due,
                           *due, done_date});
  }
  kpi->Finish();
  return kpi;
}

}  // namespace

absl::StatusOr<KpiPtr> BuildDecisions5wd(const KpiContext& ctx) {
  return BuildFollowUp(ctx, "lac_review_decisions_5wd",
                       "LAC review decisions circulated within 5 working days",
                       "lac.review_decisions", &MeetingRecord::decisions_sent);
}

absl::StatusOr<KpiPtr> BuildRecord20wd(const KpiContext& ctx) {
  return BuildFollowUp(ctx, "lac_review_record_20wd",
                       "LAC review records distributed within 20 working days",
                       "lac.review_record", &MeetingRecord::record_distributed);
}

absl::StatusOr<KpiPtr> BuildSwReport24h(const KpiContext& ctx) {
  auto kpi = std::make_unique<Kpi>(
      "lac_review_sw_report_24h",
      "Social worker reports received 24 hours before the LAC review",
      "percent", std::vector<std::string>{});
  kpi->coverage_start = ctx.data_from ? ctx.data_from
                                      : EarliestReview(ctx.data);
  absl::StatusOr<const Rule*> rule = ctx.ts.rules().Get("lac.sw_report");
  if (!rule.ok()) return rule.status();
  for (const MeetingRecord& m : ctx.data.meetings) {
    if (!IsLacReview(m)) continue;
    // 24 elapsed hours before held_at when it has a time (Europe/London);
    // otherwise the day before. A blank receipt is late.
    absl::StatusOr<Moment> due = ctx.ts.LegalDue(**rule, m.held);
    if (!due.ok()) return due.status();
    const bool in_time = m.sw_report_received.has_value() &&
                         AtOrBefore(*m.sw_report_received, *due);
    kpi->AddEvent(KpiEvent{m.held.date, -1, in_time, {}, {}});
  }
  kpi->Finish();
  return kpi;
}

}  // namespace internal
TSC_NAMESPACE_END
