// Tests of the rule catalogue, policies, moments and explained due dates.
// Expected dates are DOMAIN.md section 6's hand-checked worked examples;
// the generated-anchor tests compare each rule with the calendar primitive
// its unit names.

#include "timescales/due.h"

#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/status_matchers.h"

namespace timescales {
namespace {

using ::testing::HasSubstr;
using ::timescales::testing::IsOk;
using ::timescales::testing::IsOkAndHolds;
using ::timescales::testing::StatusIs;

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }
Moment At(int y, int m, int d, int hh, int mm) {
  return Moment{D(y, m, d), hh * 60 + mm};
}
Moment On(int y, int m, int d) { return Moment::OnDate(D(y, m, d)); }

const Timescales& TS() {
  static const Timescales* const kTs = new Timescales(*Timescales::Default());
  return *kTs;
}

Timescales WithPolicy(const Policy& policy) {
  return Timescales(TS().calendar(), RuleCatalogue::Builtin(), policy);
}

// ---- The catalogue -----------------------------------------------------------

TEST(RuleCatalogue, HoldsEveryRuleOfRulesMd) {
  struct Expected {
    const char* id;
    int offset;
    Unit unit;
  };
  const Expected expected[] = {
      {"lac.first_review", 20, Unit::kWorkingDays},
      {"lac.second_review", 3, Unit::kMonths},
      {"lac.subsequent_review", 6, Unit::kMonths},
      {"lac.review_decisions", 5, Unit::kWorkingDays},
      {"lac.review_record", 20, Unit::kWorkingDays},
      {"lac.sw_report", -24, Unit::kHours},
      {"lac.care_plan", 10, Unit::kWorkingDays},
      {"lac.placement_plan", 5, Unit::kWorkingDays},
      {"lac.placement_notification", 5, Unit::kWorkingDays},
      {"lac.first_visit", 7, Unit::kDays},
      {"lac.visit_first_year", 42, Unit::kDays},
      {"lac.visit_long_term", 3, Unit::kMonths},
      {"lac.visit_other", 42, Unit::kDays},
      {"cin.referral_decision", 1, Unit::kWorkingDays},
      {"cin.assessment", 45, Unit::kWorkingDays},
      {"cp.icpc", 15, Unit::kWorkingDays},
      {"cp.core_group", 10, Unit::kWorkingDays},
      {"cp.first_rcpc", 3, Unit::kMonths},
      {"cp.subsequent_rcpc", 6, Unit::kMonths},
  };
  for (const Expected& e : expected) {
    absl::StatusOr<const Rule*> rule = RuleCatalogue::Builtin().Get(e.id);
    ASSERT_THAT(rule, IsOk()) << e.id;
    EXPECT_EQ((*rule)->offset, e.offset) << e.id;
    EXPECT_EQ((*rule)->unit, e.unit) << e.id;
    EXPECT_FALSE((*rule)->source.empty()) << e.id;
    EXPECT_FALSE((*rule)->anchor.empty()) << e.id;
    EXPECT_FALSE((*rule)->local) << e.id;
  }
  EXPECT_TRUE(RuleCatalogue::Builtin().Find("lac.sw_report")->is_before_anchor());
  EXPECT_THAT(RuleCatalogue::Builtin().Get("lac.frist_review"),
              StatusIs(absl::StatusCode::kNotFound,
                       HasSubstr("unknown rule 'lac.frist_review'")));
}

TEST(RuleCatalogue, JsonOverridesAndAddsRules) {
  absl::StatusOr<RuleCatalogue> local = RuleCatalogue::FromJson(R"({
    "rules": {
      "lac.review_record": {"offset": 15},
      "cp.visit": {"offset": 10, "unit": "working_days",
                   "anchor": "previous visit",
                   "description": "CP statutory visit"},
      "cp.icpc_reports": {"offset": -2, "unit": "working_days",
                          "source": "Liverpool procedures"}}})");
  ASSERT_THAT(local, IsOk());
  EXPECT_EQ(local->Find("lac.review_record")->offset, 15);
  EXPECT_EQ(local->Find("lac.review_record")->unit, Unit::kWorkingDays);
  EXPECT_TRUE(local->Find("lac.review_record")->local);
  EXPECT_EQ(local->Find("cp.visit")->source, "local configuration");
  EXPECT_EQ(local->Find("cp.icpc_reports")->offset, -2);
  EXPECT_EQ(local->rules().size(), RuleCatalogue::Builtin().rules().size() + 2);
  // The built-in catalogue is untouched.
  EXPECT_EQ(RuleCatalogue::Builtin().Find("lac.review_record")->offset, 20);

