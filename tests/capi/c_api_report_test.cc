// The C ABI of reports and the monitoring list: input sets filled from
// buffers, files and folders, every NULL argument, bad formats, periods and
// configurations, each format's first bytes, and figures counted by hand.
//
// The fixture is the small extract of c_api_test.c (the same CSV text):
//
//  A  looked after Mon 1 Jul 2019 (RNE S). Review 1 due 20 working days
//     later, Mon 29 Jul; held 29 Jul (on time). Review 2 due 3 months after
//     29 Jul = Tue 29 Oct; held Fri 1 Nov (late). Next due 6 months after
//     1 Nov = Fri 1 May 2020.
//  B  in care since before the data (RNE L): review 15 May 2019 has no known
//     due date; the next is due 15 Nov, held 15 Nov (on time), plus a
//     duplicate 15 Nov row. Next due 15 May 2020.
//  C  looked after Mon 2 Mar 2020: review 1 due Mon 30 Mar 2020, never held.
//  D  in care since before the data, no review in it.
//  reviews.csv line 4 (31/02/2020) is rejected.
//
// The coverage start (earliest REVIEW) is 15 May 2019.

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "capi/capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "report_fixture.h"
#include "timescales/c.h"

namespace {

using capi_testing::LastError;
using capi_testing::NullRejected;
using capi_testing::Ymd;

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;
using Json = nlohmann::json;

using ::timescales::capi_test::kEpisodesCsv;
using ::timescales::capi_test::kMeetingsCsv;
using ::timescales::capi_test::kReviewsCsv;

// Takes a tsc_free string.
std::string Take(char* text) {
  std::string out = text == nullptr ? "" : text;
  tsc_free(text);
  return out;
}

void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  ASSERT_TRUE(out.good()) << path;
}

// A copy of the KPI `id` (null when absent). Copies and non-const access
// throughout: a missing key then fails an expectation (operator[] on a
// const json asserts instead).
Json FindKpi(const Json& report, const std::string& id) {
  for (const Json& kpi : report.at("kpis")) {
    if (kpi.at("id") == id) return kpi;
  }
  return Json();
}

class CapiReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tsc_clear_last_error();
    ASSERT_EQ(tsc_report_inputs_create(&in_), TSC_OK) << LastError();
  }
  void TearDown() override {
    tsc_report_inputs_free(in_);
    if (!dir_.empty()) {
      std::error_code ignored;
      fs::remove_all(dir_, ignored);
    }
  }

  void AddBuffer(const char* name, const char* text) {
    ASSERT_EQ(tsc_report_inputs_add_buffer(in_, name, text, strlen(text)),
              TSC_OK)
        << LastError();
  }
  void AddAll() {
    AddBuffer("episodes.csv", kEpisodesCsv);
    AddBuffer("reviews.csv", kReviewsCsv);
    AddBuffer("meetings.csv", kMeetingsCsv);
  }

  // A fresh folder of this test's own under the GoogleTest temp dir.
  fs::path Dir() {
    if (dir_.empty()) {
      const ::testing::TestInfo* info =
          ::testing::UnitTest::GetInstance()->current_test_info();
      dir_ = fs::path(::testing::TempDir()) /
             (std::string("tsc_capi_report_") + info->name());
      fs::remove_all(dir_);
      fs::create_directories(dir_);
    }
    return dir_;
  }

  std::string Run(const char* period, int format = TSC_FORMAT_JSON,
                  const std::string& config = "",
                  tsc_date data_from = TSC_NO_DATE) {
    char* out = nullptr;
    const int status = tsc_report_run(&out, in_, period,
                                      config.empty() ? nullptr : config.c_str(),
                                      config.size(), data_from, format);
    EXPECT_EQ(status, TSC_OK) << LastError();
    return Take(out);
  }
  Json RunJson(const char* period, const std::string& config = "",
               tsc_date data_from = TSC_NO_DATE) {
    return Json::parse(Run(period, TSC_FORMAT_JSON, config, data_from));
  }
  std::string Monitor(tsc_date as_at, int format = TSC_FORMAT_JSON,
                      const std::string& config = "") {
    char* out = nullptr;
    const int status = tsc_monitoring_run(
        &out, in_, as_at, config.empty() ? nullptr : config.c_str(),
        config.size(), TSC_NO_DATE, format);
    EXPECT_EQ(status, TSC_OK) << LastError();
    return Take(out);
  }
  // The status of a report run expected to fail; *out must come back NULL.
  int RunFails(const char* period, int format, const char* config,
               size_t config_len, tsc_date data_from = TSC_NO_DATE) {
    char* out = reinterpret_cast<char*>(this);  // not NULL: must be cleared
    const int status = tsc_report_run(&out, in_, period, config, config_len,
                                      data_from, format);
    EXPECT_EQ(out, nullptr);
    tsc_free(out);
    return status;
  }
  int MonitorFails(tsc_date as_at, int format, const char* config = nullptr,
                   size_t config_len = 0, tsc_date data_from = TSC_NO_DATE) {
    char* out = reinterpret_cast<char*>(this);
    const int status = tsc_monitoring_run(&out, in_, as_at, config, config_len,
                                          data_from, format);
    EXPECT_EQ(out, nullptr);
    tsc_free(out);
    return status;
  }

  tsc_report_inputs* in_ = nullptr;
  fs::path dir_;
};

