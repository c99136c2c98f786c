// File: rules/due.cc
//
// Due dates for every unit of the rule catalogue, with the working shown.

#include "timescales/due.h"

#include <cstdlib>
#include <limits>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

TSC_NAMESPACE_BEGIN
namespace {

// "Wed 25 Dec": the year is clear from the surrounding sentence.
std::string ShortDay(Date date) {
  return absl::StrFormat("%s %d %s", WeekdayName(date.weekday()), date.day(),
                         MonthName(date.month()));
}

std::string Direction(int32_t offset) {
  return offset < 0 ? "before" : "after";
}

// Hours on a date-only anchor: whole days, rounded away from the anchor for
// a deadline before it (-24 h is the day before, -36 h two days before).
int32_t DateOnlyDaysForHours(int32_t hours) {
  if (hours >= 0) return hours / 24;
  return -((-hours + 23) / 24);
}

struct Computed {
  Moment due;
  std::string working;
  std::vector<Holiday> skipped;
};

absl::StatusOr<Computed> ComputeWorkingDays(const Calendar& calendar,
                                            const Policy& policy,
                                            const Rule& rule,
                                            const Moment& anchor) {
  absl::StatusOr<Date> due =
      calendar.AddWorkingDays(anchor.date, rule.offset, policy.counting);
  if (!due.ok()) return due.status();
  Computed out{Moment::OnDate(*due), "", {}};
  if (rule.offset != 0) {
    const Date from = rule.offset > 0 ? anchor.date : *due;
    const Date to = rule.offset > 0 ? *due : anchor.date;
    absl::StatusOr<std::vector<Holiday>> between =
        calendar.HolidaysBetween(from, to);
    if (!between.ok()) return between.status();
    for (Holiday& h : *between) {
      if (h.date != anchor.date) out.skipped.push_back(std::move(h));
    }
  }
  std::vector<std::string> skipped_text;
  for (const Holiday& h : out.skipped) {
    skipped_text.push_back(absl::StrCat(ShortDay(h.date), " ", h.name));
  }
  out.working = absl::StrFormat(
      "%s %s %s%s%s: %s", DescribeLength(rule.offset, Unit::kWorkingDays),
      Direction(rule.offset), anchor.date.ToLongString(),
      policy.counting == Counting::kStartIsDayOne
          ? " (counting it as day 1 when it is a working day)"
          : "",
      skipped_text.empty()
          ? ""
          : absl::StrCat(", skipping ", absl::StrJoin(skipped_text, ", ")),
      due->ToLongString());
  return out;
}

absl::StatusOr<Computed> ComputeMonths(const Policy& policy, const Rule& rule,
                                       const Moment& anchor) {
  absl::StatusOr<Date> due = AddMonths(anchor.date, rule.offset, policy.months);
  if (!due.ok()) return due.status();
  std::string how;
  switch (policy.months) {
    case MonthConvention::kCorrespondingDate:
      if (due->day() != anchor.date.day()) {
        how = absl::StrFormat(
            " (%s %d has no %d, so the last day of the "
            "month)",
            MonthName(due->month()), due->year(), anchor.date.day());
      }
      break;
    case MonthConvention::kDayBeforeCorrespondingDate:
      how = " (ending the day before the corresponding date)";
      break;
    case MonthConvention::kFixedDays:
      how = absl::StrFormat(" (counted as %d days)",
                            std::abs(due->serial() - anchor.date.serial()));
      break;
  }
  return Computed{
      Moment::OnDate(*due),
      absl::StrFormat("%s %s %s%s: %s",
                      DescribeLength(rule.offset, Unit::kMonths),
                      Direction(rule.offset), anchor.date.ToLongString(), how,
                      due->ToLongString()),
      {}};
}

absl::StatusOr<Computed> ComputeCalendarDays(const Rule& rule,
                                             const Moment& anchor) {
  const bool weeks = rule.unit == Unit::kWeeks;
  absl::StatusOr<Date> due = weeks ? AddWeeks(anchor.date, rule.offset)
                                   : AddDays(anchor.date, rule.offset);
  if (!due.ok()) return due.status();
  return Computed{
      Moment::OnDate(*due),
      absl::StrFormat(
          "%s %s %s: %s",
          DescribeLength(rule.offset, weeks ? Unit::kWeeks : Unit::kDays),
          Direction(rule.offset), anchor.date.ToLongString(),
          due->ToLongString()),
      {}};
}

absl::StatusOr<Computed> ComputeHours(const Rule& rule, const Moment& anchor) {
  if (anchor.has_time()) {
    absl::StatusOr<Moment> due = AddHoursLondon(anchor, rule.offset);
    if (!due.ok()) return due.status();
    return Computed{*due,
                    absl::StrFormat("%s %s %s (Europe/London): %s",
                                    DescribeLength(rule.offset, Unit::kHours),
                                    Direction(rule.offset),
                                    anchor.ToLongString(), due->ToLongString()),
                    {}};
  }
  const int32_t days = DateOnlyDaysForHours(rule.offset);
  absl::StatusOr<Date> due = AddDays(anchor.date, days);
  if (!due.ok()) return due.status();
  return Computed{
      Moment::OnDate(*due),
      absl::StrFormat("%s %s %s (no time given, so by the end of %s): %s",
                      DescribeLength(rule.offset, Unit::kHours),
                      Direction(rule.offset), anchor.date.ToLongString(),
                      days == -1  ? "the day before"
                      : days == 0 ? "that day"
                                  : "that calendar day",
                      due->ToLongString()),
      {}};
}

std::string DescribeCalendar(const Calendar& calendar) {
  const CalendarInfo& info = calendar.info();
  return absl::StrFormat(
      "%s (data %s, known until %s%s%s)", info.name, info.data_version,
      info.known_until.ToString(),
      info.closure_days > 0
          ? absl::StrFormat(", %d local closure days", info.closure_days)
          : "",
      info.strict ? ", strict" : "");
}

}  // namespace

