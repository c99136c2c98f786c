// File: examples/county/generate_county.cc
// -----------------------------------------------------------------------------
//
// generate_county: a deterministic synthetic county, written in the shapes
// councils already hold (docs/inputs.md): the SSDA903 return as CSV, one CIN
// census XML file a year, and the library's own meetings.csv. It feeds `make
// demo` (the committed examples/data) and the national-scale benchmarks.
//
//   generate_county --out DIR [--seed N] [--scale S]
//                   [--from 2017-04-01] [--to 2021-03-31]
//
// writes DIR/ssda903/{header,episodes,reviews}.csv,
// DIR/cin/cin_census_YYYY.xml (ReferenceDate 31 March YYYY, one for each
// census year the window overlaps; --from must be a 1 April) and
// DIR/meetings.csv. --scale S makes S times the county: 300 children in care
// and 330 children with CP activity at --scale 1.
//
// The figures it aims for are those of Leicestershire's IRO annual report
// 2019/20 (LAC reviews 98.4% on time, participation 86.6% -> 92.3%, ICPCs
// 95.2%, review conferences 93%, repeat plans 21.6% rising from October
// 2019, social workers' reports 24 hours before 76% -> 68.3%, ...): see
// `Rates` below and examples/data/README.md.
//
// Determinism: children in care and children with CP activity each draw
// from one std::mt19937_64 (whose output the standard fixes) seeded from
// --seed, through the integer-only distributions below; not through
// std::uniform_*_distribution, whose output differs between standard
// libraries. Due dates come from the library itself (the England and Wales
// calendar and the rule catalogue), so a seed gives the same bytes
// everywhere.
//
// Streaming: children are generated one at a time and written at once, all
// output files open side by side, so memory stays flat at any --scale.
//
// DIRTY DATA. Real extracts are not clean. In every block of 300 children in
// care and of 330 children with CP activity (one of each at --scale 1) the
// generator injects these, which the importers must reject, or the KPIs
// exclude under a named reason:
//
//   ssda903/reviews.csv
//     * one row whose REVIEW is 31/02/YYYY (no such date): rejected;
//     * one row whose REVIEW is blank (blank key): rejected;
//     * three reviews written twice, same child and date, the repeat with
//       another code (KPIs: `duplicate_review`, the first row is kept);
//     * three blank REVIEW_CODEs and one `PN8` (`missing_code`);
//     * two reviews dated after the child left care, in no period of care
//       (`no_period_of_care`);
//     * reviews held in short-break (V4) periods, as some councils record
//       them against DfE rule 399 (`short_breaks`).
//   ssda903/episodes.csv
//     * one episode repeated exactly (rejected as a duplicate episode);
//     * one copy of an episode with a blank CHILD (rejected).
//   meetings.csv
//     * one row whose held_at is 2019-06-31T10:30 (no such date): rejected;
//     * three children's LAC reviews with a blank chair_id ("(none)").
//   cin/cin_census_YYYY.xml
//     * two Section47 without S47ActualStartDate (`missing_s47_start`);
//     * two Section47 whose start is after the ICPC (`icpc_before_s47`);
//     * two plans with a review conference date given twice
//       (`duplicate_review`);
//     * two plans with a review conference after CPPendDate
//       (`review_outside_plan`);
//     * one Section47 (of an enquiry that needed no conference) whose
//       S47ActualStartDate is YYYY-02-30: rejected.
//
// Quirks that are not defects, and must simply work: two review codes in
// lower case (`pn6`), one child's episodes written newest first, open
// episodes with blank DEC and REC, a few social workers' report times given
// as a date only, and CP plans repeated in every census they were open in.
//
// Lateness that is not a defect: per block, two LAC reviews due in the
// second half of March 2020 slip into April (the first lockdown; overdue at
// 31 March 2020) and three reviews due in the data's last two months are
// not held (overdue at --to).

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <initializer_list>
#include <iostream>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "timescales/calendar.h"
#include "timescales/date.h"
#include "timescales/due.h"
#include "timescales/rules.h"

namespace {

using timescales::Calendar;
using timescales::Date;
using timescales::Roll;
using timescales::Rule;
using timescales::Timescales;

// ---- Failure ----------------------------------------------------------------

[[noreturn]] void Die(const std::string& message) {
  std::cerr << "generate_county: " << message << "\n";
  std::exit(1);
}

// The generator only asks for dates well inside the library's range, so a
// failure here is a bug, not bad input.
template <typename T>
T Must(absl::StatusOr<T> value) {
  if (!value.ok()) Die(std::string(value.status().message()));
  return *std::move(value);
}

// ---- Random numbers ---------------------------------------------------------

// SplitMix64: spreads (seed, stream) into well-mixed engine seeds.
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// std::mt19937_64 with distributions of our own, written with integer
// arithmetic (and one exact double conversion) so every platform agrees.
class Rng {
 public:
  Rng(uint64_t seed, uint64_t stream) : engine_(Mix(seed ^ Mix(stream))) {}

  // Uniform in [0, n), by rejection: no modulo bias.
  uint64_t Below(uint64_t n) {
    const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x;
    do {
      x = engine_();
    } while (x >= limit);
    return x % n;
  }
  // Uniform in [lo, hi].
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }
  // Uniform in [0, 1): the top 53 bits, exactly representable.
  double Unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return Unit() < p; }
  // An index drawn with the given integer weights.
  int Pick(std::initializer_list<int> weights) {
    int total = 0;
    for (int w : weights) total += w;
    int r = static_cast<int>(Below(static_cast<uint64_t>(total)));
    int i = 0;
    for (int w : weights) {
      if (r < w) return i;
      r -= w;
      ++i;
    }
    return i - 1;
  }
  // A value uniform in one of several ranges, the range drawn by weight.
  struct Band {
    int weight, lo, hi;
  };
  int FromBands(std::initializer_list<Band> bands) {
    int total = 0;
    for (const Band& b : bands) total += b.weight;
    int r = static_cast<int>(Below(static_cast<uint64_t>(total)));
    for (const Band& b : bands) {
      if (r < b.weight) return Between(b.lo, b.hi);
      r -= b.weight;
    }
    return bands.end()[-1].hi;
  }
  template <size_t N>
  const char* PickCode(const std::array<const char*, N>& codes,
                       std::initializer_list<int> weights) {
    return codes[static_cast<size_t>(Pick(weights))];
  }

 private:
  std::mt19937_64 engine_;
};

// A quota: true about `p` of the time, the count of trues after n draws
// being floor(phase + sum of p), so within one of its expectation (and
// unbiased over the random phase). Bernoulli draws at the demo's size (300
// reviews a year) would wander points away from the report's figures; the
// children's random order still puts the trues at random places.
class Quota {
 public:
  void set_phase(double phase) { acc_ = phase; }
  // `forced`: the outcome is already true (decided elsewhere); count it.
  bool Draw(double p, bool forced = false) {
    acc_ += p;
    if (forced || acc_ >= 1) {
      acc_ -= 1;
      return true;
    }
    return false;
  }

 private:
  double acc_ = 0;
};

// ---- Dates ------------------------------------------------------------------

Date Ymd(int y, int m, int d) { return Must(Date::FromYmd(y, m, d)); }
Date Plus(Date d, int days) { return Date::FromSerial(d.serial() + days); }
int DaysBetween(Date a, Date b) { return b.serial() - a.serial(); }
Date PlusMonths(Date d, int months) {
  return Must(timescales::AddMonths(d, months));
}
// Financial year (April to March) named by the year it starts in.
// Year, month and day in one conversion (H. Hinnant's civil_from_days):
// Date's accessors convert once each, and formatting is the hot path.
struct Civil {
  int y, m, d;
};
Civil Split(Date date) {
  const int32_t z = date.serial() + 719468;
  const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int32_t doe = z - era * 146097;
  const int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int32_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400) + (m <= 2), m, d};
}
int FinancialYear(Date d) {
  const Civil c = Split(d);
  return c.m >= 4 ? c.y : c.y - 1;
}
// Whole years of age on `on`.
int AgeYears(Date dob, Date on) {
  const Civil b = Split(dob), o = Split(on);
  int age = o.y - b.y;
  if (o.m < b.m || (o.m == b.m && o.d < b.d)) --age;
  return age;
}

void Append2(std::string* out, int v) {
  out->push_back(static_cast<char>('0' + v / 10));
  out->push_back(static_cast<char>('0' + v % 10));
}
void Append4(std::string* out, int v) {
  Append2(out, v / 100);
  Append2(out, v % 100);
}
// dd/mm/yyyy, as the DfE returns write dates.
void AppendDmy(std::string* out, Date date) {
  const Civil c = Split(date);
  Append2(out, c.d);
  out->push_back('/');
  Append2(out, c.m);
  out->push_back('/');
  Append4(out, c.y);
}
void AppendIso(std::string* out, Date date) {
  const Civil c = Split(date);
  Append4(out, c.y);
  out->push_back('-');
  Append2(out, c.m);
  out->push_back('-');
  Append2(out, c.d);
}
std::string Iso(Date d) {
  std::string s;
  AppendIso(&s, d);
  return s;
}

