// The KPI engine against a brute-force reference over random data: the LAC
// review KPIs and the per-chair meeting KPIs, for a year, each of its
// months and the previous year, computed here straight from the words of
// docs/kpis.md (a loop over every child, period, review and meeting for every
// period asked), with nothing precomputed or shared with the engine.

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "testing/fixtures.h"
#include "testing/random_dataset.h"
#include "testing/status_matchers.h"
#include "timescales/due.h"
#include "timescales/report.h"

namespace timescales {
namespace {

using ::timescales::testing::D;
using ::timescales::testing::IsOk;
using ::timescales::testing::RandomData;

// ---- The reference
// -------------------------------------------------------------

struct Counts {
  int64_t numerator = 0;
  int64_t denominator = 0;
  int64_t overdue = 0;
  std::map<std::string, int64_t> excluded;
};

struct Period {
  Date first;
  bool start_known;
  std::optional<Date> end;
  bool short_break;
  bool Holds(Date d) const {
    return (!start_known || d >= first) && (!end || d <= *end);
  }
};

std::vector<Period> PeriodsOf(const Dataset& data, const std::string& child) {
  std::vector<Episode> mine;
  for (const Episode& e : data.episodes) {
    if (e.child == child) mine.push_back(e);
  }
  std::stable_sort(
      mine.begin(), mine.end(),
      [](const Episode& a, const Episode& b) { return a.decom < b.decom; });
  std::vector<Period> out;
  std::vector<size_t> last;  // each period's last episode
  for (size_t i = 0; i < mine.size(); ++i) {
    const Episode& e = mine[i];
    const bool ended_before =
        i > 0 && mine[i - 1].dec && mine[i - 1].rec != "X1";
    if (i == 0 || e.rne == "S" || ended_before) {
      out.push_back(Period{e.decom, e.rne == "S", std::nullopt, true});
      last.push_back(i);
    }
    out.back().short_break =
        out.back().short_break && (e.ls == "V3" || e.ls == "V4");
    last.back() = i;
  }
  // Open while the last episode has no DEC, or REC = X1 and nothing after.
  for (size_t p = 0; p < out.size(); ++p) {
    const Episode& e = mine[last[p]];
    const bool followed = last[p] + 1 < mine.size();
    if (e.dec && (e.rec != "X1" || followed)) out[p].end = e.dec;
  }
  return out;
}

class Reference {
 public:
  explicit Reference(const Dataset& data) : data_(data) {
    const ReportConfig config;
    ts_.emplace(*config.BuildCalendar(), *config.BuildRules(), config.policy);
    for (const LacReviewRecord& r : data.reviews) {
      if (!coverage_ || r.review < *coverage_) coverage_ = r.review;
    }
  }

  Date Due(const char* rule, Date anchor) const {
    return *ts_->LegalDueDate(**ts_->rules().Get(rule), anchor);
  }

  Counts Timeliness(Date start, Date end) const {
    Counts c;
    for (const char* reason : {"duplicate_review", "no_period_of_care",
                               "short_breaks", "previous_review_unknown"}) {
      c.excluded[reason] = 0;
    }
    std::vector<std::string> children;
    for (const Episode& e : data_.episodes) children.push_back(e.child);
    for (const LacReviewRecord& r : data_.reviews) children.push_back(r.child);
    std::sort(children.begin(), children.end());
    children.erase(std::unique(children.begin(), children.end()),
                   children.end());
    for (const std::string& child : children) {
      const std::vector<Period> periods = PeriodsOf(data_, child);
      std::vector<std::vector<Date>> held(periods.size());
      std::vector<Date> seen;
      for (const LacReviewRecord& r : data_.reviews) {
        if (r.child != child) continue;
        const bool in = start <= r.review && r.review <= end;
        if (std::count(seen.begin(), seen.end(), r.review) > 0) {
          c.excluded["duplicate_review"] += in;
          continue;
        }
        seen.push_back(r.review);
        size_t p = 0;
        while (p < periods.size() && !periods[p].Holds(r.review)) ++p;
        if (p == periods.size()) {
          c.excluded["no_period_of_care"] += in;
        } else if (periods[p].short_break) {
          c.excluded["short_breaks"] += in;
        } else {
          held[p].push_back(r.review);
        }
      }
      for (size_t p = 0; p < periods.size(); ++p) {
        if (!periods[p].short_break) Chain(periods[p], held[p], start, end, &c);
      }
    }
    return c;
  }

