// File: bench_util.h
// -----------------------------------------------------------------------------
//
// Inputs shared by the benchmarks: random but reproducible dates across
// 2000-2030 (a fixed seed, so every run and every machine measures the same
// work), and the naive day-by-day loop that the O(1) tables replace.

#ifndef TSC_BENCH_BENCH_UTIL_H_
#define TSC_BENCH_BENCH_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

#include "timescales/calendar.h"
#include "timescales/date.h"

namespace timescales {
namespace bench {

inline constexpr uint32_t kSeed = 20191220;

// Small enough to stay in L1 with the tables' hot lines, large enough that
// the branch predictor cannot learn the answers. A power of two, for masks.
inline constexpr size_t kDateCount = 4096;
inline constexpr size_t kDateMask = kDateCount - 1;

// `count` serial days drawn uniformly from 2000-01-01 to 2030-12-31.
inline std::vector<int32_t> RandomSerials(size_t count,
                                          uint32_t seed = kSeed) {
  const int32_t first = Date::FromYmd(2000, 1, 1)->serial();
  const int32_t last = Date::FromYmd(2030, 12, 31)->serial();
  std::mt19937 engine(seed);
  std::uniform_int_distribution<int32_t> pick(first, last);
  std::vector<int32_t> serials(count);
  for (int32_t& serial : serials) serial = pick(engine);
  return serials;
}

inline std::vector<Date> RandomDates(size_t count, uint32_t seed = kSeed) {
  std::vector<Date> dates;
  dates.reserve(count);
  for (int32_t serial : RandomSerials(count, seed)) {
    dates.push_back(Date::FromSerial(serial));
  }
  return dates;
}

// The built-in England and Wales calendar, built once per binary.
inline const Calendar& EnglandAndWales() {
  static const Calendar* calendar = new Calendar(*Calendar::EnglandAndWales());
  return *calendar;
}

// The n-th working day after `day` (n > 0) found the way councils' SQL and
// spreadsheets do it: step one calendar day at a time and ask whether each
// is a working day. `is_working(serial)` answers the question.
template <typename IsWorking>
int32_t NaiveAddWorkingDays(int32_t day, int32_t n, IsWorking is_working) {
  while (n > 0) {
    ++day;
    if (is_working(day)) --n;
  }
  return day;
}

// Monday..Friday from the serial alone; 1970-01-01 was a Thursday.
inline bool IsWeekdaySerial(int32_t serial) {
  const int32_t monday_based = ((serial + 3) % 7 + 7) % 7;  // Mon = 0
  return monday_based < 5;
}

}  // namespace bench
}  // namespace timescales

#endif  // TSC_BENCH_BENCH_UTIL_H_
