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

#include <string>

#include "timescales/calendar.h"
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