// A date with an optional time of day (minutes after midnight).
struct Stamp {
  Date date;
  int minute = -1;  // -1: date only
};
void AppendStamp(std::string* out, const std::optional<Stamp>& stamp) {
  if (!stamp) return;
  AppendIso(out, stamp->date);
  if (stamp->minute < 0) return;
  out->push_back('T');
  Append2(out, stamp->minute / 60);
  out->push_back(':');
  Append2(out, stamp->minute % 60);
}

// ---- Output -----------------------------------------------------------------

// A file written through a large buffer.
class Output {
 public:
  void Open(const std::filesystem::path& path) {
    path_ = path.string();
    file_ = std::fopen(path_.c_str(), "wb");
    if (file_ == nullptr) {
      Die("cannot write " + path_ + ": " + std::strerror(errno));
    }
    buffer_.reserve(kFlushAt + 4096);
  }
  std::string* buffer() { return &buffer_; }
  void Put(absl::string_view text) { buffer_.append(text.data(), text.size()); }
  // Call after each record: writes out a full buffer.
  void Flushed() {
    if (buffer_.size() >= kFlushAt) Flush();
  }
  void Close() {
    Flush();
    if (std::fclose(file_) != 0) Die("cannot close " + path_);
    file_ = nullptr;
  }
  int64_t rows = 0;

 private:
  static constexpr size_t kFlushAt = 1 << 20;
  void Flush() {
    if (!buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(),
                                        file_) != buffer_.size()) {
      Die("cannot write " + path_ + ": " + std::strerror(errno));
    }
    buffer_.clear();
  }
  std::string path_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
};

// ---- What the county looks like ---------------------------------------------

// Per financial year: the rates the generator aims for. 2019-20 is
// Leicestershire's IRO annual report 2019/20; 2018-19 its "last year"
// figures where the report gives them; the rest are chosen to continue the
// trends it describes (examples/data/README.md says which is which).
struct Rates {
  int year;
  double lac_on_time;    // LAC reviews on time (98.4% in 2019-20)
  double participation;  // PN1-PN6 of PN1-PN7 (86.6% -> 92.3%)
  double icpc_on_time;   // ICPC within 15 working days (95.2%)
  double rcpc_on_time;   // review conferences on time (93%)
  double sw_report_24h;  // report 24 hours before (76% -> 68.3%)
  double decisions_5wd;  // decisions within 5 working days ("consistently")
  double record_20wd;    // record within 20 working days (backlog cleared)
  double qa_alert;       // chance a meeting raises an alert (use growing)
  int long_plans;        // per cent of plans reaching a 4th+ conference
};
constexpr Rates kRates[] = {
    {2017, 0.972, 0.850, 0.900, 0.910, 0.780, 0.860, 0.620, 0.030, 30},
    {2018, 0.978, 0.866, 0.930, 0.920, 0.760, 0.890, 0.700, 0.050, 20},
    {2019, 0.990, 0.923, 0.955, 0.930, 0.683, 0.960, 0.870, 0.090, 12},
    {2020, 0.982, 0.925, 0.940, 0.940, 0.700, 0.970, 0.900, 0.110, 12},
};
constexpr int kFirstRateYear = 2017;
constexpr int kRateYears = 4;

int RateIndex(Date d) {
  return std::clamp(FinancialYear(d) - kFirstRateYear, 0, kRateYears - 1);
}
const Rates& RatesFor(Date d) { return kRates[RateIndex(d)]; }

// Repeat CP plans: ~19% until a "gradual increase from October 2019" to
// 21.6% for 2019-20 (target 19%, statistical neighbours 22.2%).
double RepeatTarget(Date start) {
  const int fy = FinancialYear(start);
  if (fy < 2018) return 0.185;
  if (fy == 2018) return 0.190;
  if (fy > 2019) return 0.225;
  static constexpr double kMonthly[12] = {0.245, 0.255, 0.265,   // Jan-Mar
                                          0.195, 0.195, 0.195,   // Apr-Jun
                                          0.195, 0.195, 0.195,   // Jul-Sep
                                          0.210, 0.225, 0.235};  // Oct-Dec
  return kMonthly[Split(start).m - 1];
}

constexpr int kChairs = 12;
// How readily each IRO raises QA alerts: "use of the alerts is not
// consistent across the IRO group".
constexpr double kChairAlertBias[kChairs] = {0.3, 1.0, 2.6, 0.8, 0.1, 1.2,
                                             2.2, 0.6, 1.0, 0.4, 1.5, 0.9};
// Meetings start on the half hour, mornings mostly.
constexpr int kStartMinutes[] = {570, 600, 630, 660, 810, 840, 870, 930};

// Children per block; one block of each at --scale 1. The defects are
// injected once per block, so --scale 1 holds exactly the handful listed.
constexpr int kLacBlock = 300;
constexpr int kCpBlock = 330;

constexpr std::array<const char*, 20> kEthnic = {
    "WBRI", "WIRI", "WOTH", "WROM", "MWBC", "MWBA", "MWAS",
    "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR",
    "BOTH", "CHNE", "OOTH", "REFU", "NOBT", "WIRT"};
const std::initializer_list<int> kEthnicWeights = {
    700, 5, 40, 5, 40, 10, 20, 20, 40, 10, 5, 10, 10, 20, 5, 3, 15, 5, 5, 2};

// A synthetic UPN: a letter and twelve digits (no real check letter), or
// UN1 ("not yet allocated") for a few.
std::string MakeUpn(Rng& rng) {
  if (rng.Chance(0.04)) return "UN1";
  std::string upn(1, static_cast<char>('A' + rng.Between(0, 25)));
  for (int i = 0; i < 12; ++i) {
    upn.push_back(static_cast<char>('0' + rng.Between(0, 9)));
  }
  return upn;
}

// A synthetic East Midlands-looking postcode ("LE4 6AB").
std::string MakePostcode(Rng& rng) {
  static constexpr const char* kAreas[] = {"LE", "LE", "LE", "NG", "CV", "DE"};
  std::string pc = kAreas[rng.Between(0, 5)];
  pc += std::to_string(rng.Between(1, 19));
  pc.push_back(' ');
  pc.push_back(static_cast<char>('0' + rng.Between(1, 9)));
  pc.push_back(static_cast<char>('A' + rng.Between(0, 25)));
  pc.push_back(static_cast<char>('A' + rng.Between(0, 25)));
  return pc;
}

std::string ChairId(int chair) {
  std::string id = "IRO";
  Append2(&id, chair + 1);
  return id;
}

// ---- Children in care (SSDA903) ---------------------------------------------

struct EpisodeRow {
  Date decom;
  std::string rne, ls, cin, place, provider;
  std::optional<Date> dec;
  std::string rec, reason, pl_post, urn;
};

struct Period {
  Date start;
  std::optional<Date> end;  // unset: still open at --to
  bool short_break = false;
  std::vector<EpisodeRow> episodes;  // only those the extract holds
};

struct ReviewRow {
  Date date;
  std::string code;
  bool blank_date = false;  // injected: blank REVIEW
  bool impossible = false;  // injected: 31/02/YYYY
  // Injected: the row is keyed again straight after, with this code.
  std::optional<std::string> repeat_code;

  ReviewRow(Date d, std::string c) : date(d), code(std::move(c)) {}
};

struct MeetingRow {
  std::string child;
  const char* type;
  Stamp held;
  std::optional<Stamp> sw_report, decisions, record;
  std::string chair;
  int qa_alerts = 0;
  bool impossible = false;  // injected: held_at 2019-06-31
};

// The defects still to inject in the current block; each is armed at its
// own place in the block and placed on the first child it fits.
struct LacDefects {
  int duplicate_review = 0, blank_code = 0, bad_code = 0, lower_code = 0,
      impossible_date = 0, blank_date = 0, no_period = 0,
      blank_child_episode = 0, duplicate_episode = 0, reversed = 0,
      bad_meeting = 0, blank_chair = 0;
  // Not defects: the lateness real services show.
  int overdue_at_end = 0, covid_slip = 0;
};

struct CpDefects {
  int missing_s47_start = 0, icpc_before_s47 = 0, duplicate_review = 0,
      review_outside = 0, bad_s47_date = 0;
};

struct Options {
  std::filesystem::path out;
  uint64_t seed = 20201118;  // the day the reference report went to committee
  double scale = 1.0;
  Date from = Ymd(2017, 4, 1);
  Date to = Ymd(2021, 3, 31);
};

// One census year: the collection period and its file.
struct Census {
  Date start;      // ReferenceDate - 1 year + 1 day
  Date reference;  // 31 March
  Output out;
};

// ---- Child protection (CIN census) ------------------------------------------

struct Section47 {
  std::optional<Date> start;  // unset: injected `missing_s47_start`
  Date true_start;            // for the census year and InitialCPCtarget
  std::optional<Date> icpc;
  bool bad_date = false;  // injected: YYYY-02-30
};

struct Plan {
  Date start;
  std::optional<Date> end;  // unset: open at --to
  int previous = 0;         // NumberOfPreviousCPP
  std::string initial_category, latest_category;
  std::vector<Date> reviews;  // held, in date order (as written)
  int chair = 0;
};

