// File: kpi/report_config.cc
//
// The report configuration file (docs/configuration.md): targets,
// tolerances, polarity and benchmarks per KPI, the policy, closure days, a
// holiday overlay and local rules. Every key is optional; an unknown key is
// an error naming it, so a typo cannot silently change a figure.

#include "timescales/report_config.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "base/excerpt.h"
#include "base/file.h"
#include "base/json.h"
#include "timescales/kpi_registry.h"

TSC_NAMESPACE_BEGIN
namespace {

using internal::Excerpt;
using internal::Json;

absl::Status ConfigError(absl::string_view where, absl::string_view problem) {
  return absl::InvalidArgumentError(
      absl::StrFormat("configuration: %s: %s", where, problem));
}

absl::StatusOr<double> Number(const std::string& where, const Json& value) {
  const std::optional<double> number = internal::JsonDouble(value);
  if (!number) return ConfigError(where, "must be a number");
  return *number;
}

// Narrative text: a string, or an array of strings (paragraphs, joined by
// a blank line), at most kMaxNarrative bytes.
absl::StatusOr<std::string> Narrative(const std::string& where,
                                      const Json& value) {
  constexpr size_t kMaxNarrative = 64 * 1024;
  std::string text;
  if (value.is_string()) {
    text = *value.get_ptr<const std::string*>();
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) {
      if (!value[i].is_string()) {
        return ConfigError(absl::StrFormat("%s[%d]", where, i),
                           "must be a string");
      }
      if (i > 0) text += "\n\n";
      text += *value[i].get_ptr<const std::string*>();
    }
  } else {
    return ConfigError(where, "must be a string or an array of strings");
  }
  if (text.size() > kMaxNarrative) {
    return ConfigError(where, "is longer than 64 KB");
  }
  return text;
}

