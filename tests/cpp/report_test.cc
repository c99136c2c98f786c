// Tests of the KPI engine (docs/kpis.md) over hand-built datasets: each case is
// counted by hand in the comments beside it.

#include "timescales/report.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/fixtures.h"
#include "testing/records.h"
#include "testing/status_matchers.h"

namespace timescales {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;
using ::timescales::testing::D;
using ::timescales::testing::Ep;
using ::timescales::testing::Find;
using ::timescales::testing::IsOk;
using ::timescales::testing::Meeting;
using ::timescales::testing::Plan;
using ::timescales::testing::Present;
using ::timescales::testing::Rev;
using ::timescales::testing::S47;
using ::timescales::testing::StatusIs;

ReportingPeriod P(const char* text) { return *ReportingPeriod::Parse(text); }

absl::StatusOr<Report> RunReport(const Dataset& data, const char* period,
                                 std::optional<Date> data_from = std::nullopt,
                                 const ReportConfig& config = ReportConfig()) {
  ReportOptions options;
  options.data_from = data_from;
  return ComputeReport(data, P(period), config, options);
}

// ---- LAC review timeliness
// ------------------------------------------------------

Dataset LacData() {
  Dataset data;
  Present(&data, "ssda903.episodes");
  Present(&data, "ssda903.reviews");
  // A: looked after Fri 20 Dec 2019 (S), open; first review due 22 Jan 2020
  // held then (on time); second due 22 Apr held 23 Apr (late); third due
  // 23 Oct 2020, never held.
  data.episodes.push_back(Ep("A", D(2019, 12, 20), "S", "C2"));
  data.reviews.push_back(Rev("A", D(2020, 1, 22)));
  data.reviews.push_back(Rev("A", D(2020, 4, 23)));
  // B: in care before the data (RNE L: start unknown). Its first review in
  // the data has no known due date; the second is due 6 months after
  // 1 May 2019 = 1 Nov, held 5 Nov (late); a second row on 5 Nov is a
  // duplicate.
  data.episodes.push_back(Ep("B", D(2018, 1, 1), "L", "C2"));
  data.reviews.push_back(Rev("B", D(2019, 5, 1)));
  data.reviews.push_back(Rev("B", D(2019, 11, 5)));
  data.reviews.push_back(Rev("B", D(2019, 11, 5)));
  // C: a short break (V3) period; its review is excluded.
  data.episodes.push_back(
      Ep("C", D(2019, 6, 1), "S", "V3", D(2019, 7, 15), "E13"));
  data.reviews.push_back(Rev("C", D(2019, 7, 1)));
  // D: a review with no episodes at all.
  data.reviews.push_back(Rev("D", D(2019, 8, 1)));
  // E: looked after Mon 3 Feb 2020, no review: due Mon 2 Mar 2020, overdue.
  data.episodes.push_back(Ep("E", D(2020, 2, 3), "S", "C2"));
  // F: left care (10 Mar) before its due date (30 Mar): no review needed.
  data.episodes.push_back(
      Ep("F", D(2020, 3, 2), "S", "C2", D(2020, 3, 10), "E3"));
  // G: left care on the due date itself (2 Mar): no review needed.
  data.episodes.push_back(
      Ep("G", D(2020, 2, 3), "S", "C2", D(2020, 3, 2), "E11"));
  return data;
}

TEST(LacReviewTimeliness, CountsChainsExclusionsAndOverdueSlots) {
  absl::StatusOr<Report> report =
      RunReport(LacData(), "2019-20", D(2019, 4, 1));
  ASSERT_THAT(report, IsOk());
  const KpiResult* kpi = Find(*report, "lac_review_timeliness");
  ASSERT_NE(kpi, nullptr);
  // Held with a known due date: A 22 Jan (on time), B 5 Nov (late); plus
  // E's overdue first review (due 2 Mar).
  EXPECT_EQ(kpi->headline.denominator, 3);
  EXPECT_EQ(kpi->headline.numerator, 1);
  EXPECT_EQ(kpi->headline.overdue_at_period_end, 1);
  EXPECT_EQ(*kpi->headline.value, 33.33);
  EXPECT_THAT(
      kpi->headline.excluded,
      ElementsAre(Pair("duplicate_review", 1), Pair("no_period_of_care", 1),
                  Pair("previous_review_unknown", 1), Pair("short_breaks", 1)));
  EXPECT_TRUE(kpi->has_overdue);
  // Monthly: Nov 2019 B late, Jan 2020 A on time, Mar 2020 E overdue.
  ASSERT_EQ(kpi->monthly.size(), 12u);
  EXPECT_EQ(kpi->monthly[7].first, "2019-11");
  EXPECT_EQ(kpi->monthly[7].second.denominator, 1);
  EXPECT_EQ(kpi->monthly[7].second.numerator, 0);
  EXPECT_EQ(kpi->monthly[9].second.numerator, 1);
  EXPECT_EQ(kpi->monthly[11].second.overdue_at_period_end, 1);
  EXPECT_FALSE(kpi->monthly[0].second.value.has_value());  // Apr: 0/0
  // The previous year starts before the coverage start: not reported.
  EXPECT_FALSE(kpi->previous.has_value());
}

TEST(LacReviewTimeliness, NextYearSeesTheLateReviewAndTheOverdueThird) {
  absl::StatusOr<Report> report =
      RunReport(LacData(), "2020-21", D(2019, 4, 1));
  ASSERT_THAT(report, IsOk());
  const KpiResult* kpi = Find(*report, "lac_review_timeliness");
  ASSERT_NE(kpi, nullptr);
  // A 23 Apr late; A's third due 23 Oct 2020 overdue; B's next due 5 May
  // 2020 overdue (B still open); E's slot 1 was due in the previous year.
  EXPECT_EQ(kpi->headline.denominator, 3);
  EXPECT_EQ(kpi->headline.numerator, 0);
  EXPECT_EQ(kpi->headline.overdue_at_period_end, 2);
  ASSERT_TRUE(kpi->previous.has_value());
  EXPECT_EQ(kpi->previous_period->label, "2019-20");
  EXPECT_EQ(kpi->previous->denominator, 3);
}

TEST(LacReviewTimeliness, DefaultCoverageStartIsTheEarliestReview) {
  // Earliest review is B's 1 May 2019: A (20 Dec 2019) is still anchored;
  // nothing changes for 2019-20.
  absl::StatusOr<Report> report = RunReport(LacData(), "2019-20");
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(*report->lac_coverage_start, D(2019, 5, 1));
  EXPECT_EQ(Find(*report, "lac_review_timeliness")->headline.denominator, 3);
}

TEST(LacReviewTimeliness, APeriodEndingOnTheDueDateCountsItOverdue) {
  Dataset data;
  Present(&data, "ssda903.episodes");
  Present(&data, "ssda903.reviews");
  data.episodes.push_back(Ep("A", D(2019, 12, 20), "S", "C2"));
  // Due Wed 22 Jan 2020; a period ending that day with no review: overdue.
  absl::StatusOr<Report> report =
      RunReport(data, "2019-04-01..2020-01-22", D(2019, 4, 1));
  ASSERT_THAT(report, IsOk());
  const KpiResult* kpi = Find(*report, "lac_review_timeliness");
  EXPECT_EQ(kpi->headline.overdue_at_period_end, 1);
  // Ending the day before: not yet due, nothing counted.
  report = RunReport(data, "2019-04-01..2020-01-21", D(2019, 4, 1));
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(Find(*report, "lac_review_timeliness")->headline.denominator, 0);
}

// docs/kpis.md#periods-of-care: a period whose last episode has REC = X1 is
// open only "with no episode after it". Followed by a new period (RNE = S), it
// ends at its DEC.
TEST(LacReviewTimeliness, AnX1EpisodeFollowedByANewPeriodEndsItsPeriod) {
  Dataset data;
  Present(&data, "ssda903.episodes");
  Present(&data, "ssda903.reviews");
  data.episodes.push_back(
      Ep("A", D(2019, 5, 1), "S", "C2", D(2019, 7, 1), "X1"));
  data.episodes.push_back(Ep("A", D(2019, 7, 1), "S", "C2"));
  // Period 1, Wed 1 May - Mon 1 Jul: first review due Fri 31 May (6 and
  // 27 May are bank holidays), held 29 May; the 3-month review would be
  // due 29 Aug, after the period ended: no slot.
  data.reviews.push_back(Rev("A", D(2019, 5, 29)));
  // Period 2 from Mon 1 Jul: first review due Mon 29 Jul, held that day;
  // the next due Tue 29 Oct 2019, never held: overdue at 31 Mar 2020.
  data.reviews.push_back(Rev("A", D(2019, 7, 29)));
  absl::StatusOr<Report> report = RunReport(data, "2019-20", D(2019, 4, 1));
  ASSERT_THAT(report, IsOk());
  const KpiResult* kpi = Find(*report, "lac_review_timeliness");
  EXPECT_EQ(kpi->headline.numerator, 2);
  EXPECT_EQ(kpi->headline.denominator, 3);
  EXPECT_EQ(kpi->headline.overdue_at_period_end, 1);
  // The same X1 episode as the child's last stays open: one period, whose
  // 29 Jul review is its second (due 29 Aug, in time), and whose next
  // review (due 29 Jan 2020) is overdue.
  data.episodes.pop_back();
  report = RunReport(data, "2019-20", D(2019, 4, 1));
  ASSERT_THAT(report, IsOk());
  kpi = Find(*report, "lac_review_timeliness");
  EXPECT_EQ(kpi->headline.numerator, 2);
  EXPECT_EQ(kpi->headline.denominator, 3);
  EXPECT_EQ(kpi->headline.overdue_at_period_end, 1);
}

// ---- Participation
// ---------------------------------------------------------------

TEST(LacReviewParticipation, Domain6Example29PlusExclusions) {
  Dataset data;
  Present(&data, "ssda903.reviews");
  Present(&data, "ssda903.episodes");
  const char* codes[] = {"PN0", "PN0", "PN1", "PN1", "PN1",
                         "PN3", "PN5", "PN6", "PN7", "PN7"};
  int day = 1;
  for (const char* code : codes) {
    data.reviews.push_back(Rev("K", D(2019, 6, day++), code));
  }
  data.reviews.push_back(Rev("K", D(2019, 6, 1), "PN1"));   // duplicate
  data.reviews.push_back(Rev("K", D(2019, 6, 20), ""));     // missing
  data.reviews.push_back(Rev("K", D(2019, 6, 21), "PN9"));  // not a code
  data.episodes.push_back(Ep("S", D(2019, 6, 1), "S", "V4"));
  data.reviews.push_back(Rev("S", D(2019, 6, 5), "PN1"));  // short break
  data.reviews.push_back(Rev("K", D(2020, 6, 5), "PN1"));  // after E
  absl::StatusOr<Report> report = RunReport(data, "2019-20");
  ASSERT_THAT(report, IsOk());
  const KpiResult* kpi = Find(*report, "lac_review_participation");
  ASSERT_NE(kpi, nullptr);
  EXPECT_EQ(kpi->headline.numerator, 6);
  EXPECT_EQ(kpi->headline.denominator, 8);
  EXPECT_EQ(*kpi->headline.value, 75.0);
  EXPECT_THAT(kpi->headline.excluded,
              ElementsAre(Pair("duplicate_review", 1), Pair("missing_code", 2),
                          Pair("short_breaks", 1), Pair("under_4", 2)));
  EXPECT_FALSE(kpi->has_overdue);
}

// docs/rules.md#participation's other measures: attendance (PN1-PN4 of PN1-PN7)
// and child-level (children whose every review in the period is PN1-PN6).
TEST(LacReviewParticipation, AttendanceAndChildLevelMeasures) {
  Dataset data;
  Present(&data, "ssda903.reviews");
  Present(&data, "ssda903.episodes");
  int day = 1;
  for (const char* code : {"PN0", "PN1", "PN3", "PN5", "PN6", "PN7"}) {
    data.reviews.push_back(Rev("K", D(2019, 6, day++), code));
  }
  data.reviews.push_back(Rev("K", D(2019, 6, 1), "PN1"));  // duplicate
  data.reviews.push_back(Rev("L", D(2019, 7, 1), "PN2"));
  data.reviews.push_back(Rev("L", D(2019, 8, 1), "PN4"));
  data.reviews.push_back(Rev("M", D(2019, 7, 1), "PN0"));  // only excluded
  data.reviews.push_back(Rev("N", D(2019, 7, 1), "PN6"));
  data.reviews.push_back(Rev("N", D(2020, 7, 1), "PN7"));  // after E

  absl::StatusOr<Report> reviews = RunReport(data, "2019-20");
  ASSERT_THAT(reviews, IsOk());
  const KpiResult* kpi = Find(*reviews, "lac_review_participation");
  // PN1 PN3 PN5 PN6, PN2 PN4, PN6 of those and PN7.
  EXPECT_EQ(kpi->headline.numerator, 7);
  EXPECT_EQ(kpi->headline.denominator, 8);

  auto attendance =
      ReportConfig::FromJson(R"({"policy": {"participation": "attendance"}})");
  ASSERT_THAT(attendance, IsOk());
  absl::StatusOr<Report> attended =
      RunReport(data, "2019-20", std::nullopt, *attendance);
  ASSERT_THAT(attended, IsOk());
  kpi = Find(*attended, "lac_review_participation");
  // PN1 PN3, PN2 PN4 of the same eight.
  EXPECT_EQ(kpi->headline.numerator, 4);
  EXPECT_EQ(kpi->headline.denominator, 8);
  EXPECT_EQ(kpi->title, "LAC reviews the child attended (PN1-PN4 of PN1-PN7)");
  EXPECT_THAT(attended->policy,
              ::testing::HasSubstr("participation as attendance"));

  auto children =
      ReportConfig::FromJson(R"({"policy": {"participation": "children"}})");
  ASSERT_THAT(children, IsOk());
  absl::StatusOr<Report> per_child =
      RunReport(data, "2019-20", std::nullopt, *children);
  ASSERT_THAT(per_child, IsOk());
  kpi = Find(*per_child, "lac_review_participation");
  EXPECT_EQ(kpi->title,
            "Children who participated in every LAC review in the period "
            "(PN1-PN6)");
  // K has a PN7: no. L and N: yes. M has no counted review: not in.
  EXPECT_EQ(kpi->headline.numerator, 2);
  EXPECT_EQ(kpi->headline.denominator, 3);
  EXPECT_THAT(kpi->headline.excluded,
              ElementsAre(Pair("duplicate_review", 1), Pair("missing_code", 0),
                          Pair("short_breaks", 0), Pair("under_4", 2)));
  // June alone: K only, with its PN7. July: L and N, both yes.
  ASSERT_GE(kpi->monthly.size(), 4u);
  EXPECT_EQ(kpi->monthly[2].second.numerator, 0);
  EXPECT_EQ(kpi->monthly[2].second.denominator, 1);
  EXPECT_EQ(kpi->monthly[3].second.numerator, 2);
  EXPECT_EQ(kpi->monthly[3].second.denominator, 2);

  EXPECT_THAT(
      ReportConfig::FromJson(R"({"policy": {"participation": "sometimes"}})"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               ::testing::HasSubstr("participation")));
}

// ---- Child protection
// ------------------------------------------------------------

TEST(IcpcTimeliness, FifteenWorkingDaysFromTheStrategyDiscussion) {
  Dataset data;
  Present(&data, "cin.section47");
  // Example 15: due Tue 4 Oct 2022 (the state funeral is skipped).
  data.section47.push_back(S47("a", D(2022, 9, 12), D(2022, 10, 4)));
  data.section47.push_back(S47("b", D(2022, 9, 12), D(2022, 10, 5)));
  data.section47.push_back(S47("c", D(2022, 9, 12), D(2022, 9, 1)));
  data.section47.push_back(S47("d", std::nullopt, D(2022, 10, 10)));
  data.section47.push_back(S47("e", D(2022, 9, 12), std::nullopt));
  absl::StatusOr<Report> report = RunReport(data, "2022-23");
  ASSERT_THAT(report, IsOk());
  const KpiResult* kpi = Find(*report, "icpc_timeliness");
  ASSERT_NE(kpi, nullptr);
  EXPECT_EQ(kpi->headline.numerator, 1);
  EXPECT_EQ(kpi->headline.denominator, 2);
  EXPECT_THAT(
      kpi->headline.excluded,
      ElementsAre(Pair("icpc_before_s47", 1), Pair("missing_s47_start", 1)));
  // Only the CIN KPIs: the others are named missing, never reported as 0.
  EXPECT_EQ(Find(*report, "lac_review_timeliness"), nullptr);
  EXPECT_THAT(report->missing, ::testing::Contains("lac_review_timeliness"));
  EXPECT_THAT(report->missing, ::testing::Contains("lac_review_decisions_5wd"));
}

// The census holds only the initiating strategy discussion: a report under
// a "last discussion" policy is refused rather than measured from it.
TEST(IcpcTimeliness, ALastDiscussionPolicyIsRefusedForCensusData) {
  auto config =
      ReportConfig::FromJson(R"({"policy": {"icpc_anchor": "last"}})");
  ASSERT_THAT(config, IsOk());
  Dataset census;
  Present(&census, "cin.section47");
  census.section47.push_back(S47("a", D(2022, 9, 12), D(2022, 10, 4)));
  EXPECT_THAT(RunReport(census, "2022-23", std::nullopt, *config),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       ::testing::HasSubstr("S47ActualStartDate")));
  // Without enquiries the policy changes nothing the report computes.
  Dataset lac;
  Present(&lac, "ssda903.episodes");
  Present(&lac, "ssda903.reviews");
  EXPECT_THAT(RunReport(lac, "2022-23", std::nullopt, *config), IsOk());
}

