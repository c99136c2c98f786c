// File: import_test.cc
//
// The importers (import.h) over the fixtures in tests/data/import. Every
// expected count and line below is read off the fixture by hand; the
// comments say which rows they are.

#include "timescales/import.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"

namespace timescales {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::timescales::testing::At;
using ::timescales::testing::D;
using ::timescales::testing::IsOk;
using ::timescales::testing::StatusIs;

const std::string kDir = std::string(TSC_TEST_DATA_DIR) + "/import/";

std::string Fixture(const std::string& name) { return kDir + name; }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
}

// The records held from one file.
int64_t Kept(const Dataset& data, const std::string& path) {
  auto count = [&](const auto& records) {
    return static_cast<int64_t>(std::count_if(
        records.begin(), records.end(),
        [&](const auto& r) { return data.PathOf(r.source) == path; }));
  };
  return count(data.headers) + count(data.episodes) + count(data.reviews) +
         count(data.section47) + count(data.cp_plans) + count(data.meetings);
}

int64_t RejectionsOf(const Dataset& data, const std::string& path) {
  return std::count_if(data.rejections.begin(), data.rejections.end(),
                       [&](const Rejection& r) { return r.path == path; });
}

// docs/inputs.md#reconciliation: every row read is kept or rejected, per file.
void ExpectReconciles(const Dataset& data) {
  for (const InputFile& file : data.files) {
    EXPECT_EQ(RejectionsOf(data, file.path), file.rejected) << file.path;
    if (file.ignored) {
      EXPECT_EQ(file.rejected, 0) << file.path;
      EXPECT_EQ(Kept(data, file.path), 0) << file.path;
      continue;
    }
    EXPECT_EQ(file.rows, Kept(data, file.path) + file.rejected) << file.path;
  }
}

bool IsEmptyDataset(const Dataset& d) {
  return d.headers.empty() && d.episodes.empty() && d.reviews.empty() &&
         d.section47.empty() && d.cp_plans.empty() && d.meetings.empty() &&
         d.files.empty() && d.rejections.empty() && d.warnings.empty() &&
         !d.cin_reference_date;
}

// The rejection at `line` of `path` (fails the test when there is none).
std::string ReasonAt(const Dataset& data, const std::string& path,
                     int64_t line) {
  for (const Rejection& r : data.rejections) {
    if (r.path == path && r.line == line) return r.reason;
  }
  ADD_FAILURE() << "no rejection at " << path << ":" << line;
  return "";
}