// A CIN episode (CINdetails): a referral, its s47, and at most one plan.
struct CinEpisode {
  Date referral;
  std::optional<Date> closure;
  std::string referral_source, need, closure_reason;
  Section47 s47;
  std::optional<Plan> plan;
};

class County {
 public:
  explicit County(const Options& options)
      : o_(options),
        ts_(Must(Timescales::Default())),
        cal_(ts_.calendar()),
        first_review_(GetRule("lac.first_review")),
        second_review_(GetRule("lac.second_review")),
        subsequent_review_(GetRule("lac.subsequent_review")),
        first_rcpc_(GetRule("cp.first_rcpc")),
        subsequent_rcpc_(GetRule("cp.subsequent_rcpc")),
        lac_rng_(o_.seed, 1),
        cp_rng_(o_.seed, 2) {
    Rng phases(o_.seed, 3);
    for (Quota* year : {lac_late_, participation_, icpc_, rcpc_, sw_,
                        decisions_, record_, repeat_}) {
      for (int i = 0; i < kRateYears; ++i) year[i].set_phase(phases.Unit());
    }
  }

  void Run();

 private:
  const Rule& GetRule(const char* id) const {
    return *Must(ts_.rules().Get(id));
  }
  Date Due(const Rule& rule, Date anchor) const {
    return Must(ts_.LegalDueDate(rule, anchor));
  }
  Date AddWd(Date d, int n) const { return Must(cal_.AddWorkingDays(d, n)); }
  Date Working(Date d, Roll roll) const { return Must(cal_.Adjust(d, roll)); }
  bool IsWorking(Date d) const { return Must(cal_.IsWorkingDay(d)); }
  bool InWindow(Date d) const { return d >= o_.from && d <= o_.to; }

  void OpenFiles();
  void CloseFiles();

  // Children in care.
  void LacChild(int64_t number);
  Period MakePeriod(Rng& rng, Date dob, Date start, bool pre_window,
                    const std::string& home_post);
  void ShortBreaks(Rng& rng, Date dob, Date start, bool single_breaks,
                   std::vector<Period>* periods);
  std::string PlacementFor(Rng& rng, int age, const std::string& ls,
                           std::string* provider, std::string* urn);
  std::vector<Period> LacHistory(Rng& rng, const std::string& home_post,
                                 Date* dob);
  std::vector<Date> ReviewChain(Rng& rng, const Period& period);
  std::string ReviewCode(Rng& rng, Date dob, Date review);
  MeetingRow LacMeeting(Rng& rng, const std::string& child, Date review,
                        int chair);
  void WriteEpisode(const std::string& child, const std::string& home,
                    const EpisodeRow& e);
  void WriteReview(const std::string& child, Date dob, const std::string& date,
                   const std::string& code);
  void WriteMeeting(const MeetingRow& m);

  // Child protection.
  void CpChild(int64_t number);
  Plan MakePlan(Rng& rng, Date start, int previous);
  bool WriteCinChild(const std::string& id, const std::string& upn, Date dob,
                     int sex, const std::vector<CinEpisode>& episodes);

  const Options o_;
  const Timescales ts_;
  const Calendar& cal_;
  const Rule& first_review_;
  const Rule& second_review_;
  const Rule& subsequent_review_;
  const Rule& first_rcpc_;
  const Rule& subsequent_rcpc_;

  Output header_, episodes_, reviews_, meetings_;
  std::vector<std::unique_ptr<Census>> census_;

  // Per financial year: the quotas of the figures the report gives. The
  // repeat-plan quota takes each month's target in turn: a draw then comes
  // true with that month's probability, and the year's total is exact.
  Quota lac_late_[kRateYears], participation_[kRateYears], icpc_[kRateYears],
      rcpc_[kRateYears], sw_[kRateYears], decisions_[kRateYears],
      record_[kRateYears], repeat_[kRateYears];

  // One engine a stream: seeding a Mersenne Twister per child cost more
  // than the rest of the child's work.
  Rng lac_rng_, cp_rng_;
  const Date covid_from_ = Ymd(2020, 3, 16), covid_to_ = Ymd(2020, 3, 31);
  LacDefects lac_todo_;
  CpDefects cp_todo_;
  int64_t cp_children_ = 0, plans_ = 0, icpcs_ = 0, rcpcs_ = 0;
};

// ---- Files ------------------------------------------------------------------

void County::OpenFiles() {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(o_.out / "ssda903", ec);
  if (ec) Die("cannot create " + (o_.out / "ssda903").string());
  fs::create_directories(o_.out / "cin", ec);
  if (ec) Die("cannot create " + (o_.out / "cin").string());

  header_.Open(o_.out / "ssda903" / "header.csv");
  header_.Put("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n");
  episodes_.Open(o_.out / "ssda903" / "episodes.csv");
  episodes_.Put(
      "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,"
      "REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n");
  reviews_.Open(o_.out / "ssda903" / "reviews.csv");
  reviews_.Put("CHILD,DOB,REVIEW,REVIEW_CODE\n");
  meetings_.Open(o_.out / "meetings.csv");
  meetings_.Put(
      "child_id,meeting_type,held_at,sw_report_received_at,"
      "decisions_sent_at,record_distributed_at,chair_id,qa_alerts\n");

  // One census for every 31 March whose collection year overlaps the window.
  const int first = o_.from.month() >= 4 ? o_.from.year() + 1 : o_.from.year();
  for (int year = first;; ++year) {
    auto census = std::make_unique<Census>();
    census->reference = Ymd(year, 3, 31);
    census->start = Ymd(year - 1, 4, 1);
    if (census->start > o_.to) break;
    census->out.Open(o_.out / "cin" /
                     ("cin_census_" + std::to_string(year) + ".xml"));
    std::string* b = census->out.buffer();
    // The header the DfE COLLECT system expects; LEA 999 is no real council.
    *b += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n";
    *b += "\t<Header>\n\t\t<CollectionDetails>\n";
    *b += "\t\t\t<Collection>CIN</Collection>\n\t\t\t<Year>";
    *b += std::to_string(year) + "</Year>\n\t\t\t<ReferenceDate>";
    AppendIso(b, census->reference);
    *b += "</ReferenceDate>\n\t\t</CollectionDetails>\n\t\t<Source>\n";
    *b += "\t\t\t<SourceLevel>L</SourceLevel>\n\t\t\t<LEA>999</LEA>\n";
    *b += "\t\t\t<SoftwareCode>timescales generate_county</SoftwareCode>\n";
    *b += "\t\t\t<Release>1</Release>\n\t\t\t<SerialNo>001</SerialNo>\n";
    *b += "\t\t\t<DateTime>";
    AppendIso(b, Ymd(year, 5, 28));
    *b += "T09:00:00</DateTime>\n\t\t</Source>\n\t</Header>\n\t<Children>\n";
    census_.push_back(std::move(census));
  }
}

void County::CloseFiles() {
  header_.Close();
  episodes_.Close();
  reviews_.Close();
  meetings_.Close();
  for (auto& census : census_) {
    census->out.Put("\t</Children>\n</Message>\n");
    census->out.Close();
  }
}

// ---- Children in care -------------------------------------------------------

// A placement (PLACE) fit for the child's age and legal status, with its
// provider and URN.
std::string County::PlacementFor(Rng& rng, int age, const std::string& ls,
                                 std::string* provider, std::string* urn) {
  static constexpr std::array<const char*, 10> kPlaces = {
      "U1", "U3", "U4", "U5", "U6", "K2", "H5", "P1", "R1", "S1"};
  std::string place;
  if (age < 10) {
    place = rng.PickCode(kPlaces, {10, 6, 40, 8, 16, 2, 0, 8, 0, 1});
  } else if (age < 16) {
    place = rng.PickCode(kPlaces, {6, 4, 34, 8, 14, 16, 1, 5, 3, 2});
  } else {
    place = rng.PickCode(kPlaces, {4, 3, 22, 6, 10, 16, 30, 4, 2, 1});
  }
  // Placement with parents (reg 19) needs a care order, not s20.
  if (place == "P1" && ls[0] != 'C') place = "U4";
  // Placements with relatives or parents need no Ofsted URN.
  const bool registered =
      place != "U1" && place != "U2" && place != "U3" && place != "P1";
  if (place == "P1") {
    *provider = "PR0";
  } else if (place == "U1" || place == "U2" || place == "U3") {
    *provider = "PR1";
  } else if (place[0] == 'U') {
    *provider = rng.Chance(0.6) ? "PR1" : "PR4";
  } else {
    *provider = rng.Chance(0.8) ? "PR4" : "PR1";
  }
  // Ofsted URNs look like SC123456; XXXXXXX where none applies.
  *urn = registered ? "SC" + std::to_string(rng.Between(100000, 999999))
                    : "XXXXXXX";
  return place;
}

