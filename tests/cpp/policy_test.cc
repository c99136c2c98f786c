// Tests of Policy: every option read from JSON, unknown keys and bad values
// rejected, and the description of the default.

#include "timescales/policy.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/status_matchers.h"

namespace timescales {
namespace {

using ::testing::HasSubstr;
using ::timescales::testing::IsOk;
using ::timescales::testing::StatusIs;

// ---- Policy
// ------------------------------------------------------------------

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
  EXPECT_THAT(
      Policy::FromJson(R"({"months": "lunar"})"),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("\"months\"")));
  EXPECT_THAT(Policy::FromJson(R"({"sw_report_working_days": -1})"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_EQ(Policy().Describe(),
            "default (event day excluded; months by corresponding date; ICPC "
            "from the initiating strategy discussion; social worker's report "
            "24 hours before)");
}

}  // namespace
}  // namespace timescales