// Each census repeats the enquiries of its year: one with no start date is
// known by its child and ICPC date, and excluded once, not once a census.
TEST(IcpcTimeliness, AnEnquiryWithoutAStartInSeveralCensusesCountsOnce) {
  Dataset data;
  Present(&data, "cin.section47");
  for (int census = 0; census < 2; ++census) {
    data.section47.push_back(S47("a", std::nullopt, D(2022, 10, 10)));
    data.section47.push_back(S47("b", D(2022, 9, 12), D(2022, 10, 4)));
  }
  // Another child's enquiry with the same ICPC date is another enquiry.
  data.section47.push_back(S47("c", std::nullopt, D(2022, 10, 10)));
  absl::StatusOr<Report> report = RunReport(data, "2022-23");
  ASSERT_THAT(report, IsOk());
  const KpiResult* kpi = Find(*report, "icpc_timeliness");
  EXPECT_EQ(kpi->headline.numerator, 1);
  EXPECT_EQ(kpi->headline.denominator, 1);
  EXPECT_THAT(
      kpi->headline.excluded,
      ElementsAre(Pair("icpc_before_s47", 0), Pair("missing_s47_start", 2)));
}

TEST(RcpcTimeliness, ChainsFromThePlanStart) {
  Dataset data;
  Present(&data, "cin.cp_plans");
  // Example 6: ICPC Thu 30 Nov 2023 -> first RCPC due 29 Feb 2024, held
  // 28 Feb; next due 28 Aug 2024, never held: overdue in 2024-25.
  data.cp_plans.push_back(Plan("a", D(2023, 11, 30), {}, {D(2024, 2, 28)}));
  // 10 Jan 2022 -> due 10 Apr 2022 held 8 Apr (on time); next due 8 Oct
  // held 20 Oct (late), twice (duplicate); a review after the plan ended.
  data.cp_plans.push_back(
      Plan("b", D(2022, 1, 10), D(2023, 6, 1),
           {D(2022, 4, 8), D(2022, 10, 20), D(2022, 10, 20), D(2023, 7, 1)}));
  absl::StatusOr<Report> y2022 = RunReport(data, "2022-23", D(2021, 4, 1));
  ASSERT_THAT(y2022, IsOk());
  const KpiResult* kpi = Find(*y2022, "rcpc_timeliness");
  ASSERT_NE(kpi, nullptr);
  // 8 Apr on time, 20 Oct late; b's next slot is due 20 Apr 2023, after
  // the period.
  EXPECT_EQ(kpi->headline.numerator, 1);
  EXPECT_EQ(kpi->headline.denominator, 2);
  EXPECT_EQ(kpi->headline.overdue_at_period_end, 0);
  EXPECT_EQ(kpi->headline.excluded.at("duplicate_review"), 1);
  absl::StatusOr<Report> y2023 = RunReport(data, "2023-24", D(2021, 4, 1));
  ASSERT_THAT(y2023, IsOk());
  kpi = Find(*y2023, "rcpc_timeliness");
  // a's 28 Feb 2024 on time; b overdue from 20 Apr 2023 (the plan ran to
  // 1 Jun); b's review after its end is excluded.
  EXPECT_EQ(kpi->headline.numerator, 1);
  EXPECT_EQ(kpi->headline.denominator, 2);
  EXPECT_EQ(kpi->headline.overdue_at_period_end, 1);
  EXPECT_EQ(kpi->headline.excluded.at("review_outside_plan"), 1);
  absl::StatusOr<Report> y2024 = RunReport(data, "2024-25", D(2021, 4, 1));
  ASSERT_THAT(y2024, IsOk());
  kpi = Find(*y2024, "rcpc_timeliness");
  EXPECT_EQ(kpi->headline.denominator, 1);
  EXPECT_EQ(kpi->headline.overdue_at_period_end, 1);
}