// ---- NULL arguments ---------------------------------------------------------

TEST_F(CapiReportTest, EveryNullPointerIsRejectedByName) {
  EXPECT_TRUE(NullRejected(tsc_report_inputs_create(nullptr), "out"));
  EXPECT_TRUE(
      NullRejected(tsc_report_inputs_add_path(nullptr, "x.csv"), "inputs"));
  EXPECT_TRUE(NullRejected(tsc_report_inputs_add_path(in_, nullptr), "path"));
  EXPECT_TRUE(NullRejected(
      tsc_report_inputs_add_buffer(nullptr, "x.csv", "a", 1), "inputs"));
  EXPECT_TRUE(
      NullRejected(tsc_report_inputs_add_buffer(in_, nullptr, "a", 1), "name"));
  EXPECT_TRUE(NullRejected(
      tsc_report_inputs_add_buffer(in_, "x.csv", nullptr, 1), "data"));

  char* out = nullptr;
  const tsc_date as_at = Ymd(2020, 3, 31);
  EXPECT_TRUE(NullRejected(tsc_report_run(nullptr, in_, "2019-20", nullptr, 0,
                                          TSC_NO_DATE, TSC_FORMAT_JSON),
                           "out"));
  EXPECT_TRUE(NullRejected(tsc_report_run(&out, nullptr, "2019-20", nullptr, 0,
                                          TSC_NO_DATE, TSC_FORMAT_JSON),
                           "inputs"));
  EXPECT_TRUE(NullRejected(tsc_report_run(&out, in_, nullptr, nullptr, 0,
                                          TSC_NO_DATE, TSC_FORMAT_JSON),
                           "period"));
  EXPECT_TRUE(NullRejected(tsc_report_run(&out, in_, "2019-20", nullptr, 5,
                                          TSC_NO_DATE, TSC_FORMAT_JSON),
                           "config_json"));
  EXPECT_TRUE(NullRejected(tsc_monitoring_run(nullptr, in_, as_at, nullptr, 0,
                                              TSC_NO_DATE, TSC_FORMAT_JSON),
                           "out"));
  EXPECT_TRUE(NullRejected(tsc_monitoring_run(&out, nullptr, as_at, nullptr, 0,
                                              TSC_NO_DATE, TSC_FORMAT_JSON),
                           "inputs"));
  EXPECT_TRUE(NullRejected(tsc_monitoring_run(&out, in_, as_at, nullptr, 5,
                                              TSC_NO_DATE, TSC_FORMAT_JSON),
                           "config_json"));
  EXPECT_EQ(out, nullptr);
  tsc_report_inputs_free(nullptr);  // harmless
}

TEST_F(CapiReportTest, FailedRunsLeaveOutNull) {
  EXPECT_EQ(RunFails("2019-20", 99, nullptr, 0), TSC_INVALID_ARGUMENT);
  EXPECT_EQ(MonitorFails(Ymd(2020, 3, 31), TSC_FORMAT_HTML),
            TSC_INVALID_ARGUMENT);
  tsc_report_inputs* set = reinterpret_cast<tsc_report_inputs*>(this);
  EXPECT_EQ(tsc_report_inputs_create(&set), TSC_OK);
  EXPECT_NE(set, nullptr);
  tsc_report_inputs_free(set);
}

// ---- Formats ----------------------------------------------------------------

