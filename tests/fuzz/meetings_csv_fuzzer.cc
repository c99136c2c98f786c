// File: fuzz/meetings_csv_fuzzer.cc
//
// ImportMeetingsCsv() over arbitrary bytes as a meetings.csv file. The input is
// imported twice under two names into one Dataset, so merging a file into
// data that already holds the same records is fuzzed too. It must never
// crash, and must keep the invariants of fuzz_invariants.h.

#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"
#include "fuzz/fuzz_invariants.h"
#include "timescales/import.h"

// The overload without options (the plain function pointer).
constexpr absl::Status (*kImportMeetingsCsv)(
    absl::string_view, absl::string_view,
    timescales::Dataset*) = timescales::ImportMeetingsCsv;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(bytes), size);
  timescales::Dataset data;
  timescales::fuzz::ImportAndCheck(kImportMeetingsCsv, "first.csv", text,
                                   &data);
  timescales::fuzz::ImportAndCheck(kImportMeetingsCsv, "second.csv", text,
                                   &data);
  return 0;
}
