// File: kpi/cases.cc
//
// The names of case items and outcomes, the case filter, and the counts a
// KPI's case rows make (docs/kpis.md#case-level-detail).

#include "timescales/cases.h"

#include <algorithm>

#include "absl/strings/str_format.h"
#include "timescales/report.h"

TSC_NAMESPACE_BEGIN
namespace {

constexpr const char* kItemNames[] = {"review", "overdue_slot", "s47",
                                      "plan",   "action",       "child"};
constexpr const char* kOutcomeNames[] = {"on_time",  "late",    "overdue",
                                         "excluded", "counted", "not_counted"};

template <typename Enum, size_t N>
std::optional<Enum> ParseName(const char* const (&names)[N],
                              std::string_view name) {
  for (size_t i = 0; i < N; ++i) {
    if (name == names[i]) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

}  // namespace

const char* CaseItemName(CaseItem item) noexcept {
  const auto i = static_cast<size_t>(item);
  return i < std::size(kItemNames) ? kItemNames[i] : "unknown";
}

const char* CaseOutcomeName(CaseOutcome outcome) noexcept {
  const auto i = static_cast<size_t>(outcome);
  return i < std::size(kOutcomeNames) ? kOutcomeNames[i] : "unknown";
}

std::optional<CaseItem> ParseCaseItem(std::string_view name) noexcept {
  return ParseName<CaseItem>(kItemNames, name);
}

std::optional<CaseOutcome> ParseCaseOutcome(std::string_view name) noexcept {
  return ParseName<CaseOutcome>(kOutcomeNames, name);
}

std::string CaseRow::Month() const {
  return absl::StrFormat("%04d-%02d", date.year(), date.month());
}

bool CaseFilter::Matches(const CaseRow& row) const {
  if (!outcomes.empty() && std::find(outcomes.begin(), outcomes.end(),
                                     row.outcome) == outcomes.end()) {
    return false;
  }
  if (!chair_id.empty() && row.chair_id.value_or("") != chair_id) {
    return false;
  }
  if (!month.empty() && row.Month() != month) return false;
  return child.empty() || row.child == child;
}

std::string Report::SourceOf(const SourceRef& source) const {
  const std::string path =
      source.file >= 0 && static_cast<size_t>(source.file) < files.size()
          ? files[static_cast<size_t>(source.file)].path
          : std::string("(unknown)");
  return absl::StrFormat("%s:%d", path, source.line);
}

KpiCounts CountCases(const KpiResult& kpi, const std::vector<CaseRow>& rows) {
  KpiCounts counts;
  // Every reason the headline names, so a reason no row has compares as 0.
  for (const auto& [reason, count] : kpi.headline.excluded) {
    counts.excluded[reason] = 0;
  }
  for (const CaseRow& row : rows) {
    if (row.in_numerator) ++counts.numerator;
    if (row.in_denominator) ++counts.denominator;
    if (!row.reason.empty()) ++counts.excluded[std::string(row.reason)];
    if (row.outcome == CaseOutcome::kOverdue) ++counts.overdue_at_period_end;
  }
  return counts;
}

TSC_NAMESPACE_END
