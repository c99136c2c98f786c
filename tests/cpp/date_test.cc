// Tests of timescales::Date and calendar-month arithmetic.
//
// Expected dates come from docs/conventions.md#worked-examples (hand-checked
// worked examples) and from brute-force references that walk the calendar one
// day at a time, independently of the serial-day formulas under test.

#include "timescales/date.h"

#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/status_matchers.h"

namespace timescales {
namespace {

using ::testing::HasSubstr;
using ::timescales::testing::IsOk;
using ::timescales::testing::IsOkAndHolds;
using ::timescales::testing::StatusIs;

Date D(int y, int m, int d) {
  absl::StatusOr<Date> date = Date::FromYmd(y, m, d);
  EXPECT_THAT(date, IsOk()) << y << "-" << m << "-" << d;
  return date.ok() ? *date : Date();
}

// A naive civil calendar stepped one day at a time: the reference for the
// serial-day conversions.
struct NaiveDay {
  int year;
  int month;
  int day;
  void Next() {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int last = month == 2 && leap ? 29 : kDays[month - 1];
    if (++day > last) {
      day = 1;
      if (++month > 12) {
        month = 1;
        ++year;
      }
    }
  }
};

TEST(Date, EpochAndRangeEnds) {
  EXPECT_EQ(D(1970, 1, 1).serial(), 0);
  EXPECT_EQ(D(1900, 1, 1), kMinDate);
  EXPECT_EQ(D(2199, 12, 31), kMaxDate);
  EXPECT_EQ(Date::FromSerial(18283).ToString(), "2020-01-22");
}

TEST(Date, SerialRoundTripMatchesNaiveCalendarOverWholeRange) {
  NaiveDay naive{1900, 1, 1};
  int iso_weekday = 1;  // 1 Jan 1900 was a Monday
  for (int32_t s = kMinDate.serial(); s <= kMaxDate.serial(); ++s) {
    const Date date = Date::FromSerial(s);
    ASSERT_EQ(date.year(), naive.year) << s;
    ASSERT_EQ(date.month(), naive.month) << s;
    ASSERT_EQ(date.day(), naive.day) << s;
    ASSERT_EQ(static_cast<int>(date.weekday()), iso_weekday) << s;
    ASSERT_THAT(Date::FromYmd(naive.year, naive.month, naive.day),
                IsOkAndHolds(date));
    naive.Next();
    iso_weekday = iso_weekday % 7 + 1;
  }
}

TEST(Date, FromYmdRejectsImpossibleDays) {
  EXPECT_THAT(Date::FromYmd(2020, 2, 30),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("2020-02-30 is not a date")));
  EXPECT_THAT(Date::FromYmd(2023, 2, 29),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Date::FromYmd(2024, 2, 29), IsOk());
  EXPECT_THAT(Date::FromYmd(2100, 2, 29),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Date::FromYmd(2000, 2, 29), IsOk());
  EXPECT_THAT(Date::FromYmd(2020, 13, 1),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Date::FromYmd(2020, 0, 1),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Date::FromYmd(2020, 4, 31),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Date::FromYmd(-5, 1, 1),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(Date, FromYmdRejectsDatesOutsideTheRange) {
  EXPECT_THAT(Date::FromYmd(1899, 12, 31),
              StatusIs(absl::StatusCode::kOutOfRange,
                       HasSubstr("1900-01-01 to 2199-12-31")));
  EXPECT_THAT(Date::FromYmd(2200, 1, 1),
              StatusIs(absl::StatusCode::kOutOfRange));
}

TEST(Date, ParsesIsoAndDfeShapes) {
  EXPECT_THAT(Date::Parse("2019-12-20"), IsOkAndHolds(D(2019, 12, 20)));
  EXPECT_THAT(Date::Parse("20/12/2019"), IsOkAndHolds(D(2019, 12, 20)));
  EXPECT_THAT(Date::Parse("  1/4/2019 "), IsOkAndHolds(D(2019, 4, 1)));
  EXPECT_THAT(Date::Parse("2019-12-20", DateFormat::kIso),
              IsOkAndHolds(D(2019, 12, 20)));
  EXPECT_THAT(
      Date::Parse("20/12/2019", DateFormat::kIso),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("yyyy-mm-dd")));
  EXPECT_THAT(
      Date::Parse("2019-12-20", DateFormat::kDmy),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("dd/mm/yyyy")));
}

TEST(Date, ParseErrorsQuoteTheText) {
  EXPECT_THAT(Date::Parse("31/02/2020"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("'31/02/2020' is not a date")));
  for (const char* bad :
       {"", "2019", "2019-1-20", "20-12-2019", "2019/12/20", "2019-12-20T10:00",
        "x2019-12-20", "20/12/19", "2019-12-2a", "１９９９-01-01"}) {
    EXPECT_THAT(Date::Parse(bad), StatusIs(absl::StatusCode::kInvalidArgument))
        << bad;
  }
  EXPECT_THAT(Date::Parse("31/12/1899"),
              StatusIs(absl::StatusCode::kOutOfRange));
}

TEST(Date, FormatsIsoAndLongForms) {
  EXPECT_EQ(D(2020, 1, 22).ToString(), "2020-01-22");
  EXPECT_EQ(D(2020, 1, 22).ToLongString(), "Wed 22 Jan 2020");
  EXPECT_EQ(D(1900, 1, 1).ToLongString(), "Mon 1 Jan 1900");
  EXPECT_EQ(D(2199, 12, 31).ToString(), "2199-12-31");
}

TEST(Date, LeapYearsAndMonthLengths) {
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_FALSE(IsLeapYear(2100));
  EXPECT_FALSE(IsLeapYear(2023));
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(2023, 4), 30);
  EXPECT_EQ(DaysInMonth(2023, 12), 31);
  EXPECT_EQ(DaysInMonth(2023, 13), 0);
}

