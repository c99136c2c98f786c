// The C ABI of the rule catalogue, policies, explained due dates and review
// chains: NULL handling, bad enumerators, unknown rules, batches against the
// scalar function, JSON overrides and the per-thread last error.
//
// Expected dates are docs/conventions.md#worked-examples worked examples or
// counted by hand in the comments beside them, never values taken from the
// library.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "capi/capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "timescales/c.h"

namespace {

using capi_testing::LastError;
using capi_testing::NullRejected;
using capi_testing::Ymd;

using ::testing::HasSubstr;
using ::testing::Not;

// Takes a tsc_free string.
std::string Take(char* text) {
  std::string out = text == nullptr ? "" : text;
  tsc_free(text);
  return out;
}

std::string Describe(const tsc_policy* policy) {
  char* text = nullptr;
  EXPECT_EQ(tsc_policy_describe(&text, policy), TSC_OK) << LastError();
  return Take(text);
}

class CapiRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tsc_clear_last_error();
    ASSERT_EQ(tsc_calendar_create_england_and_wales(&cal_), TSC_OK)
        << LastError();
    ASSERT_EQ(tsc_rule_catalogue_create_builtin(&rules_), TSC_OK)
        << LastError();
    ASSERT_EQ(tsc_policy_create(&policy_), TSC_OK) << LastError();
    ASSERT_EQ(tsc_timescales_create_default(&ts_), TSC_OK) << LastError();
  }
  void TearDown() override {
    tsc_timescales_free(ts_);
    tsc_policy_free(policy_);
    tsc_rule_catalogue_free(rules_);
    tsc_calendar_free(cal_);
  }

  // An engine over England and Wales with `policy_` as it now stands.
  tsc_timescales* WithPolicy() {
    tsc_timescales* ts = nullptr;
    EXPECT_EQ(tsc_timescales_create(&ts, cal_, nullptr, policy_), TSC_OK)
        << LastError();
    return ts;
  }

  tsc_date Due(const tsc_timescales* ts, const char* rule, tsc_date anchor,
               int32_t minute = TSC_NO_TIME) {
    tsc_date out = TSC_NO_DATE;
    EXPECT_EQ(
        tsc_rule_due(&out, nullptr, nullptr, nullptr, ts, rule, anchor, minute),
        TSC_OK)
        << rule << ": " << LastError();
    return out;
  }

  std::vector<std::string> RuleIds() {
    size_t count = 0;
    EXPECT_EQ(tsc_rule_catalogue_count(&count, rules_), TSC_OK);
    std::vector<std::string> ids;
    for (size_t i = 0; i < count; ++i) {
      const char* id = nullptr;
      EXPECT_EQ(tsc_rule_catalogue_get(&id, nullptr, nullptr, nullptr, nullptr,
                                       nullptr, rules_, i),
                TSC_OK);
      ids.push_back(id);
    }
    return ids;
  }

  tsc_calendar* cal_ = nullptr;
  tsc_rule_catalogue* rules_ = nullptr;
  tsc_policy* policy_ = nullptr;
  tsc_timescales* ts_ = nullptr;
};

// ---- NULL arguments and _free(NULL) -----------------------------------------

TEST(CapiRulesNullTest, FreeFunctionsAcceptNull) {
  tsc_policy_free(nullptr);
  tsc_rule_catalogue_free(nullptr);
  tsc_timescales_free(nullptr);
  tsc_schedule_free(nullptr);
}

TEST_F(CapiRulesTest, NullPolicyArguments) {
  char* text = nullptr;
  EXPECT_TRUE(NullRejected(tsc_policy_create(nullptr), "out"));
  EXPECT_TRUE(NullRejected(tsc_policy_set_counting(nullptr, 0), "policy"));
  EXPECT_TRUE(
      NullRejected(tsc_policy_set_month_convention(nullptr, 0), "policy"));
  EXPECT_TRUE(NullRejected(tsc_policy_set_icpc_anchor(nullptr, 0), "policy"));
  EXPECT_TRUE(NullRejected(tsc_policy_set_sw_report_hours(nullptr), "policy"));
  EXPECT_TRUE(NullRejected(tsc_policy_set_sw_report_working_days(nullptr, 3),
                           "policy"));
  EXPECT_TRUE(
      NullRejected(tsc_policy_set_strict_holidays(nullptr, 1), "policy"));
  EXPECT_TRUE(
      NullRejected(tsc_policy_set_due_soon_working_days(nullptr, 3), "policy"));
  EXPECT_TRUE(NullRejected(tsc_policy_set_participation(nullptr, 0), "policy"));
  EXPECT_TRUE(NullRejected(tsc_policy_set_name(nullptr, "x"), "policy"));
  EXPECT_TRUE(NullRejected(tsc_policy_set_name(policy_, nullptr), "name"));
  EXPECT_TRUE(NullRejected(tsc_policy_from_json(nullptr, "{}", 2), "out"));
  int dummy = 0;
  auto* stale = reinterpret_cast<tsc_policy*>(&dummy);
  tsc_policy* policy = stale;
  EXPECT_TRUE(NullRejected(tsc_policy_from_json(&policy, nullptr, 2), "json"));
  EXPECT_EQ(policy, nullptr);
  EXPECT_TRUE(NullRejected(tsc_policy_describe(nullptr, policy_), "out"));
  text = reinterpret_cast<char*>(&dummy);
  EXPECT_TRUE(NullRejected(tsc_policy_describe(&text, nullptr), "policy"));
  EXPECT_EQ(text, nullptr);
}

TEST_F(CapiRulesTest, NullRulesAndEngineArguments) {
  int dummy = 0;
  size_t count = 0;
  EXPECT_TRUE(NullRejected(tsc_rule_catalogue_create_builtin(nullptr), "out"));
  EXPECT_TRUE(
      NullRejected(tsc_rule_catalogue_from_json(nullptr, "{}", 2), "out"));
  tsc_rule_catalogue* rules = reinterpret_cast<tsc_rule_catalogue*>(&dummy);
  EXPECT_TRUE(
      NullRejected(tsc_rule_catalogue_from_json(&rules, nullptr, 2), "json"));
  EXPECT_EQ(rules, nullptr);
  EXPECT_TRUE(NullRejected(tsc_rule_catalogue_count(nullptr, rules_), "out"));
  EXPECT_TRUE(
      NullRejected(tsc_rule_catalogue_count(&count, nullptr), "catalogue"));
  EXPECT_TRUE(
      NullRejected(tsc_rule_catalogue_get(nullptr, nullptr, nullptr, nullptr,
                                          nullptr, nullptr, nullptr, 0),
                   "catalogue"));

  EXPECT_TRUE(NullRejected(
      tsc_timescales_create(nullptr, cal_, rules_, policy_), "out"));
  tsc_timescales* ts = reinterpret_cast<tsc_timescales*>(&dummy);
  EXPECT_TRUE(NullRejected(tsc_timescales_create(&ts, nullptr, rules_, policy_),
                           "calendar"));
  EXPECT_EQ(ts, nullptr);
  EXPECT_TRUE(NullRejected(tsc_timescales_create_default(nullptr), "out"));
  // `rules` and `policy` are optional.
  ASSERT_EQ(tsc_timescales_create(&ts, cal_, nullptr, nullptr), TSC_OK)
      << LastError();
  EXPECT_EQ(Due(ts, "lac.first_review", Ymd(2019, 12, 20)), Ymd(2020, 1, 22));
  tsc_timescales_free(ts);
}

