/*
 * c_api_test.c: the C ABI driven from plain C99, as a C caller would use it.
 *
 * Expected dates are the hand-checked worked examples
 * (docs/conventions.md#worked-examples), read from tests/data/working-days.csv
 * and tests/data/due-dates.csv or written beside the check, never values
 * computed by the library. Prints "N passed, M failed" and exits non-zero on
 * any failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "timescales/c.h"

#ifndef TSC_TEST_DATA_DIR
#error "TSC_TEST_DATA_DIR must name tests/data"
#endif

static int g_passed = 0;
static int g_failed = 0;

static void Check(int ok, const char* what, int line) {
  if (ok) {
    ++g_passed;
  } else {
    ++g_failed;
    fprintf(stderr, "c_api_test.c:%d: FAILED: %s\n", line, what);
  }
}

/* Compares a status and, on mismatch, shows the library's message. */
static void CheckStatus(int actual, int expected, const char* call, int line) {
  if (actual == expected) {
    ++g_passed;
    return;
  }
  ++g_failed;
  fprintf(stderr, "c_api_test.c:%d: FAILED: %s returned %d (%s), want %d: %s\n",
          line, call, actual, tsc_status_string(actual), expected,
          tsc_last_error_message());
}

#define CHECK(cond) Check((cond) != 0, #cond, __LINE__)
#define CHECK_OK(call) CheckStatus((call), TSC_OK, #call, __LINE__)
#define CHECK_STATUS(call, want) CheckStatus((call), (want), #call, __LINE__)

/* A date the test trusts: tsc_date_from_ymd is itself pinned below by
 * serial numbers known independently of the library. */
static tsc_date Ymd(int year, int month, int day) {
  tsc_date out = 0;
  CHECK_OK(tsc_date_from_ymd(&out, year, month, day));
  return out;
}

static void CheckDate(tsc_date actual, int year, int month, int day,
                      const char* what, int line) {
  char got[16] = "?";
  size_t len = 0;
  tsc_date want = Ymd(year, month, day);
  if (actual == want) {
    ++g_passed;
    return;
  }
  if (tsc_date_format(got, sizeof got, &len, actual) != TSC_OK) {
    strcpy(got, "(unformattable)");
  }
  ++g_failed;
  fprintf(stderr, "c_api_test.c:%d: FAILED: %s = %s, want %04d-%02d-%02d\n",
          line, what, got, year, month, day);
}

#define CHECK_DATE(actual, y, m, d) \
  CheckDate((actual), (y), (m), (d), #actual, __LINE__)

/* Reads a whole file; the caller frees the result with free(). */
static char* ReadFile(const char* path, size_t* len) {
  FILE* f = fopen(path, "rb");
  char* text = NULL;
  long size;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 &&
      fseek(f, 0, SEEK_SET) == 0) {
    text = (char*)malloc((size_t)size + 1);
    if (text != NULL) {
      *len = fread(text, 1, (size_t)size, f);
      text[*len] = '\0';
    }
  }
  fclose(f);
  return text;
}

static void TestVersion(void) {
  CHECK(tsc_version_number() == TSC_VERSION_NUMBER);
  CHECK(strcmp(tsc_version_string(), TSC_VERSION_STRING) == 0);
  CHECK(tsc_abi_version() == TSC_ABI_VERSION);
}

static void TestDates(void) {
  tsc_date d = 0;
  int y = 0, m = 0, day = 0, weekday = 0;
  char buf[11];
  size_t len = 0;

  /* Serial numbers known without the library (Unix epoch days). */
  CHECK_OK(tsc_date_from_ymd(&d, 1970, 1, 1));
  CHECK(d == 0);
  CHECK_OK(tsc_date_from_ymd(&d, 2000, 1, 1));
  CHECK(d == 10957);
  CHECK_OK(tsc_date_from_ymd(&d, 2020, 1, 22));
  CHECK(d == 18283);
  CHECK_OK(tsc_date_from_ymd(&d, 1900, 1, 1));
  CHECK(d == TSC_MIN_DATE);
  CHECK_OK(tsc_date_from_ymd(&d, 2199, 12, 31));
  CHECK(d == TSC_MAX_DATE);

  CHECK_OK(tsc_date_to_ymd(&y, &m, &day, 18283));
  CHECK(y == 2020 && m == 1 && day == 22);

  CHECK_OK(tsc_date_parse(&d, "20/12/2019"));
  CHECK_DATE(d, 2019, 12, 20);
  CHECK_OK(tsc_date_parse(&d, "2019-12-20"));
  CHECK_DATE(d, 2019, 12, 20);
  CHECK_OK(tsc_date_parse(&d, "  2019-12-20 "));
  CHECK_DATE(d, 2019, 12, 20);

  /* 30 Feb does not exist; 1899 is outside the supported range. */
  CHECK_STATUS(tsc_date_parse(&d, "2020-02-30"), TSC_INVALID_ARGUMENT);
  CHECK(strlen(tsc_last_error_message()) > 0);
  CHECK_STATUS(tsc_date_from_ymd(&d, 2020, 2, 30), TSC_INVALID_ARGUMENT);
  CHECK_STATUS(tsc_date_from_ymd(&d, 1899, 12, 31), TSC_OUT_OF_RANGE);
  CHECK_STATUS(tsc_date_parse(&d, "1899-12-31"), TSC_OUT_OF_RANGE);
  CHECK_STATUS(tsc_date_parse(&d, "not a date"), TSC_INVALID_ARGUMENT);

  CHECK_OK(tsc_date_format(buf, sizeof buf, &len, 18283));
  CHECK(strcmp(buf, "2020-01-22") == 0);
  CHECK(len == 10);
  CHECK_STATUS(tsc_date_format(buf, 10, &len, 18283), TSC_BUFFER_TOO_SMALL);
  CHECK(len == 10);
  CHECK(strcmp(buf, "2020-01-2") == 0); /* truncated like snprintf */

  CHECK_OK(tsc_date_weekday(&weekday, Ymd(2019, 12, 20)));
  CHECK(weekday == 5); /* a Friday */
  CHECK_OK(tsc_date_weekday(&weekday, 0));
  CHECK(weekday == 4); /* 1970-01-01 was a Thursday */
}

static void TestCalendarArithmetic(void) {
  tsc_date d = 0;

  CHECK_OK(tsc_add_days(&d, Ymd(2024, 9, 1), 7));
  CHECK_DATE(d, 2024, 9, 8);
  CHECK_OK(tsc_add_weeks(&d, Ymd(2024, 9, 6), 6));
  CHECK_DATE(d, 2024, 10, 18);

  /* Corresponding date, clamped to the end of a shorter month. */
  CHECK_OK(tsc_add_months(&d, Ymd(2023, 8, 31), 6));
  CHECK_DATE(d, 2024, 2, 29);
  CHECK_OK(tsc_add_months(&d, Ymd(2021, 8, 31), 6));
  CHECK_DATE(d, 2022, 2, 28);
  CHECK_OK(tsc_add_months(&d, Ymd(2024, 4, 30), 1));
  CHECK_DATE(d, 2024, 5, 30);

  CHECK_OK(tsc_add_months_convention(&d, Ymd(2024, 1, 15), 3,
                                     TSC_MONTHS_DAY_BEFORE_CORRESPONDING));
  CHECK_DATE(d, 2024, 4, 14);
  /* 3 months = 91 days: 31 (Jan) + 29 (Feb) + 31 (Mar) lands on 1 Apr. */
  CHECK_OK(
      tsc_add_months_convention(&d, Ymd(2024, 1, 1), 3, TSC_MONTHS_FIXED_DAYS));
  CHECK_DATE(d, 2024, 4, 1);
  CHECK_OK(tsc_add_months_convention(&d, Ymd(2023, 8, 31), 6,
                                     TSC_MONTHS_CORRESPONDING_DATE));
  CHECK_DATE(d, 2024, 2, 29);
}

