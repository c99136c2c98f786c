// File: internal/csv_table.h
//
// A CSV file read whole into memory with libcsv (RFC 4180: quoted fields may
// hold commas, doubled quotes and line breaks), keeping for every record the
// line it starts on, so a rejection can name it even after a multi-line
// quoted field. The first record is the header. Input must already have
// passed Utf8Text() (no BOM, no NUL bytes); CRLF, LF and bare CR line ends
// all work.
//
// A record that cannot be read as a row of the table (malformed quoting, a
// different number of fields than the header) is still returned, with
// `error` saying why, so the importer can count it and reject it with its
// line: nothing is dropped silently.
//
// Example:
//
//   absl::StatusOr<CsvTable> table = ReadCsv("reviews.csv", text);
//   const int child = table->Find("child");     // case-insensitive
//   for (const CsvRow& row : table->rows) Use(Cell(row, child));

#ifndef TSC_INTERNAL_CSV_TABLE_H_
#define TSC_INTERNAL_CSV_TABLE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "timescales/config.h"

TSC_NAMESPACE_BEGIN
namespace internal {

struct CsvRow {
  int64_t line = 0;       // 1-based line where the record starts
  int64_t last_line = 0;  // where it ends (later when a quoted field spans)
  std::vector<std::string> fields;
  std::string error;  // non-empty: the record is unusable, and why
};

struct CsvTable {
  std::vector<std::string> header;  // column names, trimmed, as written
  int64_t header_line = 0;
  std::vector<CsvRow> rows;

  // The index of the first column called `name` (case-insensitive), or -1.
  int Find(absl::string_view name) const;
  // How many columns are called `name` (case-insensitive).
  int Count(absl::string_view name) const;
};

// ReadCsv()
//
// Every record of `text` (already UTF-8 checked). Errors name `name`: an
// empty file (no header row), a malformed header row, out of memory.
absl::StatusOr<CsvTable> ReadCsv(absl::string_view name,
                                 absl::string_view text);

// ReadCsvHeader()
//
// Only the header row: enough to decide what kind of table a file holds.
absl::StatusOr<std::vector<std::string>> ReadCsvHeader(absl::string_view name,
                                                       absl::string_view text);

// Cell()
//
// Field `column` of `row`, with surrounding whitespace removed; empty when
// `column` is -1 (an absent optional column) or past the row's end.
absl::string_view Cell(const CsvRow& row, int column);

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_INTERNAL_CSV_TABLE_H_
