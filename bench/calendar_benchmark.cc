// Benchmarks of the working-day calendar: single queries in their
// status-free (Try*) and StatusOr forms, the batch call, and the naive
// day-by-day loop the prefix tables replace.
//
// Targets on one core: AddWorkingDays <= 5 ns at any n, WorkingDaysBetween
// <= 3 ns, the batch >= 200M dates/s, and AddWorkingDays at n = 20 at least
// 100x faster than the day loop. bench/README.md holds the recorded runs.
//
// Reference run: commit 72aad00, 2026-11-26, Release, GCC 12.2, 2-vCPU KVM
// Intel Xeon at 2.1 GHz; median of three runs of 5 repetitions (CPU time;
// bench/README.md has the whole table):
//   BM_IsWorkingDay_Try                     1.55 ns
//   BM_AddWorkingDays_Try/20                2.38 ns
//   BM_AddWorkingDays_StatusOr/20           2.50 ns
//   BM_WorkingDaysBetween_Try/365           1.53 ns
//   BM_WorkingDaysBetween_StatusOr/365      2.43 ns
//   BM_AddWorkingDaysBatch_I32/20           366M items/s
//   BM_NaiveDayLoop_HolidaySet/20            480 ns   (202x AddWorkingDays)
//   BM_NaiveDayLoop_Try/20                  86.8 ns   (36x)
//
// Run: scripts/run-benchmarks <build-dir>

#include <cstddef>
#include <cstdint>
#include <set>
#include <vector>

#include "absl/types/span.h"
#include "bench_util.h"
#include "benchmark/benchmark.h"
#include "timescales/calendar.h"
#include "timescales/date.h"

