// File: kpi/meeting_kpis.cc
//
// The process KPIs of LAC reviews, from meetings.csv `lac_review` rows:
// decisions within 5 working days, the record within 20, and the social
// worker's report before the review (docs/kpis.md#lac_review_decisions_5wd,
// docs/kpis.md#lac_review_record_20wd, docs/kpis.md#lac_review_sw_report_24h).

#include <algorithm>
#include <numeric>
#include <tuple>

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

// The working of one review's action for `timescales explain`: the review,
// how the due date was computed, and what the data record of the action.
std::string ActionWorking(const KpiContext& ctx, const MeetingRecord& m,
                          const Rule& rule, absl::string_view what,
                          const std::string& done) {
  std::string working =
      absl::StrFormat("the LAC review held %s (%s line %d), chaired by %s",
                      m.held.ToString(), ctx.data.PathOf(m.source),
                      m.source.line, m.chair.empty() ? "(none)" : m.chair);
  absl::StatusOr<DueDate> due = ctx.ts.Due(rule, m.held);
  if (due.ok()) absl::StrAppend(&working, "\n", due->Explain());
  absl::StrAppend(&working, "\n", what, ": ",
                  done.empty() ? "not recorded in the data" : done);
  return working;
}

// Decisions or record: on time when done (by date) on or before the rule's
// due date, late when done after it, whenever that falls; with nothing
// done, late once due, and not yet due while the due date is after the
// headline period's end (Kpi::Count's horizon).
absl::StatusOr<KpiPtr> BuildFollowUp(
    const KpiContext& ctx, const char* id, const char* what,
    const char* rule_id, std::optional<Moment> MeetingRecord::*done_field) {
  absl::StatusOr<const Rule*> rule = ctx.ts.rules().Get(rule_id);
  if (!rule.ok()) return rule.status();
  const Timescales::Offset offset = ctx.ts.EffectiveOffset(**rule);
  // The title says the timescale in force: a council's configured rule
  // changes it (the id stays the contract's).
  auto kpi = std::make_unique<Kpi>(
      *FindKpi(id),
      absl::StrFormat("%s within %s", what,
                      DescribeLength(offset.offset, offset.unit)));
  kpi->coverage_start =
      ctx.data_from ? ctx.data_from : EarliestReview(ctx.data);
  const MeetingChairs& chairs = Chairs(ctx);
  kpi->Reserve(ctx.data.meetings.size());
  WantCases(ctx, kpi.get());
  for (size_t i = 0; i < ctx.data.meetings.size(); ++i) {
    const MeetingRecord& m = ctx.data.meetings[i];
    if (!IsLacReview(m)) continue;
    absl::StatusOr<Date> due = ctx.ts.LegalDueDate(offset, m.held.date);
    if (!due.ok()) return due.status();
    const std::optional<Moment>& done = m.*done_field;
    const std::optional<Date> done_date =
        done ? std::optional<Date>(done->date) : std::nullopt;
    const KpiEvent event{
        m.held.date, -1,        done_date && *done_date <= *due,
        *due,        done_date, chairs.of_meeting[i]};
    if (!kpi->WantsCase(m.child, m.held.date)) {
      kpi->AddEvent(event);
      continue;
    }
    CaseInfo info{m.child, m.source,  CaseItem::kAction,
                  rule_id, 0,         m.held.date,
                  *due,    done_date, chairs.of_meeting[i]};
    if (kpi->explaining()) {
      info.explanation =
          ActionWorking(ctx, m, **rule, what, done ? done->ToString() : "");
    }
    kpi->AddEvent(event, std::move(info));
  }
  kpi->Finish();
  return kpi;
}

}  // namespace

struct MeetingIndex {
  // (child, date serial, type) -> the chair of the first such meeting.
  absl::flat_hash_map<std::tuple<std::string_view, int32_t, uint8_t>, int32_t>
      chair;
};

void WantCases(const KpiContext& ctx, Kpi* kpi) {
  if (ctx.detail) {
    kpi->WantCases(ctx.detail_start, ctx.detail_end, ctx.detail_child);
  }
}

int32_t ChairOfMeeting(const KpiContext& ctx, std::string_view child, Date date,
                       MeetingType type) {
  if (ctx.data.meetings.empty()) return -1;
  if (!ctx.meeting_index) {
    auto index = std::make_shared<MeetingIndex>();
    const MeetingChairs& chairs = Chairs(ctx);
    for (size_t i = 0; i < ctx.data.meetings.size(); ++i) {
      const MeetingRecord& m = ctx.data.meetings[i];
      // Only rows of the detail period ask (a national extract holds years
      // of meetings).
      if (m.held.date < ctx.detail_start || m.held.date > ctx.detail_end) {
        continue;
      }
      index->chair.try_emplace(
          std::make_tuple(std::string_view(m.child), m.held.date.serial(),
                          static_cast<uint8_t>(m.type)),
          chairs.of_meeting[i]);
    }
    ctx.meeting_index = std::move(index);
  }
  const auto it = ctx.meeting_index->chair.find(
      std::make_tuple(child, date.serial(), static_cast<uint8_t>(type)));
  return it == ctx.meeting_index->chair.end() ? -1 : it->second;
}

