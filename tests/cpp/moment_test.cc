// Tests of Moment: parsing and formatting dates and date-times, and
// AddHoursLondon's elapsed hours across the Europe/London clock changes
// (checked against absl's time zone arithmetic).

#include "timescales/moment.h"

#include <cstdint>
#include <utility>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"
#include "timescales/due.h"

namespace timescales {
namespace {

using ::testing::HasSubstr;
using ::timescales::testing::At;
using ::timescales::testing::D;
using ::timescales::testing::IsOk;
using ::timescales::testing::IsOkAndHolds;
using ::timescales::testing::On;
using ::timescales::testing::StatusIs;
using ::timescales::testing::TS;

// ---- Moments and clock changes
// -----------------------------------------------

TEST(Moment, ParsesDatesAndDateTimes) {
  EXPECT_THAT(Moment::Parse("2019-06-03"), IsOkAndHolds(On(2019, 6, 3)));
  EXPECT_THAT(Moment::Parse("2019-06-03T10:30"),
              IsOkAndHolds(At(2019, 6, 3, 10, 30)));
  EXPECT_THAT(Moment::Parse("03/06/2019 10:30"),
              IsOkAndHolds(At(2019, 6, 3, 10, 30)));
  EXPECT_THAT(Moment::Parse("2019-06-03 10:30:59"),
              IsOkAndHolds(At(2019, 6, 3, 10, 30)));
  EXPECT_THAT(Moment::Parse("2019-06-03T24:00"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Moment::Parse("2019-06-03T10"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Moment::Parse("2019-06-31T10:00"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("'2019-06-31T10:00'")));
  EXPECT_EQ(At(2019, 6, 3, 9, 5).ToString(), "2019-06-03T09:05");
  EXPECT_EQ(At(2019, 6, 3, 9, 5).ToLongString(), "09:05 Mon 3 Jun 2019");
}

struct HourCase {
  const char* what;
  Moment review;
  Moment expected;
};

class ClockChangeTest : public ::testing::TestWithParam<HourCase> {};

TEST_P(ClockChangeTest, TwentyFourElapsedHoursBefore) {
  const HourCase& c = GetParam();
  EXPECT_THAT(AddHoursLondon(c.review, -24), IsOkAndHolds(c.expected))
      << c.what;
  absl::StatusOr<DueDate> due = TS().Due("lac.sw_report", c.review);
  ASSERT_THAT(due, IsOk());
  EXPECT_EQ(due->legal_due, c.expected) << c.what;
}

INSTANTIATE_TEST_SUITE_P(
    EuropeLondon, ClockChangeTest,
    ::testing::Values(
        // docs/conventions.md#hours: a review at 10:00 on Sun 27 Oct 2024
        // (GMT).
        HourCase{"autumn Sunday", At(2024, 10, 27, 10, 0),
                 At(2024, 10, 26, 11, 0)},
        HourCase{"autumn Monday", At(2024, 10, 28, 10, 0),
                 At(2024, 10, 27, 10, 0)},
        HourCase{"spring Sunday", At(2024, 3, 31, 10, 0),
                 At(2024, 3, 30, 9, 0)},
        HourCase{"spring Monday", At(2024, 4, 1, 10, 0),
                 At(2024, 3, 31, 10, 0)},
        HourCase{"no change", At(2024, 1, 2, 10, 0), At(2024, 1, 1, 10, 0)},
        HourCase{"midnight", At(2024, 6, 5, 0, 0), At(2024, 6, 4, 0, 0)}));

// AddHoursLondon against absl's time zone arithmetic done the long way,
// every 97 minutes through years with both clock changes, a year before
// 1916 (no summer time then) and one far ahead.
TEST(Moment, AddHoursLondonMatchesTheTimeZoneEverywhere) {
  absl::TimeZone london;
  ASSERT_TRUE(absl::LoadTimeZone("Europe/London", &london));
  auto reference = [&](const Moment& m, int hours) {
    const absl::CivilMinute local(m.date.year(), m.date.month(), m.date.day(),
                                  *m.minute_of_day / 60, *m.minute_of_day % 60);
    const absl::CivilMinute result =
        absl::ToCivilMinute(london.At(local).pre + absl::Hours(hours), london);
    return Moment{*Date::FromYmd(static_cast<int>(result.year()),
                                 result.month(), result.day()),
                  result.hour() * 60 + result.minute()};
  };
  int checked = 0;
  for (const auto& [from, to] : {std::pair{D(2018, 1, 1), D(2025, 12, 31)},
                                 std::pair{D(1905, 1, 1), D(1905, 12, 31)},
                                 std::pair{D(2150, 1, 1), D(2150, 12, 31)}}) {
    for (int64_t minute = int64_t{from.serial()} * 1440;
         minute <= int64_t{to.serial()} * 1440; minute += 97) {
      const Moment m{Date::FromSerial(static_cast<int32_t>(minute / 1440)),
                     static_cast<int>(minute % 1440)};
      for (const int hours : {-48, -24, -1, 1, 24, 48}) {
        ASSERT_THAT(AddHoursLondon(m, hours), IsOkAndHolds(reference(m, hours)))
            << m.ToString() << " " << hours << " hours";
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 250000);
}

}  // namespace
}  // namespace timescales
