// File: render/report_csv.cc
//
// RenderCsv(): the KPIs as one tidy table for Tableau, Power BI or a
// spreadsheet: one row per KPI and period, every row the same columns.
//
//   kpi_id,kpi_title,unit,series,period,period_start,period_end,numerator,
//   denominator,value,overdue_at_period_end,target,polarity,rag,
//   excluded_total,excluded
//
// Conventions:
//  * `series` says which figure a row is: `headline` (the reporting period,
//    `period` = its label, e.g. 2019-20), `month` (`period` = yyyy-mm, the
//    dates clipped to the reporting period) or `previous` (the preceding
//    period, `period` = its own label, e.g. 2018-19). Keeping the label
//    plain lets two years' files be stacked: the `previous` row of 2019-20
//    lines up with the `headline` row of 2018-19. Filter on `series` rather
//    than parsing `period`.
//  * Rows come KPI by KPI in report order: headline, months in order, then
//    previous when there is one.
//  * Null is the empty string: `value` for 0/0, `overdue_at_period_end` for
//    KPIs without review schedules, `target`/`polarity` without a configured
//    target. `target` and `polarity` repeat on every row of a KPI (so a
//    chart of the months can draw the target line); `rag` is rated on the
//    headline only and is empty on other rows.
//  * Numbers are plain: integers for counts, two decimals for percentages
//    and targets (98.43, 75.00); no thousands separators, no % sign.
//  * `excluded` lists every exclusion reason as `reason=n;reason=n` in
//    alphabetical order; `excluded_total` is their sum.
//  * Fields are quoted as RFC 4180 says (when they hold a comma, a double
//    quote, CR or LF; quotes doubled). Lines end with LF, not CRLF: every
//    BI tool and spreadsheet reads LF, and it diffs cleanly in git. UTF-8
//    without a byte-order mark.
//  * Benchmarks, the chair breakdown and input rejections are not here: they
//    do not fit one tidy table; they are in the JSON, Markdown and HTML.

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "render/text.h"
#include "timescales/render.h"

TSC_NAMESPACE_BEGIN
namespace {

constexpr absl::string_view kHeader =
    "kpi_id,kpi_title,unit,series,period,period_start,period_end,numerator,"
    "denominator,value,overdue_at_period_end,target,polarity,rag,"
    "excluded_total,excluded\n";

std::string Fixed2(double v) {
  const double r = std::round(v * 100.0) / 100.0;
  return absl::StrFormat("%.2f", r == 0.0 ? 0.0 : r);
}

std::string Value(const KpiResult& kpi, const KpiCounts& counts) {
  if (!counts.value || !std::isfinite(*counts.value)) return "";
  if (kpi.unit == "count" && std::trunc(*counts.value) == *counts.value) {
    return absl::StrCat(static_cast<int64_t>(*counts.value));
  }
  return Fixed2(*counts.value);
}

std::string Excluded(const KpiCounts& counts, int64_t* total) {
  std::vector<std::string> parts;
  *total = 0;
  for (const auto& [reason, n] : counts.excluded) {
    parts.push_back(absl::StrCat(reason, "=", n));
    *total += n;
  }
  return absl::StrJoin(parts, ";");
}

std::string PolarityName(const KpiResult& kpi) {
  if (!kpi.target) return "";
  return kpi.target->polarity == Polarity::kLowerIsBetter ? "lower_is_better"
                                                          : "higher_is_better";
}

// A month of the series, as its dates clipped to the reporting period:
// found among the period's months by label, never re-parsed (a month such
// as 2010-11 would read as a financial year).
std::optional<ReportingPeriod> MonthPeriod(const ReportingPeriod& period,
                                           const std::string& label) {
  for (const ReportingPeriod& month : period.Months()) {
    if (month.label == label) return month;
  }
  return std::nullopt;
}

struct RowKey {
  absl::string_view series;
  std::string label;
  std::string start;  // yyyy-mm-dd or empty
  std::string end;
  bool headline = false;
};

RowKey KeyOf(absl::string_view series, const ReportingPeriod& period,
             bool headline) {
  return {series, period.label, period.start.ToString(), period.end.ToString(),
          headline};
}

void AppendRow(const KpiResult& kpi, const RowKey& key, const KpiCounts& counts,
               std::string* out) {
  int64_t excluded_total = 0;
  const std::string excluded = Excluded(counts, &excluded_total);
  std::vector<std::string> fields = {
      internal::CsvField(kpi.id),
      internal::CsvField(kpi.title),
      internal::CsvField(kpi.unit),
      internal::CsvField(key.series),
      internal::CsvField(key.label),
      key.start,
      key.end,
      absl::StrCat(counts.numerator),
      absl::StrCat(counts.denominator),
      Value(kpi, counts),
      kpi.has_overdue ? absl::StrCat(counts.overdue_at_period_end) : "",
      kpi.target ? Fixed2(kpi.target->target) : "",
      PolarityName(kpi),
      key.headline && kpi.rag ? internal::CsvField(*kpi.rag) : "",
      absl::StrCat(excluded_total),
      internal::CsvField(excluded),
  };
  absl::StrAppend(out, absl::StrJoin(fields, ","), "\n");
}

void AppendKpi(const Report& report, const KpiResult& kpi, std::string* out) {
  AppendRow(kpi, KeyOf("headline", report.period, true), kpi.headline, out);
  for (const auto& [label, counts] : kpi.monthly) {
    std::optional<ReportingPeriod> month = MonthPeriod(report.period, label);
    const RowKey key = month ? KeyOf("month", *month, false)
                             : RowKey{"month", label, "", "", false};
    AppendRow(kpi, key, counts, out);
  }
  if (kpi.previous) {
    const RowKey key = kpi.previous_period
                           ? KeyOf("previous", *kpi.previous_period, false)
                           : RowKey{"previous", "", "", "", false};
    AppendRow(kpi, key, *kpi.previous, out);
  }
}

}  // namespace

std::string RenderCsv(const Report& report) {
  std::string out(kHeader);
  for (const KpiResult& kpi : report.kpis) AppendKpi(report, kpi, &out);
  return out;
}

TSC_NAMESPACE_END
