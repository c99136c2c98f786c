// File: parser_floor_benchmark.cc
// -----------------------------------------------------------------------------
//
// What the parsers the project is built on cost by themselves on real files,
// before the importer does anything with what they find: libcsv with
// callbacks that do nothing (fed as the importer feeds it: 64 KB pieces,
// the same options) for each .csv, and pugixml's in-place parse (the
// importer's options) for each .xml; then the importer on the same file.
// No report can be faster than the sum of its files' parser floors, so
// this gives the ceiling of `timescales report` on a dataset:
//
//   timescales_parser_floor_benchmark --benchmark_repetitions=3
//       /tmp/national/ssda903/*.csv /tmp/national/cin/*.xml
//       /tmp/national/meetings.csv        (one command line)
//
// scripts/bench-national runs it over its generated national dataset.
// Without file arguments it registers nothing.

#include <csv.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "absl/strings/match.h"
#include "benchmark/benchmark.h"
#include "pugixml.hpp"
#include "timescales/import.h"

namespace timescales {
namespace {

void NoField(void*, size_t, void*) {}
void NoRecord(int, void*) {}

std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The name a benchmark gives a file: its last two path components.
std::string ShortName(const std::string& path) {
  const size_t last = path.rfind('/');
  if (last == std::string::npos || last == 0) return path;
  const size_t before = path.rfind('/', last - 1);
  return path.substr(before == std::string::npos ? 0 : before + 1);
}

void SetWork(benchmark::State& state, const std::string& text) {
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(text.size()));
}

// libcsv alone, with internal/csv_reader.cc's options and piece size.
void BM_LibcsvFloor(benchmark::State& state, const std::string& text) {
  constexpr size_t kPiece = size_t{1} << 16;
  for (auto _ : state) {
    csv_parser parser;
    csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL);
    for (size_t start = 0; start < text.size(); start += kPiece) {
      const size_t size = std::min(kPiece, text.size() - start);
      if (csv_parse(&parser, text.data() + start, size, NoField, NoRecord,
                    nullptr) != size) {
        state.SkipWithError("libcsv stopped: the file is malformed");
        break;
      }
    }
    csv_fini(&parser, NoField, NoRecord, nullptr);
    csv_free(&parser);
  }
  SetWork(state, text);
}

// pugixml alone, in place, with internal import_xml.cc's options. The copy
// it parses (the parse overwrites it) is made outside the timing.
void BM_PugixmlFloor(benchmark::State& state, const std::string& text) {
  for (auto _ : state) {
    state.PauseTiming();
    std::string copy = text;
    auto doc = std::make_unique<pugi::xml_document>();
    state.ResumeTiming();
    const pugi::xml_parse_result parsed = doc->load_buffer_inplace(
        copy.data(), copy.size(),
        pugi::parse_default | pugi::parse_embed_pcdata, pugi::encoding_utf8);
    if (!parsed) state.SkipWithError(parsed.description());
    benchmark::DoNotOptimize(doc->first_child());
    state.PauseTiming();
    doc.reset();
    state.ResumeTiming();
  }
  SetWork(state, text);
}

// The importer on the same file (ImportPath: mapped, its kind found from
// its content), into a fresh Dataset, freed outside the timing.
void BM_Import(benchmark::State& state, const std::string& path) {
  for (auto _ : state) {
    auto data = std::make_unique<Dataset>();
    const absl::Status status = ImportPath(path, data.get());
    if (!status.ok()) state.SkipWithError(status.ToString().c_str());
    state.PauseTiming();
    data.reset();
    state.ResumeTiming();
  }
}

}  // namespace
}  // namespace timescales

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  using timescales::ShortName;
  for (int i = 1; i < argc; ++i) {
    const std::string path = argv[i];
    auto* text = new std::string(timescales::ReadWhole(path));  // lives on
    const bool xml = absl::EndsWith(path, ".xml");
    if (xml) {
      benchmark::RegisterBenchmark(("PugixmlFloor/" + ShortName(path)).c_str(),
                                   timescales::BM_PugixmlFloor, *text)
          ->Unit(benchmark::kMillisecond);
    } else {
      benchmark::RegisterBenchmark(("LibcsvFloor/" + ShortName(path)).c_str(),
                                   timescales::BM_LibcsvFloor, *text)
          ->Unit(benchmark::kMillisecond);
    }
    benchmark::RegisterBenchmark(("Import/" + ShortName(path)).c_str(),
                                 timescales::BM_Import, path)
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
