// File: import/import_csv.cc
//
// SSDA903 CSV tables and meetings.csv (docs/inputs.md#ssda903-csv,
// docs/inputs.md#meetingscsv). A 903 file is recognised by its columns, never
// its name: each table has columns no other 903 table has, and the file is the
// table whose own columns it holds most of. A date column's format is decided
// by all its values: rows are read in one pass that surveys the dates as it
// reads them, and again in two (survey, then read) only when a column's format
// changed under a read.

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "base/excerpt.h"
#include "base/status_macros.h"
#include "import/csv_reader.h"
#include "import/dataset_merge.h"
#include "import/date_field.h"
#include "import/exported_cell.h"
#include "import/text_input.h"
#include "timescales/import.h"

TSC_NAMESPACE_BEGIN
namespace {

using internal::CsvHeader;
using internal::CsvRow;
using internal::DateColumn;

// ---- What a row is missing or has wrong -------------------------------------

class Problems {
 public:
  // A reason the row cannot be used, and the column it is about.
  void Add(absl::string_view column, absl::string_view reason) {
    if (list_.empty()) first_column_ = column;
    list_.emplace_back(reason);
  }

  // The value of a parsed field, or nullopt after noting why it failed.
  template <typename T>
  std::optional<T> Take(absl::string_view column,
                        absl::StatusOr<std::optional<T>> value) {
    if (!value.ok()) {
      Add(column, value.status().message());
      return std::nullopt;
    }
    return *value;
  }

  // A required date: `value` as Take(), plus a reason when it is blank.
  template <typename T>
  std::optional<T> Require(absl::string_view field, absl::string_view cell,
                           absl::StatusOr<std::optional<T>> value) {
    if (!value.ok() || value->has_value()) return Take(field, std::move(value));
    const absl::string_view trimmed = absl::StripAsciiWhitespace(cell);
    if (trimmed.empty()) {
      Add(field, absl::StrFormat("blank %s", field));
    } else {
      Add(field, absl::StrFormat("%s '%s' is the placeholder for no date",
                                 field, internal::Excerpt(trimmed)));
    }
    return std::nullopt;
  }

  // A required text field.
  void RequireText(absl::string_view field, absl::string_view value) {
    if (value.empty()) Add(field, absl::StrFormat("blank %s", field));
  }

  bool empty() const { return list_.empty(); }
  std::string Joined() const { return absl::StrJoin(list_, "; "); }
  // The column of the first reason.
  absl::string_view first_column() const { return first_column_; }

 private:
  std::vector<std::string> list_;
  absl::string_view first_column_;
};

// `*to` = `text`, reusing its storage.
void AssignText(absl::string_view text, std::string* to) {
  to->assign(text.data(), text.size());
}

// Codes are compared as the returns define them: upper case, spaces,
// hyphens and underscores dropped (`pn 1` is PN1); cells come trimmed.
// (Assigned in place: a string per code per row was a fifth of the episode
// import.)
void AssignCode(absl::string_view cell, std::string* code) {
  code->clear();
  for (const char c : cell) {
    if (c == ' ' || c == '-' || c == '_') continue;
    code->push_back(absl::ascii_toupper(static_cast<unsigned char>(c)));
  }
}

// How many records `text` can hold at most: one a line end (a bare CR file
// has no LF), plus a last line without one.
size_t LinesAtMost(absl::string_view text) {
  int64_t lines = internal::CountChar(text, '\n');
  if (lines == 0) lines = internal::CountChar(text, '\r');
  return static_cast<size_t>(lines) + 1;
}

// A date column of a table, found by name in the header.
struct DatedColumn {
  DatedColumn(const CsvHeader& header, const char* name, bool with_time,
              const internal::DateReading& reading)
      : index(header.Find(name)), dates(name, with_time, reading) {}
  int index;
  DateColumn dates;
};

// An identifier column (CHILD, child_id). A float-typed export writes
// 566910 as `566910.0`: read as 566910, so it joins the other tables, and
// noted.
struct IdColumn {
  IdColumn(const CsvHeader& header, const char* column)
      : index(header.Find(column)), name(column) {}