std::vector<int64_t> RejectedLines(const Dataset& data) {
  std::vector<int64_t> lines;
  for (const Rejection& r : data.rejections) lines.push_back(r.line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

// ---- SSDA903 CSV
// ---------------------------------------------------------------

TEST(ImportSsda903Csv, EpisodesInDfeOrderAndFormat) {
  const std::string path = Fixture("episodes_dfe.csv");
  Dataset data;
  ASSERT_THAT(ImportPath(path, &data), IsOk());
  ASSERT_EQ(data.files.size(), 1u);
  EXPECT_EQ(data.files[0].table, "ssda903.episodes");
  EXPECT_FALSE(data.files[0].ignored);
  EXPECT_EQ(data.files[0].rows, 11);     // lines 2-12
  EXPECT_EQ(data.files[0].rejected, 6);  // lines 4, 8, 9, 10, 11, 12
  ASSERT_EQ(data.episodes.size(), 5u);
  ExpectReconciles(data);
  EXPECT_TRUE(data.Has("ssda903.episodes"));
  EXPECT_FALSE(data.Has("ssda903.reviews"));

  // Child 1001: line 3 (2019) sorts before line 2 (2020), whose lower-case
  // codes are upper-cased and whose blank DEC is an open episode.
  const Episode& first = data.episodes[0];
  EXPECT_EQ(first.child, "1001");
  EXPECT_EQ(first.source.line, 3);
  EXPECT_EQ(first.decom, D(2019, 4, 1));
  EXPECT_EQ(first.dec, D(2020, 3, 10));
  const Episode& second = data.episodes[1];
  EXPECT_EQ(second.source.line, 2);
  EXPECT_EQ(second.decom, D(2020, 3, 10));
  EXPECT_FALSE(second.dec.has_value());
  EXPECT_EQ(second.rne, "P");
  EXPECT_EQ(second.ls, "C2");
  EXPECT_EQ(second.cin, "N1");
  EXPECT_EQ(second.place, "U1");
  EXPECT_EQ(second.rec, "X1");
  EXPECT_EQ(data.PathOf(second.source), path);
  // Child 1003, line 7: DEC 01/01/1900 is a placeholder, so blank.
  EXPECT_EQ(data.episodes[4].child, "1003");
  EXPECT_FALSE(data.episodes[4].dec.has_value());
  EXPECT_EQ(data.episodes[4].ls, "V3");
}

TEST(ImportSsda903Csv, EpisodeRejectionsNameLineAndField) {
  const std::string path = Fixture("episodes_dfe.csv");
  Dataset data;
  ASSERT_THAT(ImportPath(path, &data), IsOk());
  EXPECT_THAT(RejectedLines(data), ElementsAre(4, 8, 9, 10, 11, 12));
  EXPECT_THAT(ReasonAt(data, path, 4),
              AllOf(HasSubstr("duplicate episode"), HasSubstr("line 3")));
  EXPECT_EQ(ReasonAt(data, path, 8), "blank CHILD");
  EXPECT_EQ(ReasonAt(data, path, 9), "blank DECOM");
  EXPECT_EQ(ReasonAt(data, path, 10), "DECOM '31/02/2020' is not a date");
  EXPECT_THAT(ReasonAt(data, path, 11),
              AllOf(HasSubstr("DECOM '01/01/1900'"), HasSubstr("placeholder")));
  // DEC is dd/mm/yyyy in four rows, so the one ISO value is not guessed.
  EXPECT_THAT(ReasonAt(data, path, 12),
              AllOf(HasSubstr("DEC '2020-06-01' is yyyy-mm-dd"),
                    HasSubstr("dd/mm/yyyy")));
}

TEST(ImportSsda903Csv, DuplicateAndOverlappingEpisodesAreReported) {
  const std::string path = Fixture("episodes_dfe.csv");
  Dataset data;
  ASSERT_THAT(ImportPath(path, &data), IsOk());
  ASSERT_EQ(data.warnings.size(), 2u);
  // Sorted by child: 1001's duplicate (line 4 of line 3), then 1002's
  // overlap (line 6 starts 01/05/2020, before line 5 ends 30/06/2020).
  EXPECT_EQ(data.warnings[0].line, 4);
  EXPECT_THAT(
      data.warnings[0].reason,
      AllOf(HasSubstr("'1001'"), HasSubstr("repeats"), HasSubstr("line 3")));
  EXPECT_EQ(data.warnings[1].line, 6);
  EXPECT_THAT(data.warnings[1].reason,
              AllOf(HasSubstr("'1002'"), HasSubstr("2020-05-01"),
                    HasSubstr("line 5"), HasSubstr("2020-06-30")));
  // The overlapping episode is kept.
  EXPECT_EQ(data.episodes[3].source.line, 6);
}

TEST(ImportSsda903Csv, DuplicatesAcrossFilesAreDroppedFromTheLaterFile) {
  const std::string text = ReadFile(Fixture("episodes_dfe.csv"));
  Dataset data;
  ASSERT_THAT(ImportSsda903Csv("2019.csv", text, &data), IsOk());
  ASSERT_THAT(ImportSsda903Csv("2020.csv", text, &data), IsOk());
  ASSERT_EQ(data.files.size(), 2u);
  // The second copy: its 5 good rows repeat the first file's, and its 6
  // rejects are rejected again.
  EXPECT_EQ(data.files[1].rows, 11);
  EXPECT_EQ(data.files[1].rejected, 11);
  EXPECT_EQ(data.episodes.size(), 5u);
  EXPECT_THAT(ReasonAt(data, "2020.csv", 2), HasSubstr("2019.csv line 2"));
  ExpectReconciles(data);
}

TEST(ImportSsda903Csv, LiiaShapeWithBomCrlfShuffledColumnsAndIsoDates) {
  const std::string path = Fixture("episodes_liia.csv");
  Dataset data;
  ASSERT_THAT(ImportPath(path, &data), IsOk());
  ASSERT_EQ(data.files.size(), 1u);
  EXPECT_EQ(data.files[0].table, "ssda903.episodes");
  EXPECT_EQ(data.files[0].rows, 4);
  EXPECT_EQ(data.files[0].rejected, 2);
  ASSERT_EQ(data.episodes.size(), 2u);
  const Episode& e = data.episodes[0];
  EXPECT_EQ(e.child, "2001");  // the BOM is not part of the CHILD header
  EXPECT_EQ(e.decom, D(2019, 6, 19));
  EXPECT_EQ(e.dec, D(2020, 7, 26));
  EXPECT_EQ(e.rec, "X1");
  EXPECT_EQ(e.rne, "P");
  EXPECT_EQ(e.place, "U6");
  EXPECT_EQ(e.source.line, 2);
  EXPECT_EQ(data.episodes[1].source.line, 3);
  EXPECT_EQ(data.episodes[1].rec, "E17");  // no stray CR from CRLF
  EXPECT_THAT(ReasonAt(data, path, 4),
              AllOf(HasSubstr("DECOM '1900-01-01'"), HasSubstr("placeholder")));
  EXPECT_EQ(ReasonAt(data, path, 5), "DECOM '2020-13-01' is not a date");
  EXPECT_THAT(data.warnings, IsEmpty());
  ExpectReconciles(data);
}

TEST(ImportSsda903Csv, QuotedFieldsKeepLineNumbers) {
  const std::string path = Fixture("reviews_quoted.csv");
  Dataset data;
  ASSERT_THAT(ImportPath(path, &data), IsOk());
  ASSERT_EQ(data.files.size(), 1u);
  EXPECT_EQ(data.files[0].table, "ssda903.reviews");
  // Records start on lines 2, 3, 5, 8, 9, 10, 11, 12 (3 and 5 span lines).
  EXPECT_EQ(data.files[0].rows, 8);
  EXPECT_EQ(data.files[0].rejected, 5);
  ASSERT_EQ(data.reviews.size(), 3u);
  EXPECT_EQ(data.reviews[0].source.line, 2);
  EXPECT_EQ(data.reviews[0].review_code, "PN1");
  EXPECT_EQ(data.reviews[0].dob, D(2010, 2, 1));
  EXPECT_EQ(data.reviews[1].source.line, 3);
  EXPECT_EQ(data.reviews[1].review, D(2020, 7, 10));
  EXPECT_EQ(data.reviews[2].source.line, 9);
  EXPECT_EQ(data.reviews[2].child, "3003");
  EXPECT_EQ(data.reviews[2].review_code, "PN7");
  EXPECT_THAT(RejectedLines(data), ElementsAre(5, 8, 10, 11, 12));
  EXPECT_EQ(ReasonAt(data, path, 5), "REVIEW '31/02/2020' is not a date");
  EXPECT_EQ(ReasonAt(data, path, 8), "blank REVIEW");
  EXPECT_THAT(ReasonAt(data, path, 10),
              AllOf(HasSubstr("quoting"), HasSubstr("NOTE")));
  EXPECT_EQ(ReasonAt(data, path, 11), "the row has 6 fields; the header has 5");
  EXPECT_EQ(ReasonAt(data, path, 12), "the row has 3 fields; the header has 5");
  ExpectReconciles(data);
}

TEST(ImportSsda903Csv, HeaderTableDobShapesAndPlaceholders) {
  const std::string path = Fixture("header_dates.csv");
  Dataset data;
  ASSERT_THAT(ImportPath(path, &data), IsOk());
  ASSERT_EQ(data.files.size(), 1u);
  EXPECT_EQ(data.files[0].table, "ssda903.header");
  EXPECT_EQ(data.files[0].rows, 7);
  EXPECT_EQ(data.files[0].rejected, 2);  // lines 3 (ISO) and 7 (29 Feb 2019)
  ASSERT_EQ(data.headers.size(), 5u);
  EXPECT_EQ(data.headers[0].dob, D(2010, 2, 1));
  EXPECT_EQ(data.headers[1].sex, "M");
  EXPECT_FALSE(data.headers[2].dob.has_value());  // 01/01/1900
  EXPECT_FALSE(data.headers[3].dob.has_value());  // blank
  EXPECT_EQ(data.headers[4].dob, D(2013, 7, 1));  // 1/7/2013
  EXPECT_THAT(ReasonAt(data, path, 3),
              AllOf(HasSubstr("DOB '2011-03-04' is yyyy-mm-dd"),
                    HasSubstr("dd/mm/yyyy")));
  EXPECT_EQ(ReasonAt(data, path, 7), "DOB '29/02/2019' is not a date");
  EXPECT_TRUE(data.Has("ssda903.header"));
  ExpectReconciles(data);
}

TEST(ImportSsda903Csv, EachTableRecognisedWhateverTheColumnOrderAndCase) {
  Dataset data;
  ASSERT_THAT(ImportSsda903Csv("h.csv",
                               "mc_dob,Dob,child,SEX,upn,ethnic,mother\n"
                               ",01/01/2010,H1,1,,,\n",
                               &data),
              IsOk());
  ASSERT_THAT(ImportSsda903Csv("r.csv",
                               "Review_Code , CHILD,review,dob,LA\n"
                               "pn3,R1,2020-05-01,2010-01-01,Newham\n",
                               &data),
              IsOk());
  ASSERT_THAT(ImportSsda903Csv("e.csv",
                               "rec,dec,ls,rne,decom,child\n"
                               "e11,,c2,s,01/01/2020,E1\n",
                               &data),
              IsOk());
  ASSERT_EQ(data.files.size(), 3u);
  EXPECT_EQ(data.files[0].table, "ssda903.header");
  EXPECT_EQ(data.files[1].table, "ssda903.reviews");
  EXPECT_EQ(data.files[2].table, "ssda903.episodes");
  ASSERT_EQ(data.headers.size(), 1u);
  EXPECT_EQ(data.headers[0].child, "H1");
  ASSERT_EQ(data.reviews.size(), 1u);
  EXPECT_EQ(data.reviews[0].review, D(2020, 5, 1));
  EXPECT_EQ(data.reviews[0].review_code, "PN3");
  ASSERT_EQ(data.episodes.size(), 1u);
  EXPECT_EQ(data.episodes[0].rec, "E11");
  EXPECT_EQ(data.episodes[0].cin, "");  // optional column absent
  ExpectReconciles(data);
}

TEST(ImportSsda903Csv, OtherTablesAreRecognisedAndIgnored) {
  const std::string path = Fixture("uasc.csv");
  Dataset data;
  ASSERT_THAT(ImportPath(path, &data), IsOk());
  ASSERT_EQ(data.files.size(), 1u);
  EXPECT_EQ(data.files[0].table, "ssda903.uasc");
  EXPECT_TRUE(data.files[0].ignored);
  EXPECT_EQ(data.files[0].rows, 2);
  EXPECT_EQ(data.files[0].rejected, 0);  // its bad date is not our concern
  EXPECT_THAT(data.rejections, IsEmpty());
  const struct {
    const char* header;
    const char* table;
  } kOthers[] = {
      {"CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED", "ssda903.oc2"},
      {"CHILD,DOB,IN_TOUCH,ACTIV,ACCOM", "ssda903.oc3"},
      {"CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE", "ssda903.ad1"},
      {"CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED", "ssda903.placed_adoption"},
      {"CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM", "ssda903.prev_perm"},
      {"CHILD,DOB,MISSING,MIS_START,MIS_END", "ssda903.missing"},
      {"CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON", "ssda903.sw_episodes"},
      {"CHILD,DOB,DOLO_START,DOLO_END", "ssda903.dolo"},
  };
  for (const auto& other : kOthers) {
    Dataset d;
    ASSERT_THAT(ImportSsda903Csv("t.csv", absl::StrCat(other.header, "\n"), &d),
                IsOk())
        << other.header;
    ASSERT_EQ(d.files.size(), 1u);
    EXPECT_EQ(d.files[0].table, other.table);
    EXPECT_TRUE(d.files[0].ignored);
  }
}

TEST(ImportSsda903Csv, MissingRequiredColumnIsAnErrorNamingIt) {
  Dataset data;
  EXPECT_THAT(ImportPath(Fixture("reviews_no_code.csv"), &data),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("reviews_no_code.csv"),
                             HasSubstr("Reviews"), HasSubstr("REVIEW_CODE"))));
  EXPECT_THAT(
      ImportSsda903Csv("ep.csv", "CHILD,RNE,LS,CIN,REC\n1,S,C2,N1,\n", &data),
      StatusIs(absl::StatusCode::kInvalidArgument,
               AllOf(HasSubstr("ep.csv"), HasSubstr("Episodes"),
                     HasSubstr("columns DECOM, DEC"))));
  EXPECT_TRUE(IsEmptyDataset(data));
}

TEST(ImportSsda903Csv, UnrecognisableTablesAreErrors) {
  Dataset data;
  EXPECT_THAT(ImportSsda903Csv("x.csv", "foo,bar\n1,2\n", &data),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("x.csv"), HasSubstr("not a recognised"),
                             HasSubstr("foo, bar"))));
  EXPECT_THAT(ImportSsda903Csv("y.csv", "CHILD,DECOM,REVIEW\n", &data),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("Episodes and Reviews"))));
  EXPECT_THAT(
      ImportSsda903Csv("z.csv", "CHILD,REVIEW,REVIEW_CODE,review\n", &data),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("REVIEW appears 2 times")));
  EXPECT_THAT(ImportSsda903Csv("empty.csv", "", &data),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("empty.csv"), HasSubstr("empty"))));
  EXPECT_THAT(ImportSsda903Csv("blank.csv", "\n \r\n\t\n", &data),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("empty")));
  EXPECT_TRUE(IsEmptyDataset(data));
}

