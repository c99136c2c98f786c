// File: c_api.cc
// -----------------------------------------------------------------------------
//
// The extern "C" shims behind timescales/c.h. Each one checks its pointers,
// converts the C scalars, calls the C++ API and runs inside Guard(), which
// turns absl::Status into the int status and the thread-local message and
// stops every exception at the boundary.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <initializer_list>
#include <new>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "base/status_macros.h"
#include "nlohmann/json.hpp"
#include "timescales/c.h"
#include "timescales/calendar.h"
#include "timescales/dataset.h"
#include "timescales/date.h"
#include "timescales/due.h"
#include "timescales/import.h"
#include "timescales/moment.h"
#include "timescales/monitoring.h"
#include "timescales/period.h"
#include "timescales/policy.h"
#include "timescales/report.h"
#include "timescales/rules.h"
#include "timescales/schedule.h"

// c.h restates the release version that project() writes into version.h.
// Read c.h's numbers before version.h redefines the same macros, so that a
// stale c.h fails the build instead of shipping.
namespace {
constexpr int kHeaderVersionNumber = TSC_VERSION_NUMBER;
constexpr int kHeaderAbiVersion = TSC_ABI_VERSION;
}  // namespace
#undef TSC_VERSION_MAJOR
#undef TSC_VERSION_MINOR
#undef TSC_VERSION_PATCH
#undef TSC_VERSION_NUMBER
#undef TSC_VERSION_STRING
#undef TSC_ABI_VERSION
#include "timescales/render.h"
#include "timescales/version.h"  // NOLINT(build/include_order)

static_assert(kHeaderVersionNumber == TSC_VERSION_NUMBER,
              "c.h's TSC_VERSION_* disagree with project(VERSION)");
static_assert(kHeaderAbiVersion == TSC_ABI_VERSION,
              "c.h's TSC_ABI_VERSION disagrees with CMake's TSC_ABI_VERSION");

// The opaque handles. Never defined for C callers.
struct tsc_calendar {
  timescales::Calendar impl;
};
struct tsc_calendar_builder {
  timescales::CalendarBuilder impl;
};
struct tsc_holiday_list {
  std::vector<timescales::Holiday> items;
};

namespace timescales {
namespace capi {
namespace {

// Per-thread, like libgit2's threadstate. The pointer lets the out-of-memory
// path report a static message without allocating.
thread_local std::string tls_last_error;
thread_local const char* tls_last_error_ptr = "";
constexpr char kOomMessage[] = "out of memory";

int SetError(int code, absl::string_view message) noexcept {
  try {
    tls_last_error.assign(message.data(), message.size());
    tls_last_error_ptr = tls_last_error.c_str();
  } catch (...) {
    tls_last_error_ptr = kOomMessage;
  }
  return code;
}

int Fail(const absl::Status& status) noexcept {
  int code = static_cast<int>(status.code());
  // absl reserves codes past 16; none of them has a C meaning.
  if (code <= 0 || code > 16) code = TSC_UNKNOWN;
  return SetError(code, status.message());
}

// Runs `f` (returning absl::Status) and maps its outcome onto a tsc_status.
// Nothing thrown inside `f` leaves this function.
template <typename F>
int Guard(F&& f) noexcept {
  try {
    const absl::Status status = std::forward<F>(f)();
    return status.ok() ? TSC_OK : Fail(status);
  } catch (const std::bad_alloc&) {
    tls_last_error_ptr = kOomMessage;
    return TSC_RESOURCE_EXHAUSTED;
  } catch (const std::exception& e) {
    return SetError(TSC_INTERNAL,
                    absl::StrCat("unexpected C++ exception: ", e.what()));
  } catch (...) {
    return SetError(TSC_INTERNAL, "unexpected C++ exception");
  }
}

struct Arg {
  const char* name;
  const void* pointer;
};

// InvalidArgument naming the first NULL argument of `fn`, or OK.
absl::Status NonNull(const char* fn, std::initializer_list<Arg> args) {
  for (const Arg& arg : args) {
    if (arg.pointer == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": argument `", arg.name, "` is NULL"));
    }
  }
  return absl::OkStatus();
}

// Arrays and (pointer, length) pairs may be NULL only when empty.
absl::Status NonNullUnlessEmpty(const char* fn, size_t count,
                                std::initializer_list<Arg> args) {
  if (count == 0) return absl::OkStatus();
  for (const Arg& arg : args) {
    if (arg.pointer == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat(
          fn, ": argument `", arg.name, "` is NULL but its count is ", count));
    }
  }
  return absl::OkStatus();
}

// A library-allocated copy of `text` for a `char **` out-parameter; the
// caller releases it with tsc_free.
char* CopyOut(absl::string_view text) {
  char* copy = static_cast<char*>(std::malloc(text.size() + 1));
  if (copy == nullptr) throw std::bad_alloc();
  std::memcpy(copy, text.data(), text.size());
  copy[text.size()] = '\0';
  return copy;
}

absl::string_view View(const char* text, size_t len) {
  return text == nullptr ? absl::string_view() : absl::string_view(text, len);
}

absl::string_view OptionalView(const char* text) {
  return text == nullptr ? absl::string_view() : absl::string_view(text);
}

// The accessors of Date assume a date in range; the C ABI checks first.
absl::Status InRange(const char* fn, const char* name, tsc_date day) {
  if (Date::FromSerial(day).in_range()) return absl::OkStatus();
  return absl::OutOfRangeError(
      absl::StrCat(fn, ": `", name, "` (serial day ", day,
                   ") is outside the supported range 1900-01-01 to "
                   "2199-12-31"));
}

absl::StatusOr<Counting> ToCounting(int counting) {
  switch (counting) {
    case TSC_COUNT_START_EXCLUDED:
      return Counting::kStartExcluded;
    case TSC_COUNT_START_IS_DAY_ONE:
      return Counting::kStartIsDayOne;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat("unknown counting convention ", counting));
  }
}

absl::StatusOr<Roll> ToRoll(int roll) {
  switch (roll) {
    case TSC_ROLL_UNADJUSTED:
      return Roll::kUnadjusted;
    case TSC_ROLL_FOLLOWING:
      return Roll::kFollowing;
    case TSC_ROLL_PRECEDING:
      return Roll::kPreceding;
    case TSC_ROLL_MODIFIED_FOLLOWING:
      return Roll::kModifiedFollowing;
    case TSC_ROLL_MODIFIED_PRECEDING:
      return Roll::kModifiedPreceding;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat("unknown roll convention ", roll));
  }
}

absl::StatusOr<JsonMerge> ToMerge(int merge) {
  switch (merge) {
    case TSC_JSON_OVERLAY:
      return JsonMerge::kOverlay;
    case TSC_JSON_REPLACE:
      return JsonMerge::kReplace;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat("unknown JSON merge mode ", merge));
  }
}

absl::StatusOr<MonthConvention> ToMonthConvention(int convention) {
  switch (convention) {
    case TSC_MONTHS_CORRESPONDING_DATE:
      return MonthConvention::kCorrespondingDate;
    case TSC_MONTHS_DAY_BEFORE_CORRESPONDING:
      return MonthConvention::kDayBeforeCorrespondingDate;
    case TSC_MONTHS_FIXED_DAYS:
      return MonthConvention::kFixedDays;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat("unknown month convention ", convention));
  }
}

int ToHolidayKind(HolidayKind kind) {
  switch (kind) {
    case HolidayKind::kBankHoliday:
      return TSC_HOLIDAY_BANK_HOLIDAY;
    case HolidayKind::kSubstitute:
      return TSC_HOLIDAY_SUBSTITUTE;
    case HolidayKind::kExtra:
      return TSC_HOLIDAY_EXTRA;
    case HolidayKind::kLocalClosure:
      return TSC_HOLIDAY_LOCAL_CLOSURE;
  }
  return TSC_HOLIDAY_BANK_HOLIDAY;
}

// Shared body of the functions that compute one date from another.
template <typename Op>
int DateResult(const char* fn, tsc_date* out, Op&& op) {
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}}));
    absl::StatusOr<Date> result = std::forward<Op>(op)();
    if (!result.ok()) return result.status();
    *out = result->serial();
    return absl::OkStatus();
  });
}

// Same, for operations on a calendar.
template <typename Op>
int CalendarDateResult(const char* fn, tsc_date* out,
                       const tsc_calendar* calendar, Op&& op) {
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}, {"calendar", calendar}}));
    absl::StatusOr<Date> result = std::forward<Op>(op)(calendar->impl);
    if (!result.ok()) return result.status();
    *out = result->serial();
    return absl::OkStatus();
  });
}

int WorkingDaysBetween(const char* fn, int32_t* out,
                       const tsc_calendar* calendar, tsc_date from, tsc_date to,
                       int counting) {
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}, {"calendar", calendar}}));
    absl::StatusOr<Counting> c = ToCounting(counting);
    if (!c.ok()) return c.status();
    absl::StatusOr<int32_t> count = calendar->impl.WorkingDaysBetween(
        Date::FromSerial(from), Date::FromSerial(to), *c);
    if (!count.ok()) return count.status();
    *out = *count;
    return absl::OkStatus();
  });
}

// A borrowed string out of a calendar's CalendarInfo.
template <typename Get>
int CalendarString(const char* fn, const char** out,
                   const tsc_calendar* calendar, Get&& get) {
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}, {"calendar", calendar}}));
    *out = std::forward<Get>(get)(calendar->impl.info()).c_str();
    return absl::OkStatus();
  });
}

}  // namespace
}  // namespace capi
}  // namespace timescales

