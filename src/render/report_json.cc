// File: render/report_json.cc
//
// RenderJson(): the output contract of docs/kpis.md#json-output. Keys come in a
// fixed order (nlohmann::ordered_json) and the layout is fixed (2-space indent,
// trailing newline), so two runs over the same data are byte-for-byte identical
// and a diff between two years' reports shows only what changed.
//
// Optional members follow one rule: a member the contract ties to a
// condition ("overdue_at_period_end" for schedule KPIs, "previous" when there
// is a previous period, "target"... when a target is configured, "benchmarks"
// when comparators are configured) is absent when the condition fails; a
// member that is always there ("value", "monthly", "coverage.lac") is null
// or empty rather than absent.

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

#include "nlohmann/json.hpp"
#include "timescales/kpi_registry.h"
#include "timescales/render.h"

TSC_NAMESPACE_BEGIN
namespace {

using Json = nlohmann::ordered_json;

// The engine rounds values already; rounding here too keeps a difference
// computed by subtraction (21.6 - 22.2) from printing as -0.6000000000000014,
// and turns -0.0 into 0.0.
double Round2(double v) {
  const double r = std::round(v * 100.0) / 100.0;
  return r == 0.0 ? 0.0 : r;
}

Json Number(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return nullptr;
  return Round2(*v);
}

// A count KPI's value is the count itself: an integer, not 7.0.
Json Value(const KpiResult& kpi, const KpiCounts& counts) {
  if (kpi.unit == "count" && counts.value && std::isfinite(*counts.value) &&
      std::trunc(*counts.value) == *counts.value) {
    return static_cast<int64_t>(*counts.value);
  }
  return Number(counts.value);
}

Json DateOrNull(const std::optional<Date>& date) {
  if (!date) return nullptr;
  return date->ToString();
}

Json Period(const ReportingPeriod& period) {
  Json out = Json::object();
  out["start"] = period.start.ToString();
  out["end"] = period.end.ToString();
  out["label"] = period.label;
  return out;
}

Json Excluded(const KpiCounts& counts) {
  Json out = Json::object();
  for (const auto& [reason, n] : counts.excluded) out[reason] = n;
  return out;
}

Json Monthly(const KpiResult& kpi) {
  Json out = Json::array();
  for (const auto& [month, counts] : kpi.monthly) {
    Json row = Json::object();
    row["month"] = month;
    row["numerator"] = counts.numerator;
    row["denominator"] = counts.denominator;
    row["value"] = Value(kpi, counts);
    if (kpi.has_overdue) {
      row["overdue_at_period_end"] = counts.overdue_at_period_end;
    }
    out.push_back(std::move(row));
  }
  return out;
}

Json Previous(const KpiResult& kpi) {
  Json out = Json::object();
  if (kpi.previous_period) out["period"] = Period(*kpi.previous_period);
  out["numerator"] = kpi.previous->numerator;
  out["denominator"] = kpi.previous->denominator;
  out["value"] = Value(kpi, *kpi.previous);
  return out;
}

const char* PolarityName(Polarity polarity) {
  return polarity == Polarity::kLowerIsBetter ? "lower_is_better"
                                              : "higher_is_better";
}

Json Benchmarks(const KpiResult& kpi) {
  Json out = Json::object();
  for (const auto& [name, comparator] : kpi.benchmarks) {
    Json entry = Json::object();
    entry["value"] = Number(comparator.first);
    entry["difference"] = Number(comparator.second);
    out[name] = std::move(entry);
  }
  return out;
}

Json Kpi(const KpiResult& kpi) {
  Json out = Json::object();
  out["id"] = kpi.id;
  out["title"] = kpi.title;
  out["unit"] = kpi.unit;
  out["numerator"] = kpi.headline.numerator;
  out["denominator"] = kpi.headline.denominator;
  out["value"] = Value(kpi, kpi.headline);
  out["excluded"] = Excluded(kpi.headline);
  if (kpi.has_overdue) {
    out["overdue_at_period_end"] = kpi.headline.overdue_at_period_end;
  }
  out["monthly"] = Monthly(kpi);
  if (kpi.previous) out["previous"] = Previous(kpi);
  if (kpi.target) {
    out["target"] = Number(kpi.target->target);
    out["polarity"] = PolarityName(kpi.target->polarity);
    out["amber_tolerance"] = Number(kpi.target->amber_tolerance);
    out["rag"] = kpi.rag ? Json(*kpi.rag) : Json(nullptr);
  }
  if (!kpi.benchmarks.empty()) out["benchmarks"] = Benchmarks(kpi);
  return out;
}

// The chair breakdown reuses the KPI ids as keys, so a consumer can join a
// chair's figures to the headline without a lookup table.
Json ChairKpi(const KpiCounts& counts) {
  Json out = Json::object();
  out["numerator"] = counts.numerator;
  out["denominator"] = counts.denominator;
  out["value"] = Number(counts.value);
  return out;
}

Json Chair(const ChairRow& row) {
  Json out = Json::object();
  out["chair_id"] = row.chair_id;
  out["meetings"] = row.meetings;
  out["qa_alerts"] = row.qa_alerts;
  out[kpi_id::kLacReviewDecisions5wd] = ChairKpi(row.decisions);
  out[kpi_id::kLacReviewRecord20wd] = ChairKpi(row.record);
  out[kpi_id::kLacReviewSwReport24h] = ChairKpi(row.sw_report);
  return out;
}

Json File(const InputFile& file) {
  Json out = Json::object();
  out["path"] = file.path;
  out["table"] = file.table;
  out["rows"] = file.rows;
  out["rejected"] = file.rejected;
  if (file.ignored) out["ignored"] = true;
  return out;
}

Json Rejections(const std::vector<Rejection>& rejections) {
  Json out = Json::array();
  for (const Rejection& r : rejections) {
    Json entry = Json::object();
    entry["path"] = r.path;
    entry["line"] = r.line;
    entry["reason"] = r.reason;
    out.push_back(std::move(entry));
  }
  return out;
}

Json Inputs(const Report& report) {
  Json files = Json::array();
  for (const InputFile& file : report.files) files.push_back(File(file));
  Json reconciliation = Json::array();
  for (const TableReconciliation& t : report.reconciliation) {
    Json entry = Json::object();
    entry["table"] = t.table;
    entry["read"] = t.read;
    entry["rejected"] = t.rejected;
    entry["kept"] = t.kept;
    reconciliation.push_back(std::move(entry));
  }
  Json out = Json::object();
  out["files"] = std::move(files);
  out["rejections"] = Rejections(report.rejections);
  out["warnings"] = Rejections(report.warnings);
  out["missing"] = report.missing;
  out["reconciliation"] = std::move(reconciliation);
  // Only when there are any: a clean run's output is unchanged.
  if (!report.data_problems.empty()) {
    Json problems = Json::array();
    for (const DataProblem& p : report.data_problems) {
      Json entry = Json::object();
      entry["kind"] = p.kind;
      entry["path"] = p.path;
      entry["table"] = p.table;
      entry["column"] = p.column;
      entry["rejected"] = p.rejected;
      entry["rows"] = p.rows;
      entry["message"] = p.message;
      problems.push_back(std::move(entry));
    }
    out["data_problems"] = std::move(problems);
  }
  return out;
}

}  // namespace

std::string RenderJson(const Report& report) {
  Json kpis = Json::array();
  for (const KpiResult& kpi : report.kpis) kpis.push_back(Kpi(kpi));
  Json by_chair = Json::array();
  for (const ChairRow& row : report.by_chair) by_chair.push_back(Chair(row));

  Json out = Json::object();
  out["period"] = Period(report.period);
  out["kpis"] = std::move(kpis);
  out["breakdowns"] = Json::object();
  out["breakdowns"]["by_chair"] = std::move(by_chair);
  out["inputs"] = Inputs(report);
  Json coverage = Json::object();
  coverage["lac"] = DateOrNull(report.lac_coverage_start);
  coverage["cp"] = DateOrNull(report.cp_coverage_start);
  out["coverage"] = std::move(coverage);
  out["policy"] = report.policy;
  out["calendar"] = report.calendar;
  // File names and reasons come from user data and need not be UTF-8:
  // replace bad bytes (U+FFFD) instead of throwing from dump().
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

TSC_NAMESPACE_END