TEST(ImportSsda903Csv, Utf16IsAClearError) {
  Dataset data;
  EXPECT_THAT(
      ImportPath(Fixture("episodes_utf16.csv"), &data),
      StatusIs(absl::StatusCode::kInvalidArgument,
               AllOf(HasSubstr("episodes_utf16.csv"), HasSubstr("UTF-16"))));
  // UTF-16 without a BOM shows up as NUL bytes.
  EXPECT_THAT(
      ImportSsda903Csv("nul.csv", std::string("C\0H\0I\0L\0D\0", 10), &data),
      StatusIs(absl::StatusCode::kInvalidArgument,
               AllOf(HasSubstr("nul.csv"), HasSubstr("NUL"))));
  EXPECT_TRUE(IsEmptyDataset(data));
}

TEST(ImportSsda903Csv, HeaderOnlyFileIsATableWithNoRows) {
  Dataset data;
  ASSERT_THAT(ImportSsda903Csv("r.csv", "CHILD,DOB,REVIEW,REVIEW_CODE", &data),
              IsOk());
  ASSERT_EQ(data.files.size(), 1u);
  EXPECT_EQ(data.files[0].rows, 0);
  EXPECT_TRUE(data.Has("ssda903.reviews"));
}

TEST(ImportSsda903Csv, RecordStartsOnTheLineOfItsFirstByte) {
  // The first field spans lines 2-3 and ends there: the record still
  // starts on line 2. Blank lines between records are skipped.
  Dataset data;
  ASSERT_THAT(ImportSsda903Csv("r.csv",
                               "CHILD,REVIEW,REVIEW_CODE\r\n"
                               "\"A\r\nB\",01/02/2020,PN1\r\n"
                               "\r\n"
                               "  \r\n"
                               "C,31/02/2020,PN1\r\n",
                               &data),
              IsOk());
  ASSERT_EQ(data.reviews.size(), 1u);
  EXPECT_EQ(data.reviews[0].child, "A\r\nB");
  EXPECT_EQ(data.reviews[0].source.line, 2);
  EXPECT_THAT(RejectedLines(data), ElementsAre(6));
}

TEST(ImportSsda903Csv, RecordAfterABareCrInsideALineKeepsThatLine) {
  // Found by the fuzzer: a bare CR ends a record mid-line, and the next one
  // fails (a stray quote) before its first field ends.
  Dataset data;
  ASSERT_THAT(ImportSsda903Csv("r.csv",
                               "CHILD,REVIEW,REVIEW_CODE\n"
                               "1,01/02/2020,PN1\r&\"x\n"
                               "2,01/03/2020,PN1\n",
                               &data),
              IsOk());
  ASSERT_EQ(data.files.size(), 1u);
  EXPECT_EQ(data.files[0].rows, 3);
  ASSERT_EQ(data.reviews.size(), 2u);
  EXPECT_EQ(data.reviews[0].source.line, 2);
  EXPECT_EQ(data.reviews[1].source.line, 3);
  EXPECT_THAT(RejectedLines(data), ElementsAre(2));
  EXPECT_THAT(ReasonAt(data, "r.csv", 2), HasSubstr("quoting"));
}

TEST(ImportSsda903Csv, EqualNumbersOfBothDateShapesRejectBoth) {
  Dataset data;
  ASSERT_THAT(ImportSsda903Csv("r.csv",
                               "CHILD,REVIEW,REVIEW_CODE\n"
                               "1,01/02/2020,PN1\n"
                               "1,2020-02-03,PN1\n"
                               "1,,PN1\n",
                               &data),
              IsOk());
  EXPECT_THAT(data.reviews, IsEmpty());
  EXPECT_THAT(RejectedLines(data), ElementsAre(2, 3, 4));
  EXPECT_THAT(ReasonAt(data, "r.csv", 2), HasSubstr("as many"));
  EXPECT_THAT(ReasonAt(data, "r.csv", 3), HasSubstr("as many"));
  EXPECT_EQ(ReasonAt(data, "r.csv", 4), "blank REVIEW");
}

// Excel leaves rows with no text after the data: skipped and counted apart,
// not rejected. An unclosed quote is still a rejection.
TEST(ImportSsda903Csv, EmptyRowsAreSkippedAndUnclosedQuotesRejected) {
  Dataset data;
  ASSERT_THAT(ImportSsda903Csv("r.csv",
                               "CHILD,REVIEW,REVIEW_CODE\n"
                               ",,\n"
                               "1,01/02/2020,PN1\n"
                               "2,\"01/03/2020,PN1\n"
                               "3,01/04/2020,PN1\n",
                               &data),
              IsOk());
  ASSERT_EQ(data.files.size(), 1u);
  EXPECT_EQ(data.files[0].rows, 2);
  EXPECT_EQ(data.files[0].blank_rows, 1);
  ASSERT_EQ(data.reviews.size(), 1u);
  EXPECT_THAT(RejectedLines(data), ::testing::Not(::testing::Contains(2)));
  // The quote opened on line 4 swallows line 5: one rejected record.
  EXPECT_THAT(ReasonAt(data, "r.csv", 4),
              AllOf(HasSubstr("never closed"), HasSubstr("line 5")));
  ExpectReconciles(data);
}

// The importer reads a cell of the column's format with a fast parse and
// hands every other cell to the full one; these pin the results of both.
TEST(ImportSsda903Csv, EveryDateSpellingReadsAsBefore) {
  Dataset data;
  ASSERT_THAT(ImportSsda903Csv("r.csv",
                               "CHILD,REVIEW,REVIEW_CODE\n"
                               "1,1/2/2020,PN1\n"
                               "2, 01/02/2020 ,PN1\n"
                               "3,01/01/1900,PN1\n"
                               "4,1/01/1900,PN1\n"
                               "5,31/02/2020,PN1\n"
                               "6,29/02/2019,PN1\n"
                               "7,2020-02-01,PN1\n"
                               "8,01/01/1899,PN1\n"
                               "9,1//2020,PN1\n"
                               "10,001/02/2020,PN1\n"
                               "11,31/12/2199,PN1\n"
                               "12,01/01/2200,PN1\n"
                               "13,29/02/2020,PN1\n"
                               "14,1/2/20,PN1\n"
                               "15,x,PN1\n",
                               &data),
              IsOk());
  ASSERT_EQ(data.reviews.size(), 4u);
  EXPECT_EQ(data.reviews[0].review, D(2020, 2, 1));
  EXPECT_EQ(data.reviews[1].review, D(2020, 2, 1));
  EXPECT_EQ(data.reviews[2].review, D(2199, 12, 31));
  EXPECT_EQ(data.reviews[3].review, D(2020, 2, 29));
  EXPECT_THAT(RejectedLines(data),
              ElementsAre(4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 16));
  EXPECT_EQ(ReasonAt(data, "r.csv", 4),
            "REVIEW '01/01/1900' is the placeholder for no date");
  EXPECT_EQ(ReasonAt(data, "r.csv", 5),
            "REVIEW '1/01/1900' is the placeholder for no date");
  EXPECT_EQ(ReasonAt(data, "r.csv", 6), "REVIEW '31/02/2020' is not a date");
  EXPECT_EQ(ReasonAt(data, "r.csv", 7), "REVIEW '29/02/2019' is not a date");
  EXPECT_EQ(ReasonAt(data, "r.csv", 8),
            "REVIEW '2020-02-01' is yyyy-mm-dd but the column's dates are "
            "dd/mm/yyyy (a column's date format is not mixed)");
  EXPECT_EQ(ReasonAt(data, "r.csv", 9),
            "REVIEW '01/01/1899': 1899-01-01 is outside the supported range "
            "1900-01-01 to 2199-12-31");
  EXPECT_EQ(ReasonAt(data, "r.csv", 10),
            "REVIEW '1//2020' is not a date (expected dd/mm/yyyy)");
  EXPECT_EQ(ReasonAt(data, "r.csv", 11),
            "REVIEW '001/02/2020' is not a date (expected dd/mm/yyyy)");
  EXPECT_EQ(ReasonAt(data, "r.csv", 13),
            "REVIEW '01/01/2200': 2200-01-01 is outside the supported range "
            "1900-01-01 to 2199-12-31");
  EXPECT_THAT(ReasonAt(data, "r.csv", 15),
              HasSubstr("REVIEW '1/2/20' has a two-digit year; re-export"));
  EXPECT_EQ(ReasonAt(data, "r.csv", 16),
            "REVIEW 'x' is not a date (expected dd/mm/yyyy)");
  ExpectReconciles(data);
}