using timescales::Calendar;
using timescales::CalendarBuilder;
using timescales::Date;
using timescales::capi::CalendarDateResult;
using timescales::capi::CalendarString;
using timescales::capi::DateResult;
using timescales::capi::Guard;
using timescales::capi::InRange;
using timescales::capi::NonNull;
using timescales::capi::NonNullUnlessEmpty;

// ---- Versions and errors ----------------------------------------------------
// These cannot fail and allocate nothing, so they need no Guard.

extern "C" int tsc_version_number(void) { return TSC_VERSION_NUMBER; }
extern "C" const char* tsc_version_string(void) { return TSC_VERSION_STRING; }
extern "C" int tsc_abi_version(void) { return TSC_ABI_VERSION; }

extern "C" const char* tsc_status_string(int status) {
  // Indexed by code. absl's 4, 7, 10 and 14..16 never come from this library
  // but are named all the same.
  static constexpr const char* kNames[] = {"OK",
                                           "cancelled",
                                           "unknown",
                                           "invalid argument",
                                           "deadline exceeded",
                                           "not found",
                                           "already exists",
                                           "permission denied",
                                           "resource exhausted",
                                           "failed precondition",
                                           "aborted",
                                           "out of range",
                                           "unimplemented",
                                           "internal",
                                           "unavailable",
                                           "data loss",
                                           "unauthenticated"};
  constexpr int kCount = static_cast<int>(sizeof(kNames) / sizeof(kNames[0]));
  if (status >= 0 && status < kCount) return kNames[status];
  if (status == TSC_BUFFER_TOO_SMALL) return "buffer too small";
  return "unrecognised status code";
}

extern "C" const char* tsc_last_error_message(void) {
  return timescales::capi::tls_last_error_ptr;
}

extern "C" void tsc_clear_last_error(void) {
  timescales::capi::tls_last_error.clear();
  timescales::capi::tls_last_error_ptr = "";
}

extern "C" void tsc_free(void* p) { std::free(p); }

// ---- Dates ------------------------------------------------------------------

extern "C" int tsc_date_from_ymd(tsc_date* out, int year, int month, int day) {
  return DateResult(__func__, out,
                    [&] { return Date::FromYmd(year, month, day); });
}

extern "C" int tsc_date_to_ymd(int* year, int* month, int* day, tsc_date date) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(
        NonNull(fn, {{"year", year}, {"month", month}, {"day", day}}));
    TSC_RETURN_IF_ERROR(InRange(fn, "date", date));
    const Date d = Date::FromSerial(date);
    *year = d.year();
    *month = d.month();
    *day = d.day();
    return absl::OkStatus();
  });
}

extern "C" int tsc_date_parse(tsc_date* out, const char* text) {
  const char* fn = __func__;
  return DateResult(fn, out, [&]() -> absl::StatusOr<Date> {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"text", text}}));
    return Date::Parse(text);
  });
}

extern "C" int tsc_date_format(char* buf, size_t cap, size_t* len,
                               tsc_date date) {
  const char* fn = __func__;
  size_t needed = 0;  // bytes including the NUL
  const int status = Guard([&]() -> absl::Status {
    // snprintf semantics: `buf` may be NULL only to ask for the length.
    TSC_RETURN_IF_ERROR(NonNullUnlessEmpty(fn, cap, {{"buf", buf}}));
    TSC_RETURN_IF_ERROR(InRange(fn, "date", date));
    const std::string text = Date::FromSerial(date).ToString();
    needed = text.size() + 1;
    if (len != nullptr) *len = text.size();
    if (cap > 0) {
      const size_t n = needed <= cap ? text.size() : cap - 1;
      std::memcpy(buf, text.data(), n);
      buf[n] = '\0';
    }
    return absl::OkStatus();
  });
  if (status != TSC_OK || needed <= cap) return status;
  // Built inside a try: no exception, not even bad_alloc, leaves the ABI.
  try {
    return timescales::capi::SetError(
        TSC_BUFFER_TOO_SMALL, absl::StrCat(fn, ": the date needs ", needed,
                                           " bytes, the buffer has ", cap));
  } catch (...) {
    timescales::capi::tls_last_error_ptr = timescales::capi::kOomMessage;
    return TSC_BUFFER_TOO_SMALL;
  }
}

extern "C" int tsc_date_weekday(int* out, tsc_date date) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}}));
    TSC_RETURN_IF_ERROR(InRange(fn, "date", date));
    *out = static_cast<int>(Date::FromSerial(date).weekday());
    return absl::OkStatus();
  });
}

extern "C" int tsc_add_days(tsc_date* out, tsc_date day, int32_t days) {
  return DateResult(__func__, out, [&] {
    return timescales::AddDays(Date::FromSerial(day), days);
  });
}

extern "C" int tsc_add_weeks(tsc_date* out, tsc_date day, int32_t weeks) {
  return DateResult(__func__, out, [&] {
    return timescales::AddWeeks(Date::FromSerial(day), weeks);
  });
}

extern "C" int tsc_add_months(tsc_date* out, tsc_date day, int32_t months) {
  return DateResult(__func__, out, [&] {
    return timescales::AddMonths(Date::FromSerial(day), months);
  });
}

extern "C" int tsc_add_months_convention(tsc_date* out, tsc_date day,
                                         int32_t months, int convention) {
  return DateResult(__func__, out, [&]() -> absl::StatusOr<Date> {
    absl::StatusOr<timescales::MonthConvention> c =
        timescales::capi::ToMonthConvention(convention);
    if (!c.ok()) return c.status();
    return timescales::AddMonths(Date::FromSerial(day), months, *c);
  });
}

// ---- Calendars and builders -------------------------------------------------

extern "C" int tsc_calendar_create_england_and_wales(tsc_calendar** out) {
  const char* fn = __func__;
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}}));
    absl::StatusOr<Calendar> cal = Calendar::EnglandAndWales();
    if (!cal.ok()) return cal.status();
    *out = new tsc_calendar{*std::move(cal)};
    return absl::OkStatus();
  });
}

extern "C" int tsc_calendar_create_from_govuk_json(tsc_calendar** out,
                                                   const char* json, size_t len,
                                                   const char* division) {
  const char* fn = __func__;
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}}));
    TSC_RETURN_IF_ERROR(NonNullUnlessEmpty(fn, len, {{"json", json}}));
    absl::StatusOr<Calendar> cal =
        Calendar::FromGovUkJson(timescales::capi::View(json, len),
                                timescales::capi::OptionalView(division));
    if (!cal.ok()) return cal.status();
    *out = new tsc_calendar{*std::move(cal)};
    return absl::OkStatus();
  });
}

extern "C" void tsc_calendar_free(tsc_calendar* calendar) { delete calendar; }

extern "C" int tsc_calendar_builder_create_england_and_wales(
    tsc_calendar_builder** out) {
  const char* fn = __func__;
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}}));
    *out = new tsc_calendar_builder{CalendarBuilder::EnglandAndWales()};
    return absl::OkStatus();
  });
}

extern "C" int tsc_calendar_builder_create_weekends_only(
    tsc_calendar_builder** out, const char* name) {
  const char* fn = __func__;
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}, {"name", name}}));
    *out = new tsc_calendar_builder{CalendarBuilder::WeekendsOnly(name)};
    return absl::OkStatus();
  });
}

extern "C" int tsc_calendar_builder_load_govuk_json(
    tsc_calendar_builder* builder, const char* json, size_t len,
    const char* division, int merge) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"builder", builder}}));
    TSC_RETURN_IF_ERROR(NonNullUnlessEmpty(fn, len, {{"json", json}}));
    absl::StatusOr<timescales::JsonMerge> m = timescales::capi::ToMerge(merge);
    if (!m.ok()) return m.status();
    return builder->impl.LoadGovUkJson(timescales::capi::View(json, len),
                                       timescales::capi::OptionalView(division),
                                       *m);
  });
}

extern "C" int tsc_calendar_builder_add_closure_day(
    tsc_calendar_builder* builder, tsc_date day, const char* name) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"builder", builder}, {"name", name}}));
    return builder->impl.AddClosureDay(Date::FromSerial(day), name);
  });
}

extern "C" int tsc_calendar_builder_load_closure_days(
    tsc_calendar_builder* builder, const char* text, size_t len,
    const char* source) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"builder", builder}}));
    TSC_RETURN_IF_ERROR(NonNullUnlessEmpty(fn, len, {{"text", text}}));
    const absl::string_view view = timescales::capi::View(text, len);
    if (source == nullptr) return builder->impl.LoadClosureDays(view);
    return builder->impl.LoadClosureDays(view, source);
  });
}

extern "C" int tsc_calendar_builder_set_strict(tsc_calendar_builder* builder,
                                               int strict) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"builder", builder}}));
    builder->impl.SetStrict(strict != 0);
    return absl::OkStatus();
  });
}

extern "C" int tsc_calendar_builder_build(tsc_calendar** out,
                                          const tsc_calendar_builder* builder) {
  const char* fn = __func__;
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}, {"builder", builder}}));
    absl::StatusOr<Calendar> cal = builder->impl.Build();
    if (!cal.ok()) return cal.status();
    *out = new tsc_calendar{*std::move(cal)};
    return absl::OkStatus();
  });
}