/* The ten 2022 England and Wales bank holidays, from GOV.UK. */
static void CheckHolidays2022(const tsc_calendar* cal) {
  static const int kDays[10][3] = {{2022, 1, 3},  {2022, 4, 15}, {2022, 4, 18},
                                   {2022, 5, 2},  {2022, 6, 2},  {2022, 6, 3},
                                   {2022, 8, 29}, {2022, 9, 19}, {2022, 12, 26},
                                   {2022, 12, 27}};
  tsc_holiday_list* list = NULL;
  size_t i;
  CHECK_OK(
      tsc_calendar_holidays(&list, cal, Ymd(2022, 1, 1), Ymd(2022, 12, 31)));
  CHECK(tsc_holiday_list_size(list) == 10);
  for (i = 0; i < 10 && i < tsc_holiday_list_size(list); ++i) {
    tsc_date day = 0;
    const char* name = NULL;
    int kind = -1;
    int provisional = -1;
    CHECK_OK(tsc_holiday_list_get(&day, &name, &kind, &provisional, list, i));
    CHECK_DATE(day, kDays[i][0], kDays[i][1], kDays[i][2]);
    CHECK(name != NULL && name[0] != '\0');
    CHECK(provisional == 0);
    if (i == 7) {
      CHECK(name != NULL &&
            strcmp(name,
                   "Bank Holiday for the State Funeral of Queen "
                   "Elizabeth II") == 0);
    }
    if (i == 9) CHECK(kind == TSC_HOLIDAY_SUBSTITUTE); /* for Christmas */
  }
  tsc_holiday_list_free(list);
}

static void TestEnglandAndWales(void) {
  tsc_calendar* cal = NULL;
  tsc_date d = 0;
  int32_t days = 0;
  int working = -1;
  const char* name = NULL;

  CHECK_OK(tsc_calendar_create_england_and_wales(&cal));
  CHECK(cal != NULL);
  if (cal == NULL) return;

  /* 25, 26 Dec and 1 Jan are skipped. */
  CHECK_OK(tsc_calendar_add_working_days(&d, cal, Ymd(2019, 12, 20), 20));
  CHECK_DATE(d, 2020, 1, 22);
  CHECK_OK(tsc_calendar_add_working_days(&d, cal, Ymd(2020, 1, 22), -20));
  CHECK_DATE(d, 2019, 12, 20);
  /* The state funeral (19 Sep) is skipped. */
  CHECK_OK(tsc_calendar_add_working_days(&d, cal, Ymd(2022, 9, 12), 15));
  CHECK_DATE(d, 2022, 10, 4);
  CHECK_OK(tsc_calendar_add_working_days(&d, cal, Ymd(2022, 9, 12), 0));
  CHECK_DATE(d, 2022, 9, 12);
  /* Friday 20 Dec counted as day 1: one day earlier. */
  CHECK_OK(tsc_calendar_add_working_days_counting(
      &d, cal, Ymd(2019, 12, 20), 20, TSC_COUNT_START_IS_DAY_ONE));
  CHECK_DATE(d, 2020, 1, 21);

  CHECK_OK(tsc_calendar_working_days_between(&days, cal, Ymd(2022, 9, 12),
                                             Ymd(2022, 10, 4)));
  CHECK(days == 15);
  CHECK_OK(tsc_calendar_working_days_between(&days, cal, Ymd(2019, 12, 20),
                                             Ymd(2020, 1, 22)));
  CHECK(days == 20);
  CHECK_OK(tsc_calendar_working_days_between(&days, cal, Ymd(2020, 1, 22),
                                             Ymd(2019, 12, 20)));
  CHECK(days == -20);
  CHECK_OK(tsc_calendar_working_days_between_counting(
      &days, cal, Ymd(2022, 9, 12), Ymd(2022, 10, 4),
      TSC_COUNT_START_IS_DAY_ONE));
  CHECK(days == 16);

  CHECK_OK(tsc_calendar_is_working_day(&working, cal, Ymd(2019, 12, 25)));
  CHECK(working == 0);
  CHECK_OK(tsc_calendar_is_working_day(&working, cal, Ymd(2019, 12, 23)));
  CHECK(working == 1);
  CHECK_OK(tsc_calendar_is_working_day(&working, cal, Ymd(2019, 12, 21)));
  CHECK(working == 0); /* a Saturday */

  /* Easter 2020: Good Friday 10 Apr, Easter Monday 13 Apr. */
  CHECK_OK(tsc_calendar_next_working_day(&d, cal, Ymd(2020, 4, 9)));
  CHECK_DATE(d, 2020, 4, 14);
  CHECK_OK(tsc_calendar_previous_working_day(&d, cal, Ymd(2020, 4, 14)));
  CHECK_DATE(d, 2020, 4, 9);
  CHECK_OK(tsc_calendar_adjust(&d, cal, Ymd(2020, 4, 10), TSC_ROLL_PRECEDING));
  CHECK_DATE(d, 2020, 4, 9);
  CHECK_OK(tsc_calendar_adjust(&d, cal, Ymd(2020, 4, 10), TSC_ROLL_FOLLOWING));
  CHECK_DATE(d, 2020, 4, 14);
  CHECK_OK(tsc_calendar_adjust(&d, cal, Ymd(2020, 4, 10), TSC_ROLL_UNADJUSTED));
  CHECK_DATE(d, 2020, 4, 10);
  /* Sunday 31 May 2020: following would be June, so roll back to Fri 29. */
  CHECK_OK(tsc_calendar_adjust(&d, cal, Ymd(2020, 5, 31),
                               TSC_ROLL_MODIFIED_FOLLOWING));
  CHECK_DATE(d, 2020, 5, 29);
  /* Saturday 1 Feb 2020: preceding would be January, so Mon 3 Feb. */
  CHECK_OK(tsc_calendar_adjust(&d, cal, Ymd(2020, 2, 1),
                               TSC_ROLL_MODIFIED_PRECEDING));
  CHECK_DATE(d, 2020, 2, 3);

  CHECK_OK(tsc_calendar_holiday_name(&name, cal, Ymd(2019, 12, 25)));
  CHECK(name != NULL && strcmp(name, "Christmas Day") == 0);
  CHECK_OK(tsc_calendar_holiday_name(&name, cal, Ymd(2019, 12, 23)));
  CHECK(name == NULL);

  CheckHolidays2022(cal);

  CHECK_OK(tsc_calendar_name(&name, cal));
  CHECK(name != NULL && strcmp(name, "england-and-wales") == 0);

  /* Results leaving the supported range. */
  CHECK_STATUS(tsc_calendar_add_working_days(&d, cal, TSC_MAX_DATE, 1),
               TSC_OUT_OF_RANGE);
  CHECK_STATUS(
      tsc_calendar_is_working_day(&working, cal, Ymd(2199, 12, 31) + 1),
      TSC_OUT_OF_RANGE);
  tsc_calendar_free(cal);
}

