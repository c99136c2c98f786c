// The cost of the C ABI: the same queries made directly through the C++ API
// and through timescales/c.h (an exported call, the NULL checks, the status
// mapping and the exception guard of each shim). Batches show the overhead
// amortised over 1M dates.
//
// Run: scripts/run-benchmarks <build-dir>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/types/span.h"
#include "bench_util.h"
#include "benchmark/benchmark.h"
#include "timescales/c.h"
#include "timescales/calendar.h"
#include "timescales/date.h"

namespace timescales {
namespace bench {
namespace {

const std::vector<int32_t>& Serials() {
  static const std::vector<int32_t>* serials =
      new std::vector<int32_t>(RandomSerials(kDateCount));
  return *serials;
}

// One C calendar for the whole binary (the C++ one is EnglandAndWales()).
tsc_calendar* CCalendar() {
  static tsc_calendar* calendar = [] {
    tsc_calendar* created = nullptr;
    if (tsc_calendar_create_england_and_wales(&created) != TSC_OK) {
      return static_cast<tsc_calendar*>(nullptr);
    }
    return created;
  }();
  return calendar;
}

bool HaveCCalendar(benchmark::State& state) {
  if (CCalendar() != nullptr) return true;
  state.SkipWithError(tsc_last_error_message());
  return false;
}

// ---- IsWorkingDay -----------------------------------------------------------

void BM_IsWorkingDay_Cpp(benchmark::State& state) {
  const Calendar& calendar = EnglandAndWales();
  const std::vector<int32_t>& serials = Serials();
  size_t i = 0;
  for (auto _ : state) {
    bool working = false;
    bool ok = calendar.TryIsWorkingDay(
        Date::FromSerial(serials[i++ & kDateMask]), &working);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(working);
  }
}
BENCHMARK(BM_IsWorkingDay_Cpp);

void BM_IsWorkingDay_C(benchmark::State& state) {
  if (!HaveCCalendar(state)) return;
  const tsc_calendar* calendar = CCalendar();
  const std::vector<int32_t>& serials = Serials();
  size_t i = 0;
  for (auto _ : state) {
    int working = 0;
    int status =
        tsc_calendar_is_working_day(&working, calendar, serials[i++ & kDateMask]);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(working);
  }
}
BENCHMARK(BM_IsWorkingDay_C);

// ---- AddWorkingDays ---------------------------------------------------------

void BM_AddWorkingDays_Cpp(benchmark::State& state) {
  const Calendar& calendar = EnglandAndWales();
  const std::vector<int32_t>& serials = Serials();
  const auto n = static_cast<int32_t>(state.range(0));
  size_t i = 0;
  for (auto _ : state) {
    Date due;
    bool ok = calendar.TryAddWorkingDays(
        Date::FromSerial(serials[i++ & kDateMask]), n, &due);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(due);
  }
}
BENCHMARK(BM_AddWorkingDays_Cpp)->Arg(20);

void BM_AddWorkingDays_C(benchmark::State& state) {
  if (!HaveCCalendar(state)) return;
  const tsc_calendar* calendar = CCalendar();
  const std::vector<int32_t>& serials = Serials();
  const auto n = static_cast<int32_t>(state.range(0));
  size_t i = 0;
  for (auto _ : state) {
    tsc_date due = 0;
    int status = tsc_calendar_add_working_days(&due, calendar,
                                               serials[i++ & kDateMask], n);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(due);
  }
}
BENCHMARK(BM_AddWorkingDays_C)->Arg(20);

// ---- WorkingDaysBetween (a one-year span) -----------------------------------

void BM_WorkingDaysBetween_Cpp(benchmark::State& state) {
  const Calendar& calendar = EnglandAndWales();
  const std::vector<int32_t>& serials = Serials();
  const auto span = static_cast<int32_t>(state.range(0));
  size_t i = 0;
  for (auto _ : state) {
    const int32_t from = serials[i++ & kDateMask];
    int32_t count = 0;
    bool ok = calendar.TryWorkingDaysBetween(
        Date::FromSerial(from), Date::FromSerial(from + span), &count);
    benchmark::DoNotOptimize(ok);
    benchmark::DoNotOptimize(count);
  }
}
BENCHMARK(BM_WorkingDaysBetween_Cpp)->Arg(365);

void BM_WorkingDaysBetween_C(benchmark::State& state) {
  if (!HaveCCalendar(state)) return;
  const tsc_calendar* calendar = CCalendar();
  const std::vector<int32_t>& serials = Serials();
  const auto span = static_cast<int32_t>(state.range(0));
  size_t i = 0;
  for (auto _ : state) {
    const int32_t from = serials[i++ & kDateMask];
    int32_t count = 0;
    int status = tsc_calendar_working_days_between(&count, calendar, from,
                                                   from + span);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(count);
  }
}
BENCHMARK(BM_WorkingDaysBetween_C)->Arg(365);

// ---- Batches of 1M dates, n = 20 for each -----------------------------------

constexpr size_t kBatchSize = 1 << 20;

void BM_AddWorkingDaysBatch_Cpp(benchmark::State& state) {
  const Calendar& calendar = EnglandAndWales();
  const std::vector<int32_t> days = RandomSerials(kBatchSize);
  const std::vector<int32_t> n(days.size(),
                               static_cast<int32_t>(state.range(0)));
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
BENCHMARK(BM_AddWorkingDaysBatch_Cpp)->Arg(20)->Unit(benchmark::kMillisecond);

void BM_AddWorkingDaysBatch_C(benchmark::State& state) {
  if (!HaveCCalendar(state)) return;
  const tsc_calendar* calendar = CCalendar();
  const std::vector<int32_t> days = RandomSerials(kBatchSize);
  const std::vector<int32_t> n(days.size(),
                               static_cast<int32_t>(state.range(0)));
  std::vector<int32_t> out(days.size());
  for (auto _ : state) {
    int status = tsc_calendar_add_working_days_batch(
        out.data(), calendar, days.data(), n.data(), days.size());
    if (status != TSC_OK) {
      state.SkipWithError(tsc_last_error_message());
      break;
    }
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(days.size()));
}
BENCHMARK(BM_AddWorkingDaysBatch_C)->Arg(20)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace bench
}  // namespace timescales
