// File: import_csv.cc
//
// SSDA903 CSV tables and meetings.csv (DATA.md). A 903 file is recognised
// by its columns, never its name: each table has columns no other 903 table
// has, and the file is the table whose own columns it holds most of. Rows
// are read in two passes: the first decides each date column's format from
// all its values, the second reads the rows.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "internal/csv_table.h"
#include "internal/dataset_merge.h"
#include "internal/date_field.h"
#include "internal/import_owned.h"
#include "internal/text_input.h"
#include "timescales/import.h"

TSC_NAMESPACE_BEGIN
namespace {

using internal::CsvRow;
using internal::CsvTable;
using internal::DateColumn;

// ---- What a row is missing or has wrong -------------------------------------

class Problems {
 public:
  void Add(absl::string_view reason) { list_.emplace_back(reason); }

  // The value of a parsed field, or nullopt after noting why it failed.
  template <typename T>
  std::optional<T> Take(absl::StatusOr<std::optional<T>> value) {
    if (!value.ok()) {
      Add(value.status().message());
      return std::nullopt;
    }
    return *value;
  }

  // A required date: `value` as Take(), plus a reason when it is blank.
  template <typename T>
  std::optional<T> Require(absl::string_view field, absl::string_view cell,
                           absl::StatusOr<std::optional<T>> value) {
    if (!value.ok() || value->has_value()) return Take(std::move(value));
    if (cell.empty()) {
      Add(absl::StrFormat("blank %s", field));
    } else {
      Add(absl::StrFormat("%s '%s' is the placeholder for no date", field,
                          cell));
    }
    return std::nullopt;
  }

  // A required text field.
  void RequireText(absl::string_view field, absl::string_view value) {
    if (value.empty()) Add(absl::StrFormat("blank %s", field));
  }

  bool empty() const { return list_.empty(); }
  std::string Joined() const { return absl::StrJoin(list_, "; "); }