  void Read(const CsvRow& row, std::string* id) const {
    const absl::string_view cell = row.Cell(index);
    if (!cell.empty() && cell.back() == '0' &&
        internal::WholeNumberWithZeroFraction(cell, id)) {
      if (floats++ == 0) example = internal::Excerpt(cell);
      return;
    }
    AssignText(cell, id);
  }

  void AddNotes(std::vector<std::string>* notes) const {
    if (floats == 0) return;
    notes->push_back(absl::StrFormat(
        "%s: %d identifier%s written as a decimal (such as '%s', as a "
        "float-typed export writes them) read as whole numbers",
        name, floats, floats == 1 ? "" : "s", example));
  }

  int index;
  const char* name;
  mutable int64_t floats = 0;
  mutable std::string example;
};

// What a table's reader noticed about its identifier and date columns.
template <typename Rows>
std::vector<std::string> NotesOf(Rows* rows) {
  std::vector<std::string> notes;
  rows->id().AddNotes(&notes);
  for (const DatedColumn* column : rows->Dates()) {
    for (std::string& note : column->dates.Notes()) {
      notes.push_back(std::move(note));
    }
  }
  return notes;
}

// ---- One file being imported ------------------------------------------------

// A file's records and rejections, read and waiting to join the Dataset.
struct StagedFile {
  Dataset records;
  InputFile file;
};

// Stages one CSV file's records and rejections; Finish() hands them over
// only once the whole file has been read.
class CsvImport {
 public:
  // `data` is the Dataset the file will join: its records refer to the
  // file by the index it will have there.
  // `read`: the columns the importer reads (only their text is kept).
  CsvImport(absl::string_view name, absl::string_view text, CsvHeader header,
            absl::Span<const absl::string_view> read, const Dataset& data,
            const ImportOptions& options)
      : name_(name),
        text_(text),
        header_(std::move(header)),
        reading_{options.date_order, options.two_digit_years_from},
        file_index_(static_cast<int32_t>(data.files.size())) {
    file_.path = std::string(name);
    for (const absl::string_view column : read) {
      read_columns_.push_back(header_.Find(column));
    }
  }

  // Reads every row with `Rows` (a table's columns, see EpisodeRows) into
  // its vector of the staged records. Dates are surveyed as read, in one
  // pass; only when a date column's format changed under its reads (both
  // shapes present, or a dated value before any shaped one) is the file
  // read again in the exact two passes: survey everything, then read.
  template <typename Rows>
  absl::Status Read() {
    // Room for a record a line: growing the vector instead moves every
    // record made so far, several times over.
    Rows::Out(&staged_).reserve(LinesAtMost(text_));
    {
      Rows rows(header_, reading_);
      for (DatedColumn* column : rows.Dates()) {
        column->dates.SurveyWhileReading();
      }
      const absl::Status read =
          Pass([&](const CsvRow& row) { ReadRow(&rows, row); });
      if (!read.ok()) return read;
      if (Settled(rows.Dates())) {
        AddNotes(NotesOf(&rows));
        return read;
      }
    }
    Rows::Out(&staged_).clear();
    staged_.rejections.clear();
    file_.rejected = 0;
    file_.rejections_by_column.clear();
    Rows rows(header_, reading_);
    const absl::Status surveyed = Pass([&](const CsvRow& row) {
      if (!row.error().empty()) return;
      for (DatedColumn* column : rows.Dates()) {
        column->dates.Survey(row.Cell(column->index));
      }
    });
    if (!surveyed.ok()) return surveyed;
    const absl::Status read =
        Pass([&](const CsvRow& row) { ReadRow(&rows, row); });
    AddNotes(NotesOf(&rows));
    return read;
  }

  // A file-level note (not a row's rejection) for the user.
  void AddNote(std::string note) {
    staged_.warnings.push_back({name_, 0, std::move(note)});
  }

  // Counts the rows of a table the KPIs do not use.
  absl::Status Count() {
    return Pass([](const CsvRow&) {});
  }