// One period of care from `start`: its episodes (placement moves and legal
// status changes), clipped to the episodes a multi-year 903 extract over
// [--from, --to] holds. `pre_window`: the child came into care before the
// data, and is still in care at --from.
Period County::MakePeriod(Rng& rng, Date dob, Date start, bool pre_window,
                          const std::string& home_post) {
  static constexpr std::array<const char*, 4> kReasons = {"CARPL", "CREQB",
                                                          "LAREQ", "PLACE"};
  const int age = AgeYears(dob, start);
  const Date adult = PlusMonths(dob, 18 * 12);
  Period period;
  period.start = start;

  // The route through care and the day it ends.
  const bool adoption = age < 4 && rng.Chance(0.35);
  Date end;
  std::string end_rec;
  if (adoption) {
    end = Plus(start, rng.Between(450, 1000));
    end_rec = rng.Chance(0.7) ? "E11" : "E12";
  } else {
    int days;
    if (pre_window) {
      // Children already in care stay longer: days left after --from.
      days = DaysBetween(start, o_.from) + rng.Between(200, 2000);
      if (rng.Chance(0.35)) days = DaysBetween(start, adult);
    } else {
      switch (rng.Pick({15, 22, 33, 30})) {
        case 0:
          days = rng.Between(10, 90);
          break;
        case 1:
          days = rng.Between(91, 365);
          break;
        case 2:
          days = rng.Between(366, 1100);
          break;
        default:
          days = DaysBetween(start, adult);
          break;
      }
    }
    end = Plus(start, std::max(days, 2));
    static constexpr std::array<const char*, 8> kEnds = {
        "E4A", "E13", "E41", "E45", "E46", "E4B", "E3", "E8"};
    end_rec = rng.PickCode(kEnds, {40, 15, 10, 8, 10, 5, 4, 8});
  }
  if (end >= adult) {
    end = adult;
    static constexpr std::array<const char*, 3> kAdult = {"E17", "E5", "E8"};
    end_rec = rng.PickCode(kAdult, {40, 35, 25});
  }

  // Legal status at entry, and its changes.
  static constexpr std::array<const char*, 7> kEntry = {"V2", "C1", "L1", "L2",
                                                        "J2", "C2", "V2"};
  std::string ls;
  if (adoption) {
    ls = rng.Chance(0.75) ? "C1" : "L2";
  } else if (age >= 16) {
    ls = rng.Chance(0.85) ? "V2" : "C2";
  } else if (age >= 10) {
    ls = rng.PickCode(kEntry, {45, 30, 5, 3, 3, 8, 6});
  } else {
    ls = rng.PickCode(kEntry, {45, 35, 5, 5, 0, 10, 0});  // no remand
  }
  if (ls == "J2") {  // remand: short, ends when the remand does
    end = std::min(end, Plus(start, rng.Between(10, 60)));
    end_rec = "E14";
  }
  struct Change {
    int day;
    char kind;  // 'L' legal status, 'P' placement
    std::string value;
  };
  std::vector<Change> changes;
  const int length = DaysBetween(start, end);
  int day = 0;
  std::string cur = ls;
  if (cur == "L1" || cur == "L2") {
    day = rng.Between(1, 8);
    cur = rng.Chance(0.7) ? "C1" : "V2";
    changes.push_back({day, 'L', cur});
  }
  if (cur == "C1" && rng.Chance(0.8)) {
    day += rng.Between(150, 300);
    cur = "C2";
    changes.push_back({day, 'L', cur});
  } else if (cur == "V2" && rng.Chance(0.15)) {
    day += rng.Between(30, 200);
    cur = "C1";
    changes.push_back({day, 'L', cur});
  }
  if (adoption) {
    day = std::max(day, 250) + rng.Between(30, 150);
    changes.push_back({day, 'L', "E1"});  // placement order
    day += rng.Between(30, 90);
    changes.push_back({day, 'P', rng.Chance(0.3) ? "A5" : "A6"});
    end = std::max(end, Plus(start, day + rng.Between(120, 300)));
  }
  // Placement moves: more in the first year, then about one in three years.
  for (int t = rng.Between(20, 400); t < length;) {
    if (!adoption) changes.push_back({t, 'P', ""});
    const int gap = std::min(rng.Between(60, 900), rng.Between(60, 900));
    t += t < 365 ? gap / 2 : gap;
  }
  std::stable_sort(
      changes.begin(), changes.end(),
      [](const Change& a, const Change& b) { return a.day < b.day; });

  // Build the episodes; a legal and a placement change on one day are one
  // episode with RNE T.
  const std::string cin = rng.PickCode(
      std::array<const char*, 6>{"N1", "N2", "N4", "N5", "N8", "N3"},
      {63, 3, 8, 15, 7, 4});
  std::vector<EpisodeRow> all;
  EpisodeRow current;
  current.decom = start;
  current.rne = "S";
  current.ls = ls;
  current.cin = cin;
  current.place = PlacementFor(rng, age, ls, &current.provider, &current.urn);
  current.pl_post = current.place == "P1" ? home_post : MakePostcode(rng);
  for (size_t i = 0; i < changes.size(); ++i) {
    const int at = changes[i].day;
    const Date when = Plus(start, at);
    if (when >= end || at <= DaysBetween(start, current.decom)) continue;
    bool legal = false, placement = false;
    EpisodeRow next = current;
    for (; i < changes.size() && changes[i].day == at; ++i) {
      if (changes[i].kind == 'L') {
        legal = true;
        next.ls = changes[i].value;
      } else {
        placement = true;
        if (changes[i].value.empty()) {
          next.place = PlacementFor(rng, AgeYears(dob, when), next.ls,
                                    &next.provider, &next.urn);
        } else {
          next.place = changes[i].value;
          next.provider = "PR1";
          next.urn = "XXXXXXX";
        }
        next.pl_post = next.place == "P1" ? home_post : MakePostcode(rng);
      }
    }
    --i;
    current.dec = when;
    current.rec = "X1";
    if (placement) {
      current.reason = rng.Chance(0.6)
                           ? kReasons[static_cast<size_t>(rng.Between(0, 3))]
                           : rng.PickCode(
                                 std::array<const char*, 7>{
                                     "CREQO", "CHILD", "STAND", "APPRR",
                                     "CLOSE", "ALLEG", "OTHER"},
                                 {8, 8, 8, 5, 3, 2, 2});
    }
    all.push_back(current);
    next.decom = when;
    next.rne = legal && placement ? "T" : legal ? "L" : "P";
    next.dec.reset();
    next.rec.clear();
    next.reason.clear();
    current = next;
  }
  current.dec = end;
  current.rec = end_rec;
  all.push_back(current);

  // What a 903 extract over [from, to] holds: episodes open at some point
  // in the window; anything after --to is not known yet.
  for (EpisodeRow& e : all) {
    if (e.dec && *e.dec < o_.from) continue;
    if (e.decom > o_.to) break;
    if (e.dec && *e.dec > o_.to) {
      e.dec.reset();
      e.rec.clear();
      e.reason.clear();
    }
    period.episodes.push_back(e);
  }
  if (end <= o_.to) period.end = end;
  return period;
}

// Short breaks (LS V3/V4, reg 48). V4: one episode for an agreed series of
// breaks; V3: each break its own episode (and period).
void County::ShortBreaks(Rng& rng, Date dob, Date start, bool single_breaks,
                         std::vector<Period>* periods) {
  const int age = AgeYears(dob, start);
  Date at = start;
  const int count = single_breaks ? rng.Between(3, 8) : rng.Between(1, 2);
  for (int k = 0; k < count && at <= o_.to; ++k) {
    EpisodeRow e;
    e.decom = at;
    e.rne = "S";
    e.ls = single_breaks ? "V3" : "V4";
    e.cin = "N2";  // disability: the usual reason for short breaks
    e.place = rng.Chance(0.5) ? "K2" : "U4";
    e.provider = "PR1";
    e.urn = "SC" + std::to_string(rng.Between(100000, 999999));
    e.pl_post = MakePostcode(rng);
    const Date end =
        Plus(at, single_breaks ? rng.Between(2, 6) : rng.Between(180, 365));
    if (end <= o_.to) {
      e.dec = end;
      e.rec = "E13";
    }
    Period p;
    p.start = at;
    if (e.dec) p.end = e.dec;
    p.short_break = true;
    p.episodes.push_back(e);
    periods->push_back(p);
    at = Plus(end, single_breaks ? rng.Between(20, 90) : rng.Between(1, 30));
    if (AgeYears(dob, at) >= 18 || age >= 18) break;
  }
}

