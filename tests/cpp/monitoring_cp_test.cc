// Tests of the monitoring list's CP review conferences, last chairs and
// reviews held late, counted by hand (docs/kpis.md#review-schedules).
//
// Default policy and calendar; --data-from 1 Apr 2019 is the LAC and CP
// coverage start. As at the end of Tue 5 May 2020:
//
//  P  plan from Wed 31 Jul 2019; conference Thu 31 Oct 2019 (3 months: on
//     time; given twice, counted once). The next is due 6 months later:
//     31 Apr does not exist, so Thu 30 Apr 2020. Not held: overdue by
//     Fri 1, Mon 4 and Tue 5 May = 3 working days.
//  V  plan from 1 Feb 2018, before the coverage start: unanchored. Its
//     first conference in the data, Thu 10 Oct 2019, has no known due date;
//     the next is due 6 months later, Fri 10 Apr 2020 (Good Friday:
//     practical Thu 9 Apr). Overdue by 16 working days: 14-17 Apr (Easter
//     Monday 13 Apr skipped) 4, 20-24 Apr 5, 27-30 Apr 4, 1 May, 4-5 May 3.
//  U  plan from 15 Jan 2018 (unanchored), no conference in the data: the
//     next due date is unknown.
//  L  plan from Tue 1 Oct 2019; first conference due Wed 1 Jan 2020
//     (practical Tue 31 Dec 2019), held Mon 6 Jan: late by 2, 3 and 6 Jan =
//     3 working days. The next is due Mon 6 Jul 2020: on track.
//  Q  plan from 3 Jun 2019, ended 2 Mar 2020; R ended on the as-at day; S
//     starts the day after it: no row for any of them.
//  A  looked after Fri 20 Dec 2019 (RNE S): review 1 due Wed 22 Jan 2020,
//     held then; review 2 due 3 months later, Wed 22 Apr, held Thu 23 Apr:
//     late by 1 working day. Next due Fri 23 Oct 2020: on track.
//  E  looked after Tue 1 Oct 2019, left care 1 Mar 2020: review 1 due and
//     held Tue 29 Oct; review 2 due Wed 29 Jan 2020, held Mon 3 Feb: late by
//     30, 31 Jan and 3 Feb = 3 working days. No open row (not in care).

#include <algorithm>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"
#include "timescales/monitoring.h"
#include "timescales/render.h"