  StagedFile Finish(std::string table_name, bool ignored) && {
    file_.table = std::move(table_name);
    file_.ignored = ignored;
    return {std::move(staged_), std::move(file_)};
  }

 private:
  // Every row to `on_row`, counted; rows with no text at all (Excel
  // leaves them after the data) are skipped, and counted apart.
  template <typename OnRow>
  absl::Status Pass(OnRow on_row) {
    file_.rows = 0;
    file_.blank_rows = 0;
    return internal::ForEachCsvRow(name_, text_, read_columns_,
                                   [&](const CsvRow& row) {
                                     if (row.error().empty() && row.blank()) {
                                       ++file_.blank_rows;
                                       return;
                                     }
                                     ++file_.rows;
                                     on_row(row);
                                   });
  }

  void AddNotes(std::vector<std::string> notes) {
    for (std::string& note : notes) {
      AddNote(absl::StrCat(name_, ": ", note));
    }
  }

  static bool Settled(const std::vector<DatedColumn*>& columns) {
    for (const DatedColumn* column : columns) {
      if (!column->dates.Settled()) return false;
    }
    return true;
  }

  // The reason a row cannot be read at all, or "" when it can.
  static std::string Unreadable(const CsvRow& row) {
    return std::string(row.error());
  }

  // `column`: the column the (first) reason is about, "" for the row.
  void Reject(const CsvRow& row, std::string reason,
              absl::string_view column = "") {
    ColumnRejections* by_column = nullptr;
    for (ColumnRejections& c : file_.rejections_by_column) {
      if (c.column == column) by_column = &c;
    }
    if (by_column == nullptr) {
      by_column = &file_.rejections_by_column.emplace_back();
      by_column->column = std::string(column);
      by_column->first_line = row.line();
      by_column->first_reason = reason;
    }
    ++by_column->rejected;
    staged_.rejections.push_back({name_, row.line(), std::move(reason)});
    ++file_.rejected;
  }

  // One row: its record, built in place, or its rejection with every
  // reason `rows` noted.
  template <typename Rows>
  void ReadRow(Rows* rows, const CsvRow& row) {
    if (std::string why = Unreadable(row); !why.empty()) {
      Reject(row, std::move(why));
      return;
    }
    auto& out = Rows::Out(&staged_);
    Problems problems;
    auto& record = out.emplace_back();
    rows->Read(row, &problems, &record);
    if (!problems.empty()) {
      out.pop_back();
      Reject(row, problems.Joined(), problems.first_column());
      return;
    }
    record.source = SourceRef{file_index_, row.line()};
  }

