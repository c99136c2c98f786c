// The SQLite extension (capi/sqlite) against SQLite's own date arithmetic,
// in one process over the same table: 1M ISO date texts drawn across
// 2000-2030 (bench_util.h's seed). Issue 16's target: tsc_due() over 1M
// rows within 3x of date(d, '+1 day').
//
// The extension is loaded from its build-tree path, as `.load` does.

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_util.h"
#include "benchmark/benchmark.h"
#include "timescales/date.h"

#ifndef TSC_SQLITE_EXTENSION
#error "TSC_SQLITE_EXTENSION must name the built libtimescales_sqlite"
#endif

namespace timescales {
namespace {

constexpr int kRows = 1 << 20;

[[noreturn]] void Fail(sqlite3* db, const char* what) {
  std::fprintf(stderr, "%s: %s\n", what, db ? sqlite3_errmsg(db) : "");
  std::abort();
}

// An in-memory database with table t(d TEXT) of kRows dates and the
// extension loaded; built once.
sqlite3* Database() {
  static sqlite3* db = [] {
    sqlite3* d = nullptr;
    if (sqlite3_open(":memory:", &d) != SQLITE_OK) Fail(d, "open");
    sqlite3_enable_load_extension(d, 1);
    char* error = nullptr;
    if (sqlite3_load_extension(d, TSC_SQLITE_EXTENSION, nullptr, &error) !=
        SQLITE_OK) {
      std::fprintf(stderr, "load %s: %s\n", TSC_SQLITE_EXTENSION,
                   error ? error : "");
      std::abort();
    }
    if (sqlite3_exec(d, "CREATE TABLE t(d TEXT); BEGIN", nullptr, nullptr,
                     nullptr) != SQLITE_OK) {
      Fail(d, "create");
    }
    sqlite3_stmt* insert = nullptr;
    if (sqlite3_prepare_v2(d, "INSERT INTO t VALUES (?)", -1, &insert,
                           nullptr) != SQLITE_OK) {
      Fail(d, "prepare insert");
    }
    for (const int32_t serial : bench::RandomSerials(kRows)) {
      const std::string text = Date::FromSerial(serial).ToString();
      sqlite3_bind_text(insert, 1, text.data(), static_cast<int>(text.size()),
                        SQLITE_TRANSIENT);
      if (sqlite3_step(insert) != SQLITE_DONE) Fail(d, "insert");
      sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    if (sqlite3_exec(d, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
      Fail(d, "commit");
    }
    return d;
  }();
  return db;
}

// Runs `sql`, a one-row count, each iteration; the count must be kRows.
void BM_Query(benchmark::State& state, const char* sql) {
  sqlite3* db = Database();
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
    Fail(db, sql);
  }
  for (auto _ : state) {
    if (sqlite3_step(stmt) != SQLITE_ROW) Fail(db, sql);
    const sqlite3_int64 count = sqlite3_column_int64(stmt, 0);
    if (count != kRows) {
      state.SkipWithError("wrong count");
      break;
    }
    benchmark::DoNotOptimize(count);
    sqlite3_reset(stmt);
  }
  sqlite3_finalize(stmt);
  state.SetItemsProcessed(state.iterations() * kRows);
}

// The floor: reading the column alone.
BENCHMARK_CAPTURE(BM_Query, scan, "SELECT count(d) FROM t")
    ->Unit(benchmark::kMillisecond);
// The baseline the target is set against.
BENCHMARK_CAPTURE(BM_Query, date_plus_1_day,
                  "SELECT count(date(d, '+1 day')) FROM t")
    ->Unit(benchmark::kMillisecond);
// The target: the legal due date, 20 working days.
BENCHMARK_CAPTURE(BM_Query, tsc_due_first_review,
                  "SELECT count(tsc_due('lac.first_review', d)) FROM t")
    ->Unit(benchmark::kMillisecond);
// Months, and the other scalar functions, for scale.
BENCHMARK_CAPTURE(BM_Query, tsc_due_subsequent_review,
                  "SELECT count(tsc_due('lac.subsequent_review', d)) FROM t")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Query, date_plus_6_months,
                  "SELECT count(date(d, '+6 months')) FROM t")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Query, tsc_add_working_days_20,
                  "SELECT count(tsc_add_working_days(d, 20)) FROM t")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Query, tsc_practical_due_second_review,
                  "SELECT count(tsc_practical_due('lac.second_review', d)) "
                  "FROM t")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Query, tsc_on_time_first_review,
                  "SELECT count(tsc_on_time('lac.first_review', d, d)) FROM t")
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace timescales
