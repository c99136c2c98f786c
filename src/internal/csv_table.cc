// File: internal/csv_table.cc
//
// libcsv is a push parser with two callbacks (end of field, end of record)
// and no notion of lines, so the text is fed one physical line at a time:
// the line being fed when a record's first byte arrives is where the record
// starts. Blank lines between records are skipped by libcsv and by us alike.

#include "internal/csv_table.h"

#include <csv.h>

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_format.h"

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

// Strict: a stray quote is an error we can report rather than text libcsv
// silently keeps; strict fini: a quote never closed is reported at the end.
constexpr unsigned char kOptions = CSV_STRICT | CSV_STRICT_FINI;

// libcsv's own idea of a blank line (spaces and tabs before the line end).
bool IsBlankLine(absl::string_view line) {
  for (const char c : line) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  }
  return true;
}

// Owns a libcsv parser.
class Parser {
 public:
  Parser() { ok_ = csv_init(&parser_, kOptions) == 0; }
  ~Parser() { csv_free(&parser_); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  bool ok() const { return ok_; }
  csv_parser* get() { return &parser_; }
  // Starts again after a parse error (libcsv cannot resume by itself).
  void Reset() {
    csv_free(&parser_);
    ok_ = csv_init(&parser_, kOptions) == 0;
  }

 private:
  csv_parser parser_{};
  bool ok_ = false;
};

// Collects records from libcsv's callbacks.
class Collector {
 public:
  explicit Collector(size_t max_records) : max_records_(max_records) {}

  static void OnField(void* field, size_t size, void* self) {
    auto* collector = static_cast<Collector*>(self);
    // A record that starts mid-line (after a bare CR inside a LF file).
    if (!collector->in_record_) collector->Begin();
    // libcsv may pass a null buffer for an empty field.
    collector->current_.fields.push_back(
        size == 0 ? std::string()
                  : std::string(static_cast<const char*>(field), size));
  }
  static void OnRecord(int /*terminator*/, void* self) {
    static_cast<Collector*>(self)->EndRecord("");
  }

  // Called before feeding line `line`.
  void StartLine(int64_t line, absl::string_view text) {
    line_ = line;
    if (!in_record_ && !IsBlankLine(text)) Begin();
  }
  // Closes the current record; a non-empty `error` marks it unusable.
  void EndRecord(std::string error) {
    // A record that began mid-line and failed before its first field ended.
    if (!in_record_) Begin();
    current_.last_line = line_;
    current_.error = std::move(error);
    if (!current_.error.empty()) current_.fields.clear();
    records_.push_back(std::move(current_));
    current_ = CsvRow();
    in_record_ = false;
  }

  void Begin() {
    in_record_ = true;
    current_.line = line_;
  }
  const CsvRow& current() const { return current_; }
  bool full() const { return records_.size() >= max_records_; }
  std::vector<CsvRow>& records() { return records_; }

