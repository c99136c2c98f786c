// File: rules/rules.cc
//
// The built-in rule catalogue (docs/rules.md#catalogue) and its JSON overrides.

#include "timescales/rules.h"

#include <algorithm>
#include <exception>
#include <optional>
#include <unordered_map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "base/excerpt.h"
#include "base/json.h"

TSC_NAMESPACE_BEGIN
namespace {

using internal::Json;

std::vector<Rule> BuiltinRules() {
  const Unit wd = Unit::kWorkingDays;
  const Unit months = Unit::kMonths;
  const Unit days = Unit::kDays;
  return {
      {"lac.first_review", "first LAC review",
       "the day the child became looked after (start of the period of care)",
       20, wd, "CPPCR 2010 reg 33(1) [V]", false},
      {"lac.second_review", "second LAC review",
       "actual date of the first review", 3, months, "CPPCR 2010 reg 33(2) [V]",
       false},
      {"lac.subsequent_review", "each later LAC review",
       "actual date of the previous review", 6, months,
       "CPPCR 2010 reg 33(2) [V]", false},
      {"lac.short_break_first_review",
       "first review of a short-break placement",
       "start of the first short-break placement", 3, months,
       "CPPCR 2010 reg 48(3), modifying reg 33 [R]", false},
      {"lac.short_break_subsequent_review",
       "each later review of short-break placements",
       "actual date of the previous review", 6, months,
       "CPPCR 2010 reg 48(3), modifying reg 33 [R]", false},
      {"lac.review_decisions", "review decisions / agreed actions circulated",
       "review date", 5, wd, "IRO Handbook ch.3 [R]", false},
      {"lac.review_record", "full written record of the review distributed",
       "review date", 20, wd, "IRO Handbook ch.3 [R]", false},
      {"lac.sw_report", "social worker's review report received by the IRO",
       "review start (date or date-time)", -24, Unit::kHours,
       "local standard in Leicestershire's IRO annual report 2019/20; "
       "policy option: N working days before",
       false},
      {"lac.care_plan", "care plan prepared", "start of the first placement",
       10, wd, "CPPCR 2010 reg 4(2) [V]", false},
      {"lac.placement_plan", "placement plan prepared",
       "start of each placement", 5, wd, "CPPCR 2010 reg 9(2) [V]", false},
      {"lac.placement_notification", "notification of an emergency placement",
       "start of the placement", 5, wd, "CPPCR 2010 reg 13(1) [V]", false},
      {"lac.first_visit", "first social worker visit",
       "start of each placement", 7, days, "CPPCR 2010 reg 28(2)(a) [V]",
       false},
      {"lac.visit_first_year", "next visit during the placement's first year",
       "previous visit", 42, days, "CPPCR 2010 reg 28(2)(b) [V]", false},
      {"lac.visit_long_term",
       "next visit after the first year, placement intended to last until 18",
       "previous visit", 3, months, "CPPCR 2010 reg 28(2)(c)(i) [V]", false},
      {"lac.visit_other",
       "next visit after the first year, any other placement", "previous visit",
       42, days, "CPPCR 2010 reg 28(2)(c)(ii) [V]", false},
      {"cin.referral_decision", "decision on a referral", "referral received",
       1, wd, "Working Together 2018 [S]", false},
      {"cin.assessment", "child and family assessment concluded",
       "referral received", 45, wd, "Working Together 2018 [S]", false},
      {"cp.icpc", "initial child protection conference",
       "strategy discussion at which the s47 enquiry was initiated", 15, wd,
       "Working Together 2018 [S]", false},
      {"cp.core_group", "first core group meeting", "ICPC date", 10, wd,
       "Working Together 2018 [R/S]", false},
      {"cp.first_rcpc", "first review conference", "ICPC date (= plan start)",
       3, months, "Working Together 2018 [S]", false},
      {"cp.subsequent_rcpc", "each later review conference",
       "actual date of the previous review conference", 6, months,
       "Working Together 2018 [S]", false},
  };
}

// "a, b, c" for the first ids of `rules`, and how many more there are: a
// catalogue may hold thousands of local rules, and a message all of them.
std::string SomeIds(const std::vector<Rule>& rules) {
  constexpr size_t kListed = 40;
  std::vector<std::string> ids;
  for (size_t i = 0; i < rules.size() && i < kListed; ++i) {
    ids.push_back(internal::Excerpt(rules[i].id));
  }
  std::string text = absl::StrJoin(ids, ", ");
  if (rules.size() > kListed) {
    absl::StrAppend(&text, " and ", rules.size() - kListed, " more");
  }
  return text;
}

absl::Status RuleError(absl::string_view id, absl::string_view problem) {
  return absl::InvalidArgumentError(
      absl::StrFormat("rules: \"%s\": %s", internal::Excerpt(id), problem));
}

// Applies `spec` to `rule` (a copy of the existing rule of that id, or a
// blank one when `existing` is false).
absl::Status ApplyJsonRule(const std::string& id, const Json& spec,
                           bool existing, Rule* rule) {
  if (!spec.is_object()) return RuleError(id, "not an object");
  rule->id = id;
  rule->local = true;
  bool has_offset = existing;
  bool has_unit = existing;
  for (auto it = spec.begin(); it != spec.end(); ++it) {
    const std::string& key = it.key();
    const Json& value = it.value();
    if (key == "offset") {
      if (!value.is_number_integer()) {
        return RuleError(id, "\"offset\" must be a whole number");
      }
      const std::optional<int64_t> offset = internal::JsonInt64(value);
      if (!offset || *offset < -100000 || *offset > 100000) {
        return RuleError(id, "\"offset\" is out of range");
      }
      rule->offset = static_cast<int32_t>(*offset);
      has_offset = true;
    } else if (key == "unit") {
      if (!value.is_string()) return RuleError(id, "\"unit\" must be a string");
      absl::StatusOr<Unit> unit =
          ParseUnit(*value.get_ptr<const std::string*>());
      if (!unit.ok()) return RuleError(id, unit.status().message());
      rule->unit = *unit;
      has_unit = true;
    } else if (key == "description" || key == "anchor" || key == "source") {
      if (!value.is_string()) {
        return RuleError(id, absl::StrFormat("\"%s\" must be a string", key));
      }
      const std::string& text = *value.get_ptr<const std::string*>();
      if (key == "description") rule->description = text;
      if (key == "anchor") rule->anchor = text;
      if (key == "source") rule->source = text;
    } else {
      return RuleError(
          id, absl::StrFormat("unknown key \"%s\" (expected offset, unit, "
                              "description, anchor, source)",
                              internal::Excerpt(key)));
    }
  }
  if (!has_offset || !has_unit) {
    return RuleError(id, "a new rule needs \"offset\" and \"unit\"");
  }
  if (rule->source.empty()) rule->source = "local configuration";
  return absl::OkStatus();
}

}  // namespace