static void TestClosureDays(void) {
  static const char kClosures[] =
      "# council closures\n"
      "2019-12-27, Christmas closure\n"
      "\n"
      "30/12/2019 Office shut\n";
  tsc_calendar_builder* builder = NULL;
  tsc_calendar* cal = NULL;
  tsc_date d = 0;
  const char* name = NULL;
  tsc_holiday_list* list = NULL;
  int kind = -1;

  CHECK_OK(tsc_calendar_builder_create_england_and_wales(&builder));
  CHECK_OK(tsc_calendar_builder_add_closure_day(builder, Ymd(2019, 12, 24),
                                                "Christmas Eve closure"));
  CHECK_OK(tsc_calendar_builder_build(&cal, builder));
  /* 24 Dec lost as well: 23(1) 27(2) 30(3) 31(4) ... 23 Jan is day 20. */
  CHECK_OK(tsc_calendar_add_working_days(&d, cal, Ymd(2019, 12, 20), 20));
  CHECK_DATE(d, 2020, 1, 23);
  CHECK_OK(tsc_calendar_holiday_name(&name, cal, Ymd(2019, 12, 24)));
  CHECK(name != NULL && strcmp(name, "Christmas Eve closure") == 0);
  CHECK_OK(
      tsc_calendar_holidays(&list, cal, Ymd(2019, 12, 24), Ymd(2019, 12, 24)));
  CHECK(tsc_holiday_list_size(list) == 1);
  CHECK_OK(tsc_holiday_list_get(NULL, NULL, &kind, NULL, list, 0));
  CHECK(kind == TSC_HOLIDAY_LOCAL_CLOSURE);
  tsc_holiday_list_free(list);
  tsc_calendar_free(cal);

  /* The builder stays usable: add two more closures from text. */
  CHECK_OK(tsc_calendar_builder_load_closure_days(
      builder, kClosures, sizeof kClosures - 1, "closures.txt"));
  CHECK_OK(tsc_calendar_builder_build(&cal, builder));
  /* 23(1) 31(2) 2 Jan(3) 3(4) 6-10(9) 13-17(14) 20-24(19) 27 Jan(20). */
  CHECK_OK(tsc_calendar_add_working_days(&d, cal, Ymd(2019, 12, 20), 20));
  CHECK_DATE(d, 2020, 1, 27);
  CHECK_OK(tsc_calendar_holiday_name(&name, cal, Ymd(2019, 12, 30)));
  CHECK(name != NULL && strcmp(name, "Office shut") == 0);
  tsc_calendar_free(cal);

  CHECK_STATUS(tsc_calendar_builder_load_closure_days(builder, "2019-13-01\n",
                                                      11, "bad.txt"),
               TSC_INVALID_ARGUMENT);
  CHECK(strstr(tsc_last_error_message(), "bad.txt") != NULL);
  tsc_calendar_builder_free(builder);
}

static void TestGovUkJson(void) {
  size_t len = 0;
  char* json = ReadFile(TSC_TEST_DATA_DIR
                        "/bank-holidays-england-and-wales-1995-2030.json",
                        &len);
  tsc_calendar* cal = NULL;
  tsc_calendar_builder* builder = NULL;
  tsc_date d = 0;

  CHECK(json != NULL);
  if (json == NULL) return;

  CHECK_OK(tsc_calendar_create_from_govuk_json(&cal, json, len,
                                               "england-and-wales"));
  CHECK_OK(tsc_calendar_add_working_days(&d, cal, Ymd(2019, 12, 20), 20));
  CHECK_DATE(d, 2020, 1, 22);
  CheckHolidays2022(cal);
  tsc_calendar_free(cal);

  /* Weekends only: 20 weekdays after Fri 20 Dec end on Fri 17 Jan... */
  CHECK_OK(tsc_calendar_builder_create_weekends_only(&builder, "plain"));
  CHECK_OK(tsc_calendar_builder_build(&cal, builder));
  CHECK_OK(tsc_calendar_add_working_days(&d, cal, Ymd(2019, 12, 20), 20));
  CHECK_DATE(d, 2020, 1, 17);
  tsc_calendar_free(cal);
  /* ...and with the GOV.UK file loaded the bank holidays count again. */
  CHECK_OK(tsc_calendar_builder_load_govuk_json(
      builder, json, len, "england-and-wales", TSC_JSON_REPLACE));
  CHECK_OK(tsc_calendar_builder_build(&cal, builder));
  CHECK_OK(tsc_calendar_add_working_days(&d, cal, Ymd(2019, 12, 20), 20));
  CHECK_DATE(d, 2020, 1, 22);
  tsc_calendar_free(cal);
  tsc_calendar_builder_free(builder);

  CHECK_STATUS(tsc_calendar_create_from_govuk_json(&cal, "{\"x\": [", 7,
                                                   "england-and-wales"),
               TSC_INVALID_ARGUMENT);
  CHECK(cal == NULL);
  free(json);
}

/* ---- The worked examples ----------------------------------------------------
 * tests/data/working-days.csv and tests/data/due-dates.csv, checked by hand
 * and shared with the C++, Python and CLI suites. Comment lines start with
 * '#'; fields hold no commas or quotes. */

#define TSC_EXAMPLE_LINE 512
#define TSC_EXAMPLE_MAX_FIELDS 8

/* Opens tests/data/<name> and reads past its comments to its header line,
 * which must be `header`. NULL, and a failure counted, when it cannot. */
static FILE* OpenExamples(const char* name, const char* header) {
  char path[1024];
  char line[TSC_EXAMPLE_LINE];
  FILE* f;
  snprintf(path, sizeof path, "%s/%s", TSC_TEST_DATA_DIR, name);
  f = fopen(path, "r");
  if (f == NULL) {
    ++g_failed;
    fprintf(stderr, "c_api_test.c: FAILED: cannot read %s\n", path);
    return NULL;
  }
  while (fgets(line, sizeof line, f) != NULL) {
    line[strcspn(line, "\r\n")] = '\0';
    if (line[0] == '\0' || line[0] == '#') continue;
    if (strcmp(line, header) == 0) return f;
    break;
  }
  ++g_failed;
  fprintf(stderr, "c_api_test.c: FAILED: %s: the header is not %s\n", name,
          header);
  fclose(f);
  return NULL;
}

/* The next data line of `f`, split at commas in place into `fields`: the
 * number of fields, or 0 at the end of the file. */
static int NextExample(FILE* f, char* line, char** fields) {
  while (fgets(line, TSC_EXAMPLE_LINE, f) != NULL) {
    int count = 0;
    char* p = line;
    line[strcspn(line, "\r\n")] = '\0';
    if (line[0] == '\0' || line[0] == '#') continue;
    fields[count++] = p;
    for (; *p != '\0'; ++p) {
      if (*p == ',' && count < TSC_EXAMPLE_MAX_FIELDS) {
        *p = '\0';
        fields[count++] = p + 1;
      }
    }
    return count;
  }
  return 0;
}

/* `yyyy-mm-dd`, or `yyyy-mm-ddTHH:MM` when `minute` is not NULL (TSC_NO_TIME
 * for a date only), read with sscanf rather than the library's parser.
 * 1 on success. */
