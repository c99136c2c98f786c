// File: kpi/periods_of_care.h
//
// Periods of care from SSDA903 episodes (docs/kpis.md#periods-of-care): a
// child's episodes sorted by DECOM; a new period begins at the child's
// first episode in the data, at RNE = S, or after an episode that ended the
// period (DEC filled and REC not X1). A period is open while its last
// episode has a blank DEC, or REC = X1 with no episode after it.

#ifndef TSC_KPI_PERIODS_OF_CARE_H_
#define TSC_KPI_PERIODS_OF_CARE_H_

#include <optional>
#include <vector>

#include "absl/types/span.h"
#include "timescales/dataset.h"

TSC_NAMESPACE_BEGIN
namespace internal {

struct PeriodOfCare {
  Date first_decom;
  bool start_known = false;  // its first episode has RNE = S
  std::optional<Date> end;   // empty while open
  bool short_break = false;  // every episode has LS V3 or V4
  SourceRef source;          // its first episode

  // The span a review must fall in: [start or -inf, end or +inf].
  bool Holds(Date day) const {
    return (!start_known || day >= first_decom) && (!end || day <= *end);
  }
};

// AppendPeriodsOfCare()
//
// Appends to `out` the periods of one child whose episodes, sorted by
// DECOM (equal DECOMs in file order), are `episodes`.
void AppendPeriodsOfCare(absl::Span<const Episode* const> episodes,
                         std::vector<PeriodOfCare>* out);

// The index of the first period that holds `day`, or -1.
int FindPeriod(absl::Span<const PeriodOfCare> periods, Date day);

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_KPI_PERIODS_OF_CARE_H_