// The review dates of one period of care: the 20 working days, 3 months,
// 6 months chain (CPPCR 2010 reg 33), chained on the dates actually held.
// Reviews before --from are generated (they fix the later due dates) but
// not returned.
std::vector<Date> County::ReviewChain(Rng& rng, const Period& period) {
  std::vector<Date> held;
  std::optional<Date> previous;
  for (int slot = 1;; ++slot) {
    const Date due = slot == 1   ? Due(first_review_, period.start)
                     : slot == 2 ? Due(second_review_, *previous)
                                 : Due(subsequent_review_, *previous);
    const bool counted = due >= o_.from;
    const bool open_on_due = !period.end || *period.end > due;
    // A few reviews due in the data's last two months are never held: they
    // are overdue at --to.
    if (counted && open_on_due && due > Plus(o_.to, -60) && due <= o_.to &&
        lac_todo_.overdue_at_end > 0) {
      --lac_todo_.overdue_at_end;
      break;
    }
    // The first lockdown (23 March 2020) put back a few reviews due in the
    // second half of March 2020: overdue at 31 March 2020, held in April.
    const bool covid = open_on_due && due >= covid_from_ && due <= covid_to_ &&
                       lac_todo_.covid_slip > 0;
    if (covid) --lac_todo_.covid_slip;
    const Rates& rates = RatesFor(due);
    const bool late =
        covid ||
        (counted ? lac_late_[RateIndex(due)].Draw(1 - rates.lac_on_time)
                 : rng.Chance(0.03));
    Date date;
    if (covid) {
      date = AddWd(due, rng.Between(12, 20));  // always into April
    } else if (late) {
      date = AddWd(due, rng.FromBands({{60, 1, 3}, {30, 4, 8}, {10, 9, 15}}));
    } else {
      // Held in the weeks before the due date, most close to it.
      int early;
      if (slot == 1) {
        early = rng.Between(0, 10);
      } else if (slot == 2) {
        early = rng.Between(0, 12);
      } else {
        early = rng.FromBands({{50, 0, 5}, {35, 6, 15}, {15, 16, 30}});
      }
      date = AddWd(Working(due, Roll::kPreceding), -early);
      const Date floor = previous ? *previous : period.start;
      if (date <= floor) date = Must(cal_.NextWorkingDay(floor));
    }
    // The child left care before the review: no more reviews.
    if (period.end && date > *period.end) break;
    if (date > o_.to) break;
    if (date >= o_.from) held.push_back(date);
    previous = date;
  }
  return held;
}

// The participation code (docs/kpis.md#pn-codes): PN0 under 4; otherwise how
// the child took part, the younger more often non-verbally.
std::string County::ReviewCode(Rng& rng, Date dob, Date review) {
  if (review < PlusMonths(dob, 48)) return "PN0";
  const Rates& rates = RatesFor(review);
  const bool silent =
      participation_[RateIndex(review)].Draw(1 - rates.participation);
  if (!silent) {
    const int age = AgeYears(dob, review);
    static constexpr std::array<const char*, 6> kTookPart = {
        "PN1", "PN2", "PN3", "PN4", "PN5", "PN6"};
    if (age < 8) return rng.PickCode(kTookPart, {15, 10, 25, 20, 10, 20});
    if (age < 13) return rng.PickCode(kTookPart, {40, 5, 5, 8, 10, 32});
    return rng.PickCode(kTookPart, {45, 4, 1, 5, 10, 35});
  }
  return "PN7";
}

// The process timestamps of one LAC review (IRO Handbook: decisions within
// 5 working days, the record within 20; the local standard: the social
// worker's report 24 hours before). Anything after --to has not happened yet.
MeetingRow County::LacMeeting(Rng& rng, const std::string& child, Date review,
                              int chair) {
  const Rates& rates = RatesFor(review);
  const int year = RateIndex(review);
  MeetingRow m;
  m.child = child;
  m.type = "lac_review";
  m.held = {review, kStartMinutes[rng.Between(0, 7)]};
  m.chair = ChairId(chair);

  // The social worker's report.
  if (sw_[year].Draw(rates.sw_report_24h)) {
    // Working days before: 1 or 2 for half, 3 to 7 for the rest.
    const int before = rng.Chance(0.5) ? rng.Between(1, 2) : rng.Between(3, 7);
    const Date day = AddWd(review, -before);
    int minute = rng.Between(96, 210) * 5;  // 08:00 to 17:30
    if (DaysBetween(day, review) == 1) {
      minute = rng.Between(96, m.held.minute / 5) * 5;
    }
    m.sw_report = Stamp{day, rng.Chance(0.03) ? -1 : minute};
  } else {
    switch (rng.Pick({40, 30, 5, 25})) {
      case 0: {  // the afternoon before: under 24 hours
        const Date eve = Plus(review, -1);
        if (IsWorking(eve) && m.held.minute < 1050) {
          m.sw_report = Stamp{eve, rng.Between(m.held.minute / 5 + 1, 210) * 5};
          break;
        }
        [[fallthrough]];
      }
      case 1:  // the morning of the review
        m.sw_report = Stamp{review, rng.Between(90, m.held.minute / 5 - 3) * 5};
        if (rng.Chance(0.05)) m.sw_report->minute = -1;
        break;
      case 2:  // after it
        m.sw_report =
            Stamp{AddWd(review, rng.Between(1, 2)), rng.Between(96, 210) * 5};
        break;
      default:  // never received
        break;
    }
  }

  // Decisions and agreed actions.
  if (decisions_[year].Draw(rates.decisions_5wd)) {
    const int after = rng.Pick({15, 25, 20, 15, 13, 12});
    const Date day = AddWd(review, after);
    const int minute =
        after == 0 ? std::min(1080, m.held.minute + rng.Between(60, 300))
                   : rng.Between(108, 210) * 5;
    m.decisions = Stamp{day, minute};
  } else if (!rng.Chance(0.08)) {
    m.decisions =
        Stamp{AddWd(review, rng.Between(6, 15)), rng.Between(108, 210) * 5};
  }

  // The full written record.
  if (record_[year].Draw(rates.record_20wd)) {
    m.record =
        Stamp{AddWd(review, std::max(rng.Between(5, 20), rng.Between(5, 20))),
              rng.Between(108, 210) * 5};
  } else {  // the backlog the report describes
    const int after = rng.FromBands({{60, 21, 30}, {30, 31, 45}, {10, 46, 60}});
    m.record = Stamp{AddWd(review, after), rng.Between(108, 210) * 5};
  }
  for (std::optional<Stamp>* s : {&m.sw_report, &m.decisions, &m.record}) {
    if (*s && (*s)->date > o_.to) s->reset();
  }

  // QA alerts: rare, commoner each year, and some IROs raise many more.
  if (rng.Chance(rates.qa_alert * kChairAlertBias[chair])) {
    m.qa_alerts = 1 + rng.Pick({70, 22, 8});
  }
  return m;
}

void County::WriteMeeting(const MeetingRow& m) {
  std::string* b = meetings_.buffer();
  *b += m.child;
  b->push_back(',');
  *b += m.type;
  b->push_back(',');
  if (m.impossible) {
    *b += "2019-06-31T10:30";
  } else {
    AppendStamp(b, m.held);
  }
  b->push_back(',');
  AppendStamp(b, m.sw_report);
  b->push_back(',');
  AppendStamp(b, m.decisions);
  b->push_back(',');
  AppendStamp(b, m.record);
  b->push_back(',');
  *b += m.chair;
  b->push_back(',');
  *b += std::to_string(m.qa_alerts);
  b->push_back('\n');
  ++meetings_.rows;
  meetings_.Flushed();
}

// Where in its block each defect (and lateness event) is armed; it is then
// placed on the first child it fits (see the file comment).
template <typename Defects>
struct Arm {
  int at;
  int Defects::*what;
};

// Starts a new block at 0, then arms what `arms` places at `in_block`.
template <typename Defects, size_t N>
void ArmDefects(const Arm<Defects> (&arms)[N], int in_block, Defects* todo) {
  if (in_block == 0) *todo = Defects{};
  for (const Arm<Defects>& arm : arms) {
    if (arm.at == in_block) ++(todo->*arm.what);
  }
}

constexpr Arm<LacDefects> kLacArms[] = {
    {5, &LacDefects::overdue_at_end},
    {105, &LacDefects::overdue_at_end},
    {205, &LacDefects::overdue_at_end},
    {15, &LacDefects::covid_slip},
    {165, &LacDefects::covid_slip},
    {20, &LacDefects::duplicate_review},
    {120, &LacDefects::duplicate_review},
    {220, &LacDefects::duplicate_review},
    {30, &LacDefects::blank_chair},
    {150, &LacDefects::blank_chair},
    {250, &LacDefects::blank_chair},
    {40, &LacDefects::blank_code},
    {140, &LacDefects::blank_code},
    {240, &LacDefects::blank_code},
    {50, &LacDefects::no_period},
    {200, &LacDefects::no_period},
    {60, &LacDefects::bad_code},
    {70, &LacDefects::blank_child_episode},
    {80, &LacDefects::lower_code},
    {180, &LacDefects::lower_code},
    {90, &LacDefects::reversed},
    {100, &LacDefects::impossible_date},
    {110, &LacDefects::bad_meeting},
    {130, &LacDefects::duplicate_episode},
    {160, &LacDefects::blank_date},
};

// Uses up one of `*n` pending defects, if any.
bool Take(int* n) {
  if (*n == 0) return false;
  --*n;
  return true;
}

