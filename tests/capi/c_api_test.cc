// The C ABI's contract from C++: NULL handling, status codes, the per-thread
// last error, version agreement and batches against the scalar functions.

// version.h (generated from project()) and c.h define the same macro names.
// Read the C++ numbers first, then let c.h define its own.
#include "timescales/version.h"

namespace cpp_version {
constexpr int kMajor = TSC_VERSION_MAJOR;
constexpr int kMinor = TSC_VERSION_MINOR;
constexpr int kPatch = TSC_VERSION_PATCH;
constexpr int kNumber = TSC_VERSION_NUMBER;
constexpr const char kString[] = TSC_VERSION_STRING;
constexpr int kAbi = TSC_ABI_VERSION;
}  // namespace cpp_version

#undef TSC_VERSION_H_
#undef TSC_VERSION_MAJOR
#undef TSC_VERSION_MINOR
#undef TSC_VERSION_PATCH
#undef TSC_VERSION_NUMBER
#undef TSC_VERSION_STRING
#undef TSC_ABI_VERSION

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "timescales/c.h"  // NOLINT(build/include_order)
#include "capi/capi_test_util.h"

namespace {

using capi_testing::LastError;
using capi_testing::NullRejected;
using capi_testing::Ymd;

using ::testing::HasSubstr;
using ::testing::Not;

// Serial days known without the library (days since 1970-01-01).
constexpr tsc_date k20Dec2019 = 18250;
constexpr tsc_date k22Jan2020 = 18283;

std::string ReadTestFile(const std::string& name) {
  std::ifstream in(std::string(TSC_TEST_DATA_DIR) + "/" + name,
                   std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class CapiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tsc_clear_last_error();
    ASSERT_EQ(tsc_calendar_create_england_and_wales(&cal_), TSC_OK)
        << LastError();
    ASSERT_EQ(tsc_calendar_builder_create_england_and_wales(&builder_), TSC_OK)
        << LastError();
  }
  void TearDown() override {
    tsc_calendar_free(cal_);
    tsc_calendar_builder_free(builder_);
  }

  tsc_calendar* cal_ = nullptr;
  tsc_calendar_builder* builder_ = nullptr;
};

// ---- Versions ---------------------------------------------------------------

TEST(CapiVersionTest, HeaderMatchesLibraryAndProject) {
  EXPECT_EQ(tsc_version_number(), TSC_VERSION_NUMBER);
  EXPECT_STREQ(tsc_version_string(), TSC_VERSION_STRING);
  EXPECT_EQ(tsc_abi_version(), TSC_ABI_VERSION);

  EXPECT_EQ(TSC_VERSION_MAJOR, cpp_version::kMajor);
  EXPECT_EQ(TSC_VERSION_MINOR, cpp_version::kMinor);
  EXPECT_EQ(TSC_VERSION_PATCH, cpp_version::kPatch);
  EXPECT_EQ(TSC_VERSION_NUMBER, cpp_version::kNumber);
  EXPECT_STREQ(TSC_VERSION_STRING, cpp_version::kString);
  EXPECT_EQ(TSC_ABI_VERSION, cpp_version::kAbi);

  char expected[32];
  std::snprintf(expected, sizeof expected, "%d.%d.%d", TSC_VERSION_MAJOR,
                TSC_VERSION_MINOR, TSC_VERSION_PATCH);
  EXPECT_STREQ(tsc_version_string(), expected);
}

// ---- Status strings and the last error --------------------------------------

TEST(CapiErrorTest, EveryStatusHasDistinctStaticText) {
  const int codes[] = {TSC_OK,
                       TSC_CANCELLED,
                       TSC_UNKNOWN,
                       TSC_INVALID_ARGUMENT,
                       TSC_NOT_FOUND,
                       TSC_ALREADY_EXISTS,
                       TSC_RESOURCE_EXHAUSTED,
                       TSC_FAILED_PRECONDITION,
                       TSC_OUT_OF_RANGE,
                       TSC_UNIMPLEMENTED,
                       TSC_INTERNAL,
                       TSC_BUFFER_TOO_SMALL};
  std::set<std::string> seen;
  for (int code : codes) {
    const char* text = tsc_status_string(code);
    ASSERT_NE(text, nullptr) << code;
    EXPECT_GT(std::strlen(text), 0u) << code;
    EXPECT_TRUE(seen.insert(text).second) << "duplicate text: " << text;
  }
  for (int code : {-1, 17, 99, 101, 1 << 30}) {
    ASSERT_NE(tsc_status_string(code), nullptr) << code;
    EXPECT_GT(std::strlen(tsc_status_string(code)), 0u) << code;
  }
}

TEST(CapiErrorTest, SuccessDoesNotClearLastError) {
  tsc_clear_last_error();
  EXPECT_STREQ(tsc_last_error_message(), "");
  tsc_date d = 0;
  ASSERT_EQ(tsc_date_parse(&d, "31/02/2020"), TSC_INVALID_ARGUMENT);
  const std::string failure = LastError();
  EXPECT_FALSE(failure.empty());
  ASSERT_EQ(tsc_date_parse(&d, "20/12/2019"), TSC_OK);
  EXPECT_EQ(d, k20Dec2019);
  EXPECT_EQ(LastError(), failure);
  tsc_clear_last_error();
  EXPECT_STREQ(tsc_last_error_message(), "");
}

TEST(CapiErrorTest, LastErrorIsPerThread) {
  // Two threads fail in turn: A, then B, then A reads its message, then B.
  std::mutex mu;
  std::condition_variable cv;
  int step = 0;
  auto wait_for = [&](int s) {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return step == s; });
  };
  auto advance = [&] {
    {
      std::lock_guard<std::mutex> lock(mu);
      ++step;
    }
    cv.notify_all();
  };
  std::string a_message, b_message, b_initial;
  int a_status = 0, b_status = 0;

  std::thread a([&] {
    tsc_date d = 0;
    a_status = tsc_date_parse(&d, "aaaa-bb-cc");
    advance();  // 1
    wait_for(2);
    a_message = LastError();
    advance();  // 3
  });
  std::thread b([&] {
    wait_for(1);
    b_initial = LastError();  // nothing failed on this thread yet
    tsc_date d = 0;
    b_status = tsc_date_from_ymd(&d, 1899, 12, 31);
    advance();  // 2
    wait_for(3);
    b_message = LastError();
  });
  a.join();
  b.join();

  EXPECT_EQ(a_status, TSC_INVALID_ARGUMENT);
  EXPECT_EQ(b_status, TSC_OUT_OF_RANGE);
  EXPECT_EQ(b_initial, "");
  EXPECT_THAT(a_message, HasSubstr("aaaa-bb-cc"));
  EXPECT_FALSE(b_message.empty());
  EXPECT_THAT(b_message, Not(HasSubstr("aaaa-bb-cc")));
  EXPECT_NE(a_message, b_message);
}

