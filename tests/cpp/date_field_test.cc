// Date columns (import/date_field.h) against a plain restatement of their
// rules (docs/inputs.md#dates) over random columns: cells written in full
// and not, real and impossible dates, both shapes mixed in various
// proportions, day/month and month/day orders, two-digit years,
// placeholders and blank markers, times in every exported form, offsets
// and junk. Read after a whole-column survey, and in one pass with the
// survey as it reads (the answers must agree whenever the column says its
// one-pass reads stand).

#include "import/date_field.h"

#include <optional>
#include <random>
#include <regex>
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

enum class Shape { kNone, kIso, kSlashed };

Shape ShapeOf(const std::string& part) {
  if (absl::StrContains(part, '-')) return Shape::kIso;
  if (absl::StrContains(part, '/')) return Shape::kSlashed;
  return Shape::kNone;
}

bool BlankMarker(const std::string& t) {
  const std::string lower = absl::AsciiStrToLower(t);
  return t.empty() || lower == "null" || lower == "nat" || lower == "nan" ||
         lower == "none";
}

// A cell taken apart: the date part up to the first 'T' or space, and the
// time after it, read by one regular expression.
struct Cell {
  std::string date;
  bool time_ok = true;
  bool has_time = false;
  int minute = 0;
  int second = 0;
  std::optional<int> offset;
};

