// File: dataset.h
// -----------------------------------------------------------------------------
//
// The library's own model of the statutory returns a council already holds
// (docs/inputs.md): SSDA903 episodes, reviews and header rows, CIN census s47
// enquiries and child protection plans, and the library's `meetings.csv`.
// Importers (import.h) fill a Dataset; the KPI engine reads it.
//
// Every record keeps the file and line it came from, so an exclusion or a
// rejection can always be traced to the record. Every row an importer reads
// is either kept here or listed in `rejections`: per file,
// rows == kept + rejected.
//
// Codes are stored upper-case and trimmed (`pn1` -> `PN1`); a blank field is
// an empty string; a `1900-01-01` placeholder date is stored as blank.

#ifndef TSC_DATASET_H_
#define TSC_DATASET_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "timescales/config.h"
#include "timescales/date.h"
#include "timescales/moment.h"

TSC_NAMESPACE_BEGIN

// Where a record came from: the file (or buffer) it was read from, as an
// index into `Dataset::files` (Dataset::PathOf gives its name), and its
// 1-based line (for XML, the line of the element that holds the record).
// An index rather than a copy of the path keeps millions of records small.
struct SourceRef {
  int32_t file = -1;
  int64_t line = 0;
};

// SSDA903 Header: one row a child.
struct ChildHeader {
  std::string child;
  std::string sex;
  std::optional<Date> dob;
  SourceRef source;
};

// SSDA903 Episodes: one row an episode of care.
struct Episode {
  std::string child;
  Date decom;       // episode start (required)
  std::string rne;  // reason for new episode; "S" starts a period
  std::string ls;   // legal status; V3/V4 are short breaks
  std::string cin;
  std::string place;
  std::optional<Date> dec;  // episode end; blank = open
  std::string rec;          // reason episode ceased; "X1" continues care
  SourceRef source;
};

// SSDA903 Reviews: one row a LAC review held.
struct LacReviewRecord {
  std::string child;
  std::optional<Date> dob;
  Date review;              // required
  std::string review_code;  // PN0..PN7, or blank / invalid as given
  SourceRef source;
};

// CIN census Section47 (one per enquiry, numbered in document order).
struct Section47Record {
  std::string child;              // LAchildID
  int cin_index = 0;              // 1-based CINdetails number within the child
  int s47_index = 0;              // 1-based within the CINdetails
  std::optional<Date> s47_start;  // S47ActualStartDate
  std::optional<Date> icpc_target;  // InitialCPCtarget
  std::optional<Date> icpc;         // DateOfInitialCPC
  bool icpc_not_required = false;   // ICPCnotRequired
  SourceRef source;
};

// CIN census ChildProtectionPlans (one per plan, numbered in document order).
struct CpPlanRecord {
  std::string child;
  int cin_index = 0;
  int plan_index = 0;                 // 1-based within the CINdetails
  std::optional<Date> start;          // CPPstartDate
  std::optional<Date> end;            // CPPendDate
  std::optional<int> previous_plans;  // NumberOfPreviousCPP
  std::string initial_category;
  std::string latest_category;
  std::vector<Date> reviews;  // CPPreviewDate, in document order
  SourceRef source;
};

// meetings.csv meeting_type (any case in the file).
enum class MeetingType : uint8_t { kLacReview, kIcpc, kRcpc };

// "lac_review", "icpc" or "rcpc".
const char* MeetingTypeName(MeetingType type);

// meetings.csv: one row a statutory meeting.
struct MeetingRecord {
  std::string child;
  MeetingType type = MeetingType::kLacReview;
  Moment held;
  std::optional<Moment> sw_report_received;
  std::optional<Moment> decisions_sent;
  std::optional<Moment> record_distributed;
  std::string chair;  // blank allowed
  int qa_alerts = 0;
  SourceRef source;
};

// A row an importer could not use, and why ("REVIEW '31/02/2020' is not a
// date").
struct Rejection {
  std::string path;
  int64_t line = 0;
  std::string reason;
};

// The rows of a file rejected for what one column held (the first column a
// row's reasons name; "" for a row that could not be read at all).
struct ColumnRejections {
  std::string column;
  int64_t rejected = 0;
  int64_t first_line = 0;    // the first such row
  std::string first_reason;  // and why
};

// One input file and what was read from it.
struct InputFile {
  std::string path;
  std::string table;     // "ssda903.episodes", "cin.census", "meetings", ...
  int64_t rows = 0;      // data rows (CSV) or records (XML) read
  int64_t rejected = 0;  // of those, rejected
  bool ignored = false;  // a recognised table the KPIs do not use
  // CSV rows with no text at all (Excel leaves them after the data):
  // skipped, not counted in `rows`.
  int64_t blank_rows = 0;
  // `rejected`, by the column that caused it, in order of first rejection.
  std::vector<ColumnRejections> rejections_by_column;
  // The file's size and a hash of its bytes: the same file given twice
  // (under two names, or in two folders) is read once.
  int64_t bytes = 0;
  uint64_t fingerprint = 0;
};

struct Dataset {
  std::vector<ChildHeader> headers;
  std::vector<Episode> episodes;
  std::vector<LacReviewRecord> reviews;
  std::vector<Section47Record> section47;
  std::vector<CpPlanRecord> cp_plans;
  std::vector<MeetingRecord> meetings;
  // CIN census CollectionDetails/ReferenceDate, when a census was read.
  std::optional<Date> cin_reference_date;
  std::vector<InputFile> files;
  std::vector<Rejection> rejections;
  // Non-fatal observations: duplicate or overlapping episodes, ...
  std::vector<Rejection> warnings;

  // Which tables were present at all ("ssda903.episodes", "ssda903.reviews",
  // "ssda903.header", "cin.section47", "cin.cp_plans", "meetings").
  bool Has(const std::string& table) const;

  // The path (or buffer name) of the file `source` came from; "" when
  // `source.file` is not an index into `files`.
  const std::string& PathOf(const SourceRef& source) const;
};

TSC_NAMESPACE_END

#endif  // TSC_DATASET_H_