TEST_F(CapiTest, CalendarIsSharedAcrossThreads) {
  // Calendars are documented immutable and shareable.
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 2000; ++i) {
        tsc_date d = 0;
        if (tsc_calendar_add_working_days(&d, cal_, k20Dec2019, 20) != TSC_OK ||
            d != k22Jan2020) {
          ++wrong;
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
}

// ---- NULL arguments ---------------------------------------------------------

TEST(CapiNullTest, FreeFunctionsAcceptNull) {
  tsc_free(nullptr);
  tsc_calendar_free(nullptr);
  tsc_calendar_builder_free(nullptr);
  tsc_holiday_list_free(nullptr);
  EXPECT_EQ(tsc_holiday_list_size(nullptr), 0u);
}

TEST(CapiNullTest, DateFunctions) {
  tsc_date d = 0;
  int y = 0, m = 0, day = 0;
  EXPECT_TRUE(NullRejected(tsc_date_from_ymd(nullptr, 2019, 12, 20), "out"));
  EXPECT_TRUE(NullRejected(tsc_date_to_ymd(nullptr, &m, &day, 0), "year"));
  EXPECT_TRUE(NullRejected(tsc_date_to_ymd(&y, nullptr, &day, 0), "month"));
  EXPECT_TRUE(NullRejected(tsc_date_to_ymd(&y, &m, nullptr, 0), "day"));
  EXPECT_TRUE(NullRejected(tsc_date_parse(nullptr, "2019-12-20"), "out"));
  EXPECT_TRUE(NullRejected(tsc_date_parse(&d, nullptr), "text"));
  size_t len = 0;
  EXPECT_TRUE(NullRejected(tsc_date_format(nullptr, 11, &len, 0), "buf"));
  EXPECT_TRUE(NullRejected(tsc_date_weekday(nullptr, 0), "out"));
  EXPECT_TRUE(NullRejected(tsc_add_days(nullptr, 0, 1), "out"));
  EXPECT_TRUE(NullRejected(tsc_add_weeks(nullptr, 0, 1), "out"));
  EXPECT_TRUE(NullRejected(tsc_add_months(nullptr, 0, 1), "out"));
  EXPECT_TRUE(NullRejected(
      tsc_add_months_convention(nullptr, 0, 1, TSC_MONTHS_FIXED_DAYS), "out"));
}

TEST(CapiNullTest, CreateFunctionsClearOut) {
  int dummy = 0;
  auto* stale_cal = reinterpret_cast<tsc_calendar*>(&dummy);
  auto* stale_builder = reinterpret_cast<tsc_calendar_builder*>(&dummy);

  EXPECT_TRUE(
      NullRejected(tsc_calendar_create_england_and_wales(nullptr), "out"));
  EXPECT_TRUE(NullRejected(
      tsc_calendar_create_from_govuk_json(nullptr, "{}", 2, nullptr), "out"));
  tsc_calendar* cal = stale_cal;
  EXPECT_TRUE(NullRejected(
      tsc_calendar_create_from_govuk_json(&cal, nullptr, 2, nullptr), "json"));
  EXPECT_EQ(cal, nullptr);

  EXPECT_TRUE(NullRejected(
      tsc_calendar_builder_create_england_and_wales(nullptr), "out"));
  EXPECT_TRUE(NullRejected(
      tsc_calendar_builder_create_weekends_only(nullptr, "x"), "out"));
  tsc_calendar_builder* builder = stale_builder;
  EXPECT_TRUE(NullRejected(
      tsc_calendar_builder_create_weekends_only(&builder, nullptr), "name"));
  EXPECT_EQ(builder, nullptr);

  tsc_calendar_builder* real = nullptr;
  ASSERT_EQ(tsc_calendar_builder_create_england_and_wales(&real), TSC_OK);
  EXPECT_TRUE(NullRejected(tsc_calendar_builder_build(nullptr, real), "out"));
  cal = stale_cal;
  EXPECT_TRUE(
      NullRejected(tsc_calendar_builder_build(&cal, nullptr), "builder"));
  EXPECT_EQ(cal, nullptr);
  tsc_calendar_builder_free(real);
}

TEST_F(CapiTest, NullBuilderArguments) {
  const std::string json = "{}";
  EXPECT_TRUE(NullRejected(
      tsc_calendar_builder_load_govuk_json(nullptr, json.data(), json.size(),
                                           nullptr, TSC_JSON_OVERLAY),
      "builder"));
  EXPECT_TRUE(NullRejected(tsc_calendar_builder_load_govuk_json(
                               builder_, nullptr, 5, nullptr, TSC_JSON_OVERLAY),
                           "json"));
  EXPECT_TRUE(NullRejected(
      tsc_calendar_builder_add_closure_day(nullptr, k20Dec2019, "x"),
      "builder"));
  EXPECT_TRUE(NullRejected(
      tsc_calendar_builder_add_closure_day(builder_, k20Dec2019, nullptr),
      "name"));
  EXPECT_TRUE(NullRejected(
      tsc_calendar_builder_load_closure_days(nullptr, "", 0, nullptr),
      "builder"));
  EXPECT_TRUE(NullRejected(
      tsc_calendar_builder_load_closure_days(builder_, nullptr, 5, nullptr),
      "text"));
  EXPECT_TRUE(
      NullRejected(tsc_calendar_builder_set_strict(nullptr, 1), "builder"));
  // An empty text may be NULL, and `source` is optional.
  EXPECT_EQ(
      tsc_calendar_builder_load_closure_days(builder_, nullptr, 0, nullptr),
      TSC_OK)
      << LastError();
}

TEST_F(CapiTest, NullQueryArguments) {
  tsc_date d = 0;
  int i = 0;
  int32_t n = 0;
  EXPECT_TRUE(
      NullRejected(tsc_calendar_is_working_day(nullptr, cal_, 0), "out"));
  EXPECT_TRUE(
      NullRejected(tsc_calendar_is_working_day(&i, nullptr, 0), "calendar"));
  EXPECT_TRUE(
      NullRejected(tsc_calendar_add_working_days(nullptr, cal_, 0, 1), "out"));
  EXPECT_TRUE(NullRejected(tsc_calendar_add_working_days(&d, nullptr, 0, 1),
                           "calendar"));
  EXPECT_TRUE(NullRejected(
      tsc_calendar_add_working_days_counting(nullptr, cal_, 0, 1, 0), "out"));
  EXPECT_TRUE(
      NullRejected(tsc_calendar_add_working_days_counting(&d, nullptr, 0, 1, 0),
                   "calendar"));
  EXPECT_TRUE(NullRejected(
      tsc_calendar_working_days_between(nullptr, cal_, 0, 1), "out"));
  EXPECT_TRUE(NullRejected(tsc_calendar_working_days_between(&n, nullptr, 0, 1),
                           "calendar"));
  EXPECT_TRUE(NullRejected(
      tsc_calendar_working_days_between_counting(nullptr, cal_, 0, 1, 0),
      "out"));
  EXPECT_TRUE(NullRejected(
      tsc_calendar_working_days_between_counting(&n, nullptr, 0, 1, 0),
      "calendar"));
  EXPECT_TRUE(
      NullRejected(tsc_calendar_next_working_day(nullptr, cal_, 0), "out"));
  EXPECT_TRUE(
      NullRejected(tsc_calendar_next_working_day(&d, nullptr, 0), "calendar"));
  EXPECT_TRUE(
      NullRejected(tsc_calendar_previous_working_day(nullptr, cal_, 0), "out"));
  EXPECT_TRUE(NullRejected(tsc_calendar_previous_working_day(&d, nullptr, 0),
                           "calendar"));
  EXPECT_TRUE(NullRejected(
      tsc_calendar_adjust(nullptr, cal_, 0, TSC_ROLL_FOLLOWING), "out"));
  EXPECT_TRUE(NullRejected(
      tsc_calendar_adjust(&d, nullptr, 0, TSC_ROLL_FOLLOWING), "calendar"));
  EXPECT_TRUE(
      NullRejected(tsc_calendar_is_provisional(nullptr, cal_, 0), "out"));
  EXPECT_TRUE(
      NullRejected(tsc_calendar_is_provisional(&i, nullptr, 0), "calendar"));
}

TEST_F(CapiTest, NullBatchArguments) {
  tsc_date days[3] = {k20Dec2019, k20Dec2019, k20Dec2019};
  int32_t n32[3] = {1, 2, 3};
  tsc_date out32[3];
  int64_t days64[3] = {k20Dec2019, k20Dec2019, k20Dec2019};
  int64_t n64[3] = {1, 2, 3};
  int64_t out64[3];
  uint8_t out8[3];

  EXPECT_TRUE(NullRejected(
      tsc_calendar_add_working_days_batch(nullptr, cal_, days, n32, 3), "out"));
  EXPECT_TRUE(NullRejected(
      tsc_calendar_add_working_days_batch(out32, nullptr, days, n32, 3),
      "calendar"));
  EXPECT_TRUE(NullRejected(
      tsc_calendar_add_working_days_batch(out32, cal_, nullptr, n32, 3),
      "days"));
  EXPECT_TRUE(NullRejected(
      tsc_calendar_add_working_days_batch(out32, cal_, days, nullptr, 3), "n"));

  EXPECT_TRUE(NullRejected(
      tsc_calendar_working_days_between_batch(nullptr, cal_, days, days, 3),
      "out"));
  EXPECT_TRUE(NullRejected(
      tsc_calendar_working_days_between_batch(out32, nullptr, days, days, 3),
      "calendar"));
  EXPECT_TRUE(NullRejected(
      tsc_calendar_working_days_between_batch(out32, cal_, nullptr, days, 3),
      "from"));
  EXPECT_TRUE(NullRejected(
      tsc_calendar_working_days_between_batch(out32, cal_, days, nullptr, 3),
      "to"));

  EXPECT_TRUE(NullRejected(tsc_calendar_add_working_days_batch_i64(
                               nullptr, cal_, days64, 3, n64, 3, 0),
                           "out"));
  EXPECT_TRUE(NullRejected(tsc_calendar_add_working_days_batch_i64(
                               out64, nullptr, days64, 3, n64, 3, 0),
                           "calendar"));
  EXPECT_TRUE(NullRejected(tsc_calendar_add_working_days_batch_i64(
                               out64, cal_, nullptr, 3, n64, 3, 0),
                           "days"));
  EXPECT_TRUE(NullRejected(tsc_calendar_add_working_days_batch_i64(
                               out64, cal_, days64, 3, nullptr, 1, 0),
                           "n"));

  EXPECT_TRUE(NullRejected(tsc_calendar_working_days_between_batch_i64(
                               nullptr, cal_, days64, days64, 3, 0),
                           "out"));
  EXPECT_TRUE(NullRejected(tsc_calendar_working_days_between_batch_i64(
                               out64, nullptr, days64, days64, 3, 0),
                           "calendar"));
  EXPECT_TRUE(NullRejected(tsc_calendar_working_days_between_batch_i64(
                               out64, cal_, nullptr, days64, 3, 0),
                           "from"));
  EXPECT_TRUE(NullRejected(tsc_calendar_working_days_between_batch_i64(
                               out64, cal_, days64, nullptr, 3, 0),
                           "to"));

  EXPECT_TRUE(NullRejected(
      tsc_calendar_is_working_day_batch_i64(nullptr, cal_, days64, 3), "out"));
  EXPECT_TRUE(NullRejected(
      tsc_calendar_is_working_day_batch_i64(out8, nullptr, days64, 3),
      "calendar"));
  EXPECT_TRUE(NullRejected(
      tsc_calendar_is_working_day_batch_i64(out8, cal_, nullptr, 3), "days"));

  // Empty batches may pass NULL arrays; the calendar is still required.
  EXPECT_EQ(
      tsc_calendar_add_working_days_batch(nullptr, cal_, nullptr, nullptr, 0),
      TSC_OK);
  EXPECT_EQ(tsc_calendar_working_days_between_batch(nullptr, cal_, nullptr,
                                                    nullptr, 0),
            TSC_OK);
  EXPECT_EQ(tsc_calendar_add_working_days_batch_i64(nullptr, cal_, nullptr, 0,
                                                    nullptr, 0, 0),
            TSC_OK);
  EXPECT_EQ(tsc_calendar_working_days_between_batch_i64(nullptr, cal_, nullptr,
                                                        nullptr, 0, 0),
            TSC_OK);
  EXPECT_EQ(tsc_calendar_is_working_day_batch_i64(nullptr, cal_, nullptr, 0),
            TSC_OK);
  EXPECT_TRUE(NullRejected(
      tsc_calendar_is_working_day_batch_i64(nullptr, nullptr, nullptr, 0),
      "calendar"));
}

TEST_F(CapiTest, NullHolidayAndInfoArguments) {
  const char* name = nullptr;
  tsc_date d = 0;
  char* json = nullptr;
  EXPECT_TRUE(NullRejected(tsc_calendar_holiday_name(nullptr, cal_, 0), "out"));
  EXPECT_TRUE(
      NullRejected(tsc_calendar_holiday_name(&name, nullptr, 0), "calendar"));
  EXPECT_TRUE(
      NullRejected(tsc_calendar_holidays(nullptr, cal_, 0, 365), "out"));
  int dummy = 0;
  auto* list = reinterpret_cast<tsc_holiday_list*>(&dummy);
  EXPECT_TRUE(
      NullRejected(tsc_calendar_holidays(&list, nullptr, 0, 365), "calendar"));
  EXPECT_EQ(list, nullptr);
  EXPECT_TRUE(NullRejected(
      tsc_holiday_list_get(&d, &name, nullptr, nullptr, nullptr, 0), "list"));

  EXPECT_TRUE(NullRejected(tsc_calendar_name(nullptr, cal_), "out"));
  EXPECT_TRUE(NullRejected(tsc_calendar_name(&name, nullptr), "calendar"));
  EXPECT_TRUE(NullRejected(tsc_calendar_data_version(nullptr, cal_), "out"));
  EXPECT_TRUE(
      NullRejected(tsc_calendar_data_version(&name, nullptr), "calendar"));
  EXPECT_TRUE(NullRejected(tsc_calendar_known_until(nullptr, cal_), "out"));
  EXPECT_TRUE(NullRejected(tsc_calendar_known_until(&d, nullptr), "calendar"));
  EXPECT_TRUE(NullRejected(tsc_calendar_exact_from(nullptr, cal_), "out"));
  EXPECT_TRUE(NullRejected(tsc_calendar_exact_from(&d, nullptr), "calendar"));
  EXPECT_TRUE(NullRejected(tsc_calendar_info_json(nullptr, cal_), "out"));
  json = reinterpret_cast<char*>(&dummy);
  EXPECT_TRUE(NullRejected(tsc_calendar_info_json(&json, nullptr), "calendar"));
  EXPECT_EQ(json, nullptr);
}

// ---- Ranges -----------------------------------------------------------------

TEST(CapiRangeTest, DateBoundaries) {
  tsc_date d = 0;
  EXPECT_EQ(tsc_date_from_ymd(&d, 1899, 12, 31), TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_date_from_ymd(&d, 2200, 1, 1), TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_date_from_ymd(&d, 2020, 2, 30), TSC_INVALID_ARGUMENT);
  EXPECT_EQ(tsc_date_from_ymd(&d, 2021, 2, 29), TSC_INVALID_ARGUMENT);
  EXPECT_EQ(tsc_date_from_ymd(&d, 2020, 13, 1), TSC_INVALID_ARGUMENT);
  EXPECT_EQ(tsc_date_from_ymd(&d, 1900, 1, 1), TSC_OK);
  EXPECT_EQ(d, TSC_MIN_DATE);
  EXPECT_EQ(tsc_date_from_ymd(&d, 2199, 12, 31), TSC_OK);
  EXPECT_EQ(d, TSC_MAX_DATE);

  int y = 0, m = 0, day = 0;
  EXPECT_EQ(tsc_date_to_ymd(&y, &m, &day, TSC_MIN_DATE - 1), TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_date_to_ymd(&y, &m, &day, TSC_MAX_DATE + 1), TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_date_to_ymd(&y, &m, &day, INT32_MIN), TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_date_to_ymd(&y, &m, &day, TSC_MIN_DATE), TSC_OK);
  EXPECT_EQ(y * 10000 + m * 100 + day, 19000101);
  EXPECT_EQ(tsc_date_to_ymd(&y, &m, &day, TSC_MAX_DATE), TSC_OK);
  EXPECT_EQ(y * 10000 + m * 100 + day, 21991231);

  int w = 0;
  EXPECT_EQ(tsc_date_weekday(&w, TSC_MAX_DATE + 1), TSC_OUT_OF_RANGE);
  char buf[16];
  EXPECT_EQ(tsc_date_format(buf, sizeof buf, nullptr, TSC_MIN_DATE - 1),
            TSC_OUT_OF_RANGE);
  EXPECT_FALSE(LastError().empty());
}

TEST(CapiRangeTest, ArithmeticLeavingTheRange) {
  tsc_date d = 0;
  EXPECT_EQ(tsc_add_days(&d, TSC_MAX_DATE, 1), TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_add_days(&d, TSC_MIN_DATE, -1), TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_add_days(&d, TSC_MAX_DATE + 1, 0), TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_add_days(&d, 0, INT32_MAX), TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_add_days(&d, 0, INT32_MIN), TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_add_days(&d, INT32_MAX, -1), TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_add_weeks(&d, 0, INT32_MAX), TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_add_months(&d, Ymd(2199, 12, 1), 1), TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_add_months(&d, 0, INT32_MAX), TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_add_months(&d, 0, INT32_MIN), TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_add_months_convention(&d, 0, INT32_MAX, TSC_MONTHS_FIXED_DAYS),
            TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_add_months_convention(&d, 0, INT32_MIN,
                                      TSC_MONTHS_DAY_BEFORE_CORRESPONDING),
            TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_add_days(&d, TSC_MAX_DATE - 1, 1), TSC_OK);
  EXPECT_EQ(d, TSC_MAX_DATE);
}

TEST_F(CapiTest, CalendarQueriesOutOfRange) {
  tsc_date d = 0;
  int i = 0;
  int32_t n = 0;
  const char* name = nullptr;
  tsc_holiday_list* list = nullptr;
  const tsc_date below = TSC_MIN_DATE - 1;
  const tsc_date above = TSC_MAX_DATE + 1;

  EXPECT_EQ(tsc_calendar_is_working_day(&i, cal_, below), TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_calendar_is_working_day(&i, cal_, above), TSC_OUT_OF_RANGE);
  // The extremes of tsc_date must not overflow while reporting the error.
  EXPECT_EQ(tsc_calendar_is_working_day(&i, cal_, INT32_MAX), TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_calendar_is_working_day(&i, cal_, INT32_MIN), TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_calendar_add_working_days(&d, cal_, INT32_MAX, 1),
            TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_calendar_adjust(&d, cal_, INT32_MIN, TSC_ROLL_FOLLOWING),
            TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_calendar_add_working_days(&d, cal_, above, 0),
            TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_calendar_add_working_days(&d, cal_, TSC_MAX_DATE, 1),
            TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_calendar_add_working_days(&d, cal_, TSC_MIN_DATE, -1),
            TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_calendar_add_working_days(&d, cal_, 0, INT32_MAX),
            TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_calendar_add_working_days(&d, cal_, 0, INT32_MIN),
            TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_calendar_add_working_days_counting(&d, cal_, 0, INT32_MAX,
                                                   TSC_COUNT_START_IS_DAY_ONE),
            TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_calendar_working_days_between(&n, cal_, below, 0),
            TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_calendar_working_days_between(&n, cal_, 0, above),
            TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_calendar_next_working_day(&d, cal_, TSC_MAX_DATE),
            TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_calendar_previous_working_day(&d, cal_, TSC_MIN_DATE),
            TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_calendar_adjust(&d, cal_, above, TSC_ROLL_UNADJUSTED),
            TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_calendar_is_provisional(&i, cal_, above), TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_calendar_holiday_name(&name, cal_, below), TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_calendar_holidays(&list, cal_, below, 0), TSC_OUT_OF_RANGE);
  EXPECT_EQ(list, nullptr);
  EXPECT_EQ(tsc_calendar_holidays(&list, cal_, 0, above), TSC_OUT_OF_RANGE);
  EXPECT_EQ(list, nullptr);
  EXPECT_EQ(tsc_calendar_builder_add_closure_day(builder_, above, "x"),
            TSC_OUT_OF_RANGE);
}

TEST_F(CapiTest, StrictCalendarRefusesDaysPastKnownUntil) {
  tsc_date known_until = 0;
  ASSERT_EQ(tsc_calendar_known_until(&known_until, cal_), TSC_OK);
  ASSERT_LT(known_until, TSC_MAX_DATE);
  int provisional = -1;
  ASSERT_EQ(tsc_calendar_is_provisional(&provisional, cal_, known_until + 1),
            TSC_OK);
  EXPECT_EQ(provisional, 1);
  ASSERT_EQ(tsc_calendar_is_provisional(&provisional, cal_, k20Dec2019),
            TSC_OK);
  EXPECT_EQ(provisional, 0);

  ASSERT_EQ(tsc_calendar_builder_set_strict(builder_, 1), TSC_OK);
  tsc_calendar* strict = nullptr;
  ASSERT_EQ(tsc_calendar_builder_build(&strict, builder_), TSC_OK)
      << LastError();
  int working = -1;
  EXPECT_EQ(tsc_calendar_is_working_day(&working, strict, known_until), TSC_OK)
      << LastError();
  EXPECT_EQ(tsc_calendar_is_working_day(&working, strict, known_until + 1),
            TSC_OUT_OF_RANGE);
  tsc_date d = 0;
  EXPECT_EQ(tsc_calendar_add_working_days(&d, strict, known_until, 5),
            TSC_OUT_OF_RANGE);
  tsc_calendar_free(strict);
}

// ---- Enumerations -----------------------------------------------------------

TEST_F(CapiTest, UnknownEnumValuesAreInvalidArguments) {
  tsc_date d = 0;
  int32_t n = 0;
  const std::string json =
      ReadTestFile("bank-holidays-england-and-wales-1995-2030.json");
  for (int bad : {-1, 2, 100}) {
    EXPECT_EQ(
        tsc_calendar_add_working_days_counting(&d, cal_, k20Dec2019, 1, bad),
        TSC_INVALID_ARGUMENT)
        << bad;
    EXPECT_EQ(tsc_calendar_working_days_between_counting(&n, cal_, 0, 1, bad),
              TSC_INVALID_ARGUMENT)
        << bad;
    EXPECT_EQ(tsc_calendar_builder_load_govuk_json(
                  builder_, json.data(), json.size(), "england-and-wales", bad),
              TSC_INVALID_ARGUMENT)
        << bad;
  }
  for (int bad : {-1, 5, 100}) {
    EXPECT_EQ(tsc_calendar_adjust(&d, cal_, k20Dec2019, bad),
              TSC_INVALID_ARGUMENT)
        << bad;
  }
  for (int bad : {-1, 3, 100}) {
    EXPECT_EQ(tsc_add_months_convention(&d, k20Dec2019, 1, bad),
              TSC_INVALID_ARGUMENT)
        << bad;
  }
  int64_t day = k20Dec2019, step = 1, out = 0;
  EXPECT_EQ(
      tsc_calendar_add_working_days_batch_i64(&out, cal_, &day, 1, &step, 1, 2),
      TSC_INVALID_ARGUMENT);
  EXPECT_EQ(tsc_calendar_working_days_between_batch_i64(&out, cal_, &day, &day,
                                                        1, -1),
            TSC_INVALID_ARGUMENT);
  // The last valid value of each is accepted.
  EXPECT_EQ(
      tsc_calendar_adjust(&d, cal_, k20Dec2019, TSC_ROLL_MODIFIED_PRECEDING),
      TSC_OK);
  EXPECT_EQ(tsc_add_months_convention(&d, k20Dec2019, 1, TSC_MONTHS_FIXED_DAYS),
            TSC_OK);
}

// ---- Formatting, JSON and information ---------------------------------------

TEST(CapiDateTest, FormatHasSnprintfSemantics) {
  char buf[11];
  size_t len = 0;
  EXPECT_EQ(tsc_date_format(buf, sizeof buf, &len, k22Jan2020), TSC_OK);
  EXPECT_STREQ(buf, "2020-01-22");
  EXPECT_EQ(len, 10u);
  EXPECT_EQ(tsc_date_format(buf, sizeof buf, nullptr, k20Dec2019), TSC_OK);
  EXPECT_STREQ(buf, "2019-12-20");

  std::memset(buf, 'x', sizeof buf);
  len = 0;
  EXPECT_EQ(tsc_date_format(buf, 5, &len, k22Jan2020), TSC_BUFFER_TOO_SMALL);
  EXPECT_EQ(len, 10u);
  EXPECT_STREQ(buf, "2020");
  EXPECT_EQ(buf[5], 'x');  // nothing past cap
  EXPECT_THAT(LastError(), HasSubstr("11"));

  len = 0;
  EXPECT_EQ(tsc_date_format(nullptr, 0, &len, k22Jan2020),
            TSC_BUFFER_TOO_SMALL);
  EXPECT_EQ(len, 10u);
}

TEST_F(CapiTest, MalformedJsonNamesTheLine) {
  const char kJson[] = "{\n  \"england-and-wales\": {\n    \"events\": [\n";
  tsc_calendar* cal = nullptr;
  EXPECT_EQ(tsc_calendar_create_from_govuk_json(&cal, kJson, sizeof kJson - 1,
                                                "england-and-wales"),
            TSC_INVALID_ARGUMENT);
  EXPECT_EQ(cal, nullptr);
  EXPECT_THAT(LastError(), HasSubstr("line"));

  EXPECT_EQ(tsc_calendar_builder_load_govuk_json(
                builder_, kJson, sizeof kJson - 1, "england-and-wales",
                TSC_JSON_OVERLAY),
            TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("line"));
}

TEST_F(CapiTest, JsonLengthIsHonoured) {
  // Only `len` bytes are read: a valid document followed by garbage.
  std::string json =
      ReadTestFile("bank-holidays-england-and-wales-1995-2030.json");
  const size_t len = json.size();
  json += "}}} not JSON";
  tsc_calendar* cal = nullptr;
  ASSERT_EQ(tsc_calendar_create_from_govuk_json(&cal, json.data(), len,
                                                "england-and-wales"),
            TSC_OK)
      << LastError();
  tsc_date d = 0;
  EXPECT_EQ(tsc_calendar_add_working_days(&d, cal, k20Dec2019, 20), TSC_OK);
  EXPECT_EQ(d, k22Jan2020);
  tsc_calendar_free(cal);
}

TEST_F(CapiTest, HolidayListIndexOutOfRange) {
  tsc_holiday_list* list = nullptr;
  ASSERT_EQ(
      tsc_calendar_holidays(&list, cal_, Ymd(2022, 1, 1), Ymd(2022, 12, 31)),
      TSC_OK);
  ASSERT_EQ(tsc_holiday_list_size(list), 10u);
  tsc_date d = 0;
  EXPECT_EQ(tsc_holiday_list_get(&d, nullptr, nullptr, nullptr, list, 9),
            TSC_OK);
  EXPECT_EQ(d, Ymd(2022, 12, 27));
  EXPECT_EQ(tsc_holiday_list_get(&d, nullptr, nullptr, nullptr, list, 10),
            TSC_OUT_OF_RANGE);
  EXPECT_EQ(tsc_holiday_list_get(&d, nullptr, nullptr, nullptr, list, SIZE_MAX),
            TSC_OUT_OF_RANGE);
  tsc_holiday_list_free(list);
}

TEST_F(CapiTest, InfoJson) {
  ASSERT_EQ(tsc_calendar_builder_add_closure_day(builder_, Ymd(2024, 12, 24),
                                                 "Council closure"),
            TSC_OK);
  tsc_calendar* cal = nullptr;
  ASSERT_EQ(tsc_calendar_builder_build(&cal, builder_), TSC_OK);
  char* text = nullptr;
  ASSERT_EQ(tsc_calendar_info_json(&text, cal), TSC_OK) << LastError();
  ASSERT_NE(text, nullptr);
  const nlohmann::json info = nlohmann::json::parse(text);
  tsc_free(text);

  EXPECT_EQ(info.at("name"), "england-and-wales");
  EXPECT_EQ(info.at("closure_days"), 1);
  EXPECT_EQ(info.at("strict"), false);
  EXPECT_TRUE(info.at("sources").is_array());
  EXPECT_TRUE(info.at("data_version").is_string());
  // The same facts as the scalar getters.
  const char* name = nullptr;
  const char* version = nullptr;
  tsc_date exact_from = 0, known_until = 0;
  ASSERT_EQ(tsc_calendar_name(&name, cal), TSC_OK);
  ASSERT_EQ(tsc_calendar_data_version(&version, cal), TSC_OK);
  ASSERT_EQ(tsc_calendar_exact_from(&exact_from, cal), TSC_OK);
  ASSERT_EQ(tsc_calendar_known_until(&known_until, cal), TSC_OK);
  EXPECT_EQ(info.at("name"), name);
  EXPECT_EQ(info.at("data_version"), version);
  char buf[11];
  ASSERT_EQ(tsc_date_format(buf, sizeof buf, nullptr, exact_from), TSC_OK);
  EXPECT_EQ(info.at("exact_from"), buf);
  ASSERT_EQ(tsc_date_format(buf, sizeof buf, nullptr, known_until), TSC_OK);
  EXPECT_EQ(info.at("known_until"), buf);
  // The built-in data is GOV.UK's from 1995.
  EXPECT_EQ(exact_from, Ymd(1995, 1, 1));
  tsc_calendar_free(cal);
}

// ---- Batches against the scalar functions -----------------------------------

class CapiBatchTest : public CapiTest {
 protected:
  // Days from 1995 to 2035, weekends and holidays included, and signed
  // offsets large enough to cross several years.
  void SetUp() override {
    CapiTest::SetUp();
    std::mt19937 rng(20191220);
    std::uniform_int_distribution<int32_t> day(Ymd(1995, 1, 1),
                                               Ymd(2035, 12, 31));
    std::uniform_int_distribution<int32_t> offset(-400, 400);
    for (size_t i = 0; i < kCount; ++i) {
      days_.push_back(day(rng));
      others_.push_back(day(rng));
      n_.push_back(offset(rng));
    }
  }

  static constexpr size_t kCount = 5000;
  std::vector<tsc_date> days_, others_;
  std::vector<int32_t> n_;
};

TEST_F(CapiBatchTest, Int32AddMatchesScalar) {
  std::vector<tsc_date> out(kCount);
  ASSERT_EQ(tsc_calendar_add_working_days_batch(out.data(), cal_, days_.data(),
                                                n_.data(), kCount),
            TSC_OK)
      << LastError();
  for (size_t i = 0; i < kCount; ++i) {
    tsc_date want = 0;
    ASSERT_EQ(tsc_calendar_add_working_days(&want, cal_, days_[i], n_[i]),
              TSC_OK);
    ASSERT_EQ(out[i], want) << "index " << i;
  }
}

TEST_F(CapiBatchTest, Int32BetweenMatchesScalar) {
  std::vector<int32_t> out(kCount);
  ASSERT_EQ(tsc_calendar_working_days_between_batch(
                out.data(), cal_, days_.data(), others_.data(), kCount),
            TSC_OK)
      << LastError();
  for (size_t i = 0; i < kCount; ++i) {
    int32_t want = 0;
    ASSERT_EQ(
        tsc_calendar_working_days_between(&want, cal_, days_[i], others_[i]),
        TSC_OK);
    ASSERT_EQ(out[i], want) << "index " << i;
  }
}

TEST_F(CapiBatchTest, Int64AddMatchesScalar) {
  const std::vector<int64_t> days(days_.begin(), days_.end());
  const std::vector<int64_t> n(n_.begin(), n_.end());
  for (int counting : {TSC_COUNT_START_EXCLUDED, TSC_COUNT_START_IS_DAY_ONE}) {
    std::vector<int64_t> out(kCount);
    ASSERT_EQ(
        tsc_calendar_add_working_days_batch_i64(
            out.data(), cal_, days.data(), kCount, n.data(), kCount, counting),
        TSC_OK)
        << LastError();
    for (size_t i = 0; i < kCount; ++i) {
      tsc_date want = 0;
      ASSERT_EQ(tsc_calendar_add_working_days_counting(&want, cal_, days_[i],
                                                       n_[i], counting),
                TSC_OK);
      ASSERT_EQ(out[i], want) << "index " << i << " counting " << counting;
    }
  }
}

TEST_F(CapiBatchTest, Int64AddBroadcastsASingleN) {
  const std::vector<int64_t> days(days_.begin(), days_.end());
  for (int64_t n : {int64_t{20}, int64_t{-15}, int64_t{0}}) {
    std::vector<int64_t> out(kCount);
    ASSERT_EQ(tsc_calendar_add_working_days_batch_i64(
                  out.data(), cal_, days.data(), kCount, &n, 1,
                  TSC_COUNT_START_EXCLUDED),
              TSC_OK)
        << LastError();
    for (size_t i = 0; i < kCount; ++i) {
      tsc_date want = 0;
      ASSERT_EQ(tsc_calendar_add_working_days(&want, cal_, days_[i],
                                              static_cast<int32_t>(n)),
                TSC_OK);
      ASSERT_EQ(out[i], want) << "index " << i << " n " << n;
    }
  }
  // A worked example through the broadcast path.
  const int64_t day = k20Dec2019, n = 20;
  int64_t out = 0;
  ASSERT_EQ(tsc_calendar_add_working_days_batch_i64(&out, cal_, &day, 1, &n, 1,
                                                    TSC_COUNT_START_EXCLUDED),
            TSC_OK);
  EXPECT_EQ(out, k22Jan2020);
}

TEST_F(CapiBatchTest, Int64NCountMustBeOneOrCount) {
  const std::vector<int64_t> days(days_.begin(), days_.begin() + 5);
  const int64_t n[2] = {1, 2};
  std::vector<int64_t> out(5);
  EXPECT_EQ(
      tsc_calendar_add_working_days_batch_i64(out.data(), cal_, days.data(), 5,
                                              n, 2, TSC_COUNT_START_EXCLUDED),
      TSC_INVALID_ARGUMENT);
  EXPECT_THAT(LastError(), HasSubstr("n_count"));
}

TEST_F(CapiBatchTest, Int64BetweenMatchesScalar) {
  const std::vector<int64_t> from(days_.begin(), days_.end());
  const std::vector<int64_t> to(others_.begin(), others_.end());
  for (int counting : {TSC_COUNT_START_EXCLUDED, TSC_COUNT_START_IS_DAY_ONE}) {
    std::vector<int64_t> out(kCount);
    ASSERT_EQ(tsc_calendar_working_days_between_batch_i64(
                  out.data(), cal_, from.data(), to.data(), kCount, counting),
              TSC_OK)
        << LastError();
    for (size_t i = 0; i < kCount; ++i) {
      int32_t want = 0;
      ASSERT_EQ(tsc_calendar_working_days_between_counting(
                    &want, cal_, days_[i], others_[i], counting),
                TSC_OK);
      ASSERT_EQ(out[i], want) << "index " << i << " counting " << counting;
    }
  }
}

TEST_F(CapiBatchTest, Int64IsWorkingDayMatchesScalar) {
  // Every day of 2019-2020, so each weekend and holiday is covered.
  std::vector<int64_t> days;
  for (tsc_date d = Ymd(2019, 1, 1); d <= Ymd(2020, 12, 31); ++d) {
    days.push_back(d);
  }
  std::vector<uint8_t> out(days.size(), 7);
  ASSERT_EQ(tsc_calendar_is_working_day_batch_i64(out.data(), cal_, days.data(),
                                                  days.size()),
            TSC_OK)
      << LastError();
  int working_days = 0;
  for (size_t i = 0; i < days.size(); ++i) {
    int want = -1;
    ASSERT_EQ(tsc_calendar_is_working_day(&want, cal_,
                                          static_cast<tsc_date>(days[i])),
              TSC_OK);
    ASSERT_EQ(out[i], want) << "index " << i;
    working_days += out[i];
  }
  // 2019: 261 weekdays - 8 bank holidays; 2020: 262 - 8.
  EXPECT_EQ(working_days, 253 + 254);
}

TEST_F(CapiBatchTest, ErrorNamesTheFailingIndex) {
  constexpr size_t kBad = 1234;
  std::vector<tsc_date> days(days_);
  days[kBad] = TSC_MAX_DATE + 1;
  std::vector<tsc_date> out(kCount, -1);
  EXPECT_EQ(tsc_calendar_add_working_days_batch(out.data(), cal_, days.data(),
                                                n_.data(), kCount),
            TSC_OUT_OF_RANGE);
  EXPECT_THAT(LastError(), HasSubstr("1234"));
  for (size_t i = 0; i < kBad; ++i) {
    tsc_date want = 0;
    ASSERT_EQ(tsc_calendar_add_working_days(&want, cal_, days[i], n_[i]),
              TSC_OK);
    ASSERT_EQ(out[i], want) << "elements before the failure are written";
  }
  for (size_t i = kBad + 1; i < out.size(); ++i) {
    ASSERT_EQ(out[i], -1) << "nothing past the failure is written: " << i;
  }

  tsc_clear_last_error();
  std::vector<int64_t> from(days_.begin(), days_.end());
  std::vector<int64_t> to(others_.begin(), others_.end());
  to[kBad] = int64_t{1} << 40;  // not representable as a tsc_date either
  std::vector<int64_t> out64(kCount);
  EXPECT_EQ(tsc_calendar_working_days_between_batch_i64(
                out64.data(), cal_, from.data(), to.data(), kCount,
                TSC_COUNT_START_EXCLUDED),
            TSC_OUT_OF_RANGE);
  EXPECT_THAT(LastError(), HasSubstr("1234"));

  tsc_clear_last_error();
  std::vector<uint8_t> working(kCount);
  from[kBad] = TSC_MIN_DATE - 1;
  EXPECT_EQ(tsc_calendar_is_working_day_batch_i64(working.data(), cal_,
                                                  from.data(), kCount),
            TSC_OUT_OF_RANGE);
  EXPECT_THAT(LastError(), HasSubstr("1234"));
}

}  // namespace