TEST_F(CapiRulesTest, NullDueArguments) {
  const tsc_date a = Ymd(2019, 12, 20);
  const char* r = "lac.first_review";
  tsc_date d = 0;
  int i = 0;
  int32_t n = 0;
  char* text = nullptr;
  int dummy = 0;

  EXPECT_TRUE(NullRejected(
      tsc_rule_due(nullptr, &n, &d, &i, ts_, r, a, TSC_NO_TIME), "legal_due"));
  EXPECT_TRUE(NullRejected(
      tsc_rule_due(&d, &n, &d, &i, nullptr, r, a, TSC_NO_TIME), "ts"));
  EXPECT_TRUE(NullRejected(
      tsc_rule_due(&d, &n, &d, &i, ts_, nullptr, a, TSC_NO_TIME), "rule_id"));
  // The other out-parameters are optional.
  EXPECT_EQ(tsc_rule_due(&d, nullptr, nullptr, nullptr, ts_, r, a, TSC_NO_TIME),
            TSC_OK);

  EXPECT_TRUE(NullRejected(
      tsc_rule_due_explain(nullptr, ts_, r, a, TSC_NO_TIME), "out"));
  text = reinterpret_cast<char*>(&dummy);
  EXPECT_TRUE(NullRejected(
      tsc_rule_due_explain(&text, nullptr, r, a, TSC_NO_TIME), "ts"));
  EXPECT_EQ(text, nullptr);
  EXPECT_TRUE(NullRejected(
      tsc_rule_due_explain(&text, ts_, nullptr, a, TSC_NO_TIME), "rule_id"));
  EXPECT_TRUE(NullRejected(
      tsc_rule_due_working(nullptr, ts_, r, a, TSC_NO_TIME), "out"));
  text = reinterpret_cast<char*>(&dummy);
  EXPECT_TRUE(NullRejected(
      tsc_rule_due_working(&text, nullptr, r, a, TSC_NO_TIME), "ts"));
  EXPECT_EQ(text, nullptr);
  EXPECT_TRUE(NullRejected(
      tsc_rule_due_working(&text, ts_, nullptr, a, TSC_NO_TIME), "rule_id"));

  EXPECT_TRUE(NullRejected(
      tsc_rule_on_time(nullptr, ts_, r, a, TSC_NO_TIME, a, TSC_NO_TIME),
      "out"));
  EXPECT_TRUE(NullRejected(
      tsc_rule_on_time(&i, nullptr, r, a, TSC_NO_TIME, a, TSC_NO_TIME), "ts"));
  EXPECT_TRUE(NullRejected(
      tsc_rule_on_time(&i, ts_, nullptr, a, TSC_NO_TIME, a, TSC_NO_TIME),
      "rule_id"));
  EXPECT_TRUE(NullRejected(tsc_rule_lateness_working_days(
                               nullptr, ts_, r, a, TSC_NO_TIME, a, TSC_NO_TIME),
                           "out"));
  EXPECT_TRUE(NullRejected(tsc_rule_lateness_working_days(
                               &n, nullptr, r, a, TSC_NO_TIME, a, TSC_NO_TIME),
                           "ts"));
  EXPECT_TRUE(
      NullRejected(tsc_rule_lateness_working_days(&n, ts_, nullptr, a,
                                                  TSC_NO_TIME, a, TSC_NO_TIME),
                   "rule_id"));

  tsc_date anchors[2] = {a, a};
  tsc_date out[2];
  int64_t anchors64[2] = {a, a};
  int64_t out64[2];
  EXPECT_TRUE(
      NullRejected(tsc_rule_due_batch(nullptr, ts_, r, anchors, 2), "out"));
  EXPECT_TRUE(
      NullRejected(tsc_rule_due_batch(out, nullptr, r, anchors, 2), "ts"));
  EXPECT_TRUE(NullRejected(tsc_rule_due_batch(out, ts_, nullptr, anchors, 2),
                           "rule_id"));
  EXPECT_TRUE(
      NullRejected(tsc_rule_due_batch(out, ts_, r, nullptr, 2), "anchors"));
  EXPECT_TRUE(NullRejected(
      tsc_rule_due_batch_i64(nullptr, ts_, r, anchors64, 2), "out"));
  EXPECT_TRUE(NullRejected(
      tsc_rule_due_batch_i64(out64, nullptr, r, anchors64, 2), "ts"));
  EXPECT_TRUE(NullRejected(
      tsc_rule_due_batch_i64(out64, ts_, nullptr, anchors64, 2), "rule_id"));
  EXPECT_TRUE(NullRejected(tsc_rule_due_batch_i64(out64, ts_, r, nullptr, 2),
                           "anchors"));
  // Empty batches may pass NULL arrays; the engine and rule are required.
  EXPECT_EQ(tsc_rule_due_batch(nullptr, ts_, r, nullptr, 0), TSC_OK);
  EXPECT_EQ(tsc_rule_due_batch_i64(nullptr, ts_, r, nullptr, 0), TSC_OK);
  EXPECT_TRUE(
      NullRejected(tsc_rule_due_batch(nullptr, nullptr, r, nullptr, 0), "ts"));
}

TEST_F(CapiRulesTest, NullScheduleArguments) {
  const tsc_date start = Ymd(2019, 12, 20);
  const tsc_date as_at = Ymd(2020, 11, 1);
  const tsc_date reviews[1] = {Ymd(2020, 1, 22)};
  int dummy = 0;
  auto* stale = reinterpret_cast<tsc_schedule*>(&dummy);

  EXPECT_TRUE(NullRejected(tsc_schedule_lac(nullptr, ts_, start, TSC_NO_DATE, 0,
                                            reviews, nullptr, 1, as_at),
                           "out"));
  tsc_schedule* s = stale;
  EXPECT_TRUE(NullRejected(tsc_schedule_lac(&s, nullptr, start, TSC_NO_DATE, 0,
                                            reviews, nullptr, 1, as_at),
                           "ts"));
  EXPECT_EQ(s, nullptr);
  EXPECT_TRUE(NullRejected(tsc_schedule_lac(&s, ts_, start, TSC_NO_DATE, 0,
                                            nullptr, nullptr, 1, as_at),
                           "reviews"));
  EXPECT_TRUE(NullRejected(tsc_schedule_cp(nullptr, ts_, start, TSC_NO_DATE,
                                           TSC_NO_DATE, reviews, 1, as_at),
                           "out"));
  s = stale;
  EXPECT_TRUE(NullRejected(tsc_schedule_cp(&s, nullptr, start, TSC_NO_DATE,
                                           TSC_NO_DATE, reviews, 1, as_at),
                           "ts"));
  EXPECT_EQ(s, nullptr);
  EXPECT_TRUE(NullRejected(tsc_schedule_cp(&s, ts_, start, TSC_NO_DATE,
                                           TSC_NO_DATE, nullptr, 1, as_at),
                           "conferences"));
  // No reviews yet: NULL with a count of 0 is fine.
  ASSERT_EQ(tsc_schedule_lac(&s, ts_, start, TSC_NO_DATE, 0, nullptr, nullptr,
                             0, as_at),
            TSC_OK)
      << LastError();

  size_t count = 0;
  tsc_date d = 0;
  char* json = nullptr;
  EXPECT_TRUE(NullRejected(tsc_schedule_slot_count(nullptr, s), "out"));
  EXPECT_TRUE(
      NullRejected(tsc_schedule_slot_count(&count, nullptr), "schedule"));
  EXPECT_TRUE(
      NullRejected(tsc_schedule_slot(nullptr, nullptr, nullptr, nullptr,
                                     nullptr, nullptr, nullptr, nullptr, 0),
                   "schedule"));
  // Every out-parameter of tsc_schedule_slot is optional.
  EXPECT_EQ(tsc_schedule_slot(nullptr, nullptr, nullptr, nullptr, nullptr,
                              nullptr, nullptr, s, 0),
            TSC_OK);
  EXPECT_TRUE(NullRejected(tsc_schedule_next_due(nullptr, s), "out"));
  EXPECT_TRUE(NullRejected(tsc_schedule_next_due(&d, nullptr), "schedule"));
  EXPECT_TRUE(NullRejected(tsc_schedule_to_json(nullptr, s), "out"));
  json = reinterpret_cast<char*>(&dummy);
  EXPECT_TRUE(NullRejected(tsc_schedule_to_json(&json, nullptr), "schedule"));
  EXPECT_EQ(json, nullptr);
  tsc_schedule_free(s);
}

// ---- Policies ---------------------------------------------------------------

TEST_F(CapiRulesTest, BadEnumeratorsAreRejectedAndChangeNothing) {
  const std::string before = Describe(policy_);
  EXPECT_EQ(before,
            "default (event day excluded; months by corresponding date; ICPC "
            "from the initiating strategy discussion; social worker's report "
            "24 hours before)");
  EXPECT_EQ(tsc_policy_set_counting(policy_, 2), TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("counting"));
  EXPECT_EQ(tsc_policy_set_counting(policy_, -1), TSC_INVALID_ARGUMENT);
  EXPECT_EQ(tsc_policy_set_month_convention(policy_, 3), TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("month convention"));
  EXPECT_EQ(tsc_policy_set_icpc_anchor(policy_, 2), TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("ICPC anchor"));
  EXPECT_EQ(tsc_policy_set_sw_report_working_days(policy_, -1),
            TSC_INVALID_ARGUMENT);
  EXPECT_EQ(tsc_policy_set_sw_report_working_days(policy_, 1001),
            TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("`n`"));
  EXPECT_EQ(tsc_policy_set_due_soon_working_days(policy_, -5),
            TSC_INVALID_ARGUMENT);
  EXPECT_EQ(tsc_policy_set_participation(policy_, 3), TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("participation"));
  EXPECT_EQ(Describe(policy_), before);
}

