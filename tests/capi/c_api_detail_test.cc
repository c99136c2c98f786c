// Case-level detail through the C ABI (docs/kpis.md#case-level-detail):
// tsc_report_options_set_detail, and what tsc_report_run_with_options then
// writes: each KPI's "cases" in JSON, the case table as CSV.
//
// Two fixtures. The demo county of examples/data (`make demo`'s data) for
// 2019-20 with its configuration: every KPI has rows, and counting them
// must give each figure. And the small 903 extract of c_api_test.c, whose
// rows are counted by hand (2019-20; the earliest REVIEW, 15 May 2019, is
// the coverage start):
//
//   A  looked after Mon 1 Jul 2019 (RNE S). Review 1 (reviews.csv line 3)
//      due 20 working days later, Mon 29 Jul; held 29 Jul: on time.
//      Review 2 (line 7) due 3 months after 29 Jul = Tue 29 Oct; held
//      Fri 1 Nov: late by 3 working days (30 Oct, 31 Oct, 1 Nov), chaired
//      by IRO2 (meetings.csv).
//   B  in care since before the data: its 15 May 2019 review (line 2) has
//      no known due date (previous_review_unknown); the next is due 15 Nov,
//      held 15 Nov (line 5): on time; the second 15 Nov row (line 6) is a
//      duplicate_review.
//   C  looked after Mon 2 Mar 2020: review 1 due Mon 30 Mar, not held: an
//      overdue slot, 1 working day overdue at E (Tue 31 Mar).
//   lac_review_timeliness: 6 rows, 2 in the numerator of 4.
//   lac_review_decisions_5wd: one action row a lac_review meeting held in
//   the period: A 29 Jul (sent on its due date 5 Aug: on time), A 1 Nov
//   (due 8 Nov, sent 11 Nov: late), B 15 Nov (due 22 Nov, sent 22 Nov:
//   on time), B 30 Mar 2020 (due 6 Apr, after E, not sent: not_yet_due).

#include <cstddef>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "capi/capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "report_fixture.h"
#include "timescales/c.h"

#ifndef TSC_EXAMPLE_DATA_DIR
#error "TSC_EXAMPLE_DATA_DIR must name examples/data"
#endif

namespace {

using capi_testing::LastError;
using capi_testing::NullRejected;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::UnorderedElementsAreArray;
using Json = nlohmann::json;
namespace fs = std::filesystem;

constexpr char kCaseHeader[] =
    "kpi,child,item,date,month,outcome,in_numerator,in_denominator,reason,"
    "rule,slot,anchor,due,practical_due,late_working_days,chair_id,source";
const std::vector<std::string> kCaseMembers = {
    "child",          "item",
    "date",           "month",
    "outcome",        "in_numerator",
    "in_denominator", "reason",
    "rule",           "slot",
    "anchor",         "due",
    "practical_due",  "late_working_days",
    "chair_id",       "source"};

// One report run; "" (and a test failure) when it fails.
std::string RunReport(const tsc_report_inputs* inputs,
                      const tsc_report_options* options) {
  char* out = nullptr;
  const int status =
      tsc_report_run_with_options(&out, inputs, "2019-20", options);
  EXPECT_EQ(status, TSC_OK) << LastError();
  if (status != TSC_OK || out == nullptr) return "";
  std::string text = out;
  tsc_free(out);
  return text;
}

// A JSON report run; null (and a test failure) when it fails.
Json RunJson(const tsc_report_inputs* inputs,
             const tsc_report_options* options) {
  const std::string text = RunReport(inputs, options);
  if (text.empty()) return Json();
  return Json::parse(text);
}

// RFC 4180 records: quoted fields, doubled quotes, CRLF or LF.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  bool any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
      any = true;
    } else if (c == '\r') {
      continue;
    } else if (c == '\n') {
      row.push_back(field);
      rows.push_back(row);
      row.clear();
      field.clear();
      any = false;
    } else {
      field += c;
      any = true;
    }
  }
  if (any) {
    row.push_back(field);
    rows.push_back(row);
  }
  return rows;
}

