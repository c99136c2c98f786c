// Benchmarks of due dates and review chains (issue: >= 20M due dates/s
// through the batch API on one core; 1M chains of 10 reviews in under a
// second), beside the explained single due date for scale.

#include <vector>

#include "bench_util.h"
#include "benchmark/benchmark.h"
#include "timescales/due.h"
#include "timescales/schedule.h"

namespace timescales {
namespace {

const Timescales& Engine() {
  static const Timescales* ts = new Timescales(*Timescales::Default());
  return *ts;
}

// Legal due dates of one rule over 1M anchors (the batch API).
void BM_DueBatch(benchmark::State& state, const char* rule) {
  const std::vector<int32_t> anchors = bench::RandomSerials(1 << 20);
  std::vector<int32_t> out(anchors.size());
  for (auto _ : state) {
    absl::Status s = Engine().DueBatch(rule, anchors, absl::MakeSpan(out));
    benchmark::DoNotOptimize(s.ok());
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(anchors.size()));
}
BENCHMARK_CAPTURE(BM_DueBatch, first_review_20wd, "lac.first_review")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_DueBatch, subsequent_review_6m, "lac.subsequent_review")
    ->Unit(benchmark::kMillisecond);

// One due date with its explanation (holidays named, policy, calendar).
void BM_DueExplained(benchmark::State& state) {
  const std::vector<Date> anchors = bench::RandomDates(bench::kDateCount);
  size_t i = 0;
  for (auto _ : state) {
    absl::StatusOr<DueDate> due = Engine().Due(
        "lac.first_review", Moment::OnDate(anchors[i++ & bench::kDateMask]));
    benchmark::DoNotOptimize(due.ok());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DueExplained);

// 1M LAC chains of 10 reviews each (11 slots), reviews held roughly on
// time, recomputed through ScheduleCalculator (rules looked up once).
void BM_Chains(benchmark::State& state) {
  constexpr size_t kChains = 1 << 20;
  constexpr size_t kReviews = 10;
  const std::vector<int32_t> starts = bench::RandomSerials(kChains);
  // Reviews about every 6 months after the start: the due dates follow the
  // actual dates, so any plausible dates exercise the same work.
  std::vector<Date> held(kChains * kReviews);
  for (size_t c = 0; c < kChains; ++c) {
    int32_t day = starts[c] - 3650;  // keep 2000-2030 anchors in range
    for (size_t k = 0; k < kReviews; ++k) {
      day += k == 0 ? 28 : k == 1 ? 90 : 180;
      held[c * kReviews + k] = Date::FromSerial(day);
    }
  }
  std::vector<Date> due(kReviews + 1);
  const ScheduleCalculator calculator =
      *ScheduleCalculator::Create(Engine(), ScheduleKind::kLac);
  for (auto _ : state) {
    for (size_t c = 0; c < kChains; ++c) {
      absl::Status s = calculator.DueDates(
          Date::FromSerial(starts[c] - 3650),
          absl::MakeConstSpan(held.data() + c * kReviews, kReviews),
          absl::MakeSpan(due));
      benchmark::DoNotOptimize(s.ok());
      benchmark::DoNotOptimize(due.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(kChains));
}
BENCHMARK(BM_Chains)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace timescales
