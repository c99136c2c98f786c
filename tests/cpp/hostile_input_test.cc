// Hostile input (issue item 8: no crash, no hang, no silent misreading, on
// any input). One test per problem found: numbers out of range in JSON,
// many keys, duplicate keys, huge or unterminated CSV fields, endless
// files, a file cut short while it is read, long inputs quoted whole in
// messages, a core group before its ICPC.
//
// Time-bound problems are tested for linear time as the same input at two
// sizes, a ratio of the best of five runs, never a wall-clock limit: a
// linear reader takes about 4 times as long for 4 times the input, a
// quadratic one 16 times.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/excerpt.h"
#include "base/file.h"
#include "base/json.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "import/csv_reader.h"
#include "import/mapped_file.h"
#include "testing/fixtures.h"
#include "testing/status_matchers.h"
#include "timescales/calendar.h"
#include "timescales/date.h"
#include "timescales/import.h"
#include "timescales/moment.h"
#include "timescales/period.h"
#include "timescales/policy.h"
#include "timescales/report_config.h"
#include "timescales/rules.h"
#include "timescales/schedule.h"

namespace timescales {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::timescales::testing::D;
using ::timescales::testing::IsOk;
using ::timescales::testing::StatusIs;
using ::timescales::testing::TS;

// One run of `f`, in seconds.
double Seconds(const std::function<void()>& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  const std::chrono::duration<double> took =
      std::chrono::steady_clock::now() - start;
  return took.count();
}

// How much longer `run(4n)` takes than `run(n)`: about 4 when linear, 16
// when quadratic. `make` builds the input outside the timed part; the two
// sizes are run in turn, best of five each, so a burst of load elsewhere
// slows both alike.
double GrowthOf4x(const std::function<std::function<void()>(int)>& make,
                  int n) {
  const std::function<void()> small = make(n);
  const std::function<void()> large = make(4 * n);
  small();  // warm up: first-touch page faults, lazy initialisation
  double t_small = std::numeric_limits<double>::infinity();
  double t_large = std::numeric_limits<double>::infinity();
  for (int i = 0; i < 5; ++i) {
    t_small = std::min(t_small, Seconds(small));
    t_large = std::min(t_large, Seconds(large));
  }
  const double growth = t_large / std::max(t_small, 1e-6);
  std::printf("    [%d: %.4f s, %d: %.4f s, growth %.1f]\n", n, t_small, 4 * n,
              t_large, growth);
  return growth;
}

// Between 4 (linear) and 16 (quadratic), with room for a noisy machine.
constexpr double kLinear = 10.0;

// A file in the test's temporary folder, removed at the end.
class TempFile {
 public:
  explicit TempFile(const std::string& name, const std::string& text = "") {
    const char* dir = std::getenv("TEST_TMPDIR");
    path_ = absl::StrCat(dir != nullptr ? dir : "/tmp", "/tsc_hostile_",
                         ::getpid(), "_", name);
    Write(text);
  }
  ~TempFile() { std::remove(path_.c_str()); }
  void Write(const std::string& text) const {
    std::FILE* f = std::fopen(path_.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// ---- 1. Numbers out of range in JSON -----------------------------------
//
// nlohmann throws out_of_range.406 for 1e999; it escaped and aborted the
// process (exit 134) from every JSON surface.

TEST(HostileJson, ANumberOutOfRangeIsAnErrorNamingItsKeyNotAnAbort) {
  EXPECT_THAT(
      ReportConfig::FromJson(
          "{\"kpis\": {\"lac_review_timeliness\": {\"target\": 1e999}}}"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               AllOf(HasSubstr("configuration: parse error at line 1, "
                               "column 47"),
                     HasSubstr("1e999"),
                     HasSubstr("kpis.lac_review_timeliness.target"))));
  EXPECT_THAT(
      ReportConfig::FromJson("{\"kpis\": {\"lac_review_timeliness\": "
                             "{\"benchmarks\": {\"England\": -1e999}}}}"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("kpis.lac_review_timeliness.benchmarks.England")));
  EXPECT_THAT(ReportConfig::FromJson(
                  "{\"policy\": {\"due_soon_working_days\": 1e400}}"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("policy.due_soon_working_days")));
  EXPECT_THAT(Policy::FromJson("{\n  \"sw_report_working_days\": 1E+999\n}"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("policy: parse error at line 2"),
                             HasSubstr("sw_report_working_days"))));
  EXPECT_THAT(RuleCatalogue::FromJson(
                  R"({"rules": {"lac.first_review": {"offset": 1e999}}})"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("rules.lac.first_review.offset")));
  EXPECT_THAT(
      Calendar::FromGovUkJson(R"({"division": "x", "events": [{"title": "A",
          "date": "2024-01-01", "bunting": 1e999}]})",
                              ""),
      StatusIs(absl::StatusCode::kInvalidArgument,
               AllOf(HasSubstr("line 2"), HasSubstr("events[0].bunting"))));
  // Anywhere: at the top, in an array, as the whole document.
  EXPECT_THAT(ReportConfig::FromJson("[1, 2, 1e999]"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("[2]")));
  EXPECT_THAT(ReportConfig::FromJson("1e999"),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(HostileJson, AWholeNumberPast64BitsIsNotWrappedToANegativeOne) {
  // 2^64-1 is an unsigned to nlohmann; get<int64_t>() made it -1, and the
  // rule "lac.first_review" then ran one working day backwards.
  EXPECT_THAT(
      RuleCatalogue::FromJson(
          R"({"rules": {"lac.first_review": {"offset": 18446744073709551615}}})"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("\"offset\" is out of range")));
  EXPECT_THAT(
      Policy::FromJson(R"({"due_soon_working_days": 18446744073709551615})"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("from 0 to 1000")));
  // A number past 2^64 is read as a double: not a whole number.
  EXPECT_THAT(
      RuleCatalogue::FromJson(
          R"({"rules": {"x": {"offset": 99999999999999999999,
                      "unit": "days"}}})"),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("whole number")));
}

