/*
 * timescales/c.h: the C ABI of timescales, the statutory timescales of
 * English children's social care.
 *
 * This header is the binary contract and the manual. It is pure C99 and
 * includes only <stddef.h> and <stdint.h>.
 *
 * Conventions
 * -----------
 * Dates are `tsc_date`: int32_t serial days since 1970-01-01 (the same number
 * as Arrow date32 and numpy datetime64[D]). The supported range is 1900-01-01
 * (TSC_MIN_DATE) to 2199-12-31 (TSC_MAX_DATE).
 *
 * Every function that can fail returns an int status (tsc_status): 0 is OK.
 * Out-parameters come first. On failure the out-parameters are untouched
 * unless documented (create functions set *out = NULL), and
 * tsc_last_error_message() describes the failure. A successful call does NOT
 * clear the last error; check the return code, never the message.
 *
 * Ownership
 * ---------
 * 1. tsc_X_create(out, ...) gives the caller *out, released with tsc_X_free.
 *    Every tsc_X_free(NULL) is a harmless no-op.
 * 2. A `const char *` returned through an out-parameter is borrowed: valid
 *    until the handle it came from is freed. tsc_last_error_message() and
 *    tsc_status_string() return library-owned text.
 * 3. `char **` out-parameters receive library-allocated strings the caller
 *    releases with tsc_free (never free()).
 * 4. Input buffers are only read during the call; the library keeps no
 *    pointer to them.
 * 5. Calendars are immutable and may be shared between threads. Builders and
 *    lists are not thread-safe. The last error is per thread.
 * 6. A NULL pointer argument (unless documented as optional) returns
 *    TSC_INVALID_ARGUMENT; nothing crashes, and no C++ exception crosses.
 *
 * Counting conventions (see the README)
 * -------------------------------------
 * tsc_calendar_add_working_days(d, n): n > 0, the n-th working day strictly
 * after d (the event day is excluded; from a non-working d the first working
 * day after it is day 1); n < 0, strictly before; n = 0, d itself.
 * tsc_calendar_working_days_between(a, b): working days in (a, b], negative
 * when b < a. TSC_COUNT_START_IS_DAY_ONE counts a working event day as day 1.
 * tsc_add_months: the corresponding date clamped to the month's end
 * (30 Apr + 1 month = 30 May; 31 Aug + 6 months = 28/29 Feb).
 */
#ifndef TSC_C_H_
#define TSC_C_H_

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32) || defined(__CYGWIN__)
#if defined(TSC_C_BUILDING)
#define TSC_API __declspec(dllexport)
#elif defined(TSC_C_STATIC)
#define TSC_API
#else
#define TSC_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#define TSC_API __attribute__((visibility("default")))
#else
#define TSC_API
#endif

#if defined(__GNUC__)
#define TSC_WARN_UNUSED __attribute__((warn_unused_result))
#else
#define TSC_WARN_UNUSED
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Versions ------------------------------------------------------------ */

#define TSC_VERSION_MAJOR 0
#define TSC_VERSION_MINOR 1
#define TSC_VERSION_PATCH 0
#define TSC_VERSION_NUMBER \
  (TSC_VERSION_MAJOR * 10000 + TSC_VERSION_MINOR * 100 + TSC_VERSION_PATCH)
#define TSC_VERSION_STRING "0.1.0"
/* SOVERSION of libtimescales_c; changes only when the ABI breaks. */
#define TSC_ABI_VERSION 1

TSC_API int tsc_version_number(void);        /* == TSC_VERSION_NUMBER */
TSC_API const char *tsc_version_string(void); /* static, never free */
TSC_API int tsc_abi_version(void);           /* checked by the Python loader */

/* ---- Status codes (frozen; 1..16 mirror absl::StatusCode) ---------------- */

