// The small hand-counted SSDA903 and meetings extracts the C ABI's report
// tests share (children A-D; the counts are worked in c_api_report_test.cc).

#ifndef TSC_TESTS_CAPI_REPORT_FIXTURE_H_
#define TSC_TESTS_CAPI_REPORT_FIXTURE_H_

namespace timescales {
namespace capi_test {

constexpr char kEpisodesCsv[] =
    "CHILD,DECOM,RNE,LS,CIN,PLACE,DEC,REC\n"
    "A,01/07/2019,S,C2,N1,U1,,\n"
    "B,01/01/2018,L,C2,N1,U1,,\n"
    "C,02/03/2020,S,C2,N1,U1,,\n"
    "D,01/06/2015,L,C2,N1,U1,,\n";
constexpr char kReviewsCsv[] =
    "CHILD,DOB,REVIEW,REVIEW_CODE\n"
    "B,01/01/2010,15/05/2019,PN1\n"
    "A,01/01/2016,29/07/2019,PN2\n"
    "A,01/01/2016,31/02/2020,PN1\n"
    "B,01/01/2010,15/11/2019,PN7\n"
    "B,01/01/2010,15/11/2019,PN3\n"
    "A,01/01/2016,01/11/2019,PN0\n";
constexpr char kMeetingsCsv[] =
    "child_id,meeting_type,held_at,sw_report_received_at,decisions_sent_at,"
    "record_distributed_at,chair_id,qa_alerts\n"
    "A,lac_review,2019-07-29T10:00,2019-07-28T09:00,2019-08-05,2019-08-30,"
    "IRO1,1\n"
    "A,lac_review,2019-11-01T14:00,2019-10-31T15:00,2019-11-11,,IRO2,0\n"
    "B,lac_review,2019-11-15,2019-11-14,2019-11-22,2019-12-13,IRO1,2\n"
    "B,lac_review,2020-03-30,,,,IRO2,0\n";

}  // namespace capi_test
}  // namespace timescales

#endif  // TSC_TESTS_CAPI_REPORT_FIXTURE_H_