std::string DueDate::Explain() const {
  std::string out = absl::StrFormat(
      "%s: %s, %s %s %s (%s)\n%s\n", rule.id, rule.description,
      DescribeLength(rule.offset, rule.unit), Direction(rule.offset),
      rule.anchor, rule.source, working);
  if (practical_due != legal_due.date) {
    absl::StrAppendFormat(&out,
                          "the legal due date is not a working day: practical "
                          "due date %s\n",
                          practical_due.ToLongString());
  }
  if (provisional) {
    absl::StrAppend(&out,
                    "provisional: past the published holiday data, so "
                    "holidays were projected from the standing rules\n");
  }
  absl::StrAppendFormat(&out, "policy: %s\ncalendar: %s\n", policy, calendar);
  return out;
}

Timescales::Timescales(Calendar calendar, RuleCatalogue rules, Policy policy)
    : calendar_(std::move(calendar)),
      rules_(std::move(rules)),
      policy_(std::move(policy)) {}

absl::StatusOr<Timescales> Timescales::Default() {
  absl::StatusOr<Calendar> calendar = Calendar::EnglandAndWales();
  if (!calendar.ok()) return calendar.status();
  return Timescales(*std::move(calendar), RuleCatalogue::Builtin(), Policy());
}

Rule Timescales::Effective(const Rule& rule) const {
  if (rule.id == "lac.sw_report" &&
      policy_.sw_report == SwReportRule::kWorkingDaysBefore) {
    Rule effective = rule;
    effective.offset = -policy_.sw_report_working_days;
    effective.unit = Unit::kWorkingDays;
    effective.source = absl::StrCat(
        rule.source, "; policy: ",
        DescribeLength(policy_.sw_report_working_days, Unit::kWorkingDays),
        " before");
    return effective;
  }
  return rule;
}

absl::StatusOr<DueDate> Timescales::Due(absl::string_view rule_id,
                                        const Moment& anchor) const {
  absl::StatusOr<const Rule*> rule = rules_.Get(rule_id);
  if (!rule.ok()) return rule.status();
  return Due(**rule, anchor);
}