extern "C" void tsc_calendar_builder_free(tsc_calendar_builder* builder) {
  delete builder;
}

// ---- Queries ----------------------------------------------------------------

extern "C" int tsc_calendar_is_working_day(int* out,
                                           const tsc_calendar* calendar,
                                           tsc_date day) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}, {"calendar", calendar}}));
    absl::StatusOr<bool> working =
        calendar->impl.IsWorkingDay(Date::FromSerial(day));
    if (!working.ok()) return working.status();
    *out = *working ? 1 : 0;
    return absl::OkStatus();
  });
}

extern "C" int tsc_calendar_add_working_days_counting(
    tsc_date* out, const tsc_calendar* calendar, tsc_date day, int32_t n,
    int counting) {
  return CalendarDateResult(__func__, out, calendar,
                            [&](const Calendar& cal) -> absl::StatusOr<Date> {
                              absl::StatusOr<timescales::Counting> c =
                                  timescales::capi::ToCounting(counting);
                              if (!c.ok()) return c.status();
                              return cal.AddWorkingDays(Date::FromSerial(day),
                                                        n, *c);
                            });
}

extern "C" int tsc_calendar_add_working_days(tsc_date* out,
                                             const tsc_calendar* calendar,
                                             tsc_date day, int32_t n) {
  return CalendarDateResult(__func__, out, calendar, [&](const Calendar& cal) {
    return cal.AddWorkingDays(Date::FromSerial(day), n);
  });
}

extern "C" int tsc_calendar_working_days_between_counting(
    int32_t* out, const tsc_calendar* calendar, tsc_date from, tsc_date to,
    int counting) {
  return timescales::capi::WorkingDaysBetween(__func__, out, calendar, from, to,
                                              counting);
}

extern "C" int tsc_calendar_working_days_between(int32_t* out,
                                                 const tsc_calendar* calendar,
                                                 tsc_date from, tsc_date to) {
  return timescales::capi::WorkingDaysBetween(__func__, out, calendar, from, to,
                                              TSC_COUNT_START_EXCLUDED);
}

extern "C" int tsc_calendar_next_working_day(tsc_date* out,
                                             const tsc_calendar* calendar,
                                             tsc_date day) {
  return CalendarDateResult(__func__, out, calendar, [&](const Calendar& cal) {
    return cal.NextWorkingDay(Date::FromSerial(day));
  });
}

extern "C" int tsc_calendar_previous_working_day(tsc_date* out,
                                                 const tsc_calendar* calendar,
                                                 tsc_date day) {
  return CalendarDateResult(__func__, out, calendar, [&](const Calendar& cal) {
    return cal.PreviousWorkingDay(Date::FromSerial(day));
  });
}

extern "C" int tsc_calendar_adjust(tsc_date* out, const tsc_calendar* calendar,
                                   tsc_date day, int roll) {
  return CalendarDateResult(__func__, out, calendar,
                            [&](const Calendar& cal) -> absl::StatusOr<Date> {
                              absl::StatusOr<timescales::Roll> r =
                                  timescales::capi::ToRoll(roll);
                              if (!r.ok()) return r.status();
                              return cal.Adjust(Date::FromSerial(day), *r);
                            });
}

extern "C" int tsc_calendar_is_provisional(int* out,
                                           const tsc_calendar* calendar,
                                           tsc_date day) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}, {"calendar", calendar}}));
    TSC_RETURN_IF_ERROR(InRange(fn, "day", day));
    *out = calendar->impl.IsProvisional(Date::FromSerial(day)) ? 1 : 0;
    return absl::OkStatus();
  });
}

// ---- Batches ----------------------------------------------------------------

extern "C" int tsc_calendar_add_working_days_batch(tsc_date* out,
                                                   const tsc_calendar* calendar,
                                                   const tsc_date* days,
                                                   const int32_t* n,
                                                   size_t count) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"calendar", calendar}}));
    TSC_RETURN_IF_ERROR(NonNullUnlessEmpty(
        fn, count, {{"out", out}, {"days", days}, {"n", n}}));
    return calendar->impl.AddWorkingDaysBatch(absl::MakeConstSpan(days, count),
                                              absl::MakeConstSpan(n, count),
                                              absl::MakeSpan(out, count));
  });
}

extern "C" int tsc_calendar_working_days_between_batch(
    int32_t* out, const tsc_calendar* calendar, const tsc_date* from,
    const tsc_date* to, size_t count) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"calendar", calendar}}));
    TSC_RETURN_IF_ERROR(NonNullUnlessEmpty(
        fn, count, {{"out", out}, {"from", from}, {"to", to}}));
    return calendar->impl.WorkingDaysBetweenBatch(
        absl::MakeConstSpan(from, count), absl::MakeConstSpan(to, count),
        absl::MakeSpan(out, count));
  });
}

extern "C" int tsc_calendar_add_working_days_batch_i64(
    int64_t* out, const tsc_calendar* calendar, const int64_t* days,
    size_t count, const int64_t* n, size_t n_count, int counting) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"calendar", calendar}}));
    TSC_RETURN_IF_ERROR(
        NonNullUnlessEmpty(fn, count, {{"out", out}, {"days", days}}));
    TSC_RETURN_IF_ERROR(NonNullUnlessEmpty(fn, n_count, {{"n", n}}));
    // Checked here as well: a short `n` would be an out-of-bounds read.
    if (n_count != count && n_count != 1) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": n_count is ", n_count,
                       "; it must be 1 or count (", count, ")"));
    }
    absl::StatusOr<timescales::Counting> c =
        timescales::capi::ToCounting(counting);
    if (!c.ok()) return c.status();
    return calendar->impl.AddWorkingDaysBatch(absl::MakeConstSpan(days, count),
                                              absl::MakeConstSpan(n, n_count),
                                              absl::MakeSpan(out, count), *c);
  });
}

extern "C" int tsc_calendar_working_days_between_batch_i64(
    int64_t* out, const tsc_calendar* calendar, const int64_t* from,
    const int64_t* to, size_t count, int counting) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"calendar", calendar}}));
    TSC_RETURN_IF_ERROR(NonNullUnlessEmpty(
        fn, count, {{"out", out}, {"from", from}, {"to", to}}));
    absl::StatusOr<timescales::Counting> c =
        timescales::capi::ToCounting(counting);
    if (!c.ok()) return c.status();
    return calendar->impl.WorkingDaysBetweenBatch(
        absl::MakeConstSpan(from, count), absl::MakeConstSpan(to, count),
        absl::MakeSpan(out, count), *c);
  });
}

extern "C" int tsc_calendar_is_working_day_batch_i64(
    uint8_t* out, const tsc_calendar* calendar, const int64_t* days,
    size_t count) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"calendar", calendar}}));
    TSC_RETURN_IF_ERROR(
        NonNullUnlessEmpty(fn, count, {{"out", out}, {"days", days}}));
    return calendar->impl.IsWorkingDayBatch(absl::MakeConstSpan(days, count),
                                            absl::MakeSpan(out, count));
  });
}

// ---- Holidays ---------------------------------------------------------------

extern "C" int tsc_calendar_holiday_name(const char** out,
                                         const tsc_calendar* calendar,
                                         tsc_date day) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}, {"calendar", calendar}}));
    TSC_RETURN_IF_ERROR(InRange(fn, "day", day));
    const timescales::Holiday* holiday =
        calendar->impl.FindHoliday(Date::FromSerial(day));
    *out = holiday == nullptr ? nullptr : holiday->name.c_str();
    return absl::OkStatus();
  });
}

extern "C" int tsc_calendar_holidays(tsc_holiday_list** out,
                                     const tsc_calendar* calendar,
                                     tsc_date from, tsc_date to) {
  const char* fn = __func__;
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}, {"calendar", calendar}}));
    TSC_RETURN_IF_ERROR(InRange(fn, "from", from));
    TSC_RETURN_IF_ERROR(InRange(fn, "to", to));
    // As `timescales holidays --from --to` says it, not an empty list.
    if (to < from) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": to ", Date::FromSerial(to).ToString(),
                       " is before from ", Date::FromSerial(from).ToString()));
    }
    absl::StatusOr<std::vector<timescales::Holiday>> holidays =
        calendar->impl.HolidaysBetween(Date::FromSerial(from),
                                       Date::FromSerial(to));
    if (!holidays.ok()) return holidays.status();
    *out = new tsc_holiday_list{*std::move(holidays)};
    return absl::OkStatus();
  });
}

extern "C" size_t tsc_holiday_list_size(const tsc_holiday_list* list) {
  return list == nullptr ? 0 : list->items.size();
}

extern "C" int tsc_holiday_list_get(tsc_date* date, const char** name,
                                    int* kind, int* provisional,
                                    const tsc_holiday_list* list,
                                    size_t index) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"list", list}}));
    if (index >= list->items.size()) {
      return absl::OutOfRangeError(
          absl::StrCat(fn, ": index ", index, " is past the list's ",
                       list->items.size(), " holidays"));
    }
    const timescales::Holiday& h = list->items[index];
    if (date != nullptr) *date = h.date.serial();
    if (name != nullptr) *name = h.name.c_str();
    if (kind != nullptr) *kind = timescales::capi::ToHolidayKind(h.kind);
    if (provisional != nullptr) *provisional = h.provisional ? 1 : 0;
    return absl::OkStatus();
  });
}

extern "C" void tsc_holiday_list_free(tsc_holiday_list* list) { delete list; }