// A child's periods of care, and sets `dob`. Children in care before the
// data (40%) came into care up to 8 years before --from; 3% have only
// short breaks; the rest come into care during the window. Some return to
// care later (a new period, RNE S).
std::vector<Period> County::LacHistory(Rng& rng, const std::string& home_post,
                                       Date* dob) {
  std::vector<Period> periods;
  const int window = DaysBetween(o_.from, o_.to);
  const int kind = rng.Pick({40, 3, 57});
  if (kind == 0) {
    static constexpr int kAgeAtFrom[] = {2, 7, 13, 16};
    const int age = kAgeAtFrom[rng.Pick({15, 22, 40, 23})] + rng.Between(0, 2);
    *dob = Plus(o_.from, -(age * 365 + rng.Between(0, 364)));
    const int before = rng.Between(
        30, std::max(31, std::min(DaysBetween(*dob, o_.from) - 10, 8 * 365)));
    periods.push_back(
        MakePeriod(rng, *dob, Plus(o_.from, -before), true, home_post));
  } else if (kind == 1) {
    *dob = Plus(o_.from, -rng.Between(5 * 365, 15 * 365));
    ShortBreaks(rng, *dob, Plus(o_.from, rng.Between(0, window - 30)),
                rng.Chance(0.4), &periods);
    return periods;
  } else {
    const Date start = Plus(o_.from, rng.Between(0, window));
    static constexpr int kAgeFrom[] = {0, 1, 5, 10, 16};
    static constexpr int kAgeTo[] = {0, 4, 9, 15, 17};
    const int band = rng.Pick({20, 15, 18, 34, 13});
    const int age = rng.Between(kAgeFrom[band], kAgeTo[band]);
    *dob = Plus(start, -(age * 365 + rng.Between(1, 360)));
    periods.push_back(MakePeriod(rng, *dob, start, false, home_post));
  }
  // Returns to care restart the review chain (docs/kpis.md#periods-of-care).
  for (int k = 0; k < 2; ++k) {
    const std::optional<Date> left = periods.back().end;
    if (!left || *left > Plus(o_.to, -30)) break;
    if (AgeYears(*dob, *left) >= 17 || !rng.Chance(0.12)) break;
    const Date again = Plus(*left, rng.Between(20, 500));
    if (again > o_.to) break;
    periods.push_back(MakePeriod(rng, *dob, again, false, home_post));
  }
  return periods;
}

void County::WriteEpisode(const std::string& child, const std::string& home,
                          const EpisodeRow& e) {
  std::string* b = episodes_.buffer();
  *b += child;
  b->push_back(',');
  AppendDmy(b, e.decom);
  for (const std::string* f : {&e.rne, &e.ls, &e.cin, &e.place, &e.provider}) {
    b->push_back(',');
    *b += *f;
  }
  b->push_back(',');
  if (e.dec) AppendDmy(b, *e.dec);
  for (const std::string* f : {&e.rec, &e.reason, &home, &e.pl_post, &e.urn}) {
    b->push_back(',');
    *b += *f;
  }
  b->push_back('\n');
  ++episodes_.rows;
}

void County::WriteReview(const std::string& child, Date dob,
                         const std::string& date, const std::string& code) {
  std::string* b = reviews_.buffer();
  *b += child;
  b->push_back(',');
  AppendDmy(b, dob);
  b->push_back(',');
  *b += date;
  b->push_back(',');
  *b += code;
  b->push_back('\n');
  ++reviews_.rows;
}

void County::LacChild(int64_t number) {
  Rng& rng = lac_rng_;
  ArmDefects(kLacArms, static_cast<int>(number % kLacBlock), &lac_todo_);

  const std::string id = std::to_string(1000000 + number);
  const int sex = rng.Chance(0.56) ? 1 : 2;
  const char* ethnic = kEthnic[static_cast<size_t>(rng.Pick(kEthnicWeights))];
  const std::string upn = MakeUpn(rng);
  const std::string home_post = MakePostcode(rng);
  Date dob;
  const std::vector<Period> periods = LacHistory(rng, home_post, &dob);

  // Episodes, in the order the file will hold them.
  std::vector<EpisodeRow> rows;
  for (const Period& p : periods) {
    rows.insert(rows.end(), p.episodes.begin(), p.episodes.end());
  }
  if (rows.empty()) return;  // left care before the data: not in the return

  // Reviews, with their codes, and a chair for each period.
  struct Held {
    ReviewRow row;
    int chair;
  };
  std::vector<Held> held;
  int chair = rng.Between(0, kChairs - 1);
  for (const Period& p : periods) {
    if (p.short_break) {
      // Some councils review children on V4 short breaks (DfE rule 399
      // says they should not be returned): excluded as `short_breaks`.
      if (p.episodes[0].ls == "V4" && rng.Chance(0.5)) {
        const Date d = AddWd(p.start, rng.Between(25, 60));
        if (InWindow(d) && (!p.end || d <= *p.end)) {
          held.push_back({{d, ReviewCode(rng, dob, d)}, chair});
        }
      }
      continue;
    }
    if (rng.Chance(0.3)) chair = rng.Between(0, kChairs - 1);
    for (Date d : ReviewChain(rng, p)) {
      held.push_back({{d, ReviewCode(rng, dob, d)}, chair});
    }
  }

  // Injected defects in the reviews, at most one a child.
  std::optional<std::string> extra_review;  // a bad REVIEW, written last
  if (!held.empty()) {
    ReviewRow& first = held.front().row;
    ReviewRow& latest = held.back().row;
    if (held.size() >= 2 && Take(&lac_todo_.duplicate_review)) {
      // The same review keyed twice, the repeat with another code.
      ReviewRow& second = held[1].row;
      second.repeat_code = second.code == "PN1" ? "PN6" : "PN1";
    } else if (Take(&lac_todo_.blank_code)) {
      latest.code.clear();
    } else if (Take(&lac_todo_.bad_code)) {
      latest.code = "PN8";
    } else if (latest.code != "PN0" && Take(&lac_todo_.lower_code)) {
      latest.code = "pn6";
    } else if (Take(&lac_todo_.impossible_date)) {
      extra_review = "31/02/" + std::to_string(first.date.year());
    } else if (Take(&lac_todo_.blank_date)) {
      extra_review = "";
    }
  }
  const Period& last = periods.back();
  if (!last.short_break && last.end && *last.end >= o_.from &&
      *last.end <= Plus(o_.to, -40) && Take(&lac_todo_.no_period)) {
    // A review recorded after the child left care: in no period of care.
    const Date d = AddWd(*last.end, rng.Between(8, 20));
    held.push_back({{d, ReviewCode(rng, dob, d)}, chair});
  }

  // ssda903/header.csv
  std::string* b = header_.buffer();
  *b += id;
  *b += sex == 1 ? ",1," : ",2,";
  AppendDmy(b, dob);
  *b += ',';
  *b += ethnic;
  *b += ',';
  *b += upn;
  *b += ",,\n";
  ++header_.rows;
  header_.Flushed();

  // ssda903/episodes.csv
  const bool duplicate = rows.size() >= 2 && Take(&lac_todo_.duplicate_episode);
  const bool blank_child = !duplicate && Take(&lac_todo_.blank_child_episode);
  if (rows.size() >= 3 && Take(&lac_todo_.reversed)) {
    std::reverse(rows.begin(), rows.end());  // importers sort by DECOM
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    WriteEpisode(id, home_post, rows[i]);
    if (duplicate && i == 0) WriteEpisode(id, home_post, rows[i]);
  }
  if (blank_child) WriteEpisode("", home_post, rows.back());
  episodes_.Flushed();

  // ssda903/reviews.csv and meetings.csv: one meeting a review held.
  const bool blank_chair = !held.empty() && Take(&lac_todo_.blank_chair);
  for (const Held& h : held) {
    std::string date;
    AppendDmy(&date, h.row.date);
    WriteReview(id, dob, date, h.row.code);
    if (h.row.repeat_code) WriteReview(id, dob, date, *h.row.repeat_code);
    MeetingRow m = LacMeeting(rng, id, h.row.date, h.chair);
    if (blank_chair) m.chair.clear();
    WriteMeeting(m);
  }
  if (extra_review) WriteReview(id, dob, *extra_review, held[0].row.code);
  if (!held.empty() && Take(&lac_todo_.bad_meeting)) {
    // A meeting keyed with a day that does not exist.
    MeetingRow m = LacMeeting(rng, id, held.back().row.date, held.back().chair);
    m.impossible = true;
    WriteMeeting(m);
  }
  reviews_.Flushed();
}

// ---- Child protection -------------------------------------------------------

// One plan from its ICPC `start`: review conferences 3 months after the
// ICPC, then every 6 months after the last one held, until the conference
// that ends the plan (most plans) or a day between conferences (the child
// came into care, or moved away).
Plan County::MakePlan(Rng& rng, Date start, int previous) {
  Plan plan;
  plan.start = start;
  plan.previous = previous;
  static constexpr std::array<const char*, 5> kCategories = {
      "NEG", "EMO", "PHY", "SAB", "MUL"};
  plan.initial_category = rng.PickCode(kCategories, {48, 37, 8, 4, 3});
  plan.latest_category = rng.Chance(0.9)
                             ? plan.initial_category
                             : rng.PickCode(kCategories, {45, 40, 8, 4, 3});
  plan.chair = rng.Between(0, kChairs - 1);

  // The conference that ends it: 4th or later ("open over 18 months") less
  // often each year, as the report's six-monthly audits found.
  const int long_share = RatesFor(start).long_plans;
  int last;
  const int r = rng.Between(0, 99);
  if (r < 12) {
    last = 1;
  } else if (r < 12 + 40) {
    last = 2;
  } else if (r < 100 - long_share) {
    last = 3;
  } else if (r < 100 - long_share * 20 / 100) {
    last = 4;  // about 21 months
  } else if (r < 100 - long_share * 5 / 100) {
    last = 5;  // about 27 months: "2 years or more" at cessation
  } else {
    last = 6;
  }
  const bool ends_at_conference = rng.Chance(0.85);

  Date previous_held = start;
  for (int slot = 1; slot <= last; ++slot) {
    const Date due = slot == 1 ? Due(first_rcpc_, start)
                               : Due(subsequent_rcpc_, previous_held);
    if (!ends_at_conference && slot == last) {
      // Ends between conferences, before this one was due.
      const Date end =
          Working(Plus(previous_held,
                       rng.Between(20, DaysBetween(previous_held, due) - 5)),
                  Roll::kFollowing);
      if (end <= o_.to) plan.end = end;
      return plan;
    }
    const bool counted = due >= o_.from;
    const int year = RateIndex(due);
    const bool on_time = counted ? rcpc_[year].Draw(RatesFor(due).rcpc_on_time)
                                 : rng.Chance(0.92);
    Date held;
    if (on_time) {
      const int early = rng.FromBands({{50, 0, 3}, {40, 4, 10}, {10, 11, 20}});
      held = AddWd(Working(due, Roll::kPreceding), -early);
      if (held <= previous_held) {
        held = Must(cal_.NextWorkingDay(previous_held));
      }
    } else {
      held =
          AddWd(due, rng.Chance(0.7) ? rng.Between(1, 5) : rng.Between(6, 15));
    }
    if (held > o_.to) return plan;  // still open at --to
    if (held >= o_.from) plan.reviews.push_back(held);
    previous_held = held;
  }
  plan.end = previous_held;  // ended at its last conference
  return plan;
}