  Counts Participation(Date start, Date end) const {
    Counts c;
    for (const char* reason :
         {"duplicate_review", "short_breaks", "under_4", "missing_code"}) {
      c.excluded[reason] = 0;
    }
    for (size_t i = 0; i < data_.reviews.size(); ++i) {
      const LacReviewRecord& r = data_.reviews[i];
      bool duplicate = false;
      for (size_t j = 0; j < i; ++j) {
        duplicate |= data_.reviews[j].child == r.child &&
                     data_.reviews[j].review == r.review;
      }
      if (r.review < start || r.review > end) continue;
      const std::vector<Period> periods = PeriodsOf(data_, r.child);
      const auto holder =
          std::find_if(periods.begin(), periods.end(),
                       [&](const Period& p) { return p.Holds(r.review); });
      const std::string& code = r.review_code;
      const bool valid = code.size() == 3 && code.rfind("PN", 0) == 0 &&
                         code[2] >= '0' && code[2] <= '7';
      if (duplicate) {
        ++c.excluded["duplicate_review"];
      } else if (holder != periods.end() && holder->short_break) {
        ++c.excluded["short_breaks"];
      } else if (code == "PN0") {
        ++c.excluded["under_4"];
      } else if (!valid) {
        ++c.excluded["missing_code"];
      } else {
        ++c.denominator;
        c.numerator += code != "PN7";
      }
    }
    return c;
  }

  // The three meeting KPIs of one chair's lac_review meetings, and its
  // meetings of any type, in [start, end], with actions that have no
  // timestamp judged as at `horizon` (the headline period's end).
  struct Chair {
    int64_t meetings = 0;
    int64_t qa_alerts = 0;
    Counts decisions, record, sw_report;
  };
  std::map<std::string, Chair> Chairs(Date start, Date end,
                                      Date horizon) const {
    std::map<std::string, Chair> out;
    for (const MeetingRecord& m : data_.meetings) {
      if (m.held.date < start || m.held.date > end) continue;
      Chair& chair = out[m.chair.empty() ? "(none)" : m.chair];
      ++chair.meetings;
      chair.qa_alerts += m.qa_alerts;
      if (m.type != MeetingType::kLacReview) continue;
      FollowUp(Due("lac.review_decisions", m.held.date), m.decisions_sent,
               horizon, &chair.decisions);
      FollowUp(Due("lac.review_record", m.held.date), m.record_distributed,
               horizon, &chair.record);
      const Moment due =
          *ts_->LegalDue(**ts_->rules().Get("lac.sw_report"), m.held);
      ++chair.sw_report.denominator;
      chair.sw_report.numerator +=
          m.sw_report_received && AtOrBefore(*m.sw_report_received, due);
    }
    return out;
  }

 private:
  // One period's chain: each review against the slot it fills, and the
  // slot after the last review held by `end` when it falls due in the
  // period while the care lasts.
  void Chain(const Period& period, std::vector<Date> held, Date start, Date end,
             Counts* c) const {
    std::sort(held.begin(), held.end());
    const bool anchored =
        period.start_known && coverage_ && period.first >= *coverage_;
    auto slot_due = [&](size_t k) -> std::optional<Date> {
      if (k == 0) {
        if (!anchored) return std::nullopt;
        return Due("lac.first_review", period.first);
      }
      return Due(
          k == 1 && anchored ? "lac.second_review" : "lac.subsequent_review",
          held[k - 1]);
    };
    for (size_t k = 0; k < held.size(); ++k) {
      if (held[k] < start || held[k] > end) continue;
      const std::optional<Date> due = slot_due(k);
      if (!due) {
        ++c->excluded["previous_review_unknown"];
        continue;
      }
      ++c->denominator;
      c->numerator += held[k] <= *due;
    }
    size_t by_end = 0;
    while (by_end < held.size() && held[by_end] <= end) ++by_end;
    const std::optional<Date> next = slot_due(by_end);
    if (next && start <= *next && *next <= end &&
        (!period.end || *period.end > *next)) {
      ++c->denominator;
      ++c->overdue;
    }
  }