namespace timescales {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;
using ::timescales::testing::At;
using ::timescales::testing::D;
using ::timescales::testing::IsOk;

CpPlanRecord Plan(const char* child, Date start, std::optional<Date> end,
                  std::vector<Date> reviews) {
  CpPlanRecord plan;
  plan.child = child;
  plan.start = start;
  plan.end = end;
  plan.reviews = std::move(reviews);
  return plan;
}

Episode Ep(const char* child, Date decom, const char* rne,
           std::optional<Date> dec = std::nullopt, const char* rec = "") {
  Episode e;
  e.child = child;
  e.decom = decom;
  e.rne = rne;
  e.ls = "C2";
  e.dec = dec;
  e.rec = rec;
  return e;
}

LacReviewRecord Rev(const char* child, Date date) {
  LacReviewRecord r;
  r.child = child;
  r.review = date;
  r.review_code = "PN1";
  return r;
}

MeetingRecord Meeting(const char* child, MeetingType type, Moment held,
                      const char* chair) {
  MeetingRecord m;
  m.child = child;
  m.type = type;
  m.held = held;
  m.chair = chair;
  return m;
}

Dataset Plans() {
  Dataset data;
  data.cp_plans.push_back(Plan("P", D(2019, 7, 31), std::nullopt,
                               {D(2019, 10, 31), D(2019, 10, 31)}));
  data.cp_plans.push_back(
      Plan("V", D(2018, 2, 1), std::nullopt, {D(2019, 10, 10)}));
  data.cp_plans.push_back(Plan("U", D(2018, 1, 15), std::nullopt, {}));
  data.cp_plans.push_back(
      Plan("L", D(2019, 10, 1), std::nullopt, {D(2020, 1, 6)}));
  data.cp_plans.push_back(
      Plan("Q", D(2019, 6, 3), D(2020, 3, 2), {D(2019, 9, 3)}));
  data.cp_plans.push_back(Plan("R", D(2019, 6, 3), D(2020, 5, 5), {}));
  data.cp_plans.push_back(Plan("S", D(2020, 5, 6), std::nullopt, {}));
  return data;
}

Dataset County() {
  Dataset data = Plans();
  data.episodes.push_back(Ep("A", D(2019, 12, 20), "S"));
  data.reviews.push_back(Rev("A", D(2020, 1, 22)));
  data.reviews.push_back(Rev("A", D(2020, 4, 23)));
  data.episodes.push_back(Ep("E", D(2019, 10, 1), "S", D(2020, 3, 1), "E11"));
  data.reviews.push_back(Rev("E", D(2019, 10, 29)));
  data.reviews.push_back(Rev("E", D(2020, 2, 3)));
  return data;
}

ReportOptions FromApril2019() {
  ReportOptions options;
  options.data_from = D(2019, 4, 1);
  return options;
}

const MonitoringRow* Find(const MonitoringList& list, const std::string& child,
                          MonitoringStatus status) {
  const auto it = std::find_if(list.rows.begin(), list.rows.end(),
                               [&](const MonitoringRow& r) {
                                 return r.child == child && r.status == status;
                               });
  return it == list.rows.end() ? nullptr : &*it;
}

std::vector<std::string> ChildrenInOrder(const MonitoringList& list) {
  std::vector<std::string> out;
  for (const MonitoringRow& r : list.rows) {
    out.push_back(r.child + ":" + std::string(MonitoringStatusName(r.status)));
  }
  return out;
}

TEST(MonitoringCp, EveryOpenPlanWithItsNextConference) {
  absl::StatusOr<MonitoringList> list = BuildMonitoringList(
      Plans(), D(2020, 5, 5), ReportConfig(), FromApril2019());
  ASSERT_THAT(list, IsOk());
  // Overdue first, by due date; Q, R and S are not open on 5 May.
  EXPECT_THAT(ChildrenInOrder(*list),
              ::testing::ElementsAre("V:overdue", "P:overdue", "L:on_track",
                                     "U:unknown"));
  EXPECT_EQ(list->cp_plans, 4);
  EXPECT_EQ(list->in_care, 0);
  EXPECT_TRUE(list->has_cp);
  EXPECT_FALSE(list->has_lac);

  const MonitoringRow& p = list->rows[1];
  EXPECT_EQ(p.kind, "cp");
  EXPECT_EQ(p.period_start, D(2019, 7, 31));
  EXPECT_EQ(p.last_review, D(2019, 10, 31));
  EXPECT_EQ(p.reviews_in_period, 1);  // the repeated date counts once
  EXPECT_EQ(p.rule_id, "cp.subsequent_rcpc");
  EXPECT_EQ(p.next_due, D(2020, 4, 30));
  EXPECT_EQ(p.practical_due, D(2020, 4, 30));
  EXPECT_EQ(p.working_days_to_due, -3);
  EXPECT_TRUE(p.last_chair.empty());  // no meetings given

  const MonitoringRow& v = list->rows[0];
  EXPECT_EQ(v.period_start, D(2018, 2, 1));
  EXPECT_EQ(v.last_review, D(2019, 10, 10));
  EXPECT_EQ(v.reviews_in_period, 1);
  EXPECT_EQ(v.rule_id, "cp.subsequent_rcpc");
  EXPECT_EQ(v.next_due, D(2020, 4, 10));
  EXPECT_EQ(v.practical_due, D(2020, 4, 9));
  EXPECT_EQ(v.working_days_to_due, -16);

  const MonitoringRow& l = list->rows[2];
  EXPECT_EQ(l.rule_id, "cp.subsequent_rcpc");
  EXPECT_EQ(l.next_due, D(2020, 7, 6));

  const MonitoringRow& u = list->rows[3];
  EXPECT_EQ(u.period_start, D(2018, 1, 15));
  EXPECT_FALSE(u.last_review.has_value());
  EXPECT_FALSE(u.next_due.has_value());
  EXPECT_TRUE(u.rule_id.empty());
  EXPECT_FALSE(u.working_days_to_due.has_value());
}

// On the day itself the plan is open at its start and closed at its end.
TEST(MonitoringCp, PlanOpenAtTheEndOfTheDay) {
  Dataset data;
  // First conference due 3 months after Mon 6 Jan 2020: Mon 6 Apr.
  data.cp_plans.push_back(Plan("N", D(2020, 1, 6), std::nullopt, {}));
  data.cp_plans.push_back(Plan("R", D(2019, 6, 3), D(2020, 1, 6), {}));
  absl::StatusOr<MonitoringList> list =
      BuildMonitoringList(data, D(2020, 1, 6), ReportConfig(), FromApril2019());
  ASSERT_THAT(list, IsOk());
  ASSERT_EQ(list->rows.size(), 1u);
  EXPECT_EQ(list->rows[0].child, "N");
  EXPECT_EQ(list->rows[0].rule_id, "cp.first_rcpc");
  EXPECT_EQ(list->rows[0].next_due, D(2020, 4, 6));
  EXPECT_EQ(list->rows[0].status, MonitoringStatus::kOnTrack);
  EXPECT_EQ(list->rows[0].reviews_in_period, 0);
}

TEST(MonitoringCp, LastChairOfTheMatchingMeetings) {
  Dataset data = County();
  // P: the ICPC, then a review conference; one after the as-at day, and a
  // LAC review (another kind) in between, are not its last chair's.
  data.meetings.push_back(
      Meeting("P", MeetingType::kIcpc, At(2019, 7, 31, 10, 0), "CH1"));
  data.meetings.push_back(
      Meeting("P", MeetingType::kRcpc, At(2019, 10, 31, 14, 0), "CH2"));
  data.meetings.push_back(
      Meeting("P", MeetingType::kLacReview, At(2020, 1, 2, 9, 0), "IRO9"));
  data.meetings.push_back(
      Meeting("P", MeetingType::kRcpc, At(2020, 5, 6, 9, 0), "CH3"));
  // A: the later of two LAC reviews; a conference after it is not one.
  data.meetings.push_back(Meeting("A", MeetingType::kLacReview,
                                  Moment::OnDate(D(2020, 4, 23)), "IRO2"));
  data.meetings.push_back(Meeting("A", MeetingType::kLacReview,
                                  Moment::OnDate(D(2020, 1, 22)), "IRO1"));
  data.meetings.push_back(
      Meeting("A", MeetingType::kRcpc, At(2020, 5, 1, 9, 0), "CPX"));
  absl::StatusOr<MonitoringList> list =
      BuildMonitoringList(data, D(2020, 5, 5), ReportConfig(), FromApril2019());
  ASSERT_THAT(list, IsOk());
  EXPECT_TRUE(list->has_meetings);
  const MonitoringRow* p = Find(*list, "P", MonitoringStatus::kOverdue);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->last_chair, "CH2");
  const MonitoringRow* a = Find(*list, "A", MonitoringStatus::kOnTrack);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->kind, "lac");
  EXPECT_EQ(a->last_chair, "IRO2");
  const MonitoringRow* v = Find(*list, "V", MonitoringStatus::kOverdue);
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->last_chair, "");  // no meeting of V's

  // As at 30 Oct 2019, P's last meeting is the ICPC.
  list = BuildMonitoringList(data, D(2019, 10, 30), ReportConfig(),
                             FromApril2019());
  ASSERT_THAT(list, IsOk());
  p = Find(*list, "P", MonitoringStatus::kDueSoon);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->next_due, D(2019, 10, 31));
  EXPECT_EQ(p->last_chair, "CH1");

  const std::string md = RenderMonitoringMarkdown(*list);
  EXPECT_THAT(md, HasSubstr("| last chair |\n|---|---|---|---|---|---|---|\n"));
  EXPECT_THAT(md, HasSubstr("| P | due_soon | Thu 31 Oct 2019 | 1 | none yet "
                            "| 2019-07-31 | CH1 |\n"));
}