// The JSON's KPI objects by id.
std::map<std::string, Json> Kpis(const Json& report) {
  std::map<std::string, Json> out;
  for (const Json& kpi : report.at("kpis")) out[kpi.at("id")] = kpi;
  return out;
}

class CapiDetailDemo : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const fs::path data = TSC_EXAMPLE_DATA_DIR;
    ASSERT_EQ(tsc_report_inputs_create(&inputs_), TSC_OK);
    ASSERT_EQ(
        tsc_report_inputs_add_path_as(
            inputs_, (data / "ssda903").string().c_str(), TSC_INPUT_SSDA903),
        TSC_OK)
        << LastError();
    ASSERT_EQ(tsc_report_inputs_add_path_as(
                  inputs_, (data / "cin").string().c_str(), TSC_INPUT_CIN),
              TSC_OK)
        << LastError();
    ASSERT_EQ(tsc_report_inputs_add_path_as(
                  inputs_, (data / "meetings.csv").string().c_str(),
                  TSC_INPUT_MEETINGS),
              TSC_OK)
        << LastError();
  }
  static void TearDownTestSuite() {
    tsc_report_inputs_free(inputs_);
    inputs_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(inputs_, nullptr);
    ASSERT_EQ(tsc_report_options_create(&options_), TSC_OK);
    ASSERT_EQ(
        tsc_report_options_set_config_file(
            options_,
            (fs::path(TSC_EXAMPLE_DATA_DIR) / "config.json").string().c_str()),
        TSC_OK)
        << LastError();
    ASSERT_EQ(tsc_report_options_set_allow_rejections(options_, 1), TSC_OK);
  }
  void TearDown() override { tsc_report_options_free(options_); }

  static tsc_report_inputs* inputs_;
  tsc_report_options* options_ = nullptr;
};
tsc_report_inputs* CapiDetailDemo::inputs_ = nullptr;

TEST_F(CapiDetailDemo, NullAndOutOfRangeAreRefusedAndLeaveTheHandle) {
  EXPECT_TRUE(
      NullRejected(tsc_report_options_set_detail(nullptr, 1), "options"));
  EXPECT_TRUE(
      NullRejected(tsc_report_options_set_detail(nullptr, 0), "options"));
  for (const int bad : {2, -1, 255}) {
    EXPECT_EQ(tsc_report_options_set_detail(options_, bad),
              TSC_INVALID_ARGUMENT)
        << bad;
    EXPECT_THAT(LastError(), HasSubstr("detail is " + std::to_string(bad)));
  }
  // The refused values changed nothing: still no cases.
  const Json report = RunJson(inputs_, options_);
  ASSERT_TRUE(report.is_object());
  for (const Json& kpi : report.at("kpis")) {
    EXPECT_FALSE(kpi.contains("cases")) << kpi.at("id");
  }
  EXPECT_FALSE(report.contains("personal_data"));
}