// ---- Calendar information ---------------------------------------------------

extern "C" int tsc_calendar_name(const char** out,
                                 const tsc_calendar* calendar) {
  return CalendarString(
      __func__, out, calendar,
      [](const timescales::CalendarInfo& info) -> const std::string& {
        return info.name;
      });
}

extern "C" int tsc_calendar_data_version(const char** out,
                                         const tsc_calendar* calendar) {
  return CalendarString(
      __func__, out, calendar,
      [](const timescales::CalendarInfo& info) -> const std::string& {
        return info.data_version;
      });
}

extern "C" int tsc_calendar_known_until(tsc_date* out,
                                        const tsc_calendar* calendar) {
  return CalendarDateResult(__func__, out, calendar,
                            [](const Calendar& cal) -> absl::StatusOr<Date> {
                              return cal.info().known_until;
                            });
}

extern "C" int tsc_calendar_exact_from(tsc_date* out,
                                       const tsc_calendar* calendar) {
  return CalendarDateResult(__func__, out, calendar,
                            [](const Calendar& cal) -> absl::StatusOr<Date> {
                              return cal.info().exact_from;
                            });
}

extern "C" int tsc_calendar_info_json(char** out,
                                      const tsc_calendar* calendar) {
  const char* fn = __func__;
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}, {"calendar", calendar}}));
    *out = timescales::capi::CopyOut(
        timescales::RenderCalendarInfoJson(calendar->impl.info(), -1));
    return absl::OkStatus();
  });
}

// ---- Rules, policies, due dates and review chains ---------------------------

struct tsc_policy {
  timescales::Policy impl;
};
struct tsc_rule_catalogue {
  timescales::RuleCatalogue impl;
};
struct tsc_timescales {
  timescales::Timescales impl;
};
struct tsc_schedule {
  timescales::Schedule impl;
};

namespace timescales {
namespace capi {
namespace {

using OrderedJson = nlohmann::ordered_json;

absl::Status ValidMinute(const char* fn, absl::string_view name,
                         int32_t minute) {
  if (minute == TSC_NO_TIME || (minute >= 0 && minute < 24 * 60)) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(
      absl::StrCat(fn, ": `", name, "` (", minute,
                   ") is neither TSC_NO_TIME nor a minute of the day in "
                   "[0, 1440)"));
}

// A date with an optional time of day, both checked.
absl::StatusOr<Moment> ToMoment(const char* fn, const std::string& date_name,
                                tsc_date day, const std::string& minute_name,
                                int32_t minute) {
  TSC_RETURN_IF_ERROR(InRange(fn, date_name.c_str(), day));
  TSC_RETURN_IF_ERROR(ValidMinute(fn, minute_name, minute));
  Moment moment = Moment::OnDate(Date::FromSerial(day));
  if (minute != TSC_NO_TIME) moment.minute_of_day = minute;
  return moment;
}

// TSC_NO_DATE as an empty optional; any other value must be in range.
absl::StatusOr<std::optional<Date>> ToOptionalDate(const char* fn,
                                                   const char* name,
                                                   tsc_date day) {
  if (day == TSC_NO_DATE) return std::optional<Date>();
  TSC_RETURN_IF_ERROR(InRange(fn, name, day));
  return std::optional<Date>(Date::FromSerial(day));
}

absl::Status CountInRange(const char* fn, const char* name, int n) {
  if (n >= 0 && n <= 1000) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat(fn, ": `", name, "` is ", n, "; it must be from 0 to 1000"));
}

int ToUnit(Unit unit) {
  switch (unit) {
    case Unit::kWorkingDays:
      return TSC_UNIT_WORKING_DAYS;
    case Unit::kDays:
      return TSC_UNIT_DAYS;
    case Unit::kWeeks:
      return TSC_UNIT_WEEKS;
    case Unit::kMonths:
      return TSC_UNIT_MONTHS;
    case Unit::kHours:
      return TSC_UNIT_HOURS;
  }
  return TSC_UNIT_WORKING_DAYS;
}

int ToSlotStatus(SlotStatus status) {
  switch (status) {
    case SlotStatus::kOnTime:
      return TSC_SLOT_ON_TIME;
    case SlotStatus::kLate:
      return TSC_SLOT_LATE;
    case SlotStatus::kOverdue:
      return TSC_SLOT_OVERDUE;
    case SlotStatus::kDueSoon:
      return TSC_SLOT_DUE_SOON;
    case SlotStatus::kNotYetDue:
      return TSC_SLOT_NOT_YET_DUE;
    case SlotStatus::kNotRequired:
      return TSC_SLOT_NOT_REQUIRED;
  }
  return TSC_SLOT_NOT_YET_DUE;
}

absl::StatusOr<IcpcAnchor> ToIcpcAnchor(int anchor) {
  switch (anchor) {
    case TSC_ICPC_ANCHOR_INITIATING:
      return IcpcAnchor::kInitiatingStrategyDiscussion;
    case TSC_ICPC_ANCHOR_LAST:
      return IcpcAnchor::kLastStrategyDiscussion;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat("unknown ICPC anchor ", anchor));
  }
}

absl::StatusOr<ParticipationMeasure> ToParticipation(int measure) {
  switch (measure) {
    case TSC_PARTICIPATION_REVIEWS:
      return ParticipationMeasure::kReviews;
    case TSC_PARTICIPATION_ATTENDANCE:
      return ParticipationMeasure::kAttendance;
    case TSC_PARTICIPATION_CHILDREN:
      return ParticipationMeasure::kChildren;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat("unknown participation measure ", measure));
  }
}

// Shared body of the policy setters.
template <typename Set>
int PolicySet(const char* fn, tsc_policy* policy, Set&& set) {
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"policy", policy}}));
    return std::forward<Set>(set)(policy->impl);
  });
}

// Timescales::Due for the common arguments of the tsc_rule_* functions.
absl::StatusOr<DueDate> RuleDue(const char* fn, const tsc_timescales* ts,
                                const char* rule_id, tsc_date anchor,
                                int32_t anchor_minute) {
  TSC_RETURN_IF_ERROR(NonNull(fn, {{"ts", ts}, {"rule_id", rule_id}}));
  absl::StatusOr<Moment> moment =
      ToMoment(fn, "anchor", anchor, "anchor_minute", anchor_minute);
  if (!moment.ok()) return moment.status();
  return ts->impl.Due(rule_id, *moment);
}

// Shared body of the functions that compare a completion with a due date.
template <typename Op>
int RuleCompare(const char* fn, const void* out, const tsc_timescales* ts,
                const char* rule_id, tsc_date anchor, int32_t anchor_minute,
                tsc_date done, int32_t done_minute, Op&& op) {
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(
        NonNull(fn, {{"out", out}, {"ts", ts}, {"rule_id", rule_id}}));
    absl::StatusOr<Moment> from =
        ToMoment(fn, "anchor", anchor, "anchor_minute", anchor_minute);
    if (!from.ok()) return from.status();
    absl::StatusOr<Moment> to =
        ToMoment(fn, "done", done, "done_minute", done_minute);
    if (!to.ok()) return to.status();
    return std::forward<Op>(op)(*from, *to);
  });
}

// Shared body of the functions returning a DueDate's text.
template <typename Text>
int RuleText(const char* fn, char** out, const tsc_timescales* ts,
             const char* rule_id, tsc_date anchor, int32_t anchor_minute,
             Text&& text) {
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}}));
    absl::StatusOr<DueDate> due =
        RuleDue(fn, ts, rule_id, anchor, anchor_minute);
    if (!due.ok()) return due.status();
    *out = CopyOut(std::forward<Text>(text)(*due));
    return absl::OkStatus();
  });
}

const Slot* SlotAt(const char* fn, const tsc_schedule* schedule, size_t index,
                   absl::Status* status) {
  if (index < schedule->impl.slots.size()) return &schedule->impl.slots[index];
  *status = absl::OutOfRangeError(
      absl::StrCat(fn, ": index ", index, " is past the schedule's ",
                   schedule->impl.slots.size(), " slots"));
  return nullptr;
}

}  // namespace
}  // namespace capi
}  // namespace timescales

using timescales::Moment;
using timescales::Policy;
using timescales::RuleCatalogue;
using timescales::Timescales;
using timescales::capi::PolicySet;

extern "C" const char* tsc_slot_status_string(int status) {
  switch (status) {
    case TSC_SLOT_ON_TIME:
      return "on_time";
    case TSC_SLOT_LATE:
      return "late";
    case TSC_SLOT_OVERDUE:
      return "overdue";
    case TSC_SLOT_DUE_SOON:
      return "due_soon";
    case TSC_SLOT_NOT_YET_DUE:
      return "not_yet_due";
    case TSC_SLOT_NOT_REQUIRED:
      return "not_required";
    default:
      return "unrecognised slot status";
  }
}

// ---- Policies ---------------------------------------------------------------

extern "C" int tsc_policy_create(tsc_policy** out) {
  const char* fn = __func__;
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}}));
    *out = new tsc_policy{Policy()};
    return absl::OkStatus();
  });
}

extern "C" void tsc_policy_free(tsc_policy* policy) { delete policy; }

extern "C" int tsc_policy_set_counting(tsc_policy* policy, int counting) {
  return PolicySet(__func__, policy, [&](Policy& p) -> absl::Status {
    absl::StatusOr<timescales::Counting> c =
        timescales::capi::ToCounting(counting);
    if (!c.ok()) return c.status();
    p.counting = *c;
    return absl::OkStatus();
  });
}

