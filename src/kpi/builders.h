// File: kpi/builders.h
//
// One builder per KPI of docs/kpis.md#the-kpis: each reads the Dataset once and
// returns a Kpi whose events and schedules answer any period.

#ifndef TSC_KPI_BUILDERS_H_
#define TSC_KPI_BUILDERS_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "kpi/kpi.h"
#include "kpi/lac_view.h"
#include "timescales/dataset.h"
#include "timescales/due.h"
#include "timescales/schedule.h"

TSC_NAMESPACE_BEGIN
namespace internal {

// The chairs of the meetings, numbered in name order (blank first): the
// meeting KPIs' breakdown groups.
struct MeetingChairs {
  std::vector<std::string_view> names;
  std::vector<int32_t> of_meeting;  // per Dataset::meetings row
};

// The meetings by child, date and type, for the chair of the meeting that
// matches a review or conference (case-level detail only).
struct MeetingIndex;

// What every builder reads, plus views of the data built on first use and
// shared by the KPIs that need them.
struct KpiContext {
  KpiContext(const Dataset& data_in, const Timescales& ts_in,
             std::optional<Date> data_from_in)
      : data(data_in), ts(ts_in), data_from(data_from_in) {}

  const Dataset& data;
  const Timescales& ts;
  std::optional<Date> data_from;
  // Case-level detail: builders keep the cases of records dated in the
  // headline period (of `detail_child` only, with their working, when set).
  bool detail = false;
  Date detail_start;
  Date detail_end;
  std::string detail_child;
  mutable std::shared_ptr<const MeetingIndex> meeting_index;
  // Built on first use (see cin_records.h, lac_view.h, Chairs below).
  mutable std::shared_ptr<const std::vector<CpPlanRecord>> distinct_plans;
  mutable std::shared_ptr<const std::vector<Section47Record>> distinct_s47;
  mutable std::shared_ptr<const LacView> lac;
  mutable std::shared_ptr<const MeetingChairs> chairs;
};

// The CIN plans and enquiries of the context, one per real plan/enquiry.
const std::vector<CpPlanRecord>& Plans(const KpiContext& ctx);
const std::vector<Section47Record>& Enquiries(const KpiContext& ctx);
// The children's periods of care and reviews.
const LacView& Lac(const KpiContext& ctx);
// The meetings' chairs.
const MeetingChairs& Chairs(const KpiContext& ctx);

// Asks `kpi` to keep the cases the context's detail options want.
void WantCases(const KpiContext& ctx, Kpi* kpi);
// The chair (MeetingChairs number) of `child`'s meeting of `type` held on
// `date`, or -1 when none is in the data (or `date` is outside the detail
// period, whose rows alone have chairs).
int32_t ChairOfMeeting(const KpiContext& ctx, std::string_view child, Date date,
                       MeetingType type);

// The case of a review or slot of a schedule: `k` the position of the slot
// (next_due[k]), `anchored` whether the schedule's start is known, `done`
// the review that filled it (its chair from the meeting of `meeting` that
// day), `noun` what a review is called ("review", "conference"). With
// `explaining`, the working: `context_line`, how the due date was computed
// and what filled the slot.
CaseInfo SlotCase(const KpiContext& ctx, const ScheduleCalculator& calculator,
                  std::string_view child, SourceRef source, CaseItem item,
                  size_t k, bool anchored, std::optional<Date> anchor,
                  std::optional<Date> due, std::optional<Date> done,
                  MeetingType meeting, const std::string& context_line,
                  bool explaining, const char* noun);

using KpiPtr = std::unique_ptr<Kpi>;

// LAC reviews (SSDA903 Episodes + Reviews).
absl::StatusOr<KpiPtr> BuildLacReviewTimeliness(const KpiContext& ctx);
absl::StatusOr<KpiPtr> BuildLacReviewParticipation(const KpiContext& ctx);

// Child protection (CIN census).
absl::StatusOr<KpiPtr> BuildIcpcTimeliness(const KpiContext& ctx);
absl::StatusOr<KpiPtr> BuildRcpcTimeliness(const KpiContext& ctx);
absl::StatusOr<KpiPtr> BuildCpRepeatPlans(const KpiContext& ctx);
absl::StatusOr<KpiPtr> BuildCpRepeatPlans2y(const KpiContext& ctx);
absl::StatusOr<KpiPtr> BuildCpPlansOpenOver18Months(const KpiContext& ctx);
absl::StatusOr<KpiPtr> BuildCpPlansEnded2yPlus(const KpiContext& ctx);

// Meetings (meetings.csv lac_review rows).
absl::StatusOr<KpiPtr> BuildDecisions5wd(const KpiContext& ctx);
absl::StatusOr<KpiPtr> BuildRecord20wd(const KpiContext& ctx);
absl::StatusOr<KpiPtr> BuildSwReport24h(const KpiContext& ctx);

// Data warnings for cp_repeat_plans_2y: a CP plan that starts while an
// earlier plan of the same child has no end date, naming both (file:line).
std::vector<Rejection> OpenEarlierPlanWarnings(const KpiContext& ctx);

// The LAC and CP coverage starts (docs/kpis.md#coverage-start).
std::optional<Date> LacCoverageStart(const KpiContext& ctx);
std::optional<Date> CpCoverageStart(const KpiContext& ctx);

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_KPI_BUILDERS_H_
