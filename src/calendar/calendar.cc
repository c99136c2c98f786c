// File: calendar/calendar.cc
//
// Calendar queries: every one is a few reads of the tables described in
// internal/calendar_tables.h, never a loop over days. The hot ones are
// inline in calendar.h (internal::CalendarView); here are the batch forms,
// the error messages and the rest.

#include "timescales/calendar.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "absl/strings/str_format.h"
#include "calendar/calendar_tables.h"

TSC_NAMESPACE_BEGIN
namespace {

using internal::CalendarTables;

std::string DescribeSerial(int64_t serial) {
  if (serial >= std::numeric_limits<int32_t>::min() &&
      serial <= std::numeric_limits<int32_t>::max()) {
    return Date::FromSerial(static_cast<int32_t>(serial)).ToString();
  }
  return absl::StrFormat("serial day %d", serial);
}

absl::Status RangeErrorFor(const CalendarTables& t, int64_t serial) {
  if (serial > t.horizon && serial <= kMaxDate.serial()) {
    return absl::OutOfRangeError(absl::StrFormat(
        "%s is past the holiday data of calendar '%s' (known until %s) and "
        "the calendar is strict",
        DescribeSerial(serial), t.info.name, t.info.known_until.ToString()));
  }
  return absl::OutOfRangeError(absl::StrFormat(
      "%s is outside the supported range 1900-01-01 to 2199-12-31",
      DescribeSerial(serial)));
}

absl::Status ResultRangeError(const CalendarTables& t, Date day, int64_t n) {
  const bool strict_limit = t.horizon < kMaxDate.serial();
  return absl::OutOfRangeError(absl::StrFormat(
      "%+d working days from %s is past the end of the %s", n, day.ToString(),
      strict_limit ? absl::StrFormat("holiday data of calendar '%s' (known "
                                     "until %s; the calendar is strict)",
                                     t.info.name, t.info.known_until.ToString())
                   : std::string("supported range 1900-01-01 to 2199-12-31")));
}

absl::Status CheckSizes(size_t inputs, size_t second, size_t outputs,
                        bool second_may_broadcast) {
  if (outputs < inputs) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "output holds %d elements but %d are needed", outputs, inputs));
  }
  if (second != inputs && !(second_may_broadcast && second == 1)) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "argument arrays differ in length (%d and %d)", inputs, second));
  }
  return absl::OkStatus();
}

template <typename T>
absl::Status AddBatch(const CalendarTables& t,
                      const internal::CalendarView& view,
                      absl::Span<const T> days, absl::Span<const T> n,
                      absl::Span<T> out, Counting counting) {
  absl::Status sizes = CheckSizes(days.size(), n.size(), out.size(), true);
  if (!sizes.ok()) return sizes;
  const bool broadcast = n.size() == 1 && days.size() != 1;
  for (size_t i = 0; i < days.size(); ++i) {
    const int64_t step = broadcast ? n[0] : n[i];
    int64_t result;
    if (step < std::numeric_limits<int32_t>::min() ||
        step > std::numeric_limits<int32_t>::max() ||
        !view.Add(days[i], step, counting, &result)) {
      const bool bad_input = !view.InRange(days[i]);
      absl::Status cause =
          bad_input
              ? RangeErrorFor(t, days[i])
              : ResultRangeError(
                    t, Date::FromSerial(static_cast<int32_t>(days[i])), step);
      return absl::Status(
          cause.code(), absl::StrFormat("element %d: %s", i, cause.message()));
    }
    out[i] = static_cast<T>(result);
  }
  return absl::OkStatus();
}

template <typename T>
absl::Status BetweenBatch(const CalendarTables& t,
                          const internal::CalendarView& view,
                          absl::Span<const T> from, absl::Span<const T> to,
                          absl::Span<T> out, Counting counting) {
  absl::Status sizes = CheckSizes(from.size(), to.size(), out.size(), false);
  if (!sizes.ok()) return sizes;
  for (size_t i = 0; i < from.size(); ++i) {
    int64_t result;
    if (!view.Between(from[i], to[i], counting, &result)) {
      const int64_t bad = view.InRange(from[i]) ? to[i] : from[i];
      absl::Status cause = RangeErrorFor(t, bad);
      return absl::Status(
          cause.code(), absl::StrFormat("element %d: %s", i, cause.message()));
    }
    out[i] = static_cast<T>(result);
  }
  return absl::OkStatus();
}

}  // namespace

absl::string_view HolidayKindName(HolidayKind kind) noexcept {
  switch (kind) {
    case HolidayKind::kBankHoliday:
      return "bank holiday";
    case HolidayKind::kSubstitute:
      return "substitute day";
    case HolidayKind::kExtra:
      return "extra bank holiday";
    case HolidayKind::kLocalClosure:
      return "local closure day";
  }
  return "unknown";
}

Calendar::Calendar(std::shared_ptr<const internal::CalendarTables> tables)
    : tables_(std::move(tables)) {
  view_.before = tables_->before.data();
  view_.working = tables_->working.data();
  view_.working_count = static_cast<int64_t>(tables_->working.size());
  view_.horizon = tables_->horizon;
}

