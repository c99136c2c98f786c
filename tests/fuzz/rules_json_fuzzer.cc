// File: fuzz/rules_json_fuzzer.cc
//
// RuleCatalogue::FromJson() over arbitrary bytes as a rules file, on the
// built-in catalogue. Beyond not crashing:
//
//   * an error says it is the rules' ("rules: ..." or "rule ...");
//   * a catalogue read keeps every built-in rule, in order, ahead of the
//     local additions, every id once, every offset within +-100000 and every
//     unit one ParseUnit() reads back;
//   * each rule the document names holds exactly what it gives: the offset
//     is the document's number (compared as JSON numbers, so no wrap-around
//     of a huge one), the unit, description, anchor and source its strings
//     (an empty source: "local configuration");
//   * applying the same document again changes nothing.

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "fuzz/fuzz_check.h"
#include "nlohmann/json.hpp"
#include "timescales/rules.h"

namespace timescales {
namespace fuzz {
namespace {

bool SameRule(const Rule& a, const Rule& b) {
  return a.id == b.id && a.description == b.description &&
         a.anchor == b.anchor && a.offset == b.offset && a.unit == b.unit &&
         a.source == b.source && a.local == b.local;
}

bool SameRules(const RuleCatalogue& a, const RuleCatalogue& b) {
  if (a.rules().size() != b.rules().size()) return false;
  for (size_t i = 0; i < a.rules().size(); ++i) {
    if (!SameRule(a.rules()[i], b.rules()[i])) return false;
  }
  return true;
}

void CheckRules(absl::string_view text) {
  const RuleCatalogue& builtin = RuleCatalogue::Builtin();
  const absl::StatusOr<RuleCatalogue> rules = RuleCatalogue::FromJson(text);
  if (!rules.ok()) {
    Check(absl::StartsWith(rules.status().message(), "rule"),
          "a rules error does not say so: " + rules.status().ToString());
    return;
  }
  const std::vector<Rule>& all = rules->rules();
  Check(all.size() >= builtin.rules().size(), "a built-in rule was lost");
  std::set<std::string> ids;
  for (size_t i = 0; i < all.size(); ++i) {
    const Rule& rule = all[i];
    if (i < builtin.rules().size()) {
      Check(rule.id == builtin.rules()[i].id,
            "the built-in rules are no longer first, in order");
    }
    Check(!rule.id.empty() && ids.insert(rule.id).second,
          "a rule id is empty or repeated: " + rule.id);
    Check(rule.offset >= -100000 && rule.offset <= 100000,
          "an offset outside +-100000: " + rule.id);
    const absl::StatusOr<Unit> unit = ParseUnit(UnitName(rule.unit));
    Check(unit.ok() && *unit == rule.unit, "a unit does not read back");
    Check(!DescribeLength(rule.offset, rule.unit).empty(), "no length text");
    Check(rules->Find(rule.id) == &rule, "Find() misses " + rule.id);
  }

  // Every rule the document names, as the document gives it.
  nlohmann::ordered_json doc;
  try {
    doc = nlohmann::ordered_json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::exception& e) {
    Fail(std::string("the library read a document nlohmann refuses: ") +
         e.what());
  }
  if (doc.contains("rules")) {
    for (const auto& [id, spec] : doc["rules"].items()) {
      const Rule* rule = rules->Find(id);
      Check(rule != nullptr, "a rule the document gives is missing: " + id);
      Check(rule->local, "a rule the document gives is not marked local");
      for (const auto& [key, value] : spec.items()) {
        if (key == "offset") {
          Check(nlohmann::ordered_json(rule->offset) == value,
                "rule " + id + ": offset " + std::to_string(rule->offset) +
                    " from " + value.dump());
        } else if (key == "unit") {
          Check(value == std::string(UnitName(rule->unit)),
                "rule " + id + ": unit");
        } else if (key == "description") {
          Check(value == rule->description, "rule " + id + ": description");
        } else if (key == "anchor") {
          Check(value == rule->anchor, "rule " + id + ": anchor");
        } else if (key == "source") {
          // An empty source reads as the default one.
          Check(value == rule->source ||
                    (value == "" && rule->source == "local configuration"),
                "rule " + id + ": source");
        }
      }
    }
  }
  // Rules the document does not name are the built-in ones, untouched.
  for (const Rule& rule : builtin.rules()) {
    if (doc.contains("rules") && doc["rules"].contains(rule.id)) continue;
    Check(SameRule(*rules->Find(rule.id), rule),
          "a built-in rule the document does not name changed: " + rule.id);
  }

  const absl::StatusOr<RuleCatalogue> twice =
      RuleCatalogue::FromJson(text, *rules);
  Check(twice.ok(),
        "the same rules refused a second time: " + twice.status().ToString());
  Check(SameRules(*twice, *rules), "applying the rules twice changes them");
}

}  // namespace
}  // namespace fuzz
}  // namespace timescales

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  timescales::fuzz::CheckRules(
      absl::string_view(reinterpret_cast<const char*>(bytes), size));
  return 0;
}
