// The extracts as the big exports write them (tests/data/exports, each file
// written as that export writes it: SQL Server and pandas datetimes, US
// dates, two-digit years, 12-hour times and UTC offsets, codes in words,
// misspelt columns, a file given twice, Windows-1252, Excel's trailing
// blank rows, float-typed identifiers): each is read right, or refused
// with a message naming the file, the column and the remedy.

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"
#include "timescales/import.h"
#include "timescales/report.h"

namespace timescales {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::timescales::testing::At;
using ::timescales::testing::D;
using ::timescales::testing::IsOk;
using ::timescales::testing::StatusIs;

const std::string kDir = std::string(TSC_TEST_DATA_DIR) + "/exports/";

Dataset Import(const std::vector<std::string>& files,
               const ImportOptions& options = ImportOptions()) {
  Dataset data;
  for (const std::string& file : files) {
    EXPECT_THAT(ImportPath(kDir + file, std::nullopt, options, &data), IsOk())
        << file;
  }
  return data;
}

std::vector<std::pair<std::string, Date>> Reviews(const Dataset& data) {
  std::vector<std::pair<std::string, Date>> out;
  for (const LacReviewRecord& r : data.reviews)
    out.emplace_back(r.child, r.review);
  return out;
}

std::string Warnings(const Dataset& data) {
  std::string all;
  for (const Rejection& w : data.warnings) all += w.reason + "\n";
  return all;
}

// The reference: the same reviews written plainly.
std::vector<std::pair<std::string, Date>> PlainReviews() {
  return {{"1", D(2019, 4, 29)}, {"2", D(2019, 5, 13)}};
}

TEST(ExportShapes, SqlServerAndPandasDatetimesReadAsTheirDates) {
  for (const char* file : {"reviews_sqlserver.csv", "reviews_pandas.csv",
                           "reviews_excel_time.csv"}) {
    const Dataset data = Import({file});
    EXPECT_TRUE(data.rejections.empty()) << file;
    EXPECT_EQ(Reviews(data), PlainReviews()) << file;
    ASSERT_EQ(data.reviews.size(), 2u);
    EXPECT_EQ(data.reviews[1].dob, D(2012, 2, 13)) << file;
  }
}

TEST(ExportShapes, UsDatesAreRefusedWithTheRemedyOrReadWhenSaid) {
  const Dataset refused = Import({"reviews_us.csv"});
  EXPECT_TRUE(refused.reviews.empty());
  ASSERT_EQ(refused.rejections.size(), 2u);
  EXPECT_THAT(refused.rejections[0].reason,
              AllOf(HasSubstr("DOB"), HasSubstr("month/day order"),
                    HasSubstr("--date-order mdy")));
  ImportOptions mdy;
  mdy.date_order = DateOrder::kMonthDay;
  const Dataset read = Import({"reviews_us.csv"}, mdy);
  EXPECT_TRUE(read.rejections.empty());
  EXPECT_EQ(Reviews(read), PlainReviews());
}

TEST(ExportShapes, TwoDigitYearsAreRefusedUnlessAWindowIsGiven) {
  const Dataset refused = Import({"reviews_two_digit.csv"});
  ASSERT_EQ(refused.rejections.size(), 2u);
  EXPECT_THAT(refused.rejections[0].reason,
              AllOf(HasSubstr("'1/1/10' has a two-digit year"),
                    HasSubstr("--two-digit-years-from")));
  ImportOptions window;
  window.two_digit_years_from = 1950;
  const Dataset read = Import({"reviews_two_digit.csv"}, window);
  EXPECT_TRUE(read.rejections.empty());
  EXPECT_EQ(Reviews(read), PlainReviews());
  EXPECT_EQ(read.reviews[0].dob, D(2010, 1, 1));
}

TEST(ExportShapes, TwelveHourTimesAndUtcOffsetsReadAsLondonTimes) {
  const Dataset data = Import({"meetings_times.csv"});
  EXPECT_TRUE(data.rejections.empty());
  ASSERT_EQ(data.meetings.size(), 2u);
  EXPECT_EQ(data.meetings[0].held, At(2019, 4, 29, 14, 30));
  EXPECT_EQ(*data.meetings[0].decisions_sent, At(2019, 5, 3, 9, 15));
  // 09:30 UTC on 13 May 2019 is 10:30 in London (BST); 16:00Z is 17:00.
  EXPECT_EQ(data.meetings[1].held, At(2019, 5, 13, 10, 30));
  EXPECT_EQ(*data.meetings[1].decisions_sent, At(2019, 5, 17, 17, 0));
}

TEST(ExportShapes, MeetingTypesInWordsReadAsTheirCodes) {
  const Dataset data = Import({"meetings_type_words.csv"});
  EXPECT_TRUE(data.rejections.empty());
  ASSERT_EQ(data.meetings.size(), 3u);
  EXPECT_EQ(data.meetings[0].type, MeetingType::kLacReview);
  EXPECT_EQ(data.meetings[1].type, MeetingType::kLacReview);
  EXPECT_EQ(data.meetings[2].type, MeetingType::kIcpc);
}

TEST(ExportShapes, AMisspeltMeetingsColumnIsRefusedNamingBoth) {
  Dataset data;
  EXPECT_THAT(ImportPath(kDir + "meetings_misspelt.csv", std::nullopt,
                         ImportOptions(), &data),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("meetings_misspelt.csv"),
                             HasSubstr("'sw_report_received' (did you mean "
                                       "sw_report_received_at?)"),
                             HasSubstr("'chair' (did you mean chair_id?)"),
                             HasSubstr("--allow-unknown-columns"))));
  EXPECT_TRUE(data.files.empty());
  ImportOptions allow;
  allow.allow_unknown_columns = true;
  const Dataset read = Import({"meetings_misspelt.csv"}, allow);
  EXPECT_EQ(read.meetings.size(), 1u);
  EXPECT_THAT(Warnings(read), HasSubstr("did you mean chair_id?"));
}

