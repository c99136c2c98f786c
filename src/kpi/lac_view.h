// File: kpi/lac_view.h
//
// What the LAC review KPIs read from the SSDA903 Episodes and Reviews,
// built once per report and shared: every child's periods of care (see
// periods_of_care.h) and reviews, each review marked duplicate when an
// earlier row of the same child has the same date.

#ifndef TSC_KPI_LAC_VIEW_H_
#define TSC_KPI_LAC_VIEW_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/types/span.h"
#include "kpi/periods_of_care.h"
#include "timescales/dataset.h"

TSC_NAMESPACE_BEGIN
namespace internal {

struct ChildReview {
  Date date;
  const LacReviewRecord* record;
  bool duplicate;
};

class LacView {
 public:
  // `data` must outlive the view.
  explicit LacView(const Dataset& data);

  // Children are numbered 0..children()-1: those with episodes, then those
  // with reviews only.
  size_t children() const { return period_begin_.size() - 1; }
  // The child's id (CHILD), a view of the Dataset's string.
  std::string_view child(size_t child) const { return ids_[child]; }
  // The child's periods of care, in start order.
  absl::Span<const PeriodOfCare> Periods(size_t child) const;
  // The child's reviews, in file order.
  absl::Span<const ChildReview> Reviews(size_t child) const;

 private:
  std::vector<std::string_view> ids_;
  std::vector<PeriodOfCare> periods_;
  std::vector<uint32_t> period_begin_;  // children + 1 offsets
  std::vector<ChildReview> reviews_;
  std::vector<uint32_t> review_begin_;  // children + 1 offsets
};

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_KPI_LAC_VIEW_H_