TEST_F(CapiRulesTest, EverySetterChangesTheAnswer) {
  ASSERT_EQ(tsc_policy_set_counting(policy_, TSC_COUNT_START_IS_DAY_ONE),
            TSC_OK);
  ASSERT_EQ(tsc_policy_set_month_convention(
                policy_, TSC_MONTHS_DAY_BEFORE_CORRESPONDING),
            TSC_OK);
  ASSERT_EQ(tsc_policy_set_icpc_anchor(policy_, TSC_ICPC_ANCHOR_LAST), TSC_OK);
  ASSERT_EQ(tsc_policy_set_strict_holidays(policy_, 1), TSC_OK);
  ASSERT_EQ(tsc_policy_set_participation(policy_, TSC_PARTICIPATION_CHILDREN),
            TSC_OK);
  ASSERT_EQ(tsc_policy_set_name(policy_, "Shire CC"), TSC_OK);
  const std::string described = Describe(policy_);
  EXPECT_THAT(described, ::testing::StartsWith("Shire CC ("));
  EXPECT_THAT(described, HasSubstr("the event day is day 1"));
  EXPECT_THAT(described, HasSubstr("the day before the corresponding date"));
  EXPECT_THAT(described, HasSubstr("ICPC from the last strategy discussion"));
  EXPECT_THAT(described, HasSubstr("strict holiday horizon"));
  EXPECT_THAT(described, HasSubstr("participation per child"));
  tsc_timescales* ts = WithPolicy();
  ASSERT_NE(ts, nullptr);
  // Example 1 counted from the event day: Tue 21 Jan 2020.
  EXPECT_EQ(Due(ts, "lac.first_review", Ymd(2019, 12, 20)), Ymd(2020, 1, 21));
  // 3 months ending the day before 22 Apr 2020.
  EXPECT_EQ(Due(ts, "lac.second_review", Ymd(2020, 1, 22)), Ymd(2020, 4, 21));
  // Strict: past the data (known until 2028-12-31) is an error.
  tsc_date d = 0;
  EXPECT_EQ(tsc_rule_due(&d, nullptr, nullptr, nullptr, ts, "lac.first_review",
                         Ymd(2028, 12, 20), TSC_NO_TIME),
            TSC_OUT_OF_RANGE);
  EXPECT_THAT(LastError(), HasSubstr("known until 2028-12-31"));
  tsc_timescales_free(ts);

  // The report 1 working day before, with statutory counting. Example 26:
  // 1 working day before Tue 2 Jan 2024 is Fri 29 Dec 2023.
  ASSERT_EQ(tsc_policy_set_counting(policy_, TSC_COUNT_START_EXCLUDED), TSC_OK);
  ASSERT_EQ(tsc_policy_set_sw_report_working_days(policy_, 1), TSC_OK);
  EXPECT_THAT(Describe(policy_), HasSubstr("event day excluded"));
  EXPECT_THAT(Describe(policy_), HasSubstr("report 1 working day"));
  ts = WithPolicy();
  ASSERT_NE(ts, nullptr);
  EXPECT_EQ(Due(ts, "lac.sw_report", Ymd(2024, 1, 2), 600), Ymd(2023, 12, 29));
  tsc_timescales_free(ts);

  // Back to 24 hours; fixed 91/183-day months; not strict.
  ASSERT_EQ(tsc_policy_set_sw_report_hours(policy_), TSC_OK);
  ASSERT_EQ(tsc_policy_set_month_convention(policy_, TSC_MONTHS_FIXED_DAYS),
            TSC_OK);
  ASSERT_EQ(tsc_policy_set_strict_holidays(policy_, 0), TSC_OK);
  ts = WithPolicy();
  ASSERT_NE(ts, nullptr);
  int32_t minute = 0;
  ASSERT_EQ(tsc_rule_due(&d, &minute, nullptr, nullptr, ts, "lac.sw_report",
                         Ymd(2024, 1, 2), 600),
            TSC_OK);
  EXPECT_EQ(d, Ymd(2024, 1, 1));  // 10:00 Mon 1 Jan 2024
  EXPECT_EQ(minute, 600);
  // 183 days after Fri 1 Jan 2021: Sat 3 Jul 2021.
  EXPECT_EQ(Due(ts, "lac.subsequent_review", Ymd(2021, 1, 1)), Ymd(2021, 7, 3));
  int provisional = -1;
  ASSERT_EQ(tsc_rule_due(&d, nullptr, nullptr, &provisional, ts,
                         "lac.first_review", Ymd(2028, 12, 20), TSC_NO_TIME),
            TSC_OK);
  EXPECT_EQ(provisional, 1);
  tsc_timescales_free(ts);
}

TEST_F(CapiRulesTest, DueSoonWindowComesFromThePolicy) {
  // First review due Wed 22 Jan 2020; as at Tue 7 Jan it is 11 working days
  // ahead: not yet due with the default 10, due soon with 11.
  tsc_schedule* s = nullptr;
  int status = -1;
  ASSERT_EQ(tsc_schedule_lac(&s, ts_, Ymd(2019, 12, 20), TSC_NO_DATE, 0,
                             nullptr, nullptr, 0, Ymd(2020, 1, 7)),
            TSC_OK);
  ASSERT_EQ(tsc_schedule_slot(nullptr, nullptr, nullptr, nullptr, nullptr,
                              &status, nullptr, s, 0),
            TSC_OK);
  EXPECT_EQ(status, TSC_SLOT_NOT_YET_DUE);
  tsc_schedule_free(s);

  ASSERT_EQ(tsc_policy_set_due_soon_working_days(policy_, 11), TSC_OK);
  tsc_timescales* ts = WithPolicy();
  ASSERT_EQ(tsc_schedule_lac(&s, ts, Ymd(2019, 12, 20), TSC_NO_DATE, 0, nullptr,
                             nullptr, 0, Ymd(2020, 1, 7)),
            TSC_OK);
  ASSERT_EQ(tsc_schedule_slot(nullptr, nullptr, nullptr, nullptr, nullptr,
                              &status, nullptr, s, 0),
            TSC_OK);
  EXPECT_EQ(status, TSC_SLOT_DUE_SOON);
  tsc_schedule_free(s);
  tsc_timescales_free(ts);
}

TEST_F(CapiRulesTest, PolicyFromJson) {
  const std::string json = R"({"name": "Shire CC", "sw_report":
      "working_days", "sw_report_working_days": 3})";
  tsc_policy* policy = nullptr;
  ASSERT_EQ(tsc_policy_from_json(&policy, json.data(), json.size()), TSC_OK)
      << LastError();
  EXPECT_THAT(Describe(policy), HasSubstr("3 working days before"));
  tsc_timescales* ts = nullptr;
  ASSERT_EQ(tsc_timescales_create(&ts, cal_, nullptr, policy), TSC_OK);
  tsc_policy_free(policy);
  // Example 26: Wed 27 Dec 2023.
  EXPECT_EQ(Due(ts, "lac.sw_report", Ymd(2024, 1, 2)), Ymd(2023, 12, 27));
  tsc_timescales_free(ts);

  for (const std::string& bad :
       {std::string(R"({"months": "lunar"})"),
        std::string(R"({"countng": "start_excluded"})"), std::string("[1]"),
        std::string("{\n  \"name\": }"), std::string()}) {
    policy = reinterpret_cast<tsc_policy*>(&policy);
    EXPECT_EQ(tsc_policy_from_json(&policy, bad.data(), bad.size()),
              TSC_INVALID_ARGUMENT)
        << bad;
    EXPECT_EQ(policy, nullptr);
  }
  const std::string typo = R"({"countng": "start_excluded"})";
  ASSERT_EQ(tsc_policy_from_json(&policy, typo.data(), typo.size()),
            TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("unknown key \"countng\""));
}

// ---- Rule catalogues --------------------------------------------------------

