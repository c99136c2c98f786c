// File: report_config.h
// -----------------------------------------------------------------------------
//
// The configuration of a report (docs/configuration.md): targets,
// tolerances, polarity and benchmarks per KPI, the policy, the calendar
// (closure days, a GOV.UK holidays file) and local rules; and the options
// of one computation. Read by the KPI engine (report.h) and the monitoring
// list (monitoring.h).
//
// Example:
//
//   absl::StatusOr<ReportConfig> config =
//       ReportConfig::FromFile("config.json");  // paths relative to it
//   absl::StatusOr<Calendar> calendar = config->BuildCalendar();

#ifndef TSC_REPORT_CONFIG_H_
#define TSC_REPORT_CONFIG_H_

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "timescales/calendar.h"
#include "timescales/calendar_settings.h"
#include "timescales/config.h"
#include "timescales/date.h"
#include "timescales/due.h"
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
  // What the IRO writes about this KPI: Markdown text of the subset
  // docs/configuration.md#narrative describes ("" for none).
  std::string narrative;
};

// The `report` object: what the page says of itself
// (docs/configuration.md#report).
struct ReportSettings {
  std::string title;    // "" for the default, "IRO KPI scorecard"
  std::string council;  // "" for none
  // The report's own commentary (Markdown subset), "" for none.
  std::string narrative;
  // How many years before the period the charts show, at most: each is
  // shown only when the data cover it (docs/kpis.md#earlier-periods).
  int previous_years = 3;
};

// The configuration file (docs/configuration.md): every key optional,
// unknown keys are errors naming the key.
//
//   {"policy": {...Policy::FromJson keys...},
//    "kpis": {"cp_repeat_plans": {"target": 19, "polarity":
//             "lower_is_better", "amber_tolerance": 2,
//             "benchmarks": {"statistical neighbours": 22.2}}},
//    "closure_days": ["2019-12-24", {"date": "2019-12-27", "name": "..."}],
//    "holidays": {"govuk_json": "path/to/bank-holidays.json",
//                 "division": "england-and-wales", "merge": "overlay"},
//    "rules": {...RuleCatalogue::FromJson "rules" object...},
//    "report": {"title": "...", "council": "...", "narrative": "...",
//               "previous_years": 3}}
struct ReportConfig {
  Policy policy;
  std::map<std::string, KpiSettings> kpis;
  ReportSettings report;
  // `closure_days` and `holidays` (the GOV.UK path already resolved).
  CalendarSettings calendar;
  std::string rules_json;  // the "rules" member, re-serialised

  // `base_dir` resolves a relative holidays path ("" leaves it as given).
  static absl::StatusOr<ReportConfig> FromJson(absl::string_view json,
                                               absl::string_view base_dir = "");
  // The file at `path`, its relative paths resolved against its folder.
  // Messages name the file.
  static absl::StatusOr<ReportConfig> FromFile(const std::string& path);

  // The calendar and rules this configuration asks for (reads the GOV.UK
  // file when one is named).
  absl::StatusOr<Calendar> BuildCalendar() const;
  absl::StatusOr<RuleCatalogue> BuildRules() const;
  // Both with the policy: the engine every figure is computed with.
  absl::StatusOr<Timescales> BuildTimescales() const;
};

struct ReportOptions {
  // The first date from which the data hold every review (--data-from);
  // otherwise derived per source (docs/kpis.md#coverage-start).
  std::optional<Date> data_from;
  // A table or column that loses more than this share of its rows to
  // rejections, or a KPI left with no cases by them, is a data-quality
  // problem (Report::data_problems; the CLI's exit status 3).
  double max_rejected_share = 0.05;
  // Case-level detail: every KPI lists the rows behind its headline figure
  // (KpiResult::cases). Off by default: the rows name children, and cost
  // time and memory.
  bool detail = false;
  // With `detail`, only the rows of this child, each with its working
  // (CaseRow::explanation): `timescales explain`.
  std::string detail_child;
};

TSC_NAMESPACE_END

#endif  // TSC_REPORT_CONFIG_H_
