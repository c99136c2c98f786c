// File: internal/csv_table.cc
//
// libcsv is a push parser with two callbacks (end of field, end of record)
// and no notion of lines, so the text is fed one physical line at a time:
// the line being fed when a record's first byte arrives is where the record
// starts. Blank lines between records are skipped by libcsv and by us alike.

#include "internal/csv_table.h"

#include <csv.h>

#include <algorithm>
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

}  // namespace

// Collects records from libcsv's callbacks: the first (the header) as
// strings, the rest straight into the compact table. (Outside the anonymous
// namespace: CsvTable names it as a friend.)
class CsvBuilder {
 public:
  explicit CsvBuilder(size_t max_records) : max_records_(max_records) {}

  static void OnField(void* field, size_t size, void* self) {
    auto* builder = static_cast<CsvBuilder*>(self);
    // A record that starts mid-line (after a bare CR inside a LF file).
    if (!builder->in_record_) builder->Begin();
    // libcsv may pass a null buffer for an empty field.
    builder->AddField(absl::string_view(
        size == 0 ? "" : static_cast<const char*>(field), size));
  }
  static void OnRecord(int /*terminator*/, void* self) {
    static_cast<CsvBuilder*>(self)->EndRecord("");
  }

  // Room for a text of `size` bytes and about `lines` records: the fields
  // never hold more bytes than the text.
  void Reserve(size_t size, size_t lines) {
    table_.bytes_.reserve(size);
    table_.rows_.reserve(lines);
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
    if (records_ == 0) {
      header_line_ = line_at_begin_;
      header_error_ = std::move(error);
      if (!header_error_.empty()) header_.clear();
      // Room for the rows, guessed from the header's width.
      table_.field_ends_.reserve(table_.rows_.capacity() *
                                 std::max<size_t>(header_.size(), 1));
      in_record_ = false;
      ++records_;
      return;
    }
    if (error.empty()) error = CheckWidth();
    CsvTable::RowSpan span;
    span.line = line_at_begin_;
    span.first_field = first_field_;
    if (error.empty()) {
      span.field_count = static_cast<uint32_t>(FieldsInRecord());
    } else {
      Truncate(first_field_);
      span.error = static_cast<int32_t>(table_.errors_.size());
      table_.errors_.push_back(std::move(error));
    }
    table_.rows_.push_back(span);
    in_record_ = false;
    ++records_;
  }

  // Fields of the record being read so far (0 between records).
  size_t FieldsInRecord() const {
    if (!in_record_) return 0;
    return records_ == 0 ? header_.size()
                         : table_.field_ends_.size() - first_field_;
  }
  bool full() const { return records_ >= max_records_; }
  size_t records() const { return records_; }
  // The header's fields, as read: empty until it has ended, and when it
  // is unreadable.
  const std::vector<std::string>& header() const {
    static const auto* const kNone = new std::vector<std::string>();
    return records_ == 0 ? *kNone : header_;
  }
  int64_t header_line() const { return header_line_; }
  const std::string& header_error() const { return header_error_; }
  CsvTable Finish() && { return std::move(table_); }

 private:
  void Begin() {
    in_record_ = true;
    line_at_begin_ = line_;
    first_field_ = table_.field_ends_.size();
  }
  void AddField(absl::string_view field) {
    if (records_ == 0) {
      header_.emplace_back(field);
      return;
    }
    table_.bytes_.append(field.data(), field.size());
    table_.field_ends_.push_back(static_cast<uint32_t>(table_.bytes_.size()));
  }
  // Drops the fields of the current record from `first` on.
  void Truncate(size_t first) {
    if (first < table_.field_ends_.size()) {
      table_.bytes_.resize(first == 0 ? 0 : table_.field_ends_[first - 1]);
      table_.field_ends_.resize(first);
    }
  }
  // Why the record cannot be a row of a table as wide as the header, or "".
  // Trailing blank fields past the header are tolerated (spreadsheets add
  // them) and dropped.
  std::string CheckWidth() {
    const size_t width = header_.size();
    const size_t count = FieldsInRecord();
    bool extra_text = false;
    for (size_t i = width; i < count; ++i) {
      if (!absl::StripAsciiWhitespace(table_.Field(first_field_ + i)).empty()) {
        extra_text = true;
      }
    }
    if (count < width || extra_text) {
      return absl::StrFormat("the row has %d fields; the header has %d", count,
                             width);
    }
    Truncate(first_field_ + width);
    return "";
  }

