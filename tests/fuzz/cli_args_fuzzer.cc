// File: fuzz/cli_args_fuzzer.cc
//
// The command line's number and date arguments. src/cli exposes no main
// function to drive in-process (its Main() is file-local to main.cc, and its
// helpers are not in the library), so this target parses arguments with the
// command's own parser and makes the library calls its commands make:
//
//   * the numbers through CLI11, with the types and ranges the command
//     declares: `workdays add DATE N` (int32_t), `holidays YEAR` (int,
//     1900-2199) and `due --sw-report-working-days N` (int, 0-1000). (The
//     command also passes them through src/cli's Decimal(), which this
//     cannot reach: plain CLI11 reads 0x14 as 20 and 010 as 8.)
//   * the dates through Date::Parse (what src/cli's ParseDateArgument
//     wraps), the anchors of `due` through Moment::Parse;
//   * then the working-day arithmetic of `workdays add|between|is-working`,
//     the holidays of `holidays`, and the due dates of `due` on the built-in
//     England and Wales calendar.
//
// The input is one argument a line: a command (add, between, is-working,
// holidays, due) and its arguments, e.g. "add\n2024-12-20\n5\n". Beyond not
// crashing:
//
//   * a number written in plain decimal that CLI11 accepts is that number,
//     and CLI::Range lets nothing outside its range through;
//   * AddWorkingDays(d, n) lands on a working day n working days away
//     (WorkingDaysBetween agrees), and the Try and batch forms agree;
//   * WorkingDaysBetween(a, b) == -WorkingDaysBetween(b, a);
//   * a year's holidays lie in it, in order, each a non-working weekday;
//   * a due date's practical date is the last working day on or before the
//     legal one.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "fuzz/fuzz_check.h"
#include "timescales/calendar.h"
#include "timescales/date.h"
#include "timescales/due.h"
#include "timescales/moment.h"
#include "timescales/policy.h"
#include "timescales/rules.h"

