// File: import/import_owned.h
//
// The XML importers of import.h for a text the caller hands over, as
// ImportPath does with a file it has read, so a national census (100 MB and
// more) is never held twice. Behaviour, messages and line numbers are those
// of the public importers. pugixml parses the text where it lies instead of
// copying it first (which the public importers must do with a string_view),
// and it is freed with the document; the lines are noted before the parse
// overwrites the text. The parse needs a NUL after the text: give the
// string one byte of capacity more than the file, or appending it copies
// the whole text. (CSV needs no such form: it only reads its text, and a
// file's is mapped.)

#ifndef TSC_IMPORT_IMPORT_OWNED_H_
#define TSC_IMPORT_IMPORT_OWNED_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "timescales/config.h"
#include "timescales/dataset.h"

TSC_NAMESPACE_BEGIN
namespace internal {

absl::Status ImportCinXmlOwned(absl::string_view name, std::string text,
                               Dataset* data);
absl::Status ImportSsda903XmlOwned(absl::string_view name, std::string text,
                                   Dataset* data);

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_IMPORT_IMPORT_OWNED_H_