TEST_F(CapiRulesTest, BuiltinCatalogueHoldsRulesMd) {
  struct Expected {
    const char* id;
    int32_t offset;
    int unit;
  };
  // docs/rules.md#catalogue table.
  const Expected expected[] = {
      {"lac.first_review", 20, TSC_UNIT_WORKING_DAYS},
      {"lac.second_review", 3, TSC_UNIT_MONTHS},
      {"lac.subsequent_review", 6, TSC_UNIT_MONTHS},
      {"lac.review_decisions", 5, TSC_UNIT_WORKING_DAYS},
      {"lac.review_record", 20, TSC_UNIT_WORKING_DAYS},
      {"lac.sw_report", -24, TSC_UNIT_HOURS},
      {"lac.care_plan", 10, TSC_UNIT_WORKING_DAYS},
      {"lac.placement_plan", 5, TSC_UNIT_WORKING_DAYS},
      {"lac.placement_notification", 5, TSC_UNIT_WORKING_DAYS},
      {"lac.first_visit", 7, TSC_UNIT_DAYS},
      {"lac.visit_first_year", 42, TSC_UNIT_DAYS},
      {"lac.visit_long_term", 3, TSC_UNIT_MONTHS},
      {"lac.visit_other", 42, TSC_UNIT_DAYS},
      {"cin.referral_decision", 1, TSC_UNIT_WORKING_DAYS},
      {"cin.assessment", 45, TSC_UNIT_WORKING_DAYS},
      {"cp.icpc", 15, TSC_UNIT_WORKING_DAYS},
      {"cp.core_group", 10, TSC_UNIT_WORKING_DAYS},
      {"cp.first_rcpc", 3, TSC_UNIT_MONTHS},
      {"cp.subsequent_rcpc", 6, TSC_UNIT_MONTHS},
  };
  size_t count = 0;
  ASSERT_EQ(tsc_rule_catalogue_count(&count, rules_), TSC_OK);
  for (const Expected& e : expected) {
    bool found = false;
    for (size_t i = 0; i < count && !found; ++i) {
      const char *id = nullptr, *description = nullptr, *anchor = nullptr,
                 *source = nullptr;
      int32_t offset = 0;
      int unit = -1;
      ASSERT_EQ(tsc_rule_catalogue_get(&id, &description, &anchor, &offset,
                                       &unit, &source, rules_, i),
                TSC_OK);
      if (std::strcmp(id, e.id) != 0) continue;
      found = true;
      EXPECT_EQ(offset, e.offset) << e.id;
      EXPECT_EQ(unit, e.unit) << e.id;
      EXPECT_GT(std::strlen(description), 0u) << e.id;
      EXPECT_GT(std::strlen(anchor), 0u) << e.id;
      EXPECT_GT(std::strlen(source), 0u) << e.id;
    }
    EXPECT_TRUE(found) << e.id;
  }
  EXPECT_EQ(tsc_rule_catalogue_get(nullptr, nullptr, nullptr, nullptr, nullptr,
                                   nullptr, rules_, count),
            TSC_OUT_OF_RANGE);
  EXPECT_THAT(LastError(), HasSubstr("index"));
}

TEST_F(CapiRulesTest, JsonOverridesAndAddsRules) {
  const std::string json = R"({"rules": {
      "lac.review_record": {"offset": 15},
      "cp.visit": {"offset": 10, "unit": "working_days",
                   "anchor": "previous visit",
                   "description": "CP statutory visit"},
      "cp.icpc_reports": {"offset": -2, "unit": "working_days",
                          "source": "Liverpool procedures"}}})";
  tsc_rule_catalogue* local = nullptr;
  ASSERT_EQ(tsc_rule_catalogue_from_json(&local, json.data(), json.size()),
            TSC_OK)
      << LastError();
  size_t builtin = 0, count = 0;
  ASSERT_EQ(tsc_rule_catalogue_count(&builtin, rules_), TSC_OK);
  ASSERT_EQ(tsc_rule_catalogue_count(&count, local), TSC_OK);
  EXPECT_EQ(count, builtin + 2);
  // The additions come after the built-in rules.
  const char *id = nullptr, *description = nullptr, *anchor = nullptr,
             *source = nullptr;
  int32_t offset = 0;
  int unit = -1;
  size_t visit = count;
  for (size_t i = builtin; i < count; ++i) {
    ASSERT_EQ(tsc_rule_catalogue_get(&id, nullptr, nullptr, nullptr, nullptr,
                                     nullptr, local, i),
              TSC_OK);
    if (std::strcmp(id, "cp.visit") == 0) visit = i;
  }
  ASSERT_LT(visit, count);
  ASSERT_EQ(tsc_rule_catalogue_get(&id, &description, &anchor, &offset, &unit,
                                   &source, local, visit),
            TSC_OK);
  EXPECT_STREQ(id, "cp.visit");
  EXPECT_STREQ(description, "CP statutory visit");
  EXPECT_STREQ(anchor, "previous visit");
  EXPECT_STREQ(source, "local configuration");
  EXPECT_EQ(offset, 10);
  EXPECT_EQ(unit, TSC_UNIT_WORKING_DAYS);

  tsc_timescales* ts = nullptr;
  ASSERT_EQ(tsc_timescales_create(&ts, cal_, local, nullptr), TSC_OK);
  tsc_rule_catalogue_free(local);  // copied by the engine
  // Example 22 with a 15-working-day record: Fri 1 Apr 2022 -> Tue 26 Apr
  // (Good Friday 15 Apr and Easter Monday 18 Apr skipped).
  EXPECT_EQ(Due(ts, "lac.review_record", Ymd(2022, 4, 1)), Ymd(2022, 4, 26));
  // 2 working days before Tue 2 Jan 2024: Fri 29 (1), Thu 28 Dec (2).
  EXPECT_EQ(Due(ts, "cp.icpc_reports", Ymd(2024, 1, 2)), Ymd(2023, 12, 28));
  // The default engine still has the built-in 20 (example 22: Wed 4 May).
  EXPECT_EQ(Due(ts_, "lac.review_record", Ymd(2022, 4, 1)), Ymd(2022, 5, 4));
  tsc_date d = 0;
  EXPECT_EQ(tsc_rule_due(&d, nullptr, nullptr, nullptr, ts_, "cp.visit",
                         Ymd(2022, 4, 1), TSC_NO_TIME),
            TSC_NOT_FOUND);
  char* explained = nullptr;
  ASSERT_EQ(tsc_rule_due_explain(&explained, ts, "cp.icpc_reports",
                                 Ymd(2024, 1, 2), TSC_NO_TIME),
            TSC_OK);
  EXPECT_THAT(Take(explained), HasSubstr("Liverpool procedures"));
  tsc_timescales_free(ts);
}

TEST_F(CapiRulesTest, JsonRuleErrorsNameTheKey) {
  struct Bad {
    const char* json;
    const char* message;
  };
  const Bad cases[] = {
      {R"({"rules": {"lac.review_record": {"ofset": 15}}})",
       "unknown key \"ofset\""},
      {R"({"rulez": {}})", "unknown key \"rulez\""},
      {R"({"rules": {"x.new": {"offset": 3}}})", "needs \"offset\" and"},
      {R"({"rules": {"x.new": {"offset": 3, "unit": "fortnights"}}})",
       "unknown unit 'fortnights'"},
      {"{\"rules\": {\n  \"x\": }", "line 2"},
  };
  for (const Bad& c : cases) {
    tsc_rule_catalogue* rules = reinterpret_cast<tsc_rule_catalogue*>(&rules_);
    EXPECT_EQ(tsc_rule_catalogue_from_json(&rules, c.json, std::strlen(c.json)),
              TSC_INVALID_ARGUMENT)
        << c.json;
    EXPECT_EQ(rules, nullptr);
    EXPECT_THAT(LastError(), HasSubstr(c.message)) << c.json;
  }
}

// ---- Due dates --------------------------------------------------------------

TEST_F(CapiRulesTest, UnknownRuleIsNotFoundEverywhere) {
  const char* bad = "lac.frist_review";
  const tsc_date a = Ymd(2019, 12, 20);
  tsc_date d = 0;
  int i = 0;
  int32_t n = 0;
  char* text = nullptr;
  tsc_date anchors[1] = {a};
  int64_t anchors64[1] = {a};
  int64_t out64[1];
  const int statuses[] = {
      tsc_rule_due(&d, nullptr, nullptr, nullptr, ts_, bad, a, TSC_NO_TIME),
      tsc_rule_due_explain(&text, ts_, bad, a, TSC_NO_TIME),
      tsc_rule_due_working(&text, ts_, bad, a, TSC_NO_TIME),
      tsc_rule_on_time(&i, ts_, bad, a, TSC_NO_TIME, a, TSC_NO_TIME),
      tsc_rule_lateness_working_days(&n, ts_, bad, a, TSC_NO_TIME, a,
                                     TSC_NO_TIME),
      tsc_rule_due_batch(&d, ts_, bad, anchors, 1),
      tsc_rule_due_batch_i64(out64, ts_, bad, anchors64, 1),
      // An empty batch still names an unknown rule.
      tsc_rule_due_batch_i64(nullptr, ts_, bad, nullptr, 0),
  };
  for (int status : statuses) EXPECT_EQ(status, TSC_NOT_FOUND);
  EXPECT_EQ(text, nullptr);
  EXPECT_THAT(LastError(), HasSubstr("unknown rule 'lac.frist_review'"));
  EXPECT_THAT(LastError(), HasSubstr("lac.first_review"));  // the known ids
}

