// Hostile input through the C ABI (issue item 8): nothing a caller passes
// ends the host process or leaks a C++ exception, and every refusal is the
// status the header documents. The C++ side of each item is in
// tests/cpp/hostile_input_test.cc.

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "capi_test_util.h"
#include "gtest/gtest.h"
#include "timescales/c.h"

namespace {

using capi_testing::LastError;
using capi_testing::Ymd;

::testing::AssertionResult InvalidArgumentSaying(int status,
                                                 const std::string& text) {
  // Shown cut short: before the fixes, a message could be megabytes.
  const std::string message = LastError().substr(0, 500);
  if (status != TSC_INVALID_ARGUMENT) {
    return ::testing::AssertionFailure()
           << "status " << status << " (" << tsc_status_string(status)
           << "), want TSC_INVALID_ARGUMENT; message: " << message;
  }
  if (message.find(text) == std::string::npos) {
    return ::testing::AssertionFailure()
           << "message \"" << message << "\" does not say \"" << text << "\"";
  }
  return ::testing::AssertionSuccess();
}

// ---- 1. A JSON number out of range: TSC_INVALID_ARGUMENT, not
// TSC_INTERNAL (an escaped nlohmann exception) ------------------------------

TEST(CapiHostile, AJsonNumberOutOfRangeIsAnInvalidArgument) {
  const std::string rules =
      R"({"rules": {"lac.first_review": {"offset": 1e999}}})";
  tsc_rule_catalogue* catalogue = nullptr;
  EXPECT_TRUE(InvalidArgumentSaying(
      tsc_rule_catalogue_from_json(&catalogue, rules.data(), rules.size()),
      "rules.lac.first_review.offset is out of range"));
  EXPECT_EQ(catalogue, nullptr);

  const std::string policy = R"({"due_soon_working_days": 1e999})";
  tsc_policy* p = nullptr;
  EXPECT_TRUE(InvalidArgumentSaying(
      tsc_policy_from_json(&p, policy.data(), policy.size()),
      "due_soon_working_days is out of range"));

  const std::string govuk =
      R"({"division": "x", "events": [{"title": "A", "date": "2024-01-01",
          "bunting": -1e999}]})";
  tsc_calendar* calendar = nullptr;
  EXPECT_TRUE(
      InvalidArgumentSaying(tsc_calendar_create_from_govuk_json(
                                &calendar, govuk.data(), govuk.size(), nullptr),
                            "line 2"));
  tsc_calendar_builder* builder = nullptr;
  ASSERT_EQ(tsc_calendar_builder_create_england_and_wales(&builder), TSC_OK);
  EXPECT_TRUE(InvalidArgumentSaying(
      tsc_calendar_builder_load_govuk_json(builder, govuk.data(), govuk.size(),
                                           nullptr, TSC_JSON_OVERLAY),
      "events[0].bunting"));
  tsc_calendar_builder_free(builder);

  const std::string config =
      R"({"kpis": {"lac_review_timeliness": {"target": 1e999}}})";
  tsc_report_options* options = nullptr;
  ASSERT_EQ(tsc_report_options_create(&options), TSC_OK);
  EXPECT_TRUE(
      InvalidArgumentSaying(tsc_report_options_set_config_json(
                                options, config.data(), config.size(), nullptr),
                            "kpis.lac_review_timeliness.target"));
  tsc_report_options_free(options);

  tsc_report_inputs* inputs = nullptr;
  ASSERT_EQ(tsc_report_inputs_create(&inputs), TSC_OK);
  char* out = nullptr;
  EXPECT_TRUE(InvalidArgumentSaying(
      tsc_report_run(&out, inputs, "2019-20", config.data(), config.size(),
                     TSC_NO_DATE, TSC_FORMAT_JSON),
      "1e999"));
  EXPECT_EQ(out, nullptr);
  tsc_report_inputs_free(inputs);
}

// ---- 3. A key twice ---------------------------------------------------------

TEST(CapiHostile, ADuplicateJsonKeyIsAnInvalidArgument) {
  const std::string config =
      "{\"kpis\": {\"lac_review_timeliness\": {\"target\": 95,\n"
      "  \"target\": 10}}}";
  tsc_report_options* options = nullptr;
  ASSERT_EQ(tsc_report_options_create(&options), TSC_OK);
  EXPECT_TRUE(
      InvalidArgumentSaying(tsc_report_options_set_config_json(
                                options, config.data(), config.size(), nullptr),
                            "line 2, column 3: duplicate key \"target\""));
  tsc_report_options_free(options);
  const std::string rules =
      R"({"rules": {"x": {"offset": 1, "unit": "days", "unit": "weeks"}}})";
  tsc_rule_catalogue* catalogue = nullptr;
  EXPECT_TRUE(InvalidArgumentSaying(
      tsc_rule_catalogue_from_json(&catalogue, rules.data(), rules.size()),
      "duplicate key \"unit\" in rules.x"));
}

