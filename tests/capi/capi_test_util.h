// Helpers shared by the GoogleTest suites of the C ABI.

#ifndef TSC_TESTS_CAPI_CAPI_TEST_UTIL_H_
#define TSC_TESTS_CAPI_CAPI_TEST_UTIL_H_

#include <string>

#include "gtest/gtest.h"
#include "timescales/c.h"

namespace capi_testing {

// A date the test knows is valid.
inline tsc_date Ymd(int year, int month, int day) {
  tsc_date out = 0;
  EXPECT_EQ(tsc_date_from_ymd(&out, year, month, day), TSC_OK)
      << tsc_last_error_message();
  return out;
}

inline std::string LastError() { return tsc_last_error_message(); }

// A NULL argument: TSC_INVALID_ARGUMENT and a message naming it.
inline ::testing::AssertionResult NullRejected(int status,
                                               const char* argument) {
  const std::string message = LastError();
  if (status != TSC_INVALID_ARGUMENT) {
    return ::testing::AssertionFailure()
           << "status " << status << " (" << tsc_status_string(status)
           << "), want TSC_INVALID_ARGUMENT; message: " << message;
  }
  const std::string quoted = std::string("`") + argument + "`";
  if (message.find(quoted) == std::string::npos) {
    return ::testing::AssertionFailure()
           << "message \"" << message << "\" does not name " << quoted;
  }
  return ::testing::AssertionSuccess();
}

}  // namespace capi_testing

#endif  // TSC_TESTS_CAPI_CAPI_TEST_UTIL_H_