// Rows are read in one pass as their dates are surveyed; these files make
// a column's format change after a read (a value of no shape before any
// dd/mm/yyyy one; an ISO first value in a dd/mm/yyyy column), so the file
// must be read again in two passes for the messages a whole-column
// decision gives.
TEST(ImportSsda903Csv, ReadsAgainWhenTheFormatChangesAfterARead) {
  Dataset data;
  ASSERT_THAT(ImportSsda903Csv("r.csv",
                               "CHILD,REVIEW,REVIEW_CODE\n"
                               "1,x,PN1\n"
                               "2,2020-02-03,PN1\n"
                               "3,01/02/2020,PN1\n"
                               "4,02/02/2020,PN1\n",
                               &data),
              IsOk());
  ASSERT_EQ(data.reviews.size(), 2u);
  EXPECT_EQ(data.reviews[0].review, D(2020, 2, 1));
  EXPECT_EQ(data.reviews[1].review, D(2020, 2, 2));
  EXPECT_EQ(data.reviews[0].source.line, 4);
  EXPECT_EQ(data.files[0].rows, 4);
  EXPECT_EQ(data.files[0].rejected, 2);
  EXPECT_THAT(RejectedLines(data), ElementsAre(2, 3));
  EXPECT_EQ(ReasonAt(data, "r.csv", 2),
            "REVIEW 'x' is not a date (expected dd/mm/yyyy)");
  EXPECT_EQ(ReasonAt(data, "r.csv", 3),
            "REVIEW '2020-02-03' is yyyy-mm-dd but the column's dates are "
            "dd/mm/yyyy (a column's date format is not mixed)");
  ExpectReconciles(data);
}

TEST(ImportSsda903Csv, BareCrFileWithQuotesBlankLinesAndTrailingFields) {
  // Bare CR line ends only. A quoted field spans lines 2-3, lines 4-5 are
  // blank, trailing blank fields are dropped, trailing text is not.
  Dataset data;
  ASSERT_THAT(ImportSsda903Csv("r.csv",
                               "CHILD,REVIEW,REVIEW_CODE\r"
                               "\"A\rB\",01/02/2020,PN1\r"
                               "\r"
                               "  \r"
                               "C,02/02/2020,PN2,,\r"
                               "D,03/02/2020,PN3,x\r"
                               "\"E\"\"\",04/02/2020,PN4\r",
                               &data),
              IsOk());
  ASSERT_EQ(data.files.size(), 1u);
  EXPECT_EQ(data.files[0].rows, 4);
  ASSERT_EQ(data.reviews.size(), 3u);
  EXPECT_EQ(data.reviews[0].source.line, 2);
  // The line break inside the quotes is the field's, as RFC 4180 says.
  EXPECT_EQ(data.reviews[0].child, "A\rB");
  EXPECT_EQ(data.reviews[1].child, "C");
  EXPECT_EQ(data.reviews[1].review_code, "PN2");
  EXPECT_EQ(data.reviews[1].source.line, 6);
  EXPECT_EQ(data.reviews[2].child, "E\"");
  EXPECT_EQ(data.reviews[2].source.line, 8);
  EXPECT_EQ(ReasonAt(data, "r.csv", 7),
            "the row has 4 fields; the header has 3");
  ExpectReconciles(data);
}

TEST(ImportSsda903Csv, UnsortedSecondFileMergesWithTheSameReports) {
  // The second file is out of (CHILD, DECOM) order and interleaves with
  // the first: duplicates are dropped and overlaps reported in merge order.
  Dataset data;
  ASSERT_THAT(ImportSsda903Csv("e1.csv",
                               "CHILD,DECOM,RNE,LS,CIN,PLACE,DEC,REC\n"
                               "1,01/01/2020,S,C2,N1,U1,01/03/2020,E11\n"
                               "2,01/01/2020,S,C2,N1,U1,,\n"
                               "3,01/01/2020,S,C2,N1,U1,01/02/2020,X1\n",
                               &data),
              IsOk());
  ASSERT_THAT(ImportSsda903Csv("e2.csv",
                               "CHILD,DECOM,RNE,LS,CIN,PLACE,DEC,REC\n"
                               "3,15/01/2020,P,C2,N1,U2,01/03/2020,E11\n"
                               "1,01/01/2020,S,C2,N1,U1,01/03/2020,E11\n"
                               "2,01/02/2020,P,C2,N1,U1,,\n"
                               "0,01/01/2020,S,C2,N1,U1,,\n"
                               "1,01/02/2020,P,C2,N1,U1,,\n"
                               "3,01/01/2020,S,C2,N1,U1,01/02/2020,X1\n",
                               &data),
              IsOk());
  std::vector<std::string> order;
  for (const Episode& e : data.episodes) {
    order.push_back(absl::StrCat(data.PathOf(e.source), ":", e.source.line));
  }
  EXPECT_THAT(order, ElementsAre("e2.csv:5", "e1.csv:2", "e2.csv:6", "e1.csv:3",
                                 "e2.csv:4", "e1.csv:4", "e2.csv:2"));
  EXPECT_THAT(RejectedLines(data), ElementsAre(3, 7));
  EXPECT_EQ(ReasonAt(data, "e2.csv", 3),
            "duplicate episode (repeats e1.csv line 2)");
  // (Notes about whole files, at line 0, are left out here.)
  std::vector<int64_t> warned;
  std::vector<std::string> reasons;
  for (const Rejection& w : data.warnings) {
    if (w.line == 0) continue;
    warned.push_back(w.line);
    reasons.push_back(w.reason);
  }
  EXPECT_THAT(warned, ElementsAre(3, 6, 4, 7, 2));
  ASSERT_EQ(reasons.size(), 5u);
  EXPECT_EQ(reasons[4],
            "CHILD '3': the episode starting 2020-01-15 begins before the "
            "previous one (e1.csv line 4, 2020-01-01 to 2020-02-01) ends");
  ExpectReconciles(data);
}

// One file's episodes come out in (CHILD, DECOM) order, equal DECOMs in
// line order, whichever way the file lists them: children in order with a
// child's episodes shuffled, or everything shuffled. Checked against a
// plain sort of the rows over random files.
TEST(ImportSsda903Csv, EpisodesSortedByChildThenDecomStably) {
  for (int seed = 0; seed < 60; ++seed) {
    std::mt19937 rng(static_cast<unsigned>(seed));
    struct Row {
      std::string child;
      int day;
      int64_t line;
    };
    std::vector<Row> rows;
    const int children = 1 + seed % 9;
    for (int c = 0; c < children; ++c) {
      const int episodes = 1 + static_cast<int>(rng() % 5);
      for (int e = 0; e < episodes; ++e) {
        // Ids of different lengths; a few equal DECOMs (different RNE).
        rows.push_back({absl::StrCat(c * 7 % 11, "x"),
                        1 + static_cast<int>(rng() % 6), 0});
      }
    }
    if (seed % 2 == 0) {
      std::shuffle(rows.begin(), rows.end(), rng);
    } else {
      std::stable_sort(
          rows.begin(), rows.end(),
          [](const Row& a, const Row& b) { return a.child < b.child; });
    }
    std::string csv = "CHILD,DECOM,RNE,LS,CIN,PLACE,DEC,REC\n";
    for (size_t i = 0; i < rows.size(); ++i) {
      rows[i].line = static_cast<int64_t>(i) + 2;
      absl::StrAppendFormat(&csv, "%s,%02d/01/2020,%c,C2,N1,U1,,\n",
                            rows[i].child, rows[i].day,
                            static_cast<char>('A' + i % 26));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
      if (a.child != b.child) return a.child < b.child;
      return a.day < b.day;
    });
    Dataset data;
    ASSERT_THAT(ImportSsda903Csv("e.csv", csv, &data), IsOk());
    ASSERT_EQ(data.episodes.size(), rows.size()) << "seed " << seed;
    for (size_t i = 0; i < rows.size(); ++i) {
      EXPECT_EQ(data.episodes[i].source.line, rows[i].line)
          << "seed " << seed << ", episode " << i;
      EXPECT_EQ(data.episodes[i].child, rows[i].child);
      EXPECT_EQ(data.episodes[i].decom, D(2020, 1, rows[i].day));
    }
  }
}

// ---- SSDA903 XML
// ---------------------------------------------------------------

TEST(ImportSsda903Xml, ReadsHeadersReviewsAndEpisodes) {
  const std::string path = Fixture("ssda903.xml");
  Dataset data;
  ASSERT_THAT(ImportPath(path, &data), IsOk());
  ASSERT_EQ(data.files.size(), 1u);
  EXPECT_EQ(data.files[0].table, "ssda903.xml");
  // HEADER x2, AREVIEW x2, EPISODE x3.
  EXPECT_EQ(data.files[0].rows, 7);
  EXPECT_EQ(data.files[0].rejected, 3);
  ExpectReconciles(data);
  EXPECT_TRUE(data.Has("ssda903.header"));
  EXPECT_TRUE(data.Has("ssda903.episodes"));
  EXPECT_TRUE(data.Has("ssda903.reviews"));

  ASSERT_EQ(data.headers.size(), 1u);
  EXPECT_EQ(data.headers[0].child, "7001");
  EXPECT_EQ(data.headers[0].dob, D(2010, 2, 1));
  EXPECT_EQ(data.headers[0].source.line, 4);
  ASSERT_EQ(data.reviews.size(), 1u);
  EXPECT_EQ(data.reviews[0].child, "7001");
  EXPECT_EQ(data.reviews[0].review, D(2020, 1, 10));
  EXPECT_EQ(data.reviews[0].review_code, "PN1");
  EXPECT_EQ(data.reviews[0].dob, D(2010, 2, 1));
  EXPECT_EQ(data.reviews[0].source.line, 8);
  // Sorted by DECOM: the episode on line 27 starts first.
  ASSERT_EQ(data.episodes.size(), 2u);
  EXPECT_EQ(data.episodes[0].source.line, 27);
  EXPECT_EQ(data.episodes[0].decom, D(2020, 1, 1));
  EXPECT_EQ(data.episodes[0].dec, D(2020, 7, 1));
  EXPECT_EQ(data.episodes[0].place, "U2");
  EXPECT_EQ(data.episodes[1].source.line, 18);
  EXPECT_FALSE(data.episodes[1].dec.has_value());  // <DEC />
  EXPECT_THAT(data.warnings, IsEmpty());

  EXPECT_THAT(RejectedLines(data), ElementsAre(13, 41, 43));
  EXPECT_EQ(ReasonAt(data, path, 13), "REVIEW '31/02/2020' is not a date");
  EXPECT_THAT(ReasonAt(data, path, 41),
              AllOf(HasSubstr("DOB '2011-03-04'"), HasSubstr("dd/mm/yyyy")));
  EXPECT_EQ(ReasonAt(data, path, 43), "blank DECOM");
}