  // docs/kpis.md#meeting-kpi-horizon: judged by the recorded timestamp wherever
  // it falls; with none, not yet due while due after the horizon, else late.
  static void FollowUp(Date due, const std::optional<Moment>& done,
                       Date horizon, Counts* c) {
    if (!done && due > horizon) {
      ++c->excluded["not_yet_due"];
      return;
    }
    ++c->denominator;
    c->numerator += done && done->date <= due;
  }

  const Dataset& data_;
  std::optional<Timescales> ts_;
  std::optional<Date> coverage_;
};

// ---- The comparison
// ------------------------------------------------------------

void ExpectSame(const KpiCounts& engine, const Counts& reference,
                const std::string& where) {
  EXPECT_EQ(engine.numerator, reference.numerator) << where;
  EXPECT_EQ(engine.denominator, reference.denominator) << where;
  EXPECT_EQ(engine.overdue_at_period_end, reference.overdue) << where;
  for (const auto& [reason, count] : reference.excluded) {
    const auto it = engine.excluded.find(reason);
    EXPECT_EQ(it == engine.excluded.end() ? 0 : it->second, count)
        << where << " " << reason;
  }
}

const KpiResult& Kpi(const Report& report, const std::string& id) {
  for (const KpiResult& k : report.kpis) {
    if (k.id == id) return k;
  }
  ADD_FAILURE() << "no KPI " << id;
  static const KpiResult kNone;
  return kNone;
}

class KpiReference : public ::testing::TestWithParam<uint32_t> {};

TEST_P(KpiReference, LacKpisMatchTheReferenceForEveryPeriod) {
  const Dataset data = RandomData(GetParam()).Make();
  const Reference reference(data);
  const ReportingPeriod year = *ReportingPeriod::Parse("2018-19");
  absl::StatusOr<Report> report =
      ComputeReport(data, year, ReportConfig(), ReportOptions());
  ASSERT_THAT(report, IsOk());

  std::vector<std::pair<std::string, ReportingPeriod>> periods = {
      {"2018-19", year}};
  for (const ReportingPeriod& month : year.Months()) {
    periods.emplace_back(month.label, month);
  }
  for (const char* id : {"lac_review_timeliness", "lac_review_participation"}) {
    const KpiResult& kpi = Kpi(*report, id);
    const bool timeliness = std::string(id) == "lac_review_timeliness";
    auto expected = [&](const ReportingPeriod& p) {
      return timeliness ? reference.Timeliness(p.start, p.end)
                        : reference.Participation(p.start, p.end);
    };
    ExpectSame(kpi.headline, expected(year), std::string(id) + " 2018-19");
    ASSERT_EQ(kpi.monthly.size(), 12u);
    for (size_t m = 0; m < 12; ++m) {
      ExpectSame(kpi.monthly[m].second, expected(periods[m + 1].second),
                 std::string(id) + " " + kpi.monthly[m].first);
    }
    ASSERT_TRUE(kpi.previous.has_value()) << id;
    ExpectSame(*kpi.previous, expected(*year.Previous()),
               std::string(id) + " 2017-18");
  }
}

TEST_P(KpiReference, PerChairCountsMatchTheReference) {
  const Dataset data = RandomData(GetParam()).Make();
  const Reference reference(data);
  const ReportingPeriod year = *ReportingPeriod::Parse("2018-19");
  absl::StatusOr<Report> report =
      ComputeReport(data, year, ReportConfig(), ReportOptions());
  ASSERT_THAT(report, IsOk());
  const std::map<std::string, Reference::Chair> chairs =
      reference.Chairs(year.start, year.end, year.end);
  ASSERT_EQ(report->by_chair.size(), chairs.size());
  auto expected = chairs.begin();
  for (const ChairRow& row : report->by_chair) {
    EXPECT_EQ(row.chair_id, expected->first);
    EXPECT_EQ(row.meetings, expected->second.meetings) << row.chair_id;
    EXPECT_EQ(row.qa_alerts, expected->second.qa_alerts) << row.chair_id;
    ExpectSame(row.decisions, expected->second.decisions,
               row.chair_id + " decisions");
    ExpectSame(row.record, expected->second.record, row.chair_id + " record");
    ExpectSame(row.sw_report, expected->second.sw_report,
               row.chair_id + " sw_report");
    ++expected;
  }
}

// The reference's counts of one meeting KPI over every chair.
Counts MeetingKpi(const Reference& reference, const std::string& id, Date start,
                  Date end, Date horizon) {
  Counts total;
  for (const auto& [name, chair] : reference.Chairs(start, end, horizon)) {
    const Counts& c = id == "lac_review_decisions_5wd" ? chair.decisions
                      : id == "lac_review_record_20wd" ? chair.record
                                                       : chair.sw_report;
    total.numerator += c.numerator;
    total.denominator += c.denominator;
    for (const auto& [reason, n] : c.excluded) total.excluded[reason] += n;
  }
  return total;
}

// Adds `part` into `sum`, exclusions by reason.
void Accumulate(const KpiCounts& part, KpiCounts* sum) {
  sum->numerator += part.numerator;
  sum->denominator += part.denominator;
  sum->overdue_at_period_end += part.overdue_at_period_end;
  for (const auto& [reason, n] : part.excluded) sum->excluded[reason] += n;
}

void ExpectEqualCounts(const KpiCounts& a, const KpiCounts& b,
                       const std::string& where) {
  EXPECT_EQ(a.numerator, b.numerator) << where;
  EXPECT_EQ(a.denominator, b.denominator) << where;
  EXPECT_EQ(a.overdue_at_period_end, b.overdue_at_period_end) << where;
  std::map<std::string, int64_t> ea, eb;
  for (const auto& [reason, n] : a.excluded) {
    if (n != 0) ea[reason] = n;
  }
  for (const auto& [reason, n] : b.excluded) {
    if (n != 0) eb[reason] = n;
  }
  EXPECT_EQ(ea, eb) << where;
}

const char* const kMeetingKpis[] = {"lac_review_decisions_5wd",
                                    "lac_review_record_20wd",
                                    "lac_review_sw_report_24h"};

// A year and a quarter: the months of the meeting KPIs add up to the
// headline exactly, and so do the chairs, and each month and the previous
// period match the reference judged at the headline's end.
TEST_P(KpiReference, MeetingKpisPartitionTheHeadlineByMonthAndChair) {
  const Dataset data = RandomData(GetParam()).Make();
  const Reference reference(data);
  for (const char* text : {"2018-19", "2018-19-Q4", "2019-01"}) {
    const ReportingPeriod period = *ReportingPeriod::Parse(text);
    ReportOptions options;  // the meetings cover every previous period
    options.data_from = D(2017, 1, 1);
    absl::StatusOr<Report> report =
        ComputeReport(data, period, ReportConfig(), options);
    ASSERT_THAT(report, IsOk());
    for (const char* id : kMeetingKpis) {
      const std::string where = absl::StrCat(text, " ", id);
      const KpiResult& kpi = Kpi(*report, id);
      ExpectSame(
          kpi.headline,
          MeetingKpi(reference, id, period.start, period.end, period.end),
          where);
      KpiCounts months;
      const std::vector<ReportingPeriod> calendar_months = period.Months();
      ASSERT_EQ(kpi.monthly.size(), calendar_months.size()) << where;
      for (size_t m = 0; m < calendar_months.size(); ++m) {
        ExpectSame(kpi.monthly[m].second,
                   MeetingKpi(reference, id, calendar_months[m].start,
                              calendar_months[m].end, period.end),
                   where + " " + kpi.monthly[m].first);
        Accumulate(kpi.monthly[m].second, &months);
      }
      ExpectEqualCounts(months, kpi.headline, where + " months");
      KpiCounts chairs;
      for (const ChairRow& row : report->by_chair) {
        Accumulate(id == std::string("lac_review_decisions_5wd") ? row.decisions
                   : id == std::string("lac_review_record_20wd")
                       ? row.record
                       : row.sw_report,
                   &chairs);
      }
      ExpectEqualCounts(chairs, kpi.headline, where + " chairs");
      ASSERT_TRUE(kpi.previous.has_value()) << where;
      const ReportingPeriod previous = *period.Previous();
      ExpectSame(
          *kpi.previous,
          MeetingKpi(reference, id, previous.start, previous.end, period.end),
          where + " previous");
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, KpiReference,
                         ::testing::Values(1u, 2u, 3u, 4u, 5u, 6u, 7u, 8u));

}  // namespace
}  // namespace timescales
