// File: kpi/kpi.cc

#include "kpi/kpi.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

constexpr Date kBeforeAll =
    Date::FromSerial(std::numeric_limits<int32_t>::min());
constexpr Date kAfterAll =
    Date::FromSerial(std::numeric_limits<int32_t>::max());

constexpr char kNotYetDue[] = "not_yet_due";

// Sorts `items` by `date_of`, keeping the order of equal dates: a counting
// sort over the days spanned (at most the library's 300 years), O(n).
template <typename T, typename DateOf>
void StableSortByDate(std::vector<T>* items, DateOf date_of) {
  if (items->size() < 2) return;
  int32_t low = date_of(items->front()).serial();
  int32_t high = low;
  for (const T& item : *items) {
    low = std::min(low, date_of(item).serial());
    high = std::max(high, date_of(item).serial());
  }
  if (low < kMinDate.serial() || high > kMaxDate.serial()) {
    std::stable_sort(items->begin(), items->end(), [&](const T& a, const T& b) {
      return date_of(a) < date_of(b);
    });
    return;
  }
  std::vector<uint32_t> first(static_cast<size_t>(high - low) + 2, 0);
  for (const T& item : *items) {
    ++first[static_cast<size_t>(date_of(item).serial() - low) + 1];
  }
  for (size_t i = 1; i < first.size(); ++i) first[i] += first[i - 1];
  std::vector<T> sorted(items->size());
  for (T& item : *items) {
    sorted[first[static_cast<size_t>(date_of(item).serial() - low)]++] =
        std::move(item);
  }
  *items = std::move(sorted);
}

}  // namespace

int32_t Kpi::Reason(const std::string& name) const {
  for (size_t i = 0; i < reasons_.size(); ++i) {
    if (reasons_[i] == name) return static_cast<int32_t>(i);
  }
  return -1;
}

void Kpi::WantCases(Date start, Date end, std::string child) {
  wants_cases_ = true;
  case_start_ = start;
  case_end_ = end;
  case_child_ = std::move(child);
}

uint32_t Kpi::AddCase(CaseInfo info) {
  cases_.push_back(std::move(info));
  return static_cast<uint32_t>(cases_.size() - 1);
}

void Kpi::AddEvent(KpiEvent event, CaseInfo info) {
  if (WantsCase(info.child, event.date)) event.info = AddCase(std::move(info));
  AddEvent(event);
}

void Kpi::AddEvent(const KpiEvent& event) {
  const bool plain =
      !event.due && !event.done && event.group < 0 && event.info == kNoCase;
  if (!plain || event.date < kMinDate || event.date > kMaxDate) {
    events_.push_back(event);
    return;
  }
  if (day_tallies_.empty()) {
    day_tallies_.assign(
        static_cast<size_t>(kMaxDate.serial() - kMinDate.serial() + 1) *
            Columns(),
        0);
  }
  int32_t* day = &day_tallies_[static_cast<size_t>(event.date.serial() -
                                                   kMinDate.serial()) *
                               Columns()];
  if (event.reason >= 0) {
    ++day[event.reason];
  } else {
    ++day[reasons_.size()];
    if (event.hit) ++day[reasons_.size() + 1];
  }
}

void Kpi::AddSchedule(const std::vector<Date>& held,
                      const std::vector<std::optional<Date>>& next_due,
                      std::optional<Date> end,
                      const std::vector<uint32_t>* slot_cases) {
  for (size_t k = 0; k < next_due.size(); ++k) {
    if (!next_due[k]) continue;
    slots_.push_back(
        OpenSlot{*next_due[k], k == 0 ? kBeforeAll : held[k - 1],
                 k < held.size() ? held[k] : kAfterAll, end.value_or(kAfterAll),
                 slot_cases != nullptr ? (*slot_cases)[k] : kNoCase});
  }
}