TEST_F(CapiDetailDemo, JsonCasesCountToEveryFigure) {
  const Json plain = RunJson(inputs_, options_);
  ASSERT_TRUE(plain.is_object());
  ASSERT_EQ(tsc_report_options_set_detail(options_, 1), TSC_OK) << LastError();
  const Json detail = RunJson(inputs_, options_);
  ASSERT_TRUE(detail.is_object());
  EXPECT_TRUE(detail.contains("personal_data"));

  const std::map<std::string, Json> before = Kpis(plain);
  const std::map<std::string, Json> after = Kpis(detail);
  // The demo has every table: all eleven KPIs.
  ASSERT_EQ(after.size(), 11u);
  ASSERT_EQ(before.size(), after.size());
  size_t total = 0;
  size_t with_rows = 0;
  for (const auto& [id, kpi] : after) {
    SCOPED_TRACE(id);
    // Detail adds the rows and changes no figure.
    ASSERT_TRUE(before.count(id));
    EXPECT_FALSE(before.at(id).contains("cases"));
    for (const char* key : {"numerator", "denominator", "value", "excluded"}) {
      EXPECT_EQ(kpi.at(key), before.at(id).at(key)) << key;
    }
    ASSERT_TRUE(kpi.contains("cases"));
    const Json& cases = kpi.at("cases");
    ASSERT_TRUE(cases.is_array());
    total += cases.size();
    if (!cases.empty()) ++with_rows;

    int64_t numerator = 0;
    int64_t denominator = 0;
    int64_t overdue = 0;
    std::map<std::string, int64_t> excluded;
    for (const Json& row : cases) {
      std::vector<std::string> members;
      for (const auto& member : row.items()) members.push_back(member.key());
      EXPECT_THAT(members, UnorderedElementsAreArray(kCaseMembers));
      if (row.at("in_numerator").get<bool>()) ++numerator;
      if (row.at("in_denominator").get<bool>()) ++denominator;
      if (row.at("outcome") == "overdue") ++overdue;
      if (!row.at("reason").is_null()) {
        EXPECT_EQ(row.at("outcome"), "excluded") << row.dump();
        ++excluded[row.at("reason").get<std::string>()];
      }
      EXPECT_TRUE(row.at("child").is_string()) << row.dump();
    }
    EXPECT_EQ(numerator, kpi.at("numerator").get<int64_t>());
    EXPECT_EQ(denominator, kpi.at("denominator").get<int64_t>());
    for (const auto& [reason, count] : kpi.at("excluded").items()) {
      EXPECT_EQ(excluded[reason], count.get<int64_t>()) << reason;
    }
    for (const auto& [reason, count] : excluded) {
      EXPECT_TRUE(kpi.at("excluded").contains(reason)) << reason;
    }
    if (kpi.contains("overdue_at_period_end")) {
      EXPECT_EQ(overdue, kpi.at("overdue_at_period_end").get<int64_t>());
    }
  }
  // Not vacuous: the county's year has hundreds of reviews.
  EXPECT_GT(total, 500u);
  EXPECT_GE(with_rows, 9u);
}

TEST_F(CapiDetailDemo, CsvIsTheCaseTableWithTheJsonRows) {
  ASSERT_EQ(tsc_report_options_set_detail(options_, 1), TSC_OK);
  const Json detail = RunJson(inputs_, options_);
  ASSERT_TRUE(detail.is_object());
  ASSERT_EQ(tsc_report_options_set_format(options_, TSC_FORMAT_CSV), TSC_OK);
  const std::string csv = RunReport(inputs_, options_);
  ASSERT_EQ(csv.compare(0, sizeof kCaseHeader - 1, kCaseHeader), 0)
      << csv.substr(0, 300);
  const char after_header = csv[sizeof kCaseHeader - 1];
  EXPECT_TRUE(after_header == '\n' || after_header == '\r');

  const std::vector<std::vector<std::string>> rows = ParseCsv(csv);
  ASSERT_FALSE(rows.empty());
  std::map<std::string, size_t> per_kpi;
  std::map<std::string, int64_t> numerators;
  for (size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), 17u) << "row " << i;
    ++per_kpi[rows[i][0]];
    if (rows[i][6] == "true" || rows[i][6] == "1") ++numerators[rows[i][0]];
  }
  for (const auto& [id, kpi] : Kpis(detail)) {
    EXPECT_EQ(per_kpi[id], kpi.at("cases").size()) << id;
    EXPECT_EQ(numerators[id], kpi.at("numerator").get<int64_t>()) << id;
  }
  EXPECT_EQ(rows.size() - 1, [&] {
    size_t n = 0;
    for (const Json& kpi : detail.at("kpis")) n += kpi.at("cases").size();
    return n;
  }());

  // Without detail the CSV is the KPI table, as before.
  ASSERT_EQ(tsc_report_options_set_detail(options_, 0), TSC_OK);
  EXPECT_THAT(RunReport(inputs_, options_).substr(0, 17),
              testing::StartsWith("kpi_id,kpi_title,"));
}

