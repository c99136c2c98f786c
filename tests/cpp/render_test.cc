// Tests of the four renderers (JSON, CSV, Markdown, HTML) on a Report built
// by hand, so they do not depend on the KPI engine. Each output is compared
// byte for byte with a reviewed golden file in tests/data/render/; set
// TSC_UPDATE_GOLDEN=1 to rewrite the goldens (then review the diff). The
// property tests check what must hold whatever the layout: the JSON has
// exactly the keys of the docs/kpis.md#json-output contract, the HTML fetches
// nothing and runs nothing, the CSV is rectangular, the Markdown tables keep
// their columns.

#include "timescales/render.h"

#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "testing/fixtures.h"
#include "timescales/report.h"

namespace timescales {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using Json = nlohmann::ordered_json;
using ::timescales::testing::D;

// Counts with the value the engine would give: percent to 2 dp, null for
// 0/0; a count KPI's value is its numerator.
KpiCounts Counts(int64_t numerator, int64_t denominator,
                 bool count_kpi = false) {
  KpiCounts c;
  c.numerator = numerator;
  c.denominator = denominator;
  if (count_kpi) {
    c.value = static_cast<double>(numerator);
  } else if (denominator > 0) {
    c.value = std::round(10000.0 * static_cast<double>(numerator) /
                         static_cast<double>(denominator)) /
              100.0;
  }
  return c;
}

// The twelve months of 2019-20, numerator and denominator each.
std::vector<std::pair<std::string, KpiCounts>> Months(
    const std::vector<std::pair<int64_t, int64_t>>& figures) {
  std::vector<std::pair<std::string, KpiCounts>> out;
  for (size_t i = 0; i < figures.size(); ++i) {
    const int month = static_cast<int>((i + 3) % 12) + 1;
    const int year = month >= 4 ? 2019 : 2020;
    out.emplace_back(absl::StrFormat("%04d-%02d", year, month),
                     Counts(figures[i].first, figures[i].second));
  }
  return out;
}

ReportingPeriod Period(absl::string_view label) {
  return *ReportingPeriod::Parse(label);
}

// A percent chain KPI with everything: target (green), two benchmarks,
// monthly series with an empty month (a gap), previous year, exclusions.
KpiResult LacTimeliness() {
  KpiResult k;
  k.id = "lac_review_timeliness";
  k.title = "LAC reviews held within timescale";
  k.unit = "percent";
  k.has_overdue = true;
  k.headline = Counts(1194, 1213);
  k.headline.excluded = {{"duplicate_review", 2},
                         {"no_period_of_care", 0},
                         {"previous_review_unknown", 31},
                         {"short_breaks", 5}};
  k.headline.overdue_at_period_end = 4;
  k.monthly = Months({{99, 100},
                      {98, 100},
                      {101, 104},
                      {97, 99},
                      {0, 0},
                      {100, 102},
                      {110, 112},
                      {95, 97},
                      {99, 101},
                      {100, 101},
                      {98, 100},
                      {97, 99}});
  k.monthly[3].second.overdue_at_period_end = 2;
  k.monthly[11].second.overdue_at_period_end = 1;
  k.monthly[0].second.excluded = {{"previous_review_unknown", 3}};
  k.previous_period = Period("2018-19");
  k.previous = Counts(1100, 1133);
  k.previous->overdue_at_period_end = 6;
  k.target = KpiTarget{95, Polarity::kHigherIsBetter, 2};
  k.rag = "green";
  k.benchmarks = {{"statistical neighbours", {91.0, 7.43}},
                  {"national", {92.5, 5.93}}};
  return k;
}

// Lower is better, rated red, as in the Leicestershire report (21.6%
// against a target of 19%, statistical neighbours 22.2%).
KpiResult RepeatPlans() {
  KpiResult k;
  k.id = "cp_repeat_plans";
  k.title = "Repeat child protection plans";
  k.unit = "percent";
  k.headline = Counts(54, 250);
  k.monthly = Months({{3, 20},
                      {4, 22},
                      {3, 19},
                      {4, 21},
                      {3, 20},
                      {4, 22},
                      {5, 21},
                      {5, 20},
                      {6, 22},
                      {6, 21},
                      {5, 20},
                      {6, 22}});
  k.previous_period = Period("2018-19");
  k.previous = Counts(45, 240);
  k.target = KpiTarget{19, Polarity::kLowerIsBetter, 2};
  k.rag = "red";
  k.benchmarks = {{"statistical neighbours", {22.2, -0.6}},
                  {"'Outstanding' shires", {19.4, 2.2}}};
  return k;
}

// A count KPI without target or monthly series; its title needs CSV
// quoting.
KpiResult OpenPlans() {
  KpiResult k;
  k.id = "cp_plans_open_over_18_months";
  k.title = "CP plans open over 18 months (\"long plans\", at period end)";
  k.unit = "count";
  k.headline = Counts(7, 212, true);
  k.previous_period = Period("2018-19");
  k.previous = Counts(11, 230, true);
  return k;
}

// Nothing to count: value null, every month a gap, a target but no rating,
// a benchmark without a difference.
KpiResult IcpcTimeliness() {
  KpiResult k;
  k.id = "icpc_timeliness";
  k.title = "Initial child protection conferences within 15 working days";
  k.unit = "percent";
  k.headline = Counts(0, 0);
  k.headline.excluded = {{"icpc_before_s47", 0}, {"missing_s47_start", 3}};
  k.monthly = Months(std::vector<std::pair<int64_t, int64_t>>(12, {0, 0}));
  k.target = KpiTarget{90, Polarity::kHigherIsBetter, 5};
  k.benchmarks = {{"national", {88.0, std::nullopt}}};
  return k;
}

std::vector<Rejection> Rejections() {
  const std::string file = "reviews, \"final\".csv";
  std::vector<Rejection> out = {
      {file, 17, "REVIEW '31/02/2020' is not a date"},
      {file, 18, "REVIEW_CODE \"PN9\" is not PN0-PN7, nor blank"},
      {file, 19, "<script>alert(\"x\")</script> in CHILD | column"},
      {file, 20, "a reason on\ntwo lines & a tab\there"},
      {file, 21, "PLACE 'caf\xE9' is not UTF-8"},
  };
  for (int64_t line = 22; line < 40; ++line) {
    out.push_back({file, line, "REVIEW is blank"});
  }
  return out;
}

Report SampleReport() {
  Report r;
  r.period = Period("2019-20");
  r.kpis = {LacTimeliness(), RepeatPlans(), OpenPlans(), IcpcTimeliness()};
  ChairRow iro07;
  iro07.chair_id = "IRO07";
  iro07.meetings = 96;
  iro07.qa_alerts = 3;
  iro07.decisions = Counts(19, 20);
  iro07.record = Counts(15, 20);
  iro07.sw_report = Counts(10, 20);
  ChairRow none;
  none.chair_id = "(none)";
  none.meetings = 2;
  none.decisions = Counts(0, 0);
  none.record = Counts(0, 0);
  none.sw_report = Counts(1, 2);
  r.by_chair = {iro07, none};
  r.missing = {"lac_review_participation", "rcpc_timeliness"};
  r.files = {{"episodes.csv", "ssda903.episodes", 1300, 0, false},
             {"reviews, \"final\".csv", "ssda903.reviews", 1250, 23, false},
             {"cin/census.xml", "cin.cp_plans", 480, 0, false},
             {"header.csv", "ssda903.header", 900, 0, true}};
  r.rejections = Rejections();
  r.warnings = {{"episodes.csv", 44,
                 "child 123: episodes overlap (2019-05-01, 2019-05-03)"}};
  r.reconciliation = {{"ssda903.episodes", 1300, 0, 1300},
                      {"ssda903.reviews", 1250, 23, 1227},
                      {"cin.cp_plans", 480, 0, 480}};
  r.lac_coverage_start = D(2017, 4, 1);
  r.policy = "statutory defaults; reviews on a non-working day count";
  r.calendar = "england-and-wales (GOV.UK & derived rules, 1995-2030)";
  return r;
}

// ---- Golden files -----------------------------------------------------------

std::string GoldenPath(absl::string_view name) {
  return absl::StrCat(TSC_TEST_DATA_DIR, "/render/", name);
}

bool UpdatingGoldens() {
  const char* env = std::getenv("TSC_UPDATE_GOLDEN");
  return env != nullptr && std::string(env) == "1";
}

// The first line where the two texts differ, for a readable failure.
std::string FirstDifference(const std::string& want, const std::string& got) {
  const std::vector<std::string> a = absl::StrSplit(want, '\n');
  const std::vector<std::string> b = absl::StrSplit(got, '\n');
  for (size_t i = 0; i < a.size() || i < b.size(); ++i) {
    const std::string x = i < a.size() ? a[i] : "<end of file>";
    const std::string y = i < b.size() ? b[i] : "<end of file>";
    if (x != y) {
      return absl::StrCat("line ", i + 1, "\n  golden: ", x, "\n  actual: ", y);
    }
  }
  return "same lines, different bytes";
}

void ExpectGolden(absl::string_view name, const std::string& actual) {
  const std::string path = GoldenPath(name);
  if (UpdatingGoldens()) {
    std::ofstream out(path, std::ios::binary);
    out << actual;
    ASSERT_TRUE(out.good()) << "cannot write " << path;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in.good()) << "missing golden " << path
                         << " (run with TSC_UPDATE_GOLDEN=1)";
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string expected = buffer.str();
  EXPECT_TRUE(expected == actual)
      << name << " differs from its golden at "
      << FirstDifference(expected, actual)
      << "\n(if the change is intended: TSC_UPDATE_GOLDEN=1, then review)";
}

TEST(RenderGolden, Json) {
  ExpectGolden("expected.json", RenderJson(SampleReport()));
}
TEST(RenderGolden, Csv) {
  ExpectGolden("expected.csv", RenderCsv(SampleReport()));
}
TEST(RenderGolden, Markdown) {
  ExpectGolden("expected.md", RenderMarkdown(SampleReport()));
}
TEST(RenderGolden, Html) {
  ExpectGolden("expected.html", RenderHtml(SampleReport()));
}

// ---- JSON: the docs/kpis.md#json-output contract
// --------------------------------------------

std::vector<std::string> Keys(const Json& object) {
  std::vector<std::string> keys;
  for (const auto& item : object.items()) keys.push_back(item.key());
  return keys;
}

Json ParsedJson(const Report& report) {
  return Json::parse(RenderJson(report), nullptr, /*allow_exceptions=*/false);
}

TEST(RenderJson, HasExactlyTheContractKeys) {
  // Not const: operator[] on a missing key then yields null instead of
  // undefined behaviour, so a regression fails the test, not the run.
  Json j = ParsedJson(SampleReport());
  ASSERT_FALSE(j.is_discarded());
  EXPECT_THAT(Keys(j), ElementsAre("period", "kpis", "breakdowns", "inputs",
                                   "coverage", "policy", "calendar"));
  EXPECT_THAT(Keys(j["period"]), ElementsAre("start", "end", "label"));
  EXPECT_EQ(j["period"]["start"], "2019-04-01");
  EXPECT_EQ(j["period"]["end"], "2020-03-31");
  EXPECT_EQ(j["period"]["label"], "2019-20");
  ASSERT_EQ(j["kpis"].size(), 4u);

  // Everything: chain KPI with target, benchmarks, previous.
  Json& lac = j["kpis"][0];
  EXPECT_THAT(Keys(lac),
              ElementsAre("id", "title", "unit", "numerator", "denominator",
                          "value", "excluded", "overdue_at_period_end",
                          "monthly", "previous", "target", "polarity",
                          "amber_tolerance", "rag", "benchmarks"));
  ASSERT_EQ(lac["monthly"].size(), 12u);
  EXPECT_THAT(Keys(lac["monthly"][0]),
              ElementsAre("month", "numerator", "denominator", "value",
                          "overdue_at_period_end"));
  EXPECT_THAT(Keys(lac["previous"]),
              ElementsAre("period", "numerator", "denominator", "value"));
  EXPECT_THAT(Keys(lac["previous"]["period"]),
              ElementsAre("start", "end", "label"));
  EXPECT_THAT(Keys(lac["benchmarks"]["national"]),
              ElementsAre("value", "difference"));

  // Not a chain KPI: no overdue_at_period_end, per month either.
  Json& repeat = j["kpis"][1];
  EXPECT_FALSE(repeat.contains("overdue_at_period_end"));
  EXPECT_THAT(Keys(repeat["monthly"][0]),
              ElementsAre("month", "numerator", "denominator", "value"));
  EXPECT_TRUE(repeat["excluded"].is_object());
  EXPECT_TRUE(repeat["excluded"].empty());

  // No target, no benchmarks: those members are absent, monthly is [].
  EXPECT_THAT(Keys(j["kpis"][2]),
              ElementsAre("id", "title", "unit", "numerator", "denominator",
                          "value", "excluded", "monthly", "previous"));
  EXPECT_TRUE(j["kpis"][2]["monthly"].is_array());
  EXPECT_TRUE(j["kpis"][2]["monthly"].empty());

  // No previous period.
  EXPECT_THAT(Keys(j["kpis"][3]),
              ElementsAre("id", "title", "unit", "numerator", "denominator",
                          "value", "excluded", "monthly", "target", "polarity",
                          "amber_tolerance", "rag", "benchmarks"));

  EXPECT_THAT(Keys(j["breakdowns"]), ElementsAre("by_chair"));
  Json& chair = j["breakdowns"]["by_chair"][0];
  EXPECT_THAT(Keys(chair),
              ElementsAre("chair_id", "meetings", "qa_alerts",
                          "lac_review_decisions_5wd", "lac_review_record_20wd",
                          "lac_review_sw_report_24h"));
  EXPECT_THAT(Keys(chair["lac_review_record_20wd"]),
              ElementsAre("numerator", "denominator", "value"));

  Json& inputs = j["inputs"];
  EXPECT_THAT(Keys(inputs), ElementsAre("files", "rejections", "warnings",
                                        "missing", "reconciliation"));
  EXPECT_THAT(Keys(inputs["files"][0]),
              ElementsAre("path", "table", "rows", "rejected"));
  EXPECT_THAT(Keys(inputs["files"][3]),
              ElementsAre("path", "table", "rows", "rejected", "ignored"));
  EXPECT_THAT(Keys(inputs["rejections"][0]),
              ElementsAre("path", "line", "reason"));
  EXPECT_THAT(Keys(inputs["warnings"][0]),
              ElementsAre("path", "line", "reason"));
  EXPECT_THAT(Keys(inputs["reconciliation"][0]),
              ElementsAre("table", "read", "rejected", "kept"));
  EXPECT_THAT(Keys(j["coverage"]), ElementsAre("lac", "cp"));
}

TEST(RenderJson, ValuesAndNulls) {
  Json j = ParsedJson(SampleReport());
  ASSERT_FALSE(j.is_discarded());
  Json& lac = j["kpis"][0];
  EXPECT_EQ(lac["value"], 98.43);
  EXPECT_EQ(lac["excluded"]["previous_review_unknown"], 31);
  EXPECT_EQ(lac["overdue_at_period_end"], 4);
  EXPECT_TRUE(lac["monthly"][4]["value"].is_null());  // 0/0 in August
  EXPECT_EQ(lac["polarity"], "higher_is_better");
  EXPECT_EQ(lac["benchmarks"]["statistical neighbours"]["difference"], 7.43);
  EXPECT_EQ(j["kpis"][1]["polarity"], "lower_is_better");
  EXPECT_EQ(j["kpis"][1]["rag"], "red");
  EXPECT_EQ(j["kpis"][1]["benchmarks"]["statistical neighbours"]["difference"],
            -0.6);
  EXPECT_TRUE(j["kpis"][2]["value"].is_number_integer());
  EXPECT_EQ(j["kpis"][2]["value"], 7);
  EXPECT_TRUE(j["kpis"][3]["value"].is_null());
  EXPECT_TRUE(j["kpis"][3]["rag"].is_null());
  EXPECT_TRUE(j["kpis"][3]["benchmarks"]["national"]["difference"].is_null());
  EXPECT_TRUE(
      j["breakdowns"]["by_chair"][1]["lac_review_decisions_5wd"]["value"]
          .is_null());
  EXPECT_EQ(j["inputs"]["rejections"].size(), 23u);
  EXPECT_EQ(j["inputs"]["rejections"][2]["reason"],
            "<script>alert(\"x\")</script> in CHILD | column");
  // Latin-1 bytes are replaced, not thrown on.
  EXPECT_EQ(j["inputs"]["rejections"][4]["reason"],
            "PLACE 'caf\xEF\xBF\xBD' is not UTF-8");
  EXPECT_THAT(j["inputs"]["missing"],
              ElementsAre("lac_review_participation", "rcpc_timeliness"));
  EXPECT_EQ(j["coverage"]["lac"], "2017-04-01");
  EXPECT_TRUE(j["coverage"]["cp"].is_null());
}

TEST(RenderJson, TwoDecimalsAsWrittenAndTrailingNewline) {
  const std::string text = RenderJson(SampleReport());
  EXPECT_TRUE(absl::StrContains(text, "\"value\": 98.43,"));
  EXPECT_TRUE(absl::StrContains(text, "\"value\": 75.0\n"));  // 15 of 20
  EXPECT_TRUE(absl::StrContains(text, "\"difference\": -0.6\n"));
  EXPECT_TRUE(absl::StrContains(text, "\n  \"period\": {\n    \"start\""));
  EXPECT_EQ(text.back(), '\n');
}

TEST(RenderJson, EmptyReportKeepsTheShape) {
  Json j = ParsedJson(Report{});
  ASSERT_FALSE(j.is_discarded());
  EXPECT_THAT(Keys(j), ElementsAre("period", "kpis", "breakdowns", "inputs",
                                   "coverage", "policy", "calendar"));
  EXPECT_TRUE(j["kpis"].is_array());
  EXPECT_TRUE(j["breakdowns"]["by_chair"].is_array());
  EXPECT_TRUE(j["inputs"]["missing"].is_array());
}

// ---- CSV
// ---------------------------------------------------------------------

// RFC 4180 records (LF or CRLF line ends); false on a malformed quote.
bool ParseCsv(absl::string_view text,
              std::vector<std::vector<std::string>>* records) {
  std::vector<std::string> record;
  std::string field;
  bool quoted = false, after_quote = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
        after_quote = true;
      }
    } else if (c == '"') {
      if (!field.empty() || after_quote) return false;
      quoted = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      after_quote = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      record.push_back(std::move(field));
      records->push_back(std::move(record));
      field.clear();
      record.clear();
      after_quote = false;
    } else {
      if (after_quote) return false;
      field += c;
    }
  }
  return !quoted && field.empty() && record.empty();
}

