// File: internal/import_owned.h
//
// The CSV importers of import.h for a text the caller hands over, as
// ImportPath does with a file it has read: the text is freed as soon as its
// table has been read, before the records are staged, so the two never
// peak together (a national meetings.csv is 110 MB of text). Behaviour is
// otherwise that of ImportSsda903Csv and ImportMeetingsCsv.

#ifndef TSC_INTERNAL_IMPORT_OWNED_H_
#define TSC_INTERNAL_IMPORT_OWNED_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "timescales/config.h"
#include "timescales/dataset.h"

TSC_NAMESPACE_BEGIN
namespace internal {

absl::Status ImportSsda903CsvOwned(absl::string_view name, std::string text,
                                   Dataset* data);
absl::Status ImportMeetingsCsvOwned(absl::string_view name, std::string text,
                                    Dataset* data);

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_INTERNAL_IMPORT_OWNED_H_