static int ParseExampleDate(const char* text, tsc_date* date, int32_t* minute) {
  int y = 0, m = 0, d = 0, hh = 0, mm = 0, used = 0;
  if (sscanf(text, "%4d-%2d-%2d%n", &y, &m, &d, &used) != 3 || used != 10 ||
      tsc_date_from_ymd(date, y, m, d) != TSC_OK) {
    return 0;
  }
  if (minute != NULL) *minute = TSC_NO_TIME;
  if (text[10] == '\0') return 1;
  used = 0;
  if (minute == NULL || sscanf(text + 10, "T%2d:%2d%n", &hh, &mm, &used) != 2 ||
      used != 6 || text[16] != '\0' || hh > 23 || mm > 59) {
    return 0;
  }
  *minute = hh * 60 + mm;
  return 1;
}

/* One check of the worked example `id` (`name`), named in a failure. */
static void CheckExample(int ok, const char* id, const char* name,
                         const char* what) {
  if (ok) {
    ++g_passed;
    return;
  }
  ++g_failed;
  fprintf(stderr, "c_api_test.c: FAILED: worked example %s (%s): %s\n", id,
          name, what);
}

/* A call of the worked example `id` returned TSC_OK. */
static int CheckExampleCall(int status, const char* id, const char* name,
                            const char* call) {
  if (status == TSC_OK) {
    ++g_passed;
    return 1;
  }
  ++g_failed;
  fprintf(stderr,
          "c_api_test.c: FAILED: worked example %s (%s): %s returned %d (%s): "
          "%s\n",
          id, name, call, status, tsc_status_string(status),
          tsc_last_error_message());
  return 0;
}

/* The working-day examples: n working days after the event day is the due
 * date, and n working days lie between the two. */
static void TestWorkedWorkingDays(void) {
  char line[TSC_EXAMPLE_LINE];
  char* f[TSC_EXAMPLE_MAX_FIELDS];
  FILE* in = OpenExamples("working-days.csv", "event,n,due,id,name,note");
  tsc_calendar* cal = NULL;
  int rows = 0;
  int count;

  if (in == NULL) return;
  CHECK_OK(tsc_calendar_create_england_and_wales(&cal));
  while (cal != NULL && (count = NextExample(in, line, f)) > 0) {
    tsc_date event = 0, due = 0, got = 0;
    int32_t between = 0;
    int n = 0, used = 0;
    ++rows;
    if (count != 6 || !ParseExampleDate(f[0], &event, NULL) ||
        sscanf(f[1], "%d%n", &n, &used) != 1 || f[1][used] != '\0' ||
        !ParseExampleDate(f[2], &due, NULL)) {
      CheckExample(0, count > 3 ? f[3] : "?", count > 4 ? f[4] : "?",
                   "a malformed row");
      continue;
    }
    if (CheckExampleCall(tsc_calendar_add_working_days(&got, cal, event, n),
                         f[3], f[4], "tsc_calendar_add_working_days")) {
      CheckExample(got == due, f[3], f[4], "the due date");
    }
    if (CheckExampleCall(
            tsc_calendar_working_days_between(&between, cal, event, due), f[3],
            f[4], "tsc_calendar_working_days_between")) {
      CheckExample(between == n, f[3], f[4], "the working days between");
    }
  }
  CHECK(rows == 30); /* the whole table */
  tsc_calendar_free(cal);
  fclose(in);
}

/* ---- Rules, policies, due dates and review chains ------------------------ */

static void TestRuleDue(void) {
  tsc_timescales* ts = NULL;
  tsc_date legal = 0, practical = 0;
  int32_t minute = 0;
  int provisional = -1, on_time = -1;
  int32_t late = 0;
  char* text = NULL;

  CHECK_OK(tsc_timescales_create_default(&ts));
  CHECK(ts != NULL);
  if (ts == NULL) return;

  /* Example 1: looked after Fri 20 Dec 2019 -> first review Wed 22 Jan. */
  CHECK_OK(tsc_rule_due(&legal, &minute, &practical, &provisional, ts,
                        "lac.first_review", Ymd(2019, 12, 20), TSC_NO_TIME));
  CHECK_DATE(legal, 2020, 1, 22);
  CHECK_DATE(practical, 2020, 1, 22);
  CHECK(minute == TSC_NO_TIME);
  CHECK(provisional == 0);
  CHECK_OK(tsc_rule_due_explain(&text, ts, "lac.first_review",
                                Ymd(2019, 12, 20), TSC_NO_TIME));
  CHECK(text != NULL &&
        strstr(text, "skipping Wed 25 Dec Christmas Day") != NULL);
  CHECK(text != NULL && strstr(text, "lac.first_review") != NULL);
  tsc_free(text);
  text = NULL;
  CHECK_OK(tsc_rule_due_working(&text, ts, "lac.first_review",
                                Ymd(2019, 12, 20), TSC_NO_TIME));
  CHECK(text != NULL &&
        strncmp(text, "20 working days after Fri 20 Dec 2019", 37) == 0);
  CHECK(text != NULL && strchr(text, '\n') == NULL); /* one line */
  tsc_free(text);

  /* Example 15: the state funeral (19 Sep 2022) is skipped. */
  CHECK_OK(tsc_rule_due(&legal, NULL, NULL, NULL, ts, "cp.icpc",
                        Ymd(2022, 9, 12), TSC_NO_TIME));
  CHECK_DATE(legal, 2022, 10, 4);
  CHECK_OK(tsc_rule_on_time(&on_time, ts, "cp.icpc", Ymd(2022, 9, 12),
                            TSC_NO_TIME, Ymd(2022, 10, 4), TSC_NO_TIME));
  CHECK(on_time == 1);
  CHECK_OK(tsc_rule_on_time(&on_time, ts, "cp.icpc", Ymd(2022, 9, 12),
                            TSC_NO_TIME, Ymd(2022, 10, 5), TSC_NO_TIME));
  CHECK(on_time == 0);
  CHECK_OK(tsc_rule_lateness_working_days(&late, ts, "cp.icpc",
                                          Ymd(2022, 9, 12), TSC_NO_TIME,
                                          Ymd(2022, 10, 5), TSC_NO_TIME));
  CHECK(late == 1);

  /* 24 hours before 10:00 Sun 27 Oct 2024 (GMT) is 11:00 Sat 26 Oct (BST),
   * a Saturday: practical due Fri 25 Oct. */
  CHECK_OK(tsc_rule_due(&legal, &minute, &practical, NULL, ts, "lac.sw_report",
                        Ymd(2024, 10, 27), 10 * 60));
  CHECK_DATE(legal, 2024, 10, 26);
  CHECK(minute == 11 * 60);
  CHECK_DATE(practical, 2024, 10, 25);
  /* Received at 10:30 on the Saturday: in time; at 11:30: not. */
  CHECK_OK(tsc_rule_on_time(&on_time, ts, "lac.sw_report", Ymd(2024, 10, 27),
                            10 * 60, Ymd(2024, 10, 26), 10 * 60 + 30));
  CHECK(on_time == 1);
  CHECK_OK(tsc_rule_on_time(&on_time, ts, "lac.sw_report", Ymd(2024, 10, 27),
                            10 * 60, Ymd(2024, 10, 26), 11 * 60 + 30));
  CHECK(on_time == 0);

  /* Example 3: due Good Friday 10 Apr 2020, practical Thu 9 Apr. */
  CHECK_OK(tsc_rule_due(&legal, NULL, &practical, NULL, ts, "lac.second_review",
                        Ymd(2020, 1, 10), TSC_NO_TIME));
  CHECK_DATE(legal, 2020, 4, 10);
  CHECK_DATE(practical, 2020, 4, 9);

  CHECK_STATUS(tsc_rule_due(&legal, NULL, NULL, NULL, ts, "lac.frist_review",
                            Ymd(2019, 12, 20), TSC_NO_TIME),
               TSC_NOT_FOUND);
  CHECK(strstr(tsc_last_error_message(), "lac.frist_review") != NULL);
  CHECK_STATUS(tsc_rule_due(&legal, NULL, NULL, NULL, ts, "lac.sw_report",
                            Ymd(2024, 10, 27), 24 * 60),
               TSC_INVALID_ARGUMENT);
  tsc_timescales_free(ts);
}

