// Random datasets for the tests that compare the KPI engine with a
// reference or with itself: children with episodes, reviews and meetings
// drawn to cover every case of docs/kpis.md, and optionally CIN census
// enquiries and plans.

#ifndef TSC_TESTS_TESTING_RANDOM_DATASET_H_
#define TSC_TESTS_TESTING_RANDOM_DATASET_H_

#include <algorithm>
#include <random>
#include <string>

#include "absl/strings/str_format.h"
#include "testing/fixtures.h"
#include "testing/records.h"
#include "timescales/dataset.h"

namespace timescales {
namespace testing {

class RandomData {
 public:
  explicit RandomData(uint32_t seed) : rng_(seed) {}

  Dataset Make() {
    Dataset data;
    for (const char* table :
         {"ssda903.episodes", "ssda903.reviews", "meetings"}) {
      data.files.push_back(FileOf("x.csv", table));
    }
    for (int c = 0; c < 250; ++c) {
      const std::string child = absl::StrFormat("C%d", c);
      AddEpisodes(child, &data);
      AddReviews(child, &data);
    }
    for (int m = 0; m < 1500; ++m) data.meetings.push_back(Meeting());
    return data;
  }

  // Make() plus CIN census s47 enquiries and CP plans (drawn after the rest,
  // so Make()'s records are the same).
  Dataset MakeWithCin() {
    Dataset data = Make();
    for (const char* table : {"cin.section47", "cin.cp_plans"}) {
      data.files.push_back(FileOf("census.xml", table));
    }
    for (int c = 0; c < 150; ++c) {
      const std::string child = absl::StrFormat("P%d", c);
      for (int n = Uniform(0, 2); n > 0; --n)
        data.section47.push_back(S47(child));
      for (int n = Uniform(0, 3); n > 0; --n)
        data.cp_plans.push_back(Plan(child));
    }
    return data;
  }

 private:
  int Uniform(int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(rng_);
  }
  template <typename T, size_t N>
  T Pick(const T (&choices)[N]) {
    return choices[Uniform(0, static_cast<int>(N) - 1)];
  }
  Date Day(Date from, int span) {
    return Date::FromSerial(from.serial() + Uniform(0, span));
  }

  // Episodes in file order not always by DECOM; gaps, overlaps, short
  // breaks, open episodes and RNE codes that do and do not start periods.
  void AddEpisodes(const std::string& child, Dataset* data) {
    static const char* const kRne[] = {"S", "S", "P", "L", "T", "B", "U"};
    static const char* const kLs[] = {"C2", "C2", "E1", "V3", "V4", "J2"};
    static const char* const kRec[] = {"X1", "X1", "E11", "E4A", "E13", ""};
    Date start = Day(D(2016, 1, 1), 1400);
    const int n = Uniform(0, 4);
    for (int i = 0; i < n; ++i) {
      Episode e;
      e.child = child;
      e.decom = start;
      e.rne = Pick(kRne);
      e.ls = Pick(kLs);
      e.rec = Pick(kRec);
      if (Uniform(0, 5) > 0) e.dec = Day(start, 500);
      data->episodes.push_back(e);
      start = e.dec ? Day(*e.dec, 60) : Day(start, 300);
    }
    if (Uniform(0, 3) == 0) {
      std::shuffle(data->episodes.end() - n, data->episodes.end(), rng_);
    }
  }

  // Reviews about 3 and 6 months apart, some late, some repeated, some
  // outside any period, with every kind of code.
  void AddReviews(const std::string& child, Dataset* data) {
    static const char* const kCodes[] = {"PN0", "PN1", "PN3", "PN6",
                                         "PN7", "",    "PN8", "pn2"};
    Date day = Day(D(2016, 2, 1), 1400);
    const int n = Uniform(0, 9);
    for (int i = 0; i < n; ++i) {
      LacReviewRecord r;
      r.child = child;
      r.review = day;
      r.review_code = Pick(kCodes);
      data->reviews.push_back(r);
      if (Uniform(0, 6) == 0) data->reviews.push_back(r);  // a repeat
      day = Date::FromSerial(day.serial() + Uniform(15, 220));
    }
  }

  MeetingRecord Meeting() {
    static const MeetingType kTypes[] = {
        MeetingType::kLacReview, MeetingType::kLacReview, MeetingType::kIcpc,
        MeetingType::kRcpc};
    static const char* const kChairs[] = {"", "IRO1", "IRO2", "IRO3"};
    MeetingRecord m;
    m.child = absl::StrFormat("C%d", Uniform(0, 249));
    m.type = Pick(kTypes);
    m.chair = Pick(kChairs);
    m.held.date = Day(D(2017, 10, 1), 1000);
    if (Uniform(0, 1) == 0) m.held.minute_of_day = Uniform(0, 1439);
    auto after = [&](int days) -> std::optional<Moment> {
      if (Uniform(0, 4) == 0) return std::nullopt;
      return Moment{Date::FromSerial(m.held.date.serial() + Uniform(-2, days)),
                    std::optional<int>(Uniform(0, 1439))};
    };
    m.decisions_sent = after(12);
    m.record_distributed = after(40);
    m.sw_report_received = after(0);
    if (m.sw_report_received) {
      m.sw_report_received->date =
          Date::FromSerial(m.held.date.serial() - Uniform(0, 3));
    }
    m.qa_alerts = Uniform(0, 3);
    return m;
  }

  // Enquiries with and without a start, conferences before their start, on
  // time and late.
  Section47Record S47(const std::string& child) {
    Section47Record s;
    s.child = child;
    s.s47_index = static_cast<int>(++numbered_);
    if (Uniform(0, 8) > 0) s.s47_start = Day(D(2017, 6, 1), 900);
    const Date from = s.s47_start.value_or(D(2017, 6, 1));
    if (Uniform(0, 6) > 0) {
      s.icpc = Date::FromSerial(from.serial() + Uniform(-5, 40));
    }
    return s;
  }

  // Plans open and ended, short and long, some with no start, with
  // conferences about 3 and 6 months apart, repeated and outside the plan.
  CpPlanRecord Plan(const std::string& child) {
    CpPlanRecord p;
    p.child = child;
    p.plan_index = static_cast<int>(++numbered_);
    if (Uniform(0, 10) > 0) p.start = Day(D(2015, 6, 1), 1700);
    const Date from = p.start.value_or(D(2017, 1, 1));
    if (Uniform(0, 2) > 0) p.end = Day(from, 1000);
    if (Uniform(0, 3) == 0) p.previous_plans = Uniform(0, 2);
    Date day = Date::FromSerial(from.serial() + Uniform(-10, 100));
    for (int n = Uniform(0, 6); n > 0; --n) {
      p.reviews.push_back(day);
      if (Uniform(0, 8) == 0) p.reviews.push_back(day);  // a repeat
      day = Date::FromSerial(day.serial() + Uniform(20, 220));
    }
    return p;
  }

  std::mt19937 rng_;
  uint32_t numbered_ = 0;
};

}  // namespace testing
}  // namespace timescales

#endif  // TSC_TESTS_TESTING_RANDOM_DATASET_H_
