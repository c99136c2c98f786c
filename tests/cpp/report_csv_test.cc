// The tidy CSV's month rows carry the month's own dates, also for a month
// whose label reads as a financial year (2010-11 is November 2010 here).

#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/records.h"
#include "testing/status_matchers.h"
#include "timescales/render.h"
#include "timescales/report.h"

namespace timescales {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::timescales::testing::IsOk;

TEST(ReportCsv, AMonthLabelledLikeAFinancialYearKeepsItsOwnDates) {
  Dataset data;
  InputFile meetings = testing::FileOf("meetings.csv", "meetings");
  meetings.rows = 1;
  data.files.push_back(meetings);
  MeetingRecord m;
  m.child = "A";
  m.held = *Moment::Parse("2010-11-10");
  data.meetings.push_back(m);
  absl::StatusOr<Report> report =
      ComputeReport(data, *ReportingPeriod::Parse("2010-11"), ReportConfig(),
                    ReportOptions());
  ASSERT_THAT(report, IsOk());
  const std::string csv = RenderCsv(*report);
  // kpi_id,kpi_title,unit,series,period,period_start,period_end,...
  EXPECT_THAT(csv, HasSubstr(",month,2010-11,2010-11-01,2010-11-30,"));
  EXPECT_THAT(csv, HasSubstr(",month,2011-03,2011-03-01,2011-03-31,"));
  EXPECT_THAT(csv, HasSubstr(",headline,2010-11,2010-04-01,2011-03-31,"));
  EXPECT_THAT(csv, Not(HasSubstr(",month,2010-11,2010-04-01,")));
}

}  // namespace
}  // namespace timescales
