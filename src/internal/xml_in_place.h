// File: internal/xml_in_place.h
//
// The XML importers for a caller that owns the file's bytes and is done with
// them, as ImportPath is once it has read a file into a std::string: the
// text is handed over, pugixml parses it where it lies instead of copying
// it first (which ImportCinXml must do with a string_view), and it is freed
// with the document, so a 100 MB census is not held twice. The lines are
// noted before the parse overwrites the text. Behaviour, messages and line
// numbers are those of ImportCinXml() and ImportSsda903Xml().
//
// The parse needs a NUL after the text: give the string one byte of
// capacity more than the file, or appending it copies the whole text.
//
// Example:
//
//   std::string text;
//   text.reserve(file_size + 1);
//   ...  // read the file into `text`
//   absl::Status s =
//       internal::ImportCinXmlInPlace(path, std::move(text), &data);

#ifndef TSC_INTERNAL_XML_IN_PLACE_H_
#define TSC_INTERNAL_XML_IN_PLACE_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "timescales/config.h"
#include "timescales/dataset.h"

TSC_NAMESPACE_BEGIN
namespace internal {

// ImportCinXmlInPlace()
//
// ImportCinXml() of `text`.
absl::Status ImportCinXmlInPlace(absl::string_view name, std::string text,
                                 Dataset* data);

// ImportSsda903XmlInPlace()
//
// ImportSsda903Xml() of `text`.
absl::Status ImportSsda903XmlInPlace(absl::string_view name, std::string text,
                                     Dataset* data);

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_INTERNAL_XML_IN_PLACE_H_