TEST(RcpcTimeliness, CoverageFromTheCensusReferenceDate) {
  Dataset data;
  Present(&data, "cin.cp_plans");
  data.cin_reference_date = D(2023, 3, 31);
  // Plan started before the collection (1 Apr 2022): unanchored; its first
  // review in the data has no known due date.
  data.cp_plans.push_back(
      Plan("a", D(2022, 1, 10), {}, {D(2022, 7, 1), D(2022, 12, 20)}));
  absl::StatusOr<Report> report = RunReport(data, "2022-23");
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(*report->cp_coverage_start, D(2022, 4, 1));
  const KpiResult* kpi = Find(*report, "rcpc_timeliness");
  EXPECT_EQ(kpi->headline.excluded.at("previous_review_unknown"), 1);
  // 1 Jul + 6 months = 1 Jan 2023; held 20 Dec: on time.
  EXPECT_EQ(kpi->headline.numerator, 1);
  EXPECT_EQ(kpi->headline.denominator, 1);
}

TEST(CpPlans, RepeatPlansBothDefinitions) {
  Dataset data;
  Present(&data, "cin.cp_plans");
  data.cp_plans.push_back(Plan("x", D(2019, 5, 1), D(2019, 8, 1)));
  data.cp_plans.push_back(Plan("x", D(2019, 10, 1), {}));  // repeat, in 2y
  data.cp_plans.push_back(Plan("y", D(2019, 6, 1), {}, {}, 2));  // repeat
  data.cp_plans.push_back(Plan("z", D(2019, 7, 1), {}, {}, 0));
  // Example 30: previous plan ended 1 Jun 2019, new plan 15 Jan 2024:
  // a repeat plan (DfE) but not within 2 years.
  data.cp_plans.push_back(Plan("w", D(2018, 1, 1), D(2019, 6, 1)));
  data.cp_plans.push_back(Plan("w", D(2024, 1, 15), {}));
  absl::StatusOr<Report> report = RunReport(data, "2019-20");
  ASSERT_THAT(report, IsOk());
  const KpiResult* repeat = Find(*report, "cp_repeat_plans");
  EXPECT_EQ(repeat->headline.numerator, 2);
  EXPECT_EQ(repeat->headline.denominator, 4);
  EXPECT_EQ(*repeat->headline.value, 50.0);
  const KpiResult* two_years = Find(*report, "cp_repeat_plans_2y");
  EXPECT_EQ(two_years->headline.numerator, 1);
  EXPECT_EQ(*two_years->headline.value, 25.0);
  absl::StatusOr<Report> later = RunReport(data, "2023-24");
  ASSERT_THAT(later, IsOk());
  EXPECT_EQ(Find(*later, "cp_repeat_plans")->headline.numerator, 1);
  EXPECT_EQ(Find(*later, "cp_repeat_plans_2y")->headline.numerator, 0);
}