extern "C" int tsc_policy_set_month_convention(tsc_policy* policy,
                                               int convention) {
  return PolicySet(__func__, policy, [&](Policy& p) -> absl::Status {
    absl::StatusOr<timescales::MonthConvention> m =
        timescales::capi::ToMonthConvention(convention);
    if (!m.ok()) return m.status();
    p.months = *m;
    return absl::OkStatus();
  });
}

extern "C" int tsc_policy_set_icpc_anchor(tsc_policy* policy, int anchor) {
  return PolicySet(__func__, policy, [&](Policy& p) -> absl::Status {
    absl::StatusOr<timescales::IcpcAnchor> a =
        timescales::capi::ToIcpcAnchor(anchor);
    if (!a.ok()) return a.status();
    p.icpc_anchor = *a;
    return absl::OkStatus();
  });
}

extern "C" int tsc_policy_set_sw_report_hours(tsc_policy* policy) {
  return PolicySet(__func__, policy, [](Policy& p) -> absl::Status {
    p.sw_report = timescales::SwReportRule::kHoursBefore;
    return absl::OkStatus();
  });
}

extern "C" int tsc_policy_set_sw_report_working_days(tsc_policy* policy,
                                                     int n) {
  const char* fn = __func__;
  return PolicySet(fn, policy, [&](Policy& p) -> absl::Status {
    TSC_RETURN_IF_ERROR(timescales::capi::CountInRange(fn, "n", n));
    p.sw_report = timescales::SwReportRule::kWorkingDaysBefore;
    p.sw_report_working_days = n;
    return absl::OkStatus();
  });
}

extern "C" int tsc_policy_set_strict_holidays(tsc_policy* policy, int strict) {
  return PolicySet(__func__, policy, [&](Policy& p) -> absl::Status {
    p.strict_holidays = strict != 0;
    return absl::OkStatus();
  });
}

extern "C" int tsc_policy_set_due_soon_working_days(tsc_policy* policy, int n) {
  const char* fn = __func__;
  return PolicySet(fn, policy, [&](Policy& p) -> absl::Status {
    TSC_RETURN_IF_ERROR(timescales::capi::CountInRange(fn, "n", n));
    p.due_soon_working_days = n;
    return absl::OkStatus();
  });
}

extern "C" int tsc_policy_set_participation(tsc_policy* policy, int measure) {
  return PolicySet(__func__, policy, [&](Policy& p) -> absl::Status {
    absl::StatusOr<timescales::ParticipationMeasure> m =
        timescales::capi::ToParticipation(measure);
    if (!m.ok()) return m.status();
    p.participation = *m;
    return absl::OkStatus();
  });
}

extern "C" int tsc_policy_set_name(tsc_policy* policy, const char* name) {
  const char* fn = __func__;
  return PolicySet(fn, policy, [&](Policy& p) -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"name", name}}));
    p.name = name;
    return absl::OkStatus();
  });
}

extern "C" int tsc_policy_from_json(tsc_policy** out, const char* json,
                                    size_t len) {
  const char* fn = __func__;
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}}));
    TSC_RETURN_IF_ERROR(NonNullUnlessEmpty(fn, len, {{"json", json}}));
    absl::StatusOr<Policy> policy =
        Policy::FromJson(timescales::capi::View(json, len));
    if (!policy.ok()) return policy.status();
    *out = new tsc_policy{*std::move(policy)};
    return absl::OkStatus();
  });
}

extern "C" int tsc_policy_describe(char** out, const tsc_policy* policy) {
  const char* fn = __func__;
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}, {"policy", policy}}));
    *out = timescales::capi::CopyOut(policy->impl.Describe());
    return absl::OkStatus();
  });
}

// ---- Rule catalogues --------------------------------------------------------
//
// tsc_rule_catalogue_* and, until 0.3, the tsc_rules_* names they replace:
// one body each, `fn` naming whichever the caller used.

namespace timescales {
namespace capi {
namespace {

int CatalogueBuiltin(const char* fn, tsc_rule_catalogue** out) {
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}}));
    *out = new tsc_rule_catalogue{RuleCatalogue::Builtin()};
    return absl::OkStatus();
  });
}

int CatalogueFromJson(const char* fn, tsc_rule_catalogue** out,
                      const char* json, size_t len) {
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}}));
    TSC_RETURN_IF_ERROR(NonNullUnlessEmpty(fn, len, {{"json", json}}));
    absl::StatusOr<RuleCatalogue> rules =
        RuleCatalogue::FromJson(View(json, len));
    if (!rules.ok()) return rules.status();
    *out = new tsc_rule_catalogue{*std::move(rules)};
    return absl::OkStatus();
  });
}

int CatalogueCount(const char* fn, const char* name, size_t* out,
                   const tsc_rule_catalogue* catalogue) {
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}, {name, catalogue}}));
    *out = catalogue->impl.rules().size();
    return absl::OkStatus();
  });
}

int CatalogueGet(const char* fn, const char* name, const char** id,
                 const char** description, const char** anchor, int32_t* offset,
                 int* unit, const char** source,
                 const tsc_rule_catalogue* catalogue, size_t index) {
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{name, catalogue}}));
    const std::vector<Rule>& all = catalogue->impl.rules();
    if (index >= all.size()) {
      return absl::OutOfRangeError(absl::StrCat(fn, ": index ", index,
                                                " is past the catalogue's ",
                                                all.size(), " rules"));
    }
    const Rule& rule = all[index];
    if (id != nullptr) *id = rule.id.c_str();
    if (description != nullptr) *description = rule.description.c_str();
    if (anchor != nullptr) *anchor = rule.anchor.c_str();
    if (offset != nullptr) *offset = rule.offset;
    if (unit != nullptr) *unit = ToUnit(rule.unit);
    if (source != nullptr) *source = rule.source.c_str();
    return absl::OkStatus();
  });
}

}  // namespace
}  // namespace capi
}  // namespace timescales

extern "C" int tsc_rule_catalogue_create_builtin(tsc_rule_catalogue** out) {
  return timescales::capi::CatalogueBuiltin(__func__, out);
}

extern "C" int tsc_rule_catalogue_from_json(tsc_rule_catalogue** out,
                                            const char* json, size_t len) {
  return timescales::capi::CatalogueFromJson(__func__, out, json, len);
}

extern "C" void tsc_rule_catalogue_free(tsc_rule_catalogue* catalogue) {
  delete catalogue;
}

extern "C" int tsc_rule_catalogue_count(size_t* out,
                                        const tsc_rule_catalogue* catalogue) {
  return timescales::capi::CatalogueCount(__func__, "catalogue", out,
                                          catalogue);
}

extern "C" int tsc_rule_catalogue_get(const char** id, const char** description,
                                      const char** anchor, int32_t* offset,
                                      int* unit, const char** source,
                                      const tsc_rule_catalogue* catalogue,
                                      size_t index) {
  return timescales::capi::CatalogueGet(__func__, "catalogue", id, description,
                                        anchor, offset, unit, source, catalogue,
                                        index);
}

// The names before 0.2.
extern "C" int tsc_rules_create_builtin(tsc_rules** out) {
  return timescales::capi::CatalogueBuiltin(__func__, out);
}

extern "C" int tsc_rules_from_json(tsc_rules** out, const char* json,
                                   size_t len) {
  return timescales::capi::CatalogueFromJson(__func__, out, json, len);
}

extern "C" void tsc_rules_free(tsc_rules* rules) { delete rules; }

extern "C" int tsc_rules_count(size_t* out, const tsc_rules* rules) {
  return timescales::capi::CatalogueCount(__func__, "rules", out, rules);
}

extern "C" int tsc_rules_get(const char** id, const char** description,
                             const char** anchor, int32_t* offset, int* unit,
                             const char** source, const tsc_rules* rules,
                             size_t index) {
  return timescales::capi::CatalogueGet(__func__, "rules", id, description,
                                        anchor, offset, unit, source, rules,
                                        index);
}

// ---- Engines ----------------------------------------------------------------

extern "C" int tsc_timescales_create(tsc_timescales** out,
                                     const tsc_calendar* calendar,
                                     const tsc_rule_catalogue* rules,
                                     const tsc_policy* policy) {
  const char* fn = __func__;
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}, {"calendar", calendar}}));
    *out = new tsc_timescales{
        Timescales(calendar->impl,
                   rules != nullptr ? rules->impl : RuleCatalogue::Builtin(),
                   policy != nullptr ? policy->impl : Policy())};
    return absl::OkStatus();
  });
}

extern "C" int tsc_timescales_create_default(tsc_timescales** out) {
  const char* fn = __func__;
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}}));
    absl::StatusOr<Timescales> ts = Timescales::Default();
    if (!ts.ok()) return ts.status();
    *out = new tsc_timescales{*std::move(ts)};
    return absl::OkStatus();
  });
}

extern "C" void tsc_timescales_free(tsc_timescales* ts) { delete ts; }

// ---- Due dates --------------------------------------------------------------