TEST_F(CapiDetailDemo, OtherFormatsAndTheMonitoringListRun) {
  ASSERT_EQ(tsc_report_options_set_format(options_, TSC_FORMAT_MARKDOWN),
            TSC_OK);
  const std::string plain = RunReport(inputs_, options_);
  ASSERT_EQ(tsc_report_options_set_detail(options_, 1), TSC_OK);
  const std::string detail = RunReport(inputs_, options_);
  EXPECT_FALSE(detail.empty());
  // render.h: with detail, Markdown lists the late, overdue and excluded
  // cases under each KPI.
  EXPECT_GT(detail.size(), plain.size());
  ASSERT_EQ(tsc_report_options_set_format(options_, TSC_FORMAT_HTML), TSC_OK);
  EXPECT_THAT(RunReport(inputs_, options_),
              testing::StartsWith("<!DOCTYPE html>"));

  // The monitoring list is what it was.
  tsc_date as_at = 0;
  ASSERT_EQ(tsc_date_from_ymd(&as_at, 2020, 3, 31), TSC_OK);
  ASSERT_EQ(tsc_report_options_set_format(options_, TSC_FORMAT_CSV), TSC_OK);
  char* with = nullptr;
  char* without = nullptr;
  ASSERT_EQ(tsc_monitoring_run_with_options(&with, inputs_, as_at, options_),
            TSC_OK)
      << LastError();
  ASSERT_EQ(tsc_report_options_set_detail(options_, 0), TSC_OK);
  ASSERT_EQ(tsc_monitoring_run_with_options(&without, inputs_, as_at, options_),
            TSC_OK)
      << LastError();
  EXPECT_STREQ(with, without);
  tsc_free(with);
  tsc_free(without);
}

// tsc_report_options_set_late_since: the monitoring list's held_late rows
// are the reviews and conferences the KPIs count late in the same window.
TEST_F(CapiDetailDemo, LateSinceListsTheReviewsTheKpisCountLate) {
  EXPECT_EQ(tsc_report_options_set_late_since(nullptr, TSC_NO_DATE),
            TSC_INVALID_ARGUMENT);
  EXPECT_EQ(tsc_report_options_set_late_since(options_, INT32_MAX),
            TSC_OUT_OF_RANGE);
  tsc_date since = 0;
  tsc_date as_at = 0;
  ASSERT_EQ(tsc_date_from_ymd(&since, 2019, 4, 1), TSC_OK);
  ASSERT_EQ(tsc_date_from_ymd(&as_at, 2020, 3, 31), TSC_OK);
  ASSERT_EQ(tsc_report_options_set_detail(options_, 1), TSC_OK);
  const Json report = RunJson(inputs_, options_);
  std::map<std::string, std::multiset<std::string>> late;  // KPI -> children
  for (const Json& kpi : report["kpis"]) {
    for (const Json& row : kpi["cases"]) {
      if (row["outcome"] == "late") {
        late[kpi["id"].get<std::string>()].insert(row["child"]);
      }
    }
  }
  ASSERT_EQ(tsc_report_options_set_late_since(options_, since), TSC_OK);
  char* out = nullptr;
  ASSERT_EQ(tsc_monitoring_run_with_options(&out, inputs_, as_at, options_),
            TSC_OK)
      << LastError();
  const Json list = Json::parse(out);
  tsc_free(out);
  std::multiset<std::string> lac;
  std::multiset<std::string> cp;
  for (const Json& row : list["children"]) {
    if (row["status"] != "held_late") continue;
    (row["kind"] == "lac" ? lac : cp).insert(row["child"].get<std::string>());
  }
  EXPECT_EQ(lac, late["lac_review_timeliness"]);
  EXPECT_EQ(cp, late["rcpc_timeliness"]);
  EXPECT_EQ(lac.size(), 2u);  // 1000081 and 1000162 (README)
  EXPECT_EQ(list["held_late"], lac.size() + cp.size());

  // After the as-at day: refused when the list is run; TSC_NO_DATE clears.
  tsc_date after = 0;
  ASSERT_EQ(tsc_date_from_ymd(&after, 2020, 4, 1), TSC_OK);
  ASSERT_EQ(tsc_report_options_set_late_since(options_, after), TSC_OK);
  EXPECT_EQ(tsc_monitoring_run_with_options(&out, inputs_, as_at, options_),
            TSC_INVALID_ARGUMENT);
  EXPECT_EQ(out, nullptr);
  ASSERT_EQ(tsc_report_options_set_late_since(options_, TSC_NO_DATE), TSC_OK);
  ASSERT_EQ(tsc_monitoring_run_with_options(&out, inputs_, as_at, options_),
            TSC_OK);
  EXPECT_EQ(Json::parse(out)["held_late"], 0);
  tsc_free(out);
}

