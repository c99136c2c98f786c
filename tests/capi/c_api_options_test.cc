// The report options handle of the C ABI: NULL arguments, each setter, a
// configuration read from a file whose relative paths resolve against its
// own folder (as the command line reads it), and the same figures as
// tsc_report_run for the same settings.
//
// The fixture is one LAC review held on Mon 6 May 2024. With the built-in
// calendar (early May bank holiday Mon 6 May) its decisions are due 5
// working days later on Mon 13 May; with tests/data/cli's GOV.UK file,
// which moves that holiday to Wed 8 May, they are due Tue 14 May. The
// decisions were sent on Tue 14 May: late by the first, on time by the
// second.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "capi/capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "timescales/c.h"

namespace {

using capi_testing::LastError;
using capi_testing::NullRejected;
using capi_testing::Ymd;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;
using Json = nlohmann::json;
namespace fs = std::filesystem;

constexpr char kMeetingsCsv[] =
    "child_id,meeting_type,held_at,decisions_sent_at\n"
    "A,lac_review,2024-05-06,2024-05-14\n";
constexpr char kConfig[] =
    R"({"holidays": {"govuk_json": "bank-holidays.json"}})";

class CapiReportOptions : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(tsc_report_inputs_create(&inputs_), TSC_OK);
    ASSERT_EQ(
        tsc_report_inputs_add_buffer(inputs_, "meetings.csv", kMeetingsCsv,
                                     sizeof kMeetingsCsv - 1),
        TSC_OK)
        << LastError();
    ASSERT_EQ(tsc_report_options_create(&options_), TSC_OK);
    // A folder of its own with the configuration and the holidays file it
    // names by a relative path.
    dir_ = fs::temp_directory_path() /
           ("tsc_options_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    fs::copy_file(
        fs::path(TSC_TEST_DATA_DIR) / "cli" / "bank-holidays-2024-moved.json",
        dir_ / "bank-holidays.json", fs::copy_options::overwrite_existing);
    std::ofstream(dir_ / "config.json") << kConfig;
  }
  void TearDown() override {
    tsc_report_options_free(options_);
    tsc_report_inputs_free(inputs_);
    fs::remove_all(dir_);
  }

  // lac_review_decisions_5wd's numerator for 2024-25 under `options`.
  int DecisionsOnTime(const tsc_report_options* options) {
    char* out = nullptr;
    const int status =
        tsc_report_run_with_options(&out, inputs_, "2024-25", options);
    EXPECT_EQ(status, TSC_OK) << LastError();
    if (status != TSC_OK) return -1;
    const Json report = Json::parse(out);
    tsc_free(out);
    for (const Json& kpi : report["kpis"]) {
      if (kpi["id"] == "lac_review_decisions_5wd") {
        EXPECT_EQ(kpi["denominator"], 1);
        return kpi["numerator"].get<int>();
      }
    }
    ADD_FAILURE() << "no lac_review_decisions_5wd";
    return -1;
  }

  tsc_report_inputs* inputs_ = nullptr;
  tsc_report_options* options_ = nullptr;
  fs::path dir_;
};

TEST_F(CapiReportOptions, NullArgumentsAreRefusedAndFreeIsNullSafe) {
  EXPECT_TRUE(NullRejected(tsc_report_options_create(nullptr), "out"));
  EXPECT_TRUE(NullRejected(
      tsc_report_options_set_config_json(nullptr, "{}", 2, nullptr),
      "options"));
  EXPECT_TRUE(NullRejected(
      tsc_report_options_set_config_json(options_, nullptr, 0, nullptr),
      "json"));
  EXPECT_TRUE(NullRejected(
      tsc_report_options_set_config_file(nullptr, "x.json"), "options"));
  EXPECT_TRUE(NullRejected(
      tsc_report_options_set_config_file(options_, nullptr), "path"));
  EXPECT_TRUE(NullRejected(
      tsc_report_options_set_data_from(nullptr, TSC_NO_DATE), "options"));
  EXPECT_TRUE(NullRejected(
      tsc_report_options_set_format(nullptr, TSC_FORMAT_CSV), "options"));
  char* out = reinterpret_cast<char*>(1);
  EXPECT_TRUE(NullRejected(
      tsc_report_run_with_options(&out, nullptr, "2024-25", options_),
      "inputs"));
  EXPECT_EQ(out, nullptr);
  EXPECT_TRUE(NullRejected(
      tsc_report_run_with_options(&out, inputs_, nullptr, options_), "period"));
  EXPECT_TRUE(NullRejected(
      tsc_report_run_with_options(nullptr, inputs_, "2024-25", options_),
      "out"));
  EXPECT_TRUE(NullRejected(tsc_monitoring_run_with_options(
                               nullptr, inputs_, Ymd(2024, 6, 1), options_),
                           "out"));
  tsc_report_options_free(nullptr);
}