  const Timescales ts(TS().calendar(), *local, Policy());
  // Example 22 with a 15-working-day record: 1 Apr 2022 -> 26 Apr 2022.
  absl::StatusOr<DueDate> record = ts.Due("lac.review_record", On(2022, 4, 1));
  ASSERT_THAT(record, IsOk());
  EXPECT_EQ(record->legal_due.date, D(2022, 4, 26));
  absl::StatusOr<DueDate> reports = ts.Due("cp.icpc_reports", On(2024, 1, 2));
  ASSERT_THAT(reports, IsOk());
  EXPECT_EQ(reports->legal_due.date, D(2023, 12, 28));
}

TEST(RuleCatalogue, JsonErrorsNameTheKey) {
  EXPECT_THAT(RuleCatalogue::FromJson(
                  R"({"rules": {"lac.review_record": {"ofset": 15}}})"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("unknown key \"ofset\"")));
  EXPECT_THAT(RuleCatalogue::FromJson(R"({"rulez": {}})"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("unknown key \"rulez\"")));
  EXPECT_THAT(RuleCatalogue::FromJson(R"({"rules": {"x.new": {"offset": 3}}})"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("needs \"offset\" and \"unit\"")));
  EXPECT_THAT(RuleCatalogue::FromJson(
                  R"({"rules": {"x.new": {"offset": 3, "unit": "fortnights"}}})"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("unknown unit 'fortnights'")));
  EXPECT_THAT(RuleCatalogue::FromJson(
                  R"({"rules": {"x.new": {"offset": 2.5, "unit": "days"}}})"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("whole number")));
  EXPECT_THAT(RuleCatalogue::FromJson("{\"rules\": {\n  \"x\": }"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("line 2")));
}

// ---- Policy ------------------------------------------------------------------