absl::StatusOr<DueDate> Timescales::Due(const Rule& rule_in,
                                        const Moment& anchor) const {
  const Rule rule = Effective(rule_in);
  absl::StatusOr<Computed> computed;
  switch (rule.unit) {
    case Unit::kWorkingDays:
      computed = ComputeWorkingDays(calendar_, policy_, rule, anchor);
      break;
    case Unit::kMonths:
      computed = ComputeMonths(policy_, rule, anchor);
      break;
    case Unit::kDays:
    case Unit::kWeeks:
      computed = ComputeCalendarDays(rule, anchor);
      break;
    case Unit::kHours:
      computed = ComputeHours(rule, anchor);
      break;
  }
  if (!computed.ok()) return computed.status();
  DueDate out;
  out.rule = rule;
  out.anchor = anchor;
  out.legal_due = computed->due;
  out.skipped = std::move(computed->skipped);
  out.working = std::move(computed->working);
  absl::StatusOr<bool> working = calendar_.IsWorkingDay(out.legal_due.date);
  if (!working.ok()) return working.status();
  out.practical_due = out.legal_due.date;
  if (!*working) {
    absl::StatusOr<Date> practical =
        calendar_.Adjust(out.legal_due.date, Roll::kPreceding);
    if (!practical.ok()) return practical.status();
    out.practical_due = *practical;
    const Holiday* holiday = calendar_.FindHoliday(out.legal_due.date);
    absl::StrAppendFormat(&out.working, ", a non-working day (%s)",
                          holiday != nullptr ? holiday->name : "weekend");
  }
  out.provisional = calendar_.IsProvisional(out.legal_due.date) ||
                    calendar_.IsProvisional(anchor.date);
  if (out.provisional && policy_.strict_holidays) {
    return absl::OutOfRangeError(absl::StrFormat(
        "%s from %s: the due date %s is past the holiday data (known until "
        "%s) and the policy is strict",
        rule.id, anchor.ToString(), out.legal_due.ToString(),
        calendar_.info().known_until.ToString()));
  }
  out.policy = policy_.Describe();
  out.calendar = DescribeCalendar(calendar_);
  return out;
}

Timescales::Offset Timescales::EffectiveOffset(
    const Rule& rule) const noexcept {
  if (rule.id == "lac.sw_report" &&
      policy_.sw_report == SwReportRule::kWorkingDaysBefore) {
    return Offset{-policy_.sw_report_working_days, Unit::kWorkingDays};
  }
  return Offset{rule.offset, rule.unit};
}

absl::StatusOr<Date> Timescales::LegalDueDate(const Rule& rule,
                                              Date anchor) const {
  return LegalDueDate(EffectiveOffset(rule), anchor);
}

absl::StatusOr<Date> Timescales::LegalDueDate(Offset rule, Date anchor) const {
  absl::StatusOr<Date> due;
  switch (rule.unit) {
    case Unit::kWorkingDays:
      // Inline: a Status is built only when the day is out of range.
      due = calendar_.AddWorkingDays(anchor, rule.offset, policy_.counting);
      break;
    case Unit::kMonths:
      due = AddMonths(anchor, rule.offset, policy_.months);
      break;
    case Unit::kDays:
      due = AddDays(anchor, rule.offset);
      break;
    case Unit::kWeeks:
      due = AddWeeks(anchor, rule.offset);
      break;
    case Unit::kHours:
      due = AddDays(anchor, DateOnlyDaysForHours(rule.offset));
      break;
  }
  if (due.ok() && policy_.strict_holidays &&
      (calendar_.IsProvisional(*due) || calendar_.IsProvisional(anchor))) {
    return absl::OutOfRangeError(absl::StrFormat(
        "%s: past the holiday data (known until %s) and the policy is "
        "strict",
        anchor.ToString(), calendar_.info().known_until.ToString()));
  }
  return due;
}

