// The CSV reader's line numbers (internal/csv_reader.h) over generated
// files whose every record's starting line is known as it is written:
// quoted fields spanning lines, blank and whitespace-only lines, malformed
// quoting on one line and across two, rows of the wrong width, LF, CRLF and
// bare CR line ends, with and without a final line end.

#include "import/csv_reader.h"

#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace timescales {
namespace internal {
namespace {

struct Expected {
  int64_t line;
  bool error;
  std::string first;  // the first field of a good row
};

struct Got {
  int64_t line;
  bool error;
  std::string first;
};

TEST(ForEachCsvRow, EveryRecordStartsOnTheLineItWasWrittenOn) {
  const char* const kEnds[] = {"\n", "\r\n", "\r"};
  for (int seed = 0; seed < 300; ++seed) {
    std::mt19937 rng(static_cast<unsigned>(seed));
    const std::string eol = kEnds[seed % 3];
    std::string text = "A,B,C" + eol;
    int64_t line = 2;
    std::vector<Expected> expected;
    const int items = 1 + static_cast<int>(rng() % 12);
    for (int i = 0; i < items; ++i) {
      const std::string id = absl::StrCat("r", i);
      switch (rng() % 6) {
        case 0:  // a plain row
          text += id + ",b,c" + eol;
          expected.push_back({line, false, id});
          line += 1;
          break;
        case 1: {  // a quoted field over 1-3 lines
          const int breaks = 1 + static_cast<int>(rng() % 3);
          std::string quoted = "\"p";
          for (int b = 0; b < breaks; ++b) quoted += eol + "q";
          text += id + "," + quoted + "\",c" + eol;
          expected.push_back({line, false, id});
          line += 1 + breaks;
          break;
        }
        case 2:  // a blank or whitespace-only line
          text += (rng() % 2 == 0 ? "" : "  ") + eol;
          line += 1;
          break;
        case 3:  // a stray quote: the rest of the line is dropped
          text += id + ",a\"b,c" + eol;
          expected.push_back({line, true, ""});
          line += 1;
          break;
        case 4:  // text after a closing quote, a field over two lines
          text += "\"m" + eol + "n\"x,b,c" + eol;
          expected.push_back({line, true, ""});
          line += 2;
          break;
        case 5:  // too few fields
          text += id + ",b" + eol;
          expected.push_back({line, true, ""});
          line += 1;
          break;
      }
    }
    // Sometimes no line end after the last record.
    if (seed % 4 == 0 && text.size() >= eol.size() &&
        text.compare(text.size() - eol.size(), eol.size(), eol) == 0) {
      text.resize(text.size() - eol.size());
    }

    std::vector<Got> got;
    ASSERT_TRUE(ForEachCsvRow("t.csv", text, {},
                              [&](const CsvRow& row) {
                                got.push_back({row.line(), !row.error().empty(),
                                               row.error().empty()
                                                   ? std::string(row.field(0))
                                                   : std::string()});
                              })
                    .ok())
        << "seed " << seed;
    ASSERT_EQ(got.size(), expected.size()) << "seed " << seed;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].line, expected[i].line)
          << "seed " << seed << ", record " << i;
      EXPECT_EQ(got[i].error, expected[i].error)
          << "seed " << seed << ", record " << i;
      EXPECT_EQ(got[i].first, expected[i].first)
          << "seed " << seed << ", record " << i;
    }
  }
}

TEST(ForEachCsvRow, AnUnclosedQuoteNamesTheLastLine) {
  std::vector<std::string> errors;
  std::vector<int64_t> lines;
  ASSERT_TRUE(ForEachCsvRow("t.csv", "A,B\nx,y\n\"open,z\nmore\nend\n", {},
                            [&](const CsvRow& row) {
                              lines.push_back(row.line());
                              errors.emplace_back(row.error());
                            })
                  .ok());
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1], 3);
  EXPECT_EQ(errors[1],
            "a quoted field opened here is never closed (the rest of the "
            "file, to line 5, was read into it)");
}

TEST(ReadCsvHeader, ReadsOnlyTheHeader) {
  // A malformed row after the header does not matter to the header.
  const absl::StatusOr<CsvHeader> header =
      ReadCsvHeader("t.csv", "\n  \n CHILD , dob\nx\"y,1\n");
  ASSERT_TRUE(header.ok());
  EXPECT_EQ(header->line, 3);
  EXPECT_EQ(header->columns, (std::vector<std::string>{"CHILD", "dob"}));
  EXPECT_EQ(header->Find("DOB"), 1);
}

}  // namespace
}  // namespace internal
}  // namespace timescales