TEST_F(CapiDetailDemo, NullOptionsAndTheOldRunHaveNoCases) {
  const std::string json = RunReport(inputs_, nullptr);
  EXPECT_THAT(json, Not(HasSubstr("\"cases\"")));
  char* out = nullptr;
  ASSERT_EQ(tsc_report_run(&out, inputs_, "2019-20", nullptr, 0, TSC_NO_DATE,
                           TSC_FORMAT_JSON),
            TSC_OK)
      << LastError();
  EXPECT_THAT(out, Not(HasSubstr("\"cases\"")));
  tsc_free(out);
}

// ---- The hand-counted fixture --------------------------------------------

using ::timescales::capi_test::kEpisodesCsv;
using ::timescales::capi_test::kMeetingsCsv;
using ::timescales::capi_test::kReviewsCsv;

class CapiDetailSmall : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(tsc_report_inputs_create(&inputs_), TSC_OK);
    for (const auto& [name, text] :
         {std::pair<const char*, const char*>{"episodes.csv", kEpisodesCsv},
          {"reviews.csv", kReviewsCsv},
          {"meetings.csv", kMeetingsCsv}}) {
      ASSERT_EQ(tsc_report_inputs_add_buffer(
                    inputs_, name, text, std::char_traits<char>::length(text)),
                TSC_OK)
          << LastError();
    }
    ASSERT_EQ(tsc_report_options_create(&options_), TSC_OK);
    // reviews.csv line 4 is rejected: 1 of 6 rows, over the 5% threshold.
    ASSERT_EQ(tsc_report_options_set_allow_rejections(options_, 1), TSC_OK);
    ASSERT_EQ(tsc_report_options_set_detail(options_, 1), TSC_OK);
  }
  void TearDown() override {
    tsc_report_options_free(options_);
    tsc_report_inputs_free(inputs_);
  }

  tsc_report_inputs* inputs_ = nullptr;
  tsc_report_options* options_ = nullptr;
};

// (child, item, date, outcome, in_numerator, in_denominator, reason)
using Brief = std::tuple<std::string, std::string, std::string, std::string,
                         bool, bool, std::string>;

std::vector<Brief> Briefs(const Json& cases) {
  std::vector<Brief> out;
  for (const Json& row : cases) {
    const Json& reason = row.at("reason");
    out.emplace_back(
        row.at("child").get<std::string>(), row.at("item").get<std::string>(),
        row.at("date").get<std::string>(), row.at("outcome").get<std::string>(),
        row.at("in_numerator").get<bool>(),
        row.at("in_denominator").get<bool>(),
        reason.is_null() ? std::string() : reason.get<std::string>());
  }
  return out;
}

