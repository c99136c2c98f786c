// The C names replaced in 0.2 stay exported and behave as their new names
// until 0.3: a program built against 0.1 keeps working (add, never break).

#include <cstring>
#include <string>

#include "capi/capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "timescales/c.h"

// The point of this file is to call them.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace {

using capi_testing::LastError;
using capi_testing::NullRejected;
using ::testing::HasSubstr;

TEST(CapiDeprecatedNames, TscRulesIsTheRuleCatalogueUnderItsOldName) {
  tsc_rules* old_builtin = nullptr;
  tsc_rule_catalogue* builtin = nullptr;
  ASSERT_EQ(tsc_rules_create_builtin(&old_builtin), TSC_OK) << LastError();
  ASSERT_EQ(tsc_rule_catalogue_create_builtin(&builtin), TSC_OK);
  size_t old_count = 0;
  size_t count = 0;
  ASSERT_EQ(tsc_rules_count(&old_count, old_builtin), TSC_OK);
  ASSERT_EQ(tsc_rule_catalogue_count(&count, builtin), TSC_OK);
  EXPECT_EQ(old_count, count);
  EXPECT_GE(count, 19u);
  for (size_t i = 0; i < count; ++i) {
    const char* old_id = nullptr;
    const char* id = nullptr;
    int32_t old_offset = 0;
    int32_t offset = 0;
    ASSERT_EQ(tsc_rules_get(&old_id, nullptr, nullptr, &old_offset, nullptr,
                            nullptr, old_builtin, i),
              TSC_OK);
    ASSERT_EQ(tsc_rule_catalogue_get(&id, nullptr, nullptr, &offset, nullptr,
                                     nullptr, builtin, i),
              TSC_OK);
    EXPECT_STREQ(old_id, id);
    EXPECT_EQ(old_offset, offset);
  }
  // A handle from the old name works with the new functions and back.
  ASSERT_EQ(tsc_rule_catalogue_count(&count, old_builtin), TSC_OK);
  EXPECT_EQ(count, old_count);

  const char json[] = R"({"rules": {"lac.review_record": {"offset": 15}}})";
  tsc_rules* local = nullptr;
  ASSERT_EQ(tsc_rules_from_json(&local, json, std::strlen(json)), TSC_OK)
      << LastError();
  tsc_timescales* ts = nullptr;
  tsc_calendar* cal = nullptr;
  ASSERT_EQ(tsc_calendar_create_england_and_wales(&cal), TSC_OK);
  ASSERT_EQ(tsc_timescales_create(&ts, cal, local, nullptr), TSC_OK);
  tsc_date anchor = 0;
  tsc_date due = 0;
  ASSERT_EQ(tsc_date_parse(&anchor, "2022-04-01"), TSC_OK);
  // 15 working days from Fri 1 Apr 2022, Good Friday 15 and Easter Monday
  // 18 Apr skipped: 4-8 Apr (5), 11-14 (9), 19-22 (13), 25, 26: Tue 26 Apr.
  ASSERT_EQ(tsc_rule_due(&due, nullptr, nullptr, nullptr, ts,
                         "lac.review_record", anchor, TSC_NO_TIME),
            TSC_OK)
      << LastError();
  char text[11];
  size_t needed = 0;
  ASSERT_EQ(tsc_date_format(text, sizeof text, &needed, due), TSC_OK);
  EXPECT_STREQ(text, "2022-04-26");

  // Errors name the old function and its argument as they always did.
  EXPECT_TRUE(NullRejected(tsc_rules_count(&count, nullptr), "rules"));
  EXPECT_THAT(LastError(), HasSubstr("tsc_rules_count"));

  tsc_timescales_free(ts);
  tsc_calendar_free(cal);
  tsc_rules_free(local);
  tsc_rules_free(old_builtin);
  tsc_rule_catalogue_free(builtin);
  tsc_rules_free(nullptr);
}

}  // namespace