/* The rule examples: the legal due date (and its time), the practical due
 * date, and not provisional. */
static void TestWorkedDueDates(void) {
  char line[TSC_EXAMPLE_LINE];
  char* f[TSC_EXAMPLE_MAX_FIELDS];
  FILE* in = OpenExamples("due-dates.csv",
                          "id,name,rule,anchor,legal_due,practical_due,note");
  tsc_timescales* ts = NULL;
  int rows = 0;
  int count;

  if (in == NULL) return;
  CHECK_OK(tsc_timescales_create_default(&ts));
  while (ts != NULL && (count = NextExample(in, line, f)) > 0) {
    tsc_date anchor = 0, legal = 0, practical = 0;
    tsc_date got_legal = 0, got_practical = 0;
    int32_t anchor_minute = 0, legal_minute = 0, got_minute = 0;
    int provisional = -1;
    ++rows;
    if (count != 7 || !ParseExampleDate(f[3], &anchor, &anchor_minute) ||
        !ParseExampleDate(f[4], &legal, &legal_minute) ||
        !ParseExampleDate(f[5], &practical, NULL)) {
      CheckExample(0, f[0], count > 1 ? f[1] : "?", "a malformed row");
      continue;
    }
    if (!CheckExampleCall(
            tsc_rule_due(&got_legal, &got_minute, &got_practical, &provisional,
                         ts, f[2], anchor, anchor_minute),
            f[0], f[1], "tsc_rule_due")) {
      continue;
    }
    CheckExample(got_legal == legal, f[0], f[1], "the legal due date");
    CheckExample(got_minute == legal_minute, f[0], f[1], "the legal due time");
    CheckExample(got_practical == practical, f[0], f[1],
                 "the practical due date");
    CheckExample(provisional == 0, f[0], f[1], "not provisional");
  }
  CHECK(rows == 30); /* the whole table */
  tsc_timescales_free(ts);
  fclose(in);
}

static void TestPolicy(void) {
  tsc_calendar* cal = NULL;
  tsc_policy* policy = NULL;
  tsc_timescales* ts = NULL;
  tsc_date legal = 0;
  int32_t minute = 0;
  char* text = NULL;

  CHECK_OK(tsc_calendar_create_england_and_wales(&cal));
  CHECK_OK(tsc_policy_create(&policy));
  if (cal == NULL || policy == NULL) return;
  CHECK_OK(tsc_policy_set_sw_report_working_days(policy, 3));
  CHECK_OK(tsc_policy_set_name(policy, "Shire CC"));
  CHECK_OK(tsc_policy_describe(&text, policy));
  CHECK(text != NULL && strstr(text, "Shire CC") != NULL);
  CHECK(text != NULL && strstr(text, "3 working days before") != NULL);
  tsc_free(text);
  CHECK_OK(tsc_timescales_create(&ts, cal, NULL, policy));
  /* The engine copied them: both may go now. */
  tsc_policy_free(policy);
  tsc_calendar_free(cal);
  if (ts == NULL) return;

  /* Example 26: 3 working days before Tue 2 Jan 2024 is Wed 27 Dec 2023
   * (1 Jan, 26 and 25 Dec are skipped); the review's time is not used. */
  CHECK_OK(tsc_rule_due(&legal, &minute, NULL, NULL, ts, "lac.sw_report",
                        Ymd(2024, 1, 2), 10 * 60));
  CHECK_DATE(legal, 2023, 12, 27);
  CHECK(minute == TSC_NO_TIME);
  tsc_timescales_free(ts);

  /* The same policy from JSON, counting the event day as day 1: example 1
   * becomes Tue 21 Jan 2020. */
  {
    static const char kJson[] =
        "{\"counting\": \"start_is_day_one\", \"sw_report\": "
        "\"working_days\"}";
    CHECK_OK(tsc_policy_from_json(&policy, kJson, sizeof kJson - 1));
    CHECK_OK(tsc_calendar_create_england_and_wales(&cal));
    CHECK_OK(tsc_timescales_create(&ts, cal, NULL, policy));
    CHECK_OK(tsc_rule_due(&legal, NULL, NULL, NULL, ts, "lac.first_review",
                          Ymd(2019, 12, 20), TSC_NO_TIME));
    CHECK_DATE(legal, 2020, 1, 21);
    tsc_timescales_free(ts);
    tsc_calendar_free(cal);
    tsc_policy_free(policy);
  }
  CHECK_STATUS(tsc_policy_from_json(&policy, "{\"countng\": 1}", 14),
               TSC_INVALID_ARGUMENT);
  CHECK(policy == NULL);
  CHECK(strstr(tsc_last_error_message(), "countng") != NULL);
}

static void TestRules(void) {
  static const char kJson[] =
      "{\"rules\": {\"lac.review_record\": {\"offset\": 15},"
      " \"cp.visit\": {\"offset\": 10, \"unit\": \"working_days\"}}}";
  tsc_rule_catalogue* rules = NULL;
  tsc_calendar* cal = NULL;
  tsc_timescales* ts = NULL;
  size_t count = 0, builtin_count = 0, i;
  const char* id = NULL;
  int32_t offset = 0;
  int unit = -1, found = 0;
  tsc_date legal = 0;

  CHECK_OK(tsc_rule_catalogue_create_builtin(&rules));
  CHECK_OK(tsc_rule_catalogue_count(&builtin_count, rules));
  CHECK(builtin_count >= 19); /* docs/rules.md#catalogue */
  for (i = 0; i < builtin_count; ++i) {
    CHECK_OK(tsc_rule_catalogue_get(&id, NULL, NULL, &offset, &unit, NULL,
                                    rules, i));
    if (id != NULL && strcmp(id, "lac.first_review") == 0) {
      found = 1;
      CHECK(offset == 20 && unit == TSC_UNIT_WORKING_DAYS);
    }
    if (id != NULL && strcmp(id, "lac.sw_report") == 0) {
      CHECK(offset == -24 && unit == TSC_UNIT_HOURS);
    }
  }
  CHECK(found);
  tsc_rule_catalogue_free(rules);

  CHECK_OK(tsc_rule_catalogue_from_json(&rules, kJson, sizeof kJson - 1));
  CHECK_OK(tsc_rule_catalogue_count(&count, rules));
  CHECK(count == builtin_count + 1);
  CHECK_OK(tsc_calendar_create_england_and_wales(&cal));
  CHECK_OK(tsc_timescales_create(&ts, cal, rules, NULL));
  tsc_rule_catalogue_free(rules);
  tsc_calendar_free(cal);
  if (ts == NULL) return;
  /* Example 22 with a 15-working-day record: Fri 1 Apr 2022 -> Tue 26 Apr
   * (15 and 18 Apr are Good Friday and Easter Monday). */
  CHECK_OK(tsc_rule_due(&legal, NULL, NULL, NULL, ts, "lac.review_record",
                        Ymd(2022, 4, 1), TSC_NO_TIME));
  CHECK_DATE(legal, 2022, 4, 26);
  /* The local rule: 10 working days after Fri 1 Apr 2022 is Tue 19 Apr. */
  CHECK_OK(tsc_rule_due(&legal, NULL, NULL, NULL, ts, "cp.visit",
                        Ymd(2022, 4, 1), TSC_NO_TIME));
  CHECK_DATE(legal, 2022, 4, 19);
  tsc_timescales_free(ts);
}

