// File: fuzz/cin_xml_fuzzer.cc
//
// ImportCinXml() over arbitrary bytes as a CIN census XML file. The input is
// imported twice under two names into one Dataset, so merging a file into
// data that already holds the same records is fuzzed too. It must never
// crash, and must keep the invariants of fuzz_invariants.h.
//
// The in-place importers (internal/import_owned.h) must give exactly what
// the public ones give, for a census and, from the same bytes, for a 903
// XML file: they parse the caller's buffer where the public ones parse a
// copy, and note the lines before the parse overwrites them.

#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"
#include "fuzz/fuzz_invariants.h"
#include "fuzz/xml_in_place.h"
#include "import/import_owned.h"
#include "timescales/import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(bytes), size);
  timescales::Dataset data;
  timescales::fuzz::ImportAndCheck(timescales::ImportCinXml, "first.xml", text,
                                   &data);
  timescales::fuzz::ImportAndCheck(timescales::ImportCinXml, "second.xml", text,
                                   &data);
  timescales::fuzz::CheckInPlace(timescales::ImportCinXml,
                                 timescales::internal::ImportCinXmlOwned, text);
  timescales::fuzz::CheckInPlace(timescales::ImportSsda903Xml,
                                 timescales::internal::ImportSsda903XmlOwned,
                                 text);
  return 0;
}