typedef enum tsc_status {
  TSC_OK = 0,
  TSC_CANCELLED = 1,
  TSC_UNKNOWN = 2,
  TSC_INVALID_ARGUMENT = 3,
  TSC_NOT_FOUND = 5,
  TSC_ALREADY_EXISTS = 6,
  TSC_RESOURCE_EXHAUSTED = 8, /* includes out of memory */
  TSC_FAILED_PRECONDITION = 9,
  TSC_OUT_OF_RANGE = 11,
  TSC_UNIMPLEMENTED = 12,
  TSC_INTERNAL = 13, /* includes an unexpected C++ exception */
  TSC_BUFFER_TOO_SMALL = 100
} tsc_status;

/* Static text naming a status code ("OK", "invalid argument", ...). */
TSC_API const char *tsc_status_string(int status);
/* The message of the most recent failed call on this thread; never NULL
 * ("" when none). Valid until the next failing call on this thread. */
TSC_API const char *tsc_last_error_message(void);
TSC_API void tsc_clear_last_error(void);

/* Releases memory the library allocated for the caller (char ** outputs).
 * NULL is a no-op. */
TSC_API void tsc_free(void *p);

/* ---- Dates --------------------------------------------------------------- */

typedef int32_t tsc_date;

#define TSC_MIN_DATE ((tsc_date)-25567) /* 1900-01-01 */
#define TSC_MAX_DATE ((tsc_date)84005)  /* 2199-12-31 */

/* Month conventions for tsc_add_months_convention. */
#define TSC_MONTHS_CORRESPONDING_DATE 0    /* default (Dodds v Walker) */
#define TSC_MONTHS_DAY_BEFORE_CORRESPONDING 1
#define TSC_MONTHS_FIXED_DAYS 2            /* 3 months = 91 days, 6 = 183 */

/* Validated construction: TSC_INVALID_ARGUMENT for 31 Feb,
 * TSC_OUT_OF_RANGE outside [TSC_MIN_DATE, TSC_MAX_DATE]. */
TSC_API TSC_WARN_UNUSED int tsc_date_from_ymd(tsc_date *out, int year,
                                              int month, int day);
TSC_API TSC_WARN_UNUSED int tsc_date_to_ymd(int *year, int *month, int *day,
                                            tsc_date date);
/* ISO yyyy-mm-dd or dd/mm/yyyy (surrounding spaces ignored). */
TSC_API TSC_WARN_UNUSED int tsc_date_parse(tsc_date *out, const char *text);
/* Writes the ISO form (10 characters and a NUL) with snprintf semantics:
 * *len receives 10; TSC_BUFFER_TOO_SMALL when cap <= 10. `len` may be NULL. */
TSC_API TSC_WARN_UNUSED int tsc_date_format(char *buf, size_t cap,
                                            size_t *len, tsc_date date);
/* ISO weekday: 1 = Monday ... 7 = Sunday. */
TSC_API TSC_WARN_UNUSED int tsc_date_weekday(int *out, tsc_date date);

/* Calendar arithmetic that needs no holidays. */
TSC_API TSC_WARN_UNUSED int tsc_add_days(tsc_date *out, tsc_date day,
                                         int32_t days);
TSC_API TSC_WARN_UNUSED int tsc_add_weeks(tsc_date *out, tsc_date day,
                                          int32_t weeks);
/* Corresponding date clamped to the month's end. */
TSC_API TSC_WARN_UNUSED int tsc_add_months(tsc_date *out, tsc_date day,
                                           int32_t months);
TSC_API TSC_WARN_UNUSED int tsc_add_months_convention(tsc_date *out,
                                                      tsc_date day,
                                                      int32_t months,
                                                      int convention);

/* ---- Calendars ----------------------------------------------------------- */

typedef struct tsc_calendar tsc_calendar;
typedef struct tsc_calendar_builder tsc_calendar_builder;
typedef struct tsc_holiday_list tsc_holiday_list;

/* Counting conventions (`counting` arguments). */
#define TSC_COUNT_START_EXCLUDED 0 /* default: the event day is excluded */
#define TSC_COUNT_START_IS_DAY_ONE 1