static void TestSchedule(void) {
  tsc_timescales* ts = NULL;
  tsc_schedule* schedule = NULL;
  tsc_date reviews[2];
  tsc_date legal = 0, practical = 0, held = 0, next = 0;
  size_t count = 0;
  int number = 0, status = -1;
  int32_t late = -1;
  const char* rule = NULL;
  char* json = NULL;

  CHECK_OK(tsc_timescales_create_default(&ts));
  if (ts == NULL) return;
  /* Looked after Fri 20 Dec 2019, reviews 22 Jan and 23 Apr 2020, as at
   * 1 Nov 2020. */
  reviews[0] = Ymd(2020, 1, 22);
  reviews[1] = Ymd(2020, 4, 23);
  CHECK_OK(tsc_schedule_lac(&schedule, ts, Ymd(2019, 12, 20), TSC_NO_DATE, 0,
                            reviews, NULL, 2, Ymd(2020, 11, 1)));
  tsc_timescales_free(ts); /* the schedule does not need the engine */
  if (schedule == NULL) return;
  CHECK_OK(tsc_schedule_slot_count(&count, schedule));
  CHECK(count == 3);

  CHECK_OK(tsc_schedule_slot(&number, &rule, &legal, &practical, &held, &status,
                             &late, schedule, 0));
  CHECK(number == 1);
  CHECK(rule != NULL && strcmp(rule, "lac.first_review") == 0);
  CHECK_DATE(legal, 2020, 1, 22);
  CHECK_DATE(held, 2020, 1, 22);
  CHECK(status == TSC_SLOT_ON_TIME);
  CHECK(late == 0);

  /* Three months from the review actually held on 22 Jan: 22 Apr. */
  CHECK_OK(tsc_schedule_slot(&number, &rule, &legal, &practical, &held, &status,
                             &late, schedule, 1));
  CHECK(number == 2);
  CHECK(rule != NULL && strcmp(rule, "lac.second_review") == 0);
  CHECK_DATE(legal, 2020, 4, 22);
  CHECK_DATE(held, 2020, 4, 23);
  CHECK(status == TSC_SLOT_LATE);
  CHECK(late == 1);

  /* Six months from 23 Apr: 23 Oct, not held by 1 Nov. */
  CHECK_OK(tsc_schedule_slot(&number, &rule, &legal, &practical, &held, &status,
                             &late, schedule, 2));
  CHECK(number == 3);
  CHECK(rule != NULL && strcmp(rule, "lac.subsequent_review") == 0);
  CHECK_DATE(legal, 2020, 10, 23);
  CHECK(held == TSC_NO_DATE);
  CHECK(status == TSC_SLOT_OVERDUE);
  CHECK(late == 5); /* 26 to 30 Oct 2020 */

  CHECK_OK(tsc_schedule_next_due(&next, schedule));
  CHECK_DATE(next, 2020, 10, 23);
  CHECK_STATUS(
      tsc_schedule_slot(NULL, NULL, NULL, NULL, NULL, NULL, NULL, schedule, 3),
      TSC_OUT_OF_RANGE);

  CHECK_OK(tsc_schedule_to_json(&json, schedule));
  CHECK(json != NULL && strstr(json, "\"next_due\":\"2020-10-23\"") != NULL);
  CHECK(json != NULL && strstr(json, "\"status\":\"overdue\"") != NULL);
  tsc_free(json);
  tsc_schedule_free(schedule);

  CHECK(strcmp(tsc_slot_status_string(TSC_SLOT_ON_TIME), "on_time") == 0);
  CHECK(strcmp(tsc_slot_status_string(TSC_SLOT_NOT_REQUIRED), "not_required") ==
        0);
}

/* ---- Reports --------------------------------------------------------------
 * A small 903 extract and meetings.csv, fed as buffers. Counted by hand for
 * 2019-20 (1 Apr 2019 - 31 Mar 2020); the data's earliest REVIEW,
 * 15 May 2019, is the coverage start.
 *
 *  A  looked after Mon 1 Jul 2019 (RNE S): anchored. Review 1 due 20
 *     working days later, Mon 29 Jul; held 29 Jul: on time. Review 2 due
 *     3 months after 29 Jul = 29 Oct; held 1 Nov: late. Next due 1 May
 *     2020, after the period.
 *  B  in care since before the data (RNE L): its first review, 15 May
 *     2019, has no known due date (previous_review_unknown); the next is
 *     due 6 months later, 15 Nov, held 15 Nov: on time. A second 15 Nov
 *     row is a duplicate_review.
 *  C  looked after Mon 2 Mar 2020: review 1 due 20 working days later,
 *     Mon 30 Mar 2020, not held: an overdue slot.
 *  D  in care since before the data, no review: nothing due.
 *  Row 4 of reviews.csv (31/02/2020) is rejected, and fails nothing.
 *
 *  lac_review_timeliness: 2 of 4 (3 held + 1 overdue), 50%.
 *  lac_review_participation: PN1 and PN2 of PN1, PN2, PN7 = 2 of 3; the
 *  duplicate and A's PN0 (under_4) are excluded.
 *  meetings (lac_review), due dates in working days after the review:
 *    A 29 Jul: decisions due Mon 5 Aug, sent 5 Aug (in time); record due
 *      Tue 27 Aug (Mon 26 Aug is the summer bank holiday), sent 30 Aug
 *      (late); report 28 Jul 09:00, 25 hours before 10:00 (in time).
 *    A 1 Nov: decisions due Fri 8 Nov, sent 11 Nov (late); record due
 *      Fri 29 Nov, never sent (late); report 31 Oct 15:00, 23 hours
 *      before 14:00 (late).
 *    B 15 Nov: decisions due Fri 22 Nov, sent 22 Nov; record due Fri
 *      13 Dec, sent 13 Dec; report on 14 Nov, the day before (all in time).
 *    B 30 Mar 2020: decisions due 6 Apr and record due 29 Apr, after the
 *      period and not sent: not_yet_due; no report (late).
 *  decisions 2 of 3, record 1 of 3, social worker's report 2 of 4.
 */
static const char kEpisodesCsv[] =
    "CHILD,DECOM,RNE,LS,CIN,PLACE,DEC,REC\n"
    "A,01/07/2019,S,C2,N1,U1,,\n"
    "B,01/01/2018,L,C2,N1,U1,,\n"
    "C,02/03/2020,S,C2,N1,U1,,\n"
    "D,01/06/2015,L,C2,N1,U1,,\n";
