// File: fuzz/ssda903_csv_fuzzer.cc
//
// ImportSsda903Csv() over arbitrary bytes as a SSDA903 CSV table (any of its
// tables, recognised by its columns). The input is imported twice under two
// names into one Dataset, so merging a file into data that already holds the
// same records is fuzzed too. It must never crash, and must keep the invariants
// of fuzz_invariants.h.

#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"
#include "fuzz/fuzz_invariants.h"
#include "timescales/import.h"

// The overload without options (the plain function pointer).
constexpr absl::Status (*kImportSsda903Csv)(
    absl::string_view, absl::string_view,
    timescales::Dataset*) = timescales::ImportSsda903Csv;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(bytes), size);
  timescales::Dataset data;
  timescales::fuzz::ImportAndCheck(kImportSsda903Csv, "first.csv", text, &data);
  timescales::fuzz::ImportAndCheck(kImportSsda903Csv, "second.csv", text,
                                   &data);
  return 0;
}
