// File: report.h
// -----------------------------------------------------------------------------
//
// The KPI engine: the KPIs of an IRO annual report (KPIS.md), computed from a
// Dataset for a reporting period, with exclusions under named reasons, the
// monthly series, the previous period, RAG ratings against configured
// targets, benchmark comparators and the per-chair breakdown; and the
// renderers for JSON (the contract of KPIS.md), tidy CSV, Markdown and a
// self-contained HTML page.
//
// Example:
//
//   Dataset data;                              // filled by import.h
//   absl::StatusOr<ReportConfig> config = ReportConfig::FromJson(text);
//   absl::StatusOr<Report> report = ComputeReport(
//       data, *ReportingPeriod::Parse("2019-20"), *config, ReportOptions{});
//   std::string json = RenderJson(*report);

#ifndef TSC_REPORT_H_
#define TSC_REPORT_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "timescales/calendar.h"
#include "timescales/config.h"
#include "timescales/dataset.h"
#include "timescales/period.h"
#include "timescales/policy.h"
#include "timescales/rules.h"

TSC_NAMESPACE_BEGIN

enum class Polarity { kHigherIsBetter, kLowerIsBetter };

struct KpiTarget {
  double target = 0;
  Polarity polarity = Polarity::kHigherIsBetter;
  double amber_tolerance = 0;  // percentage points (or counts)
};

struct KpiSettings {
  std::optional<KpiTarget> target;
  // Named comparators in configuration order: "statistical neighbours" 22.2.
  std::vector<std::pair<std::string, double>> benchmarks;
};

// The configuration file (DATA.md): every key optional, unknown keys are
// errors naming the key.
//
//   {"policy": {...Policy::FromJson keys...},
//    "kpis": {"cp_repeat_plans": {"target": 19, "polarity":
//             "lower_is_better", "amber_tolerance": 2,
//             "benchmarks": {"statistical neighbours": 22.2}}},
//    "closure_days": ["2019-12-24", {"date": "2019-12-27", "name": "..."}],
//    "holidays": {"govuk_json": "path/to/bank-holidays.json",
//                 "division": "england-and-wales", "merge": "overlay"},
//    "rules": {...RuleCatalogue::FromJson "rules" object...}}
struct ReportConfig {
  Policy policy;
  std::map<std::string, KpiSettings> kpis;
  std::vector<Holiday> closure_days;
  std::string holiday_json_path;  // relative to the configuration file
  std::string holiday_division = "england-and-wales";
  JsonMerge holiday_merge = JsonMerge::kOverlay;
  std::string rules_json;         // the "rules" member, re-serialised

  // `base_dir` resolves a relative holidays path.
  static absl::StatusOr<ReportConfig> FromJson(absl::string_view json,
                                               absl::string_view base_dir = "");

  // The calendar and rules this configuration asks for (reads the GOV.UK
  // file when one is named).
  absl::StatusOr<Calendar> BuildCalendar() const;
  absl::StatusOr<RuleCatalogue> BuildRules() const;
};

struct ReportOptions {
  // The first date from which the data hold every review (--data-from);
  // otherwise derived per source as KPIS.md says.
  std::optional<Date> data_from;
};

// One KPI over one period.
struct KpiCounts {
  int64_t numerator = 0;
  int64_t denominator = 0;
  std::optional<double> value;  // percent (2 dp) or count; null when 0/0
  std::map<std::string, int64_t> excluded;
  int64_t overdue_at_period_end = 0;
};

struct KpiResult {
  std::string id;
  std::string title;
  std::string unit;  // "percent" or "count"
  bool has_overdue = false;  // chain KPIs report overdue_at_period_end
  KpiCounts headline;
  std::vector<std::pair<std::string, KpiCounts>> monthly;  // "2019-04", ...
  std::optional<ReportingPeriod> previous_period;
  std::optional<KpiCounts> previous;
  std::optional<KpiTarget> target;
  std::optional<std::string> rag;  // "green", "amber", "red"
  // name -> (comparator value, difference of ours from it)
  std::vector<std::pair<std::string, std::pair<double, std::optional<double>>>>
      benchmarks;
};

struct ChairRow {
  std::string chair_id;  // "(none)" for a blank chair
  int64_t meetings = 0;
  int64_t qa_alerts = 0;
  KpiCounts decisions;
  KpiCounts record;
  KpiCounts sw_report;
};

struct TableReconciliation {
  std::string table;
  int64_t read = 0;      // rows in the files
  int64_t rejected = 0;  // rejected by the importer
  int64_t kept = 0;      // read - rejected: the rows the KPIs consider
};

struct Report {
  ReportingPeriod period;
  std::vector<KpiResult> kpis;
  std::vector<ChairRow> by_chair;
  std::vector<std::string> missing;  // KPIs left out: their table is absent
  std::vector<InputFile> files;
  std::vector<Rejection> rejections;
  std::vector<Rejection> warnings;
  std::vector<TableReconciliation> reconciliation;
  std::optional<Date> lac_coverage_start;
  std::optional<Date> cp_coverage_start;
  std::string policy;    // Policy::Describe()
  std::string calendar;  // name and data version
};

// ComputeReport()
//
// Every KPI of KPIS.md whose source table is in `data`, for `period`.
absl::StatusOr<Report> ComputeReport(const Dataset& data,
                                     const ReportingPeriod& period,
                                     const ReportConfig& config,
                                     const ReportOptions& options);

// The renderers. JSON follows the contract of KPIS.md exactly; CSV is one
// tidy row per KPI and month; Markdown is the scorecard; HTML is one
// self-contained page (inline CSS and SVG, no scripts, no network).
std::string RenderJson(const Report& report);
std::string RenderCsv(const Report& report);
std::string RenderMarkdown(const Report& report);
std::string RenderHtml(const Report& report);

TSC_NAMESPACE_END

#endif  // TSC_REPORT_H_