TEST(CpPlans, AnEarlierPlanLeftOpenCountsAndIsReportedNamingBothPlans) {
  Dataset data;
  Present(&data, "cin.cp_plans");  // file 0: "cin.cp_plans.csv"
  auto at = [](CpPlanRecord plan, int64_t line) {
    plan.source = SourceRef{0, line};
    return plan;
  };
  // x: a plan from 2015 never ended in the data, then a new plan in 2019:
  // a repeat within 2 years (the open plan has not ended), and a warning.
  data.cp_plans.push_back(at(Plan("x", D(2015, 3, 2), {}), 10));
  data.cp_plans.push_back(at(Plan("x", D(2019, 6, 3), {}), 20));
  // y: the earlier plan ended five years before: neither.
  data.cp_plans.push_back(at(Plan("y", D(2013, 1, 7), D(2014, 2, 3)), 30));
  data.cp_plans.push_back(at(Plan("y", D(2019, 7, 1), {}), 40));
  absl::StatusOr<Report> report = RunReport(data, "2019-20");
  ASSERT_THAT(report, IsOk());
  const KpiResult* kpi = Find(*report, "cp_repeat_plans_2y");
  EXPECT_EQ(kpi->headline.numerator, 1);    // x's second plan
  EXPECT_EQ(kpi->headline.denominator, 2);  // x's and y's 2019 plans
  ASSERT_EQ(report->warnings.size(), 1u);
  EXPECT_EQ(report->warnings[0].path, "cin.cp_plans.csv");
  EXPECT_EQ(report->warnings[0].line, 20);
  EXPECT_THAT(report->warnings[0].reason,
              ::testing::HasSubstr("child x: the CP plan starting 2019-06-03 "
                                   "began while an earlier plan starting "
                                   "2015-03-02 (cin.cp_plans.csv:10) has no "
                                   "end date"));
}