// ---- 2. Many keys in linear time ----------------------------------------
//
// A linear search per key (the catalogue's Find and Put, ordered_json's
// insert): 5k, 20k and 100k local rules took 0.17, 2.3 and 78 s.

std::string ManyRules(int n) {
  std::string json = "{\"rules\": {";
  for (int i = 0; i < n; ++i) {
    absl::StrAppend(&json, i == 0 ? "" : ", ", "\"local.rule_", i,
                    "\": {\"offset\": ", i % 90, ", \"unit\": \"days\"}");
  }
  return json + "}}";
}

TEST(HostileJson, ManyLocalRulesAreReadInLinearTime) {
  const double growth = GrowthOf4x(
      [](int n) -> std::function<void()> {
        auto json = std::make_shared<std::string>(ManyRules(n));
        return [json, n] {
          absl::StatusOr<RuleCatalogue> rules = RuleCatalogue::FromJson(*json);
          ASSERT_THAT(rules, IsOk());
          ASSERT_EQ(
              rules->rules().size(),
              RuleCatalogue::Builtin().rules().size() + static_cast<size_t>(n));
        };
      },
      5000);
  EXPECT_LT(growth, kLinear);
  // In the order written, after the built-in rules.
  absl::StatusOr<RuleCatalogue> rules = RuleCatalogue::FromJson(ManyRules(3));
  ASSERT_THAT(rules, IsOk());
  EXPECT_EQ(rules->rules().back().id, "local.rule_2");
}

std::string ManyBenchmarks(int n) {
  std::string json =
      "{\"kpis\": {\"lac_review_timeliness\": {\"benchmarks\": {";
  for (int i = 0; i < n; ++i) {
    absl::StrAppend(&json, i == 0 ? "" : ", ", "\"authority ", n - i,
                    "\": ", i % 100);
  }
  return json + "}}}}";
}

TEST(HostileJson, ManyBenchmarksAreReadInLinearTimeAndInOrder) {
  const double growth = GrowthOf4x(
      [](int n) -> std::function<void()> {
        auto json = std::make_shared<std::string>(ManyBenchmarks(n));
        return [json] { ASSERT_THAT(ReportConfig::FromJson(*json), IsOk()); };
      },
      10000);
  EXPECT_LT(growth, kLinear);
  // Reported in configuration order, which is not alphabetical here.
  absl::StatusOr<ReportConfig> config =
      ReportConfig::FromJson(ManyBenchmarks(3));
  ASSERT_THAT(config, IsOk());
  const auto& benchmarks = config->kpis.at("lac_review_timeliness").benchmarks;
  ASSERT_EQ(benchmarks.size(), 3u);
  EXPECT_EQ(benchmarks[0].first, "authority 3");
  EXPECT_EQ(benchmarks[2].first, "authority 1");
}