// ---- 5. An endless configuration file ---------------------------------------

TEST(CapiHostile, AnEndlessConfigurationFileIsRefusedAtTheLimit) {
  if (::access("/dev/zero", R_OK) != 0) GTEST_SKIP() << "no /dev/zero";
  tsc_report_options* options = nullptr;
  ASSERT_EQ(tsc_report_options_create(&options), TSC_OK);
  EXPECT_TRUE(InvalidArgumentSaying(
      tsc_report_options_set_config_file(options, "/dev/zero"), "64 MB"));
  tsc_report_options_free(options);
}

// ---- 6. A file truncated while it is read cannot end the host ---------------

TEST(CapiHostileDeathTest, AddingAPathBeingTruncatedNeverEndsTheHost) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const char* dir = std::getenv("TEST_TMPDIR");
  const std::string path = std::string(dir != nullptr ? dir : "/tmp") +
                           "/tsc_capi_hostile_" + std::to_string(::getpid()) +
                           "_reviews.csv";
  std::string text = "CHILD,REVIEW,REVIEW_CODE\n";
  for (int i = 0; i < 60000; ++i) {
    text += std::to_string(i % 500) + ",01/02/2020,PN1\n";
  }
  auto write_whole = [&] {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) return;
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
  };
  write_whole();
  EXPECT_EXIT(
      {
        std::atomic<bool> stop{false};
        std::thread writer([&] {
          for (int i = 0; !stop.load(); ++i) {
            if (i % 2 == 0) {
              ::truncate(path.c_str(), 100);
            } else {
              write_whole();
            }
          }
        });
        const auto until =
            std::chrono::steady_clock::now() + std::chrono::milliseconds(400);
        while (std::chrono::steady_clock::now() < until) {
          tsc_report_inputs* inputs = nullptr;
          if (tsc_report_inputs_create(&inputs) != TSC_OK) std::_Exit(3);
          const int status = tsc_report_inputs_add_path(inputs, path.c_str());
          tsc_report_inputs_free(inputs);
          // Read, refused as changed, or rejected rows: never an escape.
          if (status == TSC_INTERNAL || status == TSC_UNKNOWN) std::_Exit(4);
        }
        stop = true;
        writer.join();
        std::_Exit(0);
      },
      ::testing::ExitedWithCode(0), "");
  std::remove(path.c_str());
}

// ---- 8. A long input is quoted as an excerpt --------------------------------

TEST(CapiHostile, ALongInputIsQuotedAsAnExcerpt) {
  const std::string huge = "2019-01-01" + std::string(1 << 20, 'x');
  tsc_date day = 0;
  EXPECT_TRUE(InvalidArgumentSaying(tsc_date_parse(&day, huge.c_str()),
                                    "...' is not a date"));
  EXPECT_LT(LastError().size(), 200u);
}

// ---- 9. A core group before its ICPC ----------------------------------------

TEST(CapiHostile, ACoreGroupBeforeItsIcpcIsRefused) {
  tsc_timescales* ts = nullptr;
  ASSERT_EQ(tsc_timescales_create_default(&ts), TSC_OK);
  tsc_schedule* schedule = nullptr;
  EXPECT_TRUE(InvalidArgumentSaying(
      tsc_schedule_cp(&schedule, ts, Ymd(2020, 3, 2), TSC_NO_DATE,
                      Ymd(2020, 2, 3), nullptr, 0, Ymd(2020, 4, 1)),
      "core group on 2020-02-03 is before the ICPC on 2020-03-02"));
  EXPECT_EQ(schedule, nullptr);
  tsc_timescales_free(ts);
}

// ---- 10. Holidays from a later date to an earlier one
// ------------------------

TEST(CapiHostile, HolidaysToBeforeFromIsRefusedAsTheCommandRefusesIt) {
  tsc_calendar* calendar = nullptr;
  ASSERT_EQ(tsc_calendar_create_england_and_wales(&calendar), TSC_OK);
  tsc_holiday_list* list = nullptr;
  // `timescales holidays --from 2020-02-01 --to 2020-01-01` says
  // "--to 2020-01-01 is before --from 2020-02-01".
  EXPECT_TRUE(InvalidArgumentSaying(
      tsc_calendar_holidays(&list, calendar, Ymd(2020, 2, 1), Ymd(2020, 1, 1)),
      "to 2020-01-01 is before from 2020-02-01"));
  EXPECT_EQ(list, nullptr);
  // One day is a range.
  ASSERT_EQ(
      tsc_calendar_holidays(&list, calendar, Ymd(2020, 1, 1), Ymd(2020, 1, 1)),
      TSC_OK);
  EXPECT_EQ(tsc_holiday_list_size(list), 1u);
  tsc_holiday_list_free(list);
  tsc_calendar_free(calendar);
}

}  // namespace
