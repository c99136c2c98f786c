// Tests of ReportConfig: unknown keys named, and the calendar settings
// (closure days), policy and local rules it carries.

#include "timescales/report_config.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"

namespace timescales {
namespace {

using ::timescales::testing::D;
using ::timescales::testing::IsOk;
using ::timescales::testing::StatusIs;

TEST(ReportConfig, UnknownKeysAreErrorsNamingTheKey) {
  EXPECT_THAT(ReportConfig::FromJson(R"({"kpi": {}})"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       ::testing::HasSubstr("unknown key \"kpi\"")));
  EXPECT_THAT(ReportConfig::FromJson(R"({"kpis": {"lac_timeliness": {}}})"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       ::testing::HasSubstr("kpis.lac_timeliness")));
  EXPECT_THAT(ReportConfig::FromJson(
                  R"({"kpis": {"cp_repeat_plans": {"targett": 19}}})"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       ::testing::HasSubstr("cp_repeat_plans.targett")));
  EXPECT_THAT(ReportConfig::FromJson(R"({"policy": {"month": "x"}})"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       ::testing::HasSubstr("\"month\"")));
  EXPECT_THAT(ReportConfig::FromJson(R"({"closure_days": ["2019-13-01"]})"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       ::testing::HasSubstr("closure_days[0]")));
  EXPECT_THAT(ReportConfig::FromJson(R"({"rules": {"x": {"offset": 1}}})"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  auto ok = ReportConfig::FromJson(R"({
    "policy": {"counting": "start_is_day_one"},
    "closure_days": ["2019-12-24", {"date": "2019-12-27", "name": "Closed"}],
    "rules": {"lac.first_review": {"offset": 15}}})");
  ASSERT_THAT(ok, IsOk());
  EXPECT_EQ(ok->calendar.closure_days.size(), 2u);
  absl::StatusOr<Calendar> cal = ok->BuildCalendar();
  ASSERT_THAT(cal, IsOk());
  EXPECT_EQ(*cal->IsWorkingDay(D(2019, 12, 27)), false);
  EXPECT_EQ(ok->BuildRules()->Find("lac.first_review")->offset, 15);
}

}  // namespace
}  // namespace timescales

namespace timescales {
namespace {

TEST(ReportConfigPage, TitleCouncilNarrativeAndPreviousYears) {
  absl::StatusOr<ReportConfig> config = ReportConfig::FromJson(
      R"({"report": {"title": "IRO annual report", "council": "Shire CC",
                     "narrative": ["One.", "- a\n- b"], "previous_years": 2},
          "kpis": {"cp_repeat_plans": {"narrative": "*Rising* from October."}}})");
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->report.title, "IRO annual report");
  EXPECT_EQ(config->report.council, "Shire CC");
  EXPECT_EQ(config->report.narrative, "One.\n\n- a\n- b");
  EXPECT_EQ(config->report.previous_years, 2);
  EXPECT_EQ(config->kpis.at("cp_repeat_plans").narrative,
            "*Rising* from October.");
  EXPECT_EQ(ReportConfig::FromJson("{}")->report.previous_years, 3);
}

TEST(ReportConfigPage, UnknownAndBadKeysAreErrors) {
  for (const char* bad :
       {R"({"report": {"titel": "x"}})", R"({"report": {"title": 3}})",
        R"({"report": {"previous_years": 1.5}})",
        R"({"report": {"previous_years": -1}})",
        R"({"report": {"narrative": [1]}})", R"({"report": []})",
        R"({"kpis": {"cp_repeat_plans": {"narative": "x"}}})"}) {
    EXPECT_FALSE(ReportConfig::FromJson(bad).ok()) << bad;
  }
  EXPECT_THAT(ReportConfig::FromJson(R"({"report": {"titel": "x"}})")
                  .status()
                  .message(),
              ::testing::HasSubstr("report.titel: unknown key"));
}

}  // namespace
}  // namespace timescales
