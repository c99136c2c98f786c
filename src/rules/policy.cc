// File: rules/policy.cc

#include "timescales/policy.h"

#include <exception>
#include <optional>

#include "absl/strings/str_format.h"
#include "base/excerpt.h"
#include "base/json.h"

TSC_NAMESPACE_BEGIN
namespace {

using internal::Json;

absl::Status PolicyError(absl::string_view key, absl::string_view problem) {
  return absl::InvalidArgumentError(
      absl::StrFormat("policy: \"%s\": %s", internal::Excerpt(key), problem));
}

absl::StatusOr<std::string> StringValue(const std::string& key,
                                        const Json& value) {
  if (!value.is_string()) return PolicyError(key, "must be a string");
  return *value.get_ptr<const std::string*>();
}

absl::StatusOr<int> SmallCount(const std::string& key, const Json& value) {
  const std::optional<int64_t> n = internal::JsonInt64(value);
  if (!n || *n < 0 || *n > 1000) {
    return PolicyError(key, "must be a whole number from 0 to 1000");
  }
  return static_cast<int>(*n);
}

}  // namespace

absl::string_view CountingName(Counting counting) noexcept {
  return counting == Counting::kStartIsDayOne ? "start_is_day_one"
                                              : "start_excluded";
}

absl::string_view MonthConventionName(MonthConvention months) noexcept {
  switch (months) {
    case MonthConvention::kCorrespondingDate:
      return "corresponding_date";
    case MonthConvention::kDayBeforeCorrespondingDate:
      return "day_before_corresponding";
    case MonthConvention::kFixedDays:
      return "fixed_days";
  }
  return "unknown";
}

absl::StatusOr<Counting> ParseCounting(absl::string_view name) {
  if (name == "start_excluded") return Counting::kStartExcluded;
  if (name == "start_is_day_one") return Counting::kStartIsDayOne;
  return absl::InvalidArgumentError(absl::StrFormat(
      "unknown counting '%s' (expected start_excluded or start_is_day_one)",
      internal::Excerpt(name)));
}

absl::StatusOr<MonthConvention> ParseMonthConvention(absl::string_view name) {
  for (MonthConvention m : {MonthConvention::kCorrespondingDate,
                            MonthConvention::kDayBeforeCorrespondingDate,
                            MonthConvention::kFixedDays}) {
    if (name == MonthConventionName(m)) return m;
  }
  return absl::InvalidArgumentError(absl::StrFormat(
      "unknown month convention '%s' (expected corresponding_date, "
      "day_before_corresponding or fixed_days)",
      internal::Excerpt(name)));
}

std::string Policy::Describe() const {
  const char* counting_text = counting == Counting::kStartIsDayOne
                                  ? "the event day is day 1"
                                  : "event day excluded";
  const char* months_text =
      months == MonthConvention::kCorrespondingDate
          ? "months by corresponding date"
      : months == MonthConvention::kDayBeforeCorrespondingDate
          ? "months end the day before the corresponding date"
          : "months as 91/183 days";
  const std::string report =
      sw_report == SwReportRule::kHoursBefore
          ? std::string("social worker's report 24 hours before")
          : absl::StrFormat("social worker's report %d working day%s before",
                            sw_report_working_days,
                            sw_report_working_days == 1 ? "" : "s");
  // Named only when not the default, so the usual line stays short.
  const char* participation_text =
      participation == ParticipationMeasure::kAttendance
          ? "; participation as attendance (PN1-PN4)"
      : participation == ParticipationMeasure::kChildren
          ? "; participation per child (every review PN1-PN6)"
          : "";
  return absl::StrFormat(
      "%s (%s; %s; ICPC from the %s strategy discussion; %s%s%s)", name,
      counting_text, months_text,
      icpc_anchor == IcpcAnchor::kInitiatingStrategyDiscussion ? "initiating"
                                                               : "last",
      report, participation_text,
      strict_holidays ? "; strict holiday horizon" : "");
}