void Kpi::Finish() {
  StableSortByDate(&events_, [](const KpiEvent& e) { return e.date; });
  StableSortByDate(&slots_, [](const OpenSlot& s) { return s.due; });
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

void Kpi::Tally(Date start, Date end, Date horizon, bool by_group,
                std::vector<std::vector<int64_t>>* excluded,
                std::vector<KpiCounts>* counts) const {
  // The last tally is "not yet due" when the KPI has no reason of that name.
  const int32_t listed = Reason(kNotYetDue);
  const size_t not_yet_due =
      listed >= 0 ? static_cast<size_t>(listed) : reasons_.size();
  if (!by_group && !day_tallies_.empty()) {
    const int32_t from = std::max(start.serial(), kMinDate.serial());
    const int32_t to = std::min(end.serial(), kMaxDate.serial());
    for (int32_t serial = from; serial <= to; ++serial) {
      const int32_t* day =
          &day_tallies_[static_cast<size_t>(serial - kMinDate.serial()) *
                        Columns()];
      for (size_t r = 0; r < reasons_.size(); ++r) (*excluded)[0][r] += day[r];
      (*counts)[0].denominator += day[reasons_.size()];
      (*counts)[0].numerator += day[reasons_.size() + 1];
    }
  }
  const auto first =
      std::lower_bound(events_.begin(), events_.end(), start,
                       [](const KpiEvent& e, Date d) { return e.date < d; });
  for (auto it = first; it != events_.end() && it->date <= end; ++it) {
    size_t g = 0;
    if (by_group) {
      if (it->group < 0 || static_cast<size_t>(it->group) >= counts->size()) {
        continue;
      }
      g = static_cast<size_t>(it->group);
    }
    if (it->reason >= 0) {
      ++(*excluded)[g][static_cast<size_t>(it->reason)];
      continue;
    }
    if (it->due && !it->done && *it->due > horizon) {
      ++(*excluded)[g][not_yet_due];
      continue;
    }
    KpiCounts& c = (*counts)[g];
    ++c.denominator;
    if (it->hit) ++c.numerator;
  }
}

KpiCounts Kpi::Finished(KpiCounts counts,
                        const std::vector<int64_t>& excluded) const {
  for (size_t i = 0; i < reasons_.size(); ++i) {
    counts.excluded[reasons_[i]] = excluded[i];
  }
  if (excluded.back() > 0 && Reason(kNotYetDue) < 0) {
    counts.excluded[kNotYetDue] = excluded.back();
  }
  SetValue(&counts);
  return counts;
}

KpiCounts Kpi::Count(Date start, Date end, Date horizon) const {
  std::vector<KpiCounts> counts(1);
  std::vector<std::vector<int64_t>> excluded(
      1, std::vector<int64_t>(reasons_.size() + 1, 0));
  Tally(start, end, horizon, /*by_group=*/false, &excluded, &counts);
  // Overdue slots: the slot after the last review held on or before `end`,
  // due inside the period while the care or plan was still open.
  const auto first =
      std::lower_bound(slots_.begin(), slots_.end(), start,
                       [](const OpenSlot& s, Date d) { return s.due < d; });
  for (auto it = first; it != slots_.end() && it->due <= end; ++it) {
    if (OverdueAt(*it, end)) {
      ++counts[0].denominator;
      ++counts[0].overdue_at_period_end;
    }
  }
  return Finished(std::move(counts[0]), excluded[0]);
}

std::string_view Kpi::ReasonName(int32_t index) const {
  if (index >= 0 && static_cast<size_t>(index) < reason_names_.size()) {
    return reason_names_[static_cast<size_t>(index)];
  }
  return kNotYetDue;
}

CaseOutcome Kpi::Counted(bool hit) const {
  if (timeliness_) return hit ? CaseOutcome::kOnTime : CaseOutcome::kLate;
  return hit ? CaseOutcome::kCounted : CaseOutcome::kNotCounted;
}

CaseRow Kpi::MakeRow(uint32_t info, Date date, CaseOutcome outcome,
                     std::string_view reason, bool in_numerator,
                     bool in_denominator, Date until,
                     const CaseContext& context) const {
  const CaseInfo& c = cases_[info];
  CaseRow row;
  row.child = std::string(c.child);
  row.item = c.item;
  row.date = date;
  row.outcome = outcome;
  row.in_numerator = in_numerator;
  row.in_denominator = in_denominator;
  row.reason = reason;
  row.rule = c.rule;
  row.slot = c.slot;
  row.anchor = c.anchor;
  row.due = c.due;
  const Calendar& calendar = context.ts.calendar();
  if (c.due) {
    absl::StatusOr<Date> practical = calendar.Adjust(*c.due, Roll::kPreceding);
    if (practical.ok()) row.practical_due = *practical;
    if (outcome != CaseOutcome::kExcluded) {
      absl::StatusOr<int32_t> late =
          calendar.WorkingDaysBetween(*c.due, c.done.value_or(until));
      if (late.ok()) row.late_working_days = *late;
    }
  }
  if (c.chair >= 0 && context.chair_names != nullptr &&
      static_cast<size_t>(c.chair) < context.chair_names->size()) {
    const std::string_view name =
        (*context.chair_names)[static_cast<size_t>(c.chair)];
    row.chair_id = name.empty() ? std::string("(none)") : std::string(name);
  }
  row.source = c.source;
  if (context.explain) {
    row.explanation = c.explanation;
    if (!row.explanation.empty()) row.explanation += "\n";
    absl::StrAppend(&row.explanation, "counts as: ", CaseOutcomeName(outcome));
    if (!reason.empty())
      absl::StrAppend(&row.explanation, " (", std::string(reason), ")");
    if (row.late_working_days) {
      const int32_t late = *row.late_working_days;
      if (outcome == CaseOutcome::kOverdue) {
        absl::StrAppend(&row.explanation, ": not held by ", until.ToString(),
                        ", ", late, " working days after the due date");
      } else if (late > 0) {
        absl::StrAppend(&row.explanation, ": ",
                        c.done ? "done " : "not done by ",
                        c.done ? "" : until.ToString(), c.done ? "" : ", ",
                        late, " working days after the due date");
      } else {
        absl::StrAppend(&row.explanation, ": done on or before the due date");
      }
    }
    absl::StrAppend(&row.explanation,
                    "; in the numerator: ", in_numerator ? "yes" : "no",
                    ", in the denominator: ", in_denominator ? "yes" : "no");
  }
  return row;
}

std::vector<CaseRow> Kpi::Cases(Date start, Date end, Date horizon,
                                const CaseContext& context) const {
  std::vector<CaseRow> rows;
  const auto first =
      std::lower_bound(events_.begin(), events_.end(), start,
                       [](const KpiEvent& e, Date d) { return e.date < d; });
  const auto last =
      std::upper_bound(first, events_.end(), end,
                       [](Date d, const KpiEvent& e) { return d < e.date; });
  rows.reserve(static_cast<size_t>(last - first));
  // The tests of Tally(), in its order.
  for (auto it = first; it != events_.end() && it->date <= end; ++it) {
    if (it->info == kNoCase) continue;
    if (it->reason >= 0) {
      rows.push_back(MakeRow(it->info, it->date, CaseOutcome::kExcluded,
                             ReasonName(it->reason), false, false, end,
                             context));
    } else if (it->due && !it->done && *it->due > horizon) {
      rows.push_back(MakeRow(it->info, it->date, CaseOutcome::kExcluded,
                             kNotYetDue, false, false, end, context));
    } else {
      rows.push_back(MakeRow(it->info, it->date, Counted(it->hit), "", it->hit,
                             true, horizon, context));
    }
  }
  const auto slot =
      std::lower_bound(slots_.begin(), slots_.end(), start,
                       [](const OpenSlot& s, Date d) { return s.due < d; });
  const size_t events = rows.size();
  for (auto it = slot; it != slots_.end() && it->due <= end; ++it) {
    if (it->info == kNoCase || !OverdueAt(*it, end)) continue;
    rows.push_back(MakeRow(it->info, it->due, CaseOutcome::kOverdue, "", false,
                           true, end, context));
  }
  // Events and slots are each in date order (Finish): merged, a day's
  // events before its slots.
  std::inplace_merge(
      rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(events),
      rows.end(),
      [](const CaseRow& a, const CaseRow& b) { return a.date < b.date; });
  return rows;
}

std::vector<KpiCounts> Kpi::CountByGroup(Date start, Date end, Date horizon,
                                         int32_t groups) const {
  const size_t n = static_cast<size_t>(std::max(groups, 0));
  std::vector<KpiCounts> counts(n);
  std::vector<std::vector<int64_t>> excluded(
      n, std::vector<int64_t>(reasons_.size() + 1, 0));
  Tally(start, end, horizon, /*by_group=*/true, &excluded, &counts);
  for (size_t g = 0; g < n; ++g) {
    counts[g] = Finished(std::move(counts[g]), excluded[g]);
  }
  return counts;
}

}  // namespace internal
TSC_NAMESPACE_END
