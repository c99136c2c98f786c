// File: fuzz/standalone_main.cc
//
// A main() for the fuzz targets without libFuzzer: replays every file in the
// folders (or the files) named on the command line through
// LLVMFuzzerTestOneInput, so a seed corpus runs as an ordinary test. A target
// that breaks an invariant aborts, which fails the test.
//
// Usage: ssda903_csv_replay tests/fuzz/corpus/ssda903_csv [more ...]

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size);

namespace {

namespace fs = std::filesystem;

// Every regular file named, or inside a named folder, in name order.
std::vector<fs::path> Inputs(int argc, char** argv) {
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    std::error_code error;
    if (!fs::is_directory(argv[i], error)) {
      inputs.emplace_back(argv[i]);
      continue;
    }
    for (const auto& entry : fs::recursive_directory_iterator(argv[i], error)) {
      if (entry.is_regular_file()) inputs.push_back(entry.path());
    }
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

bool Replay(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.string().c_str());
    return false;
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)),
                          std::istreambuf_iterator<char>());
  std::fprintf(stderr, "replaying %s (%zu bytes)\n", path.string().c_str(),
               bytes.size());
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()),
                         bytes.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<fs::path> inputs = Inputs(argc, argv);
  if (inputs.empty()) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR_OR_FILE...: no inputs found\n",
                 argv[0]);
    return 1;
  }
  size_t replayed = 0;
  for (const fs::path& path : inputs) replayed += Replay(path) ? 1u : 0u;
  std::fprintf(stderr, "%zu of %zu inputs replayed\n", replayed, inputs.size());
  return replayed == inputs.size() ? 0 : 1;
}
