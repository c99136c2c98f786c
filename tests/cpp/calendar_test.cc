// Tests of timescales::Calendar: the holiday data, the working-day
// arithmetic against a brute-force day loop, the worked examples of
// docs/conventions.md#worked-examples (tests/data/working-days.csv),
// overlays, closure days, strictness and bad input.

#include "timescales/calendar.h"

#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"
#include "testing/worked_examples.h"

namespace timescales {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::timescales::testing::D;
using ::timescales::testing::IsOk;
using ::timescales::testing::IsOkAndHolds;
using ::timescales::testing::StatusIs;

const Calendar& EW() {
  static const Calendar* const kCalendar =
      new Calendar(*Calendar::EnglandAndWales());
  return *kCalendar;
}

std::string ReadFile(const std::string& name) {
  std::ifstream in(std::string(TSC_TEST_DATA_DIR) + "/" + name,
                   std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The project's copy of the published facts: one holiday a line,
// `2012-01-02 Mon New Year’s Day (Substitute day) [gov.uk]`.
struct FactRow {
  std::string name;
  HolidayKind kind;
};
std::map<Date, FactRow> LoadHolidayFacts() {
  std::map<Date, FactRow> facts;
  for (absl::string_view line :
       absl::StrSplit(ReadFile("ew-bank-holidays-1995-2030.txt"), '\n',
                      absl::SkipWhitespace())) {
    absl::StatusOr<Date> date = Date::Parse(line.substr(0, 10));
    EXPECT_THAT(date, IsOk()) << line;
    absl::string_view rest = line.substr(15);  // after "yyyy-mm-dd Ddd "
    rest = rest.substr(0, rest.rfind(" ["));
    HolidayKind kind = HolidayKind::kBankHoliday;
    if (absl::ConsumeSuffix(&rest, " (Substitute day)")) {
      kind = HolidayKind::kSubstitute;
    } else if (absl::ConsumeSuffix(&rest, " (Extra bank holiday)")) {
      kind = HolidayKind::kExtra;
    }
    facts[*date] = FactRow{std::string(rest), kind};
  }
  return facts;
}

TEST(EnglandAndWales, HolidaysMatchThePublishedFacts1995To2030) {
  const std::map<Date, FactRow> facts = LoadHolidayFacts();
  ASSERT_EQ(facts.size(), 295u);
  absl::StatusOr<std::vector<Holiday>> holidays =
      EW().HolidaysBetween(D(1995, 1, 1), D(2030, 12, 31));
  ASSERT_THAT(holidays, IsOk());
  ASSERT_EQ(holidays->size(), facts.size());
  for (const Holiday& h : *holidays) {
    const auto fact = facts.find(h.date);
    ASSERT_NE(fact, facts.end()) << h.date << " " << h.name;
    EXPECT_EQ(h.name, fact->second.name) << h.date;
    // 2029-30 are projected from the rules: the facts file labels them as
    // GOV.UK would, and so must the rules.
    EXPECT_EQ(h.kind, fact->second.kind) << h.date << " " << h.name;
    EXPECT_EQ(h.provisional, h.date.year() > 2028) << h.date;
  }
  // And every fact is a non-working day, every other weekday in the range a
  // working day.
  for (int32_t s = D(1995, 1, 1).serial(); s <= D(2030, 12, 31).serial(); ++s) {
    const Date day = Date::FromSerial(s);
    const bool expected = !day.is_weekend() && facts.count(day) == 0;
    ASSERT_THAT(EW().IsWorkingDay(day), IsOkAndHolds(expected)) << day;
  }
}

TEST(EnglandAndWales, SpecialDaysSince1995) {
  // docs/conventions.md#moved-and-one-off-days: moved and one-off days that no
  // rule produces.
  for (Date day :
       {D(1995, 5, 8), D(1999, 12, 31), D(2002, 6, 3), D(2002, 6, 4),
        D(2011, 4, 29), D(2012, 6, 4), D(2012, 6, 5), D(2020, 5, 8),
        D(2022, 6, 2), D(2022, 6, 3), D(2022, 9, 19), D(2023, 5, 8)}) {
    EXPECT_THAT(EW().IsWorkingDay(day), IsOkAndHolds(false)) << day;
  }
  // ... and the usual days they displaced were working days.
  for (Date day : {D(1995, 5, 1), D(2002, 5, 27), D(2012, 5, 28), D(2020, 5, 4),
                   D(2022, 5, 30)}) {
    EXPECT_THAT(EW().IsWorkingDay(day), IsOkAndHolds(true)) << day;
  }
  // Christmas Eve is a working day (docs/conventions.md#bank-holidays).
  EXPECT_THAT(EW().IsWorkingDay(D(2020, 12, 24)), IsOkAndHolds(true));
}

TEST(EnglandAndWales, NamesAndKinds) {
  const Holiday* funeral = EW().FindHoliday(D(2022, 9, 19));
  ASSERT_NE(funeral, nullptr);
  EXPECT_EQ(funeral->name,
            "Bank Holiday for the State Funeral of Queen Elizabeth II");
  // Kinds follow GOV.UK's `notes`, which leaves the funeral unlabelled.
  EXPECT_EQ(funeral->kind, HolidayKind::kBankHoliday);
  const Holiday* jubilee = EW().FindHoliday(D(2012, 6, 5));
  ASSERT_NE(jubilee, nullptr);
  EXPECT_EQ(jubilee->name, "Queen’s Diamond Jubilee");
  EXPECT_EQ(jubilee->kind, HolidayKind::kExtra);
  const Holiday* boxing = EW().FindHoliday(D(2020, 12, 28));
  ASSERT_NE(boxing, nullptr);
  EXPECT_EQ(boxing->name, "Boxing Day");
  EXPECT_EQ(boxing->kind, HolidayKind::kSubstitute);
  EXPECT_EQ(EW().FindHoliday(D(2020, 12, 24)), nullptr);
  EXPECT_EQ(EW().FindHoliday(D(2020, 12, 26)), nullptr);  // a Saturday
  EXPECT_EQ(HolidayKindName(HolidayKind::kLocalClosure), "local closure day");
}

TEST(EnglandAndWales, RulesProjectLaterYearsAsProvisional) {
  const CalendarInfo& info = EW().info();
  EXPECT_EQ(info.name, "england-and-wales");
  EXPECT_EQ(info.known_until, D(2028, 12, 31));
  EXPECT_EQ(info.exact_from, D(1995, 1, 1));
  EXPECT_FALSE(info.data_version.empty());
  EXPECT_FALSE(info.sources.empty());
  EXPECT_FALSE(EW().IsProvisional(D(2028, 12, 31)));
  EXPECT_TRUE(EW().IsProvisional(D(2029, 1, 1)));
  // 2032: Easter Sunday 28 Mar; Christmas Sat -> Mon 27 and Tue 28.
  absl::StatusOr<std::vector<Holiday>> y2032 =
      EW().HolidaysBetween(D(2032, 1, 1), D(2032, 12, 31));
  ASSERT_THAT(y2032, IsOk());
  std::vector<Date> dates;
  for (const Holiday& h : *y2032) {
    dates.push_back(h.date);
    EXPECT_TRUE(h.provisional);
  }
  EXPECT_THAT(dates, ElementsAre(D(2032, 1, 1), D(2032, 3, 26), D(2032, 3, 29),
                                 D(2032, 5, 3), D(2032, 5, 31), D(2032, 8, 30),
                                 D(2032, 12, 27), D(2032, 12, 28)));
}

TEST(EnglandAndWales, HistoricRulesBefore1995) {
  // 1990: Easter 15 Apr; 1978 onwards the early May Monday exists.
  EXPECT_THAT(EW().IsWorkingDay(D(1990, 4, 13)), IsOkAndHolds(false));
  EXPECT_THAT(EW().IsWorkingDay(D(1990, 5, 7)), IsOkAndHolds(false));
  EXPECT_THAT(EW().IsWorkingDay(D(1977, 5, 2)), IsOkAndHolds(true));
  EXPECT_THAT(EW().IsWorkingDay(D(1977, 6, 7)), IsOkAndHolds(false));
  EXPECT_THAT(EW().IsWorkingDay(D(1981, 7, 29)), IsOkAndHolds(false));
  // No New Year's Day holiday before 1974.
  EXPECT_THAT(EW().IsWorkingDay(D(1973, 1, 1)), IsOkAndHolds(true));
  EXPECT_THAT(EW().IsWorkingDay(D(1975, 1, 1)), IsOkAndHolds(false));
}

// ---- Brute-force reference ------------------------------------------------

// The reference: a day loop over a working-day predicate, as councils'
// spreadsheets compute it. The predicate is built from the published facts
// for 1995-2030 (independent of the library's data) and from the library's
// holiday list outside that span (testing the arithmetic, not the data).
class DayLoop {
 public:
  DayLoop() : facts_(LoadHolidayFacts()) {}
  bool IsWorking(Date day) const {
    if (day.is_weekend()) return false;
    if (day >= D(1995, 1, 1) && day <= D(2030, 12, 31)) {
      return facts_.count(day) == 0;
    }
    return EW().FindHoliday(day) == nullptr;
  }

 private:
  std::map<Date, FactRow> facts_;
};

TEST(WorkingDayArithmetic, MatchesDayLoopForEveryDay1990To2040) {
  const DayLoop loop;
  constexpr int kMaxN = 400;
  const int32_t first = D(1990, 1, 1).serial();
  const int32_t last = D(2040, 12, 31).serial();
  // Working-ness of every day in the span plus a margin for n = +-400.
  const int32_t lo = first - 700;
  const int32_t hi = last + 700;
  std::vector<char> working(static_cast<size_t>(hi - lo + 1));
  for (int32_t s = lo; s <= hi; ++s) {
    working[static_cast<size_t>(s - lo)] = loop.IsWorking(Date::FromSerial(s));
  }
  auto is_working = [&](int32_t s) { return working[size_t(s - lo)] != 0; };

  for (int32_t s = first; s <= last; ++s) {
    const Date start = Date::FromSerial(s);
    // Walk forward and back once, recording the k-th working day each way.
    int32_t day = s;
    for (int n = 1; n <= kMaxN; ++n) {
      do ++day;
      while (!is_working(day));
      Date fast;
      ASSERT_TRUE(EW().TryAddWorkingDays(start, n, &fast)) << start;
      ASSERT_EQ(fast.serial(), day) << start << " + " << n;
      int32_t count;
      ASSERT_TRUE(EW().TryWorkingDaysBetween(start, fast, &count));
      ASSERT_EQ(count, n) << start << " .. " << fast;
    }
    day = s;
    for (int n = 1; n <= kMaxN; ++n) {
      do --day;
      while (!is_working(day));
      Date fast;
      ASSERT_TRUE(EW().TryAddWorkingDays(start, -n, &fast)) << start;
      ASSERT_EQ(fast.serial(), day) << start << " - " << n;
    }
    // n = 0 is the day itself, working or not.
    Date same;
    ASSERT_TRUE(EW().TryAddWorkingDays(start, 0, &same));
    ASSERT_EQ(same, start);
  }
}

TEST(WorkingDayArithmetic, BetweenMatchesDayLoopCountsAndSigns) {
  const DayLoop loop;
  // Every pair within 60 days either way, every 3rd start day 1990-2040.
  for (int32_t a = D(1990, 1, 1).serial(); a <= D(2040, 12, 31).serial();
       a += 3) {
    int forward = 0;
    for (int32_t b = a + 1; b <= a + 60; ++b) {
      if (loop.IsWorking(Date::FromSerial(b))) ++forward;
      int32_t fast;
      ASSERT_TRUE(EW().TryWorkingDaysBetween(Date::FromSerial(a),
                                             Date::FromSerial(b), &fast));
      ASSERT_EQ(fast, forward);
      ASSERT_TRUE(EW().TryWorkingDaysBetween(Date::FromSerial(b),
                                             Date::FromSerial(a), &fast));
      ASSERT_EQ(fast, -forward);
      // [a, b] when the start counts as day one.
      const int inclusive = forward + (loop.IsWorking(Date::FromSerial(a)));
      ASSERT_THAT(
          EW().WorkingDaysBetween(Date::FromSerial(a), Date::FromSerial(b),
                                  Counting::kStartIsDayOne),
          IsOkAndHolds(inclusive));
    }
    ASSERT_THAT(
        EW().WorkingDaysBetween(Date::FromSerial(a), Date::FromSerial(a)),
        IsOkAndHolds(0));
  }
}

TEST(WorkingDayArithmetic, StartIsDayOneIsOneDayStricterFromAWorkingDay) {
  const DayLoop loop;
  for (int32_t s = D(2018, 1, 1).serial(); s <= D(2026, 12, 31).serial(); ++s) {
    const Date start = Date::FromSerial(s);
    for (int n : {1, 5, 10, 15, 20, 45}) {
      absl::StatusOr<Date> excluded = EW().AddWorkingDays(start, n);
      absl::StatusOr<Date> day_one =
          EW().AddWorkingDays(start, n, Counting::kStartIsDayOne);
      ASSERT_THAT(excluded, IsOk());
      ASSERT_THAT(day_one, IsOk());
      if (loop.IsWorking(start)) {
        absl::StatusOr<Date> one_less = EW().AddWorkingDays(start, n - 1);
        ASSERT_THAT(one_less, IsOk());
        ASSERT_EQ(*day_one, *one_less) << start << " " << n;
      } else {
        ASSERT_EQ(*day_one, *excluded) << start << " " << n;
      }
      // Backwards mirrors it.
      absl::StatusOr<Date> back =
          EW().AddWorkingDays(start, -n, Counting::kStartIsDayOne);
      absl::StatusOr<Date> back_excluded =
          EW().AddWorkingDays(start, -(n - (loop.IsWorking(start) ? 1 : 0)));
      ASSERT_THAT(back, IsOk());
      ASSERT_THAT(back_excluded, IsOk());
      ASSERT_EQ(*back, *back_excluded) << start << " -" << n;
    }
  }
}

// ---- Worked examples --------------------------------------------------------
// The rows of tests/data/working-days.csv, shared with the C, Python and
// CLI suites.

using ::timescales::testing::WorkingDayExample;
using ::timescales::testing::WorkingDayExamples;

class WorkedExampleTest : public ::testing::TestWithParam<WorkingDayExample> {};

TEST_P(WorkedExampleTest, AddWorkingDays) {
  const WorkingDayExample& c = GetParam();
  const std::string what = c.id + " " + c.note;
  EXPECT_THAT(EW().AddWorkingDays(c.event, c.n), IsOkAndHolds(c.due)) << what;
  if (c.n > 0) {
    EXPECT_THAT(EW().WorkingDaysBetween(c.event, c.due), IsOkAndHolds(c.n))
        << what;
  }
}

INSTANTIATE_TEST_SUITE_P(Domain6, WorkedExampleTest,
                         ::testing::ValuesIn(WorkingDayExamples().rows));

// The whole table was read: a lost row would otherwise be a lost test.
TEST(WorkedExamples, WorkingDayTableIsReadWhole) {
  EXPECT_EQ(WorkingDayExamples().error, "");
  EXPECT_FALSE(WorkingDayExamples().rows.empty());
  EXPECT_EQ(WorkingDayExamples().rows.size(), 30u);
}

TEST(WorkedExamples, Christmas2019StartIsDayOneIsADayEarlier) {
  // docs/conventions.md#worked-examples (example 1): the inclusive convention
  // gives Tue 21 Jan 2020.
  EXPECT_THAT(
      EW().AddWorkingDays(D(2019, 12, 20), 20, Counting::kStartIsDayOne),
      IsOkAndHolds(D(2020, 1, 21)));
}

TEST(WorkedExamples, IcpcOnDay16IsLate) {
  // Example 15: ICPC on Wed 5 Oct 2022 is 16 working days after 12 Sep.
  EXPECT_THAT(EW().WorkingDaysBetween(D(2022, 9, 12), D(2022, 10, 5)),
              IsOkAndHolds(16));
}

TEST(WorkedExamples, PracticalDueDateRollsBackFromGoodFriday) {
  // Example 3: legal due Fri 10 Apr 2020 (Good Friday) -> Thu 9 Apr.
  EXPECT_THAT(EW().Adjust(D(2020, 4, 10), Roll::kPreceding),
              IsOkAndHolds(D(2020, 4, 9)));
  // Example 7: due Sat 31 Aug 2024 -> practical Fri 30 Aug.
  EXPECT_THAT(EW().Adjust(D(2024, 8, 31), Roll::kPreceding),
              IsOkAndHolds(D(2024, 8, 30)));
}

TEST(Roll, Conventions) {
  // Sat 31 Aug 2024: following crosses into September (Mon 2 Sep).
  EXPECT_THAT(EW().Adjust(D(2024, 8, 31), Roll::kFollowing),
              IsOkAndHolds(D(2024, 9, 2)));
  EXPECT_THAT(EW().Adjust(D(2024, 8, 31), Roll::kModifiedFollowing),
              IsOkAndHolds(D(2024, 8, 30)));
  EXPECT_THAT(EW().Adjust(D(2024, 8, 31), Roll::kUnadjusted),
              IsOkAndHolds(D(2024, 8, 31)));
  // Sun 1 Sep 2024: preceding crosses into August.
  EXPECT_THAT(EW().Adjust(D(2024, 9, 1), Roll::kPreceding),
              IsOkAndHolds(D(2024, 8, 30)));
  EXPECT_THAT(EW().Adjust(D(2024, 9, 1), Roll::kModifiedPreceding),
              IsOkAndHolds(D(2024, 9, 2)));
  // A working day never moves.
  for (Roll roll : {Roll::kFollowing, Roll::kPreceding,
                    Roll::kModifiedFollowing, Roll::kModifiedPreceding}) {
    EXPECT_THAT(EW().Adjust(D(2024, 9, 2), roll), IsOkAndHolds(D(2024, 9, 2)));
  }
  EXPECT_THAT(EW().NextWorkingDay(D(2020, 4, 9)), IsOkAndHolds(D(2020, 4, 14)));
  EXPECT_THAT(EW().PreviousWorkingDay(D(2020, 4, 14)),
              IsOkAndHolds(D(2020, 4, 9)));
}

// ---- Range, strictness, errors ----------------------------------------------

TEST(Calendar, OutOfRangeIsAClearError) {
  EXPECT_THAT(EW().IsWorkingDay(Date::FromSerial(kMinDate.serial() - 1)),
              StatusIs(absl::StatusCode::kOutOfRange,
                       HasSubstr("1899-12-31 is outside the supported range")));
  EXPECT_THAT(EW().AddWorkingDays(D(2199, 12, 20), 20),
              StatusIs(absl::StatusCode::kOutOfRange,
                       HasSubstr("+20 working days from 2199-12-20")));
  EXPECT_THAT(EW().AddWorkingDays(D(1900, 1, 3), -5),
              StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(
      EW().WorkingDaysBetween(D(2000, 1, 1), Date::FromSerial(INT32_MAX)),
      StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(EW().AddWorkingDays(D(2000, 1, 1), INT32_MAX),
              StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(EW().AddWorkingDays(D(2000, 1, 1), INT32_MIN),
              StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(EW().HolidaysBetween(D(2000, 1, 1), Date::FromSerial(90000)),
              StatusIs(absl::StatusCode::kOutOfRange));
  // The very ends still work.
  EXPECT_THAT(EW().IsWorkingDay(kMinDate), IsOkAndHolds(true));  // Mon
  EXPECT_THAT(EW().IsWorkingDay(kMaxDate), IsOk());
}

TEST(Calendar, StrictRefusesDatesPastTheData) {
  absl::StatusOr<Calendar> strict = Calendar::EnglandAndWales(true);
  ASSERT_THAT(strict, IsOk());
  EXPECT_TRUE(strict->info().strict);
  EXPECT_THAT(strict->AddWorkingDays(D(2028, 12, 1), 15),
              IsOkAndHolds(D(2028, 12, 22)));
  EXPECT_THAT(strict->AddWorkingDays(D(2028, 12, 20), 20),
              StatusIs(absl::StatusCode::kOutOfRange,
                       HasSubstr("known until 2028-12-31")));
  EXPECT_THAT(strict->IsWorkingDay(D(2029, 1, 2)),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("strict")));
  // Listing holidays too: up to the data's end, and no further.
  absl::StatusOr<std::vector<Holiday>> listed =
      strict->HolidaysBetween(D(2028, 12, 1), D(2028, 12, 31));
  ASSERT_THAT(listed, IsOk());
  EXPECT_EQ(listed->size(), 2u);  // Christmas Day, Boxing Day
  EXPECT_THAT(strict->HolidaysBetween(D(2028, 12, 1), D(2029, 1, 31)),
              StatusIs(absl::StatusCode::kOutOfRange,
                       HasSubstr("known until 2028-12-31")));
  EXPECT_THAT(EW().HolidaysBetween(D(2028, 12, 1), D(2029, 1, 31)), IsOk());
  // The lenient calendar answers, and says the answer is provisional.
  absl::StatusOr<Date> lenient = EW().AddWorkingDays(D(2028, 12, 20), 20);
  ASSERT_THAT(lenient, IsOk());
  EXPECT_TRUE(EW().IsProvisional(*lenient));
}

TEST(Calendar, BatchMatchesScalarAndNamesTheFailingElement) {
  std::vector<int32_t> days;
  std::vector<int32_t> n;
  for (int32_t s = D(2015, 1, 1).serial(); s < D(2025, 1, 1).serial(); s += 7) {
    days.push_back(s);
    n.push_back(static_cast<int32_t>(s % 61) - 30);
  }
  std::vector<int32_t> out(days.size());
  ASSERT_THAT(EW().AddWorkingDaysBatch(days, n, absl::MakeSpan(out)), IsOk());
  for (size_t i = 0; i < days.size(); ++i) {
    ASSERT_THAT(EW().AddWorkingDays(Date::FromSerial(days[i]), n[i]),
                IsOkAndHolds(Date::FromSerial(out[i])));
  }
  // Broadcast n, int64 (numpy) form.
  std::vector<int64_t> days64(days.begin(), days.end());
  std::vector<int64_t> out64(days.size());
  const std::vector<int64_t> twenty = {20};
  ASSERT_THAT(EW().AddWorkingDaysBatch(days64, twenty, absl::MakeSpan(out64)),
              IsOk());
  for (size_t i = 0; i < days.size(); ++i) {
    ASSERT_THAT(EW().AddWorkingDays(Date::FromSerial(days[i]), 20),
                IsOkAndHolds(Date::FromSerial(static_cast<int32_t>(out64[i]))));
  }
  days64[5] = INT64_MIN;  // numpy NaT
  EXPECT_THAT(EW().AddWorkingDaysBatch(days64, twenty, absl::MakeSpan(out64)),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("element 5")));
  std::vector<int32_t> short_out(3);
  EXPECT_THAT(EW().AddWorkingDaysBatch(days, n, absl::MakeSpan(short_out)),
              StatusIs(absl::StatusCode::kInvalidArgument));
  std::vector<int32_t> counts(days.size());
  std::vector<int32_t> to(days.size());
  for (size_t i = 0; i < days.size(); ++i) to[i] = days[i] + 40;
  ASSERT_THAT(EW().WorkingDaysBetweenBatch(days, to, absl::MakeSpan(counts)),
              IsOk());
  for (size_t i = 0; i < days.size(); ++i) {
    ASSERT_THAT(EW().WorkingDaysBetween(Date::FromSerial(days[i]),
                                        Date::FromSerial(to[i])),
                IsOkAndHolds(counts[i]));
  }
  std::vector<uint8_t> flags(days64.size());
  days64[5] = days64[4];
  ASSERT_THAT(EW().IsWorkingDayBatch(days64, absl::MakeSpan(flags)), IsOk());
  for (size_t i = 0; i < days64.size(); ++i) {
    ASSERT_THAT(
        EW().IsWorkingDay(Date::FromSerial(static_cast<int32_t>(days64[i]))),
        IsOkAndHolds(flags[i] == 1));
  }
}

TEST(Calendar, CopiesShareTablesAndAreThreadSafe) {
  const Calendar copy = EW();
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int32_t s = D(2000, 1, 1).serial() + t; s < D(2030, 1, 1).serial();
           s += 4) {
        Date a;
        Date b;
        if (!copy.TryAddWorkingDays(Date::FromSerial(s), 20, &a) ||
            !EW().TryAddWorkingDays(Date::FromSerial(s), 20, &b) || a != b) {
          ++mismatches[size_t(t)];
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_THAT(mismatches, ElementsAre(0, 0, 0, 0));
}

// A Calendar answers its hot queries from pointers into its shared tables:
// a copy or a moved-to calendar must keep answering (and keep a strict
// horizon) after the calendar it came from is gone. Under ASan a dangling
// pointer fails here.
TEST(Calendar, CopiesAndMovesOutliveTheOriginal) {
  std::optional<Calendar> kept;
  std::optional<Calendar> moved;
  {
    CalendarBuilder builder = CalendarBuilder::EnglandAndWales();
    builder.SetStrict(true);
    ASSERT_THAT(builder.AddClosureDay(D(2024, 12, 24), "Council closure"),
                IsOk());
    absl::StatusOr<Calendar> original = builder.Build();
    ASSERT_THAT(original, IsOk());
    kept.emplace(*original);  // a copy
    Calendar temporary = *original;
    moved.emplace(std::move(temporary));
  }  // the original, its builder and the moved-from copy are gone
  for (const Calendar* cal : {&*kept, &*moved}) {
    EXPECT_THAT(cal->IsWorkingDay(D(2024, 12, 24)), IsOkAndHolds(false));
    // 23 Dec, then 27 Dec onwards: the closure is skipped.
    EXPECT_THAT(cal->AddWorkingDays(D(2024, 12, 20), 3),
                IsOkAndHolds(D(2024, 12, 30)));
    EXPECT_THAT(cal->WorkingDaysBetween(D(2024, 12, 20), D(2024, 12, 31)),
                IsOkAndHolds(4));
    EXPECT_THAT(cal->IsWorkingDay(D(2029, 1, 2)),
                StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("strict")));
  }
}

// ---- Builders: GOV.UK files, overlays, closure days
// --------------------------

TEST(CalendarBuilder, LoadsTheWholeGovUkFileAsAReplacement) {
  const std::string json =
      ReadFile("bank-holidays-england-and-wales-1995-2030.json");
  absl::StatusOr<Calendar> cal =
      Calendar::FromGovUkJson(json, "england-and-wales");
  ASSERT_THAT(cal, IsOk());
  EXPECT_EQ(cal->info().known_until, D(2030, 12, 31));
  EXPECT_EQ(cal->info().exact_from, D(1995, 1, 1));
  // Same working days as the built-in calendar across the file's span.
  for (int32_t s = D(1995, 1, 1).serial(); s <= D(2030, 12, 31).serial(); ++s) {
    ASSERT_EQ(*cal->IsWorkingDay(Date::FromSerial(s)),
              *EW().IsWorkingDay(Date::FromSerial(s)))
        << Date::FromSerial(s);
  }
  // Outside it: weekends only, and provisional.
  EXPECT_THAT(cal->IsWorkingDay(D(2031, 12, 25)), IsOkAndHolds(true));
  EXPECT_TRUE(cal->IsProvisional(D(2031, 1, 1)));
}

TEST(CalendarBuilder, ReadsOtherDivisionsAndSingleDivisionObjects) {
  const std::string json = ReadFile("govuk-three-divisions.json");
  absl::StatusOr<Calendar> scotland = Calendar::FromGovUkJson(json, "scotland");
  ASSERT_THAT(scotland, IsOk());
  EXPECT_EQ(scotland->info().name, "scotland");
  // 2 Jan and St Andrew's Day are Scottish holidays; Easter Monday is not.
  EXPECT_THAT(scotland->IsWorkingDay(D(2024, 1, 2)), IsOkAndHolds(false));
  EXPECT_THAT(scotland->IsWorkingDay(D(2024, 4, 1)), IsOkAndHolds(true));
  EXPECT_THAT(scotland->IsWorkingDay(D(2024, 12, 2)), IsOkAndHolds(false));
  EXPECT_THAT(Calendar::FromGovUkJson(json, "wales"),
              StatusIs(absl::StatusCode::kNotFound,
                       HasSubstr("england-and-wales, scotland, "
                                 "northern-ireland")));
  EXPECT_THAT(Calendar::FromGovUkJson(json, ""),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("name a division")));
  const std::string single =
      R"({"division": "northern-ireland", "events": [
           {"title": "St Patrick’s Day", "date": "2024-03-18",
            "notes": "Substitute day", "bunting": true}]})";
  absl::StatusOr<Calendar> ni = Calendar::FromGovUkJson(single, "");
  ASSERT_THAT(ni, IsOk());
  EXPECT_EQ(ni->info().name, "northern-ireland");
  const Holiday* patrick = ni->FindHoliday(D(2024, 3, 18));
  ASSERT_NE(patrick, nullptr);
  EXPECT_EQ(patrick->kind, HolidayKind::kSubstitute);
  EXPECT_THAT(Calendar::FromGovUkJson(single, "scotland"),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST(CalendarBuilder, OverlayReplacesTheYearsItCoversAndExtendsTheHorizon) {
  // A hypothetical newer file for 2028-2029 that moves the 2029 early May
  // holiday to Tue 8 May and drops 2028's spring holiday.
  const std::string json = R"({"england-and-wales": {
    "division": "england-and-wales", "events": [
      {"title": "New Year’s Day", "date": "2028-01-03",
       "notes": "Substitute day", "bunting": true},
      {"title": "Early May bank holiday", "date": "2029-05-08",
       "notes": "", "bunting": true},
      {"title": "Christmas Day", "date": "2029-12-25", "notes": "",
       "bunting": true}]}})";
  CalendarBuilder builder = CalendarBuilder::EnglandAndWales();
  ASSERT_THAT(builder.LoadGovUkJson(json, "england-and-wales"), IsOk());
  absl::StatusOr<Calendar> cal = builder.Build();
  ASSERT_THAT(cal, IsOk());
  EXPECT_EQ(cal->info().known_until, D(2029, 12, 31));
  EXPECT_FALSE(cal->IsProvisional(D(2029, 6, 1)));
  EXPECT_THAT(cal->IsWorkingDay(D(2029, 5, 7)), IsOkAndHolds(true));
  EXPECT_THAT(cal->IsWorkingDay(D(2029, 5, 8)), IsOkAndHolds(false));
  EXPECT_THAT(cal->IsWorkingDay(D(2028, 5, 29)), IsOkAndHolds(true));
  // Years the file does not cover are untouched.
  EXPECT_THAT(cal->IsWorkingDay(D(2027, 5, 31)), IsOkAndHolds(false));
  EXPECT_THAT(cal->IsWorkingDay(D(2030, 5, 6)), IsOkAndHolds(false));
  EXPECT_THAT(cal->info().data_version, HasSubstr("GOV.UK file 2028-2029"));
}