TEST_F(CapiReportOptions, AConfigurationFileResolvesItsPathsAgainstItsFolder) {
  // The built-in calendar: due Mon 13 May, sent Tue 14 May: late.
  EXPECT_EQ(DecisionsOnTime(nullptr), 0);
  EXPECT_EQ(DecisionsOnTime(options_), 0);
  // The file names bank-holidays.json beside itself, wherever we run.
  ASSERT_EQ(tsc_report_options_set_config_file(
                options_, (dir_ / "config.json").string().c_str()),
            TSC_OK)
      << LastError();
  EXPECT_EQ(DecisionsOnTime(options_), 1);
}

TEST_F(CapiReportOptions, JsonTextResolvesAgainstTheBaseDirectoryGiven) {
  ASSERT_EQ(tsc_report_options_set_config_json(
                options_, kConfig, sizeof kConfig - 1, dir_.string().c_str()),
            TSC_OK)
      << LastError();
  EXPECT_EQ(DecisionsOnTime(options_), 1);
  // With no base directory the path is taken as given: not in the current
  // directory, so the run says which file it could not read.
  ASSERT_EQ(tsc_report_options_set_config_json(options_, kConfig,
                                               sizeof kConfig - 1, nullptr),
            TSC_OK);
  char* out = nullptr;
  EXPECT_EQ(tsc_report_run_with_options(&out, inputs_, "2024-25", options_),
            TSC_NOT_FOUND);
  EXPECT_EQ(out, nullptr);
  EXPECT_THAT(LastError(), HasSubstr("cannot read bank-holidays.json"));
}

TEST_F(CapiReportOptions, AFailedSetterLeavesTheHandleAsItWas) {
  ASSERT_EQ(tsc_report_options_set_config_file(
                options_, (dir_ / "config.json").string().c_str()),
            TSC_OK);
  EXPECT_EQ(tsc_report_options_set_config_file(
                options_, (dir_ / "nope.json").string().c_str()),
            TSC_NOT_FOUND);
  EXPECT_THAT(LastError(), HasSubstr("nope.json"));
  EXPECT_EQ(tsc_report_options_set_config_json(options_, "{\"kpi\": {}}", 11,
                                               nullptr),
            TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("unknown key \"kpi\""));
  std::ofstream(dir_ / "bad.json") << R"({"polcy": {}})";
  EXPECT_EQ(tsc_report_options_set_config_file(
                options_, (dir_ / "bad.json").string().c_str()),
            TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), StartsWith((dir_ / "bad.json").string() + ": "));
  EXPECT_EQ(tsc_report_options_set_format(options_, 7), TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("unknown format 7"));
  EXPECT_EQ(tsc_report_options_set_data_from(options_, 1000000),
            TSC_OUT_OF_RANGE);
  // Still the good configuration and JSON.
  EXPECT_EQ(DecisionsOnTime(options_), 1);
}