TEST(ImportSsda903Xml, WrongRootIsAnError) {
  Dataset data;
  EXPECT_THAT(ImportSsda903Xml("m.xml", "<Message/>", &data),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("m.xml"), HasSubstr("<Message>"),
                             HasSubstr("<EXPSSDA903>"))));
  EXPECT_TRUE(IsEmptyDataset(data));
}

// ---- CIN census XML
// ------------------------------------------------------------

// The content sniffing reads past a DOCTYPE's internal subset, where quoted
// markup is no root element (a fuzz finding).
TEST(ImportBuffer, ADoctypeWithMarkupInAnEntityIsStillA903Return) {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE EXPSSDA903 [ <!ENTITY note \"<b>903</b>\"> ]>\n"
      "<EXPSSDA903>\n"
      "  <CHILD><HEADER><CHILDID>1</CHILDID><SEX>1</SEX><DOB>01/02/2010</DOB>"
      "</HEADER></CHILD>\n"
      "</EXPSSDA903>\n";
  Dataset data;
  ASSERT_TRUE(ImportBuffer("return.xml", xml, &data).ok());
  ASSERT_EQ(data.headers.size(), 1u);
  EXPECT_EQ(data.headers[0].child, "1");
}

// A comment or processing instruction in the internal subset may hold an
// apostrophe or a '>' that ends nothing.
TEST(ImportBuffer, ADoctypeWithACommentAndAPiIsStillA903Return) {
  const std::string xml =
      "<!DOCTYPE EXPSSDA903 [ <!-- the return's > --> <?pi 'x' > y?> ]>\n"
      "<EXPSSDA903><CHILD><HEADER><CHILDID>2</CHILDID><SEX>2</SEX>"
      "<DOB>01/02/2011</DOB></HEADER></CHILD></EXPSSDA903>\n";
  Dataset data;
  ASSERT_TRUE(ImportBuffer("return.xml", xml, &data).ok());
  ASSERT_EQ(data.headers.size(), 1u);
  EXPECT_EQ(data.headers[0].child, "2");
}

// Text before the document: pugixml would skip it and the sniffing takes
// the file for CSV; the XML importers refuse it, naming the text.
TEST(ImportSsda903Xml, TextBeforeTheDocumentIsAnError) {
  const std::string xml =
      "junk<?xml version=\"1.0\"?>\n<EXPSSDA903></EXPSSDA903>\n";
  Dataset data;
  EXPECT_THAT(ImportSsda903Xml("return.xml", xml, &data),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("return.xml: line 1: text before the XML "
                                 "document ('junk')")));
  EXPECT_THAT(ImportCinXml("census.xml", "  x\n<Message/>", &data),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("census.xml: line 1: text before")));
}

TEST(ImportCinXml, NumbersRecordsAndReadsEveryField) {
  const std::string path = Fixture("cin_census.xml");
  Dataset data;
  ASSERT_THAT(ImportPath(path, &data), IsOk());
  ASSERT_EQ(data.files.size(), 1u);
  EXPECT_EQ(data.files[0].table, "cin.census");
  // C1: 3 s47 + 2 plans; C2: 2 + 2; the child with no id: 1 s47.
  EXPECT_EQ(data.files[0].rows, 10);
  EXPECT_EQ(data.files[0].rejected, 5);
  ExpectReconciles(data);
  EXPECT_EQ(data.cin_reference_date, D(2020, 3, 31));
  EXPECT_TRUE(data.Has("cin.section47"));
  EXPECT_TRUE(data.Has("cin.cp_plans"));
  EXPECT_FALSE(data.Has("meetings"));

  // All of C1's records are in its second CINdetails.
  ASSERT_EQ(data.section47.size(), 3u);
  const Section47Record& s1 = data.section47[0];
  EXPECT_EQ(s1.child, "C1");
  EXPECT_EQ(s1.cin_index, 2);
  EXPECT_EQ(s1.s47_index, 1);
  EXPECT_EQ(s1.s47_start, D(2019, 5, 2));
  EXPECT_EQ(s1.icpc_target, D(2019, 5, 23));
  EXPECT_EQ(s1.icpc, D(2019, 5, 20));
  EXPECT_FALSE(s1.icpc_not_required);  // FALSE
  EXPECT_EQ(s1.source.line, 22);
  EXPECT_EQ(data.section47[1].s47_index, 2);
  EXPECT_TRUE(data.section47[1].icpc_not_required);  // True
  EXPECT_FALSE(data.section47[1].icpc.has_value());
  EXPECT_EQ(data.section47[1].source.line, 28);
  EXPECT_EQ(data.section47[2].s47_index, 3);
  EXPECT_TRUE(data.section47[2].icpc_not_required);  // 1

  ASSERT_EQ(data.cp_plans.size(), 2u);
  const CpPlanRecord& p1 = data.cp_plans[0];
  EXPECT_EQ(p1.child, "C1");
  EXPECT_EQ(p1.cin_index, 2);
  EXPECT_EQ(p1.plan_index, 1);
  EXPECT_EQ(p1.start, D(2019, 5, 20));
  EXPECT_EQ(p1.end, D(2019, 12, 1));
  EXPECT_EQ(p1.previous_plans, 0);  // 0 is a value, not blank
  EXPECT_EQ(p1.initial_category, "NEG");
  EXPECT_EQ(p1.latest_category, "EMO");
  EXPECT_THAT(p1.reviews, ElementsAre(D(2019, 8, 5), D(2019, 11, 4)));
  EXPECT_EQ(p1.source.line, 36);
  const CpPlanRecord& p2 = data.cp_plans[1];
  EXPECT_EQ(p2.plan_index, 2);
  EXPECT_FALSE(p2.end.has_value());
  EXPECT_EQ(p2.previous_plans, 1);
  EXPECT_THAT(p2.reviews, IsEmpty());
  EXPECT_EQ(p2.source.line, 47);
}

TEST(ImportCinXml, BadRecordsAreRejectedWithElementAndLine) {
  const std::string path = Fixture("cin_census.xml");
  Dataset data;
  ASSERT_THAT(ImportPath(path, &data), IsOk());
  EXPECT_THAT(RejectedLines(data), ElementsAre(61, 66, 70, 78, 88));
  EXPECT_EQ(ReasonAt(data, path, 61),
            "S47ActualStartDate '2019-02-30' is not a date");
  EXPECT_THAT(ReasonAt(data, path, 66),
              AllOf(HasSubstr("ICPCnotRequired 'maybe'"),
                    HasSubstr("true, false, 1 or 0")));
  EXPECT_THAT(ReasonAt(data, path, 70),
              HasSubstr("NumberOfPreviousCPP '-1' is not a whole number"));
  EXPECT_THAT(
      ReasonAt(data, path, 78),
      AllOf(HasSubstr("CPPreviewDate '01/10/2019'"), HasSubstr("yyyy-mm-dd")));
  EXPECT_EQ(ReasonAt(data, path, 88), "blank LAchildID");
}

TEST(ImportCinXml, TruncatedXmlIsAnErrorWithItsLine) {
  Dataset data;
  // The fixture stops in the middle of line 23.
  EXPECT_THAT(
      ImportPath(Fixture("cin_truncated.xml"), &data),
      StatusIs(absl::StatusCode::kInvalidArgument,
               AllOf(HasSubstr("cin_truncated.xml"), HasSubstr("line 23"),
                     HasSubstr("malformed XML"))));
  EXPECT_THAT(
      ImportCinXml("bad.xml", "<Message>\n<Children>\n</Message>\n", &data),
      StatusIs(absl::StatusCode::kInvalidArgument,
               AllOf(HasSubstr("bad.xml: line 3"), HasSubstr("mismatch"))));
  EXPECT_TRUE(IsEmptyDataset(data));
}

