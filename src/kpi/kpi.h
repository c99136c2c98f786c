// File: kpi/kpi.h
//
// The shape every KPI shares. A KPI is precomputed once from the data into
// dated events (a review, a conference, a plan start) that already know
// their exclusion reason and whether they meet the standard, plus, for
// review chains, the due date of the slot after each review. Counting a
// period [S, E] is then a scan of the events dated in it and a binary search
// per chain, so the monthly series and the previous period cost little.

#ifndef TSC_KPI_KPI_H_
#define TSC_KPI_KPI_H_

#include <optional>
#include <string>
#include <vector>

#include "timescales/date.h"
#include "timescales/report.h"

TSC_NAMESPACE_BEGIN
namespace internal {

// A dated record in scope of a KPI.
struct KpiEvent {
  Date date;
  int reason = -1;   // index into the KPI's reasons, or -1 when counted
  bool hit = false;  // meets the standard (the numerator)
  // For "not yet due" exclusions: the due date and when it was done, so a
  // period ending before the due date, with nothing done by then, excludes
  // the event instead of counting it late.
  std::optional<Date> due;
  std::optional<Date> done;
};

// A review chain, for its overdue slots.
struct KpiChain {
  std::vector<Date> held;  // distinct review dates, ascending
  // next_due[k]: due date of the slot after the k-th review (next_due[0]:
  // slot 1, empty for an unanchored chain).
  std::vector<std::optional<Date>> next_due;
  std::optional<Date> end;  // the period of care / plan ended on this day
};

class Kpi {
 public:
  Kpi(std::string id, std::string title, std::string unit,
      std::vector<std::string> reasons)
      : id_(std::move(id)),
        title_(std::move(title)),
        unit_(std::move(unit)),
        reasons_(std::move(reasons)) {}
  virtual ~Kpi() = default;

  // The counts for the period [start, end].
  virtual KpiCounts Count(Date start, Date end) const;

  const std::string& id() const { return id_; }
  const std::string& title() const { return title_; }
  const std::string& unit() const { return unit_; }
  bool has_overdue() const { return !chains_.empty() || chain_kpi_; }

  // The first day the data can answer for (previous periods before it are
  // not reported).
  std::optional<Date> coverage_start;

  void AddEvent(KpiEvent event) { events_.push_back(std::move(event)); }
  void AddChain(KpiChain chain) { chains_.push_back(std::move(chain)); }
  // Index of a reason name, for AddEvent.
  int Reason(const std::string& name) const;
  // Sorts the events by date; call once before counting.
  void Finish();
  void set_chain_kpi() { chain_kpi_ = true; }

 protected:
  // The percent (2 dp) or count value of counts, null when 0/0 for percent.
  void SetValue(KpiCounts* counts) const;

 private:
  std::string id_;
  std::string title_;
  std::string unit_;
  std::vector<std::string> reasons_;  // plus "not_yet_due" when used
  std::vector<KpiEvent> events_;
  std::vector<KpiChain> chains_;
  bool chain_kpi_ = false;
};

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_KPI_KPI_H_