 private:
  std::vector<std::string> list_;
};

// Codes are compared upper-case and trimmed (`pn1` is PN1).
std::string Code(absl::string_view text) {
  return absl::AsciiStrToUpper(absl::StripAsciiWhitespace(text));
}

bool IsEmptyRow(const CsvRow& row) {
  for (size_t i = 0; i < row.field_count(); ++i) {
    if (!absl::StripAsciiWhitespace(row.field(i)).empty()) return false;
  }
  return true;
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
  CsvImport(absl::string_view name, const CsvTable& table, const Dataset& data)
      : name_(name),
        table_(table),
        file_index_(static_cast<int32_t>(data.files.size())) {
    file_.path = std::string(name);
    file_.rows = static_cast<int64_t>(table.row_count());
  }

  const CsvTable& table() const { return table_; }
  Dataset& staged() { return staged_; }
  SourceRef Source(const CsvRow& row) const {
    return {file_index_, row.line()};
  }

  // The reason a row cannot be read at all, or "" when it can.
  std::string Unreadable(const CsvRow& row) const {
    if (!row.error().empty()) return std::string(row.error());
    if (IsEmptyRow(row)) return "empty row";
    return "";
  }

  void Reject(const CsvRow& row, std::string reason) {
    staged_.rejections.push_back({name_, row.line(), std::move(reason)});
    ++file_.rejected;
  }

  // Every row of the table into `out`: `read(row, &problems)` gives the
  // record, or nullopt with the reasons noted in `problems`; a row that
  // cannot be read at all, or has problems, is rejected with its reasons.
  template <typename Record, typename Read>
  void ReadRows(std::vector<Record>* out, Read read) {
    out->reserve(table_.row_count());
    for (size_t i = 0; i < table_.row_count(); ++i) {
      const CsvRow row = table_.row(i);
      if (std::string why = Unreadable(row); !why.empty()) {
        Reject(row, std::move(why));
        continue;
      }
      Problems problems;
      std::optional<Record> record = read(row, &problems);
      if (!record || !problems.empty()) {
        Reject(row, problems.Joined());
        continue;
      }
      record->source = Source(row);
      out->push_back(*std::move(record));
    }
  }

  // The date (or date-time) column `column`, its format decided from all
  // the values of readable rows.
  DateColumn Dates(absl::string_view column, bool with_time) const {
    const int index = table_.Find(column);
    DateColumn dates(std::string(column), with_time);
    for (size_t i = 0; i < table_.row_count(); ++i) {
      const CsvRow row = table_.row(i);
      if (row.error().empty()) dates.Survey(row.Cell(index));
    }
    return dates;
  }

  StagedFile Finish(std::string table_name, bool ignored) && {
    file_.table = std::move(table_name);
    file_.ignored = ignored;
    return {std::move(staged_), std::move(file_)};
  }

 private:
  std::string name_;
  const CsvTable& table_;
  int32_t file_index_;
  Dataset staged_;
  InputFile file_;
};

// ---- SSDA903 tables
// ----------------------------------------------------------

enum class Table903 { kHeader, kEpisodes, kReviews, kIgnored };

struct TableSpec {
  const char* name;   // InputFile::table
  const char* label;  // as DATA.md names it
  Table903 kind;
  std::vector<absl::string_view> columns;   // all, in DfE order
  std::vector<absl::string_view> required;  // a file lacking one is unusable
  std::vector<absl::string_view> read;      // the columns the importer reads
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

// Columns several 903 tables share: they do not tell the tables apart.
bool IsShared(absl::string_view column) {
  return column == "CHILD" || column == "DOB" || column == "SEX";
}

// How many of the table's own (not shared) columns the file has.
int Score(const TableSpec& spec, const CsvTable& table) {
  int score = 0;
  for (const absl::string_view column : spec.columns) {
    if (!IsShared(column) && table.Find(column) >= 0) ++score;
  }
  return score;
}

std::string Columns(const CsvTable& table) {
  return table.header.empty() ? "none" : absl::StrJoin(table.header, ", ");
}

// The table the file's columns match best.
absl::StatusOr<const TableSpec*> BestMatch(absl::string_view name,
                                           const CsvTable& table) {
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
                                           const CsvTable& table) {
  absl::StatusOr<const TableSpec*> spec = BestMatch(name, table);
  if (!spec.ok()) return spec.status();
  std::vector<absl::string_view> missing;
  for (const absl::string_view column : (*spec)->required) {
    if (table.Find(column) < 0) missing.push_back(column);
  }
  if (!missing.empty()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s: looks like the SSDA903 %s table but lacks the required "
        "column%s %s",
        name, (*spec)->label, missing.size() > 1 ? "s" : "",
        absl::StrJoin(missing, ", ")));
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

void ReadHeaderRows(CsvImport* in) {
  const CsvTable& t = in->table();
  const int child = t.Find("CHILD");
  const int sex = t.Find("SEX");
  const int dob = t.Find("DOB");
  const DateColumn dobs = in->Dates("DOB", false);
  in->ReadRows(&in->staged().headers,
               [&](const CsvRow& row, Problems* problems) {
                 ChildHeader header;
                 header.child = std::string(row.Cell(child));
                 problems->RequireText("CHILD", header.child);
                 header.sex = Code(row.Cell(sex));
                 header.dob = problems->Take(dobs.ReadDate(row.Cell(dob)));
                 return std::optional<ChildHeader>(std::move(header));
               });
}

void ReadEpisodeRows(CsvImport* in) {
  const CsvTable& t = in->table();
  const int child = t.Find("CHILD");
  const int decom = t.Find("DECOM");
  const int rne = t.Find("RNE");
  const int ls = t.Find("LS");
  const int cin = t.Find("CIN");
  const int place = t.Find("PLACE");
  const int dec = t.Find("DEC");
  const int rec = t.Find("REC");
  const DateColumn decoms = in->Dates("DECOM", false);
  const DateColumn decs = in->Dates("DEC", false);
  in->ReadRows(
      &in->staged().episodes, [&](const CsvRow& row, Problems* problems) {
        Episode episode;
        episode.child = std::string(row.Cell(child));
        problems->RequireText("CHILD", episode.child);
        const std::optional<Date> start = problems->Require(
            "DECOM", row.Cell(decom), decoms.ReadDate(row.Cell(decom)));
        episode.dec = problems->Take(decs.ReadDate(row.Cell(dec)));
        if (!problems->empty()) return std::optional<Episode>();
        episode.decom = *start;
        episode.rne = Code(row.Cell(rne));
        episode.ls = Code(row.Cell(ls));
        episode.cin = Code(row.Cell(cin));
        episode.place = Code(row.Cell(place));
        episode.rec = Code(row.Cell(rec));
        return std::optional<Episode>(std::move(episode));
      });
}

void ReadReviewRows(CsvImport* in) {
  const CsvTable& t = in->table();
  const int child = t.Find("CHILD");
  const int dob = t.Find("DOB");
  const int review = t.Find("REVIEW");
  const int code = t.Find("REVIEW_CODE");
  const DateColumn dobs = in->Dates("DOB", false);
  const DateColumn reviews = in->Dates("REVIEW", false);
  in->ReadRows(
      &in->staged().reviews, [&](const CsvRow& row, Problems* problems) {
        LacReviewRecord record;
        record.child = std::string(row.Cell(child));
        problems->RequireText("CHILD", record.child);
        record.dob = problems->Take(dobs.ReadDate(row.Cell(dob)));
        const std::optional<Date> held = problems->Require(
            "REVIEW", row.Cell(review), reviews.ReadDate(row.Cell(review)));
        if (!problems->empty()) return std::optional<LacReviewRecord>();
        record.review = *held;
        record.review_code = Code(row.Cell(code));
        return std::optional<LacReviewRecord>(std::move(record));
      });
}

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

absl::Status CheckMeetingColumns(absl::string_view name,
                                 const CsvTable& table) {
  std::vector<absl::string_view> missing;
  for (const absl::string_view column : kMeetingRequired) {
    if (table.Find(column) < 0) missing.push_back(column);
  }
  if (!missing.empty()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s: meetings.csv lacks the required column%s %s (columns: %s)", name,
        missing.size() > 1 ? "s" : "", absl::StrJoin(missing, ", "),
        Columns(table)));
  }
  for (const absl::string_view column : kMeetingColumns) {
    if (table.Count(column) > 1) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s: the column %s appears %d times; cannot tell which to read", name,
          column, table.Count(column)));
    }
  }
  return absl::OkStatus();
}