TEST(MonitoringCp, ReviewsHeldLateSinceADate) {
  Dataset data = County();
  data.meetings.push_back(
      Meeting("A", MeetingType::kLacReview, At(2020, 4, 23, 10, 0), "IRO2"));
  data.meetings.push_back(
      Meeting("L", MeetingType::kRcpc, Moment::OnDate(D(2020, 1, 6)), "CH4"));
  MonitoringOptions late;
  late.late_since = D(2020, 1, 1);
  absl::StatusOr<MonitoringList> list = BuildMonitoringList(
      data, D(2020, 5, 5), ReportConfig(), FromApril2019(), late);
  ASSERT_THAT(list, IsOk());
  EXPECT_THAT(ChildrenInOrder(*list),
              ::testing::ElementsAre("V:overdue", "P:overdue", "L:on_track",
                                     "A:on_track", "U:unknown", "L:held_late",
                                     "E:held_late", "A:held_late"));
  EXPECT_EQ(list->held_late, 3);
  EXPECT_EQ(list->in_care, 1);  // A (E left care)
  EXPECT_EQ(list->cp_plans, 4);
  EXPECT_EQ(list->late_since, D(2020, 1, 1));

  const MonitoringRow& a = list->rows[7];
  EXPECT_EQ(a.kind, "lac");
  EXPECT_EQ(a.rule_id, "lac.second_review");
  EXPECT_EQ(a.next_due, D(2020, 4, 22));
  EXPECT_EQ(a.held, D(2020, 4, 23));
  EXPECT_EQ(a.working_days_late, 1);
  EXPECT_EQ(a.last_review, D(2020, 1, 22));  // the review before it
  EXPECT_EQ(a.reviews_in_period, 1);
  EXPECT_EQ(a.period_start, D(2019, 12, 20));
  EXPECT_FALSE(a.working_days_to_due.has_value());
  EXPECT_EQ(a.last_chair, "IRO2");  // who chaired the late review

  const MonitoringRow& e = list->rows[6];
  EXPECT_EQ(e.next_due, D(2020, 1, 29));
  EXPECT_EQ(e.held, D(2020, 2, 3));
  EXPECT_EQ(e.working_days_late, 3);

  const MonitoringRow& l = list->rows[5];
  EXPECT_EQ(l.kind, "cp");
  EXPECT_EQ(l.rule_id, "cp.first_rcpc");
  EXPECT_EQ(l.next_due, D(2020, 1, 1));
  EXPECT_EQ(l.practical_due, D(2019, 12, 31));
  EXPECT_EQ(l.held, D(2020, 1, 6));
  EXPECT_EQ(l.working_days_late, 3);
  EXPECT_EQ(l.last_chair, "CH4");

  // The window includes both its ends: from A's late review's day it is
  // listed, from the day after it is not (nor E's or L's).
  late.late_since = D(2020, 4, 23);
  list = BuildMonitoringList(data, D(2020, 5, 5), ReportConfig(),
                             FromApril2019(), late);
  ASSERT_THAT(list, IsOk());
  EXPECT_EQ(list->held_late, 1);
  EXPECT_NE(Find(*list, "A", MonitoringStatus::kHeldLate), nullptr);
  late.late_since = D(2020, 4, 24);
  list = BuildMonitoringList(data, D(2020, 5, 5), ReportConfig(),
                             FromApril2019(), late);
  ASSERT_THAT(list, IsOk());
  EXPECT_EQ(list->held_late, 0);
  // As at the day before it was held, A's review is not known yet: its
  // slot is overdue instead (due 22 Apr).
  late.late_since = D(2020, 1, 1);
  list = BuildMonitoringList(data, D(2020, 4, 22), ReportConfig(),
                             FromApril2019(), late);
  ASSERT_THAT(list, IsOk());
  EXPECT_EQ(Find(*list, "A", MonitoringStatus::kHeldLate), nullptr);
  EXPECT_NE(Find(*list, "A", MonitoringStatus::kOverdue), nullptr);
  // Without options there are no held_late rows.
  list =
      BuildMonitoringList(data, D(2020, 5, 5), ReportConfig(), FromApril2019());
  ASSERT_THAT(list, IsOk());
  EXPECT_EQ(list->held_late, 0);
  EXPECT_FALSE(list->late_since.has_value());
  EXPECT_EQ(Find(*list, "A", MonitoringStatus::kHeldLate), nullptr);
}

