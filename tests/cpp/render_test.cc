// Tests of the four renderers (JSON, CSV, Markdown, HTML) on a Report built
// by hand, so they do not depend on the KPI engine. Each output is compared
// byte for byte with a reviewed golden file in tests/data/render/; set
// TSC_UPDATE_GOLDEN=1 to rewrite the goldens (then review the diff). The
// property tests check what must hold whatever the layout: the JSON has
// exactly the keys of the docs/kpis.md#json-output contract, the HTML fetches
// nothing and runs nothing, the CSV is rectangular, the Markdown tables keep
// their columns.

#include "timescales/render.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <streambuf>
#include <string>
#include <string_view>
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

InputFile File(std::string path, std::string table, int64_t rows,
               int64_t rejected, bool ignored = false) {
  InputFile file;
  file.path = std::move(path);
  file.table = std::move(table);
  file.rows = rows;
  file.rejected = rejected;
  file.ignored = ignored;
  return file;
}

// The year to date the engine would give, approximated from the months
// (the engine counts each [S, month end] afresh).
std::vector<std::pair<std::string, KpiCounts>> YearToDate(
    const std::vector<std::pair<std::string, KpiCounts>>& monthly,
    bool count_kpi = false) {
  std::vector<std::pair<std::string, KpiCounts>> out;
  int64_t n = 0, d = 0;
  for (const auto& [label, counts] : monthly) {
    n = count_kpi ? counts.numerator : n + counts.numerator;
    d = count_kpi ? counts.denominator : d + counts.denominator;
    out.emplace_back(label, Counts(n, d, count_kpi));
  }
  return out;
}

// The new members of issue 15: year to date, earlier years, narrative,
// title, context, participation mix, children per chair.
void AddPageMembers(Report* r) {
  r->title = "Annual report of the <IRO>";
  r->council = "Shire & \"Vale\" CC";
  r->narrative =
      "The year in **brief**: *better* than last year.\n\n- one\n- two "
      "<script>alert(1)</script>";
  r->generated = D(2020, 6, 30);
  r->version = "9.9.9";
  r->context.children_in_care = 612;
  r->context.children_on_cp_plans = 480;
  r->context.lac_reviews = 1213;
  r->context.icpcs = 250;
  r->context.rcpcs = 700;
  r->participation = {{"PN0", 81}, {"PN1", 500}, {"PN6", 200}, {"other", 3}};
  for (KpiResult& k : r->kpis) {
    const bool count_kpi = k.unit == "count";

    k.year_to_date = YearToDate(k.monthly, count_kpi);
    if (k.previous && k.previous_period) {
      EarlierPeriod e;
      e.period = *k.previous_period;
      e.counts = *k.previous;
      e.year_to_date = YearToDate(k.monthly, count_kpi);
      for (auto& [label, counts] : e.year_to_date) {
        label =
            absl::StrCat(std::stoi(label.substr(0, 4)) - 1, label.substr(4));
      }
      k.earlier.push_back(e);
    }
  }
  r->kpis[0].narrative = "Reviews *held* on time.";
  for (ChairRow& row : r->by_chair) row.children = row.meetings / 2;
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
  r.files = {File("episodes.csv", "ssda903.episodes", 1300, 0),
             File("reviews, \"final\".csv", "ssda903.reviews", 1250, 23),
             File("cin/census.xml", "cin.cp_plans", 480, 0),
             File("header.csv", "ssda903.header", 900, 0, /*ignored=*/true)};
  r.rejections = Rejections();
  r.warnings = {{"episodes.csv", 44,
                 "child 123: episodes overlap (2019-05-01, 2019-05-03)"}};
  r.reconciliation = {{"ssda903.episodes", 1300, 0, 1300},
                      {"ssda903.reviews", 1250, 23, 1227},
                      {"cin.cp_plans", 480, 0, 480}};
  r.lac_coverage_start = D(2017, 4, 1);
  r.policy = "statutory defaults; reviews on a non-working day count";
  r.calendar = "england-and-wales (GOV.UK & derived rules, 1995-2030)";
  AddPageMembers(&r);
  return r;
}

// ---- A report with case-level detail ---------------------------------------

