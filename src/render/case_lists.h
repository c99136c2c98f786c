// File: render/case_lists.h
//
// What the Markdown and HTML reports show of a detail report
// (docs/kpis.md#case-level-detail): under each KPI, the cases a manager
// acts on, in plain words, and the notice that the page names children.
// The full rows are the JSON's and the case CSV's.

#ifndef TSC_RENDER_CASE_LISTS_H_
#define TSC_RENDER_CASE_LISTS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "timescales/cases.h"
#include "timescales/config.h"
#include "timescales/report.h"

TSC_NAMESPACE_BEGIN
namespace internal {

// The notice at the top of a page with case rows.
inline constexpr char kPersonalDataNotice[] =
    "Contains personal data: children's identifiers. For the council's own "
    "use; do not publish or share.";

// A KPI lists at most this many cases; the rest are in the CSV.
inline constexpr size_t kListedCases = 200;

// Where the full list is.
inline constexpr char kFullListCommand[] =
    "timescales report --detail --format csv";
inline constexpr char kCasesCommand[] = "timescales cases";

// An exclusion reason of docs/kpis.md in plain words ("short breaks"); an
// unknown one with spaces for underscores.
std::string PlainReason(std::string_view reason);

// Whether the page lists `row`: for a timeliness KPI the late, overdue and
// excluded rows; for the others the excluded rows and the counted ones
// (a repeat plan, a plan over 18 months), except for participation, where
// the reviews without it are the ones to act on.
bool ListsCase(const KpiResult& kpi, const CaseRow& row);

// How many rows of `kpi` the page lists.
size_t ListedCaseCount(const KpiResult& kpi);

// "Late, overdue and excluded cases", or what else the list holds.
std::string CaseListTitle(const KpiResult& kpi);

// "review", "review not held", "s47 enquiry", "CP plan", "review record",
// ...
std::string PlainCaseItem(const KpiResult& kpi, CaseItem item);

// The outcome and, for an excluded row, why: "late", "excluded: short
// breaks", "counted: a second or subsequent plan".
std::string PlainCaseOutcome(const KpiResult& kpi, const CaseRow& row);

// A participation code (PN0-PN7) in short words ("spoke for themselves"), or
// null for a blank or unknown code.
const char* ParticipationWords(std::string_view code);

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_RENDER_CASE_LISTS_H_