TEST_F(CapiRulesTest, BadTimesAndDates) {
  const char* r = "lac.sw_report";
  const tsc_date a = Ymd(2024, 3, 5);
  tsc_date d = 0;
  int i = 0;
  for (int32_t minute : {-2, 1440, 100000, INT32_MIN}) {
    EXPECT_EQ(tsc_rule_due(&d, nullptr, nullptr, nullptr, ts_, r, a, minute),
              TSC_INVALID_ARGUMENT)
        << minute;
    EXPECT_THAT(LastError(), HasSubstr("`anchor_minute`"));
  }
  EXPECT_EQ(tsc_rule_on_time(&i, ts_, r, a, 600, a, 1440),
            TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("`done_minute`"));
  // Minutes 0 and 1439 are fine: midnight and 23:59.
  EXPECT_EQ(tsc_rule_due(&d, nullptr, nullptr, nullptr, ts_, r, a, 0), TSC_OK);
  EXPECT_EQ(tsc_rule_due(&d, nullptr, nullptr, nullptr, ts_, r, a, 1439),
            TSC_OK);

  for (tsc_date bad : {TSC_NO_DATE, TSC_MIN_DATE - 1, TSC_MAX_DATE + 1}) {
    EXPECT_EQ(
        tsc_rule_due(&d, nullptr, nullptr, nullptr, ts_, r, bad, TSC_NO_TIME),
        TSC_OUT_OF_RANGE);
    EXPECT_THAT(LastError(), HasSubstr("`anchor`"));
    EXPECT_EQ(tsc_rule_lateness_working_days(&d, ts_, r, a, TSC_NO_TIME, bad,
                                             TSC_NO_TIME),
              TSC_OUT_OF_RANGE);
    EXPECT_THAT(LastError(), HasSubstr("`done`"));
  }
  // A due date leaving the range.
  EXPECT_EQ(tsc_rule_due(&d, nullptr, nullptr, nullptr, ts_,
                         "lac.subsequent_review", Ymd(2199, 8, 1), TSC_NO_TIME),
            TSC_OUT_OF_RANGE);
}

TEST_F(CapiRulesTest, OnTimeAndLatenessAroundTheDueDate) {
  // Example 15: due Tue 4 Oct 2022.
  const tsc_date sd = Ymd(2022, 9, 12);
  int on_time = -1;
  int32_t late = 0;
  ASSERT_EQ(tsc_rule_on_time(&on_time, ts_, "cp.icpc", sd, TSC_NO_TIME,
                             Ymd(2022, 10, 4), TSC_NO_TIME),
            TSC_OK);
  EXPECT_EQ(on_time, 1);
  ASSERT_EQ(
      tsc_rule_lateness_working_days(&late, ts_, "cp.icpc", sd, TSC_NO_TIME,
                                     Ymd(2022, 9, 30), TSC_NO_TIME),
      TSC_OK);
  EXPECT_EQ(late, -2);  // Fri 30 Sep, two working days early
  ASSERT_EQ(
      tsc_rule_lateness_working_days(&late, ts_, "cp.icpc", sd, TSC_NO_TIME,
                                     Ymd(2022, 10, 7), TSC_NO_TIME),
      TSC_OK);
  EXPECT_EQ(late, 3);  // Wed 5, Thu 6, Fri 7 Oct
  // 24 hours before 10:00 Tue 5 Mar 2024: exactly then is in time, a
  // minute later is not, and a date-only receipt is judged by its date.
  const tsc_date review = Ymd(2024, 3, 5), before = Ymd(2024, 3, 4);
  ASSERT_EQ(tsc_rule_on_time(&on_time, ts_, "lac.sw_report", review, 600,
                             before, 600),
            TSC_OK);
  EXPECT_EQ(on_time, 1);
  ASSERT_EQ(tsc_rule_on_time(&on_time, ts_, "lac.sw_report", review, 600,
                             before, 601),
            TSC_OK);
  EXPECT_EQ(on_time, 0);
  ASSERT_EQ(tsc_rule_on_time(&on_time, ts_, "lac.sw_report", review, 600,
                             before, TSC_NO_TIME),
            TSC_OK);
  EXPECT_EQ(on_time, 1);
}

TEST_F(CapiRulesTest, ClockChangesCountElapsedHours) {
  struct Case {
    tsc_date review;
    int32_t minute;
    tsc_date due;
    int32_t due_minute;
  };
  const Case cases[] = {
      // docs/conventions.md#hours: 10:00 Sun 27 Oct 2024 (GMT) -> 11:00 Sat 26
      // Oct (BST).
      {Ymd(2024, 10, 27), 600, Ymd(2024, 10, 26), 660},
      // Spring forward: 10:00 Sun 31 Mar 2024 (BST) -> 09:00 Sat 30 (GMT).
      {Ymd(2024, 3, 31), 600, Ymd(2024, 3, 30), 540},
      {Ymd(2024, 1, 2), 600, Ymd(2024, 1, 1), 600},
  };
  for (const Case& c : cases) {
    tsc_date due = 0;
    int32_t minute = 0;
    ASSERT_EQ(tsc_rule_due(&due, &minute, nullptr, nullptr, ts_,
                           "lac.sw_report", c.review, c.minute),
              TSC_OK);
    EXPECT_EQ(due, c.due);
    EXPECT_EQ(minute, c.due_minute);
  }
  // Date only: by the end of the day before, and no time.
  tsc_date due = 0;
  int32_t minute = 0;
  ASSERT_EQ(tsc_rule_due(&due, &minute, nullptr, nullptr, ts_, "lac.sw_report",
                         Ymd(2024, 1, 2), TSC_NO_TIME),
            TSC_OK);
  EXPECT_EQ(due, Ymd(2024, 1, 1));
  EXPECT_EQ(minute, TSC_NO_TIME);
  char* working = nullptr;
  ASSERT_EQ(tsc_rule_due_working(&working, ts_, "lac.sw_report",
                                 Ymd(2024, 10, 27), 600),
            TSC_OK);
  EXPECT_EQ(Take(working),
            "24 hours before 10:00 Sun 27 Oct 2024 (Europe/London): 11:00 Sat "
            "26 Oct 2024, a non-working day (weekend)");
}

TEST_F(CapiRulesTest, ExplanationNamesRulePolicyAndCalendar) {
  char* text = nullptr;
  ASSERT_EQ(tsc_rule_due_explain(&text, ts_, "lac.second_review",
                                 Ymd(2020, 1, 10), TSC_NO_TIME),
            TSC_OK);
  const std::string explained = Take(text);
  // Example 3: due Good Friday, practical Thu 9 Apr 2020.
  EXPECT_THAT(explained, HasSubstr("lac.second_review"));
  EXPECT_THAT(explained, HasSubstr("Good Friday"));
  EXPECT_THAT(explained, HasSubstr("practical due date Thu 9 Apr 2020"));
  EXPECT_THAT(explained, HasSubstr("policy: default (event day excluded"));
  EXPECT_THAT(explained, HasSubstr("calendar: england-and-wales (data"));
}