extern "C" int tsc_rule_due(tsc_date* legal_due, int32_t* legal_due_minute,
                            tsc_date* practical_due, int* provisional,
                            const tsc_timescales* ts, const char* rule_id,
                            tsc_date anchor, int32_t anchor_minute) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"legal_due", legal_due}}));
    absl::StatusOr<timescales::DueDate> due =
        timescales::capi::RuleDue(fn, ts, rule_id, anchor, anchor_minute);
    if (!due.ok()) return due.status();
    *legal_due = due->legal_due.date.serial();
    if (legal_due_minute != nullptr) {
      *legal_due_minute = due->legal_due.minute_of_day.value_or(TSC_NO_TIME);
    }
    if (practical_due != nullptr) *practical_due = due->practical_due.serial();
    if (provisional != nullptr) *provisional = due->provisional ? 1 : 0;
    return absl::OkStatus();
  });
}

extern "C" int tsc_rule_due_explain(char** explanation,
                                    const tsc_timescales* ts,
                                    const char* rule_id, tsc_date anchor,
                                    int32_t anchor_minute) {
  return timescales::capi::RuleText(
      __func__, explanation, ts, rule_id, anchor, anchor_minute,
      [](const timescales::DueDate& due) { return due.Explain(); });
}

extern "C" int tsc_rule_due_working(char** working, const tsc_timescales* ts,
                                    const char* rule_id, tsc_date anchor,
                                    int32_t anchor_minute) {
  return timescales::capi::RuleText(
      __func__, working, ts, rule_id, anchor, anchor_minute,
      [](const timescales::DueDate& due) { return due.working; });
}

extern "C" int tsc_rule_on_time(int* out, const tsc_timescales* ts,
                                const char* rule_id, tsc_date anchor,
                                int32_t anchor_minute, tsc_date done,
                                int32_t done_minute) {
  return timescales::capi::RuleCompare(
      __func__, out, ts, rule_id, anchor, anchor_minute, done, done_minute,
      [&](const Moment& from, const Moment& to) -> absl::Status {
        absl::StatusOr<bool> on_time = ts->impl.OnTime(rule_id, from, to);
        if (!on_time.ok()) return on_time.status();
        *out = *on_time ? 1 : 0;
        return absl::OkStatus();
      });
}

extern "C" int tsc_rule_lateness_working_days(
    int32_t* out, const tsc_timescales* ts, const char* rule_id,
    tsc_date anchor, int32_t anchor_minute, tsc_date done,
    int32_t done_minute) {
  return timescales::capi::RuleCompare(
      __func__, out, ts, rule_id, anchor, anchor_minute, done, done_minute,
      [&](const Moment& from, const Moment& to) -> absl::Status {
        absl::StatusOr<int32_t> late =
            ts->impl.LatenessWorkingDays(rule_id, from, to);
        if (!late.ok()) return late.status();
        *out = *late;
        return absl::OkStatus();
      });
}

extern "C" int tsc_rule_due_batch(tsc_date* out, const tsc_timescales* ts,
                                  const char* rule_id, const tsc_date* anchors,
                                  size_t count) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"ts", ts}, {"rule_id", rule_id}}));
    TSC_RETURN_IF_ERROR(
        NonNullUnlessEmpty(fn, count, {{"out", out}, {"anchors", anchors}}));
    return ts->impl.DueBatch(rule_id, absl::MakeConstSpan(anchors, count),
                             absl::MakeSpan(out, count));
  });
}

extern "C" int tsc_rule_due_batch_i64(int64_t* out, const tsc_timescales* ts,
                                      const char* rule_id,
                                      const int64_t* anchors, size_t count) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"ts", ts}, {"rule_id", rule_id}}));
    TSC_RETURN_IF_ERROR(
        NonNullUnlessEmpty(fn, count, {{"out", out}, {"anchors", anchors}}));
    return ts->impl.DueBatch(rule_id, absl::MakeConstSpan(anchors, count),
                             absl::MakeSpan(out, count));
  });
}

// ---- Review chains ----------------------------------------------------------

namespace {

// What was done after each review, as tsc_schedule_lac_done takes it: per
// review a date (TSC_NO_DATE: not done or not known) and a minute.
struct DoneColumn {
  const char* name;  // "sw_report", "decisions", "record"
  const tsc_date* dates;
  const int32_t* minutes;
  std::optional<Moment> timescales::HeldReview::*field;
};

// tsc_schedule_lac and tsc_schedule_lac_done.
int ScheduleLac(const char* fn, tsc_schedule** out, const tsc_timescales* ts,
                tsc_date start, tsc_date end, int short_break,
                const tsc_date* reviews, const int32_t* review_minutes,
                size_t review_count, std::initializer_list<DoneColumn> done,
                tsc_date as_at) {
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}, {"ts", ts}}));
    TSC_RETURN_IF_ERROR(
        NonNullUnlessEmpty(fn, review_count, {{"reviews", reviews}}));
    TSC_RETURN_IF_ERROR(InRange(fn, "start", start));
    TSC_RETURN_IF_ERROR(InRange(fn, "as_at", as_at));
    absl::StatusOr<std::optional<Date>> last =
        timescales::capi::ToOptionalDate(fn, "end", end);
    if (!last.ok()) return last.status();
    std::vector<timescales::HeldReview> held;
    held.reserve(review_count);
    for (size_t i = 0; i < review_count; ++i) {
      const std::string index = absl::StrCat("[", i, "]");
      absl::StatusOr<Moment> moment = timescales::capi::ToMoment(
          fn, absl::StrCat("reviews", index), reviews[i],
          absl::StrCat("review_minutes", index),
          review_minutes != nullptr ? review_minutes[i] : TSC_NO_TIME);
      if (!moment.ok()) return moment.status();
      timescales::HeldReview review{*moment, {}, {}, {}};
      for (const DoneColumn& column : done) {
        if (column.dates == nullptr || column.dates[i] == TSC_NO_DATE) {
          continue;
        }
        absl::StatusOr<Moment> when = timescales::capi::ToMoment(
            fn, absl::StrCat(column.name, index), column.dates[i],
            absl::StrCat(column.name, "_minutes", index),
            column.minutes != nullptr ? column.minutes[i] : TSC_NO_TIME);
        if (!when.ok()) return when.status();
        review.*column.field = *when;
      }
      held.push_back(std::move(review));
    }
    absl::StatusOr<timescales::Schedule> schedule = timescales::LacSchedule(
        ts->impl,
        timescales::LacPeriod{Date::FromSerial(start), *last, short_break != 0},
        std::move(held), Date::FromSerial(as_at));
    if (!schedule.ok()) return schedule.status();
    *out = new tsc_schedule{*std::move(schedule)};
    return absl::OkStatus();
  });
}

}  // namespace

extern "C" int tsc_schedule_lac(tsc_schedule** out, const tsc_timescales* ts,
                                tsc_date start, tsc_date end, int short_break,
                                const tsc_date* reviews,
                                const int32_t* review_minutes,
                                size_t review_count, tsc_date as_at) {
  return ScheduleLac(__func__, out, ts, start, end, short_break, reviews,
                     review_minutes, review_count, {}, as_at);
}

extern "C" int tsc_schedule_lac_done(
    tsc_schedule** out, const tsc_timescales* ts, tsc_date start, tsc_date end,
    int short_break, const tsc_date* reviews, const int32_t* review_minutes,
    size_t review_count, const tsc_date* sw_report,
    const int32_t* sw_report_minutes, const tsc_date* decisions,
    const int32_t* decisions_minutes, const tsc_date* record,
    const int32_t* record_minutes, tsc_date as_at) {
  using timescales::HeldReview;
  return ScheduleLac(
      __func__, out, ts, start, end, short_break, reviews, review_minutes,
      review_count,
      {{"sw_report", sw_report, sw_report_minutes,
        &HeldReview::sw_report_received},
       {"decisions", decisions, decisions_minutes, &HeldReview::decisions_sent},
       {"record", record, record_minutes, &HeldReview::record_distributed}},
      as_at);
}

extern "C" int tsc_schedule_cp(tsc_schedule** out, const tsc_timescales* ts,
                               tsc_date icpc, tsc_date end,
                               tsc_date first_core_group,
                               const tsc_date* conferences, size_t count,
                               tsc_date as_at) {
  const char* fn = __func__;
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}, {"ts", ts}}));
    TSC_RETURN_IF_ERROR(
        NonNullUnlessEmpty(fn, count, {{"conferences", conferences}}));
    TSC_RETURN_IF_ERROR(InRange(fn, "icpc", icpc));
    TSC_RETURN_IF_ERROR(InRange(fn, "as_at", as_at));
    absl::StatusOr<std::optional<Date>> last =
        timescales::capi::ToOptionalDate(fn, "end", end);
    if (!last.ok()) return last.status();
    absl::StatusOr<std::optional<Date>> core = timescales::capi::ToOptionalDate(
        fn, "first_core_group", first_core_group);
    if (!core.ok()) return core.status();
    std::vector<timescales::HeldReview> held;
    held.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      const std::string name = absl::StrCat("conferences[", i, "]");
      TSC_RETURN_IF_ERROR(InRange(fn, name.c_str(), conferences[i]));
      held.push_back(timescales::Reviewed(Date::FromSerial(conferences[i])));
    }
    absl::StatusOr<timescales::Schedule> schedule = timescales::CpSchedule(
        ts->impl, timescales::CpPlan{Date::FromSerial(icpc), *last, *core},
        std::move(held), Date::FromSerial(as_at));
    if (!schedule.ok()) return schedule.status();
    *out = new tsc_schedule{*std::move(schedule)};
    return absl::OkStatus();
  });
}

extern "C" void tsc_schedule_free(tsc_schedule* schedule) { delete schedule; }