TEST_F(CapiReportTest, BadFormatValues) {
  AddAll();
  for (int format : {-1, 4, 100}) {
    EXPECT_EQ(RunFails("2019-20", format, nullptr, 0), TSC_INVALID_ARGUMENT)
        << format;
    EXPECT_THAT(LastError(), HasSubstr("unknown format"));
    EXPECT_EQ(MonitorFails(Ymd(2020, 3, 31), format), TSC_INVALID_ARGUMENT)
        << format;
    EXPECT_THAT(LastError(), HasSubstr("unknown format"));
  }
  // Reports have HTML; the monitoring list does not.
  EXPECT_EQ(MonitorFails(Ymd(2020, 3, 31), TSC_FORMAT_HTML),
            TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("HTML"));
  // The format is checked before anything else is looked at.
  EXPECT_EQ(RunFails("not a period", 7, nullptr, 0), TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("unknown format 7"));
}

TEST_F(CapiReportTest, EachFormatStartsAsItShould) {
  AddAll();
  EXPECT_THAT(Run("2019-20", TSC_FORMAT_JSON),
              StartsWith("{\n  \"period\": {\n    \"start\": \"2019-04-01\""));
  EXPECT_THAT(Run("2019-20", TSC_FORMAT_CSV),
              StartsWith("kpi_id,kpi_title,unit,series,period,period_start,"
                         "period_end,numerator,denominator,value,"));
  EXPECT_THAT(Run("2019-20", TSC_FORMAT_MARKDOWN),
              StartsWith("# IRO KPI scorecard: 2019-20\n"));
  const std::string html = Run("2019-20", TSC_FORMAT_HTML);
  EXPECT_THAT(html, StartsWith("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
  EXPECT_THAT(html, Not(HasSubstr("<script")));

  const tsc_date as_at = Ymd(2020, 3, 31);
  // The list names children: its JSON says so first.
  const std::string json = Monitor(as_at, TSC_FORMAT_JSON);
  EXPECT_THAT(json, StartsWith("{\n  \"personal_data\": \"This list names "
                               "children: it is personal data."));
  EXPECT_THAT(json, HasSubstr("\",\n  \"as_at\": \"2020-03-31\",\n"));
  // The original nine columns, then the new ones.
  EXPECT_THAT(Monitor(as_at, TSC_FORMAT_CSV),
              StartsWith("child,status,next_due,practical_due,"
                         "working_days_to_due,rule_id,last_review,"
                         "reviews_in_period,period_start,kind,last_chair,"
                         "held,working_days_late\n"));
  EXPECT_THAT(Monitor(as_at, TSC_FORMAT_MARKDOWN),
              StartsWith("# LAC reviews as at "));
}

// The tidy CSV: a header, then per KPI the headline and twelve months (no
// previous period: 2018-19 starts before the coverage start).
TEST_F(CapiReportTest, CsvHasOneRowPerKpiAndMonth) {
  AddAll();
  const std::string csv = Run("2019-20", TSC_FORMAT_CSV);
  size_t lines = 0;
  for (char c : csv) lines += c == '\n';
  EXPECT_EQ(lines, 1u + 5u * 13u);
  // lac_review_timeliness, headline: 2 of 4, one overdue, 2 excluded.
  EXPECT_THAT(csv, HasSubstr("lac_review_timeliness,LAC reviews held within "
                             "timescale,percent,headline,2019-20,2019-04-01,"
                             "2020-03-31,2,4,50.00,1,,,,2,"
                             "duplicate_review=1;no_period_of_care=0;"
                             "previous_review_unknown=1;short_breaks=0\n"));
}

// ---- Periods ----------------------------------------------------------------

TEST_F(CapiReportTest, BadPeriodTextIsQuoted) {
  AddAll();
  for (const char* bad : {"2019-21", "2019", "2019-20-Q5", "", "19-20"}) {
    EXPECT_EQ(RunFails(bad, TSC_FORMAT_JSON, nullptr, 0), TSC_INVALID_ARGUMENT)
        << bad;
    EXPECT_THAT(LastError(), StartsWith("period: "));
    EXPECT_THAT(LastError(), HasSubstr(std::string("'") + bad + "'"));
  }
  // A range with an impossible end, and one that ends before it starts.
  EXPECT_EQ(RunFails("2019-04-01..2020-02-30", TSC_FORMAT_JSON, nullptr, 0),
            TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), StartsWith("period: "));
  EXPECT_THAT(LastError(), HasSubstr("'2020-02-30'"));
  EXPECT_EQ(RunFails("2020-03-31..2019-04-01", TSC_FORMAT_JSON, nullptr, 0),
            TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), StartsWith("period: "));
  EXPECT_THAT(LastError(), HasSubstr("2019-04-01"));
  EXPECT_THAT(LastError(), HasSubstr("2020-03-31"));
}

