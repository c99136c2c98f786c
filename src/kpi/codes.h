// File: kpi/codes.h
//
// Comparing a record's code (RNE, LS, REC, REVIEW_CODE) with a literal, for
// the KPI passes that do it for every episode and review: std::string's
// operator== with a C string measures the literal and calls memcmp each
// time; a length test and a fixed-size compare inline to a few
// instructions.

#ifndef TSC_KPI_CODES_H_
#define TSC_KPI_CODES_H_

#include <cstddef>
#include <cstring>
#include <string>

#include "timescales/config.h"

TSC_NAMESPACE_BEGIN
namespace internal {

// IsCode()
//
// Whether `code` is exactly `literal` (codes are stored trimmed and
// upper-case by the importers).
template <size_t N>
bool IsCode(const std::string& code, const char (&literal)[N]) {
  return code.size() == N - 1 && std::memcmp(code.data(), literal, N - 1) == 0;
}

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_KPI_CODES_H_