  size_t max_records_;
  int64_t line_ = 0;
  bool in_record_ = false;
  int64_t line_at_begin_ = 0;
  size_t first_field_ = 0;  // the current record's first field in table_
  size_t records_ = 0;      // records ended so far, the header included
  std::vector<std::string> header_;
  int64_t header_line_ = 0;
  std::string header_error_;
  CsvTable table_;
};

namespace {

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

// Feeds `text` line by line into `builder`; stops once it is full.
absl::Status Parse(absl::string_view name, absl::string_view text,
                   CsvBuilder* builder) {
  Parser parser;
  if (!parser.ok()) {
    return absl::ResourceExhaustedError(
        absl::StrFormat("%s: cannot start the CSV parser", name));
  }
  // A file with bare CR line ends (no LF at all) is split at CR.
  const char eol = text.find('\n') == absl::string_view::npos &&
                           text.find('\r') != absl::string_view::npos
                       ? '\r'
                       : '\n';
  int64_t line_number = 0;
  size_t start = 0;
  while (start < text.size() && !builder->full()) {
    size_t end = text.find(eol, start);
    end = end == absl::string_view::npos ? text.size() : end + 1;
    const absl::string_view line = text.substr(start, end - start);
    start = end;
    builder->StartLine(++line_number, line);
    const size_t fed =
        csv_parse(parser.get(), line.data(), line.size(), &CsvBuilder::OnField,
                  &CsvBuilder::OnRecord, builder);
    if (fed == line.size()) continue;
    if (csv_error(parser.get()) != CSV_EPARSE) {
      return absl::ResourceExhaustedError(
          absl::StrFormat("%s: line %d: %s", name, line_number,
                          csv_strerror(csv_error(parser.get()))));
    }
    // Reject the record and go on from the next line.
    builder->EndRecord(
        QuotingError(builder->header(), builder->FieldsInRecord()));
    parser.Reset();
    if (!parser.ok()) {
      return absl::ResourceExhaustedError(
          absl::StrFormat("%s: cannot restart the CSV parser", name));
    }
  }
  if (!builder->full() && csv_fini(parser.get(), &CsvBuilder::OnField,
                                   &CsvBuilder::OnRecord, builder) != 0) {
    // The last record opens a quoted field that is never closed, so
    // everything after its opening quote was swallowed into it.
    builder->EndRecord(absl::StrFormat(
        "a quoted field opened here is never closed (the rest of the file, "
        "to line %d, was read into it)",
        line_number));
  }
  return absl::OkStatus();
}

absl::Status EmptyError(absl::string_view name) {
  return absl::InvalidArgumentError(
      absl::StrFormat("%s: the file is empty (no header row)", name));
}

// Checks the header record and returns its column names, trimmed.
absl::StatusOr<std::vector<std::string>> TakeHeader(absl::string_view name,
                                                    const CsvBuilder& builder) {
  if (builder.records() == 0) return EmptyError(name);
  if (!builder.header_error().empty()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s: line %d: the header row is unreadable: %s", name,
                        builder.header_line(), builder.header_error()));
  }
  std::vector<std::string> header = builder.header();
  for (std::string& column : header) {
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
  // Field offsets are 32-bit: half the index of a national extract.
  if (uint64_t{text.size()} >= CsvTable::kMaxBytes) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s: the file is %d bytes; CSV files of 4 GiB or more are not read "
        "(split the extract by year)",
        name, text.size()));
  }
  CsvBuilder builder(static_cast<size_t>(-1));
  builder.Reserve(
      text.size(),
      static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  const absl::Status parsed = Parse(name, text, &builder);
  if (!parsed.ok()) return parsed;
  absl::StatusOr<std::vector<std::string>> header = TakeHeader(name, builder);
  if (!header.ok()) return header.status();
  const int64_t header_line = builder.header_line();
  CsvTable table = std::move(builder).Finish();
  table.header = *std::move(header);
  table.header_line = header_line;
  return table;
}

absl::StatusOr<std::vector<std::string>> ReadCsvHeader(absl::string_view name,
                                                       absl::string_view text) {
  CsvBuilder builder(1);
  const absl::Status parsed = Parse(name, text, &builder);
  if (!parsed.ok()) return parsed;
  return TakeHeader(name, builder);
}

}  // namespace internal
TSC_NAMESPACE_END
