// Tests of the in-year monitoring list, counted by hand.

#include "timescales/monitoring.h"

#include <algorithm>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"
#include "timescales/render.h"

namespace timescales {
namespace {

using ::testing::HasSubstr;
using ::timescales::testing::D;
using ::timescales::testing::IsOk;

Episode Ep(const char* child, Date decom, const char* rne, const char* ls,
           std::optional<Date> dec = std::nullopt, const char* rec = "") {
  Episode e;
  e.child = child;
  e.decom = decom;
  e.rne = rne;
  e.ls = ls;
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

Dataset County() {
  Dataset data;
  // A: due 23 Oct 2020 after reviews on 22 Jan and 23 Apr: overdue by 5
  // working days on 1 Nov.
  data.episodes.push_back(Ep("A", D(2019, 12, 20), "S", "C2"));
  data.reviews.push_back(Rev("A", D(2020, 1, 22)));
  data.reviews.push_back(Rev("A", D(2020, 4, 23)));
  // B: looked after 20 Oct 2020: due 17 Nov, 12 working days ahead.
  data.episodes.push_back(Ep("B", D(2020, 10, 20), "S", "C2"));
  // C: looked after 12 Oct 2020: due 9 Nov, 6 working days ahead.
  data.episodes.push_back(Ep("C", D(2020, 10, 12), "S", "C2"));
  // D: in care since before the data, no review in it: due date unknown.
  data.episodes.push_back(Ep("D", D(2015, 1, 1), "L", "C2"));
  // E: left care before the as-at date; F: short breaks only.
  data.episodes.push_back(
      Ep("E", D(2020, 1, 6), "S", "C2", D(2020, 6, 1), "E11"));
  data.episodes.push_back(Ep("F", D(2020, 9, 1), "S", "V3"));
  // A review after the as-at date is not known yet.
  data.reviews.push_back(Rev("C", D(2020, 11, 5)));
  return data;
}

TEST(MonitoringList, NextReviewAndStatusForEveryChildInCare) {
  ReportOptions options;
  options.data_from = D(2019, 4, 1);
  absl::StatusOr<MonitoringList> list =
      BuildMonitoringList(County(), D(2020, 11, 1), ReportConfig(), options);
  ASSERT_THAT(list, IsOk());
  ASSERT_EQ(list->rows.size(), 4u);
  EXPECT_EQ(list->short_breaks, 1);
  const MonitoringRow& a = list->rows[0];
  EXPECT_EQ(a.child, "A");
  EXPECT_EQ(a.status, MonitoringStatus::kOverdue);
  EXPECT_EQ(*a.next_due, D(2020, 10, 23));
  EXPECT_EQ(*a.working_days_to_due, -5);
  EXPECT_EQ(*a.last_review, D(2020, 4, 23));
  EXPECT_EQ(a.rule_id, "lac.subsequent_review");
  EXPECT_EQ(list->rows[1].child, "C");
  EXPECT_EQ(list->rows[1].status, MonitoringStatus::kDueSoon);
  EXPECT_EQ(*list->rows[1].next_due, D(2020, 11, 9));
  EXPECT_EQ(*list->rows[1].working_days_to_due, 6);
  EXPECT_EQ(list->rows[1].reviews_in_period, 0);
  EXPECT_EQ(list->rows[2].child, "B");
  EXPECT_EQ(list->rows[2].status, MonitoringStatus::kOnTrack);
  EXPECT_EQ(*list->rows[2].next_due, D(2020, 11, 17));
  EXPECT_EQ(list->rows[3].child, "D");
  EXPECT_EQ(list->rows[3].status, MonitoringStatus::kUnknown);
  EXPECT_FALSE(list->rows[3].next_due.has_value());
  EXPECT_TRUE(list->rows[3].rule_id.empty());

  const std::string csv = RenderMonitoringCsv(*list);
  EXPECT_THAT(csv,
              HasSubstr("A,overdue,2020-10-23,2020-10-23,-5,"
                        "lac.subsequent_review,2020-04-23,2,2019-12-20,lac,,,"
                        "\n"));
  EXPECT_THAT(csv, HasSubstr("D,unknown,,,,,,0,,lac,,,\n"));
  EXPECT_THAT(RenderMonitoringJson(*list),
              HasSubstr("\"status\": \"due_soon\""));
  EXPECT_THAT(RenderMonitoringMarkdown(*list),
              HasSubstr("| A | overdue | Fri 23 Oct 2020 | -5 |"));
}

// As at the end of the day, as the KPIs count: a review due that day and
// not held is overdue (0 working days to it).
TEST(MonitoringList, DueOnTheAsAtDayIsOverdueAtItsEnd) {
  ReportOptions options;
  options.data_from = D(2019, 4, 1);
  absl::StatusOr<MonitoringList> list =
      BuildMonitoringList(County(), D(2020, 11, 17), ReportConfig(), options);
  ASSERT_THAT(list, IsOk());
  const auto b =
      std::find_if(list->rows.begin(), list->rows.end(),
                   [](const MonitoringRow& r) { return r.child == "B"; });
  ASSERT_NE(b, list->rows.end());
  EXPECT_EQ(*b->next_due, D(2020, 11, 17));
  EXPECT_EQ(b->status, MonitoringStatus::kOverdue);
  EXPECT_EQ(*b->working_days_to_due, 0);
  // The day before it is due soon.
  list =
      BuildMonitoringList(County(), D(2020, 11, 16), ReportConfig(), options);
  ASSERT_THAT(list, IsOk());
  for (const MonitoringRow& r : list->rows) {
    if (r.child == "B") {
      EXPECT_EQ(r.status, MonitoringStatus::kDueSoon);
    }
  }
}

// The Markdown says how many children a status filter kept, and whose
// "last review" is none in this period (after a return to care) rather
// than none in the data.
TEST(MonitoringList, MarkdownSaysWhatWasFilteredAndWhichPeriod) {
  Dataset data = County();
  // G: reviewed in a first period, left care, back on Tue 20 Oct 2020:
  // first review of the new period due Tue 17 Nov.
  data.episodes.push_back(
      Ep("G", D(2020, 1, 6), "S", "C2", D(2020, 6, 1), "E11"));
  data.reviews.push_back(Rev("G", D(2020, 2, 3)));
  data.episodes.push_back(Ep("G", D(2020, 10, 20), "S", "C2"));
  ReportOptions options;
  options.data_from = D(2019, 4, 1);
  absl::StatusOr<MonitoringList> list =
      BuildMonitoringList(data, D(2020, 11, 1), ReportConfig(), options);
  ASSERT_THAT(list, IsOk());
  EXPECT_EQ(list->in_care, 5);
  std::string md = RenderMonitoringMarkdown(*list);
  EXPECT_THAT(md, HasSubstr("# LAC reviews as at the end of Sun 1 Nov 2020"));
  EXPECT_THAT(md, HasSubstr("\n5 children in care (and 1 on short breaks"));
  EXPECT_THAT(md, HasSubstr("| G | on_track | Tue 17 Nov 2020 | 12 | none in "
                            "this period of care | 2020-10-20 |"));
  EXPECT_THAT(md, HasSubstr("| none in the data | before the data |"));
  // A caller keeping only the overdue.
  list->rows.erase(std::remove_if(list->rows.begin(), list->rows.end(),
                                  [](const MonitoringRow& r) {
                                    return r.status !=
                                           MonitoringStatus::kOverdue;
                                  }),
                   list->rows.end());
  md = RenderMonitoringMarkdown(*list);
  EXPECT_THAT(md, HasSubstr("\n1 of the 5 children in care (by status)"));
}

TEST(MonitoringList, StatusNames) {
  EXPECT_EQ(*ParseMonitoringStatus("due_soon"), MonitoringStatus::kDueSoon);
  EXPECT_FALSE(ParseMonitoringStatus("late").ok());
}

}  // namespace
}  // namespace timescales
