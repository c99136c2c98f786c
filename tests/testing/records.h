// Records of the Dataset built by hand for the KPI tests: episodes,
// reviews, s47 enquiries, CP plans and meetings by their fields, tables
// marked present, and a KPI of a report by its id.

#ifndef TSC_TESTS_TESTING_RECORDS_H_
#define TSC_TESTS_TESTING_RECORDS_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "timescales/dataset.h"
#include "timescales/report.h"

namespace timescales {
namespace testing {

// An input file of `table` named `path`, no rows read.
inline InputFile FileOf(std::string path, std::string table) {
  InputFile file;
  file.path = std::move(path);
  file.table = std::move(table);
  return file;
}

inline void Present(Dataset* data, const char* table) {
  data->files.push_back(FileOf(std::string(table) + ".csv", table));
}

inline Episode Ep(const char* child, Date decom, const char* rne,
                  const char* ls, std::optional<Date> dec = std::nullopt,
                  const char* rec = "") {
  Episode e;
  e.child = child;
  e.decom = decom;
  e.rne = rne;
  e.ls = ls;
  e.dec = dec;
  e.rec = rec;
  return e;
}

inline LacReviewRecord Rev(const char* child, Date date,
                           const char* code = "PN1") {
  LacReviewRecord r;
  r.child = child;
  r.review = date;
  r.review_code = code;
  return r;
}

inline const KpiResult* Find(const Report& report, const std::string& id) {
  for (const KpiResult& k : report.kpis) {
    if (k.id == id) return &k;
  }
  return nullptr;
}

inline Section47Record S47(const char* child, std::optional<Date> start,
                           std::optional<Date> icpc) {
  Section47Record s;
  s.child = child;
  s.s47_start = start;
  s.icpc = icpc;
  return s;
}

inline CpPlanRecord Plan(const char* child, std::optional<Date> start,
                         std::optional<Date> end,
                         std::vector<Date> reviews = {},
                         std::optional<int> previous = std::nullopt) {
  CpPlanRecord p;
  p.child = child;
  p.start = start;
  p.end = end;
  p.reviews = std::move(reviews);
  p.previous_plans = previous;
  return p;
}

inline MeetingRecord Meeting(const char* child, const char* held,
                             const char* chair, const char* decisions,
                             const char* record, const char* report,
                             int qa = 0) {
  MeetingRecord m;
  m.child = child;
  m.type = MeetingType::kLacReview;
  m.held = *Moment::Parse(held);
  if (*decisions) m.decisions_sent = *Moment::Parse(decisions);
  if (*record) m.record_distributed = *Moment::Parse(record);
  if (*report) m.sw_report_received = *Moment::Parse(report);
  m.chair = chair;
  m.qa_alerts = qa;
  return m;
}

}  // namespace testing
}  // namespace timescales

#endif  // TSC_TESTS_TESTING_RECORDS_H_
