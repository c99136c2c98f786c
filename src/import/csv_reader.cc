// File: import/csv_reader.cc
//
// libcsv is a push parser with two callbacks (end of field, end of record)
// and no notion of lines or positions. It is fed large pieces of the text
// (a line at a time cost a third more), and lines are counted from what it
// reports: with CSV_REPALL_NL every line end outside quotes comes back
// through the record callback, and a line end inside a quoted field is in
// that field's text. A record starts on the line counted when its first
// field (or its error) arrives. Blank lines between records are skipped.
//
// "Line end" is LF, or CR in a file with no LF at all; a CR in a LF file
// ends a record but not a line, as a text editor shows it.

#include "import/csv_reader.h"

#include <csv.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "import/text_input.h"

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

// Strict: a stray quote is an error we can report rather than text libcsv
// silently keeps; strict fini: a quote never closed is reported at the end;
// every line end outside quotes reported, blank lines' too (for counting).
constexpr unsigned char kOptions = CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL;

// How much text one call to libcsv gets: large enough that the calls cost
// nothing, small enough that reading only the header stops soon.
constexpr size_t kPiece = size_t{1} << 16;

// libcsv grows the buffer of the field being read by its block size (128
// bytes) at a time, each step a realloc: a 50 MB field (or the rest of a
// file swallowed by a quote never closed) took 400,000 of them, copying ever
// more, for minutes. After each piece the block size is set to the buffer's
// size, so the buffer at least doubles when it grows: linear in all.
constexpr size_t kMinBlock = 128;
void GrowGeometrically(csv_parser* parser) {
  csv_set_blk_size(parser, std::max(kMinBlock, csv_get_buffer_size(parser)));
}

// The character that ends a line of `text`.
char LineEnd(absl::string_view text) {
  return text.find('\n') == absl::string_view::npos &&
                 text.find('\r') != absl::string_view::npos
             ? '\r'
             : '\n';
}

// absl::StripAsciiWhitespace, written out for the one call per field of
// the file: the same six characters, without the table lookups.
absl::string_view Trim(absl::string_view text) {
  const auto space = [](char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  };
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && space(text[begin])) ++begin;
  while (end > begin && space(text[end - 1])) --end;
  return text.substr(begin, end - begin);
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

// Collects records from libcsv's callbacks: the first (the header) as
// strings, then each row in turn, handed to `on_row` as it ends.
class CsvBuilder {
 public:
  // Stops after `max_records` records (1: the header only). `columns`, when
  // not empty, are the only ones whose text is kept. `line_end` ends a
  // line (see LineEnd()); `quotes`: whether the text has a quote at all
  // (if not, no field can hold a line end).
  CsvBuilder(size_t max_records, absl::Span<const int> columns,
             absl::FunctionRef<void(const CsvRow&)> on_row, char line_end,
             bool quotes)
      : max_records_(max_records),
        columns_(columns),
        on_row_(on_row),
        line_end_(line_end),
        quotes_(quotes) {}

  static void OnField(void* field, size_t size, void* self) {
    auto* builder = static_cast<CsvBuilder*>(self);
    if (builder->stopped_) return;
    // A record begins with its first field, on the line counted so far.
    if (!builder->in_record_) builder->Begin();
    // libcsv may pass a null buffer for an empty field.
    const absl::string_view text(
        size == 0 ? "" : static_cast<const char*>(field), size);
    // A quoted field may span lines; they count after the record began.
    if (builder->quotes_) builder->line_ += CountChar(text, builder->line_end_);
    builder->AddField(text);
  }
  // The end of a record, or (no record open) of a blank line.
  static void OnRecord(int terminator, void* self) {
    auto* builder = static_cast<CsvBuilder*>(self);
    if (builder->in_record_ && !builder->stopped_) builder->EndRecord("");
    if (terminator == builder->line_end_) ++builder->line_;
  }