TEST(CalendarBuilder, ClosureDaysAreNonWorkingForThisCouncilOnly) {
  CalendarBuilder builder = CalendarBuilder::EnglandAndWales();
  ASSERT_THAT(
      builder.LoadClosureDays("\xEF\xBB\xBF# Christmas-week closure\r\n"
                              "2024-12-24, Council closure\r\n"
                              "27/12/2024 Council closure\n"
                              "\n"
                              "2024-12-25 Already Christmas\n"
                              "2024-12-28  # a Saturday: changes nothing\n",
                              "closures.txt"),
      IsOk());
  ASSERT_THAT(builder.AddClosureDay(D(2024, 12, 30), ""), IsOk());
  absl::StatusOr<Calendar> cal = builder.Build();
  ASSERT_THAT(cal, IsOk());
  EXPECT_EQ(cal->info().closure_days, 5);
  EXPECT_THAT(cal->IsWorkingDay(D(2024, 12, 24)), IsOkAndHolds(false));
  EXPECT_THAT(cal->IsWorkingDay(D(2024, 12, 27)), IsOkAndHolds(false));
  EXPECT_THAT(cal->IsWorkingDay(D(2024, 12, 31)), IsOkAndHolds(true));
  const Holiday* closure = cal->FindHoliday(D(2024, 12, 24));
  ASSERT_NE(closure, nullptr);
  EXPECT_EQ(closure->name, "Council closure");
  EXPECT_EQ(closure->kind, HolidayKind::kLocalClosure);
  EXPECT_EQ(cal->FindHoliday(D(2024, 12, 30))->name, "Local closure day");
  EXPECT_EQ(cal->FindHoliday(D(2024, 12, 25))->name, "Christmas Day");
  // 20 working days from Fri 20 Dec 2024: 23 Dec, then 31 Dec onwards.
  EXPECT_THAT(EW().AddWorkingDays(D(2024, 12, 20), 20),
              IsOkAndHolds(D(2025, 1, 22)));
  EXPECT_THAT(cal->AddWorkingDays(D(2024, 12, 20), 20),
              IsOkAndHolds(D(2025, 1, 27)));
}

