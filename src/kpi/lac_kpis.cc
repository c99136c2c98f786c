// File: kpi/lac_kpis.cc
//
// lac_review_timeliness and lac_review_participation (KPIS.md), from the
// SSDA903 Episodes and Reviews tables.

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "kpi/builders.h"
#include "kpi/periods_of_care.h"

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

bool IsParticipationCode(const std::string& code) {
  return code.size() == 3 && code[0] == 'P' && code[1] == 'N' &&
         code[2] >= '0' && code[2] <= '7';
}

// The reviews of each child in file order, each marked duplicate when an
// earlier row of the same child has the same date (a child has a handful of
// reviews, so a scan of the child's list is cheapest).
struct ChildReview {
  Date date;
  const LacReviewRecord* record;
  bool duplicate;
};
using ReviewsByChildMap =
    std::unordered_map<std::string_view, std::vector<ChildReview>>;
ReviewsByChildMap ReviewsByChild(const Dataset& data) {
  ReviewsByChildMap out;
  out.reserve(data.reviews.size() / 4 + 1);
  for (const LacReviewRecord& r : data.reviews) {
    std::vector<ChildReview>& list = out[r.child];
    bool duplicate = false;
    for (const ChildReview& earlier : list) {
      if (earlier.date == r.review) duplicate = true;
    }
    list.push_back(ChildReview{r.review, &r, duplicate});
  }
  return out;
}

}  // namespace

std::optional<Date> LacCoverageStart(const KpiContext& ctx) {
  if (ctx.data_from) return ctx.data_from;
  std::optional<Date> earliest;
  for (const LacReviewRecord& r : ctx.data.reviews) {
    if (!earliest || r.review < *earliest) earliest = r.review;
  }
  return earliest;
}

absl::StatusOr<KpiPtr> BuildLacReviewTimeliness(const KpiContext& ctx) {
  auto kpi = std::make_unique<Kpi>(
      "lac_review_timeliness", "LAC reviews held within timescale", "percent",
      std::vector<std::string>{"duplicate_review", "no_period_of_care",
                               "short_breaks", "previous_review_unknown"});
  kpi->set_chain_kpi();
  const std::optional<Date> coverage = LacCoverageStart(ctx);
  kpi->coverage_start = coverage;
  absl::StatusOr<ChainCalculator> chain =
      ChainCalculator::Create(ctx.ts, ChainKind::kLac);
  if (!chain.ok()) return chain.status();

  const auto periods = BuildPeriodsOfCare(ctx.data.episodes);
  const auto reviews = ReviewsByChild(ctx.data);
  const int duplicate = kpi->Reason("duplicate_review");
  const int no_period = kpi->Reason("no_period_of_care");
  const int short_breaks = kpi->Reason("short_breaks");
  const int unknown = kpi->Reason("previous_review_unknown");
  static const std::vector<PeriodOfCare> kNoPeriods;

  // Every child with episodes or reviews.
  std::vector<std::string_view> children;
  for (const auto& [child, list] : periods) children.push_back(child);
  for (const auto& [child, list] : reviews) {
    if (periods.count(child) == 0) children.push_back(child);
  }
  for (std::string_view child : children) {
    const auto p_it = periods.find(child);
    const std::vector<PeriodOfCare>& child_periods =
        p_it != periods.end() ? p_it->second : kNoPeriods;
    std::vector<std::vector<Date>> held(child_periods.size());
    const auto r_it = reviews.find(child);
    if (r_it != reviews.end()) {
      for (const ChildReview& r : r_it->second) {
        if (r.duplicate) {
          kpi->AddEvent(KpiEvent{r.date, duplicate, false, {}, {}});
          continue;
        }
        const int p = FindPeriod(child_periods, r.date);
        if (p < 0) {
          kpi->AddEvent(KpiEvent{r.date, no_period, false, {}, {}});
        } else if (child_periods[static_cast<size_t>(p)].short_break) {
          kpi->AddEvent(KpiEvent{r.date, short_breaks, false, {}, {}});
        } else {
          held[static_cast<size_t>(p)].push_back(r.date);
        }
      }
    }
    for (size_t p = 0; p < child_periods.size(); ++p) {
      const PeriodOfCare& period = child_periods[p];
      if (period.short_break) continue;  // short breaks have no chain
      std::vector<Date>& dates = held[p];
      std::sort(dates.begin(), dates.end());
      const bool anchored = period.start_known && coverage &&
                            period.first_decom >= *coverage;
      absl::StatusOr<std::vector<std::optional<Date>>> next_due =
          chain->NextDueDates(anchored ? std::optional<Date>(period.first_decom)
                                       : std::nullopt,
                              dates);
      if (!next_due.ok()) return next_due.status();
      for (size_t k = 0; k < dates.size(); ++k) {
        const std::optional<Date>& due = (*next_due)[k];
        if (!due) {
          kpi->AddEvent(KpiEvent{dates[k], unknown, false, {}, {}});
        } else {
          kpi->AddEvent(KpiEvent{dates[k], -1, dates[k] <= *due, {}, {}});
        }
      }
      kpi->AddChain(KpiChain{std::move(dates), *std::move(next_due),
                             period.end});
    }
  }
  kpi->Finish();
  return kpi;
}

absl::StatusOr<KpiPtr> BuildLacReviewParticipation(const KpiContext& ctx) {
  auto kpi = std::make_unique<Kpi>(
      "lac_review_participation",
      "LAC reviews where the child participated (PN1-PN6 of PN1-PN7)",
      "percent",
      std::vector<std::string>{"duplicate_review", "short_breaks", "under_4",
                               "missing_code"});
  kpi->coverage_start = LacCoverageStart(ctx);
  const auto periods = BuildPeriodsOfCare(ctx.data.episodes);
  const int duplicate = kpi->Reason("duplicate_review");
  const int short_breaks = kpi->Reason("short_breaks");
  const int under_4 = kpi->Reason("under_4");
  const int missing = kpi->Reason("missing_code");
  for (const auto& [child, list] : ReviewsByChild(ctx.data)) {
    const auto p_it = periods.find(child);
    for (const ChildReview& r : list) {
      int reason = -1;
      const std::string& code = r.record->review_code;
      if (r.duplicate) {
        reason = duplicate;
      } else if (p_it != periods.end()) {
        const int p = FindPeriod(p_it->second, r.date);
        if (p >= 0 && p_it->second[static_cast<size_t>(p)].short_break) {
          reason = short_breaks;
        }
      }
      if (reason < 0 && code == "PN0") reason = under_4;
      if (reason < 0 && !IsParticipationCode(code)) reason = missing;
      kpi->AddEvent(KpiEvent{r.date, reason, reason < 0 && code != "PN7", {},
                             {}});
    }
  }
  kpi->Finish();
  return kpi;
}

}  // namespace internal
TSC_NAMESPACE_END
