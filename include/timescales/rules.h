// File: rules.h
// -----------------------------------------------------------------------------
//
// The rule catalogue: every statutory and local timescale with a stable id,
// its anchor event, a signed offset, a unit and the source that sets it
// (docs/rules.md#catalogue). The catalogue is data: a council may override an
// offset or unit and add rules of its own from JSON.
//
// Example:
//
//   const RuleCatalogue& rules = RuleCatalogue::Builtin();
//   absl::StatusOr<const Rule*> rule = rules.Get("lac.first_review");
//   // (*rule)->offset == 20, (*rule)->unit == Unit::kWorkingDays
//
//   absl::StatusOr<RuleCatalogue> local = RuleCatalogue::FromJson(R"({
//     "rules": {"cp.visit": {"offset": 10, "unit": "working_days",
//                            "anchor": "previous visit",
//                            "description": "CP statutory visit",
//                            "source": "local procedure"}}})");

#ifndef TSC_RULES_H_
#define TSC_RULES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "timescales/config.h"

TSC_NAMESPACE_BEGIN

enum class Unit {
  kWorkingDays,  // anchor day excluded; the N-th working day after it
  kDays,         // calendar days
  kWeeks,        // 7 calendar days each
  kMonths,       // calendar months under the policy's month convention
  kHours,        // elapsed hours, local times read as Europe/London
};

// "working_days", "days", "weeks", "months", "hours".
absl::string_view UnitName(Unit unit) noexcept;

// The length of an offset in words, without its sign: "20 working days",
// "1 month", "24 hours" (for explanations and KPI titles).
std::string DescribeLength(int32_t offset, Unit unit);
absl::StatusOr<Unit> ParseUnit(absl::string_view name);

struct Rule {
  std::string id;           // stable: "lac.first_review"
  std::string description;  // "first LAC review"
  std::string anchor;       // "the day the child became looked after"
  int32_t offset = 0;       // signed: negative counts back from the anchor
  Unit unit = Unit::kWorkingDays;
  std::string source;  // "CPPCR 2010 reg 33(1) [V]"
  bool local = false;  // added or changed by local configuration

  bool is_before_anchor() const { return offset < 0; }
};

class RuleCatalogue {
 public:
  // The built-in catalogue of docs/rules.md#catalogue (plus the short-break
  // review rules of CPPCR reg 48).
  static const RuleCatalogue& Builtin();

  // RuleCatalogue::FromJson()
  //
  // `base` with the overrides and additions of a JSON document:
  // `{"rules": {ID: {"offset": N, "unit": U, "description": ..., "anchor":
  // ..., "source": ...}}}`. An existing id may change any field; a new id
  // needs offset and unit. Unknown keys are errors naming the key.
  static absl::StatusOr<RuleCatalogue> FromJson(
      absl::string_view json, const RuleCatalogue& base = Builtin());

  // The rules in catalogue order (built-in first, then local additions).
  const std::vector<Rule>& rules() const noexcept { return rules_; }

  // The rule with this id, or nullptr.
  const Rule* Find(absl::string_view id) const noexcept;

  // The rule with this id, or NotFound naming the id and the known ids.
  absl::StatusOr<const Rule*> Get(absl::string_view id) const;

  // Adds a rule, or replaces the one with the same id.
  absl::Status Put(Rule rule);

 private:
  std::vector<Rule> rules_;
};

TSC_NAMESPACE_END

#endif  // TSC_RULES_H_