TEST(Policy, ReadsEveryOptionAndRejectsUnknownKeys) {
  absl::StatusOr<Policy> policy = Policy::FromJson(R"({
    "name": "Shire CC", "counting": "start_is_day_one",
    "months": "fixed_days", "icpc_anchor": "last",
    "sw_report": "working_days", "sw_report_working_days": 5,
    "strict_holidays": true, "due_soon_working_days": 3})");
  ASSERT_THAT(policy, IsOk());
  EXPECT_EQ(policy->name, "Shire CC");
  EXPECT_EQ(policy->counting, Counting::kStartIsDayOne);
  EXPECT_EQ(policy->months, MonthConvention::kFixedDays);
  EXPECT_EQ(policy->icpc_anchor, IcpcAnchor::kLastStrategyDiscussion);
  EXPECT_EQ(policy->sw_report, SwReportRule::kWorkingDaysBefore);
  EXPECT_EQ(policy->sw_report_working_days, 5);
  EXPECT_TRUE(policy->strict_holidays);
  EXPECT_EQ(policy->due_soon_working_days, 3);
  EXPECT_THAT(policy->Describe(), HasSubstr("5 working days before"));
  EXPECT_THAT(Policy::FromJson(R"({"countng": "start_excluded"})"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("unknown key \"countng\"")));
  EXPECT_THAT(Policy::FromJson(R"({"months": "lunar"})"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("\"months\"")));
  EXPECT_THAT(Policy::FromJson(R"({"sw_report_working_days": -1})"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_EQ(Policy().Describe(),
            "default (event day excluded; months by corresponding date; ICPC "
            "from the initiating strategy discussion; social worker's report "
            "24 hours before)");
}

// ---- Moments and clock changes -----------------------------------------------

TEST(Moment, ParsesDatesAndDateTimes) {
  EXPECT_THAT(Moment::Parse("2019-06-03"), IsOkAndHolds(On(2019, 6, 3)));
  EXPECT_THAT(Moment::Parse("2019-06-03T10:30"),
              IsOkAndHolds(At(2019, 6, 3, 10, 30)));
  EXPECT_THAT(Moment::Parse("03/06/2019 10:30"),
              IsOkAndHolds(At(2019, 6, 3, 10, 30)));
  EXPECT_THAT(Moment::Parse("2019-06-03 10:30:59"),
              IsOkAndHolds(At(2019, 6, 3, 10, 30)));
  EXPECT_THAT(Moment::Parse("2019-06-03T24:00"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Moment::Parse("2019-06-03T10"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Moment::Parse("2019-06-31T10:00"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("'2019-06-31T10:00'")));
  EXPECT_EQ(At(2019, 6, 3, 9, 5).ToString(), "2019-06-03T09:05");
  EXPECT_EQ(At(2019, 6, 3, 9, 5).ToLongString(), "09:05 Mon 3 Jun 2019");
}

struct HourCase {
  const char* what;
  Moment review;
  Moment expected;
};

class ClockChangeTest : public ::testing::TestWithParam<HourCase> {};

TEST_P(ClockChangeTest, TwentyFourElapsedHoursBefore) {
  const HourCase& c = GetParam();
  EXPECT_THAT(AddHoursLondon(c.review, -24), IsOkAndHolds(c.expected))
      << c.what;
  absl::StatusOr<DueDate> due = TS().Due("lac.sw_report", c.review);
  ASSERT_THAT(due, IsOk());
  EXPECT_EQ(due->legal_due, c.expected) << c.what;
}

INSTANTIATE_TEST_SUITE_P(
    EuropeLondon, ClockChangeTest,
    ::testing::Values(
        // RULES.md: a review at 10:00 on Sun 27 Oct 2024 (GMT).
        HourCase{"autumn Sunday", At(2024, 10, 27, 10, 0),
                 At(2024, 10, 26, 11, 0)},
        HourCase{"autumn Monday", At(2024, 10, 28, 10, 0),
                 At(2024, 10, 27, 10, 0)},
        HourCase{"spring Sunday", At(2024, 3, 31, 10, 0),
                 At(2024, 3, 30, 9, 0)},
        HourCase{"spring Monday", At(2024, 4, 1, 10, 0),
                 At(2024, 3, 31, 10, 0)},
        HourCase{"no change", At(2024, 1, 2, 10, 0), At(2024, 1, 1, 10, 0)},
        HourCase{"midnight", At(2024, 6, 5, 0, 0), At(2024, 6, 4, 0, 0)}));

// AddHoursLondon against absl's time zone arithmetic done the long way,
// every 97 minutes through years with both clock changes, a year before
// 1916 (no summer time then) and one far ahead.
TEST(Moment, AddHoursLondonMatchesTheTimeZoneEverywhere) {
  absl::TimeZone london;
  ASSERT_TRUE(absl::LoadTimeZone("Europe/London", &london));
  auto reference = [&](const Moment& m, int hours) {
    const absl::CivilMinute local(m.date.year(), m.date.month(), m.date.day(),
                                  *m.minute_of_day / 60, *m.minute_of_day % 60);
    const absl::CivilMinute result =
        absl::ToCivilMinute(london.At(local).pre + absl::Hours(hours), london);
    return Moment{*Date::FromYmd(static_cast<int>(result.year()),
                                 result.month(), result.day()),
                  result.hour() * 60 + result.minute()};
  };
  int checked = 0;
  for (const auto& [from, to] : {std::pair{D(2018, 1, 1), D(2025, 12, 31)},
                                 std::pair{D(1905, 1, 1), D(1905, 12, 31)},
                                 std::pair{D(2150, 1, 1), D(2150, 12, 31)}}) {
    for (int64_t minute = int64_t{from.serial()} * 1440;
         minute <= int64_t{to.serial()} * 1440; minute += 97) {
      const Moment m{Date::FromSerial(static_cast<int32_t>(minute / 1440)),
                     static_cast<int>(minute % 1440)};
      for (const int hours : {-48, -24, -1, 1, 24, 48}) {
        ASSERT_THAT(AddHoursLondon(m, hours), IsOkAndHolds(reference(m, hours)))
            << m.ToString() << " " << hours << " hours";
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 250000);
}

// ---- DOMAIN.md section 6 worked examples that name a rule -------------------

struct DueCase {
  const char* example;
  const char* rule;
  Moment anchor;
  Moment legal_due;
  Date practical_due;
};

class WorkedExampleDueTest : public ::testing::TestWithParam<DueCase> {};

TEST_P(WorkedExampleDueTest, LegalAndPracticalDueDates) {
  const DueCase& c = GetParam();
  absl::StatusOr<DueDate> due = TS().Due(c.rule, c.anchor);
  ASSERT_THAT(due, IsOk()) << c.example;
  EXPECT_EQ(due->legal_due, c.legal_due) << c.example;
  EXPECT_EQ(due->practical_due, c.practical_due) << c.example;
  EXPECT_EQ(due->rule.id, c.rule);
  EXPECT_FALSE(due->provisional);
}

INSTANTIATE_TEST_SUITE_P(
    Domain6, WorkedExampleDueTest,
    ::testing::Values(
        DueCase{"1", "lac.first_review", On(2019, 12, 20), On(2020, 1, 22),
                D(2020, 1, 22)},
        DueCase{"2a", "lac.second_review", On(2020, 1, 22), On(2020, 4, 22),
                D(2020, 4, 22)},
        DueCase{"2b", "lac.subsequent_review", On(2020, 4, 22),
                On(2020, 10, 22), D(2020, 10, 22)},
        DueCase{"3", "lac.second_review", On(2020, 1, 10), On(2020, 4, 10),
                D(2020, 4, 9)},
        DueCase{"4", "lac.subsequent_review", On(2021, 8, 31),
                On(2022, 2, 28), D(2022, 2, 28)},
        DueCase{"5a", "lac.subsequent_review", On(2023, 8, 31),
                On(2024, 2, 29), D(2024, 2, 29)},
        DueCase{"5b", "lac.subsequent_review", On(2024, 2, 29),
                On(2024, 8, 29), D(2024, 8, 29)},
        DueCase{"6a", "cp.first_rcpc", On(2023, 11, 30), On(2024, 2, 29),
                D(2024, 2, 29)},
        DueCase{"6b", "cp.subsequent_rcpc", On(2024, 2, 28), On(2024, 8, 28),
                D(2024, 8, 28)},
        DueCase{"7", "cp.first_rcpc", On(2024, 5, 31), On(2024, 8, 31),
                D(2024, 8, 30)},
        DueCase{"8", "lac.first_review", On(1999, 12, 24), On(2000, 1, 27),
                D(2000, 1, 27)},
        DueCase{"15", "cp.icpc", On(2022, 9, 12), On(2022, 10, 4),
                D(2022, 10, 4)},
        DueCase{"16", "cp.icpc", On(2023, 4, 25), On(2023, 5, 18),
                D(2023, 5, 18)},
        DueCase{"17", "cp.icpc", On(2021, 12, 17), On(2022, 1, 12),
                D(2022, 1, 12)},
        DueCase{"18a", "lac.placement_plan", On(2020, 12, 23), On(2021, 1, 4),
                D(2021, 1, 4)},
        DueCase{"18b", "lac.care_plan", On(2020, 12, 23), On(2021, 1, 11),
                D(2021, 1, 11)},
        DueCase{"19", "cin.referral_decision", On(2020, 12, 24),
                On(2020, 12, 29), D(2020, 12, 29)},
        DueCase{"20", "cin.assessment", On(2019, 4, 1), On(2019, 6, 7),
                D(2019, 6, 7)},
        DueCase{"21", "cp.core_group", On(2018, 12, 20), On(2019, 1, 8),
                D(2019, 1, 8)},
        DueCase{"22a", "lac.review_decisions", On(2022, 4, 1), On(2022, 4, 8),
                D(2022, 4, 8)},
        DueCase{"22b", "lac.review_record", On(2022, 4, 1), On(2022, 5, 4),
                D(2022, 5, 4)},
        DueCase{"23", "lac.first_review", On(2024, 3, 23), On(2024, 4, 23),
                D(2024, 4, 23)},
        DueCase{"24", "lac.first_review", On(2022, 12, 23), On(2023, 1, 25),
                D(2023, 1, 25)},
        DueCase{"26 timed", "lac.sw_report", At(2024, 1, 2, 10, 0),
                At(2024, 1, 1, 10, 0), D(2023, 12, 29)},
        DueCase{"26 date only", "lac.sw_report", On(2024, 1, 2),
                On(2024, 1, 1), D(2023, 12, 29)},
        DueCase{"27a", "lac.first_visit", On(2024, 9, 1), On(2024, 9, 8),
                D(2024, 9, 6)},
        DueCase{"27b", "lac.visit_first_year", On(2024, 9, 6),
                On(2024, 10, 18), D(2024, 10, 18)},
        DueCase{"27c", "lac.visit_other", On(2025, 8, 29), On(2025, 10, 10),
                D(2025, 10, 10)},
        DueCase{"27d", "lac.visit_long_term", On(2025, 8, 29),
                On(2025, 11, 29), D(2025, 11, 28)}));

TEST(Due, ExplanationShowsTheWorking) {
  absl::StatusOr<DueDate> due =
      TS().Due("lac.first_review", On(2019, 12, 20));
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
  EXPECT_EQ(WithPolicy(three_wd)
                .Due("lac.sw_report", On(2024, 1, 2))
                ->legal_due.date,
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
  EXPECT_THAT(TS().OnTime("lac.sw_report", At(2024, 3, 5, 10, 0),
                          On(2024, 3, 4)),
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
      ASSERT_EQ(due->provisional, anchor.year() > 2028 ||
                                      due->legal_due.date.year() > 2028);
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