TEST(ImportCinXml, EarliestReferenceDateIsKept) {
  auto census = [](absl::string_view reference_date) {
    return absl::StrCat(
        "<Message><Header><CollectionDetails><ReferenceDate>", reference_date,
        "</ReferenceDate></CollectionDetails></Header></Message>");
  };
  Dataset data;
  ASSERT_THAT(ImportCinXml("2021.xml", census("2021-03-31"), &data), IsOk());
  ASSERT_THAT(ImportCinXml("2020.xml", census("2020-03-31"), &data), IsOk());
  EXPECT_EQ(data.cin_reference_date, D(2020, 3, 31));
  // Several years' censuses are normal: no warning for that.
  EXPECT_TRUE(data.warnings.empty());
}

// The XML importers read each element's text through pugixml whatever markup
// holds it, count lines from byte offsets, and visit records in document
// order while their fields may come in any order: the tests below pin what
// each of those gives, so a faster reading cannot drift from it.

TEST(ImportCinXml, LinesCountEveryLineEndWhateverMarkupHoldsIt) {
  // BOM, CRLF, and line ends inside a comment, an attribute value, a CDATA
  // section, a start tag and an element's text.
  const std::string census = absl::StrCat(
      "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n",  // 1
      "<Message>\r\n",                                               // 2
      "<!-- a comment\r\n over two lines -->\r\n",                   // 3-4
      "<Children note=\"a value\r\nover two lines\">\r\n",           // 5-6
      "<Child><ChildIdentifiers><LAchildID>L1</LAchildID>"
      "</ChildIdentifiers>\r\n",                                         // 7
      "<CINdetails><Note><![CDATA[text\r\nwith\r\nlines]]></Note>\r\n",  // 8
      "<Section47\r\n>\r\n",  // 11-12
      "<S47ActualStartDate>2019-05-02</S47ActualStartDate>\r\n",
      "</Section47>\r\n",
      "<Section47><S47ActualStartDate>\r\n",  // 15
      "2019-02-30</S47ActualStartDate></Section47>\r\n",
      "</CINdetails>\r\n</Child>\r\n</Children>\r\n</Message>\r\n");
  Dataset data;
  ASSERT_THAT(ImportCinXml("lines.xml", census, &data), IsOk());
  ASSERT_EQ(data.section47.size(), 1u);
  EXPECT_EQ(data.section47[0].source.line, 11);
  EXPECT_THAT(RejectedLines(data), ElementsAre(15));
  EXPECT_EQ(ReasonAt(data, "lines.xml", 15),
            "S47ActualStartDate '2019-02-30' is not a date");
  ExpectReconciles(data);
}

// A plan is known by its start date (docs/inputs.md#rejected-rows: blank keys
// are rejected with their line, never guessed): blank, placeholder or missing,
// the plan is rejected, and counted, rather than kept where no KPI could place
// it.
TEST(ImportCinXml, PlansWithoutAStartDateAreRejectedWithTheirLine) {
  const std::string census = R"(<Message>
<Children>
<Child>
<ChildIdentifiers><LAchildID>c1</LAchildID></ChildIdentifiers>
<CINdetails>
<ChildProtectionPlans>
<CPPstartDate/>
<Reviews><CPPreviewDate>2019-06-01</CPPreviewDate></Reviews>
</ChildProtectionPlans>
<ChildProtectionPlans>
<CPPstartDate>1900-01-01</CPPstartDate>
<CPPendDate>2019-12-01</CPPendDate>
</ChildProtectionPlans>
<ChildProtectionPlans>
<CPPendDate>2019-12-01</CPPendDate>
</ChildProtectionPlans>
<ChildProtectionPlans>
<CPPstartDate>2019-05-20</CPPstartDate>
</ChildProtectionPlans>
</CINdetails>
</Child>
</Children>
</Message>
)";
  Dataset data;
  ASSERT_THAT(ImportCinXml("c.xml", census, &data), IsOk());
  ASSERT_EQ(data.cp_plans.size(), 1u);
  EXPECT_EQ(*data.cp_plans[0].start, D(2019, 5, 20));
  EXPECT_EQ(data.cp_plans[0].plan_index, 4);
  EXPECT_THAT(RejectedLines(data), ElementsAre(7, 11, 14));
  EXPECT_EQ(ReasonAt(data, "c.xml", 7), "blank CPPstartDate");
  EXPECT_EQ(ReasonAt(data, "c.xml", 11), "blank CPPstartDate");
  EXPECT_EQ(ReasonAt(data, "c.xml", 14), "blank CPPstartDate");
  ASSERT_EQ(data.files.size(), 1u);
  EXPECT_EQ(data.files[0].rows, 4);
  EXPECT_EQ(data.files[0].rejected, 3);
}

TEST(ImportCinXml, FieldsAreReadInAnyOrderAndAnyMarkup) {
  const std::string census = R"(<Message>
<Children>
<Child>
<ChildIdentifiers><LAchildID>  c1  </LAchildID></ChildIdentifiers>
<CINdetails>
<ChildProtectionPlans>
<Reviews><CPPreviewDate>2019-06-01</CPPreviewDate><CPPreviewDate> </CPPreviewDate></Reviews>
<CPPendDate>1900-01-01</CPPendDate>
<CPPstartDate><!-- started -->2019-05-20</CPPstartDate>
<CPPstartDate>2019-05-21</CPPstartDate>
<InitialCategoryOfAbuse><![CDATA[ neg ]]></InitialCategoryOfAbuse>
<LatestCategoryOfAbuse>ph&#121;<Note/></LatestCategoryOfAbuse>
<NumberOfPreviousCPP><Note/>2</NumberOfPreviousCPP>
<Reviews><CPPreviewDate>&#50;019-09-01</CPPreviewDate></Reviews>
</ChildProtectionPlans>
<Section47>
<ICPCnotRequired> TRUE </ICPCnotRequired>
<S47ActualStartDate>2019-05-02</S47ActualStartDate>
</Section47>
<ChildProtectionPlans>
<CPPstartDate>2019-31-01</CPPstartDate>
<NumberOfPreviousCPP>two</NumberOfPreviousCPP>
</ChildProtectionPlans>
<Section47>
<S47ActualStartDate>2019-05-02</S47ActualStartDate>
<InitialCPCtarget>2019-02-29</InitialCPCtarget>
<ICPCnotRequired>maybe</ICPCnotRequired>
</Section47>
</CINdetails>
<CINdetails>
<Section47><S47ActualStartDate>2020-01-06</S47ActualStartDate></Section47>
</CINdetails>
</Child>
<Child>
<CINdetails>
<Section47><S47ActualStartDate>2020-01-06</S47ActualStartDate></Section47>
</CINdetails>
</Child>
</Children>
</Message>
)";
  Dataset data;
  ASSERT_THAT(ImportCinXml("text.xml", census, &data), IsOk());
  EXPECT_EQ(data.files[0].rows, 6);
  ExpectReconciles(data);

  ASSERT_EQ(data.cp_plans.size(), 1u);
  const CpPlanRecord& plan = data.cp_plans[0];
  EXPECT_EQ(plan.child, "c1");  // trimmed, case kept
  EXPECT_EQ(plan.source.line, 6);
  EXPECT_EQ(plan.start, D(2019, 5, 20));    // the first CPPstartDate
  EXPECT_FALSE(plan.end.has_value());       // the 1900-01-01 placeholder
  EXPECT_EQ(plan.previous_plans, 2);        // text after a child element
  EXPECT_EQ(plan.initial_category, "NEG");  // CDATA
  EXPECT_EQ(plan.latest_category, "PHY");   // a character reference
  // Every Reviews element, in document order; the blank one is a warning.
  EXPECT_THAT(plan.reviews, ElementsAre(D(2019, 6, 1), D(2019, 9, 1)));
  ASSERT_EQ(data.warnings.size(), 1u);
  EXPECT_EQ(data.warnings[0].line, 7);
  EXPECT_EQ(data.warnings[0].reason,
            "CPPreviewDate is blank: no review date to read");

  // Numbered within their CINdetails, in document order, each kind apart.
  ASSERT_EQ(data.section47.size(), 2u);
  EXPECT_EQ(data.section47[0].s47_index, 1);
  EXPECT_EQ(data.section47[0].cin_index, 1);
  EXPECT_TRUE(data.section47[0].icpc_not_required);
  EXPECT_EQ(data.section47[0].source.line, 16);
  EXPECT_EQ(data.section47[1].cin_index, 2);
  EXPECT_EQ(data.section47[1].s47_index, 1);
  EXPECT_EQ(data.section47[1].source.line, 31);

  // A CINdetails' Section47 records are read before its plans, so the
  // rejections come in that order, each with every reason in field order.
  std::vector<int64_t> lines;
  for (const Rejection& r : data.rejections) lines.push_back(r.line);
  EXPECT_THAT(lines, ElementsAre(26, 21, 36));
  EXPECT_EQ(data.rejections[0].reason,
            "InitialCPCtarget '2019-02-29' is not a date; ICPCnotRequired "
            "'maybe' is not true, false, 1 or 0");
  EXPECT_EQ(data.rejections[1].reason,
            "CPPstartDate '2019-31-01' is not a date; NumberOfPreviousCPP "
            "'two' is not a whole number >= 0");
  EXPECT_EQ(data.rejections[2].reason, "blank LAchildID");
}