  std::string name_;
  absl::string_view text_;
  CsvHeader header_;
  internal::DateReading reading_;
  std::vector<int> read_columns_;
  int32_t file_index_;
  Dataset staged_;
  InputFile file_;
};

// ---- SSDA903 tables
// ----------------------------------------------------------

enum class Table903 { kHeader, kEpisodes, kReviews, kIgnored };

struct TableSpec {
  const char* name;   // InputFile::table
  const char* label;  // as docs/inputs.md#ssda903-csv names it
  Table903 kind;
  std::vector<absl::string_view> columns;   // all, in DfE order
  std::vector<absl::string_view> required;  // a file lacking one is unusable
  std::vector<absl::string_view> read;      // the columns the importer reads
                                            // (only their text is kept)
};

const std::vector<TableSpec>& Specs() {
  static const auto* const kSpecs = new std::vector<TableSpec>{
      {"ssda903.header",
       "Header",
       Table903::kHeader,
       {"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"},
       {"CHILD", "DOB"},
       {"CHILD", "SEX", "DOB"}},
      {"ssda903.episodes",
       "Episodes",
       Table903::kEpisodes,
       {"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC",
        "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"},
       {"CHILD", "DECOM", "RNE", "LS", "DEC", "REC"},
       {"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "DEC", "REC"}},
      {"ssda903.reviews",
       "Reviews",
       Table903::kReviews,
       {"CHILD", "DOB", "REVIEW", "REVIEW_CODE"},
       {"CHILD", "REVIEW", "REVIEW_CODE"},
       {"CHILD", "DOB", "REVIEW", "REVIEW_CODE"}},
      {"ssda903.uasc",
       "UASC",
       Table903::kIgnored,
       {"CHILD", "SEX", "DOB", "DUC"},
       {},
       {}},
      {"ssda903.oc2",
       "OC2",
       Table903::kIgnored,
       {"CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK",
        "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE",
        "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"},
       {},
       {}},
      {"ssda903.oc3",
       "OC3",
       Table903::kIgnored,
       {"CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"},
       {},
       {}},
      {"ssda903.ad1",
       "AD1",
       Table903::kIgnored,
       {"CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR",
        "SEX_ADOPTR", "LS_ADOPTR"},
       {},
       {}},
      {"ssda903.placed_adoption",
       "PlacedAdoption",
       Table903::kIgnored,
       {"CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED",
        "REASON_PLACED_CEASED"},
       {},
       {}},
      {"ssda903.prev_perm",
       "PrevPerm",
       Table903::kIgnored,
       {"CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"},
       {},
       {}},
      {"ssda903.missing",
       "Missing",
       Table903::kIgnored,
       {"CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"},
       {},
       {}},
      {"ssda903.sw_episodes",
       "SWEpisodes",
       Table903::kIgnored,
       {"CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"},
       {},
       {}},
      {"ssda903.dolo",
       "DoLo",
       Table903::kIgnored,
       {"CHILD", "DOB", "DOLO_START", "DOLO_END"},
       {},
       {}},
  };
  return *kSpecs;
}

// ---- Column names close to the ones a table reads ---------------------------

// Lower case, letters and digits only: `Sw Report Received` is
// swreportreceived.
std::string NameKey(absl::string_view name) {
  std::string key;
  for (const char c : name) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      key.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    }
  }
  return key;
}

// Levenshtein distance, stopping early past `limit`.
size_t EditDistance(absl::string_view a, absl::string_view b, size_t limit) {
  if (a.size() > b.size() + limit || b.size() > a.size() + limit) {
    return limit + 1;
  }
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// Whether `written` is probably a misspelling of `known`: within two edits
// once case and punctuation are set aside, or one holding the other
// (`chair` for `chair_id`, `REVIEW_DATE` for `REVIEW`).
bool NearMiss(absl::string_view written, absl::string_view known) {
  const std::string a = NameKey(written);
  const std::string b = NameKey(known);
  if (a.empty() || b.empty() || a == b) return false;
  if (std::min(a.size(), b.size()) >= 4 &&
      (absl::StrContains(a, b) || absl::StrContains(b, a))) {
    return true;
  }
  return EditDistance(a, b, 2) <= 2;
}

// For each column of `wanted` the file lacks, the file's unknown columns
// that are near misses of it: "'chair' (did you mean chair_id?)".
std::vector<std::string> NearMisses(const CsvHeader& header,
                                    absl::Span<const absl::string_view> wanted,
                                    absl::Span<const absl::string_view> known) {
  std::vector<std::string> out;
  for (const absl::string_view column : wanted) {
    if (header.Find(column) >= 0) continue;
    for (const std::string& written : header.columns) {
      const bool is_known =
          std::any_of(known.begin(), known.end(), [&](absl::string_view k) {
            return absl::EqualsIgnoreCase(absl::StripAsciiWhitespace(written),
                                          k);
          });
      if (!is_known && NearMiss(written, column)) {
        out.push_back(absl::StrFormat("'%s' (did you mean %s?)",
                                      internal::Excerpt(written), column));
      }
    }
  }
  return out;
}

// Columns several 903 tables share: they do not tell the tables apart.
bool IsShared(absl::string_view column) {
  return column == "CHILD" || column == "DOB" || column == "SEX";
}

// How many of the table's own (not shared) columns the file has.
int Score(const TableSpec& spec, const CsvHeader& table) {
  int score = 0;
  for (const absl::string_view column : spec.columns) {
    if (!IsShared(column) && table.Find(column) >= 0) ++score;
  }
  return score;
}

std::string Columns(const CsvHeader& header) {
  return header.columns.empty() ? "none" : absl::StrJoin(header.columns, ", ");
}

// The table the file's columns match best.
absl::StatusOr<const TableSpec*> BestMatch(absl::string_view name,
                                           const CsvHeader& table) {
  const TableSpec* best = nullptr;
  int best_score = 0;
  std::vector<std::string> tied;
  for (const TableSpec& spec : Specs()) {
    const int score = Score(spec, table);
    if (score == 0 || score < best_score) continue;
    if (score > best_score) tied.clear();
    tied.push_back(spec.label);
    best = &spec;
    best_score = score;
  }
  if (best == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s: not a recognised SSDA903 table (columns: %s)",
                        name, Columns(table)));
  }
  if (tied.size() > 1) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s: the columns match the SSDA903 tables %s equally; cannot tell "
        "which table this is (columns: %s)",
        name, absl::StrJoin(tied, " and "), Columns(table)));
  }
  return best;
}