TEST(CpPlans, OpenOverEighteenMonthsAtTheBoundary) {
  Dataset data;
  Present(&data, "cin.cp_plans");
  // Period April 2020 (E = 30 Apr 2020).
  data.cp_plans.push_back(Plan("a", D(2018, 10, 29), {}));  // 29 Apr: over
  data.cp_plans.push_back(Plan("b", D(2018, 10, 30), {}));  // 30 Apr: exactly
  data.cp_plans.push_back(Plan("c", D(2018, 1, 1), D(2020, 4, 30)));  // ended
  data.cp_plans.push_back(Plan("d", D(2018, 1, 1), D(2020, 5, 1)));   // open
  data.cp_plans.push_back(Plan("e", D(2020, 5, 1), {}));  // not yet started
  absl::StatusOr<Report> report = RunReport(data, "2020-04");
  ASSERT_THAT(report, IsOk());
  const KpiResult* kpi = Find(*report, "cp_plans_open_over_18_months");
  EXPECT_EQ(kpi->unit, "count");
  EXPECT_EQ(kpi->headline.denominator, 3);  // a, b, d
  EXPECT_EQ(kpi->headline.numerator, 2);    // a, d
  EXPECT_EQ(*kpi->headline.value, 2.0);
}

TEST(CpPlans, EndedAfterTwoYearsOrMoreAtTheBoundary) {
  Dataset data;
  Present(&data, "cin.cp_plans");
  // docs/kpis.md#cp_plans_ended_2y_plus: 31 Mar 2022 -> 31 Mar 2024 is exactly
  // two years.
  data.cp_plans.push_back(Plan("a", D(2022, 3, 31), D(2024, 3, 31)));
  data.cp_plans.push_back(Plan("b", D(2022, 3, 31), D(2024, 3, 30)));
  data.cp_plans.push_back(Plan("c", std::nullopt, D(2024, 1, 1)));
  absl::StatusOr<Report> report = RunReport(data, "2023-24");
  ASSERT_THAT(report, IsOk());
  const KpiResult* kpi = Find(*report, "cp_plans_ended_2y_plus");
  EXPECT_EQ(kpi->headline.numerator, 1);
  EXPECT_EQ(kpi->headline.denominator, 2);
  EXPECT_EQ(kpi->headline.excluded.at("missing_start"), 1);
}

// ---- Meetings
// --------------------------------------------------------------------

TEST(MeetingKpis, DecisionsRecordAndReportWithNotYetDue) {
  Dataset data;
  Present(&data, "meetings");
  // Tue 1 Mar 2022: decisions due 8 Mar (sent 10 Mar: late), record due
  // 29 Mar (on time), no report (late).
  data.meetings.push_back(Meeting("a", "2022-03-01T10:00", "IRO2", "2022-03-10",
                                  "2022-03-29", "", 3));
  // Fri 25 Mar 2022, date only: decisions due 1 Apr and record 22 Apr,
  // neither sent by 31 Mar: not yet due. Report the day before: in time.
  data.meetings.push_back(
      Meeting("b", "2022-03-25", "", "", "", "2022-03-24", 1));
  // Wed 30 Mar 09:00: decisions due Wed 6 Apr, sent 1 Apr: after the
  // period's end but on time, so counted. No record, due 28 Apr: not yet
  // due. Report 09:30 the day before: 30 minutes late.
  data.meetings.push_back(Meeting("c", "2022-03-30T09:00", "", "2022-04-01", "",
                                  "2022-03-29T09:30"));
  // Fri 1 Apr 10:00, outside 2021-22; report exactly 24 hours before.
  data.meetings.push_back(Meeting("d", "2022-04-01T10:00", "IRO1", "2022-04-08",
                                  "2022-05-05", "2022-03-31T10:00"));
  MeetingRecord icpc = Meeting("e", "2022-03-15", "IRO2", "", "", "", 4);
  icpc.type = MeetingType::kIcpc;
  data.meetings.push_back(icpc);

  absl::StatusOr<Report> report = RunReport(data, "2021-22");
  ASSERT_THAT(report, IsOk());
  const KpiResult* decisions = Find(*report, "lac_review_decisions_5wd");
  EXPECT_EQ(decisions->headline.numerator, 1);                   // c
  EXPECT_EQ(decisions->headline.denominator, 2);                 // a, c
  EXPECT_EQ(decisions->headline.excluded.at("not_yet_due"), 1);  // b
  const KpiResult* record = Find(*report, "lac_review_record_20wd");
  EXPECT_EQ(record->headline.numerator, 1);
  EXPECT_EQ(record->headline.denominator, 1);
  EXPECT_EQ(record->headline.excluded.at("not_yet_due"), 2);
  const KpiResult* sw = Find(*report, "lac_review_sw_report_24h");
  EXPECT_EQ(sw->headline.numerator, 1);
  EXPECT_EQ(sw->headline.denominator, 3);
  EXPECT_EQ(*sw->headline.value, 33.33);

  // The next year: d is in time for all three.
  absl::StatusOr<Report> next = RunReport(data, "2022-23");
  ASSERT_THAT(next, IsOk());
  EXPECT_EQ(Find(*next, "lac_review_decisions_5wd")->headline.numerator, 1);
  EXPECT_EQ(Find(*next, "lac_review_record_20wd")->headline.numerator, 0);
  EXPECT_EQ(Find(*next, "lac_review_sw_report_24h")->headline.numerator, 1);

  // Per chair, meetings of any type in the period.
  ASSERT_EQ(report->by_chair.size(), 2u);
  EXPECT_EQ(report->by_chair[0].chair_id, "(none)");
  EXPECT_EQ(report->by_chair[0].meetings, 2);
  EXPECT_EQ(report->by_chair[0].qa_alerts, 1);
  EXPECT_EQ(report->by_chair[0].sw_report.numerator, 1);
  EXPECT_EQ(report->by_chair[0].sw_report.denominator, 2);
  EXPECT_EQ(report->by_chair[1].chair_id, "IRO2");
  EXPECT_EQ(report->by_chair[1].meetings, 2);
  EXPECT_EQ(report->by_chair[1].qa_alerts, 7);
  EXPECT_EQ(report->by_chair[1].decisions.denominator, 1);
}