TEST(HostileJson, ManyGovUkDivisionsAreReadInLinearTime) {
  const double growth = GrowthOf4x(
      [](int n) -> std::function<void()> {
        std::string json = "{";
        for (int i = 0; i < n; ++i) {
          absl::StrAppend(&json, "\"division-", i,
                          "\": {\"events\": [{\"title\": \"A\", \"date\": "
                          "\"2024-01-01\"}]}, ");
        }
        json +=
            "\"x\": {\"events\": [{\"title\": \"A\", \"date\": "
            "\"2024-01-01\"}]}}";
        auto text = std::make_shared<std::string>(std::move(json));
        return [text] {
          ASSERT_THAT(Calendar::FromGovUkJson(*text, "x"), IsOk());
        };
      },
      5000);
  EXPECT_LT(growth, kLinear);
}

// ---- 3. Duplicate keys ---------------------------------------------------
//
// The last one silently won: {"target": 95, "target": 10} gave 10.

TEST(HostileJson, ADuplicateKeyIsAnErrorNamingItAndWhere) {
  EXPECT_THAT(ReportConfig::FromJson("{\"kpis\": {\"lac_review_timeliness\": "
                                     "{\"target\": 95,\n \"target\": 10}}}"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("line 2, column 2"),
                             HasSubstr("duplicate key \"target\" in "
                                       "kpis.lac_review_timeliness"))));
  EXPECT_THAT(ReportConfig::FromJson("{\"policy\": {}, \"policy\": {}}"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("line 1, column 16"),
                             HasSubstr("duplicate key \"policy\""))));
  EXPECT_THAT(
      Policy::FromJson(R"({"counting": "start_excluded", "months": "fixed_days",
                           "counting": "start_is_day_one"})"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("duplicate key \"counting\"")));
  EXPECT_THAT(
      RuleCatalogue::FromJson(R"({"rules": {"x": {"offset": 1, "unit": "days"},
                                            "x": {"offset": 2, "unit": "days"}}})"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("duplicate key \"x\" in rules")));
  EXPECT_THAT(
      RuleCatalogue::FromJson(
          R"({"rules": {"x": {"offset": 1, "unit": "days", "offset": 2}}})"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("duplicate key \"offset\" in rules.x")));
  EXPECT_THAT(Calendar::FromGovUkJson(
                  R"({"division": "x", "events": [{"title": "A",
                      "date": "2024-01-01", "date": "2024-01-02"}]})",
                  ""),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("duplicate key \"date\" in events[0]")));
  // Past the few keys compared one by one: the hash set finds it.
  std::string many =
      "{\"closure_days\": [], \"kpis\": {\"lac_review_"
      "timeliness\": {\"benchmarks\": {";
  for (int i = 0; i < 100; ++i) absl::StrAppend(&many, "\"b", i, "\": 1, ");
  many += "\"b7\": 2}}}}";
  EXPECT_THAT(ReportConfig::FromJson(many),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("duplicate key \"b7\" in "
                                 "kpis.lac_review_timeliness.benchmarks")));
  // Found where the second one begins, empty or with escaped quotes.
  EXPECT_THAT(ReportConfig::FromJson("{\"\": 1,\n  \"\": 2}"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("line 2, column 3: duplicate key \"\"")));
  EXPECT_THAT(Policy::FromJson("{\"a\\\"b\\\\\": 1, \"a\\\"b\\\\\": 2}"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("line 1, column 15: duplicate key")));
  // Equal keys in different objects are not duplicates.
  EXPECT_THAT(ReportConfig::FromJson(
                  R"({"kpis": {"lac_review_timeliness": {"target": 95},
                               "icpc_timeliness": {"target": 90}}})"),
              IsOk());
}

TEST(HostileJson, DeepNestingIsAnErrorNotAStackOverflow) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_THAT(ReportConfig::FromJson(deep),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("nested more than")));
  EXPECT_THAT(ReportConfig::FromJson("{\"policy\": " + deep + "}"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("nested more than")));
}

// ---- 4. Huge and unterminated CSV fields ---------------------------------
//
// libcsv grew a field's buffer 128 bytes at a time, each step a realloc: a
// 50 MB field, a quote never closed early in a 50 MB file, or 50 MB without
// a line end ran for minutes (wherever realloc copies, as under ASan).

// Reads every row of `text`; the rejections' lines and reasons.
std::vector<std::pair<int64_t, std::string>> Rejections(
    const std::string& text) {
  std::vector<std::pair<int64_t, std::string>> out;
  absl::Status read = internal::ForEachCsvRow(
      "t.csv", text, {}, [&](const internal::CsvRow& row) {
        if (!row.error().empty()) {
          out.emplace_back(row.line(), std::string(row.error()));
        }
      });
  EXPECT_THAT(read, IsOk());
  return out;
}

