// Case-level detail (docs/kpis.md#case-level-detail): the rows behind each
// figure over hand-built data, every row counted by hand in the comments
// beside it; and, over random data, that the rows of every KPI add up to its
// figures for every period shape, month and chair.

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/fixtures.h"
#include "testing/random_dataset.h"
#include "testing/records.h"
#include "testing/status_matchers.h"
#include "timescales/report.h"

namespace timescales {
namespace {

using ::timescales::testing::D;
using ::timescales::testing::Ep;
using ::timescales::testing::Find;
using ::timescales::testing::IsOk;
using ::timescales::testing::Meeting;
using ::timescales::testing::Plan;
using ::timescales::testing::Present;
using ::timescales::testing::Rev;
using ::timescales::testing::S47;

absl::StatusOr<Report> Detail(const Dataset& data, const char* period,
                              std::optional<Date> data_from = std::nullopt,
                              std::string child = "") {
  ReportOptions options;
  options.data_from = data_from;
  options.detail = true;
  options.detail_child = std::move(child);
  return ComputeReport(data, *ReportingPeriod::Parse(period), ReportConfig(),
                       options);
}

// A row as one line, every member in the contract's order, for comparing
// with the hand-computed rows.
std::string Line(const CaseRow& r) {
  auto date = [](const std::optional<Date>& d) {
    return d ? d->ToString() : std::string("-");
  };
  return absl::StrFormat(
      "%s %s %s %s num=%d den=%d reason=%s rule=%s slot=%d anchor=%s due=%s "
      "practical=%s late=%s chair=%s",
      r.child, CaseItemName(r.item), r.date.ToString(),
      CaseOutcomeName(r.outcome), r.in_numerator, r.in_denominator,
      r.reason.empty() ? "-" : std::string(r.reason),
      r.rule.empty() ? "-" : std::string(r.rule), r.slot, date(r.anchor),
      date(r.due), date(r.practical_due),
      r.late_working_days ? absl::StrCat(*r.late_working_days) : "-",
      r.chair_id.value_or("-"));
}

std::vector<std::string> Lines(const Report& report, const char* kpi) {
  const KpiResult* result = Find(report, kpi);
  std::vector<std::string> lines;
  if (result == nullptr) return lines;
  for (const CaseRow& row : result->cases) lines.push_back(Line(row));
  return lines;
}

// ---- Hand-computed rows
// ----------------------------------------------------------

Dataset LacData() {
  Dataset data;
  Present(&data, "ssda903.episodes");
  Present(&data, "ssda903.reviews");
  // A: looked after Fri 20 Dec 2019 (S); slot 1 due 22 Jan 2020 (20 working
  // days, Christmas skipped), held that day: on time, 0 days late. Its
  // second review (23 Apr 2020) falls after the period: no row.
  data.episodes.push_back(Ep("A", D(2019, 12, 20), "S", "C2"));
  data.reviews.push_back(Rev("A", D(2020, 1, 22)));
  data.reviews.push_back(Rev("A", D(2020, 4, 23)));
  // B: in care before the data (RNE L): an unanchored schedule. 1 May 2019
  // has no known due date; 5 Nov is due 6 months after 1 May = Fri 1 Nov,
  // held Tue 5 Nov: late by 2 working days (Mon 4, Tue 5); the second row
  // on 5 Nov is a duplicate (listed first: excluded as it is read).
  data.episodes.push_back(Ep("B", D(2018, 1, 1), "L", "C2"));
  data.reviews.push_back(Rev("B", D(2019, 5, 1)));
  data.reviews.push_back(Rev("B", D(2019, 11, 5)));
  data.reviews.push_back(Rev("B", D(2019, 11, 5)));
  // C: a short break; D: a review in no period of care.
  data.episodes.push_back(
      Ep("C", D(2019, 6, 1), "S", "V3", D(2019, 7, 15), "E13"));
  data.reviews.push_back(Rev("C", D(2019, 7, 1)));
  data.reviews.push_back(Rev("D", D(2019, 8, 1)));
  // E: looked after Mon 3 Feb 2020, no review: slot 1 due Mon 2 Mar,
  // overdue at 31 Mar by the 21 working days of 3-31 March.
  data.episodes.push_back(Ep("E", D(2020, 2, 3), "S", "C2"));
  // G: left care on the due date itself (2 Mar): no review needed, no row.
  data.episodes.push_back(
      Ep("G", D(2020, 2, 3), "S", "C2", D(2020, 3, 2), "E11"));
  // H: looked after Fri 3 Jan 2020: slot 1 due Fri 31 Jan, the last day of
  // the month (the 20 working days 6-31 January); held Mon 3 Feb, 1 day
  // late.
  data.episodes.push_back(Ep("H", D(2020, 1, 3), "S", "C2"));
  data.reviews.push_back(Rev("H", D(2020, 2, 3)));
  return data;
}

TEST(CaseRows, LacReviewTimelinessAnchoredUnanchoredAndOverdue) {
  absl::StatusOr<Report> report = Detail(LacData(), "2019-20", D(2019, 4, 1));
  ASSERT_THAT(report, IsOk());
  EXPECT_THAT(
      Lines(*report, "lac_review_timeliness"),
      ::testing::ElementsAre(
          "B review 2019-05-01 excluded num=0 den=0 "
          "reason=previous_review_unknown rule=- slot=0 anchor=- due=- "
          "practical=- late=- chair=-",
          "C review 2019-07-01 excluded num=0 den=0 reason=short_breaks "
          "rule=- slot=0 anchor=- due=- practical=- late=- chair=-",
          "D review 2019-08-01 excluded num=0 den=0 reason=no_period_of_care "
          "rule=- slot=0 anchor=- due=- practical=- late=- chair=-",
          "B review 2019-11-05 excluded num=0 den=0 reason=duplicate_review "
          "rule=- slot=0 anchor=- due=- practical=- late=- chair=-",
          "B review 2019-11-05 late num=0 den=1 reason=- "
          "rule=lac.subsequent_review slot=0 anchor=2019-05-01 "
          "due=2019-11-01 practical=2019-11-01 late=2 chair=-",
          "A review 2020-01-22 on_time num=1 den=1 reason=- "
          "rule=lac.first_review slot=1 anchor=2019-12-20 due=2020-01-22 "
          "practical=2020-01-22 late=0 chair=-",
          "H review 2020-02-03 late num=0 den=1 reason=- "
          "rule=lac.first_review slot=1 anchor=2020-01-03 due=2020-01-31 "
          "practical=2020-01-31 late=1 chair=-",
          "E overdue_slot 2020-03-02 overdue num=0 den=1 reason=- "
          "rule=lac.first_review slot=1 anchor=2020-02-03 due=2020-03-02 "
          "practical=2020-03-02 late=21 chair=-"));
  // The rows trace to their records.
  const KpiResult* kpi = Find(*report, "lac_review_timeliness");
  EXPECT_EQ(kpi->cases.front().Month(), "2019-05");
}

TEST(CaseRows, AnOverdueSlotOnTheMonthsLastDay) {
  // January alone: H's slot 1 is due on its last day and not held by it:
  // overdue, 0 working days late.
  absl::StatusOr<Report> report = Detail(LacData(), "2020-01", D(2019, 4, 1));
  ASSERT_THAT(report, IsOk());
  EXPECT_THAT(Lines(*report, "lac_review_timeliness"),
              ::testing::ElementsAre(
                  "A review 2020-01-22 on_time num=1 den=1 reason=- "
                  "rule=lac.first_review slot=1 anchor=2019-12-20 "
                  "due=2020-01-22 practical=2020-01-22 late=0 chair=-",
                  "H overdue_slot 2020-01-31 overdue num=0 den=1 reason=- "
                  "rule=lac.first_review slot=1 anchor=2020-01-03 "
                  "due=2020-01-31 practical=2020-01-31 late=0 chair=-"));
}

TEST(CaseRows, APeriodEndingOnTheDueDate) {
  Dataset data;
  Present(&data, "ssda903.episodes");
  Present(&data, "ssda903.reviews");
  data.episodes.push_back(Ep("A", D(2019, 12, 20), "S", "C2"));
  // The period ends on the due date (Wed 22 Jan): overdue, 0 days late.
  absl::StatusOr<Report> report =
      Detail(data, "2019-04-01..2020-01-22", D(2019, 4, 1));
  ASSERT_THAT(report, IsOk());
  EXPECT_THAT(Lines(*report, "lac_review_timeliness"),
              ::testing::ElementsAre(
                  "A overdue_slot 2020-01-22 overdue num=0 den=1 reason=- "
                  "rule=lac.first_review slot=1 anchor=2019-12-20 "
                  "due=2020-01-22 practical=2020-01-22 late=0 chair=-"));
  // A day earlier it is not yet due: no row.
  report = Detail(data, "2019-04-01..2020-01-21", D(2019, 4, 1));
  ASSERT_THAT(report, IsOk());
  EXPECT_THAT(Lines(*report, "lac_review_timeliness"), ::testing::IsEmpty());
}

TEST(CaseRows, ParticipationCodes) {
  Dataset data;
  Present(&data, "ssda903.episodes");
  Present(&data, "ssda903.reviews");
  data.episodes.push_back(Ep("A", D(2019, 1, 1), "S", "C2"));
  data.reviews.push_back(Rev("A", D(2019, 5, 1), "PN1"));  // counted
  data.reviews.push_back(Rev("A", D(2019, 5, 1), "PN7"));  // duplicate
  data.reviews.push_back(Rev("A", D(2019, 6, 3), "PN0"));  // under 4
  data.reviews.push_back(Rev("A", D(2019, 7, 1), ""));     // blank code
  data.reviews.push_back(Rev("A", D(2019, 8, 1), "PN7"));  // not counted
  absl::StatusOr<Report> report = Detail(data, "2019-20");
  ASSERT_THAT(report, IsOk());
  const std::string none =
      " rule=- slot=0 anchor=- due=- practical=- late=- chair=-";
  EXPECT_THAT(
      Lines(*report, "lac_review_participation"),
      ::testing::ElementsAre(
          "A review 2019-05-01 counted num=1 den=1 reason=-" + none,
          "A review 2019-05-01 excluded num=0 den=0 reason=duplicate_review" +
              none,
          "A review 2019-06-03 excluded num=0 den=0 reason=under_4" + none,
          "A review 2019-07-01 excluded num=0 den=0 reason=missing_code" + none,
          "A review 2019-08-01 not_counted num=0 den=1 reason=-" + none));
}

TEST(CaseRows, IcpcBeforeTheS47AndMissingStart) {
  Dataset data;
  Present(&data, "cin.section47");
  // Strategy discussion Mon 12 Sep 2022: due Tue 4 Oct (15 working days,
  // the state funeral of 19 Sep skipped).
  data.section47.push_back(S47("a", D(2022, 9, 12), D(2022, 10, 4)));
  data.section47.push_back(S47("b", D(2022, 9, 12), D(2022, 10, 5)));
  data.section47.push_back(S47("c", D(2022, 10, 20), D(2022, 10, 10)));
  data.section47.push_back(S47("d", std::nullopt, D(2022, 11, 1)));
  absl::StatusOr<Report> report = Detail(data, "2022-23");
  ASSERT_THAT(report, IsOk());
  EXPECT_THAT(
      Lines(*report, "icpc_timeliness"),
      ::testing::ElementsAre(
          "a s47 2022-10-04 on_time num=1 den=1 reason=- rule=cp.icpc slot=0 "
          "anchor=2022-09-12 due=2022-10-04 practical=2022-10-04 late=0 "
          "chair=-",
          "b s47 2022-10-05 late num=0 den=1 reason=- rule=cp.icpc slot=0 "
          "anchor=2022-09-12 due=2022-10-04 practical=2022-10-04 late=1 "
          "chair=-",
          "c s47 2022-10-10 excluded num=0 den=0 reason=icpc_before_s47 "
          "rule=- slot=0 anchor=- due=- practical=- late=- chair=-",
          "d s47 2022-11-01 excluded num=0 den=0 reason=missing_s47_start "
          "rule=- slot=0 anchor=- due=- practical=- late=- chair=-"));
}

TEST(CaseRows, ReviewConferencesWithTheChairOfTheirMeeting) {
  Dataset data;
  Present(&data, "cin.cp_plans");
  Present(&data, "meetings");
  // Plan from Thu 30 Nov 2023: slot 1 due 29 Feb 2024 (3 months), held
  // 28 Feb; slot 2 due 6 months later, Wed 28 Aug 2024, never held: overdue
  // at Mon 2 Sep by 3 working days (29, 30 Aug, 2 Sep). A second conference
  // on 28 Feb is a duplicate (listed first: excluded as it is read). y
  // ended on its slot 1 due date (1 Mar) and needs no conference; one after
  // its end is outside the plan.
  data.cp_plans.push_back(
      Plan("x", D(2023, 11, 30), {}, {D(2024, 2, 28), D(2024, 2, 28)}));
  data.cp_plans.push_back(
      Plan("y", D(2023, 12, 1), D(2024, 3, 1), {D(2024, 3, 4)}));
  MeetingRecord m = Meeting("x", "2024-02-28", "IRO2", "", "", "");
  m.type = MeetingType::kRcpc;
  data.meetings.push_back(m);
  absl::StatusOr<Report> report =
      Detail(data, "2023-12-01..2024-09-02", D(2023, 4, 1));
  ASSERT_THAT(report, IsOk());
  EXPECT_THAT(
      Lines(*report, "rcpc_timeliness"),
      ::testing::ElementsAre(
          "x review 2024-02-28 excluded num=0 den=0 reason=duplicate_review "
          "rule=- slot=0 anchor=- due=- practical=- late=- chair=IRO2",
          "x review 2024-02-28 on_time num=1 den=1 reason=- "
          "rule=cp.first_rcpc slot=1 anchor=2023-11-30 due=2024-02-29 "
          "practical=2024-02-29 late=-1 chair=IRO2",
          "y review 2024-03-04 excluded num=0 den=0 "
          "reason=review_outside_plan rule=- slot=0 anchor=- due=- "
          "practical=- late=- chair=-",
          "x overdue_slot 2024-08-28 overdue num=0 den=1 reason=- "
          "rule=cp.subsequent_rcpc slot=2 anchor=2024-02-28 due=2024-08-28 "
          "practical=2024-08-28 late=3 chair=-"));
}

TEST(CaseRows, PlansExactly18And24MonthsOldAndAnEarlierOpenPlan) {
  Dataset data;
  Present(&data, "cin.cp_plans");
  // April 2020 (E = 30 Apr): a is 18 months old on 29 Apr (over); b
  // exactly on 30 Apr (not over).
  data.cp_plans.push_back(Plan("a", D(2018, 10, 29), {}));
  data.cp_plans.push_back(Plan("b", D(2018, 10, 30), {}));
  absl::StatusOr<Report> report = Detail(data, "2020-04");
  ASSERT_THAT(report, IsOk());
  const std::string rest = " rule=- slot=0 due=- practical=- late=- chair=-";
  std::vector<std::string> open =
      Lines(*report, "cp_plans_open_over_18_months");
  std::sort(open.begin(), open.end());
  EXPECT_THAT(open, ::testing::ElementsAre(
                        "a plan 2020-04-30 counted num=1 den=1 reason=- "
                        "rule=- slot=0 anchor=2018-10-29 due=- practical=- "
                        "late=- chair=-",
                        "b plan 2020-04-30 not_counted num=0 den=1 reason=- "
                        "rule=- slot=0 anchor=2018-10-30 due=- practical=- "
                        "late=- chair=-"));

  // Ending after exactly 24 months (31 Mar 2022 -> 31 Mar 2024) counts; a
  // day short does not; no start is excluded.
  Dataset ended;
  Present(&ended, "cin.cp_plans");
  ended.cp_plans.push_back(Plan("c", D(2022, 3, 31), D(2024, 3, 31)));
  ended.cp_plans.push_back(Plan("d", D(2022, 3, 31), D(2024, 3, 30)));
  ended.cp_plans.push_back(Plan("e", std::nullopt, D(2024, 1, 1)));
  // f: an earlier plan with no end date, then a new one: a repeat within 2
  // years.
  ended.cp_plans.push_back(Plan("f", D(2015, 3, 2), {}));
  ended.cp_plans.push_back(Plan("f", D(2023, 6, 5), D(2024, 3, 31)));
  report = Detail(ended, "2023-24");
  ASSERT_THAT(report, IsOk());
  EXPECT_THAT(Lines(*report, "cp_plans_ended_2y_plus"),
              ::testing::ElementsAre(
                  "e plan 2024-01-01 excluded num=0 den=0 "
                  "reason=missing_start rule=- slot=0 anchor=- due=- "
                  "practical=- late=- chair=-",
                  "d plan 2024-03-30 not_counted num=0 den=1 reason=- rule=- "
                  "slot=0 anchor=2022-03-31 due=- practical=- late=- chair=-",
                  "c plan 2024-03-31 counted num=1 den=1 reason=- rule=- "
                  "slot=0 anchor=2022-03-31 due=- practical=- late=- chair=-",
                  "f plan 2024-03-31 not_counted num=0 den=1 reason=- rule=- "
                  "slot=0 anchor=2023-06-05 due=- practical=- late=- "
                  "chair=-"));
  EXPECT_THAT(Lines(*report, "cp_repeat_plans_2y"),
              ::testing::ElementsAre(
                  "f plan 2023-06-05 counted num=1 den=1 reason=- rule=- "
                  "slot=0 anchor=2023-06-05 due=- practical=- late=- "
                  "chair=-"));
}

TEST(CaseRows, MeetingActionsAtThePeriodsEnd) {
  Dataset data;
  Present(&data, "meetings");
  // Held Mon 30 Mar 2020, the period's last working day. Decisions due
  // 5 working days later, Mon 6 Apr, sent Fri 3 Apr: on time, though after
  // the period. The record is due 20 working days later, Wed 29 Apr (Easter
  // skipped), and not recorded: not yet due at 31 Mar. The report, received
  // Fri 27 Mar, was due by the day before the review, Sun 29 Mar
  // (practical: Fri 27 Mar).
  data.meetings.push_back(
      Meeting("k", "2020-03-30", "IRO1", "2020-04-03", "", "2020-03-27"));
  absl::StatusOr<Report> report = Detail(data, "2019-20");
  ASSERT_THAT(report, IsOk());
  EXPECT_THAT(Lines(*report, "lac_review_decisions_5wd"),
              ::testing::ElementsAre(
                  "k action 2020-03-30 on_time num=1 den=1 reason=- "
                  "rule=lac.review_decisions slot=0 anchor=2020-03-30 "
                  "due=2020-04-06 practical=2020-04-06 late=-1 chair=IRO1"));
  EXPECT_THAT(Lines(*report, "lac_review_record_20wd"),
              ::testing::ElementsAre(
                  "k action 2020-03-30 excluded num=0 den=0 reason=not_yet_due "
                  "rule=lac.review_record slot=0 anchor=2020-03-30 "
                  "due=2020-04-29 practical=2020-04-29 late=- chair=IRO1"));
  EXPECT_THAT(Lines(*report, "lac_review_sw_report_24h"),
              ::testing::ElementsAre(
                  "k action 2020-03-30 on_time num=1 den=1 reason=- "
                  "rule=lac.sw_report slot=0 anchor=2020-03-30 due=2020-03-29 "
                  "practical=2020-03-27 late=0 chair=IRO1"));
}

TEST(CaseRows, NoRowsWithoutDetail) {
  absl::StatusOr<Report> report = ComputeReport(
      LacData(), *ReportingPeriod::Parse("2019-20"), ReportConfig(), {});
  ASSERT_THAT(report, IsOk());
  EXPECT_FALSE(report->detail);
  for (const KpiResult& kpi : report->kpis) EXPECT_TRUE(kpi.cases.empty());
}

TEST(CaseRows, ExplainingOneChildGivesItsRowsWithTheWorking) {
  absl::StatusOr<Report> all = Detail(LacData(), "2019-20", D(2019, 4, 1));
  absl::StatusOr<Report> one = Detail(LacData(), "2019-20", D(2019, 4, 1), "H");
  ASSERT_THAT(all, IsOk());
  ASSERT_THAT(one, IsOk());
  const KpiResult* kpi = Find(*one, "lac_review_timeliness");
  ASSERT_EQ(kpi->cases.size(), 1u);
  EXPECT_EQ(Line(kpi->cases[0]),
            Line(Find(*all, "lac_review_timeliness")->cases[6]));
  EXPECT_THAT(kpi->cases[0].explanation,
              ::testing::AllOf(
                  ::testing::HasSubstr("the period of care from 2020-01-03 "
                                       "(RNE S), still open"),
                  ::testing::HasSubstr("lac.first_review"),
                  ::testing::HasSubstr("Fri 31 Jan 2020"),
                  ::testing::HasSubstr("filled by the review held 2020-02-03"),
                  ::testing::HasSubstr("counts as: late: done 1 working days "
                                       "after the due date")));
  // The full detail carries no working.
  for (const CaseRow& row : Find(*all, "lac_review_timeliness")->cases) {
    EXPECT_TRUE(row.explanation.empty());
  }
}

// ---- The rows are the figure, over random data
// ------------------------------------------------------------

bool SameCounts(const KpiCounts& a, const KpiCounts& b) {
  return a.numerator == b.numerator && a.denominator == b.denominator &&
         a.excluded == b.excluded &&
         a.overdue_at_period_end == b.overdue_at_period_end;
}

std::string Describe(const KpiCounts& c) {
  std::string text = absl::StrFormat("%d/%d overdue %d", c.numerator,
                                     c.denominator, c.overdue_at_period_end);
  for (const auto& [reason, n] : c.excluded) {
    if (n != 0) absl::StrAppend(&text, " ", reason, "=", n);
  }
  return text;
}

// The counts of `rows`, by the contract's words, with every reason of
// `like` present.
KpiCounts Tally(const std::vector<const CaseRow*>& rows,
                const KpiCounts& like) {
  KpiCounts counts;
  for (const auto& [reason, n] : like.excluded) counts.excluded[reason] = 0;
  for (const CaseRow* row : rows) {
    counts.numerator += row->in_numerator;
    counts.denominator += row->in_denominator;
    if (!row->reason.empty()) ++counts.excluded[std::string(row->reason)];
    counts.overdue_at_period_end += row->outcome == CaseOutcome::kOverdue;
  }
  return counts;
}

class CaseRowInvariant : public ::testing::TestWithParam<uint32_t> {};

TEST_P(CaseRowInvariant, EveryKpisRowsMakeItsFiguresByPeriodMonthAndChair) {
  const Dataset data =
      ::timescales::testing::RandomData(GetParam()).MakeWithCin();
  for (const char* text :
       {"2018-19", "2018-19-Q3", "2019-01", "2018-06-15..2019-02-10"}) {
    const ReportingPeriod period = *ReportingPeriod::Parse(text);
    ReportOptions options;
    if (GetParam() % 2 == 0) options.data_from = D(2017, 1, 1);
    absl::StatusOr<Report> plain =
        ComputeReport(data, period, ReportConfig(), options);
    options.detail = true;
    absl::StatusOr<Report> detail =
        ComputeReport(data, period, ReportConfig(), options);
    ASSERT_THAT(plain, IsOk());
    ASSERT_THAT(detail, IsOk());
    ASSERT_EQ(plain->kpis.size(), 11u);
    ASSERT_EQ(detail->kpis.size(), 11u);
    for (size_t k = 0; k < detail->kpis.size(); ++k) {
      const KpiResult& kpi = detail->kpis[k];
      const std::string where = absl::StrCat(text, " ", kpi.id);
      // Asking for the rows changes no figure.
      EXPECT_TRUE(SameCounts(kpi.headline, plain->kpis[k].headline)) << where;
      for (size_t m = 0; m < kpi.monthly.size(); ++m) {
        EXPECT_TRUE(
            SameCounts(kpi.monthly[m].second, plain->kpis[k].monthly[m].second))
            << where << " " << kpi.monthly[m].first;
      }
      std::vector<const CaseRow*> all;
      for (const CaseRow& row : kpi.cases) {
        all.push_back(&row);
        EXPECT_GE(row.date, period.start) << where << " " << Line(row);
        EXPECT_LE(row.date, period.end) << where << " " << Line(row);
        EXPECT_EQ(row.outcome == CaseOutcome::kExcluded, !row.reason.empty())
            << where << " " << Line(row);
        EXPECT_EQ(row.outcome == CaseOutcome::kExcluded, !row.in_denominator)
            << where << " " << Line(row);
        EXPECT_TRUE(!row.in_numerator || row.in_denominator) << where;
        EXPECT_EQ(row.outcome == CaseOutcome::kOverdue,
                  row.item == CaseItem::kOverdueSlot)
            << where << " " << Line(row);
        EXPECT_TRUE(row.explanation.empty()) << where;
      }
      // The headline.
      const KpiCounts rows = Tally(all, kpi.headline);
      EXPECT_TRUE(SameCounts(rows, kpi.headline))
          << where << ": rows " << Describe(rows) << ", figure "
          << Describe(kpi.headline);
      // Each month: the rows dated in it are its figure, but for the slots
      // overdue at the headline's end (a month judges its own) and the
      // plans open at the end (a snapshot of each month's end).
      if (kpi.id == "cp_plans_open_over_18_months") continue;
      for (const auto& [month, counts] : kpi.monthly) {
        std::vector<const CaseRow*> in_month;
        for (const CaseRow* row : all) {
          if (row->Month() == month && row->item != CaseItem::kOverdueSlot) {
            in_month.push_back(row);
          }
        }
        KpiCounts expected = counts;
        expected.denominator -= counts.overdue_at_period_end;
        expected.overdue_at_period_end = 0;
        const KpiCounts made = Tally(in_month, counts);
        EXPECT_TRUE(SameCounts(made, expected))
            << where << " " << month << ": rows " << Describe(made)
            << ", figure " << Describe(expected);
      }
    }
    // Each chair: the meeting KPIs' rows by chair are the breakdown.
    for (const ChairRow& chair : detail->by_chair) {
      const std::pair<const char*, const KpiCounts*> kpis[] = {
          {"lac_review_decisions_5wd", &chair.decisions},
          {"lac_review_record_20wd", &chair.record},
          {"lac_review_sw_report_24h", &chair.sw_report}};
      for (const auto& [id, counts] : kpis) {
        std::vector<const CaseRow*> of_chair;
        for (const CaseRow& row : Find(*detail, id)->cases) {
          if (row.chair_id == chair.chair_id) of_chair.push_back(&row);
        }
        EXPECT_TRUE(SameCounts(Tally(of_chair, *counts), *counts))
            << text << " " << id << " " << chair.chair_id;
      }
    }
    // One child explained: its rows, as the full detail has them, with the
    // working.
    for (const char* child : {"C7", "C42", "P3", "P11"}) {
      ReportOptions one = options;
      one.detail_child = child;
      absl::StatusOr<Report> explained =
          ComputeReport(data, period, ReportConfig(), one);
      ASSERT_THAT(explained, IsOk());
      for (size_t k = 0; k < detail->kpis.size(); ++k) {
        std::vector<std::string> expected;
        for (const CaseRow& row : detail->kpis[k].cases) {
          if (row.child == child) expected.push_back(Line(row));
        }
        std::vector<std::string> got;
        for (const CaseRow& row : explained->kpis[k].cases) {
          got.push_back(Line(row));
          EXPECT_FALSE(row.explanation.empty()) << Line(row);
        }
        EXPECT_EQ(got, expected)
            << text << " " << child << " " << detail->kpis[k].id;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, CaseRowInvariant,
                         ::testing::Values(1u, 2u, 3u, 4u, 5u, 6u, 7u, 8u));

}  // namespace
}  // namespace timescales