TEST_F(CapiReportOptions, TheSameSettingsGiveWhatTscReportRunGives) {
  const std::string config =
      R"({"kpis": {"lac_review_decisions_5wd": {"target": 90}}})";
  for (const int format : {TSC_FORMAT_JSON, TSC_FORMAT_CSV, TSC_FORMAT_MARKDOWN,
                           TSC_FORMAT_HTML}) {
    ASSERT_EQ(tsc_report_options_set_config_json(options_, config.data(),
                                                 config.size(), nullptr),
              TSC_OK);
    ASSERT_EQ(tsc_report_options_set_data_from(options_, Ymd(2023, 1, 1)),
              TSC_OK);
    ASSERT_EQ(tsc_report_options_set_format(options_, format), TSC_OK);
    char* with_options = nullptr;
    char* plain = nullptr;
    ASSERT_EQ(tsc_report_run_with_options(&with_options, inputs_, "2024-25",
                                          options_),
              TSC_OK)
        << LastError();
    ASSERT_EQ(tsc_report_run(&plain, inputs_, "2024-25", config.data(),
                             config.size(), Ymd(2023, 1, 1), format),
              TSC_OK)
        << LastError();
    EXPECT_STREQ(with_options, plain) << "format " << format;
    tsc_free(with_options);
    tsc_free(plain);
  }
  // The monitoring list needs SSDA903 data; with none it is empty, and HTML
  // is refused as tsc_monitoring_run refuses it.
  ASSERT_EQ(tsc_report_options_set_format(options_, TSC_FORMAT_HTML), TSC_OK);
  char* out = nullptr;
  EXPECT_EQ(
      tsc_monitoring_run_with_options(&out, inputs_, Ymd(2024, 6, 1), options_),
      TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("no HTML form"));
}

// Inputs said to be of a kind are read as that kind; how dates are read is
// set on the input set; a report with data problems is refused unless
// rejections are allowed.
TEST_F(CapiReportOptions, KindsReadingOptionsAndDataProblems) {
  const char census[] = "<Message><Header/><Children/></Message>";
  EXPECT_EQ(
      tsc_report_inputs_add_buffer_as(inputs_, "census.xml", census,
                                      sizeof census - 1, TSC_INPUT_SSDA903),
      TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("this is a CIN census (--cin)"));
  EXPECT_EQ(tsc_report_inputs_add_buffer_as(inputs_, "x.csv", "a\n", 2, 7),
            TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("unknown input kind 7"));
  EXPECT_EQ(tsc_report_inputs_set_date_order(inputs_, 9), TSC_INVALID_ARGUMENT);
  EXPECT_EQ(tsc_report_inputs_set_two_digit_years_from(inputs_, 3000),
            TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_report_options_set_max_rejected(options_, 101.0),
            TSC_OUT_OF_RANGE);
  EXPECT_TRUE(
      NullRejected(tsc_report_inputs_set_date_order(nullptr, 0), "inputs"));
  EXPECT_TRUE(NullRejected(tsc_report_options_set_allow_rejections(nullptr, 1),
                           "options"));

  // Month/day dates: refused as they are, read when the order is given.
  const char reviews[] =
      "child_id,meeting_type,held_at\n1,lac_review,05/13/2024\n";
  tsc_report_inputs* us = nullptr;
  ASSERT_EQ(tsc_report_inputs_create(&us), TSC_OK);
  ASSERT_EQ(tsc_report_inputs_add_buffer_as(
                us, "m.csv", reviews, sizeof reviews - 1, TSC_INPUT_MEETINGS),
            TSC_OK)
      << LastError();
  char* out = nullptr;
  EXPECT_EQ(tsc_report_run_with_options(&out, us, "2024-25", options_),
            TSC_FAILED_PRECONDITION);
  EXPECT_THAT(LastError(),
              AllOf(HasSubstr("m.csv: held_at: 1 of 1 rows rejected"),
                    HasSubstr("month/day order")));
  EXPECT_EQ(out, nullptr);
  ASSERT_EQ(tsc_report_options_set_allow_rejections(options_, 1), TSC_OK);
  ASSERT_EQ(tsc_report_run_with_options(&out, us, "2024-25", options_), TSC_OK);
  EXPECT_THAT(out, HasSubstr("\"data_problems\""));
  tsc_free(out);
  tsc_report_inputs_free(us);

  ASSERT_EQ(tsc_report_inputs_create(&us), TSC_OK);
  ASSERT_EQ(tsc_report_inputs_set_date_order(us, TSC_DATE_ORDER_MDY), TSC_OK);
  ASSERT_EQ(tsc_report_inputs_add_buffer_as(
                us, "m.csv", reviews, sizeof reviews - 1, TSC_INPUT_MEETINGS),
            TSC_OK);
  ASSERT_EQ(tsc_report_options_set_allow_rejections(options_, 0), TSC_OK);
  ASSERT_EQ(tsc_report_run_with_options(&out, us, "2024-25", options_), TSC_OK)
      << LastError();
  EXPECT_THAT(out, Not(HasSubstr("data_problems")));
  tsc_free(out);
  tsc_report_inputs_free(us);
}

}  // namespace