constexpr Arm<CpDefects> kCpArms[] = {
    {25, &CpDefects::missing_s47_start}, {175, &CpDefects::missing_s47_start},
    {50, &CpDefects::icpc_before_s47},   {200, &CpDefects::icpc_before_s47},
    {75, &CpDefects::duplicate_review},  {225, &CpDefects::duplicate_review},
    {100, &CpDefects::review_outside},   {250, &CpDefects::review_outside},
    {125, &CpDefects::bad_s47_date},
};

void County::CpChild(int64_t number) {
  Rng& rng = cp_rng_;
  ArmDefects(kCpArms, static_cast<int>(number % kCpBlock), &cp_todo_);

  const std::string id = std::to_string(5000000 + number);
  const int sex = rng.Chance(0.51) ? 1 : 2;
  const std::string upn = MakeUpn(rng);
  const int window = DaysBetween(o_.from, o_.to);
  static constexpr std::array<const char*, 8> kSources = {
      "1A", "1B", "2A", "3A", "3E", "5A", "5D", "9"};
  const std::initializer_list<int> kSourceWeights = {10, 5,  12, 15,
                                                     8,  20, 10, 20};

  // The strategy discussion (s47 start) of this child's first enquiry.
  const bool open_at_start = rng.Chance(0.18);
  Date s47 = open_at_start ? Plus(o_.from, -rng.Between(30, 700))
                           : Plus(o_.from, rng.Between(0, window));
  s47 = Working(s47, Roll::kFollowing);
  static constexpr int kAgeFrom[] = {0, 1, 5, 10, 16};
  static constexpr int kAgeTo[] = {0, 4, 9, 15, 17};
  const int band = rng.Pick({11, 27, 29, 28, 5});
  const Date dob = Plus(s47, -(rng.Between(kAgeFrom[band], kAgeTo[band]) * 365 +
                               rng.Between(1, 360)));

  std::vector<CinEpisode> episodes;
  // An enquiry that led to no plan (12% of children).
  if (rng.Chance(0.12)) {
    CinEpisode e;
    e.s47.true_start = s47;
    e.s47.start = s47;
    e.referral = Plus(s47, -rng.Between(0, 10));
    e.referral_source = rng.PickCode(kSources, kSourceWeights);
    e.need = "N1";
    if (rng.Chance(0.4)) {
      // Conference held; it decided no plan was needed.
      const Rates& rates = RatesFor(s47);
      const Date icpc = icpc_[RateIndex(s47)].Draw(rates.icpc_on_time)
                            ? AddWd(s47, rng.Between(8, 15))
                            : AddWd(s47, rng.Between(16, 30));
      if (icpc <= o_.to) e.s47.icpc = icpc;
    } else if (InWindow(s47) && Take(&cp_todo_.bad_s47_date)) {
      e.s47.bad_date = true;
    }
    const Date after = e.s47.icpc ? *e.s47.icpc : s47;
    const Date closure = Plus(after, rng.Between(10, 90));
    if (closure <= o_.to) {
      e.closure = closure;
      e.closure_reason = rng.Chance(0.6) ? "RC8" : "RC7";
    }
    episodes.push_back(e);
  } else {
    // One plan, and sometimes another after it (a repeat plan in the data).
    int previous = -1;  // NumberOfPreviousCPP of the last plan, -1: none yet
    Date strategy = s47;
    for (int k = 0; k < 3; ++k) {
      CinEpisode e;
      e.referral = Plus(strategy, -rng.Between(0, 15));
      e.referral_source = rng.PickCode(kSources, kSourceWeights);
      e.need = rng.Chance(0.9) ? "N1" : "N4";
      e.s47.true_start = strategy;
      e.s47.start = strategy;
      const bool counted = strategy >= o_.from;
      const Rates& rates = RatesFor(strategy);
      const bool on_time =
          counted ? icpc_[RateIndex(strategy)].Draw(rates.icpc_on_time)
                  : rng.Chance(0.9);
      // Working days from the strategy discussion to the conference.
      int days;
      if (on_time) {
        days = rng.Chance(0.15) ? rng.Between(5, 9) : rng.Between(10, 15);
      } else {
        days = rng.Chance(0.75) ? rng.Between(16, 20) : rng.Between(21, 30);
      }
      const Date icpc = AddWd(strategy, days);
      if (icpc > o_.to) break;
      e.s47.icpc = icpc;

      // Is this plan a repeat? After a plan in the data it is; otherwise
      // the year's quota decides whether the child had a plan before the
      // data (NumberOfPreviousCPP > 0), so the repeat share follows
      // RepeatTarget() month by month.
      int prior;
      if (icpc >= o_.from) {
        Quota& q = repeat_[RateIndex(icpc)];
        const bool repeat = q.Draw(RepeatTarget(icpc), previous >= 0);
        prior = previous >= 0 ? previous + 1
                : repeat      ? 1 + rng.Pick({75, 20, 5})
                              : 0;
      } else {
        prior = previous >= 0 ? previous + 1 : rng.Chance(0.2) ? 1 : 0;
      }
      Plan plan = MakePlan(rng, icpc, prior);
      previous = prior;
      // A plan that ended before the data is not in the extract: only the
      // count it adds to the child's next plan is.
      if (!plan.end || *plan.end >= o_.from) {
        if (plan.end) {
          const Date closure = Plus(*plan.end, rng.Between(0, 120));
          if (closure <= o_.to) {
            e.closure = closure;
            e.closure_reason = rng.PickCode(
                std::array<const char*, 4>{"RC7", "RC5", "RC9", "RC3"},
                {60, 10, 25, 5});
          }
        }
        e.plan = plan;
        episodes.push_back(e);
      }
      if (!plan.end || AgeYears(dob, *plan.end) >= 16 || !rng.Chance(0.16)) {
        break;
      }
      // "Most second plans followed closures 2-7 years earlier": within
      // the four years of data, some within 2 years, some after.
      const int gap =
          rng.Chance(0.6) ? rng.Between(60, 700) : rng.Between(731, 1500);
      strategy = Working(Plus(*plan.end, gap), Roll::kFollowing);
      if (strategy > o_.to) break;
    }
  }
  if (episodes.empty()) return;

  // Injected defects.
  for (CinEpisode& e : episodes) {
    if (!e.plan || !e.s47.icpc) continue;
    Plan& plan = *e.plan;
    if (InWindow(*e.s47.icpc) && Take(&cp_todo_.missing_s47_start)) {
      e.s47.start.reset();
    } else if (InWindow(*e.s47.icpc) && Take(&cp_todo_.icpc_before_s47)) {
      // The date of a later strategy discussion keyed as the s47 start.
      e.s47.start = Plus(*e.s47.icpc, rng.Between(1, 10));
    } else if (plan.reviews.size() >= 2 && Take(&cp_todo_.duplicate_review)) {
      plan.reviews.insert(plan.reviews.begin() + 1, plan.reviews[0]);
    } else if (plan.end && *plan.end >= o_.from &&
               *plan.end <= Plus(o_.to, -30) &&
               Take(&cp_todo_.review_outside)) {
      plan.reviews.push_back(AddWd(*plan.end, rng.Between(3, 12)));
    }
  }

  // meetings.csv: the ICPC and every review conference in the window.
  for (CinEpisode& e : episodes) {
    if (e.s47.icpc && InWindow(*e.s47.icpc)) ++icpcs_;
    const int chair = e.plan ? e.plan->chair : rng.Between(0, kChairs - 1);
    std::vector<std::pair<const char*, Date>> held;
    if (e.s47.icpc && InWindow(*e.s47.icpc)) {
      held.push_back({"icpc", *e.s47.icpc});
    }
    if (e.plan) {
      ++plans_;
      Date last;
      for (size_t i = 0; i < e.plan->reviews.size(); ++i) {
        const Date d = e.plan->reviews[i];
        if (i > 0 && d == last) continue;
        held.push_back({"rcpc", d});
        ++rcpcs_;
        last = d;
      }
    }
    for (const auto& [type, date] : held) {
      if (!InWindow(date)) continue;
      MeetingRow m;
      m.child = id;
      m.type = type;
      m.held = {date, kStartMinutes[rng.Between(0, 7)]};
      m.chair = ChairId(chair);
      if (rng.Chance(RatesFor(date).qa_alert * kChairAlertBias[chair])) {
        m.qa_alerts = 1 + rng.Pick({80, 20});
      }
      WriteMeeting(m);
    }
  }
  if (WriteCinChild(id, upn, dob, sex, episodes)) ++cp_children_;
}