std::optional<MeetingType> ReadMeetingType(absl::string_view text,
                                           Problems* problems) {
  const std::string type =
      absl::AsciiStrToLower(absl::StripAsciiWhitespace(text));
  if (type.empty()) {
    problems->Add("blank meeting_type");
    return std::nullopt;
  }
  for (const MeetingType known :
       {MeetingType::kLacReview, MeetingType::kIcpc, MeetingType::kRcpc}) {
    if (type == MeetingTypeName(known)) return known;
  }
  problems->Add(absl::StrFormat(
      "meeting_type '%s' is not lac_review, icpc or rcpc", text));
  return std::nullopt;
}

// A count >= 0; blank is 0.
int QaAlerts(absl::string_view text, Problems* problems) {
  int count = 0;
  if (text.empty()) return 0;
  if (!absl::SimpleAtoi(text, &count) || count < 0) {
    problems->Add(
        absl::StrFormat("qa_alerts '%s' is not a whole number >= 0", text));
    return 0;
  }
  return count;
}

// The meeting-specific columns of a CSV import, resolved once.
struct MeetingColumns {
  explicit MeetingColumns(const CsvImport& in)
      : child(in.table().Find("child_id")),
        type(in.table().Find("meeting_type")),
        held(in.table().Find("held_at")),
        chair(in.table().Find("chair_id")),
        sw_report(in.table().Find("sw_report_received_at")),
        decisions(in.table().Find("decisions_sent_at")),
        record(in.table().Find("record_distributed_at")),
        qa_alerts(in.table().Find("qa_alerts")),
        held_at(in.Dates("held_at", true)),
        sw_report_at(in.Dates("sw_report_received_at", true)),
        decisions_at(in.Dates("decisions_sent_at", true)),
        record_at(in.Dates("record_distributed_at", true)) {}

  int child, type, held, chair, sw_report, decisions, record, qa_alerts;
  DateColumn held_at, sw_report_at, decisions_at, record_at;
};

