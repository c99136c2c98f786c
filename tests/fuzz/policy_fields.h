// File: fuzz/policy_fields.h
//
// A Policy field by field, for the targets that read one (policy_json, and
// report_config_json through its "policy" key): equality, and the policy
// written back as the JSON Policy::FromJson reads, in the key names of
// docs/rules.md#policy-settings (written here, not taken from the library,
// so a name the library changes on one side only shows up).

#ifndef TSC_FUZZ_POLICY_FIELDS_H_
#define TSC_FUZZ_POLICY_FIELDS_H_

#include <string>

#include "nlohmann/json.hpp"
#include "timescales/policy.h"

namespace timescales {
namespace fuzz {

inline bool SamePolicy(const Policy& a, const Policy& b) {
  return a.name == b.name && a.counting == b.counting && a.months == b.months &&
         a.icpc_anchor == b.icpc_anchor && a.sw_report == b.sw_report &&
         a.sw_report_working_days == b.sw_report_working_days &&
         a.strict_holidays == b.strict_holidays &&
         a.due_soon_working_days == b.due_soon_working_days &&
         a.participation == b.participation;
}

inline nlohmann::json PolicyToJson(const Policy& p) {
  nlohmann::json j;
  j["name"] = p.name;
  j["counting"] = p.counting == Counting::kStartIsDayOne ? "start_is_day_one"
                                                         : "start_excluded";
  j["months"] = p.months == MonthConvention::kCorrespondingDate
                    ? "corresponding_date"
                : p.months == MonthConvention::kDayBeforeCorrespondingDate
                    ? "day_before_corresponding"
                    : "fixed_days";
  j["icpc_anchor"] = p.icpc_anchor == IcpcAnchor::kInitiatingStrategyDiscussion
                         ? "initiating"
                         : "last";
  j["sw_report"] =
      p.sw_report == SwReportRule::kHoursBefore ? "24_hours" : "working_days";
  j["sw_report_working_days"] = p.sw_report_working_days;
  j["strict_holidays"] = p.strict_holidays;
  j["due_soon_working_days"] = p.due_soon_working_days;
  j["participation"] =
      p.participation == ParticipationMeasure::kReviews      ? "reviews"
      : p.participation == ParticipationMeasure::kAttendance ? "attendance"
                                                             : "children";
  return j;
}

}  // namespace fuzz
}  // namespace timescales

#endif  // TSC_FUZZ_POLICY_FIELDS_H_