static const char kReviewsCsv[] =
    "CHILD,DOB,REVIEW,REVIEW_CODE\n"
    "B,01/01/2010,15/05/2019,PN1\n"
    "A,01/01/2016,29/07/2019,PN2\n"
    "A,01/01/2016,31/02/2020,PN1\n"
    "B,01/01/2010,15/11/2019,PN7\n"
    "B,01/01/2010,15/11/2019,PN3\n"
    "A,01/01/2016,01/11/2019,PN0\n";
static const char kMeetingsCsv[] =
    "child_id,meeting_type,held_at,sw_report_received_at,decisions_sent_at,"
    "record_distributed_at,chair_id,qa_alerts\n"
    "A,lac_review,2019-07-29T10:00,2019-07-28T09:00,2019-08-05,2019-08-30,"
    "IRO1,1\n"
    "A,lac_review,2019-11-01T14:00,2019-10-31T15:00,2019-11-11,,IRO2,0\n"
    "B,lac_review,2019-11-15,2019-11-14,2019-11-22,2019-12-13,IRO1,2\n"
    "B,lac_review,2020-03-30,,,,IRO2,0\n";

/* The headline integer `key` of KPI `id` in the report's JSON, or -1. The
 * headline members come before "monthly", so the first match after the id
 * is the headline's. */
static long KpiNumber(const char* json, const char* id, const char* key) {
  char needle[96];
  const char* at;
  sprintf(needle, "\"id\": \"%s\"", id);
  at = strstr(json, needle);
  if (at == NULL) return -1;
  sprintf(needle, "\"%s\": ", key);
  at = strstr(at, needle);
  if (at == NULL) return -1;
  return strtol(at + strlen(needle), NULL, 10);
}

/* Whether `text` occurs in the KPI object of `id` (before the next KPI). */
static int KpiHas(const char* json, const char* id, const char* text) {
  char needle[96];
  const char* at;
  const char* next;
  const char* found;
  sprintf(needle, "\"id\": \"%s\"", id);
  at = strstr(json, needle);
  if (at == NULL) return 0;
  next = strstr(at + 1, "\"id\": ");
  found = strstr(at, text);
  return found != NULL && (next == NULL || found < next);
}

static tsc_report_inputs* SmallInputs(void) {
  tsc_report_inputs* in = NULL;
  CHECK_OK(tsc_report_inputs_create(&in));
  CHECK_OK(tsc_report_inputs_add_buffer(in, "episodes.csv", kEpisodesCsv,
                                        strlen(kEpisodesCsv)));
  CHECK_OK(tsc_report_inputs_add_buffer(in, "reviews.csv", kReviewsCsv,
                                        strlen(kReviewsCsv)));
  CHECK_OK(tsc_report_inputs_add_buffer(in, "meetings.csv", kMeetingsCsv,
                                        strlen(kMeetingsCsv)));
  return in;
}

static void TestReport(void) {
  tsc_report_inputs* in = SmallInputs();
  char* json = NULL;
  const char* t = "lac_review_timeliness";
  const char* p = "lac_review_participation";
  const char* d = "lac_review_decisions_5wd";
  const char* r = "lac_review_record_20wd";
  const char* w = "lac_review_sw_report_24h";

  CHECK_OK(tsc_report_run(&json, in, "2019-20", NULL, 0, TSC_NO_DATE,
                          TSC_FORMAT_JSON));
  if (json == NULL) {
    tsc_report_inputs_free(in);
    return;
  }
  CHECK(strstr(json, "\"start\": \"2019-04-01\"") != NULL);
  CHECK(strstr(json, "\"end\": \"2020-03-31\"") != NULL);

  CHECK(KpiNumber(json, t, "numerator") == 2);
  CHECK(KpiNumber(json, t, "denominator") == 4);
  CHECK(KpiHas(json, t, "\"value\": 50.0"));
  CHECK(KpiNumber(json, t, "overdue_at_period_end") == 1);
  CHECK(KpiNumber(json, t, "previous_review_unknown") == 1);
  CHECK(KpiNumber(json, t, "duplicate_review") == 1);

  CHECK(KpiNumber(json, p, "numerator") == 2);
  CHECK(KpiNumber(json, p, "denominator") == 3);
  CHECK(KpiHas(json, p, "\"value\": 66.67"));
  CHECK(KpiNumber(json, p, "under_4") == 1);
  CHECK(KpiNumber(json, p, "duplicate_review") == 1);

  CHECK(KpiNumber(json, d, "numerator") == 2);
  CHECK(KpiNumber(json, d, "denominator") == 3);
  CHECK(KpiNumber(json, d, "not_yet_due") == 1);
  CHECK(KpiNumber(json, r, "numerator") == 1);
  CHECK(KpiNumber(json, r, "denominator") == 3);
  CHECK(KpiHas(json, r, "\"value\": 33.33"));
  CHECK(KpiNumber(json, w, "numerator") == 2);
  CHECK(KpiNumber(json, w, "denominator") == 4);

  /* No CIN census: its KPIs are missing, not zero. */
  CHECK(strstr(json, "\"id\": \"icpc_timeliness\"") == NULL);
  CHECK(strstr(json, "\"icpc_timeliness\"") != NULL);
  /* The bad row is reported with its buffer and line, and failed nothing. */
  CHECK(strstr(json, "\"path\": \"reviews.csv\",\n        \"line\": 4,") !=
        NULL);
  CHECK(strstr(json, "REVIEW '31/02/2020' is not a date") != NULL);
  CHECK(strstr(json,
               "\"chair_id\": \"IRO1\",\n        \"meetings\": 2,\n"
               "        \"qa_alerts\": 3") != NULL);
  tsc_free(json);
  json = NULL;

  /* The other formats start as they should. */
  CHECK_OK(tsc_report_run(&json, in, "2019-20", NULL, 0, TSC_NO_DATE,
                          TSC_FORMAT_CSV));
  CHECK(json != NULL && strncmp(json, "kpi_id,kpi_title,", 17) == 0);
  tsc_free(json);
  CHECK_OK(tsc_report_run(&json, in, "2019-20", NULL, 0, TSC_NO_DATE,
                          TSC_FORMAT_HTML));
  CHECK(json != NULL && strncmp(json, "<!DOCTYPE html>", 15) == 0);
  tsc_free(json);
  tsc_report_inputs_free(in);
}

/* Case-level detail through the options handle, from C: the JSON gains
 * "cases" (A's late second review among lac_review_timeliness's rows), the
 * CSV is the case table, whose lac_review_timeliness rows are the 6 counted
 * by hand above (3 held reviews, B's unknown first review, the duplicate,
 * C's overdue slot); a NULL handle and a value other than 0 or 1 are
 * refused. */
