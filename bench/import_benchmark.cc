// File: import_benchmark.cc
// -----------------------------------------------------------------------------
//
// The SSDA903 CSV importer against its floor: libcsv tokenising the same
// text with callbacks that do nothing, fed whole and fed a line at a time
// (as the importer once fed it, to know where each record starts; it now
// feeds 64 KB pieces and counts the lines libcsv reports). The import
// can never beat the floor; the ratio says how much the rest of the import
// (cells, dates, codes, records, the episode merge) costs on top of the
// parser the project is built on. The files are generated in memory with a
// fixed seed, shaped as a national extract is (13 Episodes columns in DfE
// order, dd/mm/yyyy dates, a child's rows together and in order).

#include <csv.h>

#include <cstdio>
#include <cstring>
#include <random>
#include <string>

#include "bench_util.h"
#include "benchmark/benchmark.h"
#include "timescales/import.h"

namespace timescales {
namespace {

constexpr int kChildren = 40000;  // about 100k episodes, 120k reviews

std::string Dmy(std::mt19937* rng) {
  std::uniform_int_distribution<int> day(1, 28), month(1, 12), year(2010, 2022);
  char text[32];
  std::snprintf(text, sizeof(text), "%02d/%02d/%04d", day(*rng), month(*rng),
                year(*rng));
  return text;
}

const std::string& EpisodesCsv() {
  static const std::string* const text = [] {
    std::mt19937 rng(bench::kSeed);
    std::uniform_int_distribution<int> per_child(1, 5);
    auto* out = new std::string(
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,"
        "REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n");
    std::uniform_int_distribution<int> day(1, 28), year(2010, 2021);
    char decom[32];
    char dec[32];
    for (int child = 0; child < kChildren; ++child) {
      // A period of care of back-to-back episodes, two months each.
      const int episodes = per_child(rng);
      const int first_year = year(rng);
      for (int e = 0; e < episodes; ++e) {
        const bool last = e + 1 == episodes;
        const int d = day(rng);
        std::snprintf(decom, sizeof(decom), "%02d/%02d/%04d", d, 2 * e + 1,
                      first_year);
        std::snprintf(dec, sizeof(dec), "%02d/%02d/%04d", d, 2 * e + 3,
                      first_year);
        *out += std::to_string(1000000 + child) + "," + decom + "," +
                (e == 0 ? "S" : "P") + ",C2,N1,U3,PR1," +
                (last && child % 3 == 0 ? "" : dec) + "," +
                (last ? "E11" : "X1") + ",LAREQ,LE1 4AB,LE2 7XY,SC123456\n";
      }
    }
    return out;
  }();
  return *text;
}

const std::string& ReviewsCsv() {
  static const std::string* const text = [] {
    std::mt19937 rng(bench::kSeed + 1);
    std::uniform_int_distribution<int> per_child(1, 5);
    auto* out = new std::string("CHILD,DOB,REVIEW,REVIEW_CODE\n");
    for (int child = 0; child < kChildren; ++child) {
      const std::string dob = Dmy(&rng);
      for (int r = per_child(rng); r > 0; --r) {
        *out += std::to_string(1000000 + child) + "," + dob + "," + Dmy(&rng) +
                ",PN1\n";
      }
    }
    return out;
  }();
  return *text;
}

int64_t Lines(const std::string& text) {
  int64_t lines = 0;
  for (const char c : text) lines += c == '\n' ? 1 : 0;
  return lines - 1;  // the header
}

void NoField(void*, size_t, void*) {}
void NoRecord(int, void*) {}

// Bytes and rows per second, for every benchmark of a file.
void CountWork(benchmark::State& state, const std::string& text) {
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(text.size()));
  state.SetItemsProcessed(state.iterations() * Lines(text));
}

// libcsv over the whole text at once: the parser's own speed.
void BM_LibcsvWhole(benchmark::State& state, const std::string* text) {
  for (auto _ : state) {
    csv_parser parser;
    csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI);
    benchmark::DoNotOptimize(csv_parse(&parser, text->data(), text->size(),
                                       NoField, NoRecord, nullptr));
    csv_fini(&parser, NoField, NoRecord, nullptr);
    csv_free(&parser);
  }
  CountWork(state, *text);
}

// libcsv a line at a time, as the importer once fed it.
void BM_LibcsvPerLine(benchmark::State& state, const std::string* text) {
  for (auto _ : state) {
    csv_parser parser;
    csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI);
    size_t start = 0;
    while (start < text->size()) {
      const void* end =
          std::memchr(text->data() + start, '\n', text->size() - start);
      const size_t stop =
          end == nullptr ? text->size()
                         : static_cast<size_t>(static_cast<const char*>(end) -
                                               text->data()) +
                               1;
      csv_parse(&parser, text->data() + start, stop - start, NoField, NoRecord,
                nullptr);
      start = stop;
    }
    csv_fini(&parser, NoField, NoRecord, nullptr);
    csv_free(&parser);
  }
  CountWork(state, *text);
}

// The importer: rows to records, in a fresh Dataset each time.
void BM_ImportSsda903Csv(benchmark::State& state, const std::string* text) {
  for (auto _ : state) {
    Dataset data;
    const absl::Status status = ImportSsda903Csv("bench.csv", *text, &data);
    if (!status.ok()) state.SkipWithError(status.ToString().c_str());
    benchmark::DoNotOptimize(data.episodes.data());
  }
  CountWork(state, *text);
}

BENCHMARK_CAPTURE(BM_LibcsvWhole, episodes, &EpisodesCsv())
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LibcsvPerLine, episodes, &EpisodesCsv())
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ImportSsda903Csv, episodes, &EpisodesCsv())
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LibcsvWhole, reviews, &ReviewsCsv())
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_LibcsvPerLine, reviews, &ReviewsCsv())
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ImportSsda903Csv, reviews, &ReviewsCsv())
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace timescales
