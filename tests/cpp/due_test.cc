// Tests of explained due dates: the worked examples that name a rule, the
// explanation of the working, policies, provisional and strict answers and
// lateness. Expected dates are the hand-checked worked examples of
// docs/conventions.md (tests/data/due-dates.csv); the generated-anchor
// tests compare each rule with the calendar primitive its unit names. The
// catalogue, policies and moments have their own files (rules_test.cc,
// policy_test.cc, moment_test.cc).

#include "timescales/due.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"
#include "testing/worked_examples.h"

namespace timescales {
namespace {

using ::testing::HasSubstr;
using ::timescales::testing::At;
using ::timescales::testing::D;
using ::timescales::testing::IsOk;
using ::timescales::testing::IsOkAndHolds;
using ::timescales::testing::On;
using ::timescales::testing::StatusIs;
using ::timescales::testing::TS;

Timescales WithPolicy(const Policy& policy) {
  return Timescales(TS().calendar(), RuleCatalogue::Builtin(), policy);
}

// ---- Worked examples that name a rule ---------------------------------------
// The rows of tests/data/due-dates.csv, shared with the C, Python and
// CLI suites.

using ::timescales::testing::DueExample;
using ::timescales::testing::DueExamples;

class WorkedExampleDueTest : public ::testing::TestWithParam<DueExample> {};

TEST_P(WorkedExampleDueTest, LegalAndPracticalDueDates) {
  const DueExample& c = GetParam();
  const std::string example = c.id + " " + c.note;
  absl::StatusOr<DueDate> due = TS().Due(c.rule, c.anchor);
  ASSERT_THAT(due, IsOk()) << example;
  EXPECT_EQ(due->legal_due, c.legal_due) << example;
  EXPECT_EQ(due->practical_due, c.practical_due) << example;
  EXPECT_EQ(due->rule.id, c.rule);
  EXPECT_FALSE(due->provisional);
}

INSTANTIATE_TEST_SUITE_P(Domain6, WorkedExampleDueTest,
                         ::testing::ValuesIn(DueExamples().rows));

// The whole table was read: a lost row would otherwise be a lost test.
TEST(WorkedExamples, DueDateTableIsReadWhole) {
  EXPECT_EQ(DueExamples().error, "");
  EXPECT_FALSE(DueExamples().rows.empty());
  EXPECT_EQ(DueExamples().rows.size(), 30u);
}

TEST(Due, ExplanationShowsTheWorking) {
  absl::StatusOr<DueDate> due = TS().Due("lac.first_review", On(2019, 12, 20));
  ASSERT_THAT(due, IsOk());
  EXPECT_EQ(due->working,
            "20 working days after Fri 20 Dec 2019, skipping Wed 25 Dec "
            "Christmas Day, Thu 26 Dec Boxing Day, Wed 1 Jan New Year’s Day: "
            "Wed 22 Jan 2020");
  ASSERT_EQ(due->skipped.size(), 3u);
  EXPECT_EQ(due->skipped[2].date, D(2020, 1, 1));
  const std::string text = due->Explain();
  EXPECT_THAT(text, HasSubstr("lac.first_review: first LAC review"));
  EXPECT_THAT(text, HasSubstr("CPPCR 2010 reg 33(1)"));
  EXPECT_THAT(text, HasSubstr("policy: default (event day excluded"));
  EXPECT_THAT(text, HasSubstr("calendar: england-and-wales (data gov.uk"));
  EXPECT_THAT(text, ::testing::Not(HasSubstr("practical due date")));
}

TEST(Due, ExplanationNamesClampsNonWorkingDueDatesAndHours) {
  absl::StatusOr<DueDate> clamp =
      TS().Due("lac.subsequent_review", On(2021, 8, 31));
  ASSERT_THAT(clamp, IsOk());
  EXPECT_EQ(clamp->working,
            "6 months after Tue 31 Aug 2021 (Feb 2022 has no 31, so the last "
            "day of the month): Mon 28 Feb 2022");
  absl::StatusOr<DueDate> good_friday =
      TS().Due("lac.second_review", On(2020, 1, 10));
  ASSERT_THAT(good_friday, IsOk());
  EXPECT_EQ(good_friday->working,
            "3 months after Fri 10 Jan 2020: Fri 10 Apr 2020, a non-working "
            "day (Good Friday)");
  EXPECT_THAT(good_friday->Explain(),
              HasSubstr("practical due date Thu 9 Apr 2020"));
  absl::StatusOr<DueDate> hours =
      TS().Due("lac.sw_report", At(2024, 10, 27, 10, 0));
  ASSERT_THAT(hours, IsOk());
  EXPECT_EQ(hours->working,
            "24 hours before 10:00 Sun 27 Oct 2024 (Europe/London): 11:00 Sat "
            "26 Oct 2024, a non-working day (weekend)");
  absl::StatusOr<DueDate> back = TS().Due("lac.sw_report", On(2024, 1, 2));
  ASSERT_THAT(back, IsOk());
  EXPECT_THAT(back->working, HasSubstr("by the end of the day before"));
}

TEST(Due, PoliciesChangeTheAnswerAndSaySo) {
  Policy day_one;
  day_one.counting = Counting::kStartIsDayOne;
  absl::StatusOr<DueDate> first =
      WithPolicy(day_one).Due("lac.first_review", On(2019, 12, 20));
  ASSERT_THAT(first, IsOk());
  EXPECT_EQ(first->legal_due.date, D(2020, 1, 21));  // example 1, inclusive
  EXPECT_THAT(first->policy, HasSubstr("the event day is day 1"));

  Policy day_before;
  day_before.months = MonthConvention::kDayBeforeCorrespondingDate;
  EXPECT_EQ(WithPolicy(day_before)
                .Due("lac.second_review", On(2020, 1, 22))
                ->legal_due.date,
            D(2020, 4, 21));

  Policy fixed;
  fixed.months = MonthConvention::kFixedDays;
  absl::StatusOr<DueDate> six =
      WithPolicy(fixed).Due("lac.subsequent_review", On(2021, 1, 1));
  ASSERT_THAT(six, IsOk());
  EXPECT_EQ(six->legal_due.date, D(2021, 7, 3));  // 183 days
  EXPECT_THAT(six->working, HasSubstr("counted as 183 days"));

  Policy three_wd;
  three_wd.sw_report = SwReportRule::kWorkingDaysBefore;
  three_wd.sw_report_working_days = 3;
  absl::StatusOr<DueDate> report =
      WithPolicy(three_wd).Due("lac.sw_report", At(2024, 1, 2, 10, 0));
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(report->legal_due, On(2023, 12, 27));  // example 26
  EXPECT_EQ(report->rule.unit, Unit::kWorkingDays);
  three_wd.sw_report_working_days = 1;
  EXPECT_EQ(
      WithPolicy(three_wd).Due("lac.sw_report", On(2024, 1, 2))->legal_due.date,
      D(2023, 12, 29));
}

TEST(Due, ProvisionalAndStrict) {
  absl::StatusOr<DueDate> late = TS().Due("lac.first_review", On(2028, 12, 20));
  ASSERT_THAT(late, IsOk());
  EXPECT_TRUE(late->provisional);
  EXPECT_THAT(late->Explain(), HasSubstr("provisional"));
  Policy strict;
  strict.strict_holidays = true;
  EXPECT_THAT(WithPolicy(strict).Due("lac.first_review", On(2028, 12, 20)),
              StatusIs(absl::StatusCode::kOutOfRange,
                       HasSubstr("known until 2028-12-31")));
  EXPECT_THAT(WithPolicy(strict).Due("lac.first_review", On(2028, 11, 1)),
              IsOk());
}

TEST(Due, ErrorsAreClear) {
  EXPECT_THAT(TS().Due("lac.nope", On(2020, 1, 1)),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(TS().Due("lac.first_review", On(2199, 12, 20)),
              StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(TS().Due("lac.subsequent_review", On(2199, 8, 1)),
              StatusIs(absl::StatusCode::kOutOfRange));
}

TEST(Due, OnTimeAndLateness) {
  // Example 15: ICPC on 4 Oct is in time, on 5 Oct one working day late.
  EXPECT_THAT(TS().OnTime("cp.icpc", On(2022, 9, 12), On(2022, 10, 4)),
              IsOkAndHolds(true));
  EXPECT_THAT(TS().OnTime("cp.icpc", On(2022, 9, 12), On(2022, 10, 5)),
              IsOkAndHolds(false));
  EXPECT_THAT(
      TS().LatenessWorkingDays("cp.icpc", On(2022, 9, 12), On(2022, 10, 5)),
      IsOkAndHolds(1));
  EXPECT_THAT(
      TS().LatenessWorkingDays("cp.icpc", On(2022, 9, 12), On(2022, 9, 30)),
      IsOkAndHolds(-2));
  // A report exactly 24 hours before is in time; a minute later is not.
  EXPECT_THAT(TS().OnTime("lac.sw_report", At(2024, 3, 5, 10, 0),
                          At(2024, 3, 4, 10, 0)),
              IsOkAndHolds(true));
  EXPECT_THAT(TS().OnTime("lac.sw_report", At(2024, 3, 5, 10, 0),
                          At(2024, 3, 4, 10, 1)),
              IsOkAndHolds(false));
  // Across the autumn change: due 11:00 Sat 26 Oct 2024.
  EXPECT_THAT(TS().OnTime("lac.sw_report", At(2024, 10, 27, 10, 0),
                          At(2024, 10, 26, 10, 30)),
              IsOkAndHolds(true));
  EXPECT_THAT(TS().OnTime("lac.sw_report", At(2024, 10, 27, 10, 0),
                          At(2024, 10, 26, 11, 30)),
              IsOkAndHolds(false));
  // A date-only receipt is judged by its date.
  EXPECT_THAT(
      TS().OnTime("lac.sw_report", At(2024, 3, 5, 10, 0), On(2024, 3, 4)),
      IsOkAndHolds(true));
}

// Every rule against the calendar primitive its unit names, over anchors
// spread across 2015-2030, through Due and the batch path.
TEST(Due, EveryRuleMatchesItsPrimitiveOverGeneratedAnchors) {
  const Calendar& cal = TS().calendar();
  for (const Rule& rule : RuleCatalogue::Builtin().rules()) {
    std::vector<int32_t> anchors;
    for (int32_t s = D(2015, 1, 1).serial(); s <= D(2030, 12, 31).serial();
         s += 3) {
      anchors.push_back(s);
    }
    std::vector<int32_t> batch(anchors.size());
    ASSERT_THAT(TS().DueBatch(rule.id, anchors, absl::MakeSpan(batch)), IsOk())
        << rule.id;
    for (size_t i = 0; i < anchors.size(); ++i) {
      const Date anchor = Date::FromSerial(anchors[i]);
      absl::StatusOr<Date> expected;
      switch (rule.unit) {
        case Unit::kWorkingDays:
          expected = cal.AddWorkingDays(anchor, rule.offset);
          break;
        case Unit::kMonths:
          expected = AddMonths(anchor, rule.offset);
          break;
        case Unit::kDays:
          expected = AddDays(anchor, rule.offset);
          break;
        case Unit::kWeeks:
          expected = AddWeeks(anchor, rule.offset);
          break;
        case Unit::kHours:
          expected = AddDays(anchor, rule.offset / 24);
          break;
      }
      ASSERT_THAT(expected, IsOk());
      absl::StatusOr<DueDate> due = TS().Due(rule, Moment::OnDate(anchor));
      ASSERT_THAT(due, IsOk()) << rule.id << " " << anchor;
      ASSERT_EQ(due->legal_due.date, *expected) << rule.id << " " << anchor;
      ASSERT_EQ(batch[i], expected->serial()) << rule.id << " " << anchor;
      // Practical: the last working day on or before the legal due date.
      Date practical = due->legal_due.date;
      while (!*cal.IsWorkingDay(practical)) {
        practical = Date::FromSerial(practical.serial() - 1);
      }
      ASSERT_EQ(due->practical_due, practical) << rule.id << " " << anchor;
      ASSERT_EQ(due->provisional,
                anchor.year() > 2028 || due->legal_due.date.year() > 2028);
    }
  }
  std::vector<int32_t> bad = {D(2020, 1, 1).serial(), 999999};
  std::vector<int32_t> out(2);
  EXPECT_THAT(TS().DueBatch("lac.first_review", bad, absl::MakeSpan(out)),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("element 1")));
  EXPECT_THAT(TS().DueBatch("nope", bad, absl::MakeSpan(out)),
              StatusIs(absl::StatusCode::kNotFound));
}

}  // namespace
}  // namespace timescales