// The table the file is, when it has every column the importer needs.
absl::StatusOr<const TableSpec*> Recognise(absl::string_view name,
                                           const CsvHeader& table) {
  absl::StatusOr<const TableSpec*> spec = BestMatch(name, table);
  if (!spec.ok()) return spec.status();
  std::vector<absl::string_view> missing;
  for (const absl::string_view column : (*spec)->required) {
    if (table.Find(column) < 0) missing.push_back(column);
  }
  if (!missing.empty()) {
    const std::vector<std::string> near =
        NearMisses(table, missing, (*spec)->columns);
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s: looks like the SSDA903 %s table but lacks the required "
        "column%s %s%s",
        name, (*spec)->label, missing.size() > 1 ? "s" : "",
        absl::StrJoin(missing, ", "),
        near.empty() ? ""
                     : absl::StrCat("; it has ", absl::StrJoin(near, ", "))));
  }
  for (const absl::string_view column : (*spec)->read) {
    if (table.Count(column) > 1) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s: the column %s appears %d times; cannot tell which to read", name,
          column, table.Count(column)));
    }
  }
  return spec;
}

// Each table's reader: the columns it reads, found once from the header;
// Dates(), its date columns (CsvImport surveys their formats); and Read(),
// which fills a record from a row and notes in `problems` why the row must
// be rejected instead. Read() reads every date cell of the row, even one
// it then rejects: one-pass reads survey as they go (SurveyWhileReading).

class HeaderRows {
 public:
  HeaderRows(const CsvHeader& h, const internal::DateReading& r)
      : child_(h, "CHILD"), sex_(h.Find("SEX")), dob_(h, "DOB", false, r) {}
  static std::vector<ChildHeader>& Out(Dataset* d) { return d->headers; }
  std::vector<DatedColumn*> Dates() { return {&dob_}; }
  const IdColumn& id() const { return child_; }

  void Read(const CsvRow& row, Problems* problems, ChildHeader* header) const {
    child_.Read(row, &header->child);
    problems->RequireText("CHILD", header->child);
    AssignCode(row.Cell(sex_), &header->sex);
    header->dob =
        problems->Take("DOB", dob_.dates.ReadDate(row.Cell(dob_.index)));
  }

 private:
  IdColumn child_;
  int sex_;
  DatedColumn dob_;
};

class EpisodeRows {
 public:
  EpisodeRows(const CsvHeader& h, const internal::DateReading& r)
      : child_(h, "CHILD"),
        rne_(h.Find("RNE")),
        ls_(h.Find("LS")),
        cin_(h.Find("CIN")),
        place_(h.Find("PLACE")),
        rec_(h.Find("REC")),
        decom_(h, "DECOM", false, r),
        dec_(h, "DEC", false, r) {}
  static std::vector<Episode>& Out(Dataset* d) { return d->episodes; }
  std::vector<DatedColumn*> Dates() { return {&decom_, &dec_}; }
  const IdColumn& id() const { return child_; }