extern "C" int tsc_schedule_slot_count(size_t* out,
                                       const tsc_schedule* schedule) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}, {"schedule", schedule}}));
    *out = schedule->impl.slots.size();
    return absl::OkStatus();
  });
}

extern "C" int tsc_schedule_slot(int* number, const char** rule_id,
                                 tsc_date* legal_due, tsc_date* practical_due,
                                 tsc_date* held, int* status,
                                 int32_t* working_days_late,
                                 const tsc_schedule* schedule, size_t index) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"schedule", schedule}}));
    absl::Status missing;
    const timescales::Slot* slot =
        timescales::capi::SlotAt(fn, schedule, index, &missing);
    if (slot == nullptr) return missing;
    if (number != nullptr) *number = slot->number;
    if (rule_id != nullptr) *rule_id = slot->due.rule.id.c_str();
    if (legal_due != nullptr) *legal_due = slot->due.legal_due.date.serial();
    if (practical_due != nullptr) {
      *practical_due = slot->due.practical_due.serial();
    }
    if (held != nullptr) {
      *held = slot->review ? slot->review->held.date.serial() : TSC_NO_DATE;
    }
    if (status != nullptr) {
      *status = timescales::capi::ToSlotStatus(slot->status);
    }
    if (working_days_late != nullptr) {
      *working_days_late = slot->working_days_late;
    }
    return absl::OkStatus();
  });
}

extern "C" int tsc_schedule_next_due(tsc_date* out,
                                     const tsc_schedule* schedule) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}, {"schedule", schedule}}));
    const std::optional<Date>& next = schedule->impl.next_due;
    *out = next ? next->serial() : TSC_NO_DATE;
    return absl::OkStatus();
  });
}

extern "C" int tsc_schedule_to_json(char** out, const tsc_schedule* schedule) {
  const char* fn = __func__;
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}, {"schedule", schedule}}));
    // Holiday and closure-day names come from callers' files; replace bad
    // UTF-8 rather than throw.
    *out = timescales::capi::CopyOut(
        timescales::RenderScheduleJson(schedule->impl, /*indent=*/-1));
    return absl::OkStatus();
  });
}

// ---- Reports and the monitoring list ----------------------------------------

struct tsc_report_inputs {
  timescales::Dataset data;
  timescales::ImportOptions options;  // for the inputs added from now on
};
struct tsc_report_options {
  timescales::ReportConfig config;
  timescales::ReportOptions options;
  int format = TSC_FORMAT_JSON;
  // Write the report even with data problems (tsc_report_run_with_options
  // refuses it otherwise).
  bool allow_rejections = false;
  // The monitoring list's held_late rows from this day.
  timescales::MonitoringOptions monitoring;
};

namespace timescales {
namespace capi {
namespace {

// TSC_FORMAT_*, checked before any work is done.
enum class Format { kJson, kCsv, kMarkdown, kHtml };

absl::StatusOr<Format> ToFormat(const char* fn, int format) {
  switch (format) {
    case TSC_FORMAT_JSON:
      return Format::kJson;
    case TSC_FORMAT_CSV:
      return Format::kCsv;
    case TSC_FORMAT_MARKDOWN:
      return Format::kMarkdown;
    case TSC_FORMAT_HTML:
      return Format::kHtml;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": unknown format ", format,
                       " (expected TSC_FORMAT_JSON 0, TSC_FORMAT_CSV 1, "
                       "TSC_FORMAT_MARKDOWN 2 or TSC_FORMAT_HTML 3)"));
  }
}

// The arguments tsc_report_run and tsc_monitoring_run share: the
// configuration (NULL and 0 for the default) and the coverage start.
struct RunSettings {
  ReportConfig config;
  ReportOptions options;
  // tsc_report_run writes every report, as it always did; the options
  // handle refuses one with data problems unless told.
  bool allow_rejections = true;
  MonitoringOptions monitoring;
};

absl::StatusOr<RunSettings> ToRunSettings(const char* fn,
                                          const char* config_json,
                                          size_t config_len,
                                          tsc_date data_from) {
  TSC_RETURN_IF_ERROR(
      NonNullUnlessEmpty(fn, config_len, {{"config_json", config_json}}));
  RunSettings settings;
  if (config_json != nullptr) {
    absl::StatusOr<ReportConfig> config =
        ReportConfig::FromJson(View(config_json, config_len));
    if (!config.ok()) return config.status();
    settings.config = *std::move(config);
  }
  absl::StatusOr<std::optional<Date>> from =
      ToOptionalDate(fn, "data_from", data_from);
  if (!from.ok()) return from.status();
  settings.options.data_from = *from;
  return settings;
}

}  // namespace
}  // namespace capi
}  // namespace timescales

extern "C" int tsc_report_inputs_create(tsc_report_inputs** out) {
  const char* fn = __func__;
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}}));
    *out = new tsc_report_inputs{};
    return absl::OkStatus();
  });
}

extern "C" void tsc_report_inputs_free(tsc_report_inputs* inputs) {
  delete inputs;
}

extern "C" int tsc_report_inputs_add_path(tsc_report_inputs* inputs,
                                          const char* path) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"inputs", inputs}, {"path", path}}));
    // A single file that fails adds nothing, but a folder keeps the files
    // that worked; import into a copy so that a failed call changes nothing.
    timescales::Dataset next = inputs->data;
    TSC_RETURN_IF_ERROR(timescales::ImportPath(path, &next));
    inputs->data = std::move(next);
    return absl::OkStatus();
  });
}

extern "C" int tsc_report_inputs_add_buffer(tsc_report_inputs* inputs,
                                            const char* name, const char* data,
                                            size_t len) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"inputs", inputs}, {"name", name}}));
    TSC_RETURN_IF_ERROR(NonNullUnlessEmpty(fn, len, {{"data", data}}));
    // One buffer is one file: the importer stages it and adds nothing on
    // failure.
    return timescales::ImportBuffer(name, timescales::capi::View(data, len),
                                    &inputs->data);
  });
}

namespace timescales {
namespace capi {
namespace {

// The report of `inputs` for `period`, rendered; `settings()` gives the
// configuration and options once the format and period are known good.
template <typename Settings>
absl::Status RunReport(const char* fn, char** out,
                       const tsc_report_inputs* inputs, const char* period,
                       int format, Settings settings) {
  absl::StatusOr<Format> how = ToFormat(fn, format);
  if (!how.ok()) return how.status();
  absl::StatusOr<ReportingPeriod> parsed = ReportingPeriod::Parse(period);
  if (!parsed.ok()) {
    // Say which argument: the configuration's messages name it too.
    return absl::Status(parsed.status().code(),
                        absl::StrCat("period: ", parsed.status().message()));
  }
  absl::StatusOr<RunSettings> run = settings();
  if (!run.ok()) return run.status();
  absl::StatusOr<Report> report =
      ComputeReport(inputs->data, *parsed, run->config, run->options);
  if (!report.ok()) return report.status();
  if (!run->allow_rejections && !report->data_problems.empty()) {
    std::vector<std::string> messages;
    for (const DataProblem& problem : report->data_problems) {
      messages.push_back(problem.message);
    }
    return absl::FailedPreconditionError(absl::StrCat(
        "the report is not written: its figures are at risk (",
        absl::StrJoin(messages, "; "),
        "); correct the extract, or allow rejections to write it anyway"));
  }
  switch (*how) {
    case Format::kJson:
      *out = CopyOut(RenderJson(*report));
      break;
    case Format::kCsv:
      // With detail the CSV is the case-level table, one row a case; the
      // tidy KPI table stays the CSV without it.
      *out = CopyOut(run->options.detail ? RenderCasesCsv(*report)
                                         : RenderCsv(*report));
      break;
    case Format::kMarkdown:
      *out = CopyOut(RenderMarkdown(*report));
      break;
    case Format::kHtml:
      *out = CopyOut(RenderHtml(*report));
      break;
  }
  return absl::OkStatus();
}

// The monitoring list of `inputs` as at the end of `as_at`, rendered.
template <typename Settings>
absl::Status RunMonitoring(const char* fn, char** out,
                           const tsc_report_inputs* inputs, tsc_date as_at,
                           int format, Settings settings) {
  absl::StatusOr<Format> how = ToFormat(fn, format);
  if (!how.ok()) return how.status();
  if (*how == Format::kHtml) {
    return absl::InvalidArgumentError(absl::StrCat(
        fn,
        ": the monitoring list has no HTML form (use TSC_FORMAT_JSON, "
        "TSC_FORMAT_CSV or TSC_FORMAT_MARKDOWN)"));
  }
  TSC_RETURN_IF_ERROR(InRange(fn, "as_at", as_at));
  absl::StatusOr<RunSettings> run = settings();
  if (!run.ok()) return run.status();
  absl::StatusOr<MonitoringList> list =
      BuildMonitoringList(inputs->data, Date::FromSerial(as_at), run->config,
                          run->options, run->monitoring);
  if (!list.ok()) return list.status();
  switch (*how) {
    case Format::kJson:
      *out = CopyOut(RenderMonitoringJson(*list));
      break;
    case Format::kCsv:
      *out = CopyOut(RenderMonitoringCsv(*list));
      break;
    case Format::kMarkdown:
    case Format::kHtml:  // refused above
      *out = CopyOut(RenderMonitoringMarkdown(*list));
      break;
  }
  return absl::OkStatus();
}

// The settings a handle holds (NULL: the defaults).
absl::StatusOr<RunSettings> SettingsOf(const tsc_report_options* options) {
  RunSettings settings;
  settings.allow_rejections = false;
  if (options == nullptr) return settings;
  settings.config = options->config;
  settings.options = options->options;
  settings.allow_rejections = options->allow_rejections;
  settings.monitoring = options->monitoring;
  return settings;
}

}  // namespace
}  // namespace capi
}  // namespace timescales

