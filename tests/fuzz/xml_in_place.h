// File: fuzz/xml_in_place.h
//
// The in-place XML importers (import/import_owned.h) must give exactly what
// the public ones give: they parse the caller's buffer where the public ones
// parse a copy, and note the lines before the parse overwrites them.
// CheckInPlace() imports a text both ways and compares the Datasets field by
// field (Same()), status included.

#ifndef TSC_FUZZ_XML_IN_PLACE_H_
#define TSC_FUZZ_XML_IN_PLACE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "fuzz/fuzz_check.h"
#include "timescales/dataset.h"

namespace timescales {
namespace fuzz {

inline bool Same(const SourceRef& a, const SourceRef& b) {
  return a.file == b.file && a.line == b.line;
}

inline bool Same(const Rejection& a, const Rejection& b) {
  return a.path == b.path && a.line == b.line && a.reason == b.reason;
}

inline bool Same(const Section47Record& a, const Section47Record& b) {
  return a.child == b.child && a.cin_index == b.cin_index &&
         a.s47_index == b.s47_index && a.s47_start == b.s47_start &&
         a.icpc_target == b.icpc_target && a.icpc == b.icpc &&
         a.icpc_not_required == b.icpc_not_required && Same(a.source, b.source);
}

inline bool Same(const CpPlanRecord& a, const CpPlanRecord& b) {
  return a.child == b.child && a.cin_index == b.cin_index &&
         a.plan_index == b.plan_index && a.start == b.start && a.end == b.end &&
         a.previous_plans == b.previous_plans &&
         a.initial_category == b.initial_category &&
         a.latest_category == b.latest_category && a.reviews == b.reviews &&
         Same(a.source, b.source);
}

inline bool Same(const ChildHeader& a, const ChildHeader& b) {
  return a.child == b.child && a.sex == b.sex && a.dob == b.dob &&
         Same(a.source, b.source);
}

inline bool Same(const LacReviewRecord& a, const LacReviewRecord& b) {
  return a.child == b.child && a.dob == b.dob && a.review == b.review &&
         a.review_code == b.review_code && Same(a.source, b.source);
}

inline bool Same(const Episode& a, const Episode& b) {
  return a.child == b.child && a.decom == b.decom && a.dec == b.dec &&
         a.rne == b.rne && a.ls == b.ls && a.cin == b.cin &&
         a.place == b.place && a.rec == b.rec && Same(a.source, b.source);
}

inline bool Same(const InputFile& a, const InputFile& b) {
  return a.path == b.path && a.table == b.table && a.rows == b.rows &&
         a.rejected == b.rejected && a.ignored == b.ignored;
}

template <typename T>
bool Same(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!Same(a[i], b[i])) return false;
  }
  return true;
}

inline bool Same(const Dataset& a, const Dataset& b) {
  return Same(a.headers, b.headers) && Same(a.episodes, b.episodes) &&
         Same(a.reviews, b.reviews) && Same(a.section47, b.section47) &&
         Same(a.cp_plans, b.cp_plans) &&
         a.cin_reference_date == b.cin_reference_date &&
         Same(a.files, b.files) && Same(a.rejections, b.rejections) &&
         Same(a.warnings, b.warnings);
}

using PublicImporter = absl::Status (*)(absl::string_view, absl::string_view,
                                        Dataset*);
using InPlaceImporter = absl::Status (*)(absl::string_view, std::string,
                                         Dataset*);

inline void CheckInPlace(PublicImporter copying, InPlaceImporter in_place,
                         absl::string_view text) {
  Dataset expected;
  const absl::Status expected_status = copying("in.xml", text, &expected);
  Dataset got;
  const absl::Status got_status = in_place("in.xml", std::string(text), &got);
  if (got_status != expected_status) {
    Fail("the in-place import's status differs: " + got_status.ToString() +
         " / " + expected_status.ToString());
  }
  if (!Same(got, expected)) Fail("the in-place import's Dataset differs");
}

}  // namespace fuzz
}  // namespace timescales

#endif  // TSC_FUZZ_XML_IN_PLACE_H_
