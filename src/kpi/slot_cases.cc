// File: kpi/slot_cases.cc
//
// The case of a review or slot of a review schedule, shared by the LAC and
// CP schedule KPIs (docs/kpis.md#case-level-detail).

#include "absl/strings/str_cat.h"
#include "kpi/builders.h"

TSC_NAMESPACE_BEGIN
namespace internal {

CaseInfo SlotCase(const KpiContext& ctx, const ScheduleCalculator& calculator,
                  std::string_view child, SourceRef source, CaseItem item,
                  size_t k, bool anchored, std::optional<Date> anchor,
                  std::optional<Date> due, std::optional<Date> done,
                  MeetingType meeting, const std::string& context_line,
                  bool explaining, const char* noun) {
  CaseInfo info{child, source, item};
  if (due) {
    info.rule = calculator.RuleOf(k, anchored);
    info.slot = anchored ? static_cast<int32_t>(k) + 1 : 0;
    info.anchor = anchor;
    info.due = due;
  }
  info.done = done;
  if (item == CaseItem::kReview && done) {
    info.chair = ChairOfMeeting(ctx, child, *done, meeting);
  }
  if (explaining) {
    info.explanation = context_line;
    if (due && anchor) {
      absl::StatusOr<DueDate> working =
          ctx.ts.Due(std::string(info.rule), Moment::OnDate(*anchor));
      if (working.ok()) {
        absl::StrAppend(&info.explanation, "\n", working->Explain());
      }
    }
    if (item == CaseItem::kReview && done) {
      absl::StrAppend(&info.explanation, "\nfilled by the ", noun, " held ",
                      done->ToString());
    }
  }
  return info;
}

}  // namespace internal
TSC_NAMESPACE_END