TEST(RenderCsv, RectangularWithOneRowPerKpiAndMonth) {
  std::vector<std::vector<std::string>> rows;
  ASSERT_TRUE(ParseCsv(RenderCsv(SampleReport()), &rows));
  // header; lac 1 + 12 + previous; repeat 1 + 12 + previous; open plans
  // 1 + previous; icpc 1 + 12.
  ASSERT_EQ(rows.size(), 1u + 14 + 14 + 2 + 13);
  EXPECT_THAT(
      rows[0],
      ElementsAre("kpi_id", "kpi_title", "unit", "series", "period",
                  "period_start", "period_end", "numerator", "denominator",
                  "value", "overdue_at_period_end", "target", "polarity", "rag",
                  "excluded_total", "excluded"));
  for (const std::vector<std::string>& row : rows) {
    EXPECT_EQ(row.size(), rows[0].size()) << absl::StrJoin(row, "|");
  }
  EXPECT_THAT(
      rows[1],
      ElementsAreArray<std::string>(
          {"lac_review_timeliness", "LAC reviews held within timescale",
           "percent", "headline", "2019-20", "2019-04-01", "2020-03-31", "1194",
           "1213", "98.43", "4", "95.00", "higher_is_better", "green", "38",
           "duplicate_review=2;no_period_of_care=0;"
           "previous_review_unknown=31;short_breaks=5"}));
  EXPECT_EQ(rows[2][3], "month");
  EXPECT_EQ(rows[2][4], "2019-04");
  EXPECT_EQ(rows[2][13], "");  // rag only on the headline
  EXPECT_EQ(rows[6][9], "");   // 0/0 in August
  EXPECT_EQ(rows[14][3], "previous");
  EXPECT_EQ(rows[14][4], "2018-19");
  EXPECT_EQ(rows[14][5], "2018-04-01");
  const std::vector<std::string>& open = rows[29];
  EXPECT_EQ(open[1],
            "CP plans open over 18 months (\"long plans\", at period end)");
  EXPECT_EQ(open[9], "7");
  EXPECT_EQ(open[10], "");  // not a chain KPI
  EXPECT_EQ(open[11], "");  // no target
}

