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
#include <optional>
#include <string>
#include <vector>

#include "timescales/date.h"
#include "timescales/kpi_registry.h"
#include "timescales/report.h"

TSC_NAMESPACE_BEGIN
namespace internal {

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
        schedule_kpi_(definition.counts_overdue) {}
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

  const std::string& id() const { return id_; }
  const std::string& title() const { return title_; }
  const std::string& unit() const { return unit_; }
  bool has_overdue() const { return schedule_kpi_; }

  // The first day the data can answer for (previous periods before it are
  // not reported).
  std::optional<Date> coverage_start;

  void AddEvent(const KpiEvent& event);
  // Room for `events` more AddEvent() calls: a builder that knows how many
  // records it reads saves the vector growing (the pages it never uses are
  // never touched).
  void Reserve(size_t events) { events_.reserve(events_.size() + events); }
  // A review schedule, for its overdue slots: `held` the distinct review dates
  // ascending, `next_due[k]` the due date of the slot after the k-th review
  // (next_due[0]: slot 1, empty for an unanchored schedule), `end` the day the
  // period of care or plan ended.
  void AddSchedule(const std::vector<Date>& held,
                   const std::vector<std::optional<Date>>& next_due,
                   std::optional<Date> end);
  // Index of a reason name, for AddEvent.
  int32_t Reason(const std::string& name) const;
  // Sorts the events and slots by date; call once before counting.
  void Finish();

 protected:
  // The percent (2 dp) or count value of counts, null when 0/0 for percent.
  void SetValue(KpiCounts* counts) const;
  // The exclusion reasons, in precedence order (AddEvent's indices).
  const std::vector<std::string>& reasons() const { return reasons_; }

 private:
  // A slot of a schedule that is overdue at a period end E when `due` <= E,
  // the review before it was held by E, the next one was not held by E,
  // and the care or plan had not ended by the due date.
  struct OpenSlot {
    Date due;
    Date previous_held;  // kMinDate for slot 1
    Date next_held;      // kMaxDate when no later review was held
    Date end;            // kMaxDate while open
  };

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
};

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_KPI_KPI_H_