/* Roll conventions for tsc_calendar_adjust. */
#define TSC_ROLL_UNADJUSTED 0
#define TSC_ROLL_FOLLOWING 1
#define TSC_ROLL_PRECEDING 2
#define TSC_ROLL_MODIFIED_FOLLOWING 3
#define TSC_ROLL_MODIFIED_PRECEDING 4

/* How a GOV.UK file combines with a builder's holidays. */
#define TSC_JSON_OVERLAY 0 /* the file's years replace those years */
#define TSC_JSON_REPLACE 1 /* the file's holidays are the only ones */

/* Holiday kinds (tsc_holiday_list_get). */
#define TSC_HOLIDAY_BANK_HOLIDAY 0
#define TSC_HOLIDAY_SUBSTITUTE 1
#define TSC_HOLIDAY_EXTRA 2
#define TSC_HOLIDAY_LOCAL_CLOSURE 3

/* The built-in England and Wales calendar. */
TSC_API TSC_WARN_UNUSED int tsc_calendar_create_england_and_wales(
    tsc_calendar **out);
/* A calendar of one division of a GOV.UK bank-holidays.json document (the
 * whole file with `division` such as "scotland", or one division object with
 * `division` NULL or ""). Malformed JSON: TSC_INVALID_ARGUMENT with the line
 * and column in the message. */
TSC_API TSC_WARN_UNUSED int tsc_calendar_create_from_govuk_json(
    tsc_calendar **out, const char *json, size_t len, const char *division);
TSC_API void tsc_calendar_free(tsc_calendar *calendar);

/* Builders: start from England and Wales or from weekends only, overlay
 * GOV.UK files, add closure days, then build (the builder stays usable). */
TSC_API TSC_WARN_UNUSED int tsc_calendar_builder_create_england_and_wales(
    tsc_calendar_builder **out);
TSC_API TSC_WARN_UNUSED int tsc_calendar_builder_create_weekends_only(
    tsc_calendar_builder **out, const char *name);
TSC_API TSC_WARN_UNUSED int tsc_calendar_builder_load_govuk_json(
    tsc_calendar_builder *builder, const char *json, size_t len,
    const char *division, int merge);
TSC_API TSC_WARN_UNUSED int tsc_calendar_builder_add_closure_day(
    tsc_calendar_builder *builder, tsc_date day, const char *name);
/* One date a line, optionally followed by a comma or spaces and a name;
 * blank lines and # comments skipped. `source` (may be NULL) names the text
 * in error messages. */
TSC_API TSC_WARN_UNUSED int tsc_calendar_builder_load_closure_days(
    tsc_calendar_builder *builder, const char *text, size_t len,
    const char *source);
/* strict != 0: dates past the data's known_until are TSC_OUT_OF_RANGE. */
TSC_API TSC_WARN_UNUSED int tsc_calendar_builder_set_strict(
    tsc_calendar_builder *builder, int strict);
TSC_API TSC_WARN_UNUSED int tsc_calendar_builder_build(
    tsc_calendar **out, const tsc_calendar_builder *builder);
TSC_API void tsc_calendar_builder_free(tsc_calendar_builder *builder);

/* Queries. Days outside the supported range, or results that would leave
 * it, are TSC_OUT_OF_RANGE. */
TSC_API TSC_WARN_UNUSED int tsc_calendar_is_working_day(
    int *out, const tsc_calendar *calendar, tsc_date day);
TSC_API TSC_WARN_UNUSED int tsc_calendar_add_working_days(
    tsc_date *out, const tsc_calendar *calendar, tsc_date day, int32_t n);
TSC_API TSC_WARN_UNUSED int tsc_calendar_add_working_days_counting(
    tsc_date *out, const tsc_calendar *calendar, tsc_date day, int32_t n,
    int counting);
TSC_API TSC_WARN_UNUSED int tsc_calendar_working_days_between(
    int32_t *out, const tsc_calendar *calendar, tsc_date from, tsc_date to);
TSC_API TSC_WARN_UNUSED int tsc_calendar_working_days_between_counting(
    int32_t *out, const tsc_calendar *calendar, tsc_date from, tsc_date to,
    int counting);