TEST(CalendarBuilder, BadClosureLinesNameSourceAndLineAndAddNothing) {
  CalendarBuilder builder = CalendarBuilder::EnglandAndWales();
  EXPECT_THAT(
      builder.LoadClosureDays("2024-12-24\n2024-12-32 oops\n", "closures.txt"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("closures.txt:2: '2024-12-32' is not a date")));
  absl::StatusOr<Calendar> cal = builder.Build();
  ASSERT_THAT(cal, IsOk());
  EXPECT_EQ(cal->info().closure_days, 0);
  EXPECT_THAT(cal->IsWorkingDay(D(2024, 12, 24)), IsOkAndHolds(true));
  EXPECT_THAT(builder.AddClosureDay(Date::FromSerial(-30000), "x"),
              StatusIs(absl::StatusCode::kOutOfRange));
}

TEST(CalendarBuilder, MalformedJsonNamesLineAndColumn) {
  EXPECT_THAT(Calendar::FromGovUkJson(
                  "{\n  \"scotland\": {\n    \"events\": [,]\n}", "scotland"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("line 3, column")));
  EXPECT_THAT(Calendar::FromGovUkJson("[]", "scotland"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("not a JSON object")));
  EXPECT_THAT(
      Calendar::FromGovUkJson(
          R"({"division": "x", "events": [{"title": "A", "date": "2024-02-30"}]})",
          ""),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("events[0]: '2024-02-30' is not a date")));
  EXPECT_THAT(
      Calendar::FromGovUkJson(
          R"({"division": "x", "events": [{"date": "2024-02-01"}]})", ""),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("missing \"title\"")));
  EXPECT_THAT(
      Calendar::FromGovUkJson(R"({"division": "x", "events": []})", ""),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("no events")));
  EXPECT_THAT(Calendar::FromGovUkJson("", "scotland"),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(CalendarBuilder, WeekendsOnly) {
  absl::StatusOr<Calendar> cal =
      CalendarBuilder::WeekendsOnly("weekdays").Build();
  ASSERT_THAT(cal, IsOk());
  EXPECT_THAT(cal->IsWorkingDay(D(2019, 12, 25)), IsOkAndHolds(true));
  EXPECT_THAT(cal->AddWorkingDays(D(2019, 12, 20), 20),
              IsOkAndHolds(D(2020, 1, 17)));
  EXPECT_FALSE(cal->IsProvisional(D(2150, 1, 1)));
}

}  // namespace
}  // namespace timescales