  void Read(const CsvRow& row, Problems* problems, Episode* episode) const {
    child_.Read(row, &episode->child);
    problems->RequireText("CHILD", episode->child);
    const absl::string_view decom = row.Cell(decom_.index);
    const std::optional<Date> start =
        problems->Require("DECOM", decom, decom_.dates.ReadDate(decom));
    episode->dec =
        problems->Take("DEC", dec_.dates.ReadDate(row.Cell(dec_.index)));
    if (!problems->empty()) return;
    episode->decom = *start;
    AssignCode(row.Cell(rne_), &episode->rne);
    AssignCode(row.Cell(ls_), &episode->ls);
    AssignCode(row.Cell(cin_), &episode->cin);
    AssignCode(row.Cell(place_), &episode->place);
    AssignCode(row.Cell(rec_), &episode->rec);
  }

 private:
  IdColumn child_;
  int rne_, ls_, cin_, place_, rec_;
  DatedColumn decom_, dec_;
};

class ReviewRows {
 public:
  ReviewRows(const CsvHeader& h, const internal::DateReading& r)
      : child_(h, "CHILD"),
        code_(h.Find("REVIEW_CODE")),
        dob_(h, "DOB", false, r),
        review_(h, "REVIEW", false, r) {}
  static std::vector<LacReviewRecord>& Out(Dataset* d) { return d->reviews; }
  std::vector<DatedColumn*> Dates() { return {&dob_, &review_}; }
  const IdColumn& id() const { return child_; }

  void Read(const CsvRow& row, Problems* problems,
            LacReviewRecord* record) const {
    child_.Read(row, &record->child);
    problems->RequireText("CHILD", record->child);
    record->dob =
        problems->Take("DOB", dob_.dates.ReadDate(row.Cell(dob_.index)));
    const absl::string_view review = row.Cell(review_.index);
    const std::optional<Date> held =
        problems->Require("REVIEW", review, review_.dates.ReadDate(review));
    if (!problems->empty()) return;
    record->review = *held;
    AssignCode(row.Cell(code_), &record->review_code);
  }

 private:
  IdColumn child_;
  int code_;
  DatedColumn dob_, review_;
};

// ---- meetings.csv
// -------------------------------------------------------------

constexpr absl::string_view kMeetingColumns[] = {"child_id",
                                                 "meeting_type",
                                                 "held_at",
                                                 "chair_id",
                                                 "sw_report_received_at",
                                                 "decisions_sent_at",
                                                 "record_distributed_at",
                                                 "qa_alerts"};
constexpr absl::string_view kMeetingRequired[] = {"child_id", "meeting_type",
                                                  "held_at"};

// The meetings.csv columns: the required ones there, none twice, and no
// column that looks like a misspelt one of ours (an optional column
// misspelt is otherwise silently missing: every social worker's report
// would count as late). With `allow_unknown`, such a column is noted in
// `notes` instead of refused.
absl::Status CheckMeetingColumns(absl::string_view name, const CsvHeader& table,
                                 bool allow_unknown,
                                 std::vector<std::string>* notes) {
  std::vector<absl::string_view> missing;
  for (const absl::string_view column : kMeetingRequired) {
    if (table.Find(column) < 0) missing.push_back(column);
  }
  const std::vector<std::string> near =
      NearMisses(table, kMeetingColumns, kMeetingColumns);
  if (!missing.empty()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s: meetings.csv lacks the required column%s %s (columns: %s)%s", name,
        missing.size() > 1 ? "s" : "", absl::StrJoin(missing, ", "),
        Columns(table),
        near.empty() ? ""
                     : absl::StrCat("; it has ", absl::StrJoin(near, ", "))));
  }
  for (const absl::string_view column : kMeetingColumns) {
    if (table.Count(column) > 1) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s: the column %s appears %d times; cannot tell which to read", name,
          column, table.Count(column)));
    }
  }
  if (!near.empty()) {
    const std::string what = absl::StrFormat(
        "%s: meetings.csv has the column%s %s, which meetings.csv does not "
        "have",
        name, near.size() > 1 ? "s" : "", absl::StrJoin(near, ", "));
    if (!allow_unknown) {
      return absl::InvalidArgumentError(absl::StrCat(
          what,
          "; rename the column, or pass --allow-unknown-columns to read the "
          "file without it"));
    }
    notes->push_back(absl::StrCat(what, "; read without it, as asked"));
  }
  return absl::OkStatus();
}