TEST_F(CapiDetailSmall, ReviewTimelinessRowsAsCountedByHand) {
  const Json report = RunJson(inputs_, options_);
  ASSERT_TRUE(report.is_object());
  const Json kpi = Kpis(report).at("lac_review_timeliness");
  EXPECT_EQ(kpi.at("numerator"), 2);
  EXPECT_EQ(kpi.at("denominator"), 4);
  const std::vector<Brief> want = {
      {"A", "review", "2019-07-29", "on_time", true, true, ""},
      {"A", "review", "2019-11-01", "late", false, true, ""},
      {"B", "review", "2019-05-15", "excluded", false, false,
       "previous_review_unknown"},
      {"B", "review", "2019-11-15", "on_time", true, true, ""},
      {"B", "review", "2019-11-15", "excluded", false, false,
       "duplicate_review"},
      {"C", "overdue_slot", "2020-03-30", "overdue", false, true, ""},
  };
  EXPECT_THAT(Briefs(kpi.at("cases")), UnorderedElementsAreArray(want));

  for (const Json& row : kpi.at("cases")) {
    if (row.at("child") == "A" && row.at("date") == "2019-11-01") {
      EXPECT_EQ(row.at("month"), "2019-11");
      EXPECT_EQ(row.at("rule"), "lac.second_review");
      EXPECT_EQ(row.at("slot"), 2);
      EXPECT_EQ(row.at("anchor"), "2019-07-29");
      EXPECT_EQ(row.at("due"), "2019-10-29");
      EXPECT_EQ(row.at("practical_due"), "2019-10-29");
      EXPECT_EQ(row.at("late_working_days"), 3);
      EXPECT_EQ(row.at("chair_id"), "IRO2");
      EXPECT_EQ(row.at("source"), "reviews.csv:7");
    }
    if (row.at("child") == "B" && row.at("date") == "2019-05-15") {
      EXPECT_TRUE(row.at("due").is_null()) << row.dump();
      EXPECT_TRUE(row.at("chair_id").is_null()) << row.dump();
    }
    if (row.at("child") == "C") {
      EXPECT_EQ(row.at("rule"), "lac.first_review");
      EXPECT_EQ(row.at("anchor"), "2020-03-02");
      EXPECT_EQ(row.at("due"), "2020-03-30");
      EXPECT_EQ(row.at("late_working_days"), 1);
    }
  }
}

TEST_F(CapiDetailSmall, DecisionRowsAsCountedByHand) {
  const Json report = RunJson(inputs_, options_);
  ASSERT_TRUE(report.is_object());
  const Json kpi = Kpis(report).at("lac_review_decisions_5wd");
  const std::vector<Brief> want = {
      {"A", "action", "2019-07-29", "on_time", true, true, ""},
      {"A", "action", "2019-11-01", "late", false, true, ""},
      {"B", "action", "2019-11-15", "on_time", true, true, ""},
      {"B", "action", "2020-03-30", "excluded", false, false, "not_yet_due"},
  };
  EXPECT_THAT(Briefs(kpi.at("cases")), UnorderedElementsAreArray(want));
}

TEST_F(CapiDetailSmall, CsvRowsOfOneKpi) {
  ASSERT_EQ(tsc_report_options_set_format(options_, TSC_FORMAT_CSV), TSC_OK);
  const std::vector<std::vector<std::string>> rows =
      ParseCsv(RunReport(inputs_, options_));
  ASSERT_FALSE(rows.empty());
  std::vector<std::string> header;
  for (const std::string& column : rows[0]) header.push_back(column);
  EXPECT_EQ(header, (std::vector<std::string>{
                        "kpi", "child", "item", "date", "month", "outcome",
                        "in_numerator", "in_denominator", "reason", "rule",
                        "slot", "anchor", "due", "practical_due",
                        "late_working_days", "chair_id", "source"}));
  std::multiset<std::string> timeliness;
  for (size_t i = 1; i < rows.size(); ++i) {
    if (rows[i][0] == "lac_review_timeliness") {
      timeliness.insert(rows[i][1] + " " + rows[i][3] + " " + rows[i][5]);
    }
  }
  EXPECT_THAT(timeliness,
              ElementsAreArray(std::multiset<std::string>{
                  "A 2019-07-29 on_time", "A 2019-11-01 late",
                  "B 2019-05-15 excluded", "B 2019-11-15 on_time",
                  "B 2019-11-15 excluded", "C 2020-03-30 overdue"}));
}

}  // namespace
