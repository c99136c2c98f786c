// File: report.h
// -----------------------------------------------------------------------------
//
// The KPI engine: the KPIs of an IRO annual report (docs/kpis.md), computed
// from a Dataset for a reporting period, with exclusions under named
// reasons, the monthly series, the previous period, RAG ratings against
// configured targets, benchmark comparators and the per-chair breakdown.
// The configuration is report_config.h; the renderers are render.h.
//
// Example:
//
//   Dataset data;                              // filled by import.h
//   absl::StatusOr<ReportConfig> config = ReportConfig::FromJson(text);
//   absl::StatusOr<Report> report = ComputeReport(
//       data, *ReportingPeriod::Parse("2019-20"), *config, ReportOptions{});
//   std::string json = RenderJson(*report);    // render.h

#ifndef TSC_REPORT_H_
#define TSC_REPORT_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "timescales/cases.h"
#include "timescales/config.h"
#include "timescales/dataset.h"
#include "timescales/period.h"
#include "timescales/report_config.h"

TSC_NAMESPACE_BEGIN

// One KPI over one period.
struct KpiCounts {
  int64_t numerator = 0;
  int64_t denominator = 0;
  std::optional<double> value;  // percent (2 dp) or count; null when 0/0
  std::map<std::string, int64_t> excluded;
  int64_t overdue_at_period_end = 0;
};

// One period before the reporting period (docs/kpis.md#earlier-periods):
// its figure, and its year-to-date series month by month.
struct EarlierPeriod {
  ReportingPeriod period;
  KpiCounts counts;
  std::vector<std::pair<std::string, KpiCounts>> year_to_date;
};

struct KpiResult {
  std::string id;
  std::string title;
  std::string unit;          // "percent" or "count"
  bool has_overdue = false;  // schedule KPIs report overdue_at_period_end
  KpiCounts headline;
  std::vector<std::pair<std::string, KpiCounts>> monthly;  // "2019-04", ...
  std::optional<ReportingPeriod> previous_period;
  std::optional<KpiCounts> previous;
  std::optional<KpiTarget> target;
  std::optional<std::string> rag;  // "green", "amber", "red"
  // name -> (comparator value, difference of ours from it)
  std::vector<std::pair<std::string, std::pair<double, std::optional<double>>>>
      benchmarks;
  // Only with ReportOptions::detail: the rows behind `headline`, in date
  // order (docs/kpis.md#case-level-detail). CountCases(cases) == headline.
  std::vector<CaseRow> cases;
  // Whether the KPI is about timeliness (rows on_time / late / overdue) or
  // a count (rows counted / not_counted).
  bool timeliness = false;
  // From the period's start to the end of each month ("2019-04", ...): the
  // last is the headline (docs/kpis.md#year-to-date).
  std::vector<std::pair<std::string, KpiCounts>> year_to_date;
  // The periods before this one that the data cover, the latest first, at
  // most ReportSettings::previous_years of them; the first is `previous`.
  std::vector<EarlierPeriod> earlier;
  // The configured narrative (Markdown subset), "" for none.
  std::string narrative;
};

// The counts that set the KPIs in context (docs/kpis.md#context); each is
// empty when its source table is absent.
struct ReportContext {
  // Children in a period of care (short breaks aside) open at the end of E.
  std::optional<int64_t> children_in_care;
  // Children with a child protection plan open at the end of E.
  std::optional<int64_t> children_on_cp_plans;
  // LAC reviews held in [S, E] (a duplicate counted once).
  std::optional<int64_t> lac_reviews;
  // Initial and review child protection conferences held in [S, E].
  std::optional<int64_t> icpcs;
  std::optional<int64_t> rcpcs;
};

struct ChairRow {
  std::string chair_id;  // "(none)" for a blank chair
  int64_t meetings = 0;
  int64_t qa_alerts = 0;
  // Distinct children of the meetings chaired in the period.
  int64_t children = 0;
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

// A judgement on the whole of an input (docs/inputs.md#data-quality): more
// rows rejected than the threshold allows, or a KPI with no cases because
// its input was rejected. A figure computed despite one may be wrong.
struct DataProblem {
  std::string kind;    // "column", "table" or "kpi"
  std::string path;    // the file ("" for a table or KPI)
  std::string table;   // "ssda903.reviews", ...
  std::string column;  // for "column"; the KPI id for "kpi"
  int64_t rejected = 0;
  int64_t rows = 0;     // of the file (column) or table
  std::string message;  // the whole judgement, for a person
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
  // Empty when every input is fit to report on.
  std::vector<DataProblem> data_problems;
  std::optional<Date> lac_coverage_start;
  std::optional<Date> cp_coverage_start;
  std::string policy;    // Policy::Describe()
  std::string calendar;  // name and data version
  // Whether the KPIs carry their case rows (personal data).
  bool detail = false;
  // From ReportSettings: the page's title, the council, the narrative.
  std::string title;
  std::string council;
  std::string narrative;
  // The day the report was computed (SOURCE_DATE_EPOCH when set) and the
  // version of the library that computed it.
  std::optional<Date> generated;
  std::string version;
  ReportContext context;
  // LAC reviews held in [S, E] by participation code: "PN0" ... "PN7", then
  // "other" (blank or not a PN code), each present only when non-zero
  // (docs/kpis.md#participation-mix).
  std::vector<std::pair<std::string, int64_t>> participation;

  // "reviews.csv:1234": the file (as given) and line of a case's record.
  std::string SourceOf(const SourceRef& source) const;
};

// CountCases()
//
// The counts the rows make: numerator, denominator, each exclusion reason
// `kpi`'s headline names (zero included) and the overdue slots; `value` is
// left empty. Equal to the headline's counts by construction: tests and
// ComputeReport check it.
KpiCounts CountCases(const KpiResult& kpi, const std::vector<CaseRow>& rows);

// ComputeReport()
//
// Every KPI of docs/kpis.md#the-kpis whose source table is in `data`, for
// `period`.
absl::StatusOr<Report> ComputeReport(const Dataset& data,
                                     const ReportingPeriod& period,
                                     const ReportConfig& config,
                                     const ReportOptions& options);

TSC_NAMESPACE_END

#endif  // TSC_REPORT_H_