absl::StatusOr<Moment> Timescales::LegalDue(const Rule& rule,
                                            const Moment& anchor) const {
  const Offset offset = EffectiveOffset(rule);
  if (offset.unit == Unit::kHours && anchor.has_time()) {
    absl::StatusOr<Moment> due = AddHoursLondon(anchor, offset.offset);
    if (!due.ok()) return due.status();
    if (policy_.strict_holidays && (calendar_.IsProvisional(due->date) ||
                                    calendar_.IsProvisional(anchor.date))) {
      return absl::OutOfRangeError(absl::StrFormat(
          "%s: past the holiday data (known until %s) and the policy is "
          "strict",
          anchor.ToString(), calendar_.info().known_until.ToString()));
    }
    return due;
  }
  absl::StatusOr<Date> due = LegalDueDate(offset, anchor.date);
  if (!due.ok()) return due.status();
  return Moment::OnDate(*due);
}

absl::StatusOr<bool> Timescales::OnTime(absl::string_view rule_id,
                                        const Moment& anchor,
                                        const Moment& done) const {
  absl::StatusOr<DueDate> due = Due(rule_id, anchor);
  if (!due.ok()) return due.status();
  return AtOrBefore(done, due->legal_due);
}

absl::StatusOr<int32_t> Timescales::LatenessWorkingDays(
    absl::string_view rule_id, const Moment& anchor, const Moment& done) const {
  absl::StatusOr<DueDate> due = Due(rule_id, anchor);
  if (!due.ok()) return due.status();
  return calendar_.WorkingDaysBetween(due->legal_due.date, done.date);
}

namespace {

bool OutsideDates(int64_t serial) {
  return serial < kMinDate.serial() || serial > kMaxDate.serial();
}

// A serial day as a date when it is one, as the calendar's messages say it.
std::string DescribeSerial(int64_t serial) {
  if (serial >= std::numeric_limits<int32_t>::min() &&
      serial <= std::numeric_limits<int32_t>::max()) {
    return Date::FromSerial(static_cast<int32_t>(serial)).ToString();
  }
  return absl::StrFormat("serial day %d", serial);
}

}  // namespace

template <typename Serial>
absl::Status Timescales::DueBatchOf(absl::string_view rule_id,
                                    absl::Span<const Serial> anchors,
                                    absl::Span<Serial> out) const {
  absl::StatusOr<const Rule*> rule = rules_.Get(rule_id);
  if (!rule.ok()) return rule.status();
  if (out.size() < anchors.size()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("output holds %d elements but %d are needed",
                        out.size(), anchors.size()));
  }
  const Offset effective = EffectiveOffset(**rule);
  const bool working_days =
      effective.unit == Unit::kWorkingDays && !policy_.strict_holidays;
  for (size_t i = 0; i < anchors.size(); ++i) {
    if (OutsideDates(anchors[i])) {
      return absl::OutOfRangeError(absl::StrFormat(
          "element %d: %s is outside the supported range 1900-01-01 to "
          "2199-12-31",
          i, DescribeSerial(anchors[i])));
    }
    const Date anchor = Date::FromSerial(static_cast<int32_t>(anchors[i]));
    Date due;
    // Working days, the common case, straight on the calendar's tables.
    if (working_days && calendar_.TryAddWorkingDays(anchor, effective.offset,
                                                    &due, policy_.counting)) {
      out[i] = due.serial();
      continue;
    }
    absl::StatusOr<Date> slow =
        working_days ? calendar_.AddWorkingDays(anchor, effective.offset,
                                                policy_.counting)
                     : LegalDueDate(effective, anchor);
    if (!slow.ok()) {
      return absl::Status(
          slow.status().code(),
          absl::StrFormat("element %d: %s", i, slow.status().message()));
    }
    out[i] = slow->serial();
  }
  return absl::OkStatus();
}

absl::Status Timescales::DueBatch(absl::string_view rule_id,
                                  absl::Span<const int32_t> anchors,
                                  absl::Span<int32_t> out) const {
  return DueBatchOf<int32_t>(rule_id, anchors, out);
}

absl::Status Timescales::DueBatch(absl::string_view rule_id,
                                  absl::Span<const int64_t> anchors,
                                  absl::Span<int64_t> out) const {
  return DueBatchOf<int64_t>(rule_id, anchors, out);
}

TSC_NAMESPACE_END