namespace timescales {
namespace bench {
namespace {

const std::vector<Date>& Dates() {
  static const std::vector<Date>* dates =
      new std::vector<Date>(RandomDates(kDateCount));
  return *dates;
}

// ---- IsWorkingDay -----------------------------------------------------------

void BM_IsWorkingDay_Try(benchmark::State& state) {
  const Calendar& calendar = EnglandAndWales();
  const std::vector<Date>& dates = Dates();
  size_t i = 0;
  for (auto _ : state) {
    bool working = false;
    bool ok = calendar.TryIsWorkingDay(dates[i++ & kDateMask], &working);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(working);
  }
}
BENCHMARK(BM_IsWorkingDay_Try);

void BM_IsWorkingDay_StatusOr(benchmark::State& state) {
  const Calendar& calendar = EnglandAndWales();
  const std::vector<Date>& dates = Dates();
  size_t i = 0;
  for (auto _ : state) {
    absl::StatusOr<bool> working =
        calendar.IsWorkingDay(dates[i++ & kDateMask]);
    benchmark::DoNotOptimize(working.ok() && *working);
  }
}
BENCHMARK(BM_IsWorkingDay_StatusOr);

// ---- AddWorkingDays ---------------------------------------------------------

void BM_AddWorkingDays_Try(benchmark::State& state) {
  const Calendar& calendar = EnglandAndWales();
  const std::vector<Date>& dates = Dates();
  const auto n = static_cast<int32_t>(state.range(0));
  size_t i = 0;
  for (auto _ : state) {
    Date due;
    bool ok = calendar.TryAddWorkingDays(dates[i++ & kDateMask], n, &due);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(due);
  }
}
BENCHMARK(BM_AddWorkingDays_Try)->Arg(5)->Arg(20)->Arg(250);

void BM_AddWorkingDays_StatusOr(benchmark::State& state) {
  const Calendar& calendar = EnglandAndWales();
  const std::vector<Date>& dates = Dates();
  const auto n = static_cast<int32_t>(state.range(0));
  size_t i = 0;
  for (auto _ : state) {
    absl::StatusOr<Date> due =
        calendar.AddWorkingDays(dates[i++ & kDateMask], n);
    benchmark::DoNotOptimize(due.ok() ? due->serial() : 0);
  }
}
BENCHMARK(BM_AddWorkingDays_StatusOr)->Arg(5)->Arg(20)->Arg(250);

// ---- WorkingDaysBetween -----------------------------------------------------
// The argument is the span in calendar days: a month, a year, ten years.

void BM_WorkingDaysBetween_Try(benchmark::State& state) {
  const Calendar& calendar = EnglandAndWales();
  const std::vector<Date>& dates = Dates();
  const auto span = static_cast<int32_t>(state.range(0));
  size_t i = 0;
  for (auto _ : state) {
    const Date from = dates[i++ & kDateMask];
    int32_t count = 0;
    bool ok = calendar.TryWorkingDaysBetween(
        from, Date::FromSerial(from.serial() + span), &count);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(count);
  }
}
BENCHMARK(BM_WorkingDaysBetween_Try)->Arg(30)->Arg(365)->Arg(3650);

void BM_WorkingDaysBetween_StatusOr(benchmark::State& state) {
  const Calendar& calendar = EnglandAndWales();
  const std::vector<Date>& dates = Dates();
  const auto span = static_cast<int32_t>(state.range(0));
  size_t i = 0;
  for (auto _ : state) {
    const Date from = dates[i++ & kDateMask];
    absl::StatusOr<int32_t> count = calendar.WorkingDaysBetween(
        from, Date::FromSerial(from.serial() + span));
    benchmark::DoNotOptimize(count.ok() ? *count : 0);
  }
}
BENCHMARK(BM_WorkingDaysBetween_StatusOr)->Arg(30)->Arg(365)->Arg(3650);

// ---- Batches: 1M dates, one n for all (the pandas/numpy path) ---------------

constexpr size_t kBatchSize = 1 << 20;

void BM_AddWorkingDaysBatch_I32(benchmark::State& state) {
  const Calendar& calendar = EnglandAndWales();
  const std::vector<int32_t> days = RandomSerials(kBatchSize);
  const int32_t n[] = {static_cast<int32_t>(state.range(0))};
  std::vector<int32_t> out(days.size());
  for (auto _ : state) {
    absl::Status status = calendar.AddWorkingDaysBatch(
        absl::MakeConstSpan(days), absl::MakeConstSpan(n),
        absl::MakeSpan(out));
    if (!status.ok()) {
      state.SkipWithError(status.ToString().c_str());
      break;
    }
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(days.size()));
}
BENCHMARK(BM_AddWorkingDaysBatch_I32)->Arg(20)->Unit(benchmark::kMillisecond);

void BM_AddWorkingDaysBatch_I64(benchmark::State& state) {
  const Calendar& calendar = EnglandAndWales();
  const std::vector<int32_t> serials = RandomSerials(kBatchSize);
  const std::vector<int64_t> days(serials.begin(), serials.end());
  const int64_t n[] = {state.range(0)};
  std::vector<int64_t> out(days.size());
  for (auto _ : state) {
    absl::Status status = calendar.AddWorkingDaysBatch(
        absl::MakeConstSpan(days), absl::MakeConstSpan(n),
        absl::MakeSpan(out));
    if (!status.ok()) {
      state.SkipWithError(status.ToString().c_str());
      break;
    }
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(days.size()));
}
BENCHMARK(BM_AddWorkingDaysBatch_I64)->Arg(20)->Unit(benchmark::kMillisecond);

// ---- The naive day loop (the baseline) --------------------------------------
// Each loop steps one calendar day at a time and asks whether it is a
// working day, only the question's cost differs:
//   HolidaySet:    weekday arithmetic plus a lookup in a std::set of the
//                  holidays, like SQL's `NOT EXISTS (SELECT ... holidays)`;
//   StatusOr:      Calendar::IsWorkingDay, as a naive library user would;
//   Try:           Calendar::TryIsWorkingDay, the cheapest question there
//                  is, so the smallest ratio any day loop can give.
// Every variant is checked against TryAddWorkingDays before timing.

bool SameAsLibrary(benchmark::State& state, int32_t (*naive)(int32_t,
                                                             int32_t)) {
  const Calendar& calendar = EnglandAndWales();
  const auto n = static_cast<int32_t>(state.range(0));
  for (Date day : Dates()) {
    Date expected;
    if (!calendar.TryAddWorkingDays(day, n, &expected) ||
        naive(day.serial(), n) != expected.serial()) {
      state.SkipWithError("the naive loop disagrees with AddWorkingDays");
      return false;
    }
  }
  return true;
}

int32_t NaiveWithHolidaySet(int32_t day, int32_t n) {
  static const std::set<int32_t>* holidays = [] {
    auto* set = new std::set<int32_t>;
    auto list = EnglandAndWales().HolidaysBetween(*Date::FromYmd(1999, 1, 1),
                                                  *Date::FromYmd(2032, 12, 31));
    for (const Holiday& holiday : *list) set->insert(holiday.date.serial());
    return set;
  }();
  return NaiveAddWorkingDays(day, n, [](int32_t serial) {
    return IsWeekdaySerial(serial) && holidays->count(serial) == 0;
  });
}

int32_t NaiveWithStatusOr(int32_t day, int32_t n) {
  const Calendar& calendar = EnglandAndWales();
  return NaiveAddWorkingDays(day, n, [&calendar](int32_t serial) {
    absl::StatusOr<bool> working =
        calendar.IsWorkingDay(Date::FromSerial(serial));
    return working.ok() && *working;
  });
}

int32_t NaiveWithTry(int32_t day, int32_t n) {
  const Calendar& calendar = EnglandAndWales();
  return NaiveAddWorkingDays(day, n, [&calendar](int32_t serial) {
    bool working = false;
    return calendar.TryIsWorkingDay(Date::FromSerial(serial), &working) &&
           working;
  });
}

template <int32_t (*Naive)(int32_t, int32_t)>
void BM_NaiveDayLoop(benchmark::State& state) {
  if (!SameAsLibrary(state, Naive)) return;
  const std::vector<Date>& dates = Dates();
  const auto n = static_cast<int32_t>(state.range(0));
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(Naive(dates[i++ & kDateMask].serial(), n));
  }
}
BENCHMARK(BM_NaiveDayLoop<NaiveWithHolidaySet>)
    ->Name("BM_NaiveDayLoop_HolidaySet")
    ->Arg(20);
BENCHMARK(BM_NaiveDayLoop<NaiveWithStatusOr>)
    ->Name("BM_NaiveDayLoop_StatusOr")
    ->Arg(20);
BENCHMARK(BM_NaiveDayLoop<NaiveWithTry>)->Name("BM_NaiveDayLoop_Try")->Arg(20);

}  // namespace
}  // namespace bench
}  // namespace timescales