namespace {

absl::StatusOr<Policy> FromJsonImpl(absl::string_view json) {
  absl::StatusOr<Json> doc = internal::ParseJson(json, "policy");
  if (!doc.ok()) return doc.status();
  if (!doc->is_object()) {
    return absl::InvalidArgumentError("policy: the document is not an object");
  }
  Policy policy;
  for (auto it = doc->begin(); it != doc->end(); ++it) {
    const std::string& key = it.key();
    const Json& value = it.value();
    if (key == "name") {
      absl::StatusOr<std::string> name = StringValue(key, value);
      if (!name.ok()) return name.status();
      policy.name = *name;
    } else if (key == "counting") {
      absl::StatusOr<std::string> text = StringValue(key, value);
      if (!text.ok()) return text.status();
      absl::StatusOr<Counting> counting = ParseCounting(*text);
      if (!counting.ok()) return PolicyError(key, counting.status().message());
      policy.counting = *counting;
    } else if (key == "months") {
      absl::StatusOr<std::string> text = StringValue(key, value);
      if (!text.ok()) return text.status();
      absl::StatusOr<MonthConvention> months = ParseMonthConvention(*text);
      if (!months.ok()) return PolicyError(key, months.status().message());
      policy.months = *months;
    } else if (key == "icpc_anchor") {
      absl::StatusOr<std::string> text = StringValue(key, value);
      if (!text.ok()) return text.status();
      if (*text == "initiating") {
        policy.icpc_anchor = IcpcAnchor::kInitiatingStrategyDiscussion;
      } else if (*text == "last") {
        policy.icpc_anchor = IcpcAnchor::kLastStrategyDiscussion;
      } else {
        return PolicyError(key, "expected \"initiating\" or \"last\"");
      }
    } else if (key == "sw_report") {
      absl::StatusOr<std::string> text = StringValue(key, value);
      if (!text.ok()) return text.status();
      if (*text == "24_hours") {
        policy.sw_report = SwReportRule::kHoursBefore;
      } else if (*text == "working_days") {
        policy.sw_report = SwReportRule::kWorkingDaysBefore;
      } else {
        return PolicyError(key, "expected \"24_hours\" or \"working_days\"");
      }
    } else if (key == "sw_report_working_days") {
      absl::StatusOr<int> n = SmallCount(key, value);
      if (!n.ok()) return n.status();
      policy.sw_report_working_days = *n;
    } else if (key == "due_soon_working_days") {
      absl::StatusOr<int> n = SmallCount(key, value);
      if (!n.ok()) return n.status();
      policy.due_soon_working_days = *n;
    } else if (key == "participation") {
      absl::StatusOr<std::string> text = StringValue(key, value);
      if (!text.ok()) return text.status();
      if (*text == "reviews") {
        policy.participation = ParticipationMeasure::kReviews;
      } else if (*text == "attendance") {
        policy.participation = ParticipationMeasure::kAttendance;
      } else if (*text == "children") {
        policy.participation = ParticipationMeasure::kChildren;
      } else {
        return PolicyError(
            key, "expected \"reviews\", \"attendance\" or \"children\"");
      }
    } else if (key == "strict_holidays") {
      if (!value.is_boolean()) return PolicyError(key, "must be true or false");
      policy.strict_holidays = *value.get_ptr<const bool*>();
    } else {
      return absl::InvalidArgumentError(absl::StrFormat(
          "policy: unknown key \"%s\" (expected name, counting, months, "
          "icpc_anchor, sw_report, sw_report_working_days, "
          "due_soon_working_days, participation, strict_holidays)",
          internal::Excerpt(key)));
    }
  }
  return policy;
}

}  // namespace

absl::StatusOr<Policy> Policy::FromJson(absl::string_view json) {
  try {
    return FromJsonImpl(json);
  } catch (const std::exception& e) {
    // Nothing in it throws but an allocation; say so rather than escape.
    return absl::ResourceExhaustedError(
        absl::StrFormat("policy: %s", internal::Excerpt(e.what())));
  }
}

TSC_NAMESPACE_END
