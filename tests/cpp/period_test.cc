// Tests of ReportingPeriod: financial years, quarters, months and date
// ranges, their predecessors and months, and the shapes refused.

#include "timescales/period.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"

namespace timescales {
namespace {

using ::timescales::testing::D;
using ::timescales::testing::StatusIs;

ReportingPeriod P(const char* text) { return *ReportingPeriod::Parse(text); }

// ---- Periods
// ------------------------------------------------------------------

TEST(ReportingPeriod, ParsesEveryShapeAndKnowsItsPredecessor) {
  EXPECT_EQ(P("2019-20").start, D(2019, 4, 1));
  EXPECT_EQ(P("2019-20").end, D(2020, 3, 31));
  EXPECT_EQ(P("2019-20").Previous()->label, "2018-19");
  EXPECT_EQ(P("2019-20-Q3").start, D(2019, 10, 1));
  EXPECT_EQ(P("2019-20-Q3").end, D(2019, 12, 31));
  EXPECT_EQ(P("2019-20-Q4").start, D(2020, 1, 1));
  EXPECT_EQ(P("2019-20-Q1").Previous()->label, "2018-19-Q4");
  EXPECT_EQ(P("2019-20-Q4").Previous()->label, "2019-20-Q3");
  EXPECT_EQ(P("2020-02").end, D(2020, 2, 29));
  EXPECT_EQ(P("2020-01").Previous()->label, "2019-12");
  const ReportingPeriod range = P("2019-04-10..2019-04-19");
  EXPECT_EQ(range.Previous()->start, D(2019, 3, 31));
  EXPECT_EQ(range.Previous()->end, D(2019, 4, 9));
  EXPECT_EQ(P("2019-20").Months().size(), 12u);
  EXPECT_EQ(P("2019-20").Months()[0].label, "2019-04");
  EXPECT_EQ(range.Months().size(), 1u);
  EXPECT_EQ(range.Months()[0].start, D(2019, 4, 10));
  for (const char* bad : {"2019", "2019-21", "2019-13", "2019-20-Q5",
                          "2019-20-Q", "2020-01-01..2019-01-01", "x"}) {
    EXPECT_THAT(ReportingPeriod::Parse(bad),
                StatusIs(absl::StatusCode::kInvalidArgument))
        << bad;
  }
}

}  // namespace
}  // namespace timescales