static void TestReportDetail(void) {
  static const char kHeader[] =
      "kpi,child,item,date,month,outcome,in_numerator,in_denominator,reason,"
      "rule,slot,anchor,due,practical_due,late_working_days,chair_id,source";
  tsc_report_inputs* in = SmallInputs();
  tsc_report_options* opts = NULL;
  char* text = NULL;
  const char* line;
  int header = 0;
  int rows = 0;

  CHECK_OK(tsc_report_options_create(&opts));
  /* reviews.csv line 4 is rejected: 1 of 6 rows, over the threshold. */
  CHECK_OK(tsc_report_options_set_allow_rejections(opts, 1));
  CHECK_STATUS(tsc_report_options_set_detail(NULL, 1), TSC_INVALID_ARGUMENT);
  CHECK(strstr(tsc_last_error_message(), "options") != NULL);
  CHECK_STATUS(tsc_report_options_set_detail(opts, 2), TSC_INVALID_ARGUMENT);
  CHECK_STATUS(tsc_report_options_set_detail(opts, -1), TSC_INVALID_ARGUMENT);

  /* Without detail (and after the refused values): no cases. */
  CHECK_OK(tsc_report_run_with_options(&text, in, "2019-20", opts));
  CHECK(text != NULL && strstr(text, "\"cases\"") == NULL);
  CHECK(text != NULL && strstr(text, "\"personal_data\"") == NULL);
  tsc_free(text);
  text = NULL;

  CHECK_OK(tsc_report_options_set_detail(opts, 1));
  CHECK_OK(tsc_report_run_with_options(&text, in, "2019-20", opts));
  CHECK(text != NULL && strstr(text, "\"personal_data\"") != NULL);
  CHECK(text != NULL && KpiHas(text, "lac_review_timeliness", "\"cases\": ["));
  CHECK(text != NULL &&
        KpiHas(text, "lac_review_timeliness", "\"source\": \"reviews.csv:7\""));
  /* The figures are those without detail. */
  CHECK(text != NULL &&
        KpiNumber(text, "lac_review_timeliness", "numerator") == 2);
  CHECK(text != NULL &&
        KpiNumber(text, "lac_review_timeliness", "denominator") == 4);
  tsc_free(text);
  text = NULL;

  CHECK_OK(tsc_report_options_set_format(opts, TSC_FORMAT_CSV));
  CHECK_OK(tsc_report_run_with_options(&text, in, "2019-20", opts));
  header = text != NULL && strncmp(text, kHeader, strlen(kHeader)) == 0;
  CHECK(header);
  CHECK(header &&
        (text[strlen(kHeader)] == '\n' || text[strlen(kHeader)] == '\r'));
  for (line = text; line != NULL && *line != '\0';) {
    if (strncmp(line, "lac_review_timeliness,", 22) == 0) ++rows;
    line = strchr(line, '\n');
    if (line != NULL) ++line;
  }
  CHECK(rows == 6);
  tsc_free(text);
  text = NULL;

  /* Back to 0: the KPI table again. */
  CHECK_OK(tsc_report_options_set_detail(opts, 0));
  CHECK_OK(tsc_report_run_with_options(&text, in, "2019-20", opts));
  CHECK(text != NULL && strncmp(text, "kpi_id,kpi_title,", 17) == 0);
  tsc_free(text);
  tsc_report_options_free(opts);
  tsc_report_inputs_free(in);
}

static void TestMonitoring(void) {
  /* As at Tue 31 Mar 2020: C's first review (due 30 Mar) is overdue by one
   * working day; A's next (6 months after 1 Nov: Fri 1 May 2020) is 21
   * working days ahead (Good Friday and Easter Monday skipped): on track;
   * D has no review in the data: unknown. No census: LAC rows only. The
   * new columns follow the original nine: kind; the chair of the child's
   * latest meeting by 31 Mar (A: 1 Nov, IRO2; C and D have none); held and
   * working_days_late, empty for rows that are not held_late. */
  static const char kHeader[] =
      "child,status,next_due,practical_due,working_days_to_due,rule_id,"
      "last_review,reviews_in_period,period_start,kind,last_chair,held,"
      "working_days_late\n";
  tsc_report_inputs* in = SmallInputs();
  char* text = NULL;
  tsc_date as_at = Ymd(2020, 3, 31);
  CHECK_OK(tsc_monitoring_run(&text, in, as_at, NULL, 0, TSC_NO_DATE,
                              TSC_FORMAT_CSV));
  CHECK(text != NULL && strncmp(text, kHeader, strlen(kHeader)) == 0);
  CHECK(text != NULL &&
        strstr(text,
               "C,overdue,2020-03-30,2020-03-30,-1,lac.first_review,"
               ",0,2020-03-02,lac,,,\n") != NULL);
  CHECK(text != NULL &&
        strstr(text,
               "A,on_track,2020-05-01,2020-05-01,21,"
               "lac.subsequent_review,2019-11-01,2,2019-07-01,lac,IRO2,,\n") !=
            NULL);
  CHECK(text != NULL && strstr(text, "D,unknown,,,,,,0,,lac,,,\n") != NULL);
  CHECK(text != NULL && strstr(text, ",cp,") == NULL);
  tsc_free(text);
  text = NULL;
  CHECK_STATUS(tsc_monitoring_run(&text, in, as_at, NULL, 0, TSC_NO_DATE,
                                  TSC_FORMAT_HTML),
               TSC_INVALID_ARGUMENT);
  CHECK(text == NULL);
  tsc_report_inputs_free(in);
}

static void TestReportInputErrors(void) {
  /* The closing tag on line 4 does not match <CHILD> (line 3). */
  static const char kBadXml[] =
      "<?xml version=\"1.0\"?>\n"
      "<EXPSSDA903>\n"
      "<CHILD>\n"
      "</EXPSSDA903>\n";
  tsc_report_inputs* in = NULL;
  char* json = NULL;
  CHECK_OK(tsc_report_inputs_create(&in));
  CHECK_STATUS(
      tsc_report_inputs_add_buffer(in, "return.xml", kBadXml, strlen(kBadXml)),
      TSC_INVALID_ARGUMENT);
  CHECK(strstr(tsc_last_error_message(), "return.xml: line 4: ") != NULL);
  CHECK(strstr(tsc_last_error_message(), "malformed XML") != NULL);
  /* Nothing was added: the report lists no input file. */
  CHECK_OK(tsc_report_run(&json, in, "2019-20", NULL, 0, TSC_NO_DATE,
                          TSC_FORMAT_JSON));
  CHECK(json != NULL && strstr(json, "\"files\": []") != NULL);
  tsc_free(json);
  tsc_report_inputs_free(in);
  tsc_report_inputs_free(NULL);
}

static void TestErrors(void) {
  tsc_date d = 0;
  CHECK_STATUS(tsc_date_parse(NULL, "2019-12-20"), TSC_INVALID_ARGUMENT);
  CHECK(strstr(tsc_last_error_message(), "out") != NULL);
  tsc_clear_last_error();
  CHECK(strcmp(tsc_last_error_message(), "") == 0);
  CHECK_OK(tsc_date_parse(&d, "2019-12-20"));
  CHECK(strcmp(tsc_last_error_message(), "") == 0);
  CHECK(strcmp(tsc_status_string(TSC_OUT_OF_RANGE), "") != 0);
  /* Harmless, as in the header's ownership rules. */
  tsc_free(NULL);
  tsc_calendar_free(NULL);
  tsc_calendar_builder_free(NULL);
  tsc_holiday_list_free(NULL);
  tsc_policy_free(NULL);
  tsc_rule_catalogue_free(NULL);
  tsc_timescales_free(NULL);
  tsc_schedule_free(NULL);
}

int main(void) {
  TestVersion();
  TestDates();
  TestCalendarArithmetic();
  TestEnglandAndWales();
  TestClosureDays();
  TestGovUkJson();
  TestWorkedWorkingDays();
  TestRuleDue();
  TestWorkedDueDates();
  TestPolicy();
  TestRules();
  TestSchedule();
  TestReport();
  TestReportDetail();
  TestMonitoring();
  TestReportInputErrors();
  TestErrors();
  printf("%d passed, %d failed\n", g_passed, g_failed);
  return g_failed == 0 ? 0 : 1;
}
