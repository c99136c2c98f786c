// File: kpi/period.cc

#include "timescales/period.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "base/excerpt.h"

TSC_NAMESPACE_BEGIN
namespace {

absl::Status Unreadable(absl::string_view text) {
  return absl::InvalidArgumentError(absl::StrFormat(
      "'%s' is not a reporting period (expected 2019-20, 2019-20-Q3, "
      "2019-10 or 2019-04-01..2020-03-31)",
      internal::Excerpt(text)));
}

bool ParseInt(absl::string_view text, size_t digits, int* out) {
  return text.size() == digits && absl::SimpleAtoi(text, out) &&
         text.find_first_not_of("0123456789") == absl::string_view::npos;
}

std::string FinancialYearLabel(int first_year) {
  return absl::StrFormat("%04d-%02d", first_year, (first_year + 1) % 100);
}

// The financial year holding `day`: April to March.
int FinancialYearOf(Date day) {
  return day.month() >= 4 ? day.year() : day.year() - 1;
}

absl::StatusOr<ReportingPeriod> FinancialYear(int first_year) {
  absl::StatusOr<Date> start = Date::FromYmd(first_year, 4, 1);
  absl::StatusOr<Date> end = Date::FromYmd(first_year + 1, 3, 31);
  if (!start.ok()) return start.status();
  if (!end.ok()) return end.status();
  return ReportingPeriod{*start, *end, PeriodShape::kFinancialYear,
                         FinancialYearLabel(first_year)};
}

absl::StatusOr<ReportingPeriod> Quarter(int first_year, int quarter) {
  // Q1 = Apr-Jun ... Q4 = Jan-Mar of the following calendar year.
  const int month = (quarter - 1) * 3 + 4;
  const int year = month > 12 ? first_year + 1 : first_year;
  const int first_month = month > 12 ? month - 12 : month;
  absl::StatusOr<Date> start = Date::FromYmd(year, first_month, 1);
  if (!start.ok()) return start.status();
  absl::StatusOr<Date> end =
      Date::FromYmd(year, first_month + 2, DaysInMonth(year, first_month + 2));
  if (!end.ok()) return end.status();
  return ReportingPeriod{
      *start, *end, PeriodShape::kQuarter,
      absl::StrFormat("%s-Q%d", FinancialYearLabel(first_year), quarter)};
}

absl::StatusOr<ReportingPeriod> Month(int year, int month) {
  absl::StatusOr<Date> start = Date::FromYmd(year, month, 1);
  if (!start.ok()) return start.status();
  absl::StatusOr<Date> end =
      Date::FromYmd(year, month, DaysInMonth(year, month));
  if (!end.ok()) return end.status();
  return ReportingPeriod{*start, *end, PeriodShape::kMonth,
                         absl::StrFormat("%04d-%02d", year, month)};
}

}  // namespace

absl::StatusOr<ReportingPeriod> ReportingPeriod::Range(Date start, Date end) {
  if (end < start) {
    return absl::InvalidArgumentError(
        absl::StrFormat("the period ends (%s) before it starts (%s)",
                        end.ToString(), start.ToString()));
  }
  return ReportingPeriod{
      start, end, PeriodShape::kRange,
      absl::StrFormat("%s..%s", start.ToString(), end.ToString())};
}

absl::StatusOr<ReportingPeriod> ReportingPeriod::Parse(absl::string_view text) {
  const absl::string_view t = absl::StripAsciiWhitespace(text);
  const size_t dots = t.find("..");
  if (dots != absl::string_view::npos) {
    absl::StatusOr<Date> start = Date::Parse(t.substr(0, dots));
    absl::StatusOr<Date> end = Date::Parse(t.substr(dots + 2));
    if (!start.ok()) return start.status();
    if (!end.ok()) return end.status();
    return Range(*start, *end);
  }
  const std::vector<absl::string_view> parts = absl::StrSplit(t, '-');
  int year = 0;
  int second = 0;
  if (parts.size() < 2 || parts.size() > 3 || !ParseInt(parts[0], 4, &year) ||
      !ParseInt(parts[1], 2, &second)) {
    return Unreadable(text);
  }
  if (parts.size() == 3) {
    int quarter = 0;
    if (parts[2].size() != 2 || (parts[2][0] != 'Q' && parts[2][0] != 'q') ||
        !ParseInt(parts[2].substr(1), 1, &quarter) || quarter < 1 ||
        quarter > 4 || second != (year + 1) % 100) {
      return Unreadable(text);
    }
    return Quarter(year, quarter);
  }
  // `2019-20` (the second part is the next year's last two digits) or
  // `2019-10` (a month). 2019-20 cannot be a month, and 2011-12 is read as
  // the financial year, as councils write it.
  if (second == (year + 1) % 100) return FinancialYear(year);
  if (second >= 1 && second <= 12) return Month(year, second);
  return Unreadable(text);
}

absl::StatusOr<ReportingPeriod> ReportingPeriod::Previous() const {
  switch (shape) {
    case PeriodShape::kFinancialYear:
      return FinancialYear(FinancialYearOf(start) - 1);
    case PeriodShape::kQuarter: {
      const int first_year = FinancialYearOf(start);
      const int quarter = (start.month() + 8) % 12 / 3 + 1;
      return quarter == 1 ? Quarter(first_year - 1, 4)
                          : Quarter(first_year, quarter - 1);
    }
    case PeriodShape::kMonth:
      return start.month() == 1 ? Month(start.year() - 1, 12)
                                : Month(start.year(), start.month() - 1);
    case PeriodShape::kRange: {
      const int32_t days = end.serial() - start.serial() + 1;
      absl::StatusOr<Date> new_end = AddDays(start, -1);
      if (!new_end.ok()) return new_end.status();
      absl::StatusOr<Date> new_start = AddDays(start, -days);
      if (!new_start.ok()) return new_start.status();
      return Range(*new_start, *new_end);
    }
  }
  return Range(start, end);
}

std::vector<ReportingPeriod> ReportingPeriod::Months() const {
  std::vector<ReportingPeriod> out;
  int year = start.year();
  int month = start.month();
  for (;;) {
    absl::StatusOr<ReportingPeriod> m = Month(year, month);
    if (!m.ok() || m->start > end) break;
    if (m->start < start) m->start = start;
    if (m->end > end) m->end = end;
    out.push_back(*std::move(m));
    if (++month > 12) {
      month = 1;
      ++year;
    }
  }
  return out;
}

TSC_NAMESPACE_END