// 2019-20-Q3 (Oct - Dec 2019): A's 1 Nov review (late) and B's 15 Nov (on
// time); no slot falls due unfilled in the quarter (A's next is due 1 May
// 2020), so 1 of 2. B's duplicate is the one exclusion.
TEST_F(CapiReportTest, QuarterAndRangePeriods) {
  AddAll();
  Json q3 = RunJson("2019-20-Q3");
  EXPECT_EQ(q3["period"]["start"], "2019-10-01");
  EXPECT_EQ(q3["period"]["end"], "2019-12-31");
  Json t = FindKpi(q3, "lac_review_timeliness");
  ASSERT_TRUE(t.is_object());
  EXPECT_EQ(t["numerator"], 1);
  EXPECT_EQ(t["denominator"], 2);
  EXPECT_EQ(t["overdue_at_period_end"], 0);
  EXPECT_EQ(t["excluded"]["duplicate_review"], 1);
  EXPECT_EQ(t["excluded"]["previous_review_unknown"], 0);
  ASSERT_EQ(t["monthly"].size(), 3u);
  // October alone: A's second review, due 29 Oct, was not held by 31 Oct.
  EXPECT_EQ(t["monthly"][0]["month"], "2019-10");
  EXPECT_EQ(t["monthly"][0]["denominator"], 1);
  EXPECT_EQ(t["monthly"][0]["overdue_at_period_end"], 1);

  // A range holding only C's due date: the overdue slot, 0 of 1.
  Json range = RunJson("2020-03-16..2020-03-31");
  t = FindKpi(range, "lac_review_timeliness");
  ASSERT_TRUE(t.is_object());
  EXPECT_EQ(t["numerator"], 0);
  EXPECT_EQ(t["denominator"], 1);
  EXPECT_EQ(t["value"], 0.0);
}

// ---- Configuration ----------------------------------------------------------

TEST_F(CapiReportTest, UnknownConfigKeysAreNamed) {
  AddAll();
  struct Case {
    const char* json;
    const char* named;
  };
  for (const Case& c : {
           Case{R"({"kpi": {}})", "\"kpi\""},
           Case{R"({"kpis": {"lac_review_timelines": {"target": 95}}})",
                "kpis.lac_review_timelines"},
           Case{R"({"kpis": {"lac_review_timeliness": {"targt": 95}}})",
                "kpis.lac_review_timeliness.targt"},
           Case{R"({"policy": {"countin": "start_excluded"}})", "countin"},
       }) {
    EXPECT_EQ(RunFails("2019-20", TSC_FORMAT_JSON, c.json, strlen(c.json)),
              TSC_INVALID_ARGUMENT)
        << c.json;
    EXPECT_THAT(LastError(), HasSubstr(c.named)) << c.json;
    EXPECT_EQ(
        MonitorFails(Ymd(2020, 3, 31), TSC_FORMAT_JSON, c.json, strlen(c.json)),
        TSC_INVALID_ARGUMENT)
        << c.json;
    EXPECT_THAT(LastError(), HasSubstr(c.named)) << c.json;
  }
}

TEST_F(CapiReportTest, MalformedConfigGivesLineAndColumn) {
  AddAll();
  const char bad[] = "{\n  \"kpis\": {,}\n}";
  EXPECT_EQ(RunFails("2019-20", TSC_FORMAT_JSON, bad, strlen(bad)),
            TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("line 2"));
  // The length is honoured: the first byte alone is not a document.
  EXPECT_EQ(RunFails("2019-20", TSC_FORMAT_JSON, "{}", 1),
            TSC_INVALID_ARGUMENT);
  // A holidays file that cannot be read.
  const char missing[] =
      R"({"holidays": {"govuk_json": "/nonexistent/bank-holidays.json"}})";
  EXPECT_EQ(RunFails("2019-20", TSC_FORMAT_JSON, missing, strlen(missing)),
            TSC_NOT_FOUND);
  EXPECT_THAT(LastError(), HasSubstr("/nonexistent/bank-holidays.json"));
}

