// File: fuzz/fuzz_check.h
//
// How a fuzz target reports a broken invariant: it prints what broke and
// aborts, so libFuzzer (or the standalone replay, and with it the ctest)
// reports the input that broke it. Every target checks something beyond "no
// crash" with these.

#ifndef TSC_FUZZ_FUZZ_CHECK_H_
#define TSC_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/strings/string_view.h"

namespace timescales {
namespace fuzz {

[[noreturn]] inline void Fail(const std::string& what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what.c_str());
  std::abort();
}

inline void Check(bool holds, const std::string& what) {
  if (!holds) Fail(what);
}

// The input's first `n` bytes for a message, printable.
inline std::string Shown(absl::string_view text, size_t n = 60) {
  std::string out;
  for (char c : text.substr(0, n)) {
    const unsigned char u = static_cast<unsigned char>(c);
    out += u >= 0x20 && u < 0x7f ? c : '?';
  }
  if (text.size() > n) out += "...";
  return out;
}

}  // namespace fuzz
}  // namespace timescales

#endif  // TSC_FUZZ_FUZZ_CHECK_H_