// A small authority whose figures are exactly what its rows count
// (CountCases), with a row of every kind: on time, late, overdue, excluded
// with a reason, counted and not counted, and every member that can be
// null. The dates are the engine's: 6 months after 2 Apr 2019 is 2 Oct,
// and 7 Oct is 3 working days after it; 3 months after Fri 24 May 2019 is
// Sat 24 Aug (practical Fri 23 Aug), from which Tue 27 Aug is 1 working
// day late (Mon 26 Aug is a bank holiday); 20 working days after 23 Apr 2019 is
// 22 May (6 May is a bank holiday); 31 Mar 2020 is 17 working days after Fri 6
// Mar.
enum SourceFile : int32_t { kReviews = 0, kCensus = 1 };

CaseRow Case(std::string child, CaseItem item, Date date, CaseOutcome outcome,
             int32_t file, int64_t line) {
  CaseRow row;
  row.child = std::move(child);
  row.item = item;
  row.date = date;
  row.outcome = outcome;
  row.in_numerator =
      outcome == CaseOutcome::kOnTime || outcome == CaseOutcome::kCounted;
  row.in_denominator = outcome != CaseOutcome::kExcluded;
  row.source = SourceRef{file, line};
  return row;
}

CaseRow Scheduled(CaseRow row, std::string_view rule, int32_t slot, Date anchor,
                  Date due, Date practical_due, int32_t late_working_days) {
  row.rule = rule;
  row.slot = slot;
  row.anchor = anchor;
  row.due = due;
  row.practical_due = practical_due;
  row.late_working_days = late_working_days;
  return row;
}

CaseRow Excluded(CaseRow row, std::string_view reason) {
  row.reason = reason;
  return row;
}

CaseRow Chaired(CaseRow row, std::string chair) {
  row.chair_id = std::move(chair);
  return row;
}

KpiResult DetailLacTimeliness() {
  KpiResult k;
  k.id = "lac_review_timeliness";
  k.title = "LAC reviews held within timescale";
  k.unit = "percent";
  k.has_overdue = true;
  k.timeliness = true;
  k.cases = {
      Chaired(Excluded(Case("1000151", CaseItem::kReview, D(2019, 4, 15),
                            CaseOutcome::kExcluded, kReviews, 17),
                       "previous_review_unknown"),
              "(none)"),
      Scheduled(Case("1000136", CaseItem::kReview, D(2019, 5, 22),
                     CaseOutcome::kOnTime, kReviews, 90),
                "lac.first_review", 1, D(2019, 4, 23), D(2019, 5, 22),
                D(2019, 5, 22), 0),
      Chaired(Excluded(Case("1000150", CaseItem::kReview, D(2019, 8, 1),
                            CaseOutcome::kExcluded, kReviews, 120),
                       "short_breaks"),
              "Si\xC3\xA2n O'Brien"),
      Chaired(Scheduled(Case("1000135", CaseItem::kReview, D(2019, 8, 27),
                             CaseOutcome::kLate, kReviews, 88),
                        "lac.second_review", 2, D(2019, 5, 24), D(2019, 8, 24),
                        D(2019, 8, 23), 1),
              "IRO07"),
      Chaired(Scheduled(Case("1000134", CaseItem::kReview, D(2019, 10, 7),
                             CaseOutcome::kLate, kReviews, 1234),
                        "lac.subsequent_review", 3, D(2019, 4, 2),
                        D(2019, 10, 2), D(2019, 10, 2), 3),
              "IRO07"),
      Scheduled(Case("1000140", CaseItem::kOverdueSlot, D(2020, 3, 6),
                     CaseOutcome::kOverdue, kReviews, 140),
                "lac.subsequent_review", 4, D(2019, 9, 6), D(2020, 3, 6),
                D(2020, 3, 6), 17),
  };
  k.headline = Counts(1, 4);
  k.headline.excluded = {{"duplicate_review", 0},
                         {"no_period_of_care", 0},
                         {"previous_review_unknown", 1},
                         {"short_breaks", 1}};
  k.headline.overdue_at_period_end = 1;
  return k;
}

// Not about timeliness: the repeat plans are the rows counted.
KpiResult DetailRepeatPlans() {
  KpiResult k;
  k.id = "cp_repeat_plans";
  k.title =
      "CP plans starting in the period that are a second or subsequent "
      "plan";
  k.unit = "percent";
  k.cases = {Case("1000201", CaseItem::kPlan, D(2019, 5, 13),
                  CaseOutcome::kCounted, kCensus, 412),
             Case("1000202", CaseItem::kPlan, D(2019, 7, 1),
                  CaseOutcome::kNotCounted, kCensus, 530),
             Case("1000203", CaseItem::kPlan, D(2019, 11, 18),
                  CaseOutcome::kCounted, kCensus, 618)};
  k.headline = Counts(2, 3);
  return k;
}