// Targets give a RAG rating: timeliness 50 against 95 (tolerance 5) is red;
// participation 66.67 against 60 is green; decisions 66.67 against 70
// (tolerance 5) is 3.33 points worse: amber.
TEST_F(CapiReportTest, TargetsGiveRag) {
  AddAll();
  const std::string config = R"({"kpis": {
      "lac_review_timeliness": {"target": 95, "amber_tolerance": 5},
      "lac_review_participation": {"target": 60},
      "lac_review_decisions_5wd": {"target": 70, "amber_tolerance": 5,
          "benchmarks": {"national": 80}}}})";
  Json report = RunJson("2019-20", config);
  Json t = FindKpi(report, "lac_review_timeliness");
  Json p = FindKpi(report, "lac_review_participation");
  Json d = FindKpi(report, "lac_review_decisions_5wd");
  Json r = FindKpi(report, "lac_review_record_20wd");
  ASSERT_TRUE(t.is_object() && p.is_object() && d.is_object() && r.is_object());
  EXPECT_EQ(t["rag"], "red");
  EXPECT_EQ(t["target"], 95.0);
  EXPECT_EQ(t["polarity"], "higher_is_better");
  EXPECT_EQ(p["rag"], "green");
  EXPECT_EQ(d["rag"], "amber");
  EXPECT_EQ(d["benchmarks"]["national"]["difference"], -13.33);
  EXPECT_FALSE(r.contains("rag"));
}

// A policy in the configuration reaches the monitoring list: A's next
// review (1 May 2020) is 21 working days after 31 Mar 2020, on track under
// the default 10-day window, due soon under a 25-day one.
TEST_F(CapiReportTest, ConfigPolicyReachesTheMonitoringList) {
  AddAll();
  const tsc_date as_at = Ymd(2020, 3, 31);
  EXPECT_THAT(Monitor(as_at, TSC_FORMAT_CSV), HasSubstr("\nA,on_track,"));
  EXPECT_THAT(Monitor(as_at, TSC_FORMAT_CSV,
                      R"({"policy": {"due_soon_working_days": 25}})"),
              HasSubstr("\nA,due_soon,"));
}

// ---- data_from --------------------------------------------------------------

// From 1 Aug 2019 A's period (1 Jul) began before the coverage start: its
// chain is unanchored, so its 29 Jul review has no known due date and its
// 1 Nov review is due 6 months after 29 Jul (29 Jan 2020): on time. With
// B (on time) and C (overdue): 2 of 3.
TEST_F(CapiReportTest, DataFromChangesTheCoverageStart) {
  AddAll();
  Json later = RunJson("2019-20", "", Ymd(2019, 8, 1));
  Json t = FindKpi(later, "lac_review_timeliness");
  ASSERT_TRUE(t.is_object());
  EXPECT_EQ(t["numerator"], 2);
  EXPECT_EQ(t["denominator"], 3);
  EXPECT_EQ(t["excluded"]["previous_review_unknown"], 2);
  EXPECT_EQ(later["coverage"]["lac"], "2019-08-01");
  EXPECT_FALSE(t.contains("previous"));

  // From 1 Apr 2018 the previous year is covered: nothing in it.
  Json earlier = RunJson("2019-20", "", Ymd(2018, 4, 1));
  t = FindKpi(earlier, "lac_review_timeliness");
  ASSERT_TRUE(t.is_object());
  ASSERT_TRUE(t.contains("previous"));
  EXPECT_EQ(t["previous"]["period"]["start"], "2018-04-01");
  EXPECT_EQ(t["previous"]["denominator"], 0);
  EXPECT_TRUE(t["previous"]["value"].is_null());

  EXPECT_EQ(RunFails("2019-20", TSC_FORMAT_JSON, nullptr, 0, TSC_MAX_DATE + 1),
            TSC_OUT_OF_RANGE);
  EXPECT_THAT(LastError(), HasSubstr("data_from"));
  EXPECT_EQ(MonitorFails(TSC_MIN_DATE - 1, TSC_FORMAT_JSON), TSC_OUT_OF_RANGE);
  EXPECT_THAT(LastError(), HasSubstr("as_at"));
}

// ---- The monitoring list ----------------------------------------------------

