// The C++ names replaced in 0.2 still compile and mean the same until 0.3.

#include <vector>

#include "gtest/gtest.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"
#include "timescales/schedule.h"

// The point of this file is to use them.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace timescales {
namespace {

using ::timescales::testing::D;
using ::timescales::testing::IsOk;
using ::timescales::testing::TS;

TEST(DeprecatedNames, ChainNamesAreTheScheduleNames) {
  // docs/conventions.md#worked-examples 1, 2a, 2b: start 20 Dec 2019,
  // reviews 22 Jan and 23 Apr 2020 -> due 22 Jan, 22 Apr, 23 Oct 2020.
  const std::vector<Date> held = {D(2020, 1, 22), D(2020, 4, 23)};
  std::vector<Date> old_due(3);
  std::vector<Date> due(3);
  ASSERT_THAT(ChainDueDates(TS(), ChainKind::kLac, D(2019, 12, 20), held,
                            absl::MakeSpan(old_due)),
              IsOk());
  ASSERT_THAT(ScheduleDueDates(TS(), ScheduleKind::kLac, D(2019, 12, 20), held,
                               absl::MakeSpan(due)),
              IsOk());
  EXPECT_EQ(old_due, due);
  EXPECT_EQ(due[2], D(2020, 10, 23));
  absl::StatusOr<ChainCalculator> old =
      ChainCalculator::Create(TS(), ChainKind::kCp);
  ASSERT_THAT(old, IsOk());
}

}  // namespace
}  // namespace timescales
