// File: fuzz/fuzz_invariants.h
//
// What every importer must keep, whatever the input, checked by the fuzz
// targets after each import; a broken invariant aborts, so libFuzzer (or the
// standalone replay) reports the input that broke it:
//
//   * a failed import adds nothing, and its message names the file;
//   * a successful one adds exactly one file entry, named as given;
//   * per file, every row is kept or rejected (rows == kept + rejected), its
//     rejected count matches its listed rejections, and an ignored table
//     rejects nothing;
//   * every record, rejection and warning has a line inside the input (a
//     warning about the file as a whole, such as a date column that reads
//     either way, has line 0).

#ifndef TSC_FUZZ_FUZZ_INVARIANTS_H_
#define TSC_FUZZ_FUZZ_INVARIANTS_H_

#include <algorithm>
#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "fuzz/fuzz_check.h"
#include "timescales/dataset.h"

namespace timescales {
namespace fuzz {

// Everything a Dataset holds, as counts: enough to see that a failed import
// added nothing.
struct Counts {
  size_t headers, episodes, reviews, section47, cp_plans, meetings, files,
      rejections, warnings;
  bool reference_date;

  static Counts Of(const Dataset& d) {
    return {d.headers.size(),  d.episodes.size(),
            d.reviews.size(),  d.section47.size(),
            d.cp_plans.size(), d.meetings.size(),
            d.files.size(),    d.rejections.size(),
            d.warnings.size(), d.cin_reference_date.has_value()};
  }
  bool operator==(const Counts& o) const {
    return headers == o.headers && episodes == o.episodes &&
           reviews == o.reviews && section47 == o.section47 &&
           cp_plans == o.cp_plans && meetings == o.meetings &&
           files == o.files && rejections == o.rejections &&
           warnings == o.warnings && reference_date == o.reference_date;
  }
};

// The largest line number `text` can have (LF, CRLF or bare CR line ends).
inline int64_t MaxLine(absl::string_view text) {
  return 1 + static_cast<int64_t>(
                 std::max(std::count(text.begin(), text.end(), '\n'),
                          std::count(text.begin(), text.end(), '\r')));
}

template <typename Records>
int64_t CountFrom(const Dataset& d, const Records& records,
                  const std::string& path, int64_t max_line) {
  int64_t count = 0;
  for (const auto& r : records) {
    if (d.PathOf(r.source) != path) continue;
    if (r.source.line < 1 || r.source.line > max_line) {
      Fail(path + ": a record's line is outside the input");
    }
    ++count;
  }
  return count;
}

inline void CheckFile(const Dataset& d, const InputFile& file,
                      int64_t max_line) {
  int64_t rejected = 0;
  for (const Rejection& r : d.rejections) {
    if (r.path != file.path) continue;
    if (r.line < 1 || r.line > max_line) Fail("a rejection's line is outside");
    if (r.reason.empty()) Fail("a rejection has no reason");
    ++rejected;
  }
  for (const Rejection& w : d.warnings) {
    if (w.path == file.path && (w.line < 0 || w.line > max_line)) {
      Fail("a warning's line is outside the input");
    }
  }
  if (rejected != file.rejected) Fail(file.path + ": rejected != rejections");
  const int64_t kept = CountFrom(d, d.headers, file.path, max_line) +
                       CountFrom(d, d.episodes, file.path, max_line) +
                       CountFrom(d, d.reviews, file.path, max_line) +
                       CountFrom(d, d.section47, file.path, max_line) +
                       CountFrom(d, d.cp_plans, file.path, max_line) +
                       CountFrom(d, d.meetings, file.path, max_line);
  if (file.ignored) {
    if (file.rejected != 0 || kept != 0) Fail("an ignored table kept rows");
    return;
  }
  if (file.rows != kept + file.rejected) {
    Fail(file.path + ": rows != kept + rejected");
  }
}

// An importer of import.h: (name, text, data). A function pointer, so the
// overload without ImportOptions is the one chosen.
using Importer = absl::Status (*)(absl::string_view, absl::string_view,
                                  Dataset*);

// Runs `import(name, text, data)` and checks the invariants above.
inline void ImportAndCheck(Importer import, const std::string& name,
                           absl::string_view text, Dataset* data) {
  const Counts before = Counts::Of(*data);
  const absl::Status status = import(name, text, data);
  if (!status.ok()) {
    if (!(Counts::Of(*data) == before)) Fail("a failed import added data");
    if (status.message().find(name) == absl::string_view::npos) {
      Fail("an error does not name the file: " + std::string(status.message()));
    }
    return;
  }
  if (data->files.size() != before.files + 1 ||
      data->files.back().path != name) {
    Fail("a successful import did not add exactly its own file entry");
  }
  const int64_t max_line = MaxLine(text);
  for (const InputFile& file : data->files) CheckFile(*data, file, max_line);
}

}  // namespace fuzz
}  // namespace timescales

#endif  // TSC_FUZZ_FUZZ_INVARIANTS_H_
