// File: fuzz/report_config_json_fuzzer.cc
//
// ReportConfig::FromJson() over arbitrary bytes as a configuration file
// (docs/configuration.md). Beyond not crashing:
//
//   * an error says it is the configuration's ("configuration: ...");
//   * a configuration read holds only known KPIs, no negative tolerance, as
//     many closure days as its "closure_days" lists, the policy its
//     "policy" object reads as on its own (Policy::FromJson), and rules that
//     build;
//   * the base folder changes the GOV.UK path alone, and only a relative one;
//   * without files to read, its calendar builds, with every closure day on
//     a weekday a non-working day.
//
// A configuration naming a GOV.UK or closure-days file is not built: the
// fuzzer must not read files.

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "fuzz/fuzz_check.h"
#include "fuzz/policy_fields.h"
#include "nlohmann/json.hpp"
#include "timescales/calendar.h"
#include "timescales/kpi_registry.h"
#include "timescales/policy.h"
#include "timescales/report_config.h"

namespace timescales {
namespace fuzz {
namespace {

bool SameKpis(const ReportConfig& a, const ReportConfig& b) {
  if (a.kpis.size() != b.kpis.size()) return false;
  for (const auto& [id, settings] : a.kpis) {
    const auto other = b.kpis.find(id);
    if (other == b.kpis.end()) return false;
    const KpiSettings& o = other->second;
    if (settings.benchmarks != o.benchmarks) return false;
    if (settings.target.has_value() != o.target.has_value()) return false;
    if (settings.target &&
        (settings.target->target != o.target->target ||
         settings.target->polarity != o.target->polarity ||
         settings.target->amber_tolerance != o.target->amber_tolerance)) {
      return false;
    }
  }
  return true;
}

void CheckConfig(absl::string_view text) {
  const absl::StatusOr<ReportConfig> config = ReportConfig::FromJson(text);
  if (!config.ok()) {
    Check(
        absl::StartsWith(config.status().message(), "configuration"),
        "a configuration error does not say so: " + config.status().ToString());
    return;
  }
  for (const auto& [id, settings] : config->kpis) {
    Check(FindKpi(id) != nullptr, "an unknown KPI was accepted: " + id);
    Check(!settings.target || settings.target->amber_tolerance >= 0,
          "a negative amber tolerance was accepted");
  }
  const absl::StatusOr<RuleCatalogue> rules = config->BuildRules();
  Check(rules.ok(),
        "accepted rules do not build: " + rules.status().ToString());

  // What the document says, read here on its own.
  nlohmann::ordered_json doc;
  try {
    doc = nlohmann::ordered_json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::exception& e) {
    Fail(std::string("the library read a document nlohmann refuses: ") +
         e.what());
  }
  Policy expected_policy;
  if (doc.contains("policy")) {
    const absl::StatusOr<Policy> alone = Policy::FromJson(doc["policy"].dump());
    Check(alone.ok(), "the configuration's policy is refused on its own");
    expected_policy = *alone;
  }
  Check(SamePolicy(config->policy, expected_policy),
        "the configuration's policy differs from its \"policy\" read alone");
  const size_t closures =
      doc.contains("closure_days") ? doc["closure_days"].size() : 0;
  Check(config->calendar.closure_days.size() == closures,
        "not every closure day listed was read");

  // Relative to a folder: only the GOV.UK path changes.
  const absl::StatusOr<ReportConfig> based =
      ReportConfig::FromJson(text, "/base");
  Check(based.ok(), "a configuration is refused with a base folder");
  const std::string& path = config->calendar.govuk_json_path;
  Check(based->calendar.govuk_json_path ==
            (path.empty() || path[0] == '/' ? path : "/base/" + path),
        "the base folder resolves the GOV.UK path wrongly: " + path + " -> " +
            based->calendar.govuk_json_path);
  Check(SamePolicy(based->policy, config->policy) &&
            SameKpis(*based, *config) &&
            based->rules_json == config->rules_json &&
            based->calendar.closure_days.size() == closures,
        "the base folder changes more than the GOV.UK path");

  if (!path.empty() || !config->calendar.closure_days_path.empty()) return;
  const absl::StatusOr<Calendar> calendar = config->BuildCalendar();
  Check(calendar.ok(), "a configuration without files has no calendar: " +
                           calendar.status().ToString());
  for (const Holiday& closure : config->calendar.closure_days) {
    if (closure.date.is_weekend()) continue;
    const absl::StatusOr<bool> working = calendar->IsWorkingDay(closure.date);
    Check(working.ok() && !*working,
          "a closure day is a working day: " + closure.date.ToString());
  }
  Check(config->BuildTimescales().ok(),
        "a configuration without files builds no engine");
}

}  // namespace
}  // namespace fuzz
}  // namespace timescales

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  timescales::fuzz::CheckConfig(
      absl::string_view(reinterpret_cast<const char*>(bytes), size));
  return 0;
}