KpiResult DetailOpenPlans() {
  KpiResult k;
  k.id = "cp_plans_open_over_18_months";
  k.title = "CP plans open for more than 18 months at the period end";
  k.unit = "count";
  k.cases = {Case("1000210", CaseItem::kPlan, D(2020, 3, 31),
                  CaseOutcome::kCounted, kCensus, 700),
             Case("1000211", CaseItem::kPlan, D(2020, 3, 31),
                  CaseOutcome::kNotCounted, kCensus, 733)};
  k.headline = Counts(1, 2, true);
  return k;
}

// Nothing counted: one enquiry, excluded; 0/0.
KpiResult DetailIcpcTimeliness() {
  KpiResult k;
  k.id = "icpc_timeliness";
  k.title = "ICPCs held within 15 working days of the strategy discussion";
  k.unit = "percent";
  k.timeliness = true;
  k.cases = {Excluded(Case("1000220", CaseItem::kS47, D(2019, 9, 18),
                           CaseOutcome::kExcluded, kCensus, 301),
                      "missing_s47_start")};
  k.headline = Counts(0, 0);
  k.headline.excluded = {{"icpc_before_s47", 0}, {"missing_s47_start", 1}};
  return k;
}

// Every child id of SampleDetailReport.
const std::vector<std::string>& DetailChildren() {
  static const auto* const kChildren = new std::vector<std::string>{
      "1000134", "1000135", "1000136", "1000140", "1000150", "1000151",
      "1000201", "1000202", "1000203", "1000210", "1000211", "1000220"};
  return *kChildren;
}