// One meeting, or nullopt with the reasons in `problems`.
std::optional<MeetingRecord> ReadMeeting(const MeetingColumns& c,
                                         const CsvRow& row,
                                         Problems* problems) {
  MeetingRecord meeting;
  meeting.child = std::string(row.Cell(c.child));
  problems->RequireText("child_id", meeting.child);
  const std::optional<MeetingType> type =
      ReadMeetingType(row.Cell(c.type), problems);
  const std::optional<Moment> held = problems->Require(
      "held_at", row.Cell(c.held), c.held_at.ReadMoment(row.Cell(c.held)));
  meeting.sw_report_received =
      problems->Take(c.sw_report_at.ReadMoment(row.Cell(c.sw_report)));
  meeting.decisions_sent =
      problems->Take(c.decisions_at.ReadMoment(row.Cell(c.decisions)));
  meeting.record_distributed =
      problems->Take(c.record_at.ReadMoment(row.Cell(c.record)));
  meeting.qa_alerts = QaAlerts(row.Cell(c.qa_alerts), problems);
  if (!problems->empty()) return std::nullopt;
  meeting.type = *type;
  meeting.held = *held;
  meeting.chair = std::string(row.Cell(c.chair));
  return meeting;
}

void ReadMeetingRows(CsvImport* in) {
  const MeetingColumns columns(*in);
  in->ReadRows(&in->staged().meetings,
               [&](const CsvRow& row, Problems* problems) {
                 return ReadMeeting(columns, row, problems);
               });
}

// The table of `text`; then frees `owner` (the string holding `text`, or
// null when the caller keeps it): the table has its own copy.
absl::StatusOr<CsvTable> ReadTable(absl::string_view name,
                                   absl::string_view text, std::string* owner) {
  absl::StatusOr<absl::string_view> utf8 = internal::Utf8Text(name, text);
  if (!utf8.ok()) return utf8.status();
  absl::StatusOr<CsvTable> table = internal::ReadCsv(name, *utf8);
  if (owner != nullptr) std::string().swap(*owner);
  return table;
}

absl::Status NoDataset() {
  return absl::InvalidArgumentError("the Dataset to import into is null");
}

// The records of a 903 CSV file joining `data`. The table is freed on
// return, before the records join `data`: a lower peak of memory.
absl::StatusOr<StagedFile> StageSsda903Csv(absl::string_view name,
                                           absl::string_view text,
                                           std::string* owner,
                                           const Dataset& data) {
  absl::StatusOr<CsvTable> table = ReadTable(name, text, owner);
  if (!table.ok()) return table.status();
  absl::StatusOr<const TableSpec*> spec = Recognise(name, *table);
  if (!spec.ok()) return spec.status();
  CsvImport in(name, *table, data);
  switch ((*spec)->kind) {
    case Table903::kHeader:
      ReadHeaderRows(&in);
      break;
    case Table903::kEpisodes:
      ReadEpisodeRows(&in);
      break;
    case Table903::kReviews:
      ReadReviewRows(&in);
      break;
    case Table903::kIgnored:
      break;  // recognised and counted; the KPIs do not use it
  }
  return std::move(in).Finish((*spec)->name,
                              (*spec)->kind == Table903::kIgnored);
}

// The records of a meetings.csv file joining `data`; as StageSsda903Csv().
absl::StatusOr<StagedFile> StageMeetingsCsv(absl::string_view name,
                                            absl::string_view text,
                                            std::string* owner,
                                            const Dataset& data) {
  absl::StatusOr<CsvTable> table = ReadTable(name, text, owner);
  if (!table.ok()) return table.status();
  const absl::Status columns = CheckMeetingColumns(name, *table);
  if (!columns.ok()) return columns;
  CsvImport in(name, *table, data);
  ReadMeetingRows(&in);
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
                              Dataset* data) {
  if (data == nullptr) return NoDataset();
  return Merge(StageSsda903Csv(name, text, nullptr, *data), data);
}

absl::Status ImportMeetingsCsv(absl::string_view name, absl::string_view text,
                               Dataset* data) {
  if (data == nullptr) return NoDataset();
  return Merge(StageMeetingsCsv(name, text, nullptr, *data), data);
}

namespace internal {

absl::Status ImportSsda903CsvOwned(absl::string_view name, std::string text,
                                   Dataset* data) {
  if (data == nullptr) return NoDataset();
  return Merge(StageSsda903Csv(name, text, &text, *data), data);
}

absl::Status ImportMeetingsCsvOwned(absl::string_view name, std::string text,
                                    Dataset* data) {
  if (data == nullptr) return NoDataset();
  return Merge(StageMeetingsCsv(name, text, &text, *data), data);
}

}  // namespace internal

TSC_NAMESPACE_END