absl::Status ReadReport(const Json& spec, ReportConfig* config) {
  if (!spec.is_object()) return ConfigError("report", "must be an object");
  for (auto it = spec.begin(); it != spec.end(); ++it) {
    const std::string where = "report." + Excerpt(it.key());
    if (it.key() == "title" || it.key() == "council") {
      if (!it.value().is_string()) {
        return ConfigError(where, "must be a string");
      }
      std::string value = *it.value().get_ptr<const std::string*>();
      if (value.size() > 200) {
        return ConfigError(where, "is longer than 200 bytes");
      }
      (it.key() == "title" ? config->report.title : config->report.council) =
          std::move(value);
    } else if (it.key() == "narrative") {
      absl::StatusOr<std::string> text = Narrative(where, it.value());
      if (!text.ok()) return text.status();
      config->report.narrative = *std::move(text);
    } else if (it.key() == "previous_years") {
      const std::optional<double> n = internal::JsonDouble(it.value());
      if (!n || *n != std::floor(*n) || *n < 0 || *n > 10) {
        return ConfigError(where, "must be a whole number from 0 to 10");
      }
      config->report.previous_years = static_cast<int>(*n);
    } else {
      return ConfigError(where,
                         "unknown key (expected title, council, narrative, "
                         "previous_years)");
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<KpiSettings> ReadKpi(const std::string& id, const Json& spec) {
  if (!spec.is_object()) return ConfigError("kpis." + id, "must be an object");
  KpiSettings settings;
  KpiTarget target;
  bool has_target = false;
  for (auto it = spec.begin(); it != spec.end(); ++it) {
    const std::string where =
        absl::StrFormat("kpis.%s.%s", Excerpt(id), Excerpt(it.key()));
    if (it.key() == "target") {
      absl::StatusOr<double> v = Number(where, it.value());
      if (!v.ok()) return v.status();
      target.target = *v;
      has_target = true;
    } else if (it.key() == "amber_tolerance") {
      absl::StatusOr<double> v = Number(where, it.value());
      if (!v.ok()) return v.status();
      if (*v < 0) return ConfigError(where, "must not be negative");
      target.amber_tolerance = *v;
    } else if (it.key() == "polarity") {
      const std::string p = it.value().is_string()
                                ? *it.value().get_ptr<const std::string*>()
                                : std::string();
      if (p == "higher_is_better") {
        target.polarity = Polarity::kHigherIsBetter;
      } else if (p == "lower_is_better") {
        target.polarity = Polarity::kLowerIsBetter;
      } else {
        return ConfigError(where,
                           "expected \"higher_is_better\" or "
                           "\"lower_is_better\"");
      }
    } else if (it.key() == "benchmarks") {
      if (!it.value().is_object())
        return ConfigError(where, "must be an object");
      for (auto b = it.value().begin(); b != it.value().end(); ++b) {
        absl::StatusOr<double> v = Number(
            absl::StrFormat("%s.%s", where, Excerpt(b.key())), b.value());
        if (!v.ok()) return v.status();
        settings.benchmarks.emplace_back(b.key(), *v);
      }
    } else if (it.key() == "narrative") {
      absl::StatusOr<std::string> text = Narrative(where, it.value());
      if (!text.ok()) return text.status();
      settings.narrative = *std::move(text);
    } else {
      return ConfigError(where,
                         "unknown key (expected target, polarity, "
                         "amber_tolerance, benchmarks, narrative)");
    }
  }
  if (has_target) settings.target = target;
  return settings;
}

absl::Status ReadClosureDays(const Json& list, ReportConfig* config) {
  if (!list.is_array()) return ConfigError("closure_days", "must be an array");
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string where = absl::StrFormat("closure_days[%d]", i);
    const Json& item = list[i];
    std::string date_text;
    std::string name = "Local closure day";
    if (item.is_string()) {
      date_text = *item.get_ptr<const std::string*>();
    } else if (item.is_object()) {
      for (auto it = item.begin(); it != item.end(); ++it) {
        if (it.key() == "date" && it.value().is_string()) {
          date_text = *it.value().get_ptr<const std::string*>();
        } else if (it.key() == "name" && it.value().is_string()) {
          name = *it.value().get_ptr<const std::string*>();
        } else {
          return ConfigError(where + "." + Excerpt(it.key()),
                             "unknown key (expected date, name)");
        }
      }
    } else {
      return ConfigError(where, "must be a date or {\"date\", \"name\"}");
    }
    absl::StatusOr<Date> day = Date::Parse(date_text);
    if (!day.ok()) return ConfigError(where, day.status().message());
    config->calendar.closure_days.push_back(
        Holiday{*day, name, HolidayKind::kLocalClosure, false});
  }
  return absl::OkStatus();
}

absl::Status ReadHolidays(const Json& spec, absl::string_view base_dir,
                          ReportConfig* config) {
  if (!spec.is_object()) return ConfigError("holidays", "must be an object");
  for (auto it = spec.begin(); it != spec.end(); ++it) {
    const std::string where = "holidays." + Excerpt(it.key());
    if (!it.value().is_string()) return ConfigError(where, "must be a string");
    const std::string& value = *it.value().get_ptr<const std::string*>();
    if (it.key() == "govuk_json") {
      config->calendar.govuk_json_path =
          internal::ResolvePath(value, std::string(base_dir));
    } else if (it.key() == "division") {
      config->calendar.division = value;
    } else if (it.key() == "merge") {
      if (value == "overlay") {
        config->calendar.merge = JsonMerge::kOverlay;
      } else if (value == "replace") {
        config->calendar.merge = JsonMerge::kReplace;
      } else {
        return ConfigError(where, "expected \"overlay\" or \"replace\"");
      }
    } else {
      return ConfigError(where,
                         "unknown key (expected govuk_json, division, merge)");
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<ReportConfig> FromJsonImpl(absl::string_view json,
                                          absl::string_view base_dir) {
  absl::StatusOr<Json> doc = internal::ParseJson(json, "configuration");
  if (!doc.ok()) return doc.status();
  if (!doc->is_object()) {
    return absl::InvalidArgumentError(
        "configuration: the document is not a JSON object");
  }
  ReportConfig config;
  for (auto it = doc->begin(); it != doc->end(); ++it) {
    const std::string& key = it.key();
    if (key == "policy") {
      absl::StatusOr<Policy> policy = Policy::FromJson(it.value().dump());
      if (!policy.ok()) {
        return absl::InvalidArgumentError(
            absl::StrFormat("configuration: %s", policy.status().message()));
      }
      config.policy = *std::move(policy);
    } else if (key == "kpis") {
      if (!it.value().is_object())
        return ConfigError("kpis", "must be an object");
      std::vector<std::string> known;
      for (const KpiDefinition& kpi : KpiRegistry()) known.push_back(kpi.id);
      for (auto k = it.value().begin(); k != it.value().end(); ++k) {
        if (FindKpi(k.key()) == nullptr) {
          return ConfigError("kpis." + Excerpt(k.key()),
                             absl::StrFormat("unknown KPI (known: %s)",
                                             absl::StrJoin(known, ", ")));
        }
        absl::StatusOr<KpiSettings> settings = ReadKpi(k.key(), k.value());
        if (!settings.ok()) return settings.status();
        config.kpis[k.key()] = *std::move(settings);
      }
    } else if (key == "closure_days") {
      absl::Status s = ReadClosureDays(it.value(), &config);
      if (!s.ok()) return s;
    } else if (key == "holidays") {
      absl::Status s = ReadHolidays(it.value(), base_dir, &config);
      if (!s.ok()) return s;
    } else if (key == "rules") {
      Json wrapper = Json::object();
      wrapper["rules"] = it.value();
      config.rules_json = wrapper.dump();
      // Checked now, so a bad rule is reported with the configuration.
      absl::StatusOr<RuleCatalogue> check = config.BuildRules();
      if (!check.ok()) {
        return absl::InvalidArgumentError(
            absl::StrFormat("configuration: %s", check.status().message()));
      }
    } else if (key == "report") {
      absl::Status s = ReadReport(it.value(), &config);
      if (!s.ok()) return s;
    } else {
      return absl::InvalidArgumentError(absl::StrFormat(
          "configuration: unknown key \"%s\" (expected policy, kpis, "
          "closure_days, holidays, rules, report)",
          Excerpt(key)));
    }
  }
  return config;
}

}  // namespace

absl::StatusOr<ReportConfig> ReportConfig::FromJson(
    absl::string_view json, absl::string_view base_dir) {
  try {
    return FromJsonImpl(json, base_dir);
  } catch (const std::exception& e) {
    // Nothing in it throws but an allocation; say so rather than escape.
    return absl::ResourceExhaustedError(
        absl::StrFormat("configuration: %s", Excerpt(e.what())));
  }
}

absl::StatusOr<ReportConfig> ReportConfig::FromFile(const std::string& path) {
  absl::StatusOr<std::string> text = internal::ReadFile(path);
  if (!text.ok()) return text.status();
  absl::StatusOr<ReportConfig> config =
      FromJson(*text, internal::DirectoryOf(path));
  if (!config.ok()) {
    return absl::Status(config.status().code(),
                        absl::StrCat(path, ": ", config.status().message()));
  }
  return config;
}

absl::StatusOr<Calendar> ReportConfig::BuildCalendar() const {
  return timescales::BuildCalendar(calendar);
}

absl::StatusOr<Timescales> ReportConfig::BuildTimescales() const {
  absl::StatusOr<Calendar> built = BuildCalendar();
  if (!built.ok()) return built.status();
  absl::StatusOr<RuleCatalogue> rules = BuildRules();
  if (!rules.ok()) return rules.status();
  return Timescales(*std::move(built), *std::move(rules), policy);
}

absl::StatusOr<RuleCatalogue> ReportConfig::BuildRules() const {
  if (rules_json.empty()) return RuleCatalogue::Builtin();
  return RuleCatalogue::FromJson(rules_json);
}

TSC_NAMESPACE_END
