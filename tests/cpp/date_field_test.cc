// Date columns (internal/date_field.h) against a plain restatement of their
// rules over random columns: cells written in full and not, real and
// impossible dates, both formats mixed in various proportions, placeholders,
// times and junk. Read after a whole-column survey, and in one pass with
// the survey as it reads (the answers must agree whenever the column says
// its one-pass reads stand).

#include "import/date_field.h"

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "timescales/date.h"
#include "timescales/moment.h"

namespace timescales {
namespace internal {
namespace {

enum class Shape { kNone, kIso, kDmy };

Shape ShapeOf(absl::string_view part) {
  if (absl::StrContains(part, '-')) return Shape::kIso;
  if (absl::StrContains(part, '/')) return Shape::kDmy;
  return Shape::kNone;
}

// The date part of a cell of a date-time column: up to 'T' or a space.
absl::string_view DatePart(absl::string_view trimmed, bool with_time) {
  if (!with_time) return trimmed;
  const size_t split = trimmed.find_first_of("T ");
  return trimmed.substr(0, split);
}

bool IsPlaceholder(absl::string_view part) {
  const absl::StatusOr<Date> date = Date::Parse(part, DateFormat::kAny);
  return date.ok() && *date == kMinDate;
}

// What a column of `cells` reads each as: nullopt for an error, else the
// moment read (a date column's as a date-only moment; nullopt inside for
// blank or placeholder).
using Answer = std::optional<std::optional<Moment>>;

std::vector<Answer> Reference(const std::vector<std::string>& cells,
                              bool with_time) {
  int64_t iso = 0;
  int64_t dmy = 0;
  for (const std::string& cell : cells) {
    const absl::string_view part =
        DatePart(absl::StripAsciiWhitespace(cell), with_time);
    if (part.empty() || IsPlaceholder(part)) continue;
    iso += ShapeOf(part) == Shape::kIso ? 1 : 0;
    dmy += ShapeOf(part) == Shape::kDmy ? 1 : 0;
  }
  const Shape column = iso > dmy   ? Shape::kIso
                       : dmy > iso ? Shape::kDmy
                                   : Shape::kNone;
  const DateFormat format = column == Shape::kIso   ? DateFormat::kIso
                            : column == Shape::kDmy ? DateFormat::kDmy
                                                    : DateFormat::kAny;
  std::vector<Answer> out;
  for (const std::string& cell : cells) {
    const absl::string_view trimmed = absl::StripAsciiWhitespace(cell);
    const absl::string_view part = DatePart(trimmed, with_time);
    if (part.empty() || IsPlaceholder(part)) {
      out.push_back(std::optional<Moment>());
      continue;
    }
    const Shape shape = ShapeOf(part);
    if (shape != Shape::kNone && (iso == dmy || shape != column)) {
      out.push_back(std::nullopt);
      continue;
    }
    const absl::StatusOr<Date> date = Date::Parse(part, format);
    if (!date.ok()) {
      out.push_back(std::nullopt);
      continue;
    }
    if (!with_time) {
      out.push_back(std::optional<Moment>(Moment::OnDate(*date)));
      continue;
    }
    const absl::StatusOr<Moment> moment = Moment::Parse(trimmed);
    if (!moment.ok()) {
      out.push_back(std::nullopt);
    } else {
      out.push_back(std::optional<Moment>(*moment));
    }
  }
  return out;
}

Answer Read(const DateColumn& column, const std::string& cell, bool with_time) {
  if (with_time) {
    absl::StatusOr<std::optional<Moment>> moment = column.ReadMoment(cell);
    if (!moment.ok()) return std::nullopt;
    return *moment;
  }
  absl::StatusOr<std::optional<Date>> date = column.ReadDate(cell);
  if (!date.ok()) return std::nullopt;
  if (!date->has_value()) return std::optional<Moment>();
  return std::optional<Moment>(Moment::OnDate(**date));
}

std::string RandomCell(std::mt19937* rng, bool with_time, bool iso_column,
                       bool mixed) {
  std::uniform_int_distribution<int> pick(0, 99);
  const int kind = pick(*rng);
  const int y = 1895 + pick(*rng) * 3;  // 1895-2192, a few out of range
  const int m = 1 + pick(*rng) % 13;    // now and then month 13
  const int d = 1 + pick(*rng) % 31;    // and 31 February
  std::string date;
  // One shape, or mostly one.
  const bool iso = kind < 80 || !mixed ? iso_column : !iso_column;
  if (kind < 3) return "";
  if (kind < 6) return iso ? "1900-01-01" : "01/01/1900";
  if (kind < 8) return " x ";
  if (kind < 10)
    date = absl::StrFormat("%d/%d/%04d", d, m, y);  // short
  else if (kind < 12)
    date = absl::StrFormat("%04d%02d%02d", y, m, d);
  else if (iso)
    date = absl::StrFormat("%04d-%02d-%02d", y, m, d);
  else
    date = absl::StrFormat("%02d/%02d/%04d", d, m, y);
  if (with_time) {
    const int t = pick(*rng);
    if (t < 40) {
      date += absl::StrFormat("T%02d:%02d", pick(*rng) % 25, pick(*rng) % 61);
    } else if (t < 55) {
      date += absl::StrFormat(" %02d:%02d:%02d", pick(*rng) % 24,
                              pick(*rng) % 60, pick(*rng) % 60);
    } else if (t < 60) {
      date += " 9:30";
    }
  }
  return pick(*rng) < 10 ? " " + date + " " : date;
}

TEST(DateColumn, AgreesWithTheRulesInBothPassesAndInOne) {
  int settled = 0;
  for (int seed = 0; seed < 400; ++seed) {
    std::mt19937 rng(static_cast<unsigned>(seed));
    const bool with_time = seed % 2 == 1;
    const bool iso_column = seed % 4 < 2;
    std::vector<std::string> cells;
    const int count = 1 + static_cast<int>(rng() % 40);
    for (int i = 0; i < count; ++i) {
      cells.push_back(RandomCell(&rng, with_time, iso_column, seed % 3 != 0));
    }
    const std::vector<Answer> expected = Reference(cells, with_time);

    DateColumn surveyed("COL", with_time);
    for (const std::string& cell : cells) surveyed.Survey(cell);
    for (size_t i = 0; i < cells.size(); ++i) {
      ASSERT_EQ(Read(surveyed, cells[i], with_time), expected[i])
          << "seed " << seed << ", two passes, cell '" << cells[i] << "'";
    }

    DateColumn one_pass("COL", with_time);
    one_pass.SurveyWhileReading();
    std::vector<Answer> got;
    for (const std::string& cell : cells) {
      got.push_back(Read(one_pass, cell, with_time));
    }
    if (!one_pass.Settled()) continue;
    ++settled;
    for (size_t i = 0; i < cells.size(); ++i) {
      ASSERT_EQ(got[i], expected[i])
          << "seed " << seed << ", one pass, cell '" << cells[i] << "'";
    }
  }
  // Enough columns were settled for the one-pass half to mean something.
  EXPECT_GT(settled, 60);
}

// Placeholders do not vote: two 01/01/1900 do not make a column of one ISO
// date dd/mm/yyyy, however the column is read.
TEST(DateColumn, PlaceholdersDoNotDecideTheFormat) {
  const std::vector<std::string> cells = {"01/01/1900", "01/01/1900",
                                          "2020-01-02"};
  for (const bool one_pass : {false, true}) {
    DateColumn column("COL", /*with_time=*/false);
    if (one_pass) {
      column.SurveyWhileReading();
    } else {
      for (const std::string& cell : cells) column.Survey(cell);
    }
    EXPECT_EQ(Read(column, cells[0], false), Answer(std::optional<Moment>()));
    EXPECT_EQ(Read(column, cells[2], false),
              Answer(Moment::OnDate(*Date::FromYmd(2020, 1, 2))))
        << (one_pass ? "one pass" : "two passes");
    EXPECT_TRUE(column.Settled());
  }
}

}  // namespace
}  // namespace internal
}  // namespace timescales
