// File: fuzz/ssda903_xml_fuzzer.cc
//
// ImportSsda903Xml() over arbitrary bytes as a 903 XML return (root
// EXPSSDA903). The input is imported twice under two names into one
// Dataset, so merging a file into data that already holds the same records
// is fuzzed too. It must never crash, and must keep the invariants of
// fuzz_invariants.h; the in-place importer must give exactly what the public
// one gives (xml_in_place.h); and ImportBuffer(), which tells the kind of a
// buffer by its content (the root element's name, found by a scan of its
// own), must import a 903 return as ImportSsda903Xml() does.

#include <cstddef>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "fuzz/fuzz_invariants.h"
#include "fuzz/xml_in_place.h"
#include "import/import_owned.h"
#include "timescales/import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  namespace ts = ::timescales;
  const absl::string_view text(reinterpret_cast<const char*>(bytes), size);
  ts::Dataset data;
  ts::fuzz::ImportAndCheck(ts::ImportSsda903Xml, "first.xml", text, &data);
  ts::fuzz::ImportAndCheck(ts::ImportSsda903Xml, "second.xml", text, &data);
  ts::fuzz::CheckInPlace(ts::ImportSsda903Xml,
                         ts::internal::ImportSsda903XmlOwned, text);

  // A return the 903 importer reads must be read the same way through the
  // content-sniffing ImportBuffer() (the importer refuses text before the
  // document, which ImportBuffer would take for CSV; the sniffing reads past
  // a DOCTYPE's internal subset).
  ts::Dataset direct;
  if (ts::ImportSsda903Xml("in.xml", text, &direct).ok()) {
    ts::Dataset sniffed;
    const absl::Status status = ts::ImportBuffer("in.xml", text, &sniffed);
    ts::fuzz::Check(status.ok(),
                    "ImportBuffer refuses a 903 return ImportSsda903Xml "
                    "reads: " +
                        status.ToString());
    ts::fuzz::Check(ts::fuzz::Same(sniffed, direct),
                    "ImportBuffer reads a 903 return differently");
  }
  return 0;
}