Report SampleDetailReport(bool detail = true) {
  Report r;
  r.period = Period("2019-20");
  r.kpis = {DetailLacTimeliness(), DetailRepeatPlans(), DetailOpenPlans(),
            DetailIcpcTimeliness()};
  r.files = {File("ssda903/reviews.csv", "ssda903.reviews", 1300, 0),
             File("cin/census.xml", "cin.cp_plans", 480, 0)};
  r.reconciliation = {{"ssda903.reviews", 1300, 0, 1300},
                      {"cin.cp_plans", 480, 0, 480}};
  r.lac_coverage_start = D(2017, 4, 1);
  r.cp_coverage_start = D(2018, 4, 1);
  r.policy = "statutory defaults";
  r.calendar = "england-and-wales";
  // Without detail the rows stay: the renderers must leave them out on
  // the flag alone.
  r.detail = detail;
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
TEST(RenderGolden, JsonWithDetail) {
  ExpectGolden("expected-detail.json", RenderJson(SampleDetailReport()));
}
TEST(RenderGolden, MarkdownWithDetail) {
  ExpectGolden("expected-detail.md", RenderMarkdown(SampleDetailReport()));
}
TEST(RenderGolden, HtmlWithDetail) {
  ExpectGolden("expected-detail.html", RenderHtml(SampleDetailReport()));
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
  // Context, scorecard, 3 monthly trends, chairs, files, reconciliation,
  // rejections, warnings.
  EXPECT_EQ(tables, 10);
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
  EXPECT_TRUE(absl::StrContains(html, "size:A4"));
  // Rejections are summarised by reason, with the first lines.
  EXPECT_TRUE(absl::StrContains(html, "<caption>Rows rejected: "));
  // Files by name, never by path.
  EXPECT_FALSE(absl::StrContains(html, "cin/census.xml"));
  EXPECT_TRUE(absl::StrContains(html, "<td>census.xml</td>"));
  // The configured text is escaped; the narrative's emphasis is kept.
  EXPECT_TRUE(absl::StrContains(html, "Annual report of the &lt;IRO&gt;"));
  EXPECT_TRUE(absl::StrContains(html, "Shire &amp; &quot;Vale&quot; CC"));
  EXPECT_TRUE(absl::StrContains(html, "<strong>brief</strong>"));
  EXPECT_TRUE(absl::StrContains(html, "<li>two &lt;script&gt;"));
  // Plain words, not code names.
  EXPECT_FALSE(absl::StrContains(html, "previous_review_unknown"));
  EXPECT_FALSE(absl::StrContains(html, " pp"));
  EXPECT_FALSE(absl::StrContains(html, "Counted "));
  // Monthly tables are collapsed.
  EXPECT_EQ(Occurrences(html, "<details class=\"monthly\">"), 3);
}

TEST(RenderHtml, TitleBlockContextMixAndChairs) {
  const std::string html = RenderHtml(SampleReport());
  EXPECT_TRUE(absl::StrContains(html, "<p class=\"council\">Shire &amp;"));
  EXPECT_TRUE(absl::StrContains(html, "Produced 30 June 2020"));
  EXPECT_TRUE(absl::StrContains(html, "by timescales 9.9.9"));
  EXPECT_TRUE(absl::StrContains(html,
                                "612</span><span class=\"what\">"
                                "children in care on 31 March 2020"));
  EXPECT_TRUE(absl::StrContains(html, "@top-left{content:\"Shire & \\22 "));
  EXPECT_TRUE(absl::StrContains(html, "@top-right{content:\"2019-20\""));
  EXPECT_TRUE(absl::StrContains(html, "<th scope=\"col\">Chair</th>"));
  EXPECT_TRUE(absl::StrContains(html, "Alerts per 10 meetings"));
}

TEST(RenderHtml, ACountKpiIsBarsAMonth) {
  Report r = SampleReport();
  KpiResult& open = r.kpis[2];
  ASSERT_EQ(open.unit, "count");
  for (int i = 0; i < 12; ++i) {
    const int month = (i + 3) % 12 + 1;
    open.monthly.emplace_back(
        absl::StrFormat("%04d-%02d", month >= 4 ? 2019 : 2020, month),
        Counts(5 + i % 4, 60, /*count_kpi=*/true));
  }
  open.target = KpiTarget{3, Polarity::kLowerIsBetter, 2};
  const std::string html = RenderHtml(r);
  EXPECT_EQ(Occurrences(html, "<svg "), 4);
  EXPECT_EQ(Occurrences(html, "<rect class=\"bar\""), 12);
  EXPECT_TRUE(absl::StrContains(html, ">at the month&#39;s end</text>") ||
              absl::StrContains(html, ">at the month's end</text>"));
}

TEST(RenderHtml, NarrativeIsASafeSubsetOfMarkdown) {
  Report r = SampleReport();
  r.narrative =
      "<b>x</b> **bold** and *em* and **unclosed\n\n1. first\n2. "
      "second\n\n[link](http://x) # not a heading";
  const std::string html = RenderHtml(r);
  EXPECT_TRUE(absl::StrContains(
      html,
      "<p>&lt;b&gt;x&lt;/b&gt; <strong>bold</strong> and <em>em</em> "
      "and **unclosed</p>\n<ol>\n<li>first</li>\n<li>second</li>\n"
      "</ol>\n<p>[link](http:"));
  EXPECT_FALSE(absl::StrContains(html, "<a "));
  const std::string md = RenderMarkdown(r);
  EXPECT_TRUE(absl::StrContains(md, "\\<b\\>x"));
  EXPECT_TRUE(absl::StrContains(md, "**bold** and *em*"));
  EXPECT_TRUE(absl::StrContains(md, "1. first\n2. second\n"));
}

TEST(RenderHtml, RagTilesCarryAWordAsWellAsAColour) {
  const std::string html = RenderHtml(SampleReport());
  EXPECT_TRUE(absl::StrContains(
      html, "<article class=\"tile rag-green\">\n<h3>LAC reviews held"));
  EXPECT_TRUE(absl::StrContains(html, "<span class=\"rag\">GREEN</span>"));
  EXPECT_TRUE(absl::StrContains(html, "<span class=\"rag\">RED</span>"));
  EXPECT_TRUE(absl::StrContains(html, "<span class=\"rag\">NO TARGET</span>"));
  EXPECT_TRUE(absl::StrContains(html, "<span class=\"rag\">NOT RATED</span>"));
}

TEST(RenderHtml, OneChartPerKpiWithTargetEarlierYearsAndGaps) {
  const std::string html = RenderHtml(SampleReport());
  // The count KPI of the sample has no months: no chart.
  EXPECT_EQ(Occurrences(html, "<svg "), 3);
  EXPECT_EQ(Occurrences(html, "<line class=\"target\""), 3);
  EXPECT_EQ(Occurrences(html, "<line class=\"benchmark\""), 5);
  // The year to date of LAC and repeat plans, and of each earlier year; the
  // ICPC series is all gaps: none.
  EXPECT_EQ(Occurrences(html, "<polyline class=\"line\""), 2);
  EXPECT_EQ(Occurrences(html, "<polyline class=\"earlier earlier-1\""), 2);
  EXPECT_EQ(Occurrences(html, ">n/a</text>"), 12);
  // Every month's counts are under the axis.
  EXPECT_TRUE(absl::StrContains(html, ">counted in the month</text>"));
  // Tags balance (a cheap well-formedness check).
  for (absl::string_view tag :
       {"section", "svg", "table", "details", "article", "ul", "ol", "div"}) {
    EXPECT_EQ(Occurrences(html, absl::StrCat("<", tag, ">")) +
                  Occurrences(html, absl::StrCat("<", tag, " ")),
              Occurrences(html, absl::StrCat("</", tag, ">")))
        << tag;
  }
}

// ---- Case-level detail ------------------------------------------------------

TEST(RenderDetail, WithoutDetailNoOutputNamesAChild) {
  const Report report = SampleDetailReport(/*detail=*/false);
  for (const std::string& output :
       {RenderJson(report), RenderCsv(report), RenderMarkdown(report),
        RenderHtml(report)}) {
    for (const std::string& child : DetailChildren()) {
      EXPECT_FALSE(absl::StrContains(output, child)) << child;
    }
    EXPECT_FALSE(absl::StrContains(output, "personal data"));
  }
  EXPECT_FALSE(absl::StrContains(RenderJson(report), "\"cases\""));
}

TEST(RenderDetail, JsonCasesFollowTheContract) {
  Json j = ParsedJson(SampleDetailReport());
  ASSERT_FALSE(j.is_discarded());
  EXPECT_THAT(Keys(j),
              ElementsAre("personal_data", "period", "kpis", "breakdowns",
                          "inputs", "coverage", "policy", "calendar"));
  EXPECT_TRUE(absl::StrContains(j["personal_data"].get<std::string>(),
                                "children's identifiers"));
  ASSERT_EQ(j["kpis"].size(), 4u);
  for (Json& kpi : j["kpis"]) {
    EXPECT_EQ(Keys(kpi).back(), "cases") << kpi["id"];
  }
  Json& lac = j["kpis"][0]["cases"];
  ASSERT_EQ(lac.size(), 6u);
  for (Json& row : lac) {
    EXPECT_THAT(Keys(row),
                ElementsAre("child", "item", "date", "month", "outcome",
                            "in_numerator", "in_denominator", "reason", "rule",
                            "slot", "anchor", "due", "practical_due",
                            "late_working_days", "chair_id", "source"));
  }
  // The late review of docs/kpis.md#case-level-detail.
  EXPECT_EQ(lac[4], Json::parse(R"({"child": "1000134", "item": "review",
      "date": "2019-10-07", "month": "2019-10", "outcome": "late",
      "in_numerator": false, "in_denominator": true, "reason": null,
      "rule": "lac.subsequent_review", "slot": 3, "anchor": "2019-04-02",
      "due": "2019-10-02", "practical_due": "2019-10-02",
      "late_working_days": 3, "chair_id": "IRO07",
      "source": "ssda903/reviews.csv:1234"})"));
  // Excluded with nothing scheduled: every optional member null.
  Json& excluded = lac[0];
  EXPECT_EQ(excluded["outcome"], "excluded");
  EXPECT_EQ(excluded["reason"], "previous_review_unknown");
  for (const char* member : {"rule", "slot", "anchor", "due", "practical_due",
                             "late_working_days"}) {
    EXPECT_TRUE(excluded[member].is_null()) << member;
  }
  EXPECT_EQ(excluded["chair_id"], "(none)");
  EXPECT_TRUE(lac[1]["chair_id"].is_null());  // no meeting
  EXPECT_EQ(lac[1]["late_working_days"], 0);
  EXPECT_EQ(lac[2]["chair_id"], "Si\xC3\xA2n O'Brien");
  EXPECT_EQ(lac[3]["practical_due"], "2019-08-23");
  EXPECT_EQ(lac[3]["late_working_days"], 1);
  EXPECT_EQ(lac[5]["item"], "overdue_slot");
  EXPECT_EQ(lac[5]["outcome"], "overdue");
  Json& plans = j["kpis"][1]["cases"];
  EXPECT_EQ(plans[1]["outcome"], "not_counted");
  EXPECT_EQ(plans[1]["in_denominator"], true);
  EXPECT_EQ(plans[1]["source"], "cin/census.xml:530");
}

// The rows reproduce each KPI's figure (docs/kpis.md#case-level-detail),
// read back from the JSON a consumer gets.
TEST(RenderDetail, JsonCasesCountToTheFigures) {
  Json j = ParsedJson(SampleDetailReport());
  ASSERT_FALSE(j.is_discarded());
  for (Json& kpi : j["kpis"]) {
    int64_t numerator = 0, denominator = 0, overdue = 0;
    std::map<std::string, int64_t> excluded;
    for (Json& row : kpi["cases"]) {
      numerator += row["in_numerator"].get<bool>() ? 1 : 0;
      denominator += row["in_denominator"].get<bool>() ? 1 : 0;
      overdue += row["outcome"] == "overdue" ? 1 : 0;
      if (!row["reason"].is_null()) ++excluded[row["reason"]];
    }
    EXPECT_EQ(kpi["numerator"], numerator) << kpi["id"];
    EXPECT_EQ(kpi["denominator"], denominator) << kpi["id"];
    for (const auto& [reason, n] : kpi["excluded"].items()) {
      EXPECT_EQ(n, excluded[reason]) << kpi["id"] << " " << reason;
    }
    if (kpi.contains("overdue_at_period_end")) {
      EXPECT_EQ(kpi["overdue_at_period_end"], overdue);
    }
  }
}

// Detail only adds: without personal_data and the cases, the document is
// the one a report without detail gives.
TEST(RenderDetail, JsonDetailOnlyAdds) {
  Json with = ParsedJson(SampleDetailReport());
  const Json without = ParsedJson(SampleDetailReport(/*detail=*/false));
  ASSERT_FALSE(with.is_discarded());
  with.erase("personal_data");
  for (Json& kpi : with["kpis"]) kpi.erase("cases");
  EXPECT_EQ(with.dump(2), without.dump(2));
}

TEST(RenderDetail, JsonStreamIsTheString) {
  for (const Report& report :
       {SampleReport(), SampleDetailReport(), Report{}}) {
    std::ostringstream out;
    RenderJson(report, out);
    EXPECT_EQ(out.str(), RenderJson(report));
  }
  Report empty;
  empty.detail = true;
  Json j = ParsedJson(empty);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_TRUE(j["kpis"].is_array());
  EXPECT_TRUE(j.contains("personal_data"));
}

TEST(RenderDetail, JsonEscapesWhatTheDataHold) {
  Report report = SampleDetailReport();
  CaseRow& row = report.kpis[0].cases[0];
  row.child = "12\"3\\4\n";
  row.chair_id = "caf\xE9";  // Latin-1: replaced, not thrown on
  Json j = ParsedJson(report);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["kpis"][0]["cases"][0]["child"], "12\"3\\4\n");
  EXPECT_EQ(j["kpis"][0]["cases"][0]["chair_id"], "caf\xEF\xBF\xBD");
}