 private:
  size_t max_records_;
  int64_t line_ = 0;
  bool in_record_ = false;
  CsvRow current_;
  std::vector<CsvRow> records_;
};

// Why libcsv stopped on a record, in the words of someone fixing the file.
std::string QuotingError(const std::vector<std::string>& header, size_t field) {
  const std::string column =
      field < header.size()
          ? absl::StrFormat(" in column %s",
                            absl::StripAsciiWhitespace(header[field]))
          : absl::StrFormat(" in field %d", field + 1);
  return absl::StrFormat(
      "malformed CSV quoting%s (a quote inside an unquoted field, or text "
      "after a closing quote)",
      column);
}

// Feeds `text` line by line; stops after `max_records` records.
absl::StatusOr<std::vector<CsvRow>> Parse(absl::string_view name,
                                          absl::string_view text,
                                          size_t max_records) {
  Parser parser;
  if (!parser.ok()) {
    return absl::ResourceExhaustedError(
        absl::StrFormat("%s: cannot start the CSV parser", name));
  }
  Collector collector(max_records);
  // A file with bare CR line ends (no LF at all) is split at CR.
  const char eol = text.find('\n') == absl::string_view::npos &&
                           text.find('\r') != absl::string_view::npos
                       ? '\r'
                       : '\n';
  int64_t line_number = 0;
  size_t start = 0;
  while (start < text.size() && !collector.full()) {
    size_t end = text.find(eol, start);
    end = end == absl::string_view::npos ? text.size() : end + 1;
    const absl::string_view line = text.substr(start, end - start);
    start = end;
    collector.StartLine(++line_number, line);
    const size_t fed =
        csv_parse(parser.get(), line.data(), line.size(), &Collector::OnField,
                  &Collector::OnRecord, &collector);
    if (fed == line.size()) continue;
    if (csv_error(parser.get()) != CSV_EPARSE) {
      return absl::ResourceExhaustedError(
          absl::StrFormat("%s: line %d: %s", name, line_number,
                          csv_strerror(csv_error(parser.get()))));
    }
    // Reject the record and go on from the next line.
    const std::vector<std::string> header =
        collector.records().empty() ? std::vector<std::string>()
                                    : collector.records().front().fields;
    collector.EndRecord(
        QuotingError(header, collector.current().fields.size()));
    parser.Reset();
    if (!parser.ok()) {
      return absl::ResourceExhaustedError(
          absl::StrFormat("%s: cannot restart the CSV parser", name));
    }
  }
  if (!collector.full() && csv_fini(parser.get(), &Collector::OnField,
                                    &Collector::OnRecord, &collector) != 0) {
    // The last record opens a quoted field that is never closed, so
    // everything after its opening quote was swallowed into it.
    collector.EndRecord(absl::StrFormat(
        "a quoted field opened here is never closed (the rest of the file, "
        "to line %d, was read into it)",
        line_number));
  }
  return std::move(collector.records());
}

// Marks rows whose width differs from the header's. Trailing blank fields
// past the header are tolerated (spreadsheets add them) and dropped.
void CheckWidths(size_t width, std::vector<CsvRow>* rows) {
  for (CsvRow& row : *rows) {
    if (!row.error.empty()) continue;
    bool extra_text = false;
    for (size_t i = width; i < row.fields.size(); ++i) {
      if (!absl::StripAsciiWhitespace(row.fields[i]).empty()) extra_text = true;
    }
    if (row.fields.size() < width || extra_text) {
      row.error = absl::StrFormat("the row has %d fields; the header has %d",
                                  row.fields.size(), width);
      row.fields.clear();
    } else {
      row.fields.resize(width);
    }
  }
}

absl::Status EmptyError(absl::string_view name) {
  return absl::InvalidArgumentError(
      absl::StrFormat("%s: the file is empty (no header row)", name));
}

// Splits off and checks the header record.
absl::StatusOr<CsvRow> TakeHeader(absl::string_view name,
                                  std::vector<CsvRow>* records) {
  if (records->empty()) return EmptyError(name);
  CsvRow header = std::move(records->front());
  records->erase(records->begin());
  if (!header.error.empty()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s: line %d: the header row is unreadable: %s", name,
                        header.line, header.error));
  }
  for (std::string& column : header.fields) {
    column = std::string(absl::StripAsciiWhitespace(column));
  }
  return header;
}

}  // namespace

int CsvTable::Find(absl::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i) {
    if (absl::EqualsIgnoreCase(header[i], name)) return static_cast<int>(i);
  }
  return -1;
}

int CsvTable::Count(absl::string_view name) const {
  int count = 0;
  for (const std::string& column : header) {
    if (absl::EqualsIgnoreCase(column, name)) ++count;
  }
  return count;
}

absl::StatusOr<CsvTable> ReadCsv(absl::string_view name,
                                 absl::string_view text) {
  absl::StatusOr<std::vector<CsvRow>> records =
      Parse(name, text, static_cast<size_t>(-1));
  if (!records.ok()) return records.status();
  absl::StatusOr<CsvRow> header = TakeHeader(name, &*records);
  if (!header.ok()) return header.status();
  CsvTable table;
  table.header = std::move(header->fields);
  table.header_line = header->line;
  table.rows = *std::move(records);
  CheckWidths(table.header.size(), &table.rows);
  return table;
}

absl::StatusOr<std::vector<std::string>> ReadCsvHeader(absl::string_view name,
                                                       absl::string_view text) {
  absl::StatusOr<std::vector<CsvRow>> records = Parse(name, text, 1);
  if (!records.ok()) return records.status();
  absl::StatusOr<CsvRow> header = TakeHeader(name, &*records);
  if (!header.ok()) return header.status();
  return std::move(header->fields);
}

absl::string_view Cell(const CsvRow& row, int column) {
  if (column < 0 || static_cast<size_t>(column) >= row.fields.size()) {
    return absl::string_view();
  }
  return absl::StripAsciiWhitespace(row.fields[static_cast<size_t>(column)]);
}

}  // namespace internal
TSC_NAMESPACE_END