absl::Status Calendar::RangeError(Date day) const {
  return RangeErrorFor(*tables_, day.serial());
}

absl::Status Calendar::AddError(Date day, int32_t n) const {
  if (!view_.InRange(day.serial())) return RangeError(day);
  return ResultRangeError(*tables_, day, n);
}

absl::Status Calendar::BetweenError(Date from, Date to) const {
  return RangeError(view_.InRange(from.serial()) ? to : from);
}

absl::StatusOr<Date> Calendar::NextWorkingDay(Date day) const {
  return AddWorkingDays(day, 1);
}

absl::StatusOr<Date> Calendar::PreviousWorkingDay(Date day) const {
  return AddWorkingDays(day, -1);
}

absl::StatusOr<Date> Calendar::Adjust(Date day, Roll roll) const {
  absl::StatusOr<bool> working = IsWorkingDay(day);
  if (!working.ok()) return working.status();
  if (*working || roll == Roll::kUnadjusted) return day;
  switch (roll) {
    case Roll::kFollowing:
      return NextWorkingDay(day);
    case Roll::kPreceding:
      return PreviousWorkingDay(day);
    case Roll::kModifiedFollowing: {
      absl::StatusOr<Date> next = NextWorkingDay(day);
      if (next.ok() && next->month() == day.month()) return next;
      return PreviousWorkingDay(day);
    }
    case Roll::kModifiedPreceding: {
      absl::StatusOr<Date> previous = PreviousWorkingDay(day);
      if (previous.ok() && previous->month() == day.month()) return previous;
      return NextWorkingDay(day);
    }
    case Roll::kUnadjusted:
      break;
  }
  return day;
}

absl::StatusOr<std::vector<Holiday>> Calendar::HolidaysBetween(Date from,
                                                               Date to) const {
  // The calendar's own range: a strict one ends with its data, so a list
  // running past it would silently miss holidays yet to be proclaimed.
  for (const Date end : {from, to}) {
    if (!view_.InRange(end.serial())) {
      return RangeErrorFor(*tables_, end.serial());
    }
  }
  const std::vector<Holiday>& all = tables_->holidays;
  auto first =
      std::lower_bound(all.begin(), all.end(), from,
                       [](const Holiday& h, Date d) { return h.date < d; });
  std::vector<Holiday> out;
  for (auto it = first; it != all.end() && it->date <= to; ++it) {
    out.push_back(*it);
  }
  return out;
}

const Holiday* Calendar::FindHoliday(Date day) const noexcept {
  const std::vector<Holiday>& all = tables_->holidays;
  auto it =
      std::lower_bound(all.begin(), all.end(), day,
                       [](const Holiday& h, Date d) { return h.date < d; });
  return it != all.end() && it->date == day ? &*it : nullptr;
}

bool Calendar::IsProvisional(Date day) const noexcept {
  return day > tables_->info.known_until;
}

const CalendarInfo& Calendar::info() const noexcept { return tables_->info; }

absl::Status Calendar::AddWorkingDaysBatch(absl::Span<const int32_t> days,
                                           absl::Span<const int32_t> n,
                                           absl::Span<int32_t> out,
                                           Counting counting) const {
  return AddBatch<int32_t>(*tables_, view_, days, n, out, counting);
}

absl::Status Calendar::AddWorkingDaysBatch(absl::Span<const int64_t> days,
                                           absl::Span<const int64_t> n,
                                           absl::Span<int64_t> out,
                                           Counting counting) const {
  return AddBatch<int64_t>(*tables_, view_, days, n, out, counting);
}

absl::Status Calendar::WorkingDaysBetweenBatch(absl::Span<const int32_t> from,
                                               absl::Span<const int32_t> to,
                                               absl::Span<int32_t> out,
                                               Counting counting) const {
  return BetweenBatch<int32_t>(*tables_, view_, from, to, out, counting);
}

absl::Status Calendar::WorkingDaysBetweenBatch(absl::Span<const int64_t> from,
                                               absl::Span<const int64_t> to,
                                               absl::Span<int64_t> out,
                                               Counting counting) const {
  return BetweenBatch<int64_t>(*tables_, view_, from, to, out, counting);
}

absl::Status Calendar::IsWorkingDayBatch(absl::Span<const int64_t> days,
                                         absl::Span<uint8_t> out) const {
  if (out.size() < days.size()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "output holds %d elements but %d are needed", out.size(), days.size()));
  }
  for (size_t i = 0; i < days.size(); ++i) {
    bool working;
    if (!view_.IsWorking(days[i], &working)) {
      absl::Status cause = RangeErrorFor(*tables_, days[i]);
      return absl::Status(
          cause.code(), absl::StrFormat("element %d: %s", i, cause.message()));
    }
    out[i] = working ? 1 : 0;
  }
  return absl::OkStatus();
}

TSC_NAMESPACE_END
