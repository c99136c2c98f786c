// File: kpi/lac_kpis.cc
//
// lac_review_timeliness and lac_review_participation
// (docs/kpis.md#lac_review_timeliness, docs/kpis.md#lac_review_participation),
// from the SSDA903 Episodes and Reviews tables.

#include <algorithm>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
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

namespace {

// "the period of care from 2019-04-02 (RNE S) to 2020-01-10": how a review
// or slot's period reads in `timescales explain`.
std::string DescribePeriod(const PeriodOfCare& period, const Dataset& data) {
  return absl::StrFormat(
      "the period of care %s, %s (first episode %s line %d)",
      period.start_known
          ? absl::StrCat("from ", period.first_decom.ToString(), " (RNE S)")
          : absl::StrCat("begun before the data (first episode from ",
                         period.first_decom.ToString(), ", RNE not S)"),
      period.end ? absl::StrCat("ended ", period.end->ToString())
                 : std::string("still open"),
      data.PathOf(period.source), period.source.line);
}

}  // namespace

absl::StatusOr<KpiPtr> BuildLacReviewTimeliness(const KpiContext& ctx) {
  auto kpi = std::make_unique<Kpi>(*FindKpi(kpi_id::kLacReviewTimeliness));
  const std::optional<Date> coverage = LacCoverageStart(ctx);
  kpi->coverage_start = coverage;
  WantCases(ctx, kpi.get());
  absl::StatusOr<ScheduleCalculator> calculator =
      ScheduleCalculator::Create(ctx.ts, ScheduleKind::kLac);
  if (!calculator.ok()) return calculator.status();

  const LacView& lac = Lac(ctx);
  const int32_t duplicate = kpi->Reason("duplicate_review");
  const int32_t no_period = kpi->Reason("no_period_of_care");
  const int32_t short_breaks = kpi->Reason("short_breaks");
  const int32_t unknown = kpi->Reason("previous_review_unknown");
  const bool explaining = kpi->explaining();

  // An excluded review's case: why it is left out.
  const auto excluded = [&](const ChildReview& r, std::string_view child,
                            int32_t reason, const char* why) {
    const KpiEvent event{r.date, reason};
    if (!kpi->WantsCase(child, r.date)) return kpi->AddEvent(event);
    CaseInfo info{child, r.record->source, CaseItem::kReview};
    info.chair = ChairOfMeeting(ctx, child, r.date, MeetingType::kLacReview);
    if (explaining) {
      info.explanation =
          absl::StrCat("the review held ", r.date.ToString(), " ", why);
    }
    kpi->AddEvent(event, std::move(info));
  };

  // Per period of care, its reviews (date, record); reused across children.
  std::vector<std::vector<std::pair<Date, const ChildReview*>>> held;
  std::vector<Date> dates;
  std::vector<uint32_t> slot_cases;
  for (size_t child = 0; child < lac.children(); ++child) {
    const std::string_view id = lac.child(child);
    const absl::Span<const PeriodOfCare> periods = lac.Periods(child);
    if (held.size() < periods.size()) held.resize(periods.size());
    for (size_t p = 0; p < periods.size(); ++p) held[p].clear();
    for (const ChildReview& r : lac.Reviews(child)) {
      if (r.duplicate) {
        excluded(r, id, duplicate,
                 "repeats a review of the child on the same date: counted "
                 "once");
        continue;
      }
      const int p = FindPeriod(periods, r.date);
      if (p < 0) {
        excluded(r, id, no_period,
                 "falls inside no period of care of the child's episodes");
      } else if (periods[static_cast<size_t>(p)].short_break) {
        excluded(r, id, short_breaks,
                 "falls in a period of short breaks, which has no review "
                 "schedule here");
      } else {
        held[static_cast<size_t>(p)].emplace_back(r.date, &r);
      }
    }
    for (size_t p = 0; p < periods.size(); ++p) {
      const PeriodOfCare& period = periods[p];
      if (period.short_break) continue;  // short breaks have no schedule
      std::vector<std::pair<Date, const ChildReview*>>& reviews = held[p];
      std::stable_sort(
          reviews.begin(), reviews.end(),
          [](const auto& a, const auto& b) { return a.first < b.first; });
      dates.clear();
      for (const auto& review : reviews) dates.push_back(review.first);
      const bool anchored =
          period.start_known && coverage && period.first_decom >= *coverage;
      const std::optional<Date> start =
          anchored ? std::optional<Date>(period.first_decom) : std::nullopt;
      absl::StatusOr<std::vector<std::optional<Date>>> next_due =
          calculator->NextDueDates(start, dates);
      if (!next_due.ok()) return next_due.status();
      const std::string context_line = explaining && id == ctx.detail_child
                                           ? DescribePeriod(period, ctx.data)
                                           : std::string();
      // The anchor of slot k: the start, then the review before it.
      const auto anchor_of = [&](size_t k) {
        return k == 0 ? start : std::optional<Date>(dates[k - 1]);
      };
      for (size_t k = 0; k < dates.size(); ++k) {
        const std::optional<Date>& due = (*next_due)[k];
        const KpiEvent event = due ? KpiEvent{dates[k], -1, dates[k] <= *due}
                                   : KpiEvent{dates[k], unknown};
        if (!kpi->WantsCase(id, dates[k])) {
          kpi->AddEvent(event);
          continue;
        }
        CaseInfo info = SlotCase(
            ctx, *calculator, id, reviews[k].second->record->source,
            CaseItem::kReview, k, anchored, anchor_of(k), due, dates[k],
            MeetingType::kLacReview, context_line, explaining, "review");
        if (explaining && !due) {
          absl::StrAppend(&info.explanation,
                          "\nthe first review in the data of a period of "
                          "care that began before the coverage start: the "
                          "review before it is not in the data, so its due "
                          "date is unknown");
        }
        kpi->AddEvent(event, std::move(info));
      }
      if (kpi->wants_cases()) {
        slot_cases.assign(next_due->size(), kNoCase);
        for (size_t k = 0; k < next_due->size(); ++k) {
          const std::optional<Date>& due = (*next_due)[k];
          if (!due || !kpi->WantsCase(id, *due)) continue;
          const SourceRef source =
              k == 0 ? period.source : reviews[k - 1].second->record->source;
          slot_cases[k] = kpi->AddCase(SlotCase(
              ctx, *calculator, id, source, CaseItem::kOverdueSlot, k, anchored,
              anchor_of(k), due, std::nullopt, MeetingType::kLacReview,
              context_line, explaining, "review"));
        }
        kpi->AddSchedule(dates, *next_due, period.end, &slot_cases);
      } else {
        kpi->AddSchedule(dates, *next_due, period.end);
      }
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

  // Each child's reviews together, as LacView lists them; `info` the
  // review's case or kNoCase.
  void Add(size_t child, Date date, int32_t reason, bool hit,
           uint32_t info = kNoCase) {
    reviews_.push_back(Review{child, date, reason, hit, info});
  }

  // A row per excluded review, and a `child` row per child counted (dated
  // by, and traced to, their first counted review in the period).
  std::vector<CaseRow> Cases(Date start, Date end, Date /*horizon*/,
                             const CaseContext& context) const override {
    std::vector<CaseRow> rows;
    const Review* first = nullptr;  // the open child's first counted review
    bool every = true;
    const auto close = [&] {
      if (first == nullptr || first->info == kNoCase) return;
      CaseRow row = MakeRow(first->info, first->date, Counted(every), "", every,
                            true, end, context);
      row.item = CaseItem::kChild;
      rows.push_back(std::move(row));
    };
    for (const Review& r : reviews_) {
      if (r.date < start || r.date > end) continue;
      if (r.reason >= 0) {
        if (r.info != kNoCase) {
          rows.push_back(MakeRow(r.info, r.date, CaseOutcome::kExcluded,
                                 ReasonName(r.reason), false, false, end,
                                 context));
        }
        continue;
      }
      if (first == nullptr || r.child != first->child) {
        close();
        first = &r;
        every = true;
      }
      every = every && r.hit;
    }
    close();
    std::stable_sort(
        rows.begin(), rows.end(),
        [](const CaseRow& a, const CaseRow& b) { return a.date < b.date; });
    return rows;
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
    uint32_t info;
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
  WantCases(ctx, kpi.get());
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
      uint32_t info = kNoCase;
      if (kpi->WantsCase(lac.child(child), r.date)) {
        CaseInfo c{lac.child(child), r.record->source, CaseItem::kReview};
        c.chair = ChairOfMeeting(ctx, lac.child(child), r.date,
                                 MeetingType::kLacReview);
        if (kpi->explaining()) {
          c.explanation = absl::StrFormat(
              "the review held %s coded '%s' (PN1-PN%c count as "
              "participation; PN0 is a child under 4)%s",
              r.date.ToString(), code, best_to,
              r.duplicate ? "; it repeats a review of the same date" : "");
        }
        info = kpi->AddCase(std::move(c));
      }
      if (per_child != nullptr) {
        per_child->Add(child, r.date, reason, hit, info);
      } else {
        KpiEvent event{r.date, reason, hit};
        event.info = info;
        kpi->AddEvent(event);
      }
    }
  }
  kpi->Finish();
  return kpi;
}

}  // namespace internal
TSC_NAMESPACE_END