// Detail rows are not held whole: the stream receives them a buffer at a
// time, while they are being written.
TEST(RenderDetail, JsonStreamWritesAsItGoes) {
  class CountingBuffer : public std::streambuf {
   public:
    int64_t bytes = 0;
    int64_t writes = 0;
    size_t biggest = 0;

   protected:
    std::streamsize xsputn(const char*, std::streamsize n) override {
      bytes += n;
      ++writes;
      biggest = std::max(biggest, static_cast<size_t>(n));
      return n;
    }
    int_type overflow(int_type c) override {
      ++bytes;
      return c;
    }
  };
  Report report = SampleDetailReport();
  const CaseRow late = report.kpis[0].cases[4];
  report.kpis[0].cases.assign(100000, late);
  CountingBuffer buffer;
  std::ostream out(&buffer);
  RenderJson(report, out);
  EXPECT_GT(buffer.bytes, 100000 * 300);
  EXPECT_LT(buffer.biggest, size_t{1} << 20);
}

TEST(RenderDetail, MarkdownListsTheCasesToActOn) {
  const std::string md = RenderMarkdown(SampleDetailReport());
  EXPECT_TRUE(absl::StartsWith(md,
                               "> **Contains personal data: children's "
                               "identifiers."));
  // Late, overdue and excluded; not the reviews on time.
  for (absl::string_view child :
       {"1000151", "1000150", "1000135", "1000134", "1000140", "1000201",
        "1000203", "1000210", "1000220"}) {
    EXPECT_TRUE(absl::StrContains(md, absl::StrCat("| ", child, " |")))
        << child;
  }
  for (absl::string_view child : {"1000136", "1000202", "1000211"}) {
    EXPECT_FALSE(absl::StrContains(md, child)) << child;
  }
  EXPECT_TRUE(
      absl::StrContains(md, "#### Late, overdue and excluded cases (5)"));
  EXPECT_TRUE(absl::StrContains(md, "#### Counted and excluded cases (2)"));
  EXPECT_TRUE(absl::StrContains(
      md,
      "| 1000134 | review | 2019-10-07 | late | 2019-10-02 | 3 | IRO07 | "
      "ssda903/reviews.csv:1234 |"));
  EXPECT_TRUE(absl::StrContains(md, "excluded: short breaks"));
}

