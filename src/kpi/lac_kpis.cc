// File: kpi/lac_kpis.cc
//
// lac_review_timeliness and lac_review_participation
// (docs/kpis.md#lac_review_timeliness, docs/kpis.md#lac_review_participation),
// from the SSDA903 Episodes and Reviews tables.

#include <algorithm>
#include <utility>

#include "kpi/builders.h"
#include "kpi/codes.h"
#include "kpi/lac_view.h"

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

bool IsParticipationCode(const std::string& code) {
  return code.size() == 3 && code[0] == 'P' && code[1] == 'N' &&
         code[2] >= '0' && code[2] <= '7';
}

}  // namespace

const LacView& Lac(const KpiContext& ctx) {
  if (!ctx.lac) ctx.lac = std::make_shared<const LacView>(ctx.data);
  return *ctx.lac;
}

std::optional<Date> LacCoverageStart(const KpiContext& ctx) {
  if (ctx.data_from) return ctx.data_from;
  std::optional<Date> earliest;
  for (const LacReviewRecord& r : ctx.data.reviews) {
    if (!earliest || r.review < *earliest) earliest = r.review;
  }
  return earliest;
}

absl::StatusOr<KpiPtr> BuildLacReviewTimeliness(const KpiContext& ctx) {
  auto kpi = std::make_unique<Kpi>(*FindKpi(kpi_id::kLacReviewTimeliness));
  const std::optional<Date> coverage = LacCoverageStart(ctx);
  kpi->coverage_start = coverage;
  absl::StatusOr<ScheduleCalculator> calculator =
      ScheduleCalculator::Create(ctx.ts, ScheduleKind::kLac);
  if (!calculator.ok()) return calculator.status();

  const LacView& lac = Lac(ctx);
  const int32_t duplicate = kpi->Reason("duplicate_review");
  const int32_t no_period = kpi->Reason("no_period_of_care");
  const int32_t short_breaks = kpi->Reason("short_breaks");
  const int32_t unknown = kpi->Reason("previous_review_unknown");

  std::vector<std::vector<Date>> held;  // per period; reused across children
  for (size_t child = 0; child < lac.children(); ++child) {
    const absl::Span<const PeriodOfCare> periods = lac.Periods(child);
    if (held.size() < periods.size()) held.resize(periods.size());
    for (size_t p = 0; p < periods.size(); ++p) held[p].clear();
    for (const ChildReview& r : lac.Reviews(child)) {
      if (r.duplicate) {
        kpi->AddEvent(KpiEvent{r.date, duplicate});
        continue;
      }
      const int p = FindPeriod(periods, r.date);
      if (p < 0) {
        kpi->AddEvent(KpiEvent{r.date, no_period});
      } else if (periods[static_cast<size_t>(p)].short_break) {
        kpi->AddEvent(KpiEvent{r.date, short_breaks});
      } else {
        held[static_cast<size_t>(p)].push_back(r.date);
      }
    }
    for (size_t p = 0; p < periods.size(); ++p) {
      const PeriodOfCare& period = periods[p];
      if (period.short_break) continue;  // short breaks have no schedule
      std::vector<Date>& dates = held[p];
      std::sort(dates.begin(), dates.end());
      const bool anchored =
          period.start_known && coverage && period.first_decom >= *coverage;
      absl::StatusOr<std::vector<std::optional<Date>>> next_due =
          calculator->NextDueDates(
              anchored ? std::optional<Date>(period.first_decom) : std::nullopt,
              dates);
      if (!next_due.ok()) return next_due.status();
      for (size_t k = 0; k < dates.size(); ++k) {
        const std::optional<Date>& due = (*next_due)[k];
        if (!due) {
          kpi->AddEvent(KpiEvent{dates[k], unknown});
        } else {
          kpi->AddEvent(KpiEvent{dates[k], -1, dates[k] <= *due});
        }
      }
      kpi->AddSchedule(dates, *next_due, period.end);
    }
  }
  kpi->Finish();
  return kpi;
}

