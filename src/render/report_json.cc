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
//
// With Report::detail each KPI ends with its "cases"
// (docs/kpis.md#case-level-detail), one case object a line, as the docs
// show them. An England-sized report has millions of rows, so they are
// written to the stream row by row and never held as one document: the
// rest of the report is built with nlohmann as before and written around
// them.

#include <cmath>
#include <cstdint>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "base/json.h"
#include "calendar/civil.h"
#include "nlohmann/json.hpp"
#include "render/case_json.h"
#include "timescales/kpi_registry.h"
#include "timescales/render.h"

TSC_NAMESPACE_BEGIN
namespace {

using internal::Json;
using internal::JsonObject;

// The sentence a detail report opens with.
constexpr char kPersonalData[] =
    "Contains personal data: children's identifiers, in the cases of each "
    "KPI. For the council's own use; do not publish or share.";

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
  return JsonObject({{"start", period.start.ToString()},
                     {"end", period.end.ToString()},
                     {"label", period.label}});
}

Json Excluded(const KpiCounts& counts) {
  std::vector<std::pair<std::string, Json>> members;
  // A std::map: the reasons are distinct, as JsonObject needs.
  for (const auto& [reason, n] : counts.excluded)
    members.emplace_back(reason, n);
  return JsonObject(std::move(members));
}

Json Monthly(const KpiResult& kpi) {
  Json out = Json::array();
  for (const auto& [month, counts] : kpi.monthly) {
    std::vector<std::pair<std::string, Json>> row = {
        {"month", month},
        {"numerator", counts.numerator},
        {"denominator", counts.denominator},
        {"value", Value(kpi, counts)}};
    if (kpi.has_overdue) {
      row.emplace_back("overdue_at_period_end", counts.overdue_at_period_end);
    }
    out.push_back(JsonObject(std::move(row)));
  }
  return out;
}

Json Previous(const KpiResult& kpi) {
  std::vector<std::pair<std::string, Json>> members;
  if (kpi.previous_period) {
    members.emplace_back("period", Period(*kpi.previous_period));
  }
  members.emplace_back("numerator", kpi.previous->numerator);
  members.emplace_back("denominator", kpi.previous->denominator);
  members.emplace_back("value", Value(kpi, *kpi.previous));
  return JsonObject(std::move(members));
}

const char* PolarityName(Polarity polarity) {
  return polarity == Polarity::kLowerIsBetter ? "lower_is_better"
                                              : "higher_is_better";
}

// Built key by key: a comparator named twice keeps one entry, as before.
Json Benchmarks(const KpiResult& kpi) {
  Json out = Json::object();
  for (const auto& [name, comparator] : kpi.benchmarks) {
    out[name] = JsonObject({{"value", Number(comparator.first)},
                            {"difference", Number(comparator.second)}});
  }
  return out;
}

// Every member of a KPI but its cases.
Json Kpi(const KpiResult& kpi) {
  std::vector<std::pair<std::string, Json>> members = {
      {"id", kpi.id},
      {"title", kpi.title},
      {"unit", kpi.unit},
      {"numerator", kpi.headline.numerator},
      {"denominator", kpi.headline.denominator},
      {"value", Value(kpi, kpi.headline)},
      {"excluded", Excluded(kpi.headline)}};
  if (kpi.has_overdue) {
    members.emplace_back("overdue_at_period_end",
                         kpi.headline.overdue_at_period_end);
  }
  members.emplace_back("monthly", Monthly(kpi));
  if (kpi.previous) members.emplace_back("previous", Previous(kpi));
  if (kpi.target) {
    members.emplace_back("target", Number(kpi.target->target));
    members.emplace_back("polarity", PolarityName(kpi.target->polarity));
    members.emplace_back("amber_tolerance",
                         Number(kpi.target->amber_tolerance));
    members.emplace_back("rag", kpi.rag ? Json(*kpi.rag) : Json(nullptr));
  }
  if (!kpi.benchmarks.empty()) {
    members.emplace_back("benchmarks", Benchmarks(kpi));
  }
  return JsonObject(std::move(members));
}

// The chair breakdown reuses the KPI ids as keys, so a consumer can join a
// chair's figures to the headline without a lookup table.
Json ChairKpi(const KpiCounts& counts) {
  return JsonObject({{"numerator", counts.numerator},
                     {"denominator", counts.denominator},
                     {"value", Number(counts.value)}});
}

Json Chair(const ChairRow& row) {
  return JsonObject({{"chair_id", row.chair_id},
                     {"meetings", row.meetings},
                     {"qa_alerts", row.qa_alerts},
                     {kpi_id::kLacReviewDecisions5wd, ChairKpi(row.decisions)},
                     {kpi_id::kLacReviewRecord20wd, ChairKpi(row.record)},
                     {kpi_id::kLacReviewSwReport24h, ChairKpi(row.sw_report)}});
}

Json File(const InputFile& file) {
  std::vector<std::pair<std::string, Json>> members = {
      {"path", file.path},
      {"table", file.table},
      {"rows", file.rows},
      {"rejected", file.rejected}};
  if (file.ignored) members.emplace_back("ignored", true);
  return JsonObject(std::move(members));
}

Json Rejections(const std::vector<Rejection>& rejections) {
  Json out = Json::array();
  for (const Rejection& r : rejections) {
    out.push_back(
        JsonObject({{"path", r.path}, {"line", r.line}, {"reason", r.reason}}));
  }
  return out;
}