TEST(ImportCinXml, MalformedXmlNamesTheLineAndPugixmlsReason) {
  struct Case {
    const char* xml;
    const char* message;
  };
  const Case cases[] = {
      {"<Message>\n<Children>\n<Child",
       "m.xml: line 3: malformed XML: Error parsing start element tag"},
      {"<Message>\n<Children>\n</Children",
       "m.xml: line 3: malformed XML: Error parsing end element tag"},
      {"<Message>\r\n<Children>\r\n<Child>x</Chil",
       "m.xml: line 3: malformed XML: Start-end tags mismatch"},
      {"\n\n<Message><Children></Message>",
       "m.xml: line 3: malformed XML: Start-end tags mismatch"},
      {"", "m.xml: line 1: malformed XML: No document element found"},
  };
  for (const Case& c : cases) {
    Dataset data;
    EXPECT_THAT(ImportCinXml("m.xml", c.xml, &data),
                StatusIs(absl::StatusCode::kInvalidArgument, c.message))
        << c.xml;
    EXPECT_TRUE(IsEmptyDataset(data));
  }
}

TEST(ImportSsda903Xml, RecordsBeforeTheHeaderKeepTheirLines) {
  const std::string xml = R"(<EXPSSDA903>
<CHILD>
<AREVIEW>
<REVIEW>10/01/2020</REVIEW>
<REVIEW_CODE>pn1</REVIEW_CODE>
</AREVIEW>
<EPISODE>
<DECOM>01/01/2020</DECOM>
<PLACE>u1</PLACE>
<DEC>31/02/2020</DEC>
</EPISODE>
<HEADER>
<CHILDID>7001</CHILDID>
<DOB>01/02/2010</DOB>
<AREVIEW><REVIEW>01/01/1900</REVIEW></AREVIEW>
</HEADER>
<EPISODE>
<PL>u2</PL>
<PLACE>u3</PLACE>
<DECOM>02/03/2020</DECOM>
</EPISODE>
</CHILD>
</EXPSSDA903>
)";
  Dataset data;
  ASSERT_THAT(ImportSsda903Xml("order.xml", xml, &data), IsOk());
  EXPECT_EQ(data.files[0].rows, 5);
  ExpectReconciles(data);
  ASSERT_EQ(data.headers.size(), 1u);
  EXPECT_EQ(data.headers[0].source.line, 12);
  ASSERT_EQ(data.reviews.size(), 1u);
  EXPECT_EQ(data.reviews[0].source.line, 3);
  EXPECT_EQ(data.reviews[0].dob, D(2010, 2, 1));
  EXPECT_EQ(data.reviews[0].review_code, "PN1");
  ASSERT_EQ(data.episodes.size(), 1u);
  EXPECT_EQ(data.episodes[0].source.line, 17);
  EXPECT_EQ(data.episodes[0].place, "U2");  // PL before PLACE
  // The header's review (a placeholder date) is read before the child's.
  std::vector<int64_t> lines;
  for (const Rejection& r : data.rejections) lines.push_back(r.line);
  EXPECT_THAT(lines, ElementsAre(15, 10));
  EXPECT_EQ(data.rejections[0].reason, "blank REVIEW");
  EXPECT_EQ(data.rejections[1].reason, "DEC '31/02/2020' is not a date");
}

// ---- meetings.csv
// -----------------------------------------------------------------

TEST(ImportMeetingsCsv, ReadsDatesAndDateTimesInBothShapes) {
  const std::string path = Fixture("meetings.csv");
  Dataset data;
  ASSERT_THAT(ImportPath(path, &data), IsOk());
  ASSERT_EQ(data.files.size(), 1u);
  EXPECT_EQ(data.files[0].table, "meetings");
  EXPECT_EQ(data.files[0].rows, 11);
  EXPECT_EQ(data.files[0].rejected, 7);
  ExpectReconciles(data);
  EXPECT_TRUE(data.Has("meetings"));
  ASSERT_EQ(data.meetings.size(), 4u);

  const MeetingRecord& m1 = data.meetings[0];
  EXPECT_EQ(m1.child, "M1");
  EXPECT_EQ(m1.type, MeetingType::kLacReview);  // LAC_Review
  EXPECT_EQ(m1.held, At(2019, 6, 3, 10, 30));
  EXPECT_EQ(m1.sw_report_received, At(2019, 6, 1, 9, 0));  // dd/mm/yyyy HH:MM
  EXPECT_EQ(m1.decisions_sent, Moment::OnDate(D(2019, 6, 7)));
  EXPECT_EQ(m1.record_distributed, Moment::OnDate(D(2019, 6, 20)));
  EXPECT_EQ(m1.chair, "IRO1");
  EXPECT_EQ(m1.qa_alerts, 0);
  EXPECT_EQ(m1.source.line, 2);

  const MeetingRecord& m2 = data.meetings[1];
  EXPECT_EQ(m2.held, Moment::OnDate(D(2019, 12, 2)));
  EXPECT_EQ(m2.sw_report_received, At(2019, 11, 29, 16, 45));
  EXPECT_FALSE(m2.decisions_sent.has_value());
  EXPECT_EQ(m2.qa_alerts, 0);  // blank

  EXPECT_EQ(data.meetings[2].type, MeetingType::kIcpc);
  EXPECT_EQ(data.meetings[2].held, At(2019, 7, 1, 14, 0));  // space separator
  EXPECT_EQ(data.meetings[2].decisions_sent, At(2019, 7, 2, 10, 0));
  EXPECT_EQ(data.meetings[2].qa_alerts, 2);
  EXPECT_EQ(data.meetings[3].type, MeetingType::kRcpc);
  EXPECT_EQ(data.meetings[3].source.line, 5);
}

TEST(ImportMeetingsCsv, BadRowsAreRejectedWithTheirReason) {
  const std::string path = Fixture("meetings.csv");
  Dataset data;
  ASSERT_THAT(ImportPath(path, &data), IsOk());
  EXPECT_THAT(RejectedLines(data), ElementsAre(6, 7, 8, 9, 10, 11, 12));
  EXPECT_EQ(ReasonAt(data, path, 6),
            "meeting_type 'strategy' is not lac_review, icpc or rcpc");
  EXPECT_EQ(ReasonAt(data, path, 7),
            "qa_alerts '-1' is not a whole number >= 0");
  EXPECT_THAT(ReasonAt(data, path, 8),
              AllOf(HasSubstr("held_at '03/08/2019 10:00' is dd/mm/yyyy"),
                    HasSubstr("yyyy-mm-dd")));
  EXPECT_EQ(ReasonAt(data, path, 9), "blank child_id");
  EXPECT_THAT(ReasonAt(data, path, 10),
              AllOf(HasSubstr("held_at '2019-08-05T25:00'"),
                    HasSubstr("not a date-time")));
  EXPECT_EQ(ReasonAt(data, path, 11), "blank held_at");
  EXPECT_EQ(ReasonAt(data, path, 12),
            "qa_alerts 'two' is not a whole number >= 0");
}

TEST(ImportMeetingsCsv, EveryDateTimeSpellingReadsAsBefore) {
  Dataset data;
  ASSERT_THAT(ImportMeetingsCsv("m.csv",
                                "child_id,meeting_type,held_at\n"
                                "1,icpc,2020-01-01T10:00\n"
                                "2,icpc,2020-01-01 10:00:59\n"
                                "3,icpc,2020-01-01T24:00\n"
                                "4,icpc,2020-01-01T10:60\n"
                                "5,icpc,2020-01-01T1:00\n"
                                "6,icpc,1900-01-01T99:99\n"
                                "7,icpc,2020-01-01  10:00\n"
                                "8,icpc,2020-01-01T\n"
                                "9,icpc,2020-01-01\n"
                                "10,icpc,01/02/2020 10:00\n"
                                "11,icpc,2020-02-30T10:00\n"
                                "12,icpc,2020-01-01T10:00:60\n"
                                "13,icpc,2020-01-01X10:00\n",
                                &data),
              IsOk());
  // An hour of one digit (1:00) is read, as exports write it.
  ASSERT_EQ(data.meetings.size(), 5u);
  EXPECT_EQ(data.meetings[0].held, At(2020, 1, 1, 10, 0));
  EXPECT_EQ(data.meetings[1].held, At(2020, 1, 1, 10, 0));
  EXPECT_EQ(data.meetings[2].held, At(2020, 1, 1, 1, 0));
  EXPECT_EQ(data.meetings[2].source.line, 6);
  EXPECT_EQ(data.meetings[3].held, At(2020, 1, 1, 10, 0));
  EXPECT_EQ(data.meetings[3].source.line, 8);
  EXPECT_EQ(data.meetings[4].held, Moment::OnDate(D(2020, 1, 1)));
  EXPECT_THAT(RejectedLines(data), ElementsAre(4, 5, 7, 9, 11, 12, 13, 14));
  const std::string kNotDateTime =
      "is not a date-time (expected a date, then a time such as 10:30, "
      "10:30:00 or 2:30 PM, optionally with Z or an offset)";
  EXPECT_EQ(ReasonAt(data, "m.csv", 4),
            "held_at '2020-01-01T24:00' " + kNotDateTime);
  EXPECT_EQ(ReasonAt(data, "m.csv", 5),
            "held_at '2020-01-01T10:60' " + kNotDateTime);
  EXPECT_EQ(ReasonAt(data, "m.csv", 7),
            "held_at '1900-01-01T99:99' is the placeholder for no date");
  EXPECT_EQ(ReasonAt(data, "m.csv", 9),
            "held_at '2020-01-01T' " + kNotDateTime);
  EXPECT_EQ(ReasonAt(data, "m.csv", 11),
            "held_at '01/02/2020 10:00' is dd/mm/yyyy but the column's dates "
            "are yyyy-mm-dd (a column's date format is not mixed)");
  EXPECT_EQ(ReasonAt(data, "m.csv", 12), "held_at '2020-02-30' is not a date");
  EXPECT_EQ(ReasonAt(data, "m.csv", 13),
            "held_at '2020-01-01T10:00:60' " + kNotDateTime);
  EXPECT_EQ(ReasonAt(data, "m.csv", 14),
            "held_at '2020-01-01X10:00' is not a date (expected yyyy-mm-dd)");
  ExpectReconciles(data);
}

