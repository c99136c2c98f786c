// File: kpi/kpi.h
//
// The shape every KPI shares. A KPI is precomputed once from the data into
// dated events (a review, a conference, a plan start) that already know
// their exclusion reason and whether they meet the standard, plus, for
// review schedules, the slots that can fall overdue. Counting a period [S, E]
// is then a sum over its days, or a binary search and a scan of the events
// (and slots) dated in it, so the monthly series, the previous period and
// the per-chair breakdown cost little.

#ifndef TSC_KPI_KPI_H_
#define TSC_KPI_KPI_H_

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "timescales/cases.h"
#include "timescales/date.h"
#include "timescales/due.h"
#include "timescales/kpi_registry.h"
#include "timescales/report.h"

TSC_NAMESPACE_BEGIN
namespace internal {

// An event or slot with no case row (detail not asked for, or outside the
// headline period).
inline constexpr uint32_t kNoCase = std::numeric_limits<uint32_t>::max();

// What a case row says of its record beyond how it counts: kept for the
// events and slots of the headline period when detail is asked for.
struct CaseInfo {
  std::string_view child;  // a view of the Dataset's string
  SourceRef source;
  CaseItem item = CaseItem::kReview;
  std::string_view rule;  // a static rule id, or empty
  int32_t slot = 0;
  std::optional<Date> anchor;
  std::optional<Date> due;   // the legal due date
  std::optional<Date> done;  // the date done, for the working days late
  int32_t chair = -1;        // the matching meeting's chair, or -1
  std::string explanation;   // only for the child being explained
};

// What turning cases into rows needs beyond the KPI: the calendar (the
// practical due date, working days late) and the chairs' names.
struct CaseContext {
  const Timescales& ts;
  const std::vector<std::string_view>* chair_names;  // null: no meetings
  bool explain = false;  // add each row's outcome to its explanation
};

// A dated record in scope of a KPI.
struct KpiEvent {
  Date date;
  int32_t reason = -1;  // index into the KPI's reasons, or -1 when counted
  bool hit = false;     // meets the standard (the numerator)
  // For "not yet due" exclusions: the due date and when it was done. An
  // event is judged by what the data record, whenever that falls; only one
  // with nothing done whose due date is after the horizon (the headline
  // period's end) is not yet due.
  std::optional<Date> due = std::nullopt;
  std::optional<Date> done = std::nullopt;
  // The breakdown group (the meeting's chair), or -1.
  int32_t group = -1;
  // Its case (Kpi::AddCase), or kNoCase.
  uint32_t info = kNoCase;
};

class Kpi {
 public:
  // The KPI `definition` describes, under its title as the registry gives
  // it or, when the configuration changes the timescale it names, `title`.
  explicit Kpi(const KpiDefinition& definition)
      : Kpi(definition, definition.title) {}
  Kpi(const KpiDefinition& definition, std::string title)
      : id_(definition.id),
        title_(std::move(title)),
        unit_(definition.unit),
        reasons_(definition.reasons.begin(), definition.reasons.end()),
        schedule_kpi_(definition.counts_overdue),
        timeliness_(definition.timeliness),
        reason_names_(definition.reasons) {}
  virtual ~Kpi() = default;

  // The counts for the period [start, end]. `horizon` is the headline
  // period's end, the day the data are judged as at: an event with nothing
  // done is "not yet due" only when due after it. Every month, chair and
  // previous period of one report shares the headline's horizon, so the
  // months and the chairs partition the headline exactly.
  virtual KpiCounts Count(Date start, Date end, Date horizon) const;
  // The counts for [start, end] of each breakdown group 0..groups-1 (events
  // of other groups are left out).
  std::vector<KpiCounts> CountByGroup(Date start, Date end, Date horizon,
                                      int32_t groups) const;
  // The case rows of [start, end] as Count() counts them, in date order:
  // the same events and slots under the same tests, so the rows aggregate
  // to Count()'s figures (docs/kpis.md#case-level-detail). Only events and
  // slots added with a case have rows: builders add them for the detail
  // period (WantsCase).
  virtual std::vector<CaseRow> Cases(Date start, Date end, Date horizon,
                                     const CaseContext& context) const;

  const std::string& id() const { return id_; }
  const std::string& title() const { return title_; }
  const std::string& unit() const { return unit_; }
  bool has_overdue() const { return schedule_kpi_; }
  bool timeliness() const { return timeliness_; }

  // The first day the data can answer for (previous periods before it are
  // not reported).
  std::optional<Date> coverage_start;

  void AddEvent(const KpiEvent& event);