namespace timescales {
namespace {

// A closure day on a bank holiday changes nothing (calendar.h): the bank
// holiday keeps its name and kind, for every bank holiday of the built-in
// data (the fuzz finding tests/fuzz/corpus/closure_days/
// closure_on_bank_holiday.txt: an unstable sort let a quarter of them be
// replaced).
TEST(ClosureDays, OnABankHolidayChangeNothingForEveryBankHoliday) {
  const absl::StatusOr<Calendar> plain =
      CalendarBuilder::EnglandAndWales().Build();
  ASSERT_TRUE(plain.ok());
  const absl::StatusOr<std::vector<Holiday>> bank =
      plain->HolidaysBetween(testing::D(1995, 1, 1), testing::D(2030, 12, 31));
  ASSERT_TRUE(bank.ok());
  ASSERT_GT(bank->size(), 250u);
  CalendarBuilder builder = CalendarBuilder::EnglandAndWales();
  for (const Holiday& h : *bank) {
    ASSERT_TRUE(builder.AddClosureDay(h.date, "Council closure").ok());
  }
  const absl::StatusOr<Calendar> closed = builder.Build();
  ASSERT_TRUE(closed.ok());
  for (const Holiday& h : *bank) {
    const Holiday* found = closed->FindHoliday(h.date);
    ASSERT_NE(found, nullptr) << h.date.ToString();
    EXPECT_EQ(found->name, h.name) << h.date.ToString();
    EXPECT_EQ(found->kind, h.kind) << h.date.ToString();
  }
  const Holiday* ve_day = closed->FindHoliday(testing::D(2020, 5, 8));
  ASSERT_NE(ve_day, nullptr);
  EXPECT_EQ(ve_day->name, "Early May bank holiday (VE day)");
  EXPECT_EQ(ve_day->kind, HolidayKind::kBankHoliday);
}

// A GOV.UK file listing a date twice: the first title wins, read alone or
// over the built-in data (tests/fuzz/corpus/govuk_json/
// same_date_two_titles.json).
TEST(GovUkJson, ADateListedTwiceKeepsItsFirstTitle) {
  const std::string json = R"({"england-and-wales": {"division":
      "england-and-wales", "events": [
      {"title": "First title", "date": "2007-05-07", "notes": "", "bunting": true},
      {"title": "Second title", "date": "2007-05-07", "notes": "", "bunting": true},
      {"title": "Spring bank holiday", "date": "2007-05-28", "notes": "", "bunting": true}]}})";
  const absl::StatusOr<Calendar> alone =
      Calendar::FromGovUkJson(json, "england-and-wales");
  ASSERT_TRUE(alone.ok()) << alone.status();
  ASSERT_NE(alone->FindHoliday(testing::D(2007, 5, 7)), nullptr);
  EXPECT_EQ(alone->FindHoliday(testing::D(2007, 5, 7))->name, "First title");
  CalendarBuilder builder = CalendarBuilder::EnglandAndWales();
  ASSERT_TRUE(builder.LoadGovUkJson(json, "england-and-wales").ok());
  const absl::StatusOr<Calendar> over = builder.Build();
  ASSERT_TRUE(over.ok());
  ASSERT_NE(over->FindHoliday(testing::D(2007, 5, 7)), nullptr);
  EXPECT_EQ(over->FindHoliday(testing::D(2007, 5, 7))->name, "First title");
}

}  // namespace
}  // namespace timescales