// ---- Markdown
// ------------------------------------------------------------------

// Cell separators: pipes not escaped with a backslash.
int Pipes(absl::string_view line) {
  int n = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
    } else if (line[i] == '|') {
      ++n;
    }
  }
  return n;
}

TEST(RenderMarkdown, TablesKeepTheirColumnsAndTextIsEscaped) {
  const std::string md = RenderMarkdown(SampleReport());
  int columns = -1;  // of the current table
  int tables = 0;
  for (absl::string_view line : absl::StrSplit(md, '\n')) {
    if (!absl::StartsWith(line, "|")) {
      columns = -1;
      continue;
    }
    if (columns < 0) {
      columns = Pipes(line);
      ++tables;
    }
    EXPECT_EQ(Pipes(line), columns) << line;
  }
  // Scorecard, 3 monthly trends, chairs, files, reconciliation, rejections,
  // warnings.
  EXPECT_EQ(tables, 9);
  // No raw HTML: every '<' from the data is backslash-escaped.
  EXPECT_FALSE(absl::StrContains(absl::StrReplaceAll(md, {{"\\<", ""}}), "<"));
  EXPECT_TRUE(absl::StrContains(md, "\\<script\\>"));
  EXPECT_TRUE(absl::StrContains(md, "CHILD \\| column"));
  EXPECT_TRUE(absl::StrContains(md, "\n... and 3 more"));
  EXPECT_TRUE(absl::StrContains(md, "| GREEN |"));
  EXPECT_TRUE(absl::StrContains(md, "| RED |"));
  EXPECT_TRUE(absl::StrContains(md, "| not rated |"));
}