const MeetingChairs& Chairs(const KpiContext& ctx) {
  if (ctx.chairs) return *ctx.chairs;
  auto chairs = std::make_shared<MeetingChairs>();
  // Numbered as first met, then renumbered in name order. A child's
  // meetings are listed together, mostly with one chair, so the last
  // answer saves most of the lookups.
  absl::flat_hash_map<std::string_view, int32_t> first_met;
  std::vector<std::string_view> met;
  chairs->of_meeting.reserve(ctx.data.meetings.size());
  std::string_view last;
  int32_t last_number = -1;
  for (const MeetingRecord& m : ctx.data.meetings) {
    if (last_number < 0 || m.chair != last) {
      const auto [it, added] =
          first_met.try_emplace(m.chair, static_cast<int32_t>(met.size()));
      if (added) met.emplace_back(m.chair);
      last = m.chair;
      last_number = it->second;
    }
    chairs->of_meeting.push_back(last_number);
  }
  std::vector<int32_t> by_name(met.size());
  std::iota(by_name.begin(), by_name.end(), 0);
  std::sort(by_name.begin(), by_name.end(), [&](int32_t a, int32_t b) {
    return met[static_cast<size_t>(a)] < met[static_cast<size_t>(b)];
  });
  std::vector<int32_t> renumbered(met.size());
  for (size_t i = 0; i < by_name.size(); ++i) {
    renumbered[static_cast<size_t>(by_name[i])] = static_cast<int32_t>(i);
    chairs->names.push_back(met[static_cast<size_t>(by_name[i])]);
  }
  for (int32_t& chair : chairs->of_meeting) {
    chair = renumbered[static_cast<size_t>(chair)];
  }
  ctx.chairs = std::move(chairs);
  return *ctx.chairs;
}

absl::StatusOr<KpiPtr> BuildDecisions5wd(const KpiContext& ctx) {
  return BuildFollowUp(ctx, kpi_id::kLacReviewDecisions5wd,
                       "LAC review decisions circulated",
                       "lac.review_decisions", &MeetingRecord::decisions_sent);
}

absl::StatusOr<KpiPtr> BuildRecord20wd(const KpiContext& ctx) {
  return BuildFollowUp(ctx, kpi_id::kLacReviewRecord20wd,
                       "LAC review records distributed", "lac.review_record",
                       &MeetingRecord::record_distributed);
}

absl::StatusOr<KpiPtr> BuildSwReport24h(const KpiContext& ctx) {
  absl::StatusOr<const Rule*> rule = ctx.ts.rules().Get("lac.sw_report");
  if (!rule.ok()) return rule.status();
  const Timescales::Offset offset = ctx.ts.EffectiveOffset(**rule);
  auto kpi = std::make_unique<Kpi>(
      *FindKpi(kpi_id::kLacReviewSwReport24h),
      absl::StrFormat("Social worker reports received %s before the LAC review",
                      DescribeLength(offset.offset, offset.unit)));
  kpi->coverage_start =
      ctx.data_from ? ctx.data_from : EarliestReview(ctx.data);
  const MeetingChairs& chairs = Chairs(ctx);
  kpi->Reserve(ctx.data.meetings.size());
  WantCases(ctx, kpi.get());
  for (size_t i = 0; i < ctx.data.meetings.size(); ++i) {
    const MeetingRecord& m = ctx.data.meetings[i];
    if (!IsLacReview(m)) continue;
    // 24 elapsed hours before held_at when it has a time (Europe/London);
    // otherwise the day before. A blank receipt is late.
    absl::StatusOr<Moment> due = ctx.ts.LegalDue(**rule, m.held);
    if (!due.ok()) return due.status();
    const bool in_time = m.sw_report_received.has_value() &&
                         AtOrBefore(*m.sw_report_received, *due);
    const KpiEvent event{m.held.date, -1, in_time,
                         {},          {}, chairs.of_meeting[i]};
    if (!kpi->WantsCase(m.child, m.held.date)) {
      kpi->AddEvent(event);
      continue;
    }
    const std::optional<Date> received =
        m.sw_report_received ? std::optional<Date>(m.sw_report_received->date)
                             : std::nullopt;
    CaseInfo info{m.child,         m.source, CaseItem::kAction,
                  "lac.sw_report", 0,        m.held.date,
                  due->date,       received, chairs.of_meeting[i]};
    if (kpi->explaining()) {
      info.explanation = ActionWorking(
          ctx, m, **rule, "social worker's report received",
          m.sw_report_received ? m.sw_report_received->ToString() : "");
    }
    kpi->AddEvent(event, std::move(info));
  }
  kpi->Finish();
  return kpi;
}

}  // namespace internal
TSC_NAMESPACE_END