  // The line being read: where a record or field beginning now begins (a
  // field libcsv has not finished, too: its line ends are counted when it
  // ends).
  int64_t line() const { return line_; }
  // Where the record being read began (line() between records).
  int64_t record_line() const { return in_record_ ? line_at_begin_ : line_; }
  // After a malformed record: reading goes on at the start of `line`.
  void SkipTo(int64_t line) {
    line_ = line;
    in_record_ = false;
  }
  // Closes the current record; a non-empty `error` marks it unusable.
  void EndRecord(std::string error) {
    // A record that failed before its first field ended (a stray quote in
    // it, or a quote never closed) begins here.
    if (!in_record_) Begin();
    in_record_ = false;
    ++records_;
    if (records_ == 1) {
      header_line_ = line_at_begin_;
      header_error_ = std::move(error);
      if (!header_error_.empty()) header_.clear();
      stopped_ = full();
      width_ = header_.size();
      ends_.assign(width_, 0);
      keep_.assign(width_, columns_.empty());
      for (const int column : columns_) {
        if (column >= 0 && static_cast<size_t>(column) < keep_.size()) {
          keep_[static_cast<size_t>(column)] = true;
        }
      }
      return;
    }
    stopped_ = full();
    const size_t width = width_;
    if (error.empty() && (fields_ < width || extra_text_)) {
      error = absl::StrFormat("the row has %d fields; the header has %d",
                              fields_, width);
    }
    if (!error.empty()) {
      on_row_(CsvRow(line_at_begin_, error, {}, {}, true));
    } else {
      on_row_(CsvRow(line_at_begin_, "",
                     absl::string_view(bytes_.data(), used_), ends_, blank_));
    }
  }

  // Fields of the record being read so far (0 between records).
  size_t FieldsInRecord() const {
    if (!in_record_) return 0;
    return records_ == 0 ? header_.size() : fields_;
  }
  // No more records wanted: enough read, or the header is unreadable.
  bool full() const {
    return records_ >= max_records_ || !header_error_.empty();
  }
  size_t records() const { return records_; }
  // The header's fields, as read: empty until it has ended, and when it
  // is unreadable.
  const std::vector<std::string>& header() const {
    static const auto* const kNone = new std::vector<std::string>();
    return records_ == 0 ? *kNone : header_;
  }
  int64_t header_line() const { return header_line_; }
  const std::string& header_error() const { return header_error_; }

 private:
  void Begin() {
    in_record_ = true;
    line_at_begin_ = line_;
    used_ = 0;
    fields_ = 0;
    blank_ = true;
    extra_text_ = false;
  }
  // Keeps the fields the header names; trailing blank fields past them
  // are tolerated (spreadsheets add them) and dropped, text there makes
  // the row an error. This runs for every field of the file.
  void AddField(absl::string_view field) {
    if (records_ == 0) {
      header_.emplace_back(field);
      return;
    }
    // Trimmed once here, not at every read of the cell.
    const absl::string_view trimmed = Trim(field);
    if (fields_ < width_) {
      if (!trimmed.empty()) {
        blank_ = false;
        // A plain copy into a buffer that only ever grows.
        if (keep_[fields_]) {
          if (used_ + trimmed.size() > bytes_.size()) {
            bytes_.resize(std::max(2 * bytes_.size(), used_ + trimmed.size()));
          }
          std::memcpy(&bytes_[used_], trimmed.data(), trimmed.size());
          used_ += trimmed.size();
        }
      }
      ends_[fields_] = used_;
    } else if (!trimmed.empty()) {
      blank_ = false;
      extra_text_ = true;
    }
    ++fields_;
  }