TEST(RenderDetail, HtmlListsTheCasesInDetailsWithTheNoticeOnEveryPage) {
  const std::string html = RenderHtml(SampleDetailReport());
  EXPECT_TRUE(absl::StrContains(
      html,
      "<body>\n<p class=\"personal-data\" role=\"note\">Contains "
      "personal data"));
  EXPECT_EQ(Occurrences(html, "<details class=\"cases\">"), 4);
  EXPECT_TRUE(absl::StrContains(
      html, "<summary>Late, overdue and excluded cases (5)</summary>"));
  // The notice heads each case table, so it prints on each of its pages,
  // and the page margin where the browser can.
  EXPECT_EQ(Occurrences(html, "class=\"notice\">Contains personal data"), 4);
  EXPECT_TRUE(absl::StrContains(html,
                                "@top-center{content:\"Contains "
                                "personal data"));
  EXPECT_FALSE(absl::StrContains(html, "1000136"));  // on time
  EXPECT_TRUE(absl::StrContains(html, "Si\xC3\xA2n O&#39;Brien"));
  EXPECT_TRUE(absl::StrContains(html, "2019-08-24 (practical 2019-08-23)"));
  std::string lower = html;
  for (char& c : lower) c = static_cast<char>(std::tolower(c));
  for (absl::string_view banned :
       {"<script", "http://", "https://", "src=", "href=", "url(", "@import"}) {
    EXPECT_FALSE(absl::StrContains(lower, banned)) << banned;
  }
  for (absl::string_view tag : {"section", "table", "details", "thead"}) {
    EXPECT_EQ(Occurrences(html, absl::StrCat("<", tag, ">")) +
                  Occurrences(html, absl::StrCat("<", tag, " ")),
              Occurrences(html, absl::StrCat("</", tag, ">")))
        << tag;
  }
}