TEST(MonitoringCp, LateSinceAfterTheAsAtDayIsRefused) {
  MonitoringOptions late;
  late.late_since = D(2020, 5, 6);
  absl::StatusOr<MonitoringList> list = BuildMonitoringList(
      County(), D(2020, 5, 5), ReportConfig(), FromApril2019(), late);
  EXPECT_EQ(list.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(list.status().message()), HasSubstr("2020-05-06"));
}

TEST(MonitoringCp, HeldLateStatusName) {
  EXPECT_EQ(MonitoringStatusName(MonitoringStatus::kHeldLate), "held_late");
  EXPECT_EQ(*ParseMonitoringStatus("held_late"), MonitoringStatus::kHeldLate);
}

TEST(MonitoringCp, Renderers) {
  Dataset data = County();
  data.meetings.push_back(
      Meeting("A", MeetingType::kLacReview, At(2020, 4, 23, 10, 0), "IRO, 2"));
  MonitoringOptions late;
  late.late_since = D(2020, 1, 1);
  absl::StatusOr<MonitoringList> list = BuildMonitoringList(
      data, D(2020, 5, 5), ReportConfig(), FromApril2019(), late);
  ASSERT_THAT(list, IsOk());

  // CSV: the new columns at the end of the old header; the chair quoted.
  const std::string csv = RenderMonitoringCsv(*list);
  EXPECT_THAT(csv, StartsWith("child,status,next_due,practical_due,"
                              "working_days_to_due,rule_id,last_review,"
                              "reviews_in_period,period_start,kind,"
                              "last_chair,held,working_days_late\n"));
  EXPECT_THAT(csv, HasSubstr("\nP,overdue,2020-04-30,2020-04-30,-3,"
                             "cp.subsequent_rcpc,2019-10-31,1,2019-07-31,cp,"
                             ",,\n"));
  EXPECT_THAT(csv, HasSubstr("\nU,unknown,,,,,,0,2018-01-15,cp,,,\n"));
  EXPECT_THAT(csv, HasSubstr("\nA,on_track,2020-10-23,2020-10-23,120,"
                             "lac.subsequent_review,2020-04-23,2,2019-12-20,"
                             "lac,\"IRO, 2\",,\n"));
  EXPECT_THAT(csv, HasSubstr("\nA,held_late,2020-04-22,2020-04-22,,"
                             "lac.second_review,2020-01-22,1,2019-12-20,lac,"
                             "\"IRO, 2\",2020-04-23,1\n"));
  EXPECT_THAT(csv, Not(HasSubstr("personal data")));

  const std::string json = RenderMonitoringJson(*list);
  EXPECT_THAT(json, StartsWith("{\n  \"personal_data\": \"This list names "
                               "children: it is personal data."));
  EXPECT_THAT(json, HasSubstr("\"late_since\": \"2020-01-01\""));
  EXPECT_THAT(json, HasSubstr("\"cp_plans\": 4,\n  \"held_late\": 3,"));
  EXPECT_THAT(json, HasSubstr("\"kind\": \"cp\",\n      \"last_chair\": null,"
                              "\n      \"held\": null,\n      "
                              "\"working_days_late\": null"));
  EXPECT_THAT(json, HasSubstr("\"kind\": \"lac\",\n      \"last_chair\": "
                              "\"IRO, 2\",\n      \"held\": \"2020-04-23\",\n"
                              "      \"working_days_late\": 1"));

  const std::string md = RenderMonitoringMarkdown(*list);
  EXPECT_THAT(md, StartsWith("# LAC reviews and CP review conferences as at "
                             "the end of Tue 5 May 2020\n\n**Personal data.** "
                             "This list names children"));
  EXPECT_THAT(md, HasSubstr("\n## LAC reviews\n\n1 child in care.\n"));
  EXPECT_THAT(md, HasSubstr("\n## CP review conferences\n\n4 child "
                            "protection plans open.\n"));
  EXPECT_THAT(md, HasSubstr("| P | overdue | Thu 30 Apr 2020 | -3 | "
                            "2019-10-31 | 2019-07-31 | - |\n"));
  EXPECT_THAT(md, HasSubstr("| U | unknown | unknown |  | none in the data | "
                            "2018-01-15 | - |\n"));
  EXPECT_THAT(md, HasSubstr("\n## Held late since Wed 1 Jan 2020\n\n3 "
                            "reviews and conferences held late from Wed 1 "
                            "Jan 2020 to Tue 5 May 2020.\n"));
  EXPECT_THAT(md, HasSubstr("| L | CP review conference | cp.first_rcpc | "
                            "Wed 1 Jan 2020 (practical Tue 31 Dec 2019) | "
                            "Mon 6 Jan 2020 | 3 | - |\n"));
  EXPECT_THAT(md, HasSubstr("| A | LAC review | lac.second_review | Wed 22 "
                            "Apr 2020 | Thu 23 Apr 2020 | 1 | IRO, 2 |\n"));

  // A caller keeping only the held_late rows: each section says so.
  list->rows.erase(std::remove_if(list->rows.begin(), list->rows.end(),
                                  [](const MonitoringRow& r) {
                                    return r.status !=
                                           MonitoringStatus::kHeldLate;
                                  }),
                   list->rows.end());
  const std::string kept = RenderMonitoringMarkdown(*list);
  EXPECT_THAT(kept, HasSubstr("\n0 of the 1 child in care (by status).\n"));
  EXPECT_THAT(kept, HasSubstr("\n0 of the 4 child protection plans open (by "
                              "status).\n"));
  EXPECT_THAT(kept, HasSubstr("\n3 reviews and conferences held late from"));
}

// CP plans alone make a CP list, with no LAC section.
TEST(MonitoringCp, CpOnlyMarkdown) {
  absl::StatusOr<MonitoringList> list = BuildMonitoringList(
      Plans(), D(2020, 5, 5), ReportConfig(), FromApril2019());
  ASSERT_THAT(list, IsOk());
  const std::string md = RenderMonitoringMarkdown(*list);
  EXPECT_THAT(md, StartsWith("# CP review conferences as at the end of Tue 5 "
                             "May 2020\n\n**Personal data.**"));
  EXPECT_THAT(md, HasSubstr("\n4 child protection plans open.\n\n| child | "
                            "status | next review conference due |"));
  EXPECT_THAT(md, Not(HasSubstr("children in care")));
  EXPECT_THAT(md, Not(HasSubstr("## ")));  // one section: no headings
}

}  // namespace
}  // namespace timescales
