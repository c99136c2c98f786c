// Tests of review chains: LAC periods of care (returns to care, short
// breaks, leaving care before a due date) and CP plans, with statuses as at
// a date. Due dates are docs/conventions.md#worked-examples examples or
// hand-counted.

#include "timescales/schedule.h"

#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"

namespace timescales {
namespace {

using ::testing::HasSubstr;
using ::timescales::testing::D;
using ::timescales::testing::IsOk;
using ::timescales::testing::StatusIs;
using ::timescales::testing::TS;

std::vector<SlotStatus> Statuses(const Schedule& s) {
  std::vector<SlotStatus> out;
  for (const Slot& slot : s.slots) out.push_back(slot.status);
  return out;
}
std::vector<Date> DueDates(const Schedule& s) {
  std::vector<Date> out;
  for (const Slot& slot : s.slots) out.push_back(slot.due.legal_due.date);
  return out;
}

TEST(LacSchedule, ChainsFromActualDatesWithStatusesAsAtADate) {
  // The CLI example: looked after Fri 20 Dec 2019, reviews 22 Jan and
  // 23 Apr 2020, as at 1 Nov 2020.
  absl::StatusOr<Schedule> s = LacSchedule(
      TS(), LacPeriod{D(2019, 12, 20), {}, false},
      {Reviewed(D(2020, 1, 22)), Reviewed(D(2020, 4, 23))}, D(2020, 11, 1));
  ASSERT_THAT(s, IsOk());
  EXPECT_EQ(s->kind, "lac");
  EXPECT_THAT(
      DueDates(*s),
      ::testing::ElementsAre(D(2020, 1, 22), D(2020, 4, 22), D(2020, 10, 23)));
  EXPECT_THAT(Statuses(*s),
              ::testing::ElementsAre(SlotStatus::kOnTime, SlotStatus::kLate,
                                     SlotStatus::kOverdue));
  EXPECT_EQ(s->slots[0].due.rule.id, "lac.first_review");
  EXPECT_EQ(s->slots[1].due.rule.id, "lac.second_review");
  EXPECT_EQ(s->slots[2].due.rule.id, "lac.subsequent_review");
  EXPECT_EQ(s->slots[1].working_days_late, 1);
  // Overdue from Fri 23 Oct to Sun 1 Nov 2020: 26, 27, 28, 29, 30 Oct.
  EXPECT_EQ(s->slots[2].working_days_late, 5);
  ASSERT_TRUE(s->next_due.has_value());
  EXPECT_EQ(*s->next_due, D(2020, 10, 23));
}

TEST(LacSchedule, DueSoonNotYetDueAndTheAsAtDayItself) {
  const LacPeriod period{D(2019, 12, 20), {}, false};
  // Due Wed 22 Jan 2020: as at 22 Jan with no review it is overdue (the end
  // of the day); as at 20 Jan due soon (2 working days); as at 1 Jan not
  // yet due (15 working days > 10).
  EXPECT_EQ(LacSchedule(TS(), period, {}, D(2020, 1, 22))->slots[0].status,
            SlotStatus::kOverdue);
  EXPECT_EQ(LacSchedule(TS(), period, {}, D(2020, 1, 20))->slots[0].status,
            SlotStatus::kDueSoon);
  EXPECT_EQ(LacSchedule(TS(), period, {}, D(2020, 1, 8))->slots[0].status,
            SlotStatus::kDueSoon);  // 10 working days ahead
  EXPECT_EQ(LacSchedule(TS(), period, {}, D(2020, 1, 7))->slots[0].status,
            SlotStatus::kNotYetDue);  // 11 working days ahead
  // A review held after the as-at date is not known yet.
  absl::StatusOr<Schedule> future =
      LacSchedule(TS(), period, {Reviewed(D(2020, 1, 21))}, D(2020, 1, 20));
  ASSERT_THAT(future, IsOk());
  ASSERT_EQ(future->slots.size(), 1u);
  EXPECT_FALSE(future->slots[0].review.has_value());
}

TEST(LacSchedule, MonthEndDriftFollowsActualDates) {
  // Looked after Wed 2 Aug 2023: first review due Thu 31 Aug (28 Aug is a
  // bank holiday).
  absl::StatusOr<Schedule> s =
      LacSchedule(TS(), LacPeriod{D(2023, 8, 2), {}, false},
                  {Reviewed(D(2023, 8, 31)), Reviewed(D(2023, 11, 30)),
                   Reviewed(D(2024, 5, 30))},
                  D(2024, 6, 1));
  ASSERT_THAT(s, IsOk());
  // 31 Aug -> 30 Nov (3 months, clamped); held 30 Nov -> 30 May 2024;
  // held 30 May -> 30 Nov 2024.
  EXPECT_THAT(DueDates(*s),
              ::testing::ElementsAre(D(2023, 8, 31), D(2023, 11, 30),
                                     D(2024, 5, 30), D(2024, 11, 30)));
  absl::StatusOr<Schedule> drift =
      LacSchedule(TS(), LacPeriod{D(2023, 3, 1), {}, false},
                  {Reviewed(D(2023, 3, 29)), Reviewed(D(2023, 6, 29)),
                   Reviewed(D(2023, 8, 31)), Reviewed(D(2024, 2, 29))},
                  D(2024, 3, 1));
  ASSERT_THAT(drift, IsOk());
  // docs/conventions.md#worked-examples (example 5): 31 Aug 2023 -> 29 Feb 2024
  // -> 29 Aug 2024.
  EXPECT_EQ(drift->slots[3].due.legal_due.date, D(2024, 2, 29));
  EXPECT_EQ(drift->slots[4].due.legal_due.date, D(2024, 8, 29));
  EXPECT_EQ(*drift->next_due, D(2024, 8, 29));
}

TEST(LacSchedule, LeavingCareBeforeTheDueDateNeedsNoReview) {
  absl::StatusOr<Schedule> left =
      LacSchedule(TS(), LacPeriod{D(2019, 12, 20), D(2020, 1, 10), false}, {},
                  D(2020, 3, 1));
  ASSERT_THAT(left, IsOk());
  EXPECT_EQ(left->slots[0].status, SlotStatus::kNotRequired);
  EXPECT_FALSE(left->next_due.has_value());
  // Ending on the due date itself also needs no review
  // (docs/kpis.md#overdue-slots).
  EXPECT_EQ(LacSchedule(TS(), LacPeriod{D(2019, 12, 20), D(2020, 1, 22), false},
                        {}, D(2020, 3, 1))
                ->slots[0]
                .status,
            SlotStatus::kNotRequired);
  // Leaving after the due date without a review: it was overdue.
  absl::StatusOr<Schedule> late =
      LacSchedule(TS(), LacPeriod{D(2019, 12, 20), D(2020, 1, 23), false}, {},
                  D(2020, 3, 1));
  ASSERT_THAT(late, IsOk());
  EXPECT_EQ(late->slots[0].status, SlotStatus::kOverdue);
  EXPECT_FALSE(late->next_due.has_value());
}

TEST(LacSchedule, ReturnsToCareRestartTheChain) {
  // Two periods of care; the second restarts at 20 working days.
  absl::StatusOr<LacHistory> history =
      LacSchedules(TS(),
                   {LacPeriod{D(2019, 12, 20), D(2020, 3, 2), false},
                    LacPeriod{D(2022, 5, 27), {}, false}},
                   {Reviewed(D(2020, 1, 22)), Reviewed(D(2022, 6, 28)),
                    Reviewed(D(2021, 1, 1))},
                   D(2022, 7, 1));
  ASSERT_THAT(history, IsOk());
  ASSERT_EQ(history->schedules.size(), 2u);
  const Schedule& first = history->schedules[0];
  EXPECT_THAT(DueDates(first),
              ::testing::ElementsAre(D(2020, 1, 22), D(2020, 4, 22)));
  EXPECT_EQ(first.slots[1].status, SlotStatus::kNotRequired);
  const Schedule& second = history->schedules[1];
  // docs/conventions.md#worked-examples (example 14): from Fri 27 May 2022 ->
  // Tue 28 Jun 2022.
  EXPECT_EQ(second.slots[0].due.legal_due.date, D(2022, 6, 28));
  EXPECT_EQ(second.slots[0].status, SlotStatus::kOnTime);
  EXPECT_EQ(*second.next_due, D(2022, 9, 28));
  ASSERT_EQ(history->unassigned.size(), 1u);
  EXPECT_EQ(history->unassigned[0].held.date, D(2021, 1, 1));
}

TEST(LacSchedule, ShortBreaksAreThreeMonthsThenSix) {
  absl::StatusOr<Schedule> s =
      LacSchedule(TS(), LacPeriod{D(2024, 1, 15), {}, true},
                  {Reviewed(D(2024, 4, 10))}, D(2024, 5, 1));
  ASSERT_THAT(s, IsOk());
  EXPECT_EQ(s->kind, "lac_short_break");
  EXPECT_THAT(DueDates(*s),
              ::testing::ElementsAre(D(2024, 4, 15), D(2024, 10, 10)));
  EXPECT_EQ(s->slots[0].due.rule.id, "lac.short_break_first_review");
}

TEST(LacSchedule, DuplicatesCountOnceAndBadReviewsAreErrors) {
  absl::StatusOr<Schedule> s = LacSchedule(
      TS(), LacPeriod{D(2019, 12, 20), {}, false},
      {Reviewed(D(2020, 1, 22)), Reviewed(D(2020, 1, 22))}, D(2020, 2, 1));
  ASSERT_THAT(s, IsOk());
  EXPECT_EQ(s->slots.size(), 2u);
  EXPECT_EQ(s->duplicates.size(), 1u);
  EXPECT_THAT(LacSchedule(TS(), LacPeriod{D(2019, 12, 20), {}, false},
                          {Reviewed(D(2019, 12, 1))}, D(2020, 2, 1)),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("review on 2019-12-01 is outside")));
  EXPECT_THAT(
      LacSchedule(TS(), LacPeriod{D(2019, 12, 20), D(2019, 12, 1), false}, {},
                  D(2020, 2, 1)),
      StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(LacSchedule, ReviewDeadlinesAndTheirStatuses) {
  HeldReview review = Reviewed(D(2022, 4, 1));  // example 22
  review.held = Moment{D(2022, 4, 1), 10 * 60};
  review.decisions_sent = Moment::OnDate(D(2022, 4, 8));             // day 5
  review.sw_report_received = Moment{D(2022, 3, 31), 10 * 60 + 30};  // late
  absl::StatusOr<Schedule> s = LacSchedule(
      TS(), LacPeriod{D(2022, 3, 4), {}, false}, {review}, D(2022, 4, 20));
  ASSERT_THAT(s, IsOk());
  const std::vector<Deadline>& d = s->slots[0].deadlines;
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].due.rule.id, "lac.review_decisions");
  EXPECT_EQ(d[0].due.legal_due.date, D(2022, 4, 8));
  EXPECT_EQ(d[0].status, SlotStatus::kOnTime);
  EXPECT_EQ(d[1].due.rule.id, "lac.review_record");
  EXPECT_EQ(d[1].due.legal_due.date, D(2022, 5, 4));
  // As at 20 Apr, 4 May is 9 working days ahead (2 May is a holiday).
  EXPECT_EQ(d[1].status, SlotStatus::kDueSoon);
  EXPECT_EQ(d[2].due.rule.id, "lac.sw_report");
  EXPECT_EQ(d[2].status, SlotStatus::kLate);
}

TEST(CpSchedule, ReviewConferencesAndTheFirstCoreGroup) {
  // Example 6: ICPC Thu 30 Nov 2023 -> RCPC by 29 Feb 2024; held 28 Feb ->
  // next by 28 Aug 2024. Core group by 14 Dec 2023 (10 working days).
  absl::StatusOr<Schedule> s =
      CpSchedule(TS(), CpPlan{D(2023, 11, 30), {}, D(2023, 12, 15)},
                 {Reviewed(D(2024, 2, 28))}, D(2024, 9, 2));
  ASSERT_THAT(s, IsOk());
  EXPECT_EQ(s->kind, "cp");
  EXPECT_THAT(DueDates(*s),
              ::testing::ElementsAre(D(2024, 2, 29), D(2024, 8, 28)));
  EXPECT_THAT(Statuses(*s), ::testing::ElementsAre(SlotStatus::kOnTime,
                                                   SlotStatus::kOverdue));
  EXPECT_TRUE(s->slots[0].deadlines.empty());
  ASSERT_TRUE(s->core_group.has_value());
  EXPECT_EQ(s->core_group->due.legal_due.date, D(2023, 12, 14));
  EXPECT_EQ(s->core_group->status, SlotStatus::kLate);
  // A plan that ended before the next conference was due.
  absl::StatusOr<Schedule> ended =
      CpSchedule(TS(), CpPlan{D(2023, 11, 30), D(2024, 6, 1), {}},
                 {Reviewed(D(2024, 2, 28))}, D(2024, 9, 2));
  ASSERT_THAT(ended, IsOk());
  EXPECT_EQ(ended->slots[1].status, SlotStatus::kNotRequired);
  EXPECT_EQ(ended->core_group->status, SlotStatus::kOverdue);
}

TEST(SlotStatus, Names) {
  EXPECT_EQ(SlotStatusName(SlotStatus::kOnTime), "on_time");
  EXPECT_EQ(SlotStatusName(SlotStatus::kNotRequired), "not_required");
  EXPECT_EQ(SlotStatusName(SlotStatus::kDueSoon), "due_soon");
}

}  // namespace
}  // namespace timescales