Cell Split(const std::string& trimmed) {
  Cell cell;
  const size_t split = trimmed.find_first_of("T ");
  cell.date = trimmed.substr(0, split);
  if (split == std::string::npos) return cell;
  static const std::regex kTime(
      R"(^\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*)"
      R"((AM|PM|am|pm|Am|Pm|aM|pM)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?\s*$)");
  std::smatch m;
  const std::string time = trimmed.substr(split + 1);
  if (!std::regex_match(time, m, kTime)) {
    cell.time_ok = false;
    return cell;
  }
  int hours = std::stoi(m[1]);
  const int minutes = std::stoi(m[2]);
  const int seconds = m[3].matched ? std::stoi(m[3]) : 0;
  if (m[4].matched) {
    if (hours < 1 || hours > 12) cell.time_ok = false;
    const bool pm = absl::AsciiStrToLower(std::string(m[4])) == "pm";
    hours = hours % 12 + (pm ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) cell.time_ok = false;
  if (m[5].matched) {
    const std::string z = m[5];
    if (z == "Z" || z == "z") {
      cell.offset = 0;
    } else {
      const int sign = z[0] == '-' ? -1 : 1;
      const int oh = std::stoi(z.substr(1, 2));
      const std::string rest = z.size() > 3 ? z.substr(z.size() - 2) : "00";
      const int om = std::stoi(rest);
      if (oh > 14 || om > 59) cell.time_ok = false;
      cell.offset = sign * (oh * 60 + om);
    }
  }
  cell.has_time = true;
  cell.minute = hours * 60 + minutes;
  cell.second = seconds;
  return cell;
}

bool IsPlaceholder(const std::string& part) {
  const absl::StatusOr<Date> date = Date::Parse(part, DateFormat::kAny);
  return date.ok() && *date == kMinDate;
}

// d/m/y (or m/d/y): the two numbers before the slashes, one or two digits.
bool Fields(const std::string& part, int* first, int* second, int* year,
            size_t* year_digits) {
  static const std::regex kSlashed(R"(^(\d{1,2})/(\d{1,2})/(\d+)$)");
  std::smatch m;
  if (!std::regex_match(part, m, kSlashed)) return false;
  *first = std::stoi(m[1]);
  *second = std::stoi(m[2]);
  *year_digits = m[3].length();
  *year = *year_digits <= 4 ? std::stoi(m[3]) : -1;
  return true;
}

// What a column of `cells` reads each as: nullopt for an error, else the
// moment read (a date column's as a date-only moment; nullopt inside for
// blank or placeholder).
using Answer = std::optional<std::optional<Moment>>;

std::vector<Answer> Reference(const std::vector<std::string>& cells,
                              bool with_time, DateReading reading) {
  int64_t iso = 0;
  int64_t slashed = 0;
  int64_t day_first = 0;
  int64_t month_first = 0;
  for (const std::string& cell : cells) {
    const std::string trimmed(absl::StripAsciiWhitespace(cell));
    if (BlankMarker(trimmed)) continue;
    const std::string part = Split(trimmed).date;
    if (BlankMarker(part) || IsPlaceholder(part)) continue;
    const Shape shape = ShapeOf(part);
    iso += shape == Shape::kIso;
    if (shape != Shape::kSlashed) continue;
    ++slashed;
    int first = 0, second = 0, year = 0;
    size_t digits = 0;
    // The survey reads the two numbers whatever the year is like.
    static const std::regex kTwo(R"(^(\d{1,2})/(\d{1,2})/.*$)");
    std::smatch m;
    if (std::regex_match(part, m, kTwo)) {
      first = std::stoi(m[1]);
      second = std::stoi(m[2]);
      if (first > 12) {
        ++day_first;
      } else if (second > 12) {
        ++month_first;
      }
    }
    (void)year;
    (void)digits;
  }
  const Shape column = iso > slashed   ? Shape::kIso
                       : slashed > iso ? Shape::kSlashed
                                       : Shape::kNone;
  const bool refused =
      reading.order == DateOrder::kAuto && month_first > 0 && day_first == 0;
  const bool day_month = reading.order != DateOrder::kMonthDay;
  std::vector<Answer> out;
  for (const std::string& cell : cells) {
    const std::string trimmed(absl::StripAsciiWhitespace(cell));
    if (BlankMarker(trimmed)) {
      out.push_back(std::optional<Moment>());
      continue;
    }
    const Cell split = Split(trimmed);
    if (IsPlaceholder(split.date)) {
      out.push_back(std::optional<Moment>());
      continue;
    }
    if (!split.time_ok) {
      out.push_back(std::nullopt);
      continue;
    }
    if (BlankMarker(split.date)) {
      out.push_back(std::optional<Moment>());
      continue;
    }
    const Shape shape = ShapeOf(split.date);
    if (shape != Shape::kNone && (iso == slashed || shape != column)) {
      out.push_back(std::nullopt);
      continue;
    }
    std::optional<Date> date;
    static const std::regex kIso(R"(^(\d{4})-(\d{2})-(\d{2})$)");
    std::smatch m;
    int first = 0, second = 0, year = 0;
    size_t digits = 0;
    if (std::regex_match(split.date, m, kIso)) {
      absl::StatusOr<Date> d =
          Date::FromYmd(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
      if (d.ok()) date = *d;
    } else if (shape == Shape::kSlashed && !refused &&
               Fields(split.date, &first, &second, &year, &digits)) {
      if (digits == 2 && reading.two_digit_years_from) {
        const int from = *reading.two_digit_years_from;
        year = from - from % 100 + year;
        if (year < from) year += 100;
      } else if (digits != 4) {
        year = -1;
      }
      if (year > 0) {
        absl::StatusOr<Date> d = Date::FromYmd(year, day_month ? second : first,
                                               day_month ? first : second);
        if (d.ok()) date = *d;
      }
    }
    if (!date) {
      out.push_back(std::nullopt);
      continue;
    }
    if (*date == kMinDate) {
      out.push_back(std::optional<Moment>());
      continue;
    }
    if (!with_time || !split.has_time) {
      out.push_back(std::optional<Moment>(Moment::OnDate(*date)));
      continue;
    }
    if (split.offset) {
      absl::StatusOr<Moment> london =
          MomentFromUtcOffset(*date, split.minute, *split.offset);
      out.push_back(london.ok() ? Answer(std::optional<Moment>(*london))
                                : Answer(std::nullopt));
      continue;
    }
    out.push_back(std::optional<Moment>(Moment{*date, split.minute}));
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
                       bool mixed, bool us_column) {
  std::uniform_int_distribution<int> pick(0, 99);
  const int kind = pick(*rng);
  const int y = 1895 + pick(*rng) * 3;  // 1895-2192, a few out of range
  const int m = 1 + pick(*rng) % 13;    // now and then month 13
  const int d = 1 + pick(*rng) % 31;    // and 31 February
  std::string date;
  // One shape, or mostly one.
  const bool iso = kind < 80 || !mixed ? iso_column : !iso_column;
  if (kind < 3) return "";
  if (kind < 5) return iso ? "1900-01-01" : "01/01/1900";
  if (kind < 6) return pick(*rng) < 50 ? "NULL" : "NaT";
  if (kind < 7) return " x ";
  if (kind < 9) {
    date = absl::StrFormat("%d/%d/%02d", d, m, y % 100);  // two-digit year
  } else if (kind < 11) {
    date = absl::StrFormat("%d/%d/%04d", d, m, y);  // short
  } else if (kind < 12) {
    date = absl::StrFormat("%04d%02d%02d", y, m, d);
  } else if (iso) {
    date = absl::StrFormat("%04d-%02d-%02d", y, m, d);
  } else if (us_column) {
    date = absl::StrFormat("%02d/%02d/%04d", m, 1 + d % 28, y);
  } else {
    date = absl::StrFormat("%02d/%02d/%04d", d, m, y);
  }
  const int t = pick(*rng);
  const bool timed = with_time ? t < 70 : t < 25;
  if (timed) {
    const int form = pick(*rng) % 9;
    if (form == 0) {
      date += absl::StrFormat("T%02d:%02d", pick(*rng) % 25, pick(*rng) % 61);
    } else if (form == 1) {
      date += absl::StrFormat(" %02d:%02d:%02d", pick(*rng) % 24,
                              pick(*rng) % 60, pick(*rng) % 60);
    } else if (form == 2) {
      date += " 9:30";
    } else if (form == 3) {
      date += " 00:00:00.000";  // SQL Server
    } else if (form == 4) {
      date += absl::StrFormat(" %d:%02d %s", pick(*rng) % 14, pick(*rng) % 60,
                              pick(*rng) < 50 ? "AM" : "PM");
    } else if (form == 5) {
      date +=
          absl::StrFormat("T%02d:%02d:00Z", pick(*rng) % 24, pick(*rng) % 60);
    } else if (form == 6) {
      date +=
          absl::StrFormat("T%02d:%02d+01:00", pick(*rng) % 24, pick(*rng) % 60);
    } else if (form == 7) {
      date += " 00:00";
    } else {
      date += " 25:99";
    }
  }
  return pick(*rng) < 10 ? " " + date + " " : date;
}

TEST(DateColumn, AgreesWithTheRulesInBothPassesAndInOne) {
  int settled = 0;
  int refused = 0;
  for (int seed = 0; seed < 800; ++seed) {
    std::mt19937 rng(static_cast<unsigned>(seed));
    const bool with_time = seed % 2 == 1;
    const bool iso_column = seed % 4 < 2;
    const bool us_column = seed % 5 == 0;
    DateReading reading;
    if (seed % 7 == 0) reading.order = DateOrder::kMonthDay;
    if (seed % 11 == 0) reading.order = DateOrder::kDayMonth;
    if (seed % 3 == 0) reading.two_digit_years_from = 1950;
    std::vector<std::string> cells;
    const int count = 1 + static_cast<int>(rng() % 40);
    for (int i = 0; i < count; ++i) {
      cells.push_back(
          RandomCell(&rng, with_time, iso_column, seed % 3 != 0, us_column));
    }
    const std::vector<Answer> expected = Reference(cells, with_time, reading);

    DateColumn surveyed("COL", with_time, reading);
    for (const std::string& cell : cells) surveyed.Survey(cell);
    for (size_t i = 0; i < cells.size(); ++i) {
      ASSERT_EQ(Read(surveyed, cells[i], with_time), expected[i])
          << "seed " << seed << ", two passes, cell '" << cells[i] << "'";
    }

    DateColumn one_pass("COL", with_time, reading);
    one_pass.SurveyWhileReading();
    std::vector<Answer> got;
    for (const std::string& cell : cells) {
      got.push_back(Read(one_pass, cell, with_time));
    }
    if (!one_pass.Settled()) {
      ++refused;
      continue;
    }
    ++settled;
    for (size_t i = 0; i < cells.size(); ++i) {
      ASSERT_EQ(got[i], expected[i])
          << "seed " << seed << ", one pass, cell '" << cells[i] << "'";
    }
  }
  // Enough columns were settled for the one-pass half to mean something,
  // and enough were not for the two-pass half.
  EXPECT_GT(settled, 100);
  EXPECT_GT(refused, 100);
}

// Placeholders do not vote: two 01/01/1900 do not make a column of one ISO
// date dd/mm/yyyy, however the column is read.
TEST(DateColumn, PlaceholdersDoNotDecideTheFormat) {
  const std::vector<std::string> cells = {"01/01/1900", "01/01/1900",
                                          "2020-01-02"};
  for (const bool one_pass : {false, true}) {
    DateColumn column("COL", /*with_time=*/false, DateReading());
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