// lac_review, icpc or rcpc, however written (`LAC Review`, `LAC-REVIEW`).
std::optional<MeetingType> ReadMeetingType(absl::string_view text,
                                           Problems* problems) {
  const std::string type = internal::NormalisedCode(text);
  if (type.empty()) {
    problems->Add("meeting_type", "blank meeting_type");
    return std::nullopt;
  }
  for (const MeetingType known :
       {MeetingType::kLacReview, MeetingType::kIcpc, MeetingType::kRcpc}) {
    if (type == internal::NormalisedCode(MeetingTypeName(known))) return known;
  }
  problems->Add(
      "meeting_type",
      absl::StrFormat("meeting_type '%s' is not lac_review, icpc or rcpc",
                      internal::Excerpt(text)));
  return std::nullopt;
}

// A count >= 0; blank is 0.
int QaAlerts(absl::string_view text, Problems* problems) {
  int count = 0;
  if (text.empty()) return 0;
  if (!absl::SimpleAtoi(text, &count) || count < 0) {
    problems->Add("qa_alerts",
                  absl::StrFormat("qa_alerts '%s' is not a whole number >= 0",
                                  internal::Excerpt(text)));
    return 0;
  }
  return count;
}

class MeetingRows {
 public:
  MeetingRows(const CsvHeader& h, const internal::DateReading& r)
      : child_(h, "child_id"),
        type_(h.Find("meeting_type")),
        chair_(h.Find("chair_id")),
        qa_alerts_(h.Find("qa_alerts")),
        held_(h, "held_at", true, r),
        sw_report_(h, "sw_report_received_at", true, r),
        decisions_(h, "decisions_sent_at", true, r),
        record_(h, "record_distributed_at", true, r) {}
  static std::vector<MeetingRecord>& Out(Dataset* d) { return d->meetings; }
  std::vector<DatedColumn*> Dates() {
    return {&held_, &sw_report_, &decisions_, &record_};
  }
  const IdColumn& id() const { return child_; }

  void Read(const CsvRow& row, Problems* problems,
            MeetingRecord* meeting) const {
    child_.Read(row, &meeting->child);
    problems->RequireText("child_id", meeting->child);
    const std::optional<MeetingType> type =
        ReadMeetingType(row.Cell(type_), problems);
    const absl::string_view held_at = row.Cell(held_.index);
    const std::optional<Moment> held =
        problems->Require("held_at", held_at, held_.dates.ReadMoment(held_at));
    meeting->sw_report_received =
        problems->Take("sw_report_received_at",
                       sw_report_.dates.ReadMoment(row.Cell(sw_report_.index)));
    meeting->decisions_sent =
        problems->Take("decisions_sent_at",
                       decisions_.dates.ReadMoment(row.Cell(decisions_.index)));
    meeting->record_distributed =
        problems->Take("record_distributed_at",
                       record_.dates.ReadMoment(row.Cell(record_.index)));
    meeting->qa_alerts = QaAlerts(row.Cell(qa_alerts_), problems);
    if (!problems->empty()) return;
    meeting->type = *type;
    meeting->held = *held;
    AssignText(row.Cell(chair_), &meeting->chair);
  }

 private:
  IdColumn child_;
  int type_, chair_, qa_alerts_;
  DatedColumn held_, sw_report_, decisions_, record_;
};

absl::Status NoDataset() {
  return absl::InvalidArgumentError("the Dataset to import into is null");
}