// Every rule of the catalogue: the batches equal the scalar function over
// thousands of anchors, and the int32 and int64 batches agree.
TEST_F(CapiRulesTest, BatchEqualsScalarForEveryRule) {
  std::vector<tsc_date> anchors;
  for (tsc_date d = Ymd(2015, 1, 1); d <= Ymd(2030, 12, 31); d += 2) {
    anchors.push_back(d);
  }
  ASSERT_GT(anchors.size(), 2000u);  // more than one int64 chunk
  const std::vector<int64_t> anchors64(anchors.begin(), anchors.end());
  for (const std::string& rule : RuleIds()) {
    std::vector<tsc_date> batch(anchors.size(), TSC_NO_DATE);
    std::vector<int64_t> batch64(anchors.size(), -1);
    ASSERT_EQ(tsc_rule_due_batch(batch.data(), ts_, rule.c_str(),
                                 anchors.data(), anchors.size()),
              TSC_OK)
        << rule << ": " << LastError();
    ASSERT_EQ(tsc_rule_due_batch_i64(batch64.data(), ts_, rule.c_str(),
                                     anchors64.data(), anchors64.size()),
              TSC_OK)
        << rule << ": " << LastError();
    for (size_t i = 0; i < anchors.size(); ++i) {
      tsc_date legal = TSC_NO_DATE;
      ASSERT_EQ(tsc_rule_due(&legal, nullptr, nullptr, nullptr, ts_,
                             rule.c_str(), anchors[i], TSC_NO_TIME),
                TSC_OK);
      ASSERT_EQ(batch[i], legal) << rule << " from " << anchors[i];
      ASSERT_EQ(batch64[i], legal) << rule << " from " << anchors[i];
    }
  }
  // Worked examples inside the batch: 20 Dec 2019 -> 22 Jan 2020.
  const tsc_date one[1] = {Ymd(2019, 12, 20)};
  tsc_date out[1];
  ASSERT_EQ(tsc_rule_due_batch(out, ts_, "lac.first_review", one, 1), TSC_OK);
  EXPECT_EQ(out[0], Ymd(2020, 1, 22));
}

TEST_F(CapiRulesTest, BatchErrorsNameTheIndexInTheWholeArray) {
  // 1500 valid anchors, then a bad one past the first 1024-element chunk.
  std::vector<int64_t> anchors64(1501, Ymd(2019, 12, 20));
  std::vector<tsc_date> anchors(1501, Ymd(2019, 12, 20));
  for (int64_t bad :
       {int64_t{TSC_MAX_DATE} + 1, int64_t{INT64_MIN}, int64_t{1} << 40}) {
    anchors64[1500] = bad;
    std::vector<int64_t> out(anchors64.size(), 0);
    EXPECT_EQ(tsc_rule_due_batch_i64(out.data(), ts_, "lac.first_review",
                                     anchors64.data(), anchors64.size()),
              TSC_OUT_OF_RANGE);
    EXPECT_THAT(LastError(), HasSubstr("element 1500"));
  }
  // A due date leaving the range: the last day plus 20 working days. The
  // elements before the failing one are written.
  anchors64[1500] = TSC_MAX_DATE;
  anchors[1500] = TSC_MAX_DATE;
  std::vector<int64_t> out64(anchors64.size(), 0);
  EXPECT_EQ(tsc_rule_due_batch_i64(out64.data(), ts_, "lac.first_review",
                                   anchors64.data(), anchors64.size()),
            TSC_OUT_OF_RANGE);
  EXPECT_THAT(LastError(), HasSubstr("element 1500"));
  EXPECT_EQ(out64[1499], Ymd(2020, 1, 22));
  std::vector<tsc_date> out(anchors.size(), 0);
  EXPECT_EQ(tsc_rule_due_batch(out.data(), ts_, "lac.first_review",
                               anchors.data(), anchors.size()),
            TSC_OUT_OF_RANGE);
  EXPECT_THAT(LastError(), HasSubstr("element 1500"));
  EXPECT_EQ(out[1499], Ymd(2020, 1, 22));
  // Months too.
  anchors[7] = TSC_NO_DATE;
  EXPECT_EQ(tsc_rule_due_batch(out.data(), ts_, "lac.second_review",
                               anchors.data(), anchors.size()),
            TSC_OUT_OF_RANGE);
  EXPECT_THAT(LastError(), HasSubstr("element 7"));
}

// ---- Review chains ----------------------------------------------------------

struct SlotView {
  int number = 0;
  std::string rule;
  tsc_date legal = 0, practical = 0, held = 0;
  int status = -1;
  int32_t late = -1;
};

SlotView GetSlot(const tsc_schedule* s, size_t index) {
  SlotView v;
  const char* rule = nullptr;
  EXPECT_EQ(tsc_schedule_slot(&v.number, &rule, &v.legal, &v.practical, &v.held,
                              &v.status, &v.late, s, index),
            TSC_OK)
      << LastError();
  v.rule = rule == nullptr ? "" : rule;
  return v;
}

nlohmann::json ScheduleJson(const tsc_schedule* s) {
  char* text = nullptr;
  EXPECT_EQ(tsc_schedule_to_json(&text, s), TSC_OK) << LastError();
  return nlohmann::json::parse(Take(text));
}

TEST_F(CapiRulesTest, LacChainFromActualDates) {
  const tsc_date reviews[2] = {Ymd(2020, 1, 22), Ymd(2020, 4, 23)};
  tsc_schedule* s = nullptr;
  ASSERT_EQ(tsc_schedule_lac(&s, ts_, Ymd(2019, 12, 20), TSC_NO_DATE, 0,
                             reviews, nullptr, 2, Ymd(2020, 11, 1)),
            TSC_OK)
      << LastError();
  size_t count = 0;
  ASSERT_EQ(tsc_schedule_slot_count(&count, s), TSC_OK);
  ASSERT_EQ(count, 3u);
  const SlotView a = GetSlot(s, 0), b = GetSlot(s, 1), c = GetSlot(s, 2);
  EXPECT_EQ(a.legal, Ymd(2020, 1, 22));
  EXPECT_EQ(a.status, TSC_SLOT_ON_TIME);
  EXPECT_EQ(b.legal, Ymd(2020, 4, 22));
  EXPECT_EQ(b.held, Ymd(2020, 4, 23));
  EXPECT_EQ(b.status, TSC_SLOT_LATE);
  EXPECT_EQ(b.late, 1);
  EXPECT_EQ(c.rule, "lac.subsequent_review");
  EXPECT_EQ(c.legal, Ymd(2020, 10, 23));
  EXPECT_EQ(c.practical, Ymd(2020, 10, 23));
  EXPECT_EQ(c.held, TSC_NO_DATE);
  EXPECT_EQ(c.status, TSC_SLOT_OVERDUE);
  EXPECT_EQ(c.late, 5);  // 26 to 30 Oct 2020

  const nlohmann::json j = ScheduleJson(s);
  EXPECT_EQ(j["kind"], "lac");
  EXPECT_EQ(j["start"], "2019-12-20");
  EXPECT_TRUE(j["end"].is_null());
  EXPECT_EQ(j["as_at"], "2020-11-01");
  EXPECT_EQ(j["next_due"], "2020-10-23");
  EXPECT_TRUE(j["core_group"].is_null());
  ASSERT_EQ(j["slots"].size(), 3u);
  EXPECT_EQ(j["slots"][1]["rule"], "lac.second_review");
  EXPECT_EQ(j["slots"][1]["legal_due"], "2020-04-22");
  EXPECT_EQ(j["slots"][1]["held"], "2020-04-23");
  EXPECT_EQ(j["slots"][1]["status"], "late");
  EXPECT_EQ(j["slots"][1]["working_days_late"], 1);
  EXPECT_TRUE(j["slots"][2]["held"].is_null());
  // A held review carries its decisions, record and report deadlines. Held
  // Wed 22 Jan 2020: decisions by Wed 29 Jan (5 WD), record by Wed 19 Feb
  // (20 WD), report by the end of Tue 21 Jan (24 hours, date only); none
  // was recorded, so all are overdue as at 1 Nov.
  const nlohmann::json& d = j["slots"][0]["deadlines"];
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0]["rule"], "lac.review_decisions");
  EXPECT_EQ(d[0]["legal_due"], "2020-01-29");
  EXPECT_EQ(d[1]["rule"], "lac.review_record");
  EXPECT_EQ(d[1]["legal_due"], "2020-02-19");
  EXPECT_EQ(d[2]["rule"], "lac.sw_report");
  EXPECT_EQ(d[2]["legal_due"], "2020-01-21");
  for (const auto& deadline : d) {
    EXPECT_EQ(deadline["status"], "overdue");
    EXPECT_TRUE(deadline["done"].is_null());
  }
  EXPECT_THAT(j["policy"].get<std::string>(), HasSubstr("default"));
  EXPECT_THAT(j["calendar"].get<std::string>(), HasSubstr("england-and-wales"));
  tsc_schedule_free(s);
}