std::string DescribeLength(int32_t offset, Unit unit) {
  // The unit's name in words: "working_days" is "working days", and one
  // of them "1 working day".
  std::string noun(UnitName(unit));
  std::replace(noun.begin(), noun.end(), '_', ' ');
  const int64_t magnitude = offset < 0 ? -int64_t{offset} : offset;
  if (magnitude == 1 && !noun.empty() && noun.back() == 's') noun.pop_back();
  return absl::StrFormat("%d %s", magnitude, noun);
}

absl::string_view UnitName(Unit unit) noexcept {
  switch (unit) {
    case Unit::kWorkingDays:
      return "working_days";
    case Unit::kDays:
      return "days";
    case Unit::kWeeks:
      return "weeks";
    case Unit::kMonths:
      return "months";
    case Unit::kHours:
      return "hours";
  }
  return "unknown";
}

absl::StatusOr<Unit> ParseUnit(absl::string_view name) {
  for (Unit unit : {Unit::kWorkingDays, Unit::kDays, Unit::kWeeks,
                    Unit::kMonths, Unit::kHours}) {
    if (name == UnitName(unit)) return unit;
  }
  return absl::InvalidArgumentError(absl::StrFormat(
      "unknown unit '%s' (expected working_days, days, weeks, months or "
      "hours)",
      internal::Excerpt(name)));
}

const RuleCatalogue& RuleCatalogue::Builtin() {
  static const RuleCatalogue* const kBuiltin = [] {
    auto* catalogue = new RuleCatalogue;
    catalogue->rules_ = BuiltinRules();
    return catalogue;
  }();
  return *kBuiltin;
}

absl::StatusOr<RuleCatalogue> RuleCatalogue::FromJson(
    absl::string_view json, const RuleCatalogue& base) {
  try {
    absl::StatusOr<Json> parsed = internal::ParseJson(json, "rules");
    if (!parsed.ok()) return parsed.status();
    const Json& doc = *parsed;
    if (!doc.is_object()) {
      return absl::InvalidArgumentError("rules: the document is not an object");
    }
    RuleCatalogue out = base;
    for (auto it = doc.begin(); it != doc.end(); ++it) {
      if (it.key() != "rules") {
        return absl::InvalidArgumentError(
            absl::StrFormat("rules: unknown key \"%s\" (expected \"rules\")",
                            internal::Excerpt(it.key())));
      }
      if (!it.value().is_object()) {
        return absl::InvalidArgumentError("rules: \"rules\" must be an object");
      }
      // Each id found through a hash index, not Find()'s search: a file of
      // many local rules is read in linear time.
      std::unordered_map<std::string, size_t> index;
      index.reserve(out.rules_.size() + it.value().size());
      for (size_t i = 0; i < out.rules_.size(); ++i) {
        index.emplace(out.rules_[i].id, i);
      }
      for (auto spec = it.value().begin(); spec != it.value().end(); ++spec) {
        const std::string& id = spec.key();
        if (id.empty()) return RuleError(id, "a rule id may not be empty");
        const auto found = index.find(id);
        const bool existing = found != index.end();
        Rule rule = existing ? out.rules_[found->second] : Rule{};
        absl::Status applied = ApplyJsonRule(id, spec.value(), existing, &rule);
        if (!applied.ok()) return applied;
        if (existing) {
          out.rules_[found->second] = std::move(rule);
        } else {
          index.emplace(id, out.rules_.size());
          out.rules_.push_back(std::move(rule));
        }
      }
    }
    return out;
  } catch (const std::exception& e) {
    // Nothing above throws but an allocation; say so rather than escape.
    return absl::ResourceExhaustedError(
        absl::StrFormat("rules: %s", internal::Excerpt(e.what())));
  }
}

const Rule* RuleCatalogue::Find(absl::string_view id) const noexcept {
  for (const Rule& rule : rules_) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

absl::StatusOr<const Rule*> RuleCatalogue::Get(absl::string_view id) const {
  const Rule* rule = Find(id);
  if (rule == nullptr) {
    return absl::NotFoundError(
        absl::StrFormat("unknown rule '%s' (known rules: %s)",
                        internal::Excerpt(id), SomeIds(rules_)));
  }
  return rule;
}

absl::Status RuleCatalogue::Put(Rule rule) {
  if (rule.id.empty()) return absl::InvalidArgumentError("rule id is empty");
  for (Rule& existing : rules_) {
    if (existing.id == rule.id) {
      existing = std::move(rule);
      return absl::OkStatus();
    }
  }
  rules_.push_back(std::move(rule));
  return absl::OkStatus();
}

TSC_NAMESPACE_END
