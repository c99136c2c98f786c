// File: kpi/kpi.cc

#include "kpi/kpi.h"

#include <algorithm>
#include <cmath>

TSC_NAMESPACE_BEGIN
namespace internal {

int Kpi::Reason(const std::string& name) const {
  for (size_t i = 0; i < reasons_.size(); ++i) {
    if (reasons_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

void Kpi::Finish() {
  std::stable_sort(events_.begin(), events_.end(),
                   [](const KpiEvent& a, const KpiEvent& b) {
                     return a.date < b.date;
                   });
}

void Kpi::SetValue(KpiCounts* counts) const {
  if (unit_ == "count") {
    counts->value = static_cast<double>(counts->numerator);
  } else if (counts->denominator > 0) {
    counts->value =
        std::round(10000.0 * static_cast<double>(counts->numerator) /
                   static_cast<double>(counts->denominator)) /
        100.0;
  } else {
    counts->value.reset();
  }
}

KpiCounts Kpi::Count(Date start, Date end) const {
  KpiCounts counts;
  for (const std::string& reason : reasons_) counts.excluded[reason] = 0;
  auto first = std::lower_bound(
      events_.begin(), events_.end(), start,
      [](const KpiEvent& e, Date d) { return e.date < d; });
  for (auto it = first; it != events_.end() && it->date <= end; ++it) {
    if (it->reason >= 0) {
      ++counts.excluded[reasons_[static_cast<size_t>(it->reason)]];
      continue;
    }
    if (it->due && *it->due > end && !(it->done && *it->done <= end)) {
      ++counts.excluded["not_yet_due"];
      continue;
    }
    ++counts.denominator;
    if (it->hit) ++counts.numerator;
  }
  // Overdue slots: the slot after the last review held on or before `end`,
  // due inside the period while the care or plan was still open.
  for (const KpiChain& chain : chains_) {
    const size_t k = static_cast<size_t>(
        std::upper_bound(chain.held.begin(), chain.held.end(), end) -
        chain.held.begin());
    const std::optional<Date>& due = chain.next_due[k];
    if (due && start <= *due && *due <= end && (!chain.end || *chain.end > *due)) {
      ++counts.denominator;
      ++counts.overdue_at_period_end;
    }
  }
  SetValue(&counts);
  return counts;
}

}  // namespace internal
TSC_NAMESPACE_END