namespace timescales {
namespace {

TEST(ScheduleDueDates, MatchesTheExplainedScheduleWithoutExplanations) {
  const std::vector<Date> held = {D(2020, 1, 22), D(2020, 4, 23)};
  std::vector<Date> due(3);
  ASSERT_THAT(ScheduleDueDates(TS(), ScheduleKind::kLac, D(2019, 12, 20), held,
                               absl::MakeSpan(due)),
              IsOk());
  EXPECT_THAT(due, ::testing::ElementsAre(D(2020, 1, 22), D(2020, 4, 22),
                                          D(2020, 10, 23)));
  // CP, example 6: ICPC 30 Nov 2023, held 28 Feb 2024.
  std::vector<Date> cp_due(2);
  const std::vector<Date> cp_held = {D(2024, 2, 28)};
  ASSERT_THAT(ScheduleDueDates(TS(), ScheduleKind::kCp, D(2023, 11, 30),
                               cp_held, absl::MakeSpan(cp_due)),
              IsOk());
  EXPECT_THAT(cp_due, ::testing::ElementsAre(D(2024, 2, 29), D(2024, 8, 28)));
  std::vector<Date> wrong(2);
  EXPECT_THAT(ScheduleDueDates(TS(), ScheduleKind::kLac, D(2019, 12, 20), held,
                               absl::MakeSpan(wrong)),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace timescales