  // Case-level detail: rows are kept for records dated in `period` (the
  // headline) and, when `child` is not empty, of that child only.
  void WantCases(Date start, Date end, std::string child);
  // Whether a record of `child` dated `date` needs its case kept.
  bool WantsCase(std::string_view child, Date date) const {
    return wants_cases_ && date >= case_start_ && date <= case_end_ &&
           (case_child_.empty() || child == case_child_);
  }
  bool wants_cases() const { return wants_cases_; }
  // Whether cases carry their working (the child being explained).
  bool explaining() const { return wants_cases_ && !case_child_.empty(); }
  // Keeps `info` and returns its index for KpiEvent::info.
  uint32_t AddCase(CaseInfo info);
  // AddEvent with its case when WantsCase(info.child, event.date).
  void AddEvent(KpiEvent event, CaseInfo info);
  // Room for `events` more AddEvent() calls: a builder that knows how many
  // records it reads saves the vector growing (the pages it never uses are
  // never touched).
  void Reserve(size_t events) { events_.reserve(events_.size() + events); }
  // A review schedule, for its overdue slots: `held` the distinct review dates
  // ascending, `next_due[k]` the due date of the slot after the k-th review
  // (next_due[0]: slot 1, empty for an unanchored schedule), `end` the day the
  // period of care or plan ended.
  // `slot_cases[k]`, when given, is next_due[k]'s case or kNoCase.
  void AddSchedule(const std::vector<Date>& held,
                   const std::vector<std::optional<Date>>& next_due,
                   std::optional<Date> end,
                   const std::vector<uint32_t>* slot_cases = nullptr);
  // Index of a reason name, for AddEvent.
  int32_t Reason(const std::string& name) const;
  // Sorts the events and slots by date; call once before counting.
  void Finish();

 protected:
  // The percent (2 dp) or count value of counts, null when 0/0 for percent.
  void SetValue(KpiCounts* counts) const;
  // The exclusion reasons, in precedence order (AddEvent's indices).
  const std::vector<std::string>& reasons() const { return reasons_; }
  // The static name of reason `index`, as rows carry it.
  std::string_view ReasonName(int32_t index) const;
  // A row for case `info`, counted as `outcome` with `reason`; `until`
  // ends the working days late of a row never done.
  CaseRow MakeRow(uint32_t info, Date date, CaseOutcome outcome,
                  std::string_view reason, bool in_numerator,
                  bool in_denominator, Date until,
                  const CaseContext& context) const;
  const CaseInfo& case_info(uint32_t info) const { return cases_[info]; }
  // on_time / late for a timeliness KPI, counted / not_counted otherwise.
  CaseOutcome Counted(bool hit) const;

 private:
  // A slot of a schedule that is overdue at a period end E when `due` <= E,
  // the review before it was held by E, the next one was not held by E,
  // and the care or plan had not ended by the due date.
  struct OpenSlot {
    Date due;
    Date previous_held;  // kMinDate for slot 1
    Date next_held;      // kMaxDate when no later review was held
    Date end;            // kMaxDate while open
    uint32_t info;       // its case, or kNoCase
  };

  // Whether `slot` is overdue at the end of `end`.
  static bool OverdueAt(const OpenSlot& slot, Date end) {
    return slot.previous_held <= end && end < slot.next_held &&
           slot.end > slot.due;
  }
  // Counts the events dated in [start, end] into `counts` and `excluded`
  // (per reason, then "not yet due"): one entry per group, or one for all.
  void Tally(Date start, Date end, Date horizon, bool by_group,
             std::vector<std::vector<int64_t>>* excluded,
             std::vector<KpiCounts>* counts) const;
  KpiCounts Finished(KpiCounts counts,
                     const std::vector<int64_t>& excluded) const;

  std::string id_;
  std::string title_;
  std::string unit_;
  std::vector<std::string> reasons_;
  // Events with no due date and no group are only ever counted, so they are
  // tallied per day (columns: each reason, then counted, then hit), and a
  // period sums its days; the others are kept, sorted by date.
  size_t Columns() const { return reasons_.size() + 2; }
  std::vector<int32_t> day_tallies_;  // from kMinDate; sized on first use
  std::vector<KpiEvent> events_;
  std::vector<OpenSlot> slots_;
  bool schedule_kpi_ = false;
  bool timeliness_ = false;
  std::vector<const char*> reason_names_;  // the registry's static names
  // Case-level detail.
  bool wants_cases_ = false;
  Date case_start_;
  Date case_end_;
  std::string case_child_;
  std::vector<CaseInfo> cases_;
};

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_KPI_KPI_H_