// A long list shows its first kListedCases rows and says where the rest
// are.
TEST(RenderDetail, LongListsPointToTheCsv) {
  Report report = SampleDetailReport();
  const CaseRow late = report.kpis[0].cases[4];
  report.kpis[0].cases.assign(250, late);
  for (size_t i = 0; i < 250; ++i) {
    report.kpis[0].cases[i].child = absl::StrCat("child-", 1000 + i);
  }
  const std::string html = RenderHtml(report);
  EXPECT_TRUE(absl::StrContains(
      html, "<summary>Late, overdue and excluded cases (250)</summary>"));
  EXPECT_TRUE(absl::StrContains(html, "child-1199"));
  EXPECT_FALSE(absl::StrContains(html, "child-1200"));
  EXPECT_TRUE(absl::StrContains(
      html,
      "The first 200 of 250; the other 50 are in the full list, in "
      "the CSV: <code>timescales report --detail --format csv</code>"));
  const std::string md = RenderMarkdown(report);
  EXPECT_TRUE(absl::StrContains(md, "child-1199"));
  EXPECT_FALSE(absl::StrContains(md, "child-1200"));
  EXPECT_TRUE(absl::StrContains(md, "... and 50 more: the full list is in"));
}

TEST(RenderDetail, MarkdownTablesKeepTheirColumns) {
  const std::string md = RenderMarkdown(SampleDetailReport());
  int columns = -1;
  for (absl::string_view line : absl::StrSplit(md, '\n')) {
    if (!absl::StartsWith(line, "|")) {
      columns = -1;
      continue;
    }
    if (columns < 0) columns = Pipes(line);
    EXPECT_EQ(Pipes(line), columns) << line;
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
