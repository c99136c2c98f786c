// Tests of the rule catalogue: the built-in rules of docs/rules.md#catalogue,
// local rules read from JSON and the errors that name the bad key.

#include "timescales/rules.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"
#include "timescales/due.h"

namespace timescales {
namespace {

using ::testing::HasSubstr;
using ::timescales::testing::D;
using ::timescales::testing::IsOk;
using ::timescales::testing::On;
using ::timescales::testing::StatusIs;
using ::timescales::testing::TS;

// ---- The catalogue
// -----------------------------------------------------------

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
  EXPECT_TRUE(
      RuleCatalogue::Builtin().Find("lac.sw_report")->is_before_anchor());
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
  EXPECT_THAT(
      RuleCatalogue::FromJson(
          R"({"rules": {"x.new": {"offset": 3, "unit": "fortnights"}}})"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("unknown unit 'fortnights'")));
  EXPECT_THAT(
      RuleCatalogue::FromJson(
          R"({"rules": {"x.new": {"offset": 2.5, "unit": "days"}}})"),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("whole number")));
  EXPECT_THAT(
      RuleCatalogue::FromJson("{\"rules\": {\n  \"x\": }"),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("line 2")));
}

}  // namespace
}  // namespace timescales