TEST(HostileCsv, AHugeFieldIsReadInLinearTime) {
  const double growth = GrowthOf4x(
      [](int n) -> std::function<void()> {
        auto text = std::make_shared<std::string>(
            "A,B,C\n1,2," + std::string(static_cast<size_t>(n), 'x') + "\n");
        return [text] { EXPECT_TRUE(Rejections(*text).empty()); };
      },
      8 << 20);
  EXPECT_LT(growth, kLinear);
}

TEST(HostileCsv, AnUnclosedQuoteIsFoundInLinearTimeAndNamesItsLine) {
  const auto make = [](int rows) {
    std::string text = "A,B,C\n1,2,3\n4,5,\"never closed\n";
    for (int i = 0; i < rows; ++i) absl::StrAppend(&text, i, ",b,c\n");
    return text;
  };
  const double growth = GrowthOf4x(
      [&make](int n) -> std::function<void()> {
        auto text = std::make_shared<std::string>(make(n));
        return [text] { EXPECT_EQ(Rejections(*text).size(), 1u); };
      },
      600000);
  EXPECT_LT(growth, kLinear);
  const auto rejected = Rejections(make(10));
  ASSERT_EQ(rejected.size(), 1u);
  EXPECT_EQ(rejected[0].first, 3);
  EXPECT_THAT(
      rejected[0].second,
      AllOf(HasSubstr("opened here is never closed"), HasSubstr("to line 13")));
  // Opened on a later line of a record that began earlier: that line.
  const auto later = Rejections("A,B,C\n1,\"two\nlines\",\"open\n5,6,7\n");
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].first, 2);
  EXPECT_THAT(later[0].second, HasSubstr("opened on line 3 is never closed"));
}

TEST(HostileCsv, AQuoteClosedLinesLaterSaysWhichLinesItSwallowed) {
  // The stray quote on line 3 runs to the quote on line 5: lines 3 to 5
  // are one malformed record, and the message says so.
  const auto rejected =
      Rejections("A,B,C\n1,2,3\n4,5,\"stray\n6,7,8\n9,\"ten\",11\n12,13,14\n");
  ASSERT_EQ(rejected.size(), 1u);
  EXPECT_EQ(rejected[0].first, 3);
  EXPECT_THAT(rejected[0].second,
              AllOf(HasSubstr("malformed CSV quoting"),
                    HasSubstr("a quote opened on line 3 runs to line 5"),
                    HasSubstr("lines 3 to 5 are this one record")));
}

// A JSON file cut or padded with NUL bytes is refused, not read as its
// first part (found by the policy_json fuzzer).
TEST(HostileJson, ANulByteIsRefusedNotTakenForTheEnd) {
  const char bytes[] = "{\"name\": \"county\"}\0{\"counting\": 1}";
  const std::string text(bytes, sizeof bytes - 1);
  EXPECT_THAT(Policy::FromJson(text),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("a NUL byte at offset 18 (line 1)")));
  EXPECT_THAT(ReportConfig::FromJson(std::string("{}\0", 3)),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("NUL byte")));
}

TEST(HostileCsv, TextWithNoLineEndIsReadInLinearTime) {
  const double growth = GrowthOf4x(
      [](int n) -> std::function<void()> {
        auto text = std::make_shared<std::string>(
            "A," + std::string(static_cast<size_t>(n), 'x'));
        return [text] {
          ASSERT_THAT(internal::ReadCsvHeader("t.csv", *text), IsOk());
        };
      },
      8 << 20);
  EXPECT_LT(growth, kLinear);
}

// ---- 5. Endless and huge small files -------------------------------------
//
// `--config /dev/zero` read until memory ran out.

TEST(HostileFiles, AnEndlessFileIsRefusedAtTheLimit) {
  if (::access("/dev/zero", R_OK) != 0) GTEST_SKIP() << "no /dev/zero";
  EXPECT_THAT(internal::ReadFile("/dev/zero"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("/dev/zero"), HasSubstr("64 MB"))));
  EXPECT_THAT(ReportConfig::FromFile("/dev/zero"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("64 MB")));
}

TEST(HostileFiles, AFileOverTheLimitIsRefusedWithoutReadingIt) {
  TempFile big("big.json", std::string(5000, ' '));
  EXPECT_THAT(internal::ReadFile(big.path(), 4096),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr(big.path()),
                             HasSubstr("larger than 4096 bytes"))));
  EXPECT_THAT(internal::ReadFile(big.path(), 5000), IsOk());
}

