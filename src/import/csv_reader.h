// File: import/csv_reader.h
//
// A CSV text read record by record with libcsv (RFC 4180: quoted fields may
// hold commas, doubled quotes and line breaks), each record handed over
// with the line it starts on, so a rejection can name it even after a
// multi-line quoted field. The first record is the header. Input must
// already have passed Utf8Text() (no BOM, no NUL bytes); CRLF, LF and bare
// CR line ends all work.
//
// A record that cannot be read as a row of the table (malformed quoting, a
// different number of fields than the header) is still handed over, with
// error() saying why, so the importer can count it and reject it with its
// line: nothing is dropped silently.
//
// Nothing is kept: a national episodes file has 13 columns and 800k rows,
// and a table of them held whole cost more memory, and time, than the
// records the importer makes of them.
//
// Example:
//
//   absl::StatusOr<CsvHeader> header = ReadCsvHeader("reviews.csv", text);
//   const int child = header->Find("child");     // case-insensitive
//   absl::Status read = ForEachCsvRow("reviews.csv", text, /*columns=*/{},
//                                     [&](const CsvRow& row) {
//     Use(row.line(), row.Cell(child));
//   });

#ifndef TSC_IMPORT_CSV_READER_H_
#define TSC_IMPORT_CSV_READER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "timescales/config.h"

TSC_NAMESPACE_BEGIN
namespace internal {

// The header row of a CSV text.
struct CsvHeader {
  std::vector<std::string> columns;  // names, trimmed, as written
  int64_t line = 0;                  // where it is (after blank lines)

  // The index of the first column called `name` (case-insensitive), or -1.
  int Find(absl::string_view name) const;
  // How many columns are called `name` (case-insensitive).
  int Count(absl::string_view name) const;
};

// One record after the header; a view, valid only during the call that
// hands it over.
class CsvRow {
 public:
  CsvRow(int64_t line, absl::string_view error, absl::string_view bytes,
         absl::Span<const size_t> field_ends, bool blank)
      : line_(line),
        error_(error),
        bytes_(bytes),
        ends_(field_ends),
        blank_(blank) {}

  // 1-based line where the record starts.
  int64_t line() const { return line_; }
  // Non-empty: the record is unusable, and why (it then has no fields).
  absl::string_view error() const { return error_; }
  // As many as the header has (a row with fewer or more is an error).
  size_t field_count() const { return ends_.size(); }
  // Every field is blank (whitespace at most), the columns not kept too.
  bool blank() const { return blank_; }
  // Field `i` (< field_count()), surrounding whitespace removed; empty for
  // a column not kept (see ForEachCsvRow).
  absl::string_view field(size_t i) const {
    const size_t begin = i == 0 ? 0 : ends_[i - 1];
    return bytes_.substr(begin, ends_[i] - begin);
  }
  // Field `column`; empty when `column` is -1 (an absent optional column)
  // or past the row's end.
  absl::string_view Cell(int column) const {
    if (column < 0 || static_cast<size_t>(column) >= field_count()) {
      return absl::string_view();
    }
    return field(static_cast<size_t>(column));
  }

 private:
  int64_t line_;
  absl::string_view error_;
  absl::string_view bytes_;        // the fields' bytes, back to back
  absl::Span<const size_t> ends_;  // where each field ends in bytes_
  bool blank_;
};

// ReadCsvHeader()
//
// Only the header row: enough to decide what kind of table a text holds.
// Errors name `name`: an empty text (no header row), a malformed header.
absl::StatusOr<CsvHeader> ReadCsvHeader(absl::string_view name,
                                        absl::string_view text);

// ForEachCsvRow()
//
// Every record of `text` after the header, in order, to `on_row`. Errors
// are those of ReadCsvHeader() and running out of memory; a bad record is
// not an error but a row with error() set. When `columns` is not empty
// only those columns' text is kept: the others read as empty (a national
// episodes file has five columns the importer never reads).
absl::Status ForEachCsvRow(absl::string_view name, absl::string_view text,
                           absl::Span<const int> columns,
                           absl::FunctionRef<void(const CsvRow&)> on_row);

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_IMPORT_CSV_READER_H_
