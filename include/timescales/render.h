// File: render.h
// -----------------------------------------------------------------------------
//
// Every output the library writes, in one place: the report (JSON following
// the contract of docs/kpis.md#json-output, tidy CSV, the Markdown scorecard
// and a self-contained HTML page), the monitoring list, a review schedule
// and the calendar's description.
//
// Example:
//
//   absl::StatusOr<Report> report = ComputeReport(data, period, config, {});
//   std::string page = RenderHtml(*report);

#ifndef TSC_RENDER_H_
#define TSC_RENDER_H_

#include <iosfwd>
#include <string>
#include <string_view>

#include "timescales/calendar.h"
#include "timescales/cases.h"
#include "timescales/config.h"
#include "timescales/monitoring.h"
#include "timescales/report.h"
#include "timescales/schedule.h"

TSC_NAMESPACE_BEGIN

// The report. JSON follows the contract exactly; CSV is one tidy row per
// KPI and month; Markdown is the scorecard; HTML is one self-contained page
// (inline CSS and SVG, no scripts, no network).
std::string RenderJson(const Report& report);
std::string RenderCsv(const Report& report);
std::string RenderMarkdown(const Report& report);
std::string RenderHtml(const Report& report);
// With Report::detail, JSON gives each KPI its `cases`, and Markdown and
// HTML list under each KPI its late, overdue and excluded cases; each says
// at its top that it contains personal data. The stream form writes the
// JSON without holding it whole (an England-sized detail runs to
// hundreds of megabytes).
void RenderJson(const Report& report, std::ostream& out);

// Case-level detail (docs/kpis.md#case-level-detail), of every KPI or of
// `kpi_id` only, the rows `filter` matches. CSV: the tidy table, one row a
// case with a `kpi` column first (for Tableau or Power BI); JSON: an array
// of case objects with `kpi`; text: an aligned table for a terminal. Each
// begins by saying it contains personal data (CSV: a `#` comment line is
// not used, so as not to break readers; the file name and docs say so).
std::string RenderCasesCsv(const Report& report, std::string_view kpi_id = "",
                           const CaseFilter& filter = {});
void RenderCasesCsv(const Report& report, std::string_view kpi_id,
                    const CaseFilter& filter, std::ostream& out);
std::string RenderCasesJson(const Report& report, std::string_view kpi_id = "",
                            const CaseFilter& filter = {});
std::string RenderCasesText(const Report& report, std::string_view kpi_id = "",
                            const CaseFilter& filter = {});

// RenderExplanation()
//
// `timescales explain`: every row of every KPI for the child the report
// was computed for (ReportOptions::detail_child), KPI by KPI, each with its
// working (CaseRow::explanation).
std::string RenderExplanation(const Report& report);

// The monitoring list: CSV (one row a child), JSON, Markdown.
std::string RenderMonitoringCsv(const MonitoringList& list);
std::string RenderMonitoringJson(const MonitoringList& list);
std::string RenderMonitoringMarkdown(const MonitoringList& list);

// RenderScheduleJson()
//
// A review schedule as JSON: kind, start, end, as_at, policy, calendar,
// slots (rule, anchor, legal and practical due, provisional, working, held,
// status, working_days_late, deadlines), core_group, next_due, duplicates.
// `indent` as nlohmann's dump: -1 for one line.
std::string RenderScheduleJson(const Schedule& schedule, int indent = 2);

// RenderCalendarInfoJson()
//
// The calendar's description: name, data_version, exact_from, known_until,
// sources, strict, closure_days. Invalid UTF-8 in a name from a caller's
// file becomes U+FFFD. `indent` as above.
std::string RenderCalendarInfoJson(const CalendarInfo& info, int indent = 2);

TSC_NAMESPACE_END

#endif  // TSC_RENDER_H_