Json Inputs(const Report& report) {
  Json files = Json::array();
  for (const InputFile& file : report.files) files.push_back(File(file));
  Json reconciliation = Json::array();
  for (const TableReconciliation& t : report.reconciliation) {
    reconciliation.push_back(JsonObject({{"table", t.table},
                                         {"read", t.read},
                                         {"rejected", t.rejected},
                                         {"kept", t.kept}}));
  }
  std::vector<std::pair<std::string, Json>> members = {
      {"files", std::move(files)},
      {"rejections", Rejections(report.rejections)},
      {"warnings", Rejections(report.warnings)},
      {"missing", report.missing},
      {"reconciliation", std::move(reconciliation)}};
  // Only when there are any: a clean run's output is unchanged.
  if (!report.data_problems.empty()) {
    Json problems = Json::array();
    for (const DataProblem& p : report.data_problems) {
      problems.push_back(JsonObject({{"kind", p.kind},
                                     {"path", p.path},
                                     {"table", p.table},
                                     {"column", p.column},
                                     {"rejected", p.rejected},
                                     {"rows", p.rows},
                                     {"message", p.message}}));
    }
    members.emplace_back("data_problems", std::move(problems));
  }
  return JsonObject(std::move(members));
}

// The whole report but the cases.
Json Document(const Report& report) {
  Json kpis = Json::array();
  for (const KpiResult& kpi : report.kpis) kpis.push_back(Kpi(kpi));
  Json by_chair = Json::array();
  for (const ChairRow& row : report.by_chair) by_chair.push_back(Chair(row));

  std::vector<std::pair<std::string, Json>> members;
  if (report.detail) members.emplace_back("personal_data", kPersonalData);
  members.emplace_back("period", Period(report.period));
  members.emplace_back("kpis", std::move(kpis));
  members.emplace_back("breakdowns",
                       JsonObject({{"by_chair", std::move(by_chair)}}));
  members.emplace_back("inputs", Inputs(report));
  members.emplace_back(
      "coverage", JsonObject({{"lac", DateOrNull(report.lac_coverage_start)},
                              {"cp", DateOrNull(report.cp_coverage_start)}}));
  members.emplace_back("policy", report.policy);
  members.emplace_back("calendar", report.calendar);
  return JsonObject(std::move(members));
}

// ---- Writing ----------------------------------------------------------------

// Writes the report to a stream: nlohmann's serializer for every value it
// builds, and the case rows by hand into a buffer flushed every 64 KB, so
// that memory does not grow with the rows and a million of them take about
// half a second (optimised build).
class Writer {
 public:
  explicit Writer(const Report& report, std::ostream& out)
      : report_(report),
        out_(out),
        // File names and reasons come from user data and need not be UTF-8:
        // replace bad bytes (U+FFFD) instead of throwing.
        serializer_(nlohmann::detail::output_adapter<char>(out), ' ',
                    Json::error_handler_t::replace),
        cases_(report) {}

  void WriteReport() {
    const Json document = Document(report_);
    if (!report_.detail) {
      Dump(document, 0);
      out_ << '\n';
      return;
    }
    // nlohmann's pretty layout, by hand at the two levels the cases sit
    // under: the top object and the "kpis" array.
    out_ << "{\n";
    bool first = true;
    for (const auto& [key, value] : document.items()) {
      out_ << (first ? "" : ",\n") << "  ";
      first = false;
      WriteKey(key);
      if (key == "kpis") {
        WriteKpis(value);
      } else {
        Dump(value, 2);
      }
    }
    out_ << "\n}\n";
  }

 private:
  // `value` as dump(2) lays it out when it sits `indent` spaces in.
  void Dump(const Json& value, unsigned indent) {
    serializer_.dump(value, /*pretty_print=*/true, /*ensure_ascii=*/false,
                     /*indent_step=*/2, indent);
  }

  void WriteKey(std::string_view key) {
    Dump(Json(std::string(key)), 0);
    out_ << ": ";
  }

  void WriteKpis(const Json& kpis) {
    if (kpis.empty()) {
      out_ << "[]";
      return;
    }
    out_ << "[\n";
    for (size_t i = 0; i < kpis.size(); ++i) {
      out_ << (i == 0 ? "" : ",\n") << "    {\n";
      for (const auto& [key, value] : kpis[i].items()) {
        out_ << "      ";
        WriteKey(key);
        Dump(value, 6);
        out_ << ",\n";
      }
      out_ << "      ";
      WriteKey("cases");
      WriteCases(report_.kpis[i].cases);
      out_ << "\n    }";
    }
    out_ << "\n  ]";
  }

  void WriteCases(const std::vector<CaseRow>& rows) {
    if (rows.empty()) {
      out_ << "[]";
      return;
    }
    constexpr size_t kFlushAt = 1 << 16;
    buffer_.assign("[\n");
    for (size_t i = 0; i < rows.size(); ++i) {
      buffer_.append(i == 0 ? "        " : ",\n        ");
      cases_.Append(rows[i], "", &buffer_);
      if (buffer_.size() >= kFlushAt) {
        out_.write(buffer_.data(),
                   static_cast<std::streamsize>(buffer_.size()));
        buffer_.clear();
      }
    }
    buffer_.append("\n      ]");
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  }

  const Report& report_;
  std::ostream& out_;
  nlohmann::detail::serializer<Json> serializer_;
  std::string buffer_;
  internal::CaseJsonWriter cases_;
};

}  // namespace

void RenderJson(const Report& report, std::ostream& out) {
  Writer(report, out).WriteReport();
}

std::string RenderJson(const Report& report) {
  std::ostringstream out;
  RenderJson(report, out);
  return out.str();
}

TSC_NAMESPACE_END
