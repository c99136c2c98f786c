// Timescales::DueBatch over int32 and int64 serial days: both agree with
// the one-at-a-time LegalDueDate for every rule over three whole years, and
// a bad anchor is named by its index with the elements before it written.

#include <cstdint>
#include <limits>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/status_matchers.h"
#include "timescales/due.h"

namespace timescales {
namespace {

using ::testing::HasSubstr;
using ::timescales::testing::IsOk;
using ::timescales::testing::StatusIs;

const Timescales& TS() {
  static const Timescales* const ts =
      new Timescales(*CalendarBuilder::EnglandAndWales().Build(),
                     RuleCatalogue::Builtin(), Policy());
  return *ts;
}

TEST(DueBatch, Int32AndInt64AgreeWithTheOneByOneDueDateForEveryRule) {
  const Date first = *Date::FromYmd(2019, 1, 1);
  const Date last = *Date::FromYmd(2021, 12, 31);
  std::vector<int32_t> anchors32;
  std::vector<int64_t> anchors64;
  for (int32_t s = first.serial(); s <= last.serial(); ++s) {
    anchors32.push_back(s);
    anchors64.push_back(s);
  }
  for (const Rule& rule : TS().rules().rules()) {
    std::vector<int32_t> out32(anchors32.size());
    std::vector<int64_t> out64(anchors64.size());
    ASSERT_THAT(TS().DueBatch(rule.id, anchors32, absl::MakeSpan(out32)),
                IsOk())
        << rule.id;
    ASSERT_THAT(TS().DueBatch(rule.id, anchors64, absl::MakeSpan(out64)),
                IsOk())
        << rule.id;
    for (size_t i = 0; i < anchors32.size(); ++i) {
      absl::StatusOr<Date> one = TS().LegalDueDate(
          TS().EffectiveOffset(rule), Date::FromSerial(anchors32[i]));
      ASSERT_THAT(one, IsOk()) << rule.id;
      ASSERT_EQ(out32[i], one->serial()) << rule.id << " " << i;
      ASSERT_EQ(out64[i], one->serial()) << rule.id << " " << i;
    }
  }
}

TEST(DueBatch, AnAnchorOutsideTheDatesIsNamedByItsIndex) {
  const int64_t good = Date::FromYmd(2019, 12, 20)->serial();
  const int64_t before_1900 = Date::FromYmd(1900, 1, 1)->serial() - 1;
  std::vector<int64_t> anchors = {good, good, before_1900, good};
  std::vector<int64_t> out(anchors.size(), -1);
  EXPECT_THAT(
      TS().DueBatch("lac.first_review", anchors, absl::MakeSpan(out)),
      StatusIs(absl::StatusCode::kOutOfRange,
               HasSubstr("element 2: 1899-12-31 is outside the supported "
                         "range 1900-01-01 to 2199-12-31")));
  // Example 1: 20 Dec 2019 + 20 working days is 22 Jan 2020.
  const int64_t due = Date::FromYmd(2020, 1, 22)->serial();
  EXPECT_EQ(out[0], due);
  EXPECT_EQ(out[1], due);
  EXPECT_EQ(out[3], -1);  // not reached

  // A value no int32 holds (NaT is INT64_MIN) is named as a serial day.
  anchors = {std::numeric_limits<int64_t>::min()};
  EXPECT_THAT(
      TS().DueBatch("cp.icpc", anchors, absl::MakeSpan(out)),
      StatusIs(absl::StatusCode::kOutOfRange,
               HasSubstr("element 0: serial day -9223372036854775808")));
}

TEST(DueBatch, AShortOutputAndAnUnknownRuleAreRefused) {
  std::vector<int64_t> anchors = {0, 1};
  std::vector<int64_t> out(1);
  EXPECT_THAT(TS().DueBatch("cp.icpc", anchors, absl::MakeSpan(out)),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("output holds 1 elements but 2")));
  EXPECT_THAT(TS().DueBatch("cp.icpcc", anchors, absl::MakeSpan(out)),
              StatusIs(absl::StatusCode::kNotFound));
}

}  // namespace
}  // namespace timescales
