// File: kpi/chain_due_dates.cc
//
// Due dates along a review chain, chained from the actual date of each
// review (never from the previous due date).

#include "kpi/builders.h"

TSC_NAMESPACE_BEGIN
namespace internal {

absl::StatusOr<std::vector<std::optional<Date>>> ChainDueDates(
    const Timescales& ts, std::optional<Date> anchor,
    const std::vector<Date>& held, const Rule& first, const Rule& second,
    const Rule& subsequent) {
  std::vector<std::optional<Date>> next_due(held.size() + 1);
  if (anchor) {
    absl::StatusOr<Date> due = ts.LegalDueDate(first, *anchor);
    if (!due.ok()) return due.status();
    next_due[0] = *due;
  }
  for (size_t k = 0; k < held.size(); ++k) {
    // Slot k + 2 follows review k + 1: the second slot of an anchored chain
    // uses the second-review rule; everything else the subsequent rule.
    const Rule& rule = anchor && k == 0 ? second : subsequent;
    absl::StatusOr<Date> due = ts.LegalDueDate(rule, held[k]);
    if (!due.ok()) return due.status();
    next_due[k + 1] = *due;
  }
  return next_due;
}

}  // namespace internal
TSC_NAMESPACE_END