// ---- HTML
// ----------------------------------------------------------------------

int Occurrences(absl::string_view text, absl::string_view needle) {
  int n = 0;
  for (size_t at = text.find(needle); at != absl::string_view::npos;
       at = text.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

TEST(RenderHtml, SelfContainedAndEscaped) {
  const std::string html = RenderHtml(SampleReport());
  std::string lower = html;
  for (char& c : lower) c = static_cast<char>(std::tolower(c));
  for (absl::string_view banned :
       {"<script", "http://", "https://", "src=", "href=", "url(", "@import",
        "<link", "<img", "<iframe", "<object", "<embed"}) {
    EXPECT_FALSE(absl::StrContains(lower, banned)) << banned;
  }
  EXPECT_TRUE(absl::StartsWith(html, "<!DOCTYPE html>\n"));
  EXPECT_TRUE(absl::StrContains(html, "&lt;script&gt;alert(&quot;x&quot;)"));
  EXPECT_TRUE(absl::StrContains(html, "reviews, &quot;final&quot;.csv"));
  EXPECT_TRUE(absl::StrContains(html, "&#39;Outstanding&#39; shires"));
  EXPECT_TRUE(absl::StrContains(html, "@media print"));
  EXPECT_EQ(Occurrences(html, "<details>"), 2);  // rejections, warnings
  // Every rejection is listed, not only the first 20.
  EXPECT_EQ(Occurrences(html, "REVIEW is blank"), 18);
}

TEST(RenderHtml, RagTilesCarryAWordAsWellAsAColour) {
  const std::string html = RenderHtml(SampleReport());
  EXPECT_TRUE(absl::StrContains(
      html, "<article class=\"tile rag-green\">\n<h3>LAC reviews held"));
  EXPECT_TRUE(absl::StrContains(html, "<p class=\"rag\">GREEN</p>"));
  EXPECT_TRUE(absl::StrContains(html, "<p class=\"rag\">RED</p>"));
  EXPECT_TRUE(absl::StrContains(html, "<p class=\"rag\">NO TARGET</p>"));
  EXPECT_TRUE(absl::StrContains(html, "<p class=\"rag\">NOT RATED</p>"));
}

TEST(RenderHtml, OneTrendChartPerPercentKpiWithTargetAndGaps) {
  const std::string html = RenderHtml(SampleReport());
  EXPECT_EQ(Occurrences(html, "<svg "), 3);  // not the count KPI
  EXPECT_EQ(Occurrences(html, "<line class=\"target\""), 3);
  // The LAC series is broken at August: two polylines; the ICPC series is
  // all gaps: none.
  EXPECT_EQ(Occurrences(html, "<polyline"), 3);
  EXPECT_EQ(Occurrences(html, ">n/a</text>"), 1 + 12);
  // Tags balance (a cheap well-formedness check).
  for (absl::string_view tag :
       {"section", "svg", "table", "details", "article", "ul", "dl"}) {
    EXPECT_EQ(Occurrences(html, absl::StrCat("<", tag, ">")) +
                  Occurrences(html, absl::StrCat("<", tag, " ")),
              Occurrences(html, absl::StrCat("</", tag, ">")))
        << tag;
  }
}

TEST(RenderAll, EmptyReportRenders) {
  const Report empty;
  EXPECT_FALSE(RenderJson(empty).empty());
  std::vector<std::vector<std::string>> rows;
  ASSERT_TRUE(ParseCsv(RenderCsv(empty), &rows));
  EXPECT_EQ(rows.size(), 1u);
  EXPECT_TRUE(absl::StrContains(RenderMarkdown(empty), "No KPI could be"));
  EXPECT_TRUE(absl::StrContains(RenderHtml(empty), "No KPI could be"));
}

}  // namespace
}  // namespace timescales