// As at Tue 22 Oct 2019: A's second review is due Tue 29 Oct, 5 working days
// ahead: due soon; B's next, 15 Nov, is 18 working days ahead: on track; D
// is unknown; C is not yet in care.
TEST_F(CapiReportTest, MonitoringListStatuses) {
  AddAll();
  Json list = Json::parse(Monitor(Ymd(2019, 10, 22)));
  ASSERT_EQ(list["children"].size(), 3u);
  EXPECT_EQ(list["children"][0]["child"], "A");
  EXPECT_EQ(list["children"][0]["status"], "due_soon");
  EXPECT_EQ(list["children"][0]["next_due"], "2019-10-29");
  EXPECT_EQ(list["children"][0]["working_days_to_due"], 5);
  EXPECT_EQ(list["children"][0]["rule_id"], "lac.second_review");
  EXPECT_EQ(list["children"][1]["child"], "B");
  EXPECT_EQ(list["children"][1]["status"], "on_track");
  EXPECT_EQ(list["children"][1]["working_days_to_due"], 18);
  EXPECT_EQ(list["children"][2]["child"], "D");
  EXPECT_EQ(list["children"][2]["status"], "unknown");

  // As at Tue 31 Mar 2020: C overdue by 1 working day, then A (1 May, 21
  // working days) and B (15 May: 30 working days, past Good Friday, Easter
  // Monday and the 8 May bank holiday), then D.
  list = Json::parse(Monitor(Ymd(2020, 3, 31)));
  ASSERT_EQ(list["children"].size(), 4u);
  std::vector<std::string> order;
  for (Json row : list["children"]) order.push_back(row["child"]);
  EXPECT_EQ(order, (std::vector<std::string>{"C", "A", "B", "D"}));
  EXPECT_EQ(list["children"][0]["status"], "overdue");
  EXPECT_EQ(list["children"][0]["working_days_to_due"], -1);
  EXPECT_EQ(list["children"][2]["next_due"], "2020-05-15");
  EXPECT_EQ(list["children"][2]["working_days_to_due"], 30);
  EXPECT_EQ(list["children"][2]["reviews_in_period"], 2);
}

// ---- Inputs -----------------------------------------------------------------

TEST_F(CapiReportTest, PathsGiveTheSameReportAsBuffers) {
  AddAll();
  Json from_buffers = RunJson("2019-20");

  const fs::path dir = Dir();
  WriteFile(dir / "episodes.csv", kEpisodesCsv);
  WriteFile(dir / "reviews.csv", kReviewsCsv);
  WriteFile(dir / "notes.txt", "not read: neither .csv nor .xml");
  const fs::path meetings = dir / "meetings" / "meetings.csv";
  fs::create_directories(meetings.parent_path());
  WriteFile(meetings, kMeetingsCsv);

  tsc_report_inputs* from_paths = nullptr;
  ASSERT_EQ(tsc_report_inputs_create(&from_paths), TSC_OK);
  // A folder (its .csv files; the subfolder is not entered) and a file.
  EXPECT_EQ(tsc_report_inputs_add_path(from_paths, dir.string().c_str()),
            TSC_OK)
      << LastError();
  EXPECT_EQ(tsc_report_inputs_add_path(from_paths, meetings.string().c_str()),
            TSC_OK)
      << LastError();
  char* out = nullptr;
  ASSERT_EQ(tsc_report_run(&out, from_paths, "2019-20", nullptr, 0, TSC_NO_DATE,
                           TSC_FORMAT_JSON),
            TSC_OK)
      << LastError();
  Json from_files = Json::parse(Take(out));
  tsc_report_inputs_free(from_paths);

  EXPECT_EQ(from_files["kpis"], from_buffers["kpis"]);
  ASSERT_EQ(from_files["inputs"]["files"].size(), 3u);
  EXPECT_EQ(from_files["inputs"]["files"][0]["path"],
            (dir / "episodes.csv").string());
  EXPECT_EQ(from_files["inputs"]["files"][0]["table"], "ssda903.episodes");
  EXPECT_EQ(from_files["inputs"]["files"][1]["table"], "ssda903.reviews");
  EXPECT_EQ(from_files["inputs"]["files"][2]["table"], "meetings");
  EXPECT_EQ(from_files["inputs"]["rejections"][0]["path"],
            (dir / "reviews.csv").string());
}