namespace timescales {
namespace fuzz {
namespace {

const Calendar& EnglandAndWales() {
  static const Calendar* const calendar =
      new Calendar(*Calendar::EnglandAndWales());
  return *calendar;
}

// A number written in plain decimal ("-12", "7"; no leading zero, sign
// only '-'), as a user means it.
bool PlainDecimal(const std::string& text, int64_t* value) {
  absl::string_view digits = text;
  if (!digits.empty() && digits[0] == '-') digits.remove_prefix(1);
  if (digits.empty() || digits.size() > 18) return false;
  if (digits.size() > 1 && digits[0] == '0') return false;
  for (char c : digits) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return absl::SimpleAtoi(text, value);
}

void CheckNumber(const CLI::Option* option, int64_t parsed) {
  if (option->count() == 0) return;
  const std::string& text = option->results().back();
  int64_t value = 0;
  if (PlainDecimal(text, &value)) {
    Check(value == parsed,
          "CLI11 reads '" + Shown(text) + "' as " + std::to_string(parsed));
  }
}

void CheckAdd(const Calendar& cal, Date day, int32_t n) {
  for (Counting counting :
       {Counting::kStartExcluded, Counting::kStartIsDayOne}) {
    const absl::StatusOr<Date> due = cal.AddWorkingDays(day, n, counting);
    Date tried;
    const bool tried_ok = cal.TryAddWorkingDays(day, n, &tried, counting);
    Check(tried_ok == due.ok() && (!due.ok() || tried == *due),
          "TryAddWorkingDays disagrees with AddWorkingDays");
    int32_t batch_out[1] = {0};
    const int32_t batch_day[1] = {day.serial()};
    const int32_t batch_n[1] = {n};
    const absl::Status batch =
        cal.AddWorkingDaysBatch(batch_day, batch_n, batch_out, counting);
    Check(
        batch.ok() == due.ok() && (!due.ok() || batch_out[0] == due->serial()),
        "AddWorkingDaysBatch disagrees with AddWorkingDays");
    if (!due.ok()) {
      Check(due.status().code() == absl::StatusCode::kOutOfRange,
            "AddWorkingDays fails other than out of range: " +
                due.status().ToString());
      continue;
    }
    const bool day_one = counting == Counting::kStartIsDayOne;
    const std::string what = day.ToString() + (day_one ? " +1st " : " ") +
                             std::to_string(n) + " -> " + due->ToString();
    if (n == 0) {
      Check(*due == day, "adding 0 working days moves " + what);
      continue;
    }
    Check(*cal.IsWorkingDay(*due), "not a working day: " + what);
    // Under kStartIsDayOne a working day is its own day 1 (+1 or -1).
    Check(n > 0 ? (*due > day || (day_one && *due == day))
                : (*due < day || (day_one && *due == day)),
          "the wrong way: " + what);
    // WorkingDaysBetween counts (day, due], negated when due < day.
    const int32_t own = *cal.IsWorkingDay(day) ? 1 : 0;
    const int32_t expected =
        n > 0 ? (day_one ? n - own : n) : (day_one ? n + 1 : n + 1 - own);
    const int32_t counted = *cal.WorkingDaysBetween(day, *due);
    Check(counted == expected, "WorkingDaysBetween disagrees: " + what +
                                   " counts " + std::to_string(counted) +
                                   ", expected " + std::to_string(expected));
  }
}

void CheckBetween(const Calendar& cal, Date from, Date to) {
  const absl::StatusOr<int32_t> there = cal.WorkingDaysBetween(from, to);
  const absl::StatusOr<int32_t> back = cal.WorkingDaysBetween(to, from);
  Check(there.ok() == back.ok(), "WorkingDaysBetween fails one way only");
  if (!there.ok()) return;
  Check(*there == -*back, "WorkingDaysBetween is not antisymmetric: " +
                              from.ToString() + " " + to.ToString());
  const int64_t span = int64_t{to.serial()} - from.serial();
  Check(int64_t{*there} * span >= 0 && std::llabs(*there) <= std::llabs(span),
        "more working days than days between " + from.ToString() + " and " +
            to.ToString());
  int32_t tried = 0;
  Check(cal.TryWorkingDaysBetween(from, to, &tried) && tried == *there,
        "TryWorkingDaysBetween disagrees");
}

void CheckHolidays(const Calendar& cal, Date from, Date to) {
  const absl::StatusOr<std::vector<Holiday>> holidays =
      cal.HolidaysBetween(from, to);
  if (!holidays.ok()) return;
  for (size_t i = 0; i < holidays->size(); ++i) {
    const Holiday& h = (*holidays)[i];
    Check(from <= h.date && h.date <= to, "a holiday outside the range");
    Check(i == 0 || (*holidays)[i - 1].date < h.date, "holidays out of order");
    Check(!h.date.is_weekend() && !*cal.IsWorkingDay(h.date),
          "a holiday that is a weekend or a working day: " + h.date.ToString());
  }
}

void CheckDue(const std::string& rule_id, const Moment& anchor, int sw_days) {
  Policy policy;
  if (sw_days >= 0) {
    policy.sw_report = SwReportRule::kWorkingDaysBefore;
    policy.sw_report_working_days = sw_days;
  }
  const Timescales ts(EnglandAndWales(), RuleCatalogue::Builtin(), policy);
  const absl::StatusOr<DueDate> due = ts.Due(rule_id, anchor);
  if (!due.ok()) return;
  const absl::StatusOr<Date> practical =
      ts.calendar().Adjust(due->legal_due.date, Roll::kPreceding);
  if (!practical.ok()) return;  // at the start of the supported range
  Check(*practical == due->practical_due,
        "the practical due date is not the last working day on or before " +
            due->legal_due.ToString());
  Check(!due->Explain().empty(), "no explanation");
}

void Run(absl::string_view input) {
  std::vector<std::string> args = absl::StrSplit(input, '\n');
  if (args.size() > 8) return;
  CLI::App app("timescales (fuzz)", "timescales");
  app.require_subcommand(1, 1);

  std::string date;
  std::string other;
  int32_t n = 0;
  CLI::App* add = app.add_subcommand("add");
  add->add_option("date", date)->required();
  CLI::Option* n_option = add->add_option("n", n)->required();
  CLI::App* between = app.add_subcommand("between");
  between->add_option("from", date)->required();
  between->add_option("to", other)->required();
  CLI::App* is_working = app.add_subcommand("is-working");
  is_working->add_option("date", date)->required();
  int year = 0;
  CLI::App* holidays = app.add_subcommand("holidays");
  CLI::Option* year_option =
      holidays->add_option("year", year)->check(CLI::Range(1900, 2199));
  holidays->add_option("--from", date)->excludes(year_option);
  holidays->add_option("--to", other)->excludes(year_option);
  std::string rule;
  int sw_days = -1;
  CLI::App* due = app.add_subcommand("due");
  due->add_option("rule", rule)->required();
  due->add_option("anchor", other)->required();
  CLI::Option* sw_option = due->add_option("--sw-report-working-days", sw_days)
                               ->check(CLI::Range(0, 1000));

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::Error&) {
    return;  // a usage error: exit status 2
  }
  const Calendar& cal = EnglandAndWales();
  CheckNumber(n_option, n);
  CheckNumber(year_option, year);
  CheckNumber(sw_option, sw_days);
  if (add->parsed()) {
    const absl::StatusOr<Date> day = Date::Parse(date);
    if (day.ok()) CheckAdd(cal, *day, n);
  } else if (between->parsed()) {
    const absl::StatusOr<Date> from = Date::Parse(date);
    const absl::StatusOr<Date> to = Date::Parse(other);
    if (from.ok() && to.ok()) CheckBetween(cal, *from, *to);
  } else if (is_working->parsed()) {
    const absl::StatusOr<Date> day = Date::Parse(date);
    if (day.ok()) {
      const absl::StatusOr<bool> working = cal.IsWorkingDay(*day);
      Check(working.ok(), "IsWorkingDay fails on a parsed date");
      Check(!(*working && day->is_weekend()), "a weekend working day");
      Check(
          *working == (cal.FindHoliday(*day) == nullptr && !day->is_weekend()),
          "FindHoliday disagrees with IsWorkingDay on " + day->ToString());
    }
  } else if (holidays->parsed()) {
    if (year_option->count() > 0) {
      Check(year >= 1900 && year <= 2199, "CLI::Range let a year through");
      CheckHolidays(cal, *Date::FromYmd(year, 1, 1),
                    *Date::FromYmd(year, 12, 31));
    } else if (!date.empty() && !other.empty()) {
      const absl::StatusOr<Date> from = Date::Parse(date);
      const absl::StatusOr<Date> to = Date::Parse(other);
      if (from.ok() && to.ok() && *from <= *to) CheckHolidays(cal, *from, *to);
    }
  } else if (due->parsed()) {
    if (sw_option->count() > 0) {
      Check(sw_days >= 0 && sw_days <= 1000, "CLI::Range let a count through");
    }
    const absl::StatusOr<Moment> anchor = Moment::Parse(other);
    if (anchor.ok()) CheckDue(rule, *anchor, sw_days);
  }
}

}  // namespace
}  // namespace fuzz
}  // namespace timescales

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  timescales::fuzz::Run(
      absl::string_view(reinterpret_cast<const char*>(bytes), size));
  return 0;
}
