// File: calendar/england_and_wales_rules.cc
//
// The standing rules of England and Wales bank holidays
// (docs/conventions.md#standing-rules): the Banking and Financial Dealings Act
// 1971 Sch 1, the annual Royal Proclamations for New Year's Day (since 1974)
// and the early May Monday (since 1978), and the common-law Good Friday and
// Christmas Day. Used only where no published table exists: one-off and moved
// days belong in data.

#include <string>

#include "calendar/boost_adapt.h"
#include "calendar/civil.h"
#include "calendar/england_and_wales.h"

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

constexpr int kMonday = 1;
constexpr int kSaturday = 6;
constexpr int kSunday = 7;

void Add(std::vector<Holiday>* out, int32_t serial, const char* name,
         HolidayKind kind) {
  out->push_back(Holiday{Date::FromSerial(serial), name, kind, false});
}

// 25 and 26 December with their weekend substitutes
// (docs/conventions.md#substitute-days): 25 Sat/26 Sun -> Mon 27 & Tue 28; 25
// Sun/26 Mon -> Mon 26 & Tue 27; 25 Fri/26 Sat -> Fri 25 & Mon 28.
void AddChristmas(std::vector<Holiday>* out, int year) {
  const int32_t christmas = DaysFromCivil(year, 12, 25);
  switch (IsoWeekday(christmas)) {
    case kSaturday:
      Add(out, christmas + 2, "Christmas Day", HolidayKind::kSubstitute);
      Add(out, christmas + 3, "Boxing Day", HolidayKind::kSubstitute);
      break;
    case kSunday:
      Add(out, christmas + 1, "Boxing Day", HolidayKind::kBankHoliday);
      Add(out, christmas + 2, "Christmas Day", HolidayKind::kSubstitute);
      break;
    case kSaturday - 1:  // Friday: Boxing Day falls on Saturday
      Add(out, christmas, "Christmas Day", HolidayKind::kBankHoliday);
      Add(out, christmas + 3, "Boxing Day", HolidayKind::kSubstitute);
      break;
    default:
      Add(out, christmas, "Christmas Day", HolidayKind::kBankHoliday);
      Add(out, christmas + 1, "Boxing Day", HolidayKind::kBankHoliday);
      break;
  }
}

void AddNewYear(std::vector<Holiday>* out, int year) {
  const int32_t new_year = DaysFromCivil(year, 1, 1);
  const int weekday = IsoWeekday(new_year);
  if (weekday == kSaturday) {
    Add(out, new_year + 2, "New Year’s Day", HolidayKind::kSubstitute);
  } else if (weekday == kSunday) {
    Add(out, new_year + 1, "New Year’s Day", HolidayKind::kSubstitute);
  } else {
    Add(out, new_year, "New Year’s Day", HolidayKind::kBankHoliday);
  }
}

}  // namespace

HolidayKind KindFromGovUkNotes(absl::string_view notes) noexcept {
  if (notes == "Substitute day") return HolidayKind::kSubstitute;
  if (notes == "Extra bank holiday") return HolidayKind::kExtra;
  return HolidayKind::kBankHoliday;
}

int32_t EasterSunday(int year) noexcept {
  // The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return DaysFromCivil(year, month, day);
}

std::vector<Holiday> EnglandAndWalesRuleHolidays(int year) {
  std::vector<Holiday> out;
  const int32_t easter = EasterSunday(year);
  if (year >= 1974) AddNewYear(&out, year);
  Add(&out, easter - 2, "Good Friday", HolidayKind::kBankHoliday);
  Add(&out, easter + 1, "Easter Monday", HolidayKind::kBankHoliday);
  if (year >= 1978) {
    Add(&out, NthWeekdayOfMonth(year, 5, kMonday, 1), "Early May bank holiday",
        HolidayKind::kBankHoliday);
  }
  if (year >= 1965) {
    // Last Mondays of May and August: by proclamation from 1965, by the 1971
    // Act from 1971.
    Add(&out, LastWeekdayOfMonth(year, 5, kMonday), "Spring bank holiday",
        HolidayKind::kBankHoliday);
    Add(&out, LastWeekdayOfMonth(year, 8, kMonday), "Summer bank holiday",
        HolidayKind::kBankHoliday);
  } else {
    // Bank Holidays Act 1871: Whit Monday and the first Monday in August.
    Add(&out, easter + 50, "Whit Monday", HolidayKind::kBankHoliday);
    Add(&out, NthWeekdayOfMonth(year, 8, kMonday, 1), "August bank holiday",
        HolidayKind::kBankHoliday);
  }
  if (year == 1977) {
    Add(&out, DaysFromCivil(1977, 6, 7), "Queen’s Silver Jubilee",
        HolidayKind::kExtra);
  }
  if (year == 1981) {
    Add(&out, DaysFromCivil(1981, 7, 29),
        "Royal wedding (Prince Charles and Lady Diana Spencer)",
        HolidayKind::kExtra);
  }
  if (year >= 1971) {
    AddChristmas(&out, year);
  } else {
    // Before 1971: Christmas Day (common law) and Boxing Day, moved to the
    // 27th when the 26th is a Sunday (1871 Act).
    const int32_t christmas = DaysFromCivil(year, 12, 25);
    Add(&out, christmas, "Christmas Day", HolidayKind::kBankHoliday);
    const int32_t boxing = christmas + 1;
    if (IsoWeekday(boxing) == kSunday) {
      Add(&out, boxing + 1, "Boxing Day", HolidayKind::kSubstitute);
    } else {
      Add(&out, boxing, "Boxing Day", HolidayKind::kBankHoliday);
    }
  }
  // Weekend days are not working days anyway: keep only weekdays, as GOV.UK.
  std::vector<Holiday> weekdays;
  for (Holiday& h : out) {
    if (!h.date.is_weekend()) weekdays.push_back(std::move(h));
  }
  return weekdays;
}

}  // namespace internal
TSC_NAMESPACE_END