// Writes the child into every census whose year it had activity in: an
// enquiry whose conference (or start, with no conference) fell in that
// year, or a plan open at some time in it, with its review conferences so
// far. A plan open across years is in each of those censuses. False when
// no census holds the child (all of it before --from).
bool County::WriteCinChild(const std::string& id, const std::string& upn,
                           Date dob, int sex,
                           const std::vector<CinEpisode>& episodes) {
  bool written = false;
  for (auto& census : census_) {
    const Date lo = census->start;
    const Date hi = std::min(census->reference, o_.to);
    std::string body;
    for (const CinEpisode& e : episodes) {
      const Date key = e.s47.icpc ? *e.s47.icpc : e.s47.true_start;
      const bool show_s47 = key >= lo && key <= hi;
      const bool show_plan =
          e.plan && e.plan->start <= hi && (!e.plan->end || *e.plan->end >= lo);
      if (!show_s47 && !show_plan) continue;
      std::string* b = &body;
      *b += "\t\t\t<CINdetails>\n\t\t\t\t<CINreferralDate>";
      AppendIso(b, e.referral);
      *b += "</CINreferralDate>\n\t\t\t\t<ReferralSource>";
      *b += e.referral_source;
      *b += "</ReferralSource>\n\t\t\t\t<PrimaryNeedCode>";
      *b += e.need;
      *b += "</PrimaryNeedCode>\n";
      if (e.closure && *e.closure <= hi) {
        *b += "\t\t\t\t<CINclosureDate>";
        AppendIso(b, *e.closure);
        *b += "</CINclosureDate>\n\t\t\t\t<ReasonForClosure>";
        *b += e.closure_reason;
        *b += "</ReasonForClosure>\n";
      }
      if (e.s47.icpc && *e.s47.icpc <= hi) {
        *b += "\t\t\t\t<DateOfInitialCPC>";
        AppendIso(b, *e.s47.icpc);
        *b += "</DateOfInitialCPC>\n";
      }
      if (show_s47) {
        *b += "\t\t\t\t<Section47>\n";
        if (e.s47.bad_date) {
          *b += "\t\t\t\t\t<S47ActualStartDate>" +
                std::to_string(e.s47.true_start.year()) +
                "-02-30</S47ActualStartDate>\n";
        } else if (e.s47.start) {
          *b += "\t\t\t\t\t<S47ActualStartDate>";
          AppendIso(b, *e.s47.start);
          *b += "</S47ActualStartDate>\n";
        }
        if (e.s47.start) {
          *b += "\t\t\t\t\t<InitialCPCtarget>";
          AppendIso(b, AddWd(e.s47.true_start, 15));
          *b += "</InitialCPCtarget>\n";
        }
        if (e.s47.icpc) {
          *b += "\t\t\t\t\t<DateOfInitialCPC>";
          AppendIso(b, *e.s47.icpc);
          *b += "</DateOfInitialCPC>\n";
        }
        *b += e.s47.icpc
                  ? "\t\t\t\t\t<ICPCnotRequired>false</ICPCnotRequired>\n"
                  : "\t\t\t\t\t<ICPCnotRequired>true</ICPCnotRequired>\n";
        *b += "\t\t\t\t</Section47>\n";
      }
      if (show_plan) {
        const Plan& p = *e.plan;
        *b += "\t\t\t\t<ChildProtectionPlans>\n\t\t\t\t\t<CPPstartDate>";
        AppendIso(b, p.start);
        *b += "</CPPstartDate>\n";
        if (p.end && *p.end <= hi) {
          *b += "\t\t\t\t\t<CPPendDate>";
          AppendIso(b, *p.end);
          *b += "</CPPendDate>\n";
        }
        *b += "\t\t\t\t\t<InitialCategoryOfAbuse>" + p.initial_category +
              "</InitialCategoryOfAbuse>\n\t\t\t\t\t<LatestCategoryOfAbuse>" +
              p.latest_category +
              "</LatestCategoryOfAbuse>\n\t\t\t\t\t<NumberOfPreviousCPP>" +
              std::to_string(p.previous) + "</NumberOfPreviousCPP>\n";
        bool any = false;
        for (Date r : p.reviews) {
          if (r > hi) break;
          if (!any) *b += "\t\t\t\t\t<Reviews>\n";
          any = true;
          *b += "\t\t\t\t\t\t<CPPreviewDate>";
          AppendIso(b, r);
          *b += "</CPPreviewDate>\n";
        }
        if (any) *b += "\t\t\t\t\t</Reviews>\n";
        *b += "\t\t\t\t</ChildProtectionPlans>\n";
      }
      *b += "\t\t\t</CINdetails>\n";
    }
    if (body.empty()) continue;
    std::string* b = census->out.buffer();
    *b += "\t\t<Child>\n\t\t\t<ChildIdentifiers>\n\t\t\t\t<LAchildID>";
    *b += id;
    *b += "</LAchildID>\n\t\t\t\t<UPN>";
    *b += upn;
    *b += "</UPN>\n\t\t\t\t<PersonBirthDate>";
    AppendIso(b, dob);
    *b += "</PersonBirthDate>\n\t\t\t\t<GenderCurrent>";
    *b += sex == 1 ? "1" : "2";
    *b += "</GenderCurrent>\n\t\t\t</ChildIdentifiers>\n";
    *b += body;
    *b += "\t\t</Child>\n";
    census->out.Flushed();
    written = true;
  }
  return written;
}

void County::Run() {
  const auto started = std::chrono::steady_clock::now();
  OpenFiles();
  const int64_t lac = std::llround(kLacBlock * o_.scale);
  const int64_t cp = std::llround(kCpBlock * o_.scale);
  for (int64_t i = 0; i < lac; ++i) LacChild(i);
  for (int64_t i = 0; i < cp; ++i) CpChild(i);
  CloseFiles();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started)
          .count();
  std::printf(
      "generate_county: seed %llu scale %g, %s to %s\n"
      "  ssda903: %lld children, %lld episode rows, %lld review rows\n"
      "  cin: %lld children, %lld plans, %lld ICPCs, %lld review conferences"
      " in %zu census files\n"
      "  meetings.csv: %lld rows\n  %.2f s\n",
      static_cast<unsigned long long>(o_.seed), o_.scale, Iso(o_.from).c_str(),
      Iso(o_.to).c_str(), static_cast<long long>(header_.rows),
      static_cast<long long>(episodes_.rows),
      static_cast<long long>(reviews_.rows),
      static_cast<long long>(cp_children_), static_cast<long long>(plans_),
      static_cast<long long>(icpcs_), static_cast<long long>(rcpcs_),
      census_.size(), static_cast<long long>(meetings_.rows), seconds);
}

// ---- Command line -----------------------------------------------------------

void Usage() {
  std::cerr << "usage: generate_county --out DIR [--seed N] [--scale S]\n"
               "                       [--from 2017-04-01] [--to 2021-03-31]\n";
  std::exit(2);
}

Options ParseArgs(int argc, char** argv) {
  Options o;
  bool have_out = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") Usage();
    if (i + 1 >= argc) Usage();
    const std::string value = argv[++i];
    char* end = nullptr;
    if (arg == "--out") {
      o.out = value;
      have_out = true;
    } else if (arg == "--seed") {
      o.seed = std::strtoull(value.c_str(), &end, 10);
      if (*end != '\0' || value.empty()) Die("--seed: not a number: " + value);
    } else if (arg == "--scale") {
      o.scale = std::strtod(value.c_str(), &end);
      if (*end != '\0' || !(o.scale > 0) || o.scale > 10000) {
        Die("--scale: a number in (0, 10000]: " + value);
      }
    } else if (arg == "--from" || arg == "--to") {
      absl::StatusOr<Date> d = Date::Parse(value);
      if (!d.ok()) Die(arg + ": " + std::string(d.status().message()));
      (arg == "--from" ? o.from : o.to) = *d;
    } else {
      Usage();
    }
  }
  if (!have_out) Usage();
  if (o.to <= o.from) Die("--to must be after --from");
  // The CIN census year starts on 1 April: a window starting elsewhere
  // would hold plans whose first conferences the census never saw.
  if (o.from.month() != 4 || o.from.day() != 1) {
    Die("--from must be a 1 April (the start of a census year)");
  }
  if (o.from.year() < 1995 || o.to.year() > 2030) {
    Die("--from and --to must lie in 1995-2030 (exact holiday data)");
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  County county(ParseArgs(argc, argv));
  county.Run();
  return 0;
}