  size_t max_records_;
  absl::Span<const int> columns_;
  std::vector<char> keep_;  // whether each header column's text is kept
  absl::FunctionRef<void(const CsvRow&)> on_row_;
  char line_end_;
  bool quotes_;
  int64_t line_ = 1;
  bool in_record_ = false;
  int64_t line_at_begin_ = 0;
  size_t records_ = 0;    // records ended so far, the header included
  bool stopped_ = false;  // full(): no more fields or records wanted
  std::vector<std::string> header_;
  size_t width_ = 0;  // the header's fields
  int64_t header_line_ = 0;
  std::string header_error_;
  // The record being read: its fields, as many as the header's, in
  // bytes_[0, used_); ends_[i] is where field i ends (width_ of them).
  std::string bytes_;
  size_t used_ = 0;
  std::vector<size_t> ends_;
  size_t fields_ = 0;        // fields read, past the header's too
  bool blank_ = true;        // every field so far is blank
  bool extra_text_ = false;  // a field past the header's is not blank
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

// Feeds `text` into `builder` a piece at a time; stops once it is full.
absl::Status Parse(absl::string_view name, absl::string_view text,
                   CsvBuilder* builder) {
  Parser parser;
  if (!parser.ok()) {
    return absl::ResourceExhaustedError(
        absl::StrFormat("%s: cannot start the CSV parser", name));
  }
  const char line_end = LineEnd(text);
  // Where the line count is known exactly: the start, then the line after
  // each malformed record. Between two such points libcsv's reports count.
  size_t sync_at = 0;
  int64_t sync_line = 1;
  size_t start = 0;
  while (start < text.size() && !builder->full()) {
    const absl::string_view piece = text.substr(start, kPiece);
    const size_t fed =
        csv_parse(parser.get(), piece.data(), piece.size(),
                  &CsvBuilder::OnField, &CsvBuilder::OnRecord, builder);
    GrowGeometrically(parser.get());
    if (fed == piece.size()) {
      start += fed;
      continue;
    }
    if (csv_error(parser.get()) != CSV_EPARSE) {
      return absl::ResourceExhaustedError(
          absl::StrFormat("%s: line %d: %s", name, builder->line(),
                          csv_strerror(csv_error(parser.get()))));
    }
    // Reject the record and go on from the next line. Line ends inside an
    // unfinished quoted field were never reported: count from the last
    // point known (each byte is counted once, however many errors).
    const size_t error_at = start + fed;
    const int64_t error_line =
        sync_line +
        CountChar(text.substr(sync_at, error_at - sync_at), line_end);
    std::string error =
        QuotingError(builder->header(), builder->FieldsInRecord());
    if (error_line > builder->line()) {
      // A quote opened lines before: the lines between were read into one
      // field and are lost with the record; say which they are.
      absl::StrAppend(
          &error,
          absl::StrFormat("; a quote opened on line %d runs to line %d, so "
                          "lines %d to %d are this one record",
                          builder->line(), error_line, builder->record_line(),
                          error_line));
    }
    builder->EndRecord(std::move(error));
    size_t next = text.find(line_end, error_at);
    next = next == absl::string_view::npos ? text.size() : next + 1;
    sync_line = error_line +
                CountChar(text.substr(error_at, next - error_at), line_end);
    sync_at = next;
    builder->SkipTo(sync_line);
    start = next;
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
    const int64_t last_line =
        CountChar(text, line_end) +
        (!text.empty() && text.back() == line_end ? 0 : 1);
    const int64_t opened = builder->line();
    builder->EndRecord(
        opened == builder->record_line()
            ? absl::StrFormat("a quoted field opened here is never closed "
                              "(the rest of the file, to line %d, was read "
                              "into it)",
                              last_line)
            : absl::StrFormat("a quoted field opened on line %d is never "
                              "closed (the rest of the file, to line %d, was "
                              "read into it)",
                              opened, last_line));
  }
  return absl::OkStatus();
}

absl::Status EmptyError(absl::string_view name) {
  return absl::InvalidArgumentError(
      absl::StrFormat("%s: the file is empty (no header row)", name));
}

// Checks the header record and returns its column names, trimmed.
absl::StatusOr<CsvHeader> TakeHeader(absl::string_view name,
                                     const CsvBuilder& builder) {
  if (builder.records() == 0) return EmptyError(name);
  if (!builder.header_error().empty()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s: line %d: the header row is unreadable: %s", name,
                        builder.header_line(), builder.header_error()));
  }
  CsvHeader header;
  header.columns = builder.header();
  for (std::string& column : header.columns) {
    column = std::string(absl::StripAsciiWhitespace(column));
  }
  header.line = builder.header_line();
  return header;
}

}  // namespace

int CsvHeader::Find(absl::string_view name) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (absl::EqualsIgnoreCase(columns[i], name)) return static_cast<int>(i);
  }
  return -1;
}

int CsvHeader::Count(absl::string_view name) const {
  int count = 0;
  for (const std::string& column : columns) {
    if (absl::EqualsIgnoreCase(column, name)) ++count;
  }
  return count;
}

absl::StatusOr<CsvHeader> ReadCsvHeader(absl::string_view name,
                                        absl::string_view text) {
  // One record: look for line ends in every field rather than for a quote
  // in the whole text.
  CsvBuilder builder(
      1, {}, [](const CsvRow&) {}, LineEnd(text),
      /*quotes=*/true);
  const absl::Status parsed = Parse(name, text, &builder);
  if (!parsed.ok()) return parsed;
  return TakeHeader(name, builder);
}

absl::Status ForEachCsvRow(absl::string_view name, absl::string_view text,
                           absl::Span<const int> columns,
                           absl::FunctionRef<void(const CsvRow&)> on_row) {
  CsvBuilder builder(static_cast<size_t>(-1), columns, on_row, LineEnd(text),
                     text.find('"') != absl::string_view::npos);
  const absl::Status parsed = Parse(name, text, &builder);
  if (!parsed.ok()) return parsed;
  return TakeHeader(name, builder).status();
}

}  // namespace internal
TSC_NAMESPACE_END