// The months of 2019-20 with meeting KPI figures: April 2019 and March 2020.
const KpiCounts& Month(const KpiResult& kpi, const std::string& label) {
  for (const auto& [month, counts] : kpi.monthly) {
    if (month == label) return counts;
  }
  ADD_FAILURE() << "no month " << label;
  static const KpiCounts kNone;
  return kNone;
}

TEST(MeetingKpis, EachReviewIsJudgedByItsRecordWhereverItFalls) {
  Dataset data;
  Present(&data, "meetings");
  // Tue 30 Apr 2019: decisions due Wed 8 May (5 working days: 1-3, 7, 8
  // May; 6 May is a bank holiday), sent 8 May: on time. Record due Thu 30
  // May (20 working days, 6 and 27 May skipped), sent 31 May: late, and
  // counted in April although it went out in May.
  data.meetings.push_back(
      Meeting("a", "2019-04-30", "IRO1", "2019-05-08", "2019-05-31", ""));
  // Mon 30 Mar 2020: decisions due Mon 6 Apr (31 Mar, 1-3, 6 Apr); record
  // due Wed 29 Apr (Good Friday 10 and Easter Monday 13 Apr skipped).
  // b: both done the day after the period ends, before the due date: on
  // time. c: both done after the period's end and after the due date:
  // late. d: neither done, both due after the period: not yet due.
  data.meetings.push_back(
      Meeting("b", "2020-03-30", "IRO1", "2020-04-01", "2020-04-01", ""));
  data.meetings.push_back(
      Meeting("c", "2020-03-30", "IRO2", "2020-04-07", "2020-04-30", ""));
  data.meetings.push_back(Meeting("d", "2020-03-30", "IRO2", "", "", ""));
  // Mon 2 Mar 2020: neither done; decisions due Mon 9 Mar and the record
  // Mon 30 Mar, both inside the period: late.
  data.meetings.push_back(Meeting("e", "2020-03-02", "", "", "", ""));

  absl::StatusOr<Report> report = RunReport(data, "2019-20");
  ASSERT_THAT(report, IsOk());
  const KpiResult* decisions = Find(*report, "lac_review_decisions_5wd");
  EXPECT_EQ(decisions->headline.numerator, 2);    // a, b
  EXPECT_EQ(decisions->headline.denominator, 4);  // a, b, c, e
  EXPECT_THAT(decisions->headline.excluded,
              ElementsAre(Pair("not_yet_due", 1)));  // d
  const KpiResult* record = Find(*report, "lac_review_record_20wd");
  EXPECT_EQ(record->headline.numerator, 1);    // b
  EXPECT_EQ(record->headline.denominator, 4);  // a, b, c, e
  EXPECT_THAT(record->headline.excluded, ElementsAre(Pair("not_yet_due", 1)));

  // April holds a's late record; March holds b, c, d and e, judged as at
  // the headline's end; the other months are empty.
  EXPECT_EQ(Month(*record, "2019-04").numerator, 0);
  EXPECT_EQ(Month(*record, "2019-04").denominator, 1);
  EXPECT_EQ(Month(*decisions, "2019-04").numerator, 1);
  EXPECT_EQ(Month(*decisions, "2019-04").denominator, 1);
  EXPECT_EQ(Month(*record, "2020-03").numerator, 1);
  EXPECT_EQ(Month(*record, "2020-03").denominator, 3);
  EXPECT_EQ(Month(*record, "2020-03").excluded.at("not_yet_due"), 1);
  EXPECT_EQ(Month(*decisions, "2020-03").numerator, 1);
  EXPECT_EQ(Month(*decisions, "2020-03").denominator, 3);
  EXPECT_EQ(Month(*record, "2019-05").denominator, 0);

  // Per chair: IRO1 has a and b, IRO2 c and d, (none) e.
  ASSERT_EQ(report->by_chair.size(), 3u);
  EXPECT_EQ(report->by_chair[1].chair_id, "IRO1");
  EXPECT_EQ(report->by_chair[1].record.numerator, 1);
  EXPECT_EQ(report->by_chair[1].record.denominator, 2);
  EXPECT_EQ(report->by_chair[2].chair_id, "IRO2");
  EXPECT_EQ(report->by_chair[2].record.denominator, 1);
  EXPECT_EQ(report->by_chair[2].record.excluded.at("not_yet_due"), 1);
  EXPECT_EQ(report->by_chair[0].record.denominator, 1);

  // The quarter ending with the year sees the same four March reviews.
  absl::StatusOr<Report> q4 = RunReport(data, "2019-20-Q4");
  ASSERT_THAT(q4, IsOk());
  EXPECT_EQ(Find(*q4, "lac_review_record_20wd")->headline.denominator, 3);
  EXPECT_EQ(Find(*q4, "lac_review_decisions_5wd")->headline.numerator, 1);

  // As the previous period of 2020-21 (the data said to cover it from 1
  // April 2019), judged as at 31 March 2021, d is late.
  absl::StatusOr<Report> next = RunReport(data, "2020-21", D(2019, 4, 1));
  ASSERT_THAT(next, IsOk());
  const KpiResult* next_record = Find(*next, "lac_review_record_20wd");
  ASSERT_TRUE(next_record->previous.has_value());
  EXPECT_EQ(next_record->previous->numerator, 1);    // b
  EXPECT_EQ(next_record->previous->denominator, 5);  // a to e
  EXPECT_EQ(next_record->previous->excluded.at("not_yet_due"), 0);
}