TEST_F(CapiRulesTest, LacReviewTimesReachTheReportDeadline) {
  // Held 10:00 Fri 1 Apr 2022: the report was due 10:00 Thu 31 Mar.
  const tsc_date reviews[1] = {Ymd(2022, 4, 1)};
  const int32_t minutes[1] = {600};
  tsc_schedule* s = nullptr;
  ASSERT_EQ(tsc_schedule_lac(&s, ts_, Ymd(2022, 3, 4), TSC_NO_DATE, 0, reviews,
                             minutes, 1, Ymd(2022, 4, 20)),
            TSC_OK)
      << LastError();
  const nlohmann::json j = ScheduleJson(s);
  EXPECT_EQ(j["slots"][0]["held"], "2022-04-01T10:00");
  EXPECT_EQ(j["slots"][0]["deadlines"][2]["legal_due"], "2022-03-31T10:00");
  // The record (Wed 4 May 2022, example 22) is 9 working days ahead on
  // 20 Apr (2 May is a holiday): due soon.
  EXPECT_EQ(j["slots"][0]["deadlines"][1]["legal_due"], "2022-05-04");
  EXPECT_EQ(j["slots"][0]["deadlines"][1]["status"], "due_soon");
  tsc_schedule_free(s);

  const int32_t bad_minutes[1] = {1440};
  s = reinterpret_cast<tsc_schedule*>(&s);
  EXPECT_EQ(tsc_schedule_lac(&s, ts_, Ymd(2022, 3, 4), TSC_NO_DATE, 0, reviews,
                             bad_minutes, 1, Ymd(2022, 4, 20)),
            TSC_INVALID_ARGUMENT);
  EXPECT_EQ(s, nullptr);
  EXPECT_THAT(LastError(), HasSubstr("`review_minutes[0]`"));
}

TEST_F(CapiRulesTest, WhatWasDoneMeetsOrMissesTheReviewDeadlines) {
  // Held Wed 22 Jan 2020 (looked after from Fri 20 Dec 2019): decisions due
  // Wed 29 Jan, the record Wed 19 Feb, the report by the end of Tue 21 Jan.
  // The report came on the 21st (on time), the decisions on Thu 30 Jan (a
  // day late), the record never (overdue by 1 Nov).
  const tsc_date reviews[1] = {Ymd(2020, 1, 22)};
  const tsc_date sw_report[1] = {Ymd(2020, 1, 21)};
  const tsc_date decisions[1] = {Ymd(2020, 1, 30)};
  const int32_t decisions_minutes[1] = {9 * 60 + 15};
  const tsc_date record[1] = {TSC_NO_DATE};
  tsc_schedule* s = nullptr;
  ASSERT_EQ(tsc_schedule_lac_done(&s, ts_, Ymd(2019, 12, 20), TSC_NO_DATE, 0,
                                  reviews, nullptr, 1, sw_report, nullptr,
                                  decisions, decisions_minutes, record, nullptr,
                                  Ymd(2020, 11, 1)),
            TSC_OK)
      << LastError();
  const nlohmann::json d = ScheduleJson(s)["slots"][0]["deadlines"];
  tsc_schedule_free(s);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0]["rule"], "lac.review_decisions");
  EXPECT_EQ(d[0]["status"], "late");
  EXPECT_EQ(d[0]["done"], "2020-01-30T09:15");
  EXPECT_EQ(d[1]["rule"], "lac.review_record");
  EXPECT_EQ(d[1]["status"], "overdue");
  EXPECT_TRUE(d[1]["done"].is_null());
  EXPECT_EQ(d[2]["rule"], "lac.sw_report");
  EXPECT_EQ(d[2]["status"], "on_time");
  EXPECT_EQ(d[2]["done"], "2020-01-21");

  // Every array NULL: exactly tsc_schedule_lac.
  tsc_schedule* plain = nullptr;
  ASSERT_EQ(tsc_schedule_lac(&plain, ts_, Ymd(2019, 12, 20), TSC_NO_DATE, 0,
                             reviews, nullptr, 1, Ymd(2020, 11, 1)),
            TSC_OK);
  ASSERT_EQ(
      tsc_schedule_lac_done(&s, ts_, Ymd(2019, 12, 20), TSC_NO_DATE, 0, reviews,
                            nullptr, 1, nullptr, nullptr, nullptr, nullptr,
                            nullptr, nullptr, Ymd(2020, 11, 1)),
      TSC_OK);
  EXPECT_EQ(ScheduleJson(s), ScheduleJson(plain));
  tsc_schedule_free(s);
  tsc_schedule_free(plain);

  // A bad time or date names its array and index, and nothing is made.
  const int32_t bad_minutes[1] = {1440};
  s = reinterpret_cast<tsc_schedule*>(&s);
  EXPECT_EQ(
      tsc_schedule_lac_done(&s, ts_, Ymd(2019, 12, 20), TSC_NO_DATE, 0, reviews,
                            nullptr, 1, nullptr, nullptr, decisions,
                            bad_minutes, nullptr, nullptr, Ymd(2020, 11, 1)),
      TSC_INVALID_ARGUMENT);
  EXPECT_EQ(s, nullptr);
  EXPECT_THAT(LastError(), HasSubstr("`decisions_minutes[0]`"));
  const tsc_date too_late[1] = {TSC_MAX_DATE + 1};
  EXPECT_EQ(
      tsc_schedule_lac_done(&s, ts_, Ymd(2019, 12, 20), TSC_NO_DATE, 0, reviews,
                            nullptr, 1, nullptr, nullptr, nullptr, nullptr,
                            too_late, nullptr, Ymd(2020, 11, 1)),
      TSC_OUT_OF_RANGE);
  EXPECT_THAT(LastError(), HasSubstr("`record[0]`"));
  // NULL `out` or `ts`: refused like tsc_schedule_lac.
  EXPECT_TRUE(NullRejected(
      tsc_schedule_lac_done(nullptr, ts_, Ymd(2019, 12, 20), TSC_NO_DATE, 0,
                            reviews, nullptr, 1, nullptr, nullptr, nullptr,
                            nullptr, nullptr, nullptr, Ymd(2020, 11, 1)),
      "out"));
}

TEST_F(CapiRulesTest, LacEndsShortBreaksAndDuplicates) {
  // Left care on 10 Jan 2020, before the first review was due: not required
  // and nothing is next.
  tsc_schedule* s = nullptr;
  ASSERT_EQ(tsc_schedule_lac(&s, ts_, Ymd(2019, 12, 20), Ymd(2020, 1, 10), 0,
                             nullptr, nullptr, 0, Ymd(2020, 3, 1)),
            TSC_OK);
  EXPECT_EQ(GetSlot(s, 0).status, TSC_SLOT_NOT_REQUIRED);
  tsc_date next = 0;
  ASSERT_EQ(tsc_schedule_next_due(&next, s), TSC_OK);
  EXPECT_EQ(next, TSC_NO_DATE);
  EXPECT_EQ(ScheduleJson(s)["end"], "2020-01-10");
  tsc_schedule_free(s);

  // Short breaks: 3 months from 15 Jan 2024, then 6 from the review held.
  const tsc_date held[1] = {Ymd(2024, 4, 10)};
  ASSERT_EQ(tsc_schedule_lac(&s, ts_, Ymd(2024, 1, 15), TSC_NO_DATE, 1, held,
                             nullptr, 1, Ymd(2024, 5, 1)),
            TSC_OK);
  EXPECT_EQ(ScheduleJson(s)["kind"], "lac_short_break");
  EXPECT_EQ(GetSlot(s, 0).legal, Ymd(2024, 4, 15));
  EXPECT_EQ(GetSlot(s, 1).legal, Ymd(2024, 10, 10));
  tsc_schedule_free(s);

  // Two reviews on one date count once.
  const tsc_date twice[2] = {Ymd(2020, 1, 22), Ymd(2020, 1, 22)};
  ASSERT_EQ(tsc_schedule_lac(&s, ts_, Ymd(2019, 12, 20), TSC_NO_DATE, 0, twice,
                             nullptr, 2, Ymd(2020, 2, 1)),
            TSC_OK);
  size_t count = 0;
  ASSERT_EQ(tsc_schedule_slot_count(&count, s), TSC_OK);
  EXPECT_EQ(count, 2u);
  EXPECT_EQ(ScheduleJson(s)["duplicates"], nlohmann::json({"2020-01-22"}));
  tsc_schedule_free(s);

  // A review before the start; an end before the start; bad dates.
  const tsc_date early[1] = {Ymd(2019, 12, 1)};
  s = reinterpret_cast<tsc_schedule*>(&s);
  EXPECT_EQ(tsc_schedule_lac(&s, ts_, Ymd(2019, 12, 20), TSC_NO_DATE, 0, early,
                             nullptr, 1, Ymd(2020, 2, 1)),
            TSC_INVALID_ARGUMENT);
  EXPECT_EQ(s, nullptr);
  EXPECT_THAT(LastError(), HasSubstr("review on 2019-12-01 is outside"));
  EXPECT_EQ(tsc_schedule_lac(&s, ts_, Ymd(2019, 12, 20), Ymd(2019, 12, 1), 0,
                             nullptr, nullptr, 0, Ymd(2020, 2, 1)),
            TSC_INVALID_ARGUMENT);
  EXPECT_EQ(tsc_schedule_lac(&s, ts_, TSC_NO_DATE, TSC_NO_DATE, 0, nullptr,
                             nullptr, 0, Ymd(2020, 2, 1)),
            TSC_OUT_OF_RANGE);
  EXPECT_THAT(LastError(), HasSubstr("`start`"));
  EXPECT_EQ(tsc_schedule_lac(&s, ts_, Ymd(2019, 12, 20), TSC_NO_DATE, 0,
                             nullptr, nullptr, 0, TSC_NO_DATE),
            TSC_OUT_OF_RANGE);
  EXPECT_THAT(LastError(), HasSubstr("`as_at`"));
  const tsc_date out_of_range[1] = {TSC_MAX_DATE + 1};
  EXPECT_EQ(tsc_schedule_lac(&s, ts_, Ymd(2019, 12, 20), TSC_NO_DATE, 0,
                             out_of_range, nullptr, 1, Ymd(2020, 2, 1)),
            TSC_OUT_OF_RANGE);
  EXPECT_THAT(LastError(), HasSubstr("`reviews[0]`"));
}

