// File: import.h
// -----------------------------------------------------------------------------
//
// Importers for the extracts councils already have (docs/inputs.md): SSDA903
// CSV (one file a table, recognised by its set of column names) and XML, CIN
// census XML, and the library's own meetings.csv. Each reads a file path or
// an in-memory buffer (so the C ABI can feed data without files) and adds to
// a Dataset.
//
// Bad rows are rejected with their file, line and reason and reading goes
// on; a file that cannot be used at all (unreadable, UTF-16, a missing
// required column, malformed XML, an unrecognised table) is an error naming
// the file and what is wrong, and adds nothing.
//
// Example:
//
//   Dataset data;
//   absl::Status s = ImportPath("extracts/903", &data);   // every CSV in it
//   s.Update(ImportPath("cin_census_2020.xml", &data));
//   s.Update(ImportMeetingsCsv("meetings.csv", text, &data));

#ifndef TSC_IMPORT_H_
#define TSC_IMPORT_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "timescales/config.h"
#include "timescales/dataset.h"

TSC_NAMESPACE_BEGIN

// The order of a date written with slashes (docs/inputs.md#dates).
enum class DateOrder {
  // Day/month, the English order, unless a column's values fit month/day
  // only: then the column is refused, with the remedy.
  kAuto,
  kDayMonth,  // dd/mm/yyyy, whatever the values
  kMonthDay,  // mm/dd/yyyy (US exports), whatever the values
};

// How to read what the extracts hold when their shape leaves a choice.
struct ImportOptions {
  DateOrder date_order = DateOrder::kAuto;
  // The first year of the hundred a two-digit year falls in (1950: 17 is
  // 2017, 95 is 1995). Unset: a two-digit year is refused with the remedy.
  std::optional<int> two_digit_years_from;
  // meetings.csv with a column whose name is close to one of its own
  // (`chair` for `chair_id`) is refused unless this is set.
  bool allow_unknown_columns = false;
};

// An SSDA903 CSV table, recognised by its columns (Header, Episodes,
// Reviews; the other 903 tables are recognised and recorded as ignored).
// `name` labels the buffer in messages (usually its path).
absl::Status ImportSsda903Csv(absl::string_view name, absl::string_view text,
                              Dataset* data);
absl::Status ImportSsda903Csv(absl::string_view name, absl::string_view text,
                              const ImportOptions& options, Dataset* data);

// A 903 XML return (root EXPSSDA903).
absl::Status ImportSsda903Xml(absl::string_view name, absl::string_view text,
                              Dataset* data);

// A CIN census XML file (Message/Children/Child).
absl::Status ImportCinXml(absl::string_view name, absl::string_view text,
                          Dataset* data);

// The library's meetings.csv.
absl::Status ImportMeetingsCsv(absl::string_view name, absl::string_view text,
                               Dataset* data);
absl::Status ImportMeetingsCsv(absl::string_view name, absl::string_view text,
                               const ImportOptions& options, Dataset* data);

// What kind of input a path or buffer holds, decided by content: "ssda903"
// (903 CSV or XML), "cin" or "meetings".
enum class InputKind { kSsda903, kCin, kMeetings };

// ImportPath()
//
// A file or a folder. A folder: every `.csv` and `.xml` in it (not
// recursive), in name order. A file: read whole, its kind decided by its
// content when `kind` is not given (a CSV with `meeting_type` and `held_at`
// columns is meetings; other CSV is 903; XML by its root element).
absl::Status ImportPath(const std::string& path, Dataset* data);
absl::Status ImportPath(const std::string& path, InputKind kind, Dataset* data);
// `kind` nullopt: decided by content.
absl::Status ImportPath(const std::string& path, std::optional<InputKind> kind,
                        const ImportOptions& options, Dataset* data);

// ImportBuffer()
//
// The same for an in-memory buffer named `name`.
absl::Status ImportBuffer(absl::string_view name, absl::string_view text,
                          Dataset* data);
absl::Status ImportBuffer(absl::string_view name, absl::string_view text,
                          std::optional<InputKind> kind,
                          const ImportOptions& options, Dataset* data);

TSC_NAMESPACE_END

#endif  // TSC_IMPORT_H_