/* First working day strictly after / before `day`. */
TSC_API TSC_WARN_UNUSED int tsc_calendar_next_working_day(
    tsc_date *out, const tsc_calendar *calendar, tsc_date day);
TSC_API TSC_WARN_UNUSED int tsc_calendar_previous_working_day(
    tsc_date *out, const tsc_calendar *calendar, tsc_date day);
TSC_API TSC_WARN_UNUSED int tsc_calendar_adjust(tsc_date *out,
                                                const tsc_calendar *calendar,
                                                tsc_date day, int roll);
/* *out = 1 when `day` is past known_until (projected holidays). */
TSC_API TSC_WARN_UNUSED int tsc_calendar_is_provisional(
    int *out, const tsc_calendar *calendar, tsc_date day);

/* Batches. out[i] = add_working_days(days[i], n[i]) for i < count. On error
 * the message names the failing index; elements before it are written. */
TSC_API TSC_WARN_UNUSED int tsc_calendar_add_working_days_batch(
    tsc_date *out, const tsc_calendar *calendar, const tsc_date *days,
    const int32_t *n, size_t count);
TSC_API TSC_WARN_UNUSED int tsc_calendar_working_days_between_batch(
    int32_t *out, const tsc_calendar *calendar, const tsc_date *from,
    const tsc_date *to, size_t count);
/* int64 forms, for numpy datetime64[D] arrays passed without copying.
 * `n` holds n_count values: count of them, or 1 used for every day. */
TSC_API TSC_WARN_UNUSED int tsc_calendar_add_working_days_batch_i64(
    int64_t *out, const tsc_calendar *calendar, const int64_t *days,
    size_t count, const int64_t *n, size_t n_count, int counting);
TSC_API TSC_WARN_UNUSED int tsc_calendar_working_days_between_batch_i64(
    int64_t *out, const tsc_calendar *calendar, const int64_t *from,
    const int64_t *to, size_t count, int counting);
TSC_API TSC_WARN_UNUSED int tsc_calendar_is_working_day_batch_i64(
    uint8_t *out, const tsc_calendar *calendar, const int64_t *days,
    size_t count);

/* Holidays. *out = the name of the holiday or closure day on `day`
 * (borrowed from the calendar), or NULL when it is none. */
TSC_API TSC_WARN_UNUSED int tsc_calendar_holiday_name(
    const char **out, const tsc_calendar *calendar, tsc_date day);
/* Every non-working weekday in [from, to] with its name. */
TSC_API TSC_WARN_UNUSED int tsc_calendar_holidays(
    tsc_holiday_list **out, const tsc_calendar *calendar, tsc_date from,
    tsc_date to);
TSC_API size_t tsc_holiday_list_size(const tsc_holiday_list *list);
/* `name` is borrowed from the list; any out-parameter may be NULL. */
TSC_API TSC_WARN_UNUSED int tsc_holiday_list_get(
    tsc_date *date, const char **name, int *kind, int *provisional,
    const tsc_holiday_list *list, size_t index);
TSC_API void tsc_holiday_list_free(tsc_holiday_list *list);

/* Calendar information. Strings are borrowed from the calendar. */
TSC_API TSC_WARN_UNUSED int tsc_calendar_name(const char **out,
                                              const tsc_calendar *calendar);
TSC_API TSC_WARN_UNUSED int tsc_calendar_data_version(
    const char **out, const tsc_calendar *calendar);
TSC_API TSC_WARN_UNUSED int tsc_calendar_known_until(
    tsc_date *out, const tsc_calendar *calendar);
TSC_API TSC_WARN_UNUSED int tsc_calendar_exact_from(
    tsc_date *out, const tsc_calendar *calendar);
/* The whole CalendarInfo as a JSON object (name, data_version, exact_from,
 * known_until, sources, strict, closure_days); release with tsc_free. */
TSC_API TSC_WARN_UNUSED int tsc_calendar_info_json(
    char **out, const tsc_calendar *calendar);

#ifdef __cplusplus
}
#endif
#endif /* TSC_C_H_ */