TEST(HostileFiles, ProcFilesStillReadThoughTheySayTheyAreEmpty) {
  if (::access("/proc/self/status", R_OK) != 0) GTEST_SKIP() << "no /proc";
  absl::StatusOr<std::string> text = internal::ReadFile("/proc/self/status");
  ASSERT_THAT(text, IsOk());
  EXPECT_THAT(*text, HasSubstr("Name:"));
  absl::StatusOr<internal::MappedFile> read =
      internal::MappedFile::Read("/proc/self/status");
  ASSERT_THAT(read, IsOk());
  EXPECT_THAT(std::string(read->text()), HasSubstr("Name:"));
}

// ---- 6. A file cut short while it is read --------------------------------
//
// The CSV importers read a mapping of the file: touching a page past the
// new end of a file truncated by another process raised SIGBUS.

TEST(HostileFilesDeathTest, AFileTruncatedAfterOpeningIsNoSigbus) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  TempFile csv("truncated.csv", "CHILD,REVIEW\n" + std::string(5 << 20, 'x'));
  EXPECT_EXIT(
      {
        std::optional<internal::MappedFile> file =
            internal::MappedFile::Open(csv.path());
        if (!file) std::_Exit(3);
        ::truncate(csv.path().c_str(), 0);
        // Every byte of what was read: no page of it is gone.
        size_t sum = 0;
        for (const char c : file->text()) sum += static_cast<unsigned char>(c);
        std::_Exit(sum > 0 ? 0 : 4);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST(HostileFiles, AFileShorterThanWhenOpenedIsAnErrorNamingIt) {
  // A sysfs file says 4096 bytes and holds fewer: to the reader exactly a
  // file cut short between opening and reading.
  const std::string path = "/sys/devices/system/cpu/online";
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || info.st_size != 4096) {
    GTEST_SKIP() << "no sysfs file to read";
  }
  EXPECT_THAT(internal::MappedFile::Read(path),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr(path),
                             HasSubstr("changed while it was being read "
                                       "(4096 bytes when opened"))));
  // Open() leaves such a file to the caller's own reading.
  EXPECT_FALSE(internal::MappedFile::Open(path).has_value());
}

TEST(HostileFiles, AFileChangingWhileReadIsReadOrRefusedByName) {
  // Two versions of different sizes, written in turn (truncated, then
  // written) while the reader reads: each read is a text, or an error
  // naming the file. (A writer paused mid-write leaves a shorter file that
  // is, for that moment, simply the file: no reader can tell.)
  const std::string a = "CHILD,REVIEW\n" + std::string(300000, 'a') + "\n";
  const std::string b = "CHILD,REVIEW\n" + std::string(700000, 'b') + "\n";
  TempFile file("changing.csv", a);
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    for (int i = 0; !stop.load(); ++i) {
      const std::string& text = i % 2 == 0 ? b : a;
      const int fd = ::open(file.path().c_str(), O_WRONLY | O_TRUNC);
      if (fd < 0) continue;
      for (size_t done = 0; done < text.size();) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n <= 0) break;
        done += static_cast<size_t>(n);
      }
      ::close(fd);
    }
  });
  int reads = 0;
  const auto until =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(300);
  while (std::chrono::steady_clock::now() < until) {
    absl::StatusOr<internal::MappedFile> read =
        internal::MappedFile::Read(file.path());
    if (read.ok()) {
      EXPECT_LE(read->text().size(), b.size());
    } else {
      EXPECT_THAT(read.status().message(),
                  AllOf(HasSubstr(file.path()),
                        HasSubstr("changed while it was being read")));
    }
    ++reads;
  }
  stop = true;
  writer.join();
  EXPECT_GT(reads, 0);
}

TEST(HostileFilesDeathTest, ImportingAFileBeingTruncatedNeverCrashes) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  std::string text = "CHILD,REVIEW,REVIEW_CODE\n";
  for (int i = 0; i < 60000; ++i) {
    absl::StrAppend(&text, i % 500, ",01/02/2020,PN1\n");
  }
  TempFile file("reviews.csv", text);
  EXPECT_EXIT(
      {
        std::atomic<bool> stop{false};
        std::thread writer([&] {
          for (int i = 0; !stop.load(); ++i) {
            if (i % 2 == 0) {
              ::truncate(file.path().c_str(), 100);
            } else {
              file.Write(text);
            }
          }
        });
        const auto until =
            std::chrono::steady_clock::now() + std::chrono::milliseconds(400);
        while (std::chrono::steady_clock::now() < until) {
          Dataset data;
          (void)ImportPath(file.path(), InputKind::kSsda903, &data);
        }
        stop = true;
        writer.join();
        std::_Exit(0);
      },
      ::testing::ExitedWithCode(0), "");
}

