// Tests of the case-level renderers (CSV, JSON, text, explanation) on a
// Report built by hand, so they do not depend on the KPI engine. Expected
// lines are written out from the rows below, not copied from output.

#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "testing/fixtures.h"
#include "timescales/render.h"
#include "timescales/report.h"

namespace timescales {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;
using Json = nlohmann::json;
using ::timescales::testing::D;

CaseRow Row(std::string child, CaseItem item, Date date, CaseOutcome outcome,
            bool numerator, bool denominator, int64_t line) {
  CaseRow row;
  row.child = std::move(child);
  row.item = item;
  row.date = date;
  row.outcome = outcome;
  row.in_numerator = numerator;
  row.in_denominator = denominator;
  row.source = SourceRef{0, line};
  return row;
}

// Four LAC reviews rows (late, on time with a comma in the child's id, an
// overdue slot without a chair, an excluded review without a due date) and
// one CP plan row from the second file.
Report Sample() {
  Report report;
  report.period = *ReportingPeriod::Parse("2019-20");
  report.detail = true;
  for (const char* path : {"reviews.csv", "cin.xml"}) {
    InputFile file;
    file.path = path;
    report.files.push_back(file);
  }

  KpiResult lac;
  lac.id = "lac_review_timeliness";
  lac.title = "LAC reviews held within timescale";
  lac.unit = "percent";
  lac.timeliness = true;
  CaseRow late = Row("1000134", CaseItem::kReview, D(2019, 10, 7),
                     CaseOutcome::kLate, false, true, 12);
  late.rule = "lac.subsequent_review";
  late.slot = 3;
  late.anchor = D(2019, 4, 2);
  late.due = D(2019, 10, 2);
  late.practical_due = D(2019, 10, 2);
  late.late_working_days = 3;
  late.chair_id = "IRO07";
  late.explanation =
      "period of care from Tue 2 Apr 2019\n"
      "due 6 months after Tue 2 Apr 2019: Wed 2 Oct 2019";
  CaseRow on_time = Row("A,1", CaseItem::kReview, D(2019, 11, 4),
                        CaseOutcome::kOnTime, true, true, 13);
  on_time.rule = "lac.subsequent_review";
  on_time.slot = 2;
  on_time.anchor = D(2019, 5, 10);
  on_time.due = D(2019, 11, 10);
  on_time.practical_due = D(2019, 11, 8);
  on_time.late_working_days = -4;
  on_time.chair_id = "IRO02";
  CaseRow overdue = Row("1000150", CaseItem::kOverdueSlot, D(2020, 1, 15),
                        CaseOutcome::kOverdue, false, true, 14);
  overdue.rule = "lac.second_review";
  overdue.slot = 2;
  overdue.anchor = D(2019, 10, 15);
  overdue.due = D(2020, 1, 15);
  overdue.practical_due = D(2020, 1, 15);
  overdue.late_working_days = 53;
  CaseRow excluded = Row("1000160", CaseItem::kReview, D(2019, 10, 20),
                         CaseOutcome::kExcluded, false, false, 15);
  excluded.reason = "previous_review_unknown";
  excluded.chair_id = "Siân Evans";
  lac.cases = {late, excluded, on_time, overdue};

  KpiResult plans;
  plans.id = "cp_repeat_plans";
  plans.title = "CP plans starting in the period that are a second plan";
  plans.unit = "percent";
  CaseRow plan = Row("1000134", CaseItem::kPlan, D(2019, 10, 1),
                     CaseOutcome::kCounted, true, true, 5);
  plan.source.file = 1;
  plans.cases = {plan};

  report.kpis = {lac, plans};
  return report;
}

std::vector<std::string> Lines(const std::string& text) {
  return absl::StrSplit(text, '\n', absl::SkipEmpty());
}

constexpr char kHeader[] =
    "kpi,child,item,date,month,outcome,in_numerator,in_denominator,reason,"
    "rule,slot,anchor,due,practical_due,late_working_days,chair_id,source";

// ---- CSV --------------------------------------------------------------------

TEST(CasesCsv, OneRowACaseWithEmptyCellsForAbsentValues) {
  const std::string csv = RenderCasesCsv(Sample());
  EXPECT_THAT(
      Lines(csv),
      ElementsAre(
          kHeader,
          "lac_review_timeliness,1000134,review,2019-10-07,2019-10,late,false,"
          "true,,lac.subsequent_review,3,2019-04-02,2019-10-02,2019-10-02,3,"
          "IRO07,reviews.csv:12",
          "lac_review_timeliness,1000160,review,2019-10-20,2019-10,excluded,"
          "false,false,previous_review_unknown,,,,,,,Siân Evans,"
          "reviews.csv:15",
          "lac_review_timeliness,\"A,1\",review,2019-11-04,2019-11,on_time,"
          "true,true,,lac.subsequent_review,2,2019-05-10,2019-11-10,"
          "2019-11-08,-4,IRO02,reviews.csv:13",
          "lac_review_timeliness,1000150,overdue_slot,2020-01-15,2020-01,"
          "overdue,false,true,,lac.second_review,2,2019-10-15,2020-01-15,"
          "2020-01-15,53,,reviews.csv:14",
          "cp_repeat_plans,1000134,plan,2019-10-01,2019-10,counted,true,true,"
          ",,,,,,,,cin.xml:5"));
  EXPECT_EQ(csv.back(), '\n');
  EXPECT_THAT(csv, Not(HasSubstr("\r")));
}

TEST(CasesCsv, QuotesAQuoteAndALineBreakTheRfc4180Way) {
  Report report = Sample();
  report.kpis[1].cases[0].child = "say \"hi\"\nthere";
  EXPECT_THAT(RenderCasesCsv(report, "cp_repeat_plans"),
              HasSubstr("\ncp_repeat_plans,\"say \"\"hi\"\"\nthere\",plan,"));
}

TEST(CasesCsv, OnlyTheKpiAsked) {
  const std::vector<std::string> lines =
      Lines(RenderCasesCsv(Sample(), "cp_repeat_plans"));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_THAT(lines[1], StartsWith("cp_repeat_plans,1000134,plan,"));
  EXPECT_THAT(Lines(RenderCasesCsv(Sample(), "icpc_timeliness")),
              ElementsAre(kHeader));
}

// The first two cells of each data row: kpi and child.
std::vector<std::string> Keys(const std::string& csv) {
  std::vector<std::string> out;
  std::vector<std::string> lines = Lines(csv);
  for (size_t i = 1; i < lines.size(); ++i) {
    const size_t date = lines[i].find(",20");  // the date cell follows item
    out.push_back(lines[i].substr(0, lines[i].rfind(',', date - 1)));
  }
  return out;
}

TEST(CasesCsv, FilterByOutcome) {
  CaseFilter filter;
  filter.outcomes = {CaseOutcome::kLate, CaseOutcome::kOverdue};
  EXPECT_THAT(Keys(RenderCasesCsv(Sample(), "", filter)),
              ElementsAre("lac_review_timeliness,1000134",
                          "lac_review_timeliness,1000150"));
}

TEST(CasesCsv, FilterByChair) {
  CaseFilter filter;
  filter.chair_id = "Siân Evans";
  EXPECT_THAT(Keys(RenderCasesCsv(Sample(), "", filter)),
              ElementsAre("lac_review_timeliness,1000160"));
}

TEST(CasesCsv, FilterByMonth) {
  CaseFilter filter;
  filter.month = "2019-10";
  EXPECT_THAT(
      Keys(RenderCasesCsv(Sample(), "", filter)),
      ElementsAre("lac_review_timeliness,1000134",
                  "lac_review_timeliness,1000160", "cp_repeat_plans,1000134"));
  filter.month = "2019-12";
  EXPECT_THAT(Lines(RenderCasesCsv(Sample(), "", filter)),
              ElementsAre(kHeader));
}

TEST(CasesCsv, FilterByChildAcrossKpis) {
  CaseFilter filter;
  filter.child = "1000134";
  EXPECT_THAT(
      Keys(RenderCasesCsv(Sample(), "", filter)),
      ElementsAre("lac_review_timeliness,1000134", "cp_repeat_plans,1000134"));
  filter.child = "A,1";
  EXPECT_THAT(Keys(RenderCasesCsv(Sample(), "", filter)),
              ElementsAre("lac_review_timeliness,\"A,1\""));
}

TEST(CasesCsv, TheStreamWritesWhatTheStringHolds) {
  CaseFilter filter;
  filter.outcomes = {CaseOutcome::kLate, CaseOutcome::kExcluded};
  std::ostringstream out;
  RenderCasesCsv(Sample(), "lac_review_timeliness", filter, out);
  EXPECT_EQ(out.str(),
            RenderCasesCsv(Sample(), "lac_review_timeliness", filter));
  EXPECT_EQ(Lines(out.str()).size(), 3u);
}

TEST(CasesCsv, ASourceWhosePathHoldsACommaIsQuotedWhole) {
  Report report = Sample();
  report.files[0].path = "2019,20/reviews.csv";
  CaseFilter filter;
  filter.outcomes = {CaseOutcome::kLate, CaseOutcome::kOnTime};
  const std::vector<std::string> lines =
      Lines(RenderCasesCsv(report, "lac_review_timeliness", filter));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_THAT(lines[1],
              ::testing::EndsWith(",IRO07,\"2019,20/reviews.csv:12\""));
  EXPECT_THAT(lines[2],
              ::testing::EndsWith(",IRO02,\"2019,20/reviews.csv:13\""));
}

TEST(CasesCsv, ARowWithoutARecordHasAnEmptySource) {
  Report report = Sample();
  report.kpis[1].cases[0].source = SourceRef{};
  EXPECT_THAT(RenderCasesCsv(report, "cp_repeat_plans"),
              HasSubstr(",counted,true,true,,,,,,,,,\n"));
}

// ---- JSON -------------------------------------------------------------------

TEST(CasesJson, TheMembersOfTheCaseObjectsWithNulls) {
  const Json doc = Json::parse(RenderCasesJson(Sample()));
  EXPECT_THAT(doc["personal_data"].get<std::string>(),
              HasSubstr("personal data"));
  EXPECT_EQ(doc["period"]["label"], "2019-20");
  EXPECT_EQ(doc["period"]["start"], "2019-04-01");
  EXPECT_EQ(doc["period"]["end"], "2020-03-31");
  EXPECT_TRUE(doc["kpi"].is_null());
  ASSERT_EQ(doc["cases"].size(), 5u);

  const Json& late = doc["cases"][0];
  std::vector<std::string> keys;
  for (const auto& [key, value] : late.items()) keys.push_back(key);
  // nlohmann::json sorts keys; the order is checked on the text below.
  const std::vector<std::string> members = absl::StrSplit(kHeader, ',');
  EXPECT_THAT(keys, ::testing::UnorderedElementsAreArray(members));
  EXPECT_EQ(late["kpi"], "lac_review_timeliness");
  EXPECT_EQ(late["child"], "1000134");
  EXPECT_EQ(late["item"], "review");
  EXPECT_EQ(late["month"], "2019-10");
  EXPECT_EQ(late["outcome"], "late");
  EXPECT_EQ(late["in_numerator"], false);
  EXPECT_EQ(late["in_denominator"], true);
  EXPECT_TRUE(late["reason"].is_null());
  EXPECT_EQ(late["slot"], 3);
  EXPECT_EQ(late["due"], "2019-10-02");
  EXPECT_EQ(late["late_working_days"], 3);
  EXPECT_EQ(late["chair_id"], "IRO07");
  EXPECT_EQ(late["source"], "reviews.csv:12");

  const Json& excluded = doc["cases"][1];
  EXPECT_EQ(excluded["reason"], "previous_review_unknown");
  for (const char* member : {"rule", "slot", "anchor", "due", "practical_due",
                             "late_working_days"}) {
    EXPECT_TRUE(excluded[member].is_null()) << member;
  }
  EXPECT_EQ(excluded["chair_id"], "Siân Evans");
  EXPECT_TRUE(doc["cases"][3]["chair_id"].is_null());  // the overdue slot
  EXPECT_EQ(doc["cases"][2]["child"], "A,1");
}

TEST(CasesJson, MembersInTheContractsOrder) {
  const std::string text = RenderCasesJson(Sample(), "cp_repeat_plans");
  size_t at = 0;
  for (absl::string_view key : absl::StrSplit(kHeader, ',')) {
    const size_t found = text.find(absl::StrCat("\"", key, "\":"), at);
    ASSERT_NE(found, std::string::npos) << key;
    at = found;
  }
  EXPECT_THAT(text, StartsWith("{\n  \"personal_data\": "));
}

TEST(CasesJson, TheKpiAndFilter) {
  CaseFilter filter;
  filter.outcomes = {CaseOutcome::kOverdue};
  const Json doc =
      Json::parse(RenderCasesJson(Sample(), "lac_review_timeliness", filter));
  EXPECT_EQ(doc["kpi"], "lac_review_timeliness");
  ASSERT_EQ(doc["cases"].size(), 1u);
  EXPECT_EQ(doc["cases"][0]["child"], "1000150");
  filter.outcomes = {CaseOutcome::kNotCounted};
  EXPECT_TRUE(
      Json::parse(RenderCasesJson(Sample(), "", filter))["cases"].empty());
}

TEST(CasesJson, InvalidUtf8BecomesAReplacementCharacter) {
  Report report = Sample();
  report.kpis[1].cases[0].child = "bad\xff";
  const Json doc = Json::parse(RenderCasesJson(report, "cp_repeat_plans"));
  EXPECT_EQ(doc["cases"][0]["child"], "bad\xEF\xBF\xBD");
}

// ---- text -------------------------------------------------------------------

TEST(CasesText, PersonalDataThenAnAlignedTableAndACount) {
  const std::vector<std::string> lines =
      Lines(RenderCasesText(Sample(), "lac_review_timeliness"));
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_THAT(lines[0], StartsWith("Contains personal data: "));
  EXPECT_THAT(lines[1], StartsWith("child    item          date        "
                                   "outcome"));
  EXPECT_THAT(lines[1], Not(HasSubstr("kpi")));
  EXPECT_EQ(lines.back(), "4 cases");
  // Every row's date starts under the header's `date`, the chair under
  // `chair` (Siân is one column wide however many bytes).
  const size_t date = lines[1].find("date");
  for (size_t i = 2; i < 6; ++i) {
    EXPECT_EQ(lines[i].find(" 20") + 1, date) << lines[i];
  }
  EXPECT_THAT(lines[2], StartsWith("1000134  review        2019-10-07  late"));
  EXPECT_THAT(lines[3], HasSubstr("excluded (previous_review_unknown)"));
  EXPECT_THAT(lines[5], StartsWith("1000150  overdue_slot  2020-01-15  "));
  // Absent values are a dash; late wd is right-aligned.
  EXPECT_THAT(lines[3], HasSubstr("  -  "));
  const size_t late_end = lines[1].find("late wd") + 7;
  EXPECT_EQ(lines[2].substr(late_end - 2, 2), " 3");
  EXPECT_EQ(lines[4].substr(late_end - 2, 2), "-4");
  EXPECT_EQ(lines[5].substr(late_end - 2, 2), "53");
}

TEST(CasesText, AKpiColumnWhenEveryKpi) {
  CaseFilter filter;
  filter.child = "1000134";
  const std::vector<std::string> lines =
      Lines(RenderCasesText(Sample(), "", filter));
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_THAT(lines[1], StartsWith("child    kpi                    item"));
  EXPECT_THAT(lines[3], StartsWith("1000134  cp_repeat_plans        plan"));
  EXPECT_EQ(lines[4], "2 cases");
}

TEST(CasesText, OneCaseAndNone) {
  CaseFilter filter;
  filter.chair_id = "IRO02";
  EXPECT_EQ(Lines(RenderCasesText(Sample(), "", filter)).back(), "1 case");
  filter.chair_id = "nobody";
  EXPECT_THAT(Lines(RenderCasesText(Sample(), "", filter)),
              ElementsAre(StartsWith("Contains personal data: "), "0 cases"));
}

TEST(CasesText, ALineBreakInAnIdDoesNotBreakTheTable) {
  Report report = Sample();
  report.kpis[1].cases[0].child = "two\nlines";
  EXPECT_EQ(Lines(RenderCasesText(report, "cp_repeat_plans")).size(), 4u);
}

// ---- explanation ------------------------------------------------------------

TEST(Explanation, TheChildKpiByKpiWithTheWorking) {
  Report report = Sample();
  // As `explain --child 1000134` computes it: that child's rows only.
  report.kpis[0].cases.resize(1);
  report.kpis.push_back(KpiResult{});
  report.kpis.back().id = "icpc_timeliness";
  report.missing = {"lac_review_decisions_5wd"};
  const std::string text = RenderExplanation(report);
  EXPECT_THAT(
      Lines(text),
      ElementsAre(
          StartsWith("Contains personal data: "), "child 1000134",
          "period 2019-20 (Mon 1 Apr 2019 to Tue 31 Mar 2020)",
          "LAC reviews held within timescale (lac_review_timeliness): 1 "
          "record",
          "  Mon 7 Oct 2019, review: late; in the denominator, not the "
          "numerator",
          "    period of care from Tue 2 Apr 2019",
          "    due 6 months after Tue 2 Apr 2019: Wed 2 Oct 2019",
          "CP plans starting in the period that are a second plan "
          "(cp_repeat_plans): 1 record",
          "  Tue 1 Oct 2019, plan: counted; in the numerator and the "
          "denominator",
          "no records in icpc_timeliness",
          "not computed (their input was not given): "
          "lac_review_decisions_5wd"));
}

TEST(Explanation, SaysSoWhenTheChildHasNoRecords) {
  Report report = Sample();
  for (KpiResult& kpi : report.kpis) kpi.cases.clear();
  EXPECT_THAT(RenderExplanation(report),
              StartsWith("no records of the child in the period's KPIs"));
}

TEST(Explanation, AnExcludedRowGivesItsReason) {
  Report report = Sample();
  report.kpis[0].cases = {report.kpis[0].cases[1]};
  report.kpis.resize(1);
  EXPECT_THAT(RenderExplanation(report),
              HasSubstr("  Sun 20 Oct 2019, review: excluded "
                        "(previous_review_unknown); in neither the numerator "
                        "nor the denominator\n"));
}

}  // namespace
}  // namespace timescales