TEST(AddDays, PlainCalendarDays) {
  // docs/conventions.md#worked-examples (example 27): placement Sun 1 Sep 2024
  // -> visit by Sun 8 Sep.
  EXPECT_THAT(AddDays(D(2024, 9, 1), 7), IsOkAndHolds(D(2024, 9, 8)));
  EXPECT_THAT(AddDays(D(2024, 9, 6), 42), IsOkAndHolds(D(2024, 10, 18)));
  EXPECT_THAT(AddWeeks(D(2024, 9, 6), 6), IsOkAndHolds(D(2024, 10, 18)));
  EXPECT_THAT(AddDays(D(2024, 3, 1), -1), IsOkAndHolds(D(2024, 2, 29)));
  EXPECT_THAT(AddDays(kMaxDate, 1), StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(AddDays(kMinDate, -1), StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(AddWeeks(kMinDate, INT32_MAX),
              StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(AddDays(Date::FromSerial(INT32_MAX), 0),
              StatusIs(absl::StatusCode::kOutOfRange));
}

struct MonthCase {
  Date from;
  int months;
  Date expected;
};

class CorrespondingDateTest : public ::testing::TestWithParam<MonthCase> {};

TEST_P(CorrespondingDateTest, MatchesWorkedExample) {
  const MonthCase& c = GetParam();
  EXPECT_THAT(AddMonths(c.from, c.months), IsOkAndHolds(c.expected));
}

// docs/conventions.md#worked-examples (examples 2-7) and the Boost end-of-month
// trap.
INSTANTIATE_TEST_SUITE_P(
    WorkedExamples, CorrespondingDateTest,
    ::testing::Values(
        MonthCase{D(2020, 1, 22), 3, D(2020, 4, 22)},
        MonthCase{D(2020, 4, 22), 6, D(2020, 10, 22)},
        MonthCase{D(2020, 1, 10), 3, D(2020, 4, 10)},
        MonthCase{D(2021, 8, 31), 6, D(2022, 2, 28)},
        MonthCase{D(2023, 8, 31), 6, D(2024, 2, 29)},
        MonthCase{D(2024, 2, 29), 6, D(2024, 8, 29)},
        MonthCase{D(2023, 11, 30), 3, D(2024, 2, 29)},
        MonthCase{D(2024, 2, 28), 6, D(2024, 8, 28)},
        MonthCase{D(2024, 1, 15), 3, D(2024, 4, 15)},
        MonthCase{D(2019, 10, 31), 6, D(2020, 4, 30)},
        MonthCase{D(2024, 5, 31), 3, D(2024, 8, 31)},
        MonthCase{D(2024, 4, 30), 1, D(2024, 5, 30)},  // not Boost's 31 May
        MonthCase{D(2023, 9, 30), 4, D(2024, 1, 30)},  // Dodds v Walker
        MonthCase{D(2024, 3, 31), -1, D(2024, 2, 29)},
        MonthCase{D(2024, 1, 31), -2, D(2023, 11, 30)},
        MonthCase{D(2024, 1, 15), 0, D(2024, 1, 15)},
        MonthCase{D(2199, 7, 31), 5, D(2199, 12, 31)}));

TEST(AddMonths, DriftFromActualDatesDiffersFromDirectOffset) {
  // Chained from the actual review (docs/conventions.md#worked-examples
  // (example 5)), not +12 months.
  absl::StatusOr<Date> first = AddMonths(D(2023, 8, 31), 6);
  ASSERT_THAT(first, IsOk());
  EXPECT_THAT(AddMonths(*first, 6), IsOkAndHolds(D(2024, 8, 29)));
  EXPECT_THAT(AddMonths(D(2023, 8, 31), 12), IsOkAndHolds(D(2024, 8, 31)));
}

TEST(AddMonths, OutOfRange) {
  EXPECT_THAT(AddMonths(D(2199, 12, 1), 1),
              StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(AddMonths(D(1900, 1, 31), -1),
              StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(AddMonths(D(2000, 1, 1), INT32_MAX),
              StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(AddMonths(D(2000, 1, 1), INT32_MIN),
              StatusIs(absl::StatusCode::kOutOfRange));
}

TEST(AddMonths, DayBeforeCorrespondingDate) {
  const MonthConvention c = MonthConvention::kDayBeforeCorrespondingDate;
  EXPECT_THAT(AddMonths(D(2024, 1, 15), 3, c), IsOkAndHolds(D(2024, 4, 14)));
  // No 31 Feb: the last day of February either way.
  EXPECT_THAT(AddMonths(D(2023, 8, 31), 6, c), IsOkAndHolds(D(2024, 2, 29)));
  EXPECT_THAT(AddMonths(D(2024, 3, 1), 1, c), IsOkAndHolds(D(2024, 3, 31)));
  EXPECT_THAT(AddMonths(D(2024, 4, 15), -3, c), IsOkAndHolds(D(2024, 1, 16)));
  EXPECT_THAT(AddMonths(D(2024, 1, 15), 0, c), IsOkAndHolds(D(2024, 1, 15)));
}

TEST(AddMonths, FixedDays) {
  const MonthConvention c = MonthConvention::kFixedDays;
  EXPECT_THAT(AddMonths(D(2020, 1, 22), 3, c), IsOkAndHolds(D(2020, 4, 22)));
  EXPECT_THAT(AddMonths(D(2021, 1, 22), 3, c), IsOkAndHolds(D(2021, 4, 23)));
  EXPECT_THAT(AddMonths(D(2021, 1, 1), 6, c), IsOkAndHolds(D(2021, 7, 3)));
  EXPECT_THAT(AddMonths(D(2021, 1, 1), 12, c), IsOkAndHolds(D(2022, 1, 1)));
  EXPECT_THAT(AddMonths(D(2021, 4, 2), -3, c), IsOkAndHolds(D(2021, 1, 1)));
}

// The brute-force reference for corresponding-date months: walk forward one
// day at a time, counting month changes, then clamp.
Date NaiveAddMonths(Date from, int months) {
  NaiveDay walk{from.year(), from.month(), 1};
  int32_t serial = from.serial() - (from.day() - 1);
  int seen = 0;
  while (seen < months) {
    const int month = walk.month;
    walk.Next();
    ++serial;
    if (walk.month != month) ++seen;
  }
  // `walk` is the 1st of the target month: step to min(day, month length).
  int target_day = 1;
  while (target_day < from.day()) {
    NaiveDay probe = walk;
    probe.Next();
    if (probe.month != walk.month) break;
    walk = probe;
    ++serial;
    ++target_day;
  }
  return Date::FromSerial(serial);
}

TEST(AddMonths, MatchesDayWalkingReferenceOverEveryDay1990To2040) {
  const std::vector<int> month_counts = {1, 2, 3, 6, 12, 18, 24};
  for (int32_t s = D(1990, 1, 1).serial(); s <= D(2040, 12, 31).serial(); ++s) {
    const Date from = Date::FromSerial(s);
    for (int months : month_counts) {
      absl::StatusOr<Date> fast = AddMonths(from, months);
      ASSERT_THAT(fast, IsOk());
      ASSERT_EQ(*fast, NaiveAddMonths(from, months))
          << from << " + " << months << " months";
      // Backwards agrees with the forward walk from the month before.
      if (fast->day() == from.day()) {
        ASSERT_THAT(AddMonths(*fast, -months), IsOkAndHolds(from));
      }
    }
  }
}

TEST(Date, ComparesAndStreams) {
  EXPECT_LT(D(2020, 1, 1), D(2020, 1, 2));
  EXPECT_GE(D(2020, 1, 2), D(2020, 1, 2));
  EXPECT_NE(D(2020, 1, 1), D(2020, 1, 2));
  std::ostringstream os;
  os << D(2020, 1, 22);
  EXPECT_EQ(os.str(), "2020-01-22");
  EXPECT_EQ(WeekdayName(Weekday::kSunday), "Sun");
  EXPECT_EQ(MonthName(9), "Sep");
}

}  // namespace
}  // namespace timescales
