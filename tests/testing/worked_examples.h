// File: testing/worked_examples.h
//
// The hand-checked worked examples of tests/data/working-days.csv and
// tests/data/due-dates.csv (shared with the C, Python and CLI suites), read
// at run time from TSC_TEST_DATA_DIR for parameterised tests. The dates are
// read with sscanf and Date::FromYmd, not with the parsers under test.
//
// Example:
//   INSTANTIATE_TEST_SUITE_P(
//       Domain6, WorkedExampleTest,
//       ::testing::ValuesIn(testing::WorkingDayExamples().rows));

#ifndef TSC_TESTING_WORKED_EXAMPLES_H_
#define TSC_TESTING_WORKED_EXAMPLES_H_

#include <cstdio>
#include <fstream>
#include <ostream>
#include <string>
#include <vector>

#include "timescales/date.h"
#include "timescales/moment.h"

#ifndef TSC_TEST_DATA_DIR
#error "TSC_TEST_DATA_DIR must name tests/data"
#endif

namespace timescales {
namespace testing {

// A row of working-days.csv: `n` working days after `event` is `due`.
struct WorkingDayExample {
  Date event;
  int n = 0;
  Date due;
  std::string id;    // e.g. "6.1", worked example 1; "-" for none
  std::string name;  // e.g. "christmas_2019"
  std::string note;  // e.g. "Christmas 2019"
};

// A row of due-dates.csv: `rule` from `anchor` is due `legal_due`, and on
// the working day `practical_due`.
struct DueExample {
  std::string id;
  std::string name;
  std::string rule;
  Moment anchor;
  Moment legal_due;
  Date practical_due;
  std::string note;
};

// What a parameterised test prints for its parameter, and so the name
// ctest gives the test: "6.1 christmas_2019".
inline void PrintTo(const WorkingDayExample& e, std::ostream* os) {
  *os << e.id << " " << e.name;
}
inline void PrintTo(const DueExample& e, std::ostream* os) {
  *os << e.id << " " << e.name;
}

// A table as read: its rows, and the first problem met ("" for none).
template <typename Row>
struct ExampleTable {
  std::vector<Row> rows;
  std::string error;
};

namespace worked_examples_internal {

// `yyyy-mm-dd`, or with `time_allowed`, `yyyy-mm-ddTHH:MM` too.
inline bool ParseMoment(const std::string& text, bool time_allowed,
                        Moment* out) {
  int y = 0, m = 0, d = 0, hh = 0, mm = 0, used = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &y, &m, &d, &used) != 3 ||
      used != 10) {
    return false;
  }
  const absl::StatusOr<Date> date = Date::FromYmd(y, m, d);
  if (!date.ok()) return false;
  if (text.size() == 10) {
    *out = Moment::OnDate(*date);
    return true;
  }
  int more = 0;
  if (!time_allowed || text.size() != 16 ||
      std::sscanf(text.c_str() + 10, "T%2d:%2d%n", &hh, &mm, &more) != 2 ||
      more != 6 || hh > 23 || mm > 59) {
    return false;
  }
  *out = Moment{*date, hh * 60 + mm};
  return true;
}

// The data lines of `file` split at commas, after checking that the first
// line that is neither blank nor a `#` comment is `header`.
inline std::vector<std::vector<std::string>> ReadCsv(const std::string& file,
                                                     const std::string& header,
                                                     size_t columns,
                                                     std::string* error) {
  std::vector<std::vector<std::string>> out;
  std::ifstream in(std::string(TSC_TEST_DATA_DIR) + "/" + file);
  if (!in) {
    *error = file + ": cannot read";
    return out;
  }
  std::string line;
  bool seen_header = false;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const std::string where = file + ":" + std::to_string(number) + ": ";
    if (!seen_header) {
      seen_header = true;
      if (line != header) {
        *error = where + "header is not " + header;
        return out;
      }
      continue;
    }
    std::vector<std::string> fields(1);
    for (char c : line) {
      if (c == ',') {
        fields.emplace_back();
      } else {
        fields.back() += c;
      }
    }
    if (fields.size() != columns) {
      *error = where + std::to_string(fields.size()) + " fields, not " +
               std::to_string(columns);
      return out;
    }
    fields.push_back(where);  // for the caller's messages
    out.push_back(std::move(fields));
  }
  if (!seen_header) *error = file + ": no header";
  return out;
}

inline ExampleTable<WorkingDayExample> ReadWorkingDays() {
  ExampleTable<WorkingDayExample> table;
  for (const std::vector<std::string>& f : ReadCsv(
           "working-days.csv", "event,n,due,id,name,note", 6, &table.error)) {
    WorkingDayExample e;
    Moment event, due;
    int used = 0;
    if (!ParseMoment(f[0], false, &event) || !ParseMoment(f[2], false, &due) ||
        std::sscanf(f[1].c_str(), "%d%n", &e.n, &used) != 1 ||
        used != static_cast<int>(f[1].size()) || f[3].empty() || f[4].empty()) {
      table.error = f[6] + "bad row";
      break;
    }
    e.event = event.date;
    e.due = due.date;
    e.id = f[3];
    e.name = f[4];
    e.note = f[5];
    table.rows.push_back(e);
  }
  return table;
}

inline ExampleTable<DueExample> ReadDueDates() {
  ExampleTable<DueExample> table;
  for (const std::vector<std::string>& f : ReadCsv(
           "due-dates.csv", "id,name,rule,anchor,legal_due,practical_due,note",
           7, &table.error)) {
    DueExample e;
    Moment practical;
    if (f[0].empty() || f[1].empty() || f[2].empty() ||
        !ParseMoment(f[3], true, &e.anchor) ||
        !ParseMoment(f[4], true, &e.legal_due) ||
        !ParseMoment(f[5], false, &practical)) {
      table.error = f[7] + "bad row";
      break;
    }
    e.id = f[0];
    e.name = f[1];
    e.rule = f[2];
    e.practical_due = practical.date;
    e.note = f[6];
    table.rows.push_back(e);
  }
  return table;
}

}  // namespace worked_examples_internal

// tests/data/working-days.csv, read once.
inline const ExampleTable<WorkingDayExample>& WorkingDayExamples() {
  static const ExampleTable<WorkingDayExample>* const kTable =
      new ExampleTable<WorkingDayExample>(
          worked_examples_internal::ReadWorkingDays());
  return *kTable;
}

// tests/data/due-dates.csv, read once.
inline const ExampleTable<DueExample>& DueExamples() {
  static const ExampleTable<DueExample>* const kTable =
      new ExampleTable<DueExample>(worked_examples_internal::ReadDueDates());
  return *kTable;
}

}  // namespace testing
}  // namespace timescales

#endif  // TSC_TESTING_WORKED_EXAMPLES_H_