namespace {

// Policy participation = "children": a child counts when every review of
// theirs dated in the period, and not excluded, is PN1-PN6; the
// denominator is the children with such a review. Excluded reviews are
// counted by reason, as at review level.
class ChildParticipationKpi : public Kpi {
 public:
  explicit ChildParticipationKpi(std::string title)
      : Kpi(*FindKpi(kpi_id::kLacReviewParticipation), std::move(title)) {}

  // Each child's reviews together, as LacView lists them.
  void Add(size_t child, Date date, int32_t reason, bool hit) {
    reviews_.push_back(Review{child, date, reason, hit});
  }

  KpiCounts Count(Date start, Date end, Date /*horizon*/) const override {
    KpiCounts counts;
    std::vector<int64_t> excluded(reasons().size(), 0);
    bool open = false;  // a child's counted reviews are being read
    size_t child = 0;
    bool every = true;  // each of them PN1-PN6 so far
    const auto close = [&] {
      if (!open) return;
      ++counts.denominator;
      if (every) ++counts.numerator;
    };
    for (const Review& r : reviews_) {
      if (r.date < start || r.date > end) continue;
      if (r.reason >= 0) {
        ++excluded[static_cast<size_t>(r.reason)];
        continue;
      }
      if (!open || r.child != child) {
        close();
        open = true;
        child = r.child;
        every = true;
      }
      every = every && r.hit;
    }
    close();
    for (size_t i = 0; i < reasons().size(); ++i) {
      counts.excluded[reasons()[i]] = excluded[i];
    }
    SetValue(&counts);
    return counts;
  }

 private:
  struct Review {
    size_t child;
    Date date;
    int32_t reason;
    bool hit;
  };
  std::vector<Review> reviews_;
};

}  // namespace

absl::StatusOr<KpiPtr> BuildLacReviewParticipation(const KpiContext& ctx) {
  const KpiDefinition& definition = *FindKpi(kpi_id::kLacReviewParticipation);
  const ParticipationMeasure measure = ctx.ts.policy().participation;
  // The last code that meets the standard: PN6 (participated in any way),
  // or PN4 (attended) under the attendance measure.
  const char best_to = measure == ParticipationMeasure::kAttendance ? '4' : '6';
  std::unique_ptr<Kpi> kpi;
  ChildParticipationKpi* per_child = nullptr;
  if (measure == ParticipationMeasure::kChildren) {
    auto made = std::make_unique<ChildParticipationKpi>(
        "Children who participated in every LAC review in the period "
        "(PN1-PN6)");
    per_child = made.get();
    kpi = std::move(made);
  } else {
    kpi = std::make_unique<Kpi>(
        definition, measure == ParticipationMeasure::kAttendance
                        ? "LAC reviews the child attended (PN1-PN4 of PN1-PN7)"
                        : definition.title);
  }
  kpi->coverage_start = LacCoverageStart(ctx);
  const LacView& lac = Lac(ctx);
  const int32_t duplicate = kpi->Reason("duplicate_review");
  const int32_t short_breaks = kpi->Reason("short_breaks");
  const int32_t under_4 = kpi->Reason("under_4");
  const int32_t missing = kpi->Reason("missing_code");
  for (size_t child = 0; child < lac.children(); ++child) {
    const absl::Span<const PeriodOfCare> periods = lac.Periods(child);
    for (const ChildReview& r : lac.Reviews(child)) {
      int32_t reason = -1;
      const std::string& code = r.record->review_code;
      if (r.duplicate) {
        reason = duplicate;
      } else {
        const int p = FindPeriod(periods, r.date);
        if (p >= 0 && periods[static_cast<size_t>(p)].short_break) {
          reason = short_breaks;
        }
      }
      if (reason < 0 && IsCode(code, "PN0")) reason = under_4;
      if (reason < 0 && !IsParticipationCode(code)) reason = missing;
      const bool hit = reason < 0 && code[2] >= '1' && code[2] <= best_to;
      if (per_child != nullptr) {
        per_child->Add(child, r.date, reason, hit);
      } else {
        kpi->AddEvent(KpiEvent{r.date, reason, hit});
      }
    }
  }
  kpi->Finish();
  return kpi;
}

}  // namespace internal
TSC_NAMESPACE_END