// ---- Targets, RAG, benchmarks, configuration
// -----------------------------------------

TEST(Report, RagAndBenchmarksFollowTheConfiguration) {
  Dataset data;
  Present(&data, "cin.cp_plans");
  data.cp_plans.push_back(Plan("x", D(2019, 5, 1), D(2019, 8, 1)));
  data.cp_plans.push_back(Plan("x", D(2019, 10, 1), {}));
  data.cp_plans.push_back(Plan("y", D(2019, 6, 1), {}, {}, 2));
  data.cp_plans.push_back(Plan("z", D(2019, 7, 1), {}));
  // cp_repeat_plans = 50.0; low is good.
  auto config = ReportConfig::FromJson(R"({
    "kpis": {"cp_repeat_plans": {"target": 19, "polarity": "lower_is_better",
              "amber_tolerance": 2,
              "benchmarks": {"statistical neighbours": 22.2,
                             "outstanding shires": 19.4}},
             "cp_repeat_plans_2y": {"target": 26, "polarity":
              "lower_is_better", "amber_tolerance": 2}}})");
  ASSERT_THAT(config, IsOk());
  absl::StatusOr<Report> report =
      RunReport(data, "2019-20", std::nullopt, *config);
  ASSERT_THAT(report, IsOk());
  const KpiResult* repeat = Find(*report, "cp_repeat_plans");
  EXPECT_EQ(*repeat->rag, "red");
  ASSERT_EQ(repeat->benchmarks.size(), 2u);
  EXPECT_EQ(repeat->benchmarks[0].first, "statistical neighbours");
  EXPECT_EQ(repeat->benchmarks[0].second.first, 22.2);
  EXPECT_EQ(*repeat->benchmarks[0].second.second, 27.8);
  EXPECT_EQ(*Find(*report, "cp_repeat_plans_2y")->rag, "green");  // 25 <= 26
  ReportConfig amber_config = *config;
  amber_config.kpis["cp_repeat_plans_2y"].target =
      KpiTarget{24, Polarity::kLowerIsBetter, 2};
  report = RunReport(data, "2019-20", std::nullopt, amber_config);
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(*Find(*report, "cp_repeat_plans_2y")->rag, "amber");  // 1 worse
  amber_config.kpis["cp_repeat_plans_2y"].target =
      KpiTarget{22, Polarity::kLowerIsBetter, 2};
  report = RunReport(data, "2019-20", std::nullopt, amber_config);
  EXPECT_EQ(*Find(*report, "cp_repeat_plans_2y")->rag, "red");  // 3 worse
  amber_config.kpis["cp_repeat_plans_2y"].target =
      KpiTarget{20, Polarity::kHigherIsBetter, 2};
  report = RunReport(data, "2019-20", std::nullopt, amber_config);
  EXPECT_EQ(*Find(*report, "cp_repeat_plans_2y")->rag, "green");
}

TEST(Report, PolicyChangesTheFigures) {
  Dataset data;
  Present(&data, "ssda903.episodes");
  Present(&data, "ssda903.reviews");
  // Looked after 20 Dec 2019, reviewed 22 Jan 2020: on time by the
  // statutory count, one day late when the start is day 1 (due 21 Jan).
  data.episodes.push_back(Ep("A", D(2019, 12, 20), "S", "C2"));
  data.reviews.push_back(Rev("A", D(2020, 1, 22)));
  auto config =
      ReportConfig::FromJson(R"({"policy": {"counting": "start_is_day_one"}})");
  ASSERT_THAT(config, IsOk());
  absl::StatusOr<Report> strict =
      RunReport(data, "2019-20", D(2019, 4, 1), *config);
  ASSERT_THAT(strict, IsOk());
  EXPECT_EQ(Find(*strict, "lac_review_timeliness")->headline.numerator, 0);
  absl::StatusOr<Report> plain = RunReport(data, "2019-20", D(2019, 4, 1));
  EXPECT_EQ(Find(*plain, "lac_review_timeliness")->headline.numerator, 1);
  EXPECT_THAT(strict->policy, ::testing::HasSubstr("the event day is day 1"));
}

// A council's own timescales change what is counted and what the KPI says
// it counts; the ids stay those of the contract.
TEST(Report, ConfiguredTimescalesChangeTheCountAndTheTitle) {
  Dataset data;
  Present(&data, "meetings");
  // Tue 1 Mar 2022: record sent Tue 29 Mar, working day 20 (on time by the
  // statutory 20, late by 15: due Tue 22 Mar); report the working day
  // before, Mon 28 Feb 09:00.
  data.meetings.push_back(Meeting("a", "2022-03-01T10:00", "IRO1", "",
                                  "2022-03-29", "2022-02-28T09:00"));
  // Mon 7 Mar 2022: report Thu 3 Mar, two working days before.
  data.meetings.push_back(
      Meeting("b", "2022-03-07T10:00", "IRO1", "", "", "2022-03-03T10:00"));

  absl::StatusOr<Report> plain = RunReport(data, "2021-22");
  ASSERT_THAT(plain, IsOk());
  const KpiResult* record = Find(*plain, "lac_review_record_20wd");
  EXPECT_EQ(record->title,
            "LAC review records distributed within 20 working days");
  EXPECT_EQ(record->headline.numerator, 1);
  EXPECT_EQ(Find(*plain, "lac_review_decisions_5wd")->title,
            "LAC review decisions circulated within 5 working days");
  EXPECT_EQ(Find(*plain, "lac_review_sw_report_24h")->title,
            "Social worker reports received 24 hours before the LAC review");
  EXPECT_EQ(Find(*plain, "lac_review_sw_report_24h")->headline.numerator, 2);

  auto config = ReportConfig::FromJson(R"({
    "policy": {"sw_report": "working_days", "sw_report_working_days": 2},
    "rules": {"lac.review_record": {"offset": 15},
              "cp.icpc": {"offset": 10}}})");
  ASSERT_THAT(config, IsOk());
  absl::StatusOr<Report> local =
      RunReport(data, "2021-22", std::nullopt, *config);
  ASSERT_THAT(local, IsOk());
  record = Find(*local, "lac_review_record_20wd");
  EXPECT_EQ(record->title,
            "LAC review records distributed within 15 working days");
  EXPECT_EQ(record->headline.numerator, 0);
  // Due two working days before: Fri 25 Feb for a (late), Thu 3 Mar for b.
  const KpiResult* sw = Find(*local, "lac_review_sw_report_24h");
  EXPECT_EQ(sw->title,
            "Social worker reports received 2 working days before the LAC "
            "review");
  EXPECT_EQ(sw->headline.numerator, 1);

  Dataset census;
  Present(&census, "cin.section47");
  absl::StatusOr<Report> cp =
      RunReport(census, "2021-22", std::nullopt, *config);
  ASSERT_THAT(cp, IsOk());
  EXPECT_EQ(Find(*cp, "icpc_timeliness")->title,
            "ICPCs held within 10 working days of the strategy discussion");
}

}  // namespace
}  // namespace timescales