TEST(ImportMeetingsCsv, MissingRequiredColumnIsAnError) {
  Dataset data;
  EXPECT_THAT(
      ImportMeetingsCsv("m.csv", "child_id,meeting_type,chair_id\n", &data),
      StatusIs(absl::StatusCode::kInvalidArgument,
               AllOf(HasSubstr("m.csv"), HasSubstr("held_at"))));
  EXPECT_TRUE(IsEmptyDataset(data));
}

// ---- ImportPath / ImportBuffer
// ------------------------------------------------------

TEST(ImportPath, FolderImportsCsvAndXmlInNameOrderByContent) {
  const std::string folder = Fixture("folder");
  Dataset data;
  ASSERT_THAT(ImportPath(folder, &data), IsOk());
  ASSERT_EQ(data.files.size(), 3u);  // notes.txt is not read
  EXPECT_EQ(data.files[0].path, folder + "/a_meetings.csv");
  EXPECT_EQ(data.files[0].table, "meetings");
  EXPECT_EQ(data.files[1].path, folder + "/b_reviews.csv");
  EXPECT_EQ(data.files[1].table, "ssda903.reviews");
  EXPECT_EQ(data.files[2].path, folder + "/c_census.XML");
  EXPECT_EQ(data.files[2].table, "cin.census");
  EXPECT_EQ(data.meetings.size(), 1u);
  EXPECT_EQ(data.reviews.size(), 2u);
  EXPECT_EQ(data.cp_plans.size(), 1u);
  EXPECT_TRUE(data.Has("meetings"));
  EXPECT_TRUE(data.Has("ssda903.reviews"));
  EXPECT_TRUE(data.Has("cin.cp_plans"));
  EXPECT_FALSE(data.Has("ssda903.episodes"));
  ExpectReconciles(data);
}

TEST(ImportPath, KindCanBeGiven) {
  Dataset data;
  EXPECT_THAT(
      ImportPath(Fixture("folder/b_reviews.csv"), InputKind::kMeetings, &data),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("meeting_type")));
  ASSERT_THAT(
      ImportPath(Fixture("folder/b_reviews.csv"), InputKind::kSsda903, &data),
      IsOk());
  EXPECT_EQ(data.reviews.size(), 2u);
}

TEST(ImportPath, MissingAndUnreadablePathsAreErrors) {
  Dataset data;
  EXPECT_THAT(
      ImportPath(Fixture("no-such-file.csv"), &data),
      StatusIs(absl::StatusCode::kNotFound, HasSubstr("no-such-file.csv")));
  EXPECT_THAT(
      ImportPath(kDir + "folder/notes.txt", InputKind::kCin, &data),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("notes.txt")));
  EXPECT_TRUE(IsEmptyDataset(data));
}

TEST(ImportBuffer, KindDecidedByContent) {
  Dataset data;
  ASSERT_THAT(ImportBuffer("m",
                           "child_id,held_at,meeting_type\nA,2020-01-01,"
                           "icpc\n",
                           &data),
              IsOk());
  ASSERT_THAT(ImportBuffer("x",
                           "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n"
                           "<!-- a comment -->\n<EXPSSDA903/>\n",
                           &data),
              IsOk());
  ASSERT_EQ(data.files.size(), 2u);
  EXPECT_EQ(data.files[0].table, "meetings");
  EXPECT_EQ(data.files[1].table, "ssda903.xml");
  EXPECT_THAT(ImportBuffer("y", "<Other/>", &data),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("y:"), HasSubstr("<Other>"))));
}

// ---- Reconciliation
// ------------------------------------------------------------------

TEST(ImportReconcile, EveryFixtureReconcilesOrFailsWhole) {
  int imported = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(kDir)) {
    const std::string path = entry.path().string();
    const std::string ext = entry.path().extension().string();
    if (ext != ".csv" && ext != ".xml" && ext != ".XML") continue;
    Dataset data;
    const absl::Status status = ImportPath(path, &data);
    if (!status.ok()) {
      EXPECT_TRUE(IsEmptyDataset(data)) << path << ": " << status;
      continue;
    }
    ++imported;
    ASSERT_EQ(data.files.size(), 1u) << path;
    ExpectReconciles(data);
  }
  // 14 fixtures, of which three are errors by design: reviews_no_code.csv,
  // episodes_utf16.csv and cin_truncated.xml.
  EXPECT_EQ(imported, 11);
}

// A generated episodes file: N rows, each either clean or corrupted in one
// known way; the generator knows the line of every row and which it broke.
struct Generated {
  std::string text;
  int64_t rows = 0;
  std::vector<int64_t> bad_lines;  // lines of rows that must be rejected
};

Generated GenerateEpisodes(int n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> pick(0, 19);
  Generated g;
  g.text =
      "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,"
      "REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";
  int64_t line = 2;
  std::string previous;
  for (int i = 0; i < n; ++i) {
    const int day = 1 + i % 28;
    const int month = 1 + (i / 28) % 12;
    const std::string decom = absl::StrFormat("%02d/%02d/2019", day, month);
    const std::string dec = absl::StrFormat("%02d/%02d/2020", day, month);
    const std::string child = absl::StrCat("G", i);
    std::string row;
    bool bad = true;
    int lines = 1;
    switch (pick(rng)) {
      case 0:
        row = absl::StrCat(",", decom, ",S,C2,N1,U1,PR1,", dec, ",E11,,,,");
        break;
      case 1:
        row = absl::StrCat(child, ",,S,C2,N1,U1,PR1,", dec, ",E11,,,,");
        break;
      case 2:
        row = absl::StrCat(child, ",30/02/2019,S,C2,N1,U1,PR1,,E11,,,,");
        break;
      case 3:  // the minority shape
        row = absl::StrCat(child, ",2019-03-04,S,C2,N1,U1,PR1,,E11,,,,");
        break;
      case 4:  // a field short
        row = absl::StrCat(child, ",", decom, ",S,C2,N1,U1,PR1,,E11,,,");
        break;
      case 5:  // a stray quote
        row = absl::StrCat(child, ",", decom, ",S,C2,N\"1,U1,PR1,,E11,,,,");
        break;
      case 6:  // an exact repeat of the previous row
        if (!previous.empty()) {
          row = previous;
          break;
        }
        [[fallthrough]];
      default:  // clean, with some noise that must not cause rejection
        bad = false;
        row = absl::StrCat(child, ",", decom, ",s,c2,n1,u1,PR1,",
                           i % 5 == 0 ? "01/01/1900" : dec, ",e11,,");
        if (i % 7 == 0) {
          row += "\"Flat 1,\nHigh St\",,";  // a quoted field with a newline
          lines = 2;
        } else {
          row += ",,";
        }
        row += "123";
        previous = row;
        break;
    }
    if (bad) g.bad_lines.push_back(line);
    // A row that repeats a multi-line row spans two lines too.
    if (bad && row == previous)
      lines = 1 + static_cast<int>(std::count(row.begin(), row.end(), '\n'));
    g.text += row + "\n";
    line += lines;
    ++g.rows;
  }
  return g;
}

TEST(ImportReconcile, GeneratedFileWithCorruptedRows) {
  for (const unsigned seed : {1u, 2u, 3u}) {
    const Generated g = GenerateEpisodes(2000, seed);
    Dataset data;
    ASSERT_THAT(ImportSsda903Csv("gen.csv", g.text, &data), IsOk());
    ASSERT_EQ(data.files.size(), 1u);
    EXPECT_EQ(data.files[0].rows, g.rows) << "seed " << seed;
    EXPECT_EQ(data.files[0].rejected, static_cast<int64_t>(g.bad_lines.size()))
        << "seed " << seed;
    EXPECT_EQ(static_cast<int64_t>(data.episodes.size()),
              g.rows - static_cast<int64_t>(g.bad_lines.size()));
    EXPECT_EQ(RejectedLines(data), g.bad_lines) << "seed " << seed;
    ExpectReconciles(data);
  }
}

}  // namespace
}  // namespace timescales