TEST_F(CapiRulesTest, CpPlanConferencesAndCoreGroup) {
  // Example 6: ICPC Thu 30 Nov 2023 -> RCPC by Thu 29 Feb 2024; held
  // Wed 28 Feb -> next by Wed 28 Aug 2024. Core group by Thu 14 Dec 2023
  // (10 working days), held on 15 Dec: late.
  const tsc_date conferences[1] = {Ymd(2024, 2, 28)};
  tsc_schedule* s = nullptr;
  ASSERT_EQ(tsc_schedule_cp(&s, ts_, Ymd(2023, 11, 30), TSC_NO_DATE,
                            Ymd(2023, 12, 15), conferences, 1, Ymd(2024, 9, 2)),
            TSC_OK)
      << LastError();
  size_t count = 0;
  ASSERT_EQ(tsc_schedule_slot_count(&count, s), TSC_OK);
  ASSERT_EQ(count, 2u);
  EXPECT_EQ(GetSlot(s, 0).rule, "cp.first_rcpc");
  EXPECT_EQ(GetSlot(s, 0).legal, Ymd(2024, 2, 29));
  EXPECT_EQ(GetSlot(s, 0).status, TSC_SLOT_ON_TIME);
  EXPECT_EQ(GetSlot(s, 1).rule, "cp.subsequent_rcpc");
  EXPECT_EQ(GetSlot(s, 1).legal, Ymd(2024, 8, 28));
  EXPECT_EQ(GetSlot(s, 1).status, TSC_SLOT_OVERDUE);
  tsc_date next = 0;
  ASSERT_EQ(tsc_schedule_next_due(&next, s), TSC_OK);
  EXPECT_EQ(next, Ymd(2024, 8, 28));
  const nlohmann::json j = ScheduleJson(s);
  EXPECT_EQ(j["kind"], "cp");
  EXPECT_TRUE(j["slots"][0]["deadlines"].empty());
  EXPECT_EQ(j["core_group"]["rule"], "cp.core_group");
  EXPECT_EQ(j["core_group"]["legal_due"], "2023-12-14");
  EXPECT_EQ(j["core_group"]["held"], "2023-12-15");
  EXPECT_EQ(j["core_group"]["status"], "late");
  tsc_schedule_free(s);

  // The plan ended on 1 Jun 2024, before the next conference was due.
  ASSERT_EQ(tsc_schedule_cp(&s, ts_, Ymd(2023, 11, 30), Ymd(2024, 6, 1),
                            TSC_NO_DATE, conferences, 1, Ymd(2024, 9, 2)),
            TSC_OK);
  EXPECT_EQ(GetSlot(s, 1).status, TSC_SLOT_NOT_REQUIRED);
  EXPECT_EQ(ScheduleJson(s)["core_group"]["status"], "overdue");
  tsc_schedule_free(s);

  s = reinterpret_cast<tsc_schedule*>(&s);
  EXPECT_EQ(tsc_schedule_cp(&s, ts_, Ymd(2023, 11, 30), TSC_NO_DATE,
                            TSC_MAX_DATE + 1, conferences, 1, Ymd(2024, 9, 2)),
            TSC_OUT_OF_RANGE);
  EXPECT_EQ(s, nullptr);
  EXPECT_THAT(LastError(), HasSubstr("`first_core_group`"));
}

TEST(CapiSlotStatusTest, NamesAreStatic) {
  EXPECT_STREQ(tsc_slot_status_string(TSC_SLOT_ON_TIME), "on_time");
  EXPECT_STREQ(tsc_slot_status_string(TSC_SLOT_LATE), "late");
  EXPECT_STREQ(tsc_slot_status_string(TSC_SLOT_OVERDUE), "overdue");
  EXPECT_STREQ(tsc_slot_status_string(TSC_SLOT_DUE_SOON), "due_soon");
  EXPECT_STREQ(tsc_slot_status_string(TSC_SLOT_NOT_YET_DUE), "not_yet_due");
  EXPECT_STREQ(tsc_slot_status_string(TSC_SLOT_NOT_REQUIRED), "not_required");
  for (int bad : {-1, 6, 100}) {
    ASSERT_NE(tsc_slot_status_string(bad), nullptr);
    EXPECT_GT(std::strlen(tsc_slot_status_string(bad)), 0u);
  }
}

// ---- Threads ----------------------------------------------------------------

TEST_F(CapiRulesTest, LastErrorIsPerThreadForTheNewFunctions) {
  // A fails with an unknown rule, then B with a bad policy, then each reads
  // its own message.
  std::mutex mu;
  std::condition_variable cv;
  int step = 0;
  auto wait_for = [&](int s) {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return step == s; });
  };
  auto advance = [&] {
    {
      std::lock_guard<std::mutex> lock(mu);
      ++step;
    }
    cv.notify_all();
  };
  std::string a_message, b_message;
  int a_status = 0, b_status = 0;
  std::thread a([&] {
    tsc_date d = 0;
    a_status = tsc_rule_due(&d, nullptr, nullptr, nullptr, ts_, "cp.nope",
                            Ymd(2022, 9, 12), TSC_NO_TIME);
    advance();  // 1
    wait_for(2);
    a_message = LastError();
    advance();  // 3
  });
  std::thread b([&] {
    wait_for(1);
    tsc_policy* p = nullptr;
    const std::string json = R"({"months": "lunar"})";
    b_status = tsc_policy_from_json(&p, json.data(), json.size());
    advance();  // 2
    wait_for(3);
    b_message = LastError();
  });
  a.join();
  b.join();
  EXPECT_EQ(a_status, TSC_NOT_FOUND);
  EXPECT_EQ(b_status, TSC_INVALID_ARGUMENT);
  EXPECT_THAT(a_message, HasSubstr("cp.nope"));
  EXPECT_THAT(a_message, Not(HasSubstr("lunar")));
  EXPECT_THAT(b_message, HasSubstr("lunar"));
  EXPECT_THAT(b_message, Not(HasSubstr("cp.nope")));
}

TEST_F(CapiRulesTest, EngineIsSharedAcrossThreads) {
  // Engines and schedules are documented immutable and shareable: four
  // threads use one engine, each also failing in its own way.
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  const tsc_date sd = Ymd(2022, 9, 12), due = Ymd(2022, 10, 4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      const std::string bad = "rule." + std::to_string(t);
      for (int i = 0; i < 300; ++i) {
        tsc_date d = 0;
        if (tsc_rule_due(&d, nullptr, nullptr, nullptr, ts_, "cp.icpc", sd,
                         TSC_NO_TIME) != TSC_OK ||
            d != due) {
          ++wrong;
        }
        if (tsc_rule_due(&d, nullptr, nullptr, nullptr, ts_, bad.c_str(), sd,
                         TSC_NO_TIME) != TSC_NOT_FOUND ||
            LastError().find("'" + bad + "'") == std::string::npos) {
          ++wrong;
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
