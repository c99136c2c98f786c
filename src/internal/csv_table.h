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
// error() saying why, so the importer can count it and reject it with its
// line: nothing is dropped silently.
//
// The table is compact: the bytes of every field sit in one buffer, and a
// row is a line number and a range of field offsets. A national meetings.csv
// has millions of rows; a string per field and a vector per row made the
// table several times larger than the file.
//
// Example:
//
//   absl::StatusOr<CsvTable> table = ReadCsv("reviews.csv", text);
//   const int child = table->Find("child");     // case-insensitive
//   for (size_t i = 0; i < table->row_count(); ++i) {
//     const CsvRow row = table->row(i);
//     Use(row.Cell(child));
//   }

#ifndef TSC_INTERNAL_CSV_TABLE_H_
#define TSC_INTERNAL_CSV_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "timescales/config.h"

TSC_NAMESPACE_BEGIN
namespace internal {

class CsvTable;

// One record of a CsvTable; a view, valid as long as the table.
class CsvRow {
 public:
  // 1-based line where the record starts.
  int64_t line() const;
  // Non-empty: the record is unusable, and why (it then has no fields).
  absl::string_view error() const;
  size_t field_count() const;
  // Field `i` (< field_count()) exactly as read.
  absl::string_view field(size_t i) const;
  // Field `column` with surrounding whitespace removed; empty when `column`
  // is -1 (an absent optional column) or past the row's end.
  absl::string_view Cell(int column) const;

 private:
  friend class CsvTable;
  CsvRow(const CsvTable* table, size_t index) : table_(table), index_(index) {}

  const CsvTable* table_;
  size_t index_;
};

class CsvTable {
 public:
  std::vector<std::string> header;  // column names, trimmed, as written
  int64_t header_line = 0;

  // ReadCsv() refuses texts this long: field offsets are 32-bit.
  static constexpr uint64_t kMaxBytes = uint64_t{1} << 32;

  size_t row_count() const { return rows_.size(); }
  CsvRow row(size_t i) const { return CsvRow(this, i); }

  // The index of the first column called `name` (case-insensitive), or -1.
  int Find(absl::string_view name) const;
  // How many columns are called `name` (case-insensitive).
  int Count(absl::string_view name) const;

 private:
  friend class CsvRow;
  friend class CsvBuilder;

  struct RowSpan {
    int64_t line = 0;
    size_t first_field = 0;  // index into field_ends_
    uint32_t field_count = 0;
    int32_t error = -1;  // index into errors_, or -1
  };

  absl::string_view Field(size_t index) const {
    const size_t begin = index == 0 ? 0 : field_ends_[index - 1];
    return absl::string_view(bytes_).substr(begin, field_ends_[index] - begin);
  }

  std::string bytes_;                 // every field's bytes, back to back
  std::vector<uint32_t> field_ends_;  // where each field ends in bytes_
  std::vector<RowSpan> rows_;
  std::vector<std::string> errors_;
};

// Inline: the importers call these for every cell of millions of rows.
inline int64_t CsvRow::line() const { return table_->rows_[index_].line; }

inline absl::string_view CsvRow::error() const {
  const int32_t error = table_->rows_[index_].error;
  return error < 0 ? absl::string_view()
                   : table_->errors_[static_cast<size_t>(error)];
}

inline size_t CsvRow::field_count() const {
  return table_->rows_[index_].field_count;
}

inline absl::string_view CsvRow::field(size_t i) const {
  return table_->Field(table_->rows_[index_].first_field + i);
}

inline absl::string_view CsvRow::Cell(int column) const {
  if (column < 0 || static_cast<size_t>(column) >= field_count()) {
    return absl::string_view();
  }
  return absl::StripAsciiWhitespace(field(static_cast<size_t>(column)));
}

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

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_INTERNAL_CSV_TABLE_H_