// The records of a 903 CSV file joining `data`.
absl::StatusOr<StagedFile> StageSsda903Csv(absl::string_view name,
                                           absl::string_view text,
                                           const ImportOptions& options,
                                           const Dataset& data) {
  internal::DecodedText decoded;
  TSC_RETURN_IF_ERROR(internal::DecodeText(name, text, &decoded));
  absl::StatusOr<CsvHeader> header =
      internal::ReadCsvHeader(name, decoded.text);
  if (!header.ok()) return header.status();
  absl::StatusOr<const TableSpec*> spec = Recognise(name, *header);
  if (!spec.ok()) return spec.status();
  const std::vector<std::string> near =
      NearMisses(*header, (*spec)->columns, (*spec)->columns);
  CsvImport in(name, decoded.text, *std::move(header), (*spec)->read, data,
               options);
  if (!decoded.note.empty()) in.AddNote(decoded.note);
  if (!near.empty()) {
    in.AddNote(absl::StrFormat(
        "%s: the %s table has the column%s %s, which the table does not have "
        "(read without %s)",
        name, (*spec)->label, near.size() > 1 ? "s" : "",
        absl::StrJoin(near, ", "), near.size() > 1 ? "them" : "it"));
  }
  absl::Status read;
  switch ((*spec)->kind) {
    case Table903::kHeader:
      read = in.Read<HeaderRows>();
      break;
    case Table903::kEpisodes:
      read = in.Read<EpisodeRows>();
      break;
    case Table903::kReviews:
      read = in.Read<ReviewRows>();
      break;
    case Table903::kIgnored:
      read = in.Count();  // recognised and counted; the KPIs do not use it
      break;
  }
  if (!read.ok()) return read;
  return std::move(in).Finish((*spec)->name,
                              (*spec)->kind == Table903::kIgnored);
}

// The records of a meetings.csv file joining `data`; as StageSsda903Csv().
absl::StatusOr<StagedFile> StageMeetingsCsv(absl::string_view name,
                                            absl::string_view text,
                                            const ImportOptions& options,
                                            const Dataset& data) {
  internal::DecodedText decoded;
  TSC_RETURN_IF_ERROR(internal::DecodeText(name, text, &decoded));
  absl::StatusOr<CsvHeader> header =
      internal::ReadCsvHeader(name, decoded.text);
  if (!header.ok()) return header.status();
  std::vector<std::string> notes;
  TSC_RETURN_IF_ERROR(CheckMeetingColumns(
      name, *header, options.allow_unknown_columns, &notes));
  CsvImport in(name, decoded.text, *std::move(header), kMeetingColumns, data,
               options);
  if (!decoded.note.empty()) in.AddNote(decoded.note);
  for (std::string& note : notes) in.AddNote(std::move(note));
  const absl::Status read = in.Read<MeetingRows>();
  if (!read.ok()) return read;
  return std::move(in).Finish("meetings", false);
}

absl::Status Merge(absl::StatusOr<StagedFile> staged, Dataset* data) {
  if (!staged.ok()) return staged.status();
  internal::MergeFile(std::move(staged->records), std::move(staged->file),
                      data);
  return absl::OkStatus();
}

}  // namespace

absl::Status ImportSsda903Csv(absl::string_view name, absl::string_view text,
                              const ImportOptions& options, Dataset* data) {
  if (data == nullptr) return NoDataset();
  return Merge(StageSsda903Csv(name, text, options, *data), data);
}

absl::Status ImportSsda903Csv(absl::string_view name, absl::string_view text,
                              Dataset* data) {
  return ImportSsda903Csv(name, text, ImportOptions(), data);
}

absl::Status ImportMeetingsCsv(absl::string_view name, absl::string_view text,
                               const ImportOptions& options, Dataset* data) {
  if (data == nullptr) return NoDataset();
  return Merge(StageMeetingsCsv(name, text, options, *data), data);
}

absl::Status ImportMeetingsCsv(absl::string_view name, absl::string_view text,
                               Dataset* data) {
  return ImportMeetingsCsv(name, text, ImportOptions(), data);
}

TSC_NAMESPACE_END