// ---- 8. Messages quote an excerpt ----------------------------------------
//
// A 50 MB line gave a 50 MB message.

constexpr size_t kShort = 1000;  // the longest message these may give

TEST(HostileMessages, LongInputsAreQuotedAsAnExcerpt) {
  const std::string huge(1 << 20, '7');
  const std::string date = "2019-01-01" + huge;
  for (const absl::Status& status :
       {Date::Parse(date).status(), Date::Parse(huge).status(),
        Moment::Parse(date).status(),
        Moment::Parse("2019-01-01T" + huge).status(),
        ReportingPeriod::Parse(huge).status(), ParseUnit(huge).status(),
        ParseCounting(huge).status(), ParseMonthConvention(huge).status(),
        RuleCatalogue::Builtin().Get(huge).status(),
        ReportConfig::FromJson("{\"" + huge + "\": 1}").status(),
        ReportConfig::FromJson("{\"kpis\": {\"" + huge + "\": 1}}").status(),
        ReportConfig::FromJson("{\"holidays\": {\"" + huge + "\": \"x\"}}")
            .status(),
        ReportConfig::FromJson("{\"closure_days\": [\"" + huge + "\"]}")
            .status(),
        Policy::FromJson("{\"" + huge + "\": 1}").status(),
        Policy::FromJson("{\"counting\": \"" + huge + "\"}").status(),
        RuleCatalogue::FromJson("{\"rules\": {\"" + huge + "\": 1}}").status(),
        RuleCatalogue::FromJson("{\"rules\": {\"x\": {\"" + huge + "\": 1}}}")
            .status(),
        // A syntax error inside a long string: nlohmann quotes the token.
        ReportConfig::FromJson("{\"" + huge).status(),
        ReportConfig::FromJson("{\"a\": \"" + huge + "\x01\"}").status(),
        Calendar::FromGovUkJson("{\"" + huge + "\": {}}", "").status(),
        Calendar::FromGovUkJson("{\"" + huge + "\": {}}", huge).status()}) {
    EXPECT_FALSE(status.ok());
    EXPECT_LT(status.message().size(), kShort)
        << status.message().substr(0, 200);
  }
  // The first 60 bytes and an ellipsis.
  EXPECT_THAT(Date::Parse(date),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("'2019-01-01" + std::string(50, '7') +
                                 "...' is not a date")));
}

TEST(HostileMessages, AnExcerptNeverCutsAUtf8Character) {
  // 59 ASCII bytes, then a two-byte é across the 60-byte cut.
  const std::string text = std::string(59, 'a') + "\xC3\xA9" + "tail";
  EXPECT_EQ(internal::Excerpt(text), std::string(59, 'a') + "...");
  EXPECT_EQ(internal::Excerpt("short"), "short");
}

// ---- 9. A core group before its ICPC -------------------------------------
//
// It was counted on time; a review before the plan's start is refused.

TEST(HostileSchedule, ACoreGroupBeforeItsIcpcIsRefused) {
  EXPECT_THAT(
      CpSchedule(TS(), CpPlan{D(2020, 3, 2), {}, D(2020, 2, 3)}, {},
                 D(2020, 4, 1)),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("core group on 2020-02-03 is before the ICPC on "
                         "2020-03-02")));
  // As a review before the start is.
  EXPECT_THAT(
      CpSchedule(TS(), CpPlan{D(2020, 3, 2), {}, {}},
                 {HeldReview{Moment::OnDate(D(2020, 2, 3)), {}, {}, {}}},
                 D(2020, 4, 1)),
      StatusIs(absl::StatusCode::kInvalidArgument));
  // On the day of the ICPC is fine.
  absl::StatusOr<Schedule> same_day = CpSchedule(
      TS(), CpPlan{D(2020, 3, 2), {}, D(2020, 3, 2)}, {}, D(2020, 4, 1));
  ASSERT_THAT(same_day, IsOk());
  ASSERT_TRUE(same_day->core_group.has_value());
  EXPECT_EQ(same_day->core_group->status, SlotStatus::kOnTime);
}

}  // namespace
}  // namespace timescales