namespace timescales {
namespace {

TEST(CpPlans, APlanRepeatedInSeveralCensusesCountsOnce) {
  Dataset data;
  Present(&data, "cin.cp_plans");
  // The 2019-20 census: the plan open, one conference so far.
  data.cp_plans.push_back(Plan("a", D(2019, 10, 1), {}, {D(2020, 1, 1)}));
  // The 2020-21 census: the same plan, ended, with both conferences.
  data.cp_plans.push_back(Plan("a", D(2019, 10, 1), D(2020, 9, 1),
                               {D(2020, 1, 1), D(2020, 6, 15)}));
  absl::StatusOr<Report> y2019 = RunReport(data, "2019-20", D(2019, 4, 1));
  ASSERT_THAT(y2019, IsOk());
  EXPECT_EQ(Find(*y2019, "cp_repeat_plans")->headline.denominator, 1);
  EXPECT_EQ(Find(*y2019, "cp_repeat_plans")->headline.numerator, 0);
  EXPECT_EQ(Find(*y2019, "cp_plans_open_over_18_months")->headline.denominator,
            1);
  // 2020-21: 15 Jun is on time (due 1 Jul); the next conference would be
  // due 15 Dec, after the plan ended, so nothing is overdue. The 2019-20
  // copy alone (open, last conference 1 Jan) would have looked overdue.
  absl::StatusOr<Report> y2020 = RunReport(data, "2020-21", D(2019, 4, 1));
  ASSERT_THAT(y2020, IsOk());
  const KpiResult* rcpc = Find(*y2020, "rcpc_timeliness");
  EXPECT_EQ(rcpc->headline.denominator, 1);
  EXPECT_EQ(rcpc->headline.numerator, 1);
  EXPECT_EQ(rcpc->headline.excluded.at("duplicate_review"), 0);
  EXPECT_EQ(Find(*y2020, "cp_plans_ended_2y_plus")->headline.denominator, 1);
}

TEST(IcpcTimeliness, AnEnquiryRepeatedInTwoCensusesCountsOnce) {
  Dataset data;
  Present(&data, "cin.section47");
  data.section47.push_back(S47("a", D(2022, 3, 28), std::nullopt));
  data.section47.push_back(S47("a", D(2022, 3, 28), D(2022, 4, 12)));
  absl::StatusOr<Report> report = RunReport(data, "2022-23");
  ASSERT_THAT(report, IsOk());
  // 28 Mar 2022 + 15 working days = 20 Apr (Easter 15 and 18 Apr).
  const KpiResult* kpi = Find(*report, "icpc_timeliness");
  EXPECT_EQ(kpi->headline.denominator, 1);
  EXPECT_EQ(kpi->headline.numerator, 1);
}

}  // namespace
}  // namespace timescales

namespace timescales {
namespace {

// ---- The page's members (issue 15)
// -------------------------------------------

TEST(ReportPage, ContextMixYearToDateAndEarlierYears) {
  Dataset data = LacData();
  data.reviews[2].review_code = "PN7";  // B, 1 May 2019
  data.reviews[5].review_code = "";     // D, 1 Aug 2019
  ReportConfig config;
  config.report.title = "T";
  config.report.council = "C";
  absl::StatusOr<Report> r = RunReport(data, "2019-20", D(2017, 4, 1), config);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->title, "T");
  EXPECT_EQ(r->council, "C");
  EXPECT_FALSE(r->version.empty());
  ASSERT_TRUE(r->generated.has_value());
  // In care at 31 Mar 2020: A and E (B's period is open too); C, F and G
  // left, C's was a short break.
  EXPECT_EQ(r->context.children_in_care, 3);
  // Held in 2019-20, a duplicate once: A 22 Jan, B 1 May and 5 Nov, C, D.
  EXPECT_EQ(r->context.lac_reviews, 5);
  EXPECT_FALSE(r->context.icpcs.has_value());
  using Mix = std::vector<std::pair<std::string, int64_t>>;
  EXPECT_EQ(r->participation, (Mix{{"PN1", 3}, {"PN7", 1}, {"other", 1}}));
  const KpiResult* t = Find(*r, "lac_review_timeliness");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->year_to_date.size(), 12u);
  const KpiCounts& last = t->year_to_date.back().second;
  EXPECT_EQ(last.numerator, t->headline.numerator);
  EXPECT_EQ(last.denominator, t->headline.denominator);
  EXPECT_EQ(last.excluded, t->headline.excluded);
  // The data cover 2018-19 and 2017-18 (data_from 1 Apr 2017).
  ASSERT_EQ(t->earlier.size(), 2u);
  EXPECT_EQ(t->earlier[0].period.label, "2018-19");
  EXPECT_EQ(t->earlier[0].counts.denominator, t->previous->denominator);
  EXPECT_EQ(t->earlier[1].period.label, "2017-18");
  config.report.previous_years = 1;
  r = RunReport(data, "2019-20", D(2017, 4, 1), config);
  EXPECT_EQ(Find(*r, "lac_review_timeliness")->earlier.size(), 1u);
}

}  // namespace
}  // namespace timescales