extern "C" int tsc_report_run(char** out, const tsc_report_inputs* inputs,
                              const char* period, const char* config_json,
                              size_t config_len, tsc_date data_from,
                              int format) {
  const char* fn = __func__;
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    namespace capi = timescales::capi;
    TSC_RETURN_IF_ERROR(
        NonNull(fn, {{"out", out}, {"inputs", inputs}, {"period", period}}));
    return capi::RunReport(fn, out, inputs, period, format, [&] {
      return capi::ToRunSettings(fn, config_json, config_len, data_from);
    });
  });
}

extern "C" int tsc_monitoring_run(char** out, const tsc_report_inputs* inputs,
                                  tsc_date as_at, const char* config_json,
                                  size_t config_len, tsc_date data_from,
                                  int format) {
  const char* fn = __func__;
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    namespace capi = timescales::capi;
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}, {"inputs", inputs}}));
    return capi::RunMonitoring(fn, out, inputs, as_at, format, [&] {
      return capi::ToRunSettings(fn, config_json, config_len, data_from);
    });
  });
}

// ---- Report options ------------------------------------------------------

extern "C" int tsc_report_options_create(tsc_report_options** out) {
  const char* fn = __func__;
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}}));
    *out = new tsc_report_options{};
    return absl::OkStatus();
  });
}

extern "C" void tsc_report_options_free(tsc_report_options* options) {
  delete options;
}

extern "C" int tsc_report_options_set_config_json(tsc_report_options* options,
                                                  const char* json, size_t len,
                                                  const char* base_dir) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"options", options}, {"json", json}}));
    absl::StatusOr<timescales::ReportConfig> config =
        timescales::ReportConfig::FromJson(timescales::capi::View(json, len),
                                           base_dir == nullptr ? "" : base_dir);
    if (!config.ok()) return config.status();
    options->config = *std::move(config);
    return absl::OkStatus();
  });
}

extern "C" int tsc_report_options_set_config_file(tsc_report_options* options,
                                                  const char* path) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"options", options}, {"path", path}}));
    absl::StatusOr<timescales::ReportConfig> config =
        timescales::ReportConfig::FromFile(path);
    if (!config.ok()) return config.status();
    options->config = *std::move(config);
    return absl::OkStatus();
  });
}

extern "C" int tsc_report_options_set_data_from(tsc_report_options* options,
                                                tsc_date data_from) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"options", options}}));
    absl::StatusOr<std::optional<Date>> from =
        timescales::capi::ToOptionalDate(fn, "data_from", data_from);
    if (!from.ok()) return from.status();
    options->options.data_from = *from;
    return absl::OkStatus();
  });
}

extern "C" int tsc_report_options_set_late_since(tsc_report_options* options,
                                                 tsc_date late_since) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"options", options}}));
    absl::StatusOr<std::optional<Date>> since =
        timescales::capi::ToOptionalDate(fn, "late_since", late_since);
    if (!since.ok()) return since.status();
    options->monitoring.late_since = *since;
    return absl::OkStatus();
  });
}

extern "C" int tsc_report_options_set_format(tsc_report_options* options,
                                             int format) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"options", options}}));
    TSC_RETURN_IF_ERROR(timescales::capi::ToFormat(fn, format).status());
    options->format = format;
    return absl::OkStatus();
  });
}

extern "C" int tsc_report_options_set_detail(tsc_report_options* options,
                                             int detail) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"options", options}}));
    if (detail != 0 && detail != 1) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": detail is ", detail,
                       " (expected 0, the figures only, or 1, the case rows "
                       "too)"));
    }
    options->options.detail = detail == 1;
    return absl::OkStatus();
  });
}

extern "C" int tsc_report_run_with_options(char** out,
                                           const tsc_report_inputs* inputs,
                                           const char* period,
                                           const tsc_report_options* options) {
  const char* fn = __func__;
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(
        NonNull(fn, {{"out", out}, {"inputs", inputs}, {"period", period}}));
    namespace capi = timescales::capi;
    return capi::RunReport(
        fn, out, inputs, period,
        options != nullptr ? options->format : TSC_FORMAT_JSON,
        [&] { return capi::SettingsOf(options); });
  });
}

extern "C" int tsc_monitoring_run_with_options(
    char** out, const tsc_report_inputs* inputs, tsc_date as_at,
    const tsc_report_options* options) {
  const char* fn = __func__;
  if (out != nullptr) *out = nullptr;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"out", out}, {"inputs", inputs}}));
    namespace capi = timescales::capi;
    return capi::RunMonitoring(
        fn, out, inputs, as_at,
        options != nullptr ? options->format : TSC_FORMAT_JSON,
        [&] { return capi::SettingsOf(options); });
  });
}

// ---- Input kinds and reading options (since 0.2) ---------------------------

namespace timescales {
namespace capi {
namespace {

absl::StatusOr<InputKind> ToInputKind(const char* fn, int kind) {
  switch (kind) {
    case TSC_INPUT_SSDA903:
      return InputKind::kSsda903;
    case TSC_INPUT_CIN:
      return InputKind::kCin;
    case TSC_INPUT_MEETINGS:
      return InputKind::kMeetings;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": unknown input kind ", kind,
                       " (expected TSC_INPUT_SSDA903 0, TSC_INPUT_CIN 1 or "
                       "TSC_INPUT_MEETINGS 2)"));
  }
}

}  // namespace
}  // namespace capi
}  // namespace timescales

extern "C" int tsc_report_inputs_add_path_as(tsc_report_inputs* inputs,
                                             const char* path, int kind) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"inputs", inputs}, {"path", path}}));
    absl::StatusOr<timescales::InputKind> said =
        timescales::capi::ToInputKind(fn, kind);
    if (!said.ok()) return said.status();
    timescales::Dataset next = inputs->data;
    TSC_RETURN_IF_ERROR(
        timescales::ImportPath(path, *said, inputs->options, &next));
    inputs->data = std::move(next);
    return absl::OkStatus();
  });
}

extern "C" int tsc_report_inputs_add_buffer_as(tsc_report_inputs* inputs,
                                               const char* name,
                                               const char* data, size_t len,
                                               int kind) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"inputs", inputs}, {"name", name}}));
    TSC_RETURN_IF_ERROR(NonNullUnlessEmpty(fn, len, {{"data", data}}));
    absl::StatusOr<timescales::InputKind> said =
        timescales::capi::ToInputKind(fn, kind);
    if (!said.ok()) return said.status();
    return timescales::ImportBuffer(name, timescales::capi::View(data, len),
                                    *said, inputs->options, &inputs->data);
  });
}

extern "C" int tsc_report_inputs_set_date_order(tsc_report_inputs* inputs,
                                                int order) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"inputs", inputs}}));
    switch (order) {
      case TSC_DATE_ORDER_AUTO:
        inputs->options.date_order = timescales::DateOrder::kAuto;
        return absl::OkStatus();
      case TSC_DATE_ORDER_DMY:
        inputs->options.date_order = timescales::DateOrder::kDayMonth;
        return absl::OkStatus();
      case TSC_DATE_ORDER_MDY:
        inputs->options.date_order = timescales::DateOrder::kMonthDay;
        return absl::OkStatus();
      default:
        return absl::InvalidArgumentError(absl::StrCat(
            fn, ": unknown date order ", order,
            " (expected TSC_DATE_ORDER_AUTO 0, TSC_DATE_ORDER_DMY 1 or "
            "TSC_DATE_ORDER_MDY 2)"));
    }
  });
}

extern "C" int tsc_report_inputs_set_two_digit_years_from(
    tsc_report_inputs* inputs, int year) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"inputs", inputs}}));
    if (year == 0) {
      inputs->options.two_digit_years_from.reset();
      return absl::OkStatus();
    }
    if (year < 1900 || year > 2100) {
      return absl::OutOfRangeError(
          absl::StrCat(fn, ": year ", year,
                       " is not 0 (refuse two-digit years) or in "
                       "1900..2100"));
    }
    inputs->options.two_digit_years_from = year;
    return absl::OkStatus();
  });
}

extern "C" int tsc_report_inputs_set_allow_unknown_columns(
    tsc_report_inputs* inputs, int allow) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"inputs", inputs}}));
    inputs->options.allow_unknown_columns = allow != 0;
    return absl::OkStatus();
  });
}

extern "C" int tsc_report_options_set_max_rejected(tsc_report_options* options,
                                                   double percent) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"options", options}}));
    if (!(percent >= 0 && percent <= 100)) {
      return absl::OutOfRangeError(
          absl::StrCat(fn, ": ", percent, " is not a percentage (0..100)"));
    }
    options->options.max_rejected_share = percent / 100.0;
    return absl::OkStatus();
  });
}

extern "C" int tsc_report_options_set_allow_rejections(
    tsc_report_options* options, int allow) {
  const char* fn = __func__;
  return Guard([&]() -> absl::Status {
    TSC_RETURN_IF_ERROR(NonNull(fn, {{"options", options}}));
    options->allow_rejections = allow != 0;
    return absl::OkStatus();
  });
}