TEST_F(CapiReportTest, ImportErrorsFailTheAddAndAddNothing) {
  EXPECT_EQ(tsc_report_inputs_add_path(in_, "/nonexistent/episodes.csv"),
            TSC_NOT_FOUND);
  EXPECT_THAT(LastError(), HasSubstr("/nonexistent/episodes.csv"));

  // A missing required column, named.
  const char no_code[] =
      "CHILD,DOB,REVIEW\n"
      "B,01/01/2010,15/05/2019\n";
  EXPECT_EQ(tsc_report_inputs_add_buffer(in_, "reviews.csv", no_code,
                                         strlen(no_code)),
            TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("reviews.csv"));
  EXPECT_THAT(LastError(), HasSubstr("REVIEW_CODE"));

  // UTF-16 (a BOM, then "C\0H\0...").
  const char utf16[] =
      "\xFF\xFE"
      "C\0H\0I\0L\0D\0";
  EXPECT_EQ(
      tsc_report_inputs_add_buffer(in_, "wide.csv", utf16, sizeof utf16 - 1),
      TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("wide.csv"));
  EXPECT_THAT(LastError(), HasSubstr("UTF-16"));

  // A folder with one good file and one malformed one adds neither.
  const fs::path dir = Dir();
  WriteFile(dir / "a_episodes.csv", kEpisodesCsv);
  WriteFile(dir / "b_broken.xml", "<EXPSSDA903>\n<CHILD>\n</EXPSSDA903>\n");
  EXPECT_EQ(tsc_report_inputs_add_path(in_, dir.string().c_str()),
            TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("b_broken.xml: line 3"));

  Json report = RunJson("2019-20");
  EXPECT_TRUE(report["inputs"]["files"].empty());
  EXPECT_TRUE(report["kpis"].empty());
  EXPECT_EQ(report["inputs"]["missing"].size(), 11u);
}

// A bad row is a rejection in the output, never a failure; every row of the
// file is accounted for.
TEST_F(CapiReportTest, RejectedRowsAreReportedNotFailed) {
  AddAll();
  Json report = RunJson("2019-20");
  ASSERT_EQ(report["inputs"]["rejections"].size(), 1u);
  EXPECT_EQ(report["inputs"]["rejections"][0]["path"], "reviews.csv");
  EXPECT_EQ(report["inputs"]["rejections"][0]["line"], 4);
  EXPECT_THAT(report["inputs"]["rejections"][0]["reason"].get<std::string>(),
              HasSubstr("31/02/2020"));
  for (Json file : report["inputs"]["files"]) {
    if (file["path"] == "reviews.csv") {
      EXPECT_EQ(file["rows"], 6);
      EXPECT_EQ(file["rejected"], 1);
    }
  }
}

// Buffers are copied: the caller's memory may change or go after the call.
// The length, not a NUL, ends a buffer.
TEST_F(CapiReportTest, BuffersAreCopiedAndLengthCounted) {
  std::string episodes = kEpisodesCsv;
  ASSERT_EQ(tsc_report_inputs_add_buffer(in_, "episodes.csv", episodes.data(),
                                         episodes.size()),
            TSC_OK)
      << LastError();
  std::fill(episodes.begin(), episodes.end(), 'x');
  // Only the first row of reviews.csv: the length stops before the rest.
  const std::string reviews = kReviewsCsv;
  const size_t two_lines = reviews.find('\n', reviews.find('\n') + 1) + 1;
  ASSERT_EQ(tsc_report_inputs_add_buffer(in_, "reviews.csv", reviews.data(),
                                         two_lines),
            TSC_OK)
      << LastError();
  Json report = RunJson("2019-20");
  ASSERT_EQ(report["inputs"]["files"].size(), 2u);
  EXPECT_EQ(report["inputs"]["files"][0]["rows"], 4);
  EXPECT_EQ(report["inputs"]["files"][1]["rows"], 1);

  // A NUL inside the length is read, and refused as not text.
  const char with_nul[] = "CHILD,DOB,REVIEW,REVIEW_CODE\nB,\0";
  EXPECT_EQ(tsc_report_inputs_add_buffer(in_, "nul.csv", with_nul,
                                         sizeof with_nul - 1),
            TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("nul.csv"));
  EXPECT_THAT(LastError(), HasSubstr("NUL byte at offset 31"));
}

TEST_F(CapiReportTest, NoInputsIsAnEmptyReport) {
  Json report = RunJson("2019-20");
  EXPECT_TRUE(report["kpis"].empty());
  EXPECT_EQ(report["inputs"]["missing"].size(), 11u);
  Json list = Json::parse(Monitor(Ymd(2020, 3, 31)));
  EXPECT_TRUE(list["children"].empty());
}

}  // namespace