TEST(ExportShapes, AMisspeltSsda903ColumnIsNamedInTheErrorOrANote) {
  Dataset data;
  // REVIEW_DATE instead of REVIEW: the required column is missing.
  EXPECT_THAT(ImportBuffer("reviews.csv",
                           "CHILD,DOB,REVIEW_DATE,REVIEW_CODE\n1,,01/05/2019,"
                           "PN1\n",
                           std::nullopt, ImportOptions(), &data),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("lacks the required column REVIEW"),
                             HasSubstr("'REVIEW_DATE' (did you mean "
                                       "REVIEW?)"))));
}

TEST(ExportShapes, TheSameFileGivenTwiceIsReadOnce) {
  const Dataset data = Import({"meetings.csv", "meetings.csv"});
  EXPECT_EQ(data.meetings.size(), 2u);
  EXPECT_EQ(data.files.size(), 1u);
  EXPECT_THAT(Warnings(data), HasSubstr("given twice, it is read once"));
  // A folder given twice: every file once.
  const Dataset folder = Import({"ssda903", "ssda903"});
  EXPECT_EQ(folder.reviews.size(), 2u);
  EXPECT_EQ(folder.episodes.size(), 2u);
  EXPECT_TRUE(folder.rejections.empty());
}

TEST(ExportShapes, RepeatedMeetingRowsAreRejectedAsDuplicates) {
  const Dataset data = Import({"meetings_repeated_rows.csv"});
  EXPECT_EQ(data.meetings.size(), 2u);
  ASSERT_EQ(data.rejections.size(), 1u);
  EXPECT_EQ(data.rejections[0].line, 3);
  EXPECT_EQ(data.rejections[0].reason, "duplicate meeting (repeats line 2)");
  EXPECT_EQ(data.files[0].rows, 3);
  EXPECT_EQ(data.files[0].rejected, 1);
}

TEST(ExportShapes, Windows1252IsDecodedNeverReplaced) {
  const Dataset data = Import({"meetings_cp1252.csv"});
  ASSERT_EQ(data.meetings.size(), 1u);
  EXPECT_EQ(data.meetings[0].chair, "Si\xC3\xA2n Evans");  // UTF-8 â
  EXPECT_THAT(Warnings(data), AllOf(HasSubstr("meetings_cp1252.csv"),
                                    HasSubstr("read as Windows-1252")));
}

TEST(ExportShapes, ExcelTrailingBlankRowsAreSkipped) {
  const Dataset data = Import({"reviews_trailing_blank.csv"});
  EXPECT_TRUE(data.rejections.empty());
  EXPECT_EQ(Reviews(data), PlainReviews());
  EXPECT_EQ(data.files[0].rows, 2);
  EXPECT_EQ(data.files[0].blank_rows, 3);
}

TEST(ExportShapes, FloatTypedIdentifiersJoinTheirWholeNumbers) {
  const Dataset data = Import({"episodes.csv", "reviews_float_ids.csv"});
  EXPECT_EQ(Reviews(data), PlainReviews());
  EXPECT_THAT(Warnings(data), HasSubstr("'1.0'"));
}

TEST(ExportShapes, ACensusPassedAs903DataSaysWhatItIs) {
  Dataset data;
  EXPECT_THAT(
      ImportBuffer("cin.xml", "<Message><Header/><Children/></Message>",
                   InputKind::kSsda903, ImportOptions(), &data),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("cin.xml: this is a CIN census (--cin), not an "
                         "SSDA903 extract (--ssda903)")));
}

// The report judges the whole: a column that fails wholesale, and a KPI
// emptied by it, are data problems.
TEST(ExportShapes, AColumnRejectedWholesaleIsADataProblem) {
  const Dataset data = Import({"episodes.csv", "reviews_us.csv"});
  absl::StatusOr<Report> report =
      ComputeReport(data, *ReportingPeriod::Parse("2019-20"), ReportConfig(),
                    ReportOptions());
  ASSERT_THAT(report, IsOk());
  std::string problems;
  for (const DataProblem& p : report->data_problems) {
    problems += p.kind + ": " + p.message + "\n";
  }
  EXPECT_THAT(problems,
              AllOf(HasSubstr("column: "),
                    HasSubstr("reviews_us.csv: DOB: 2 of "
                              "2 rows rejected (100.0%)"),
                    HasSubstr("table: ssda903.reviews: 2 of 2 rows rejected"),
                    HasSubstr("kpi: lac_review_timeliness has no cases")));
  // The plain file: none.
  const Dataset plain = Import({"episodes.csv", "reviews_plain.csv"});
  absl::StatusOr<Report> clean =
      ComputeReport(plain, *ReportingPeriod::Parse("2019-20"), ReportConfig(),
                    ReportOptions());
  ASSERT_THAT(clean, IsOk());
  EXPECT_TRUE(clean->data_problems.empty());
}

}  // namespace
}  // namespace timescales
