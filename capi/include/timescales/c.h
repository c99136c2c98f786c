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
 * unless documented (functions whose *out the caller must free set it to
 * NULL), and tsc_last_error_message() describes the failure. A successful
 * call does NOT clear the last error; check the return code, never the
 * message.
 *
 * Ownership
 * ---------
 * 1. A function whose first parameter is `tsc_X **out` (tsc_X_create*,
 *    tsc_X_from_json, tsc_calendar_builder_build, tsc_calendar_holidays,
 *    tsc_schedule_lac(_done), tsc_schedule_cp, tsc_report_inputs_create) gives
 *    the caller *out, released with tsc_X_free. Every tsc_X_free(NULL) is a
 *    harmless no-op.
 * 2. A `const char *` returned through an out-parameter is borrowed: valid
 *    until the handle it came from is freed. tsc_last_error_message(),
 *    tsc_status_string() and tsc_slot_status_string() return library-owned
 *    static text.
 * 3. `char **` out-parameters receive library-allocated strings the caller
 *    releases with tsc_free (never free()).
 * 4. Input buffers and handles passed in are only read during the call; the
 *    library keeps no pointer to them. tsc_timescales_create copies the
 *    calendar, rules and policy, which may be freed right afterwards.
 * 5. Calendars, rule catalogues, engines (tsc_timescales) and schedules are
 *    immutable and may be shared between threads. Builders, policies (they
 *    have setters) and lists are not thread-safe. Report input sets are not
 *    thread-safe while being added to; once filled, tsc_report_run and
 *    tsc_monitoring_run only read them and may share one set between
 *    threads. The last error is per thread.
 * 6. A NULL pointer argument (unless documented as optional) returns
 *    TSC_INVALID_ARGUMENT; nothing crashes, and no C++ exception crosses.
 *    An array or (pointer, length) input may be NULL when its count is 0.
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
/* A name kept for one minor version after it was replaced. */
#if defined(__GNUC__)
#define TSC_DEPRECATED(message) __attribute__((deprecated(message)))
#else
#define TSC_DEPRECATED(message)
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Versions ------------------------------------------------------------ */

#define TSC_VERSION_MAJOR 0
#define TSC_VERSION_MINOR 2
#define TSC_VERSION_PATCH 0
#define TSC_VERSION_NUMBER \
  (TSC_VERSION_MAJOR * 10000 + TSC_VERSION_MINOR * 100 + TSC_VERSION_PATCH)
#define TSC_VERSION_STRING "0.2.0"
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
 * *len receives 10; TSC_BUFFER_TOO_SMALL when cap <= 10, after writing as
 * much as fits plus a NUL. `len` may be NULL; `buf` may be NULL when cap is
 * 0. */
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
/* Every non-working weekday in [from, to] with its name; TSC_OUT_OF_RANGE
 * when either end is past a strict calendar's data, TSC_INVALID_ARGUMENT
 * when `to` is before `from`. */
TSC_API TSC_WARN_UNUSED int tsc_calendar_holidays(
    tsc_holiday_list **out, const tsc_calendar *calendar, tsc_date from,
    tsc_date to);
/* 0 for NULL. */
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

/* ---- Rules, policies, due dates and review schedules --------------------- */
/*
 * The rule catalogue (docs/rules.md#catalogue) names every timescale by a stable id such as
 * "lac.first_review" or "cp.icpc". An engine (tsc_timescales) binds a
 * calendar, a catalogue and a policy, and answers "when is this due, and
 * why?" for one rule and one anchor, or for a whole review schedule.
 *
 *   tsc_timescales *ts = NULL;
 *   tsc_date anchor = 0, due = 0;
 *   char *why = NULL;
 *   tsc_timescales_create_default(&ts);
 *   tsc_date_from_ymd(&anchor, 2019, 12, 20);
 *   tsc_rule_due(&due, NULL, NULL, NULL, ts, "lac.first_review", anchor,
 *                TSC_NO_TIME);                      (due == 2020-01-22)
 *   tsc_rule_due_explain(&why, ts, "lac.first_review", anchor, TSC_NO_TIME);
 *   ... "skipping Wed 25 Dec Christmas Day, ..." ...
 *   tsc_free(why);
 *   tsc_timescales_free(ts);
 *
 * Times of day. An anchor or a completion is a local (Europe/London) date
 * with an optional time, passed as a tsc_date and an int32_t minute of the
 * day in [0, 1440) (10:30 is 630), or TSC_NO_TIME for a date only. Hour
 * rules ("24 hours before the review") count elapsed hours across clock
 * changes when the anchor has a time; with a date only they count whole
 * days. Other units ignore the time.
 */

typedef struct tsc_policy tsc_policy;
typedef struct tsc_rule_catalogue tsc_rule_catalogue;
/* The name of tsc_rule_catalogue before 0.2 (the same type); goes in 0.3. */
typedef tsc_rule_catalogue tsc_rules;
typedef struct tsc_timescales tsc_timescales;
typedef struct tsc_schedule tsc_schedule;

/* No date (an open period, no review held, nothing due). */
#define TSC_NO_DATE ((tsc_date)INT32_MIN)
/* No time of day: the moment is a date only. */
#define TSC_NO_TIME ((int32_t)-1)

/* Which strategy discussion starts the ICPC clock (policy). */
#define TSC_ICPC_ANCHOR_INITIATING 0 /* default (Working Together 2018) */
#define TSC_ICPC_ANCHOR_LAST 1       /* Working Together 2010 wording */

/* How the participation KPI counts (policy; tsc_report_run). */
#define TSC_PARTICIPATION_REVIEWS 0    /* default: PN1-PN6 of PN1-PN7 */
#define TSC_PARTICIPATION_ATTENDANCE 1 /* PN1-PN4 of PN1-PN7 */
#define TSC_PARTICIPATION_CHILDREN 2   /* children, every review PN1-PN6 */

/* Units of a rule's offset (tsc_rules_get). */
#define TSC_UNIT_WORKING_DAYS 0
#define TSC_UNIT_DAYS 1
#define TSC_UNIT_WEEKS 2
#define TSC_UNIT_MONTHS 3
#define TSC_UNIT_HOURS 4

/* Status of a slot or deadline in a schedule, as at the end of a day. */
#define TSC_SLOT_ON_TIME 0      /* held on or before the legal due date */
#define TSC_SLOT_LATE 1         /* held after it */
#define TSC_SLOT_OVERDUE 2      /* not held, due on or before the as-at date */
#define TSC_SLOT_DUE_SOON 3     /* not held, due within the policy's window */
#define TSC_SLOT_NOT_YET_DUE 4  /* not held, due later */
#define TSC_SLOT_NOT_REQUIRED 5 /* care or the plan ended by the due date */

/* Static text for a TSC_SLOT_* value: "on_time", "late", "overdue",
 * "due_soon", "not_yet_due", "not_required" (the names used in JSON);
 * "unrecognised slot status" for any other value. Never NULL. */
TSC_API const char *tsc_slot_status_string(int status);

/* Policies: a local authority's choices where the sources disagree. A new
 * policy holds the project's defaults: the event day excluded, months by
 * corresponding date, the ICPC from the initiating strategy discussion, the
 * social worker's report 24 hours before the review, holidays past the
 * data provisional (not errors), due soon within 10 working days, named
 * "default". Setters return TSC_INVALID_ARGUMENT for an unknown value and
 * then leave the policy unchanged. */
TSC_API TSC_WARN_UNUSED int tsc_policy_create(tsc_policy **out);
TSC_API void tsc_policy_free(tsc_policy *policy);
/* TSC_COUNT_START_EXCLUDED or TSC_COUNT_START_IS_DAY_ONE. */
TSC_API TSC_WARN_UNUSED int tsc_policy_set_counting(tsc_policy *policy,
                                                    int counting);
/* TSC_MONTHS_*. */
TSC_API TSC_WARN_UNUSED int tsc_policy_set_month_convention(
    tsc_policy *policy, int convention);
/* TSC_ICPC_ANCHOR_*. The engine records it (tsc_policy_describe); callers
 * choose which strategy discussion they pass as the cp.icpc anchor. */
TSC_API TSC_WARN_UNUSED int tsc_policy_set_icpc_anchor(tsc_policy *policy,
                                                       int anchor);
/* lac.sw_report: 24 elapsed hours before the review (the default) ... */
TSC_API TSC_WARN_UNUSED int tsc_policy_set_sw_report_hours(tsc_policy *policy);
/* ... or n working days before it, n in [0, 1000]. */
TSC_API TSC_WARN_UNUSED int tsc_policy_set_sw_report_working_days(
    tsc_policy *policy, int n);
/* strict != 0: a due date past the holiday data's known_until is
 * TSC_OUT_OF_RANGE instead of provisional. */
TSC_API TSC_WARN_UNUSED int tsc_policy_set_strict_holidays(tsc_policy *policy,
                                                           int strict);
/* A slot not yet due is TSC_SLOT_DUE_SOON within n working days, n in
 * [0, 1000]. */
TSC_API TSC_WARN_UNUSED int tsc_policy_set_due_soon_working_days(
    tsc_policy *policy, int n);
/* TSC_PARTICIPATION_*: the measure lac_review_participation uses. */
TSC_API TSC_WARN_UNUSED int tsc_policy_set_participation(tsc_policy *policy,
                                                         int measure);
/* The name explanations give the policy (copied). */
TSC_API TSC_WARN_UNUSED int tsc_policy_set_name(tsc_policy *policy,
                                                const char *name);
/* A policy from the keys of a JSON object: {"name": "...", "counting":
 * "start_excluded"|"start_is_day_one", "months": "corresponding_date"|
 * "day_before_corresponding"|"fixed_days", "icpc_anchor": "initiating"|
 * "last", "sw_report": "24_hours"|"working_days", "sw_report_working_days":
 * N, "strict_holidays": true|false, "due_soon_working_days": N,
 * "participation": "reviews"|"attendance"|"children"}. Missing keys keep
 * their defaults; unknown keys are TSC_INVALID_ARGUMENT naming the key. */
TSC_API TSC_WARN_UNUSED int tsc_policy_from_json(tsc_policy **out,
                                                 const char *json, size_t len);
/* One line naming the policy and its choices, e.g. "default (event day
 * excluded; months by corresponding date; ...)"; release with tsc_free. */
TSC_API TSC_WARN_UNUSED int tsc_policy_describe(char **out,
                                                const tsc_policy *policy);

/* Rule catalogues. The built-in catalogue is docs/rules.md#catalogue (plus the reg 48
 * short-break review rules). */
TSC_API TSC_WARN_UNUSED int tsc_rule_catalogue_create_builtin(
    tsc_rule_catalogue **out);
/* The built-in catalogue with the overrides and additions of a JSON
 * document: {"rules": {ID: {"offset": N, "unit": "working_days"|"days"|
 * "weeks"|"months"|"hours", "description": "...", "anchor": "...",
 * "source": "..."}}}. An existing id may change any field; a new id needs
 * offset and unit. Errors are TSC_INVALID_ARGUMENT naming the rule and key
 * (or the line and column of malformed JSON). */
TSC_API TSC_WARN_UNUSED int tsc_rule_catalogue_from_json(
    tsc_rule_catalogue **out, const char *json, size_t len);
TSC_API void tsc_rule_catalogue_free(tsc_rule_catalogue *catalogue);
TSC_API TSC_WARN_UNUSED int tsc_rule_catalogue_count(
    size_t *out, const tsc_rule_catalogue *catalogue);
/* The rule at `index` (catalogue order: built-in rules first, then local
 * additions). Strings are borrowed from `catalogue`; `offset` is signed
 * (negative: before the anchor); `unit` is a TSC_UNIT_*. Any out-parameter
 * may be NULL. TSC_OUT_OF_RANGE when index >= the count. */
TSC_API TSC_WARN_UNUSED int tsc_rule_catalogue_get(
    const char **id, const char **description, const char **anchor,
    int32_t *offset, int *unit, const char **source,
    const tsc_rule_catalogue *catalogue, size_t index);

/* The names before 0.2, the same functions; they go in 0.3. */
TSC_API TSC_WARN_UNUSED TSC_DEPRECATED("use tsc_rule_catalogue_create_builtin")
int tsc_rules_create_builtin(tsc_rules **out);
TSC_API TSC_WARN_UNUSED TSC_DEPRECATED("use tsc_rule_catalogue_from_json")
int tsc_rules_from_json(tsc_rules **out, const char *json, size_t len);
TSC_API TSC_DEPRECATED("use tsc_rule_catalogue_free")
void tsc_rules_free(tsc_rules *rules);
TSC_API TSC_WARN_UNUSED TSC_DEPRECATED("use tsc_rule_catalogue_count")
int tsc_rules_count(size_t *out, const tsc_rules *rules);
TSC_API TSC_WARN_UNUSED TSC_DEPRECATED("use tsc_rule_catalogue_get")
int tsc_rules_get(const char **id, const char **description,
                  const char **anchor, int32_t *offset, int *unit,
                  const char **source, const tsc_rules *rules, size_t index);

/* Engines: a calendar, a rule catalogue and a policy, bound together.
 * `rules` NULL means the built-in catalogue and `policy` NULL the default
 * policy; `calendar` is required. All three are copied. */
TSC_API TSC_WARN_UNUSED int tsc_timescales_create(
    tsc_timescales **out, const tsc_calendar *calendar,
    const tsc_rule_catalogue *rules, const tsc_policy *policy);
/* England and Wales, the built-in catalogue and the default policy. */
TSC_API TSC_WARN_UNUSED int tsc_timescales_create_default(
    tsc_timescales **out);
TSC_API void tsc_timescales_free(tsc_timescales *ts);

/* Due dates. Every function below fails with TSC_NOT_FOUND (the message
 * naming the known ids) for an unknown `rule_id`, TSC_OUT_OF_RANGE for a
 * date outside the supported range or a due date past the holiday data
 * under a strict policy, and TSC_INVALID_ARGUMENT for a minute that is
 * neither TSC_NO_TIME nor in [0, 1440).
 *
 * tsc_rule_due: the legal due date (against which compliance is judged) and
 * its minute of the day (TSC_NO_TIME unless an hour rule has a timed
 * anchor), the practical due date (the last working day on or before the
 * legal one), and *provisional = 1 when the anchor or the due date is past
 * the holiday data. Only `legal_due` is required; the other out-parameters
 * may be NULL. */
TSC_API TSC_WARN_UNUSED int tsc_rule_due(tsc_date *legal_due,
                                         int32_t *legal_due_minute,
                                         tsc_date *practical_due,
                                         int *provisional,
                                         const tsc_timescales *ts,
                                         const char *rule_id, tsc_date anchor,
                                         int32_t anchor_minute);
/* The full explanation, one fact a line: the rule and its source, the
 * working (every non-working weekday skipped, by name), the practical due
 * date when it differs, the policy and the calendar with its data version.
 * Release with tsc_free. */
TSC_API TSC_WARN_UNUSED int tsc_rule_due_explain(char **explanation,
                                                 const tsc_timescales *ts,
                                                 const char *rule_id,
                                                 tsc_date anchor,
                                                 int32_t anchor_minute);
/* Only the one-line working, e.g. "20 working days after Fri 20 Dec 2019,
 * skipping Wed 25 Dec Christmas Day, ...: Wed 22 Jan 2020". Release with
 * tsc_free. */
TSC_API TSC_WARN_UNUSED int tsc_rule_due_working(char **working,
                                                 const tsc_timescales *ts,
                                                 const char *rule_id,
                                                 tsc_date anchor,
                                                 int32_t anchor_minute);
/* *out = 1 when `done` is at or before the legal due date (or instant);
 * "within" is inclusive. A date-only `done` against a timed due instant is
 * judged by its date. */
TSC_API TSC_WARN_UNUSED int tsc_rule_on_time(int *out,
                                             const tsc_timescales *ts,
                                             const char *rule_id,
                                             tsc_date anchor,
                                             int32_t anchor_minute,
                                             tsc_date done,
                                             int32_t done_minute);
/* Signed working days from the legal due date to `done`: positive when
 * late, zero or negative when in time. */
TSC_API TSC_WARN_UNUSED int tsc_rule_lateness_working_days(
    int32_t *out, const tsc_timescales *ts, const char *rule_id,
    tsc_date anchor, int32_t anchor_minute, tsc_date done,
    int32_t done_minute);
/* Legal due dates of one rule from `count` date-only anchors: out[i] equals
 * tsc_rule_due's legal due date for anchors[i] with TSC_NO_TIME. On error
 * the message names the failing index; elements before it are written. */
TSC_API TSC_WARN_UNUSED int tsc_rule_due_batch(tsc_date *out,
                                               const tsc_timescales *ts,
                                               const char *rule_id,
                                               const tsc_date *anchors,
                                               size_t count);
/* The same over int64 days, for numpy datetime64[D] arrays passed without
 * copying. A value outside the supported range (NaT included) is
 * TSC_OUT_OF_RANGE naming its index. */
TSC_API TSC_WARN_UNUSED int tsc_rule_due_batch_i64(int64_t *out,
                                                   const tsc_timescales *ts,
                                                   const char *rule_id,
                                                   const int64_t *anchors,
                                                   size_t count);

/* Review schedules, as at the end of `as_at`. Slot 1 is due from the start,
 * each later slot from the actual date of the review before it (never from
 * the previous due date); reviews held after `as_at` are not yet known and
 * are ignored; two reviews on one date count once (the second is listed as
 * a duplicate in the JSON). A review before the start or after the end is
 * TSC_INVALID_ARGUMENT.
 *
 * tsc_schedule_lac: one period of care from `start` (the day the child
 * became looked after) to `end` (TSC_NO_DATE while open): lac.first_review,
 * lac.second_review, then lac.subsequent_review; with short_break != 0 the
 * reg 48 short-break rules. `review_minutes` (may be NULL: all date only)
 * gives each review's time or TSC_NO_TIME; held reviews carry the
 * lac.review_decisions, lac.review_record and lac.sw_report deadlines. */
TSC_API TSC_WARN_UNUSED int tsc_schedule_lac(
    tsc_schedule **out, const tsc_timescales *ts, tsc_date start,
    tsc_date end, int short_break, const tsc_date *reviews,
    const int32_t *review_minutes, size_t review_count, tsc_date as_at);
/* tsc_schedule_lac with what was done after each review, so its decisions,
 * record and report deadlines are met or missed rather than overdue: per
 * review (the same index as `reviews`), when the social worker's report was
 * received (`sw_report`), the decisions sent (`decisions`) and the record
 * distributed (`record`), TSC_NO_DATE when not done; the `_minutes` arrays
 * give their times or TSC_NO_TIME. Any of the six arrays may be NULL: none
 * known, or dates only. */
TSC_API TSC_WARN_UNUSED int tsc_schedule_lac_done(
    tsc_schedule **out, const tsc_timescales *ts, tsc_date start,
    tsc_date end, int short_break, const tsc_date *reviews,
    const int32_t *review_minutes, size_t review_count,
    const tsc_date *sw_report, const int32_t *sw_report_minutes,
    const tsc_date *decisions, const int32_t *decisions_minutes,
    const tsc_date *record, const int32_t *record_minutes, tsc_date as_at);
/* One child protection plan from the ICPC (`icpc`) to `end` (TSC_NO_DATE
 * while open): cp.first_rcpc, then cp.subsequent_rcpc; the first core group
 * (cp.core_group) held on `first_core_group` (TSC_NO_DATE when not yet). */
TSC_API TSC_WARN_UNUSED int tsc_schedule_cp(
    tsc_schedule **out, const tsc_timescales *ts, tsc_date icpc, tsc_date end,
    tsc_date first_core_group, const tsc_date *conferences, size_t count,
    tsc_date as_at);
TSC_API void tsc_schedule_free(tsc_schedule *schedule);
/* The number of review slots (the core group is not one of them). */
TSC_API TSC_WARN_UNUSED int tsc_schedule_slot_count(
    size_t *out, const tsc_schedule *schedule);
/* Slot `index` (0-based): its 1-based `number`, its rule id (borrowed from
 * the schedule), the legal and practical due dates, the date of the review
 * that filled it (TSC_NO_DATE when none), a TSC_SLOT_* status and the
 * working days late (to the review when held late, to the as-at date when
 * overdue, else 0). Any out-parameter may be NULL. TSC_OUT_OF_RANGE when
 * index >= the count. */
TSC_API TSC_WARN_UNUSED int tsc_schedule_slot(
    int *number, const char **rule_id, tsc_date *legal_due,
    tsc_date *practical_due, tsc_date *held, int *status,
    int32_t *working_days_late, const tsc_schedule *schedule, size_t index);
/* The legal due date of the slot still to be filled, or TSC_NO_DATE when
 * none is needed (care or the plan has ended). */
TSC_API TSC_WARN_UNUSED int tsc_schedule_next_due(
    tsc_date *out, const tsc_schedule *schedule);
/* The whole schedule as a JSON object; release with tsc_free:
 *   {"kind": "lac"|"lac_short_break"|"cp", "start": "yyyy-mm-dd",
 *    "end": date|null, "as_at": date, "policy": "...", "calendar": "...",
 *    "slots": [SLOT...], "core_group": SLOT|null (CP plans),
 *    "next_due": date|null, "duplicates": [moment...]}
 *   SLOT = {"number": n, "rule": id, "anchor": moment, "legal_due": moment,
 *    "practical_due": date, "provisional": bool, "working": "...",
 *    "held": moment|null, "status": name, "working_days_late": n,
 *    "deadlines": [{"rule", "anchor", "legal_due", "practical_due",
 *    "provisional", "working", "done": moment|null, "status"}...]}
 * Dates are ISO "yyyy-mm-dd"; a moment is a date or "yyyy-mm-ddTHH:MM";
 * status names are those of tsc_slot_status_string. */
TSC_API TSC_WARN_UNUSED int tsc_schedule_to_json(char **out,
                                                 const tsc_schedule *schedule);

/* ---- Reports and the monitoring list ------------------------------------- */
/*
 * The KPIs of an IRO annual report (docs/kpis.md) and the in-year monitoring
 * list of LAC reviews and CP review conferences, computed from the extracts
 * a council already holds: SSDA903 CSV or XML, the CIN census XML and the
 * library's meetings.csv (docs/inputs.md). Fill an input set with files,
 * folders or in-memory buffers, then run a report or a list over it as often
 * as needed:
 *
 *   tsc_report_inputs *in = NULL;
 *   char *json = NULL;
 *   tsc_report_inputs_create(&in);
 *   tsc_report_inputs_add_path(in, "extracts/903");      (every CSV in it)
 *   tsc_report_inputs_add_buffer(in, "meetings.csv", text, strlen(text));
 *   tsc_report_run(&json, in, "2019-20", NULL, 0, TSC_NO_DATE,
 *                  TSC_FORMAT_JSON);
 *   ... {"period": {...}, "kpis": [{"id": "lac_review_timeliness", ...
 *   tsc_free(json);
 *   tsc_report_inputs_free(in);
 *
 * What an input is (903, CIN census or meetings) is decided by its
 * content, never its name: XML by its root element (EXPSSDA903 or Message),
 * CSV by its columns (meeting_type and held_at make meetings.csv; a 903
 * table is recognised by its set of column names).
 *
 * Errors. An input that cannot be used at all (no such file: TSC_NOT_FOUND;
 * unreadable, UTF-16, malformed XML, a missing required column, an
 * unrecognised table: TSC_INVALID_ARGUMENT) fails the add call with the
 * importer's message, which names the file or buffer and, where there is
 * one, the line; the set is then unchanged. A bad row (an impossible date,
 * a blank key) fails nothing: it is left out and listed with its file, line
 * and reason in the output's rejections (JSON "inputs.rejections"; the
 * Markdown and HTML input sections), so every row is accounted for.
 */

typedef struct tsc_report_inputs tsc_report_inputs;

/* Output formats (`format` arguments). */
#define TSC_FORMAT_JSON 0     /* docs/kpis.md#json-output; 2-space indent */
#define TSC_FORMAT_CSV 1      /* tidy: one row a KPI and period or month */
#define TSC_FORMAT_MARKDOWN 2 /* the scorecard, for a README or an email */
#define TSC_FORMAT_HTML 3     /* one self-contained page (reports only) */

/* A new, empty input set; release with tsc_report_inputs_free. */
TSC_API TSC_WARN_UNUSED int tsc_report_inputs_create(tsc_report_inputs **out);
TSC_API void tsc_report_inputs_free(tsc_report_inputs *inputs);
/* Adds a file, or every .csv and .xml file directly in a folder (in name
 * order, not recursive), each read whole. A folder is all or nothing: when
 * one of its files fails, the message lists every file that failed and
 * none of the folder is added. */
TSC_API TSC_WARN_UNUSED int tsc_report_inputs_add_path(
    tsc_report_inputs *inputs, const char *path);
/* Adds one in-memory file of `len` bytes, copied (the length, not a NUL,
 * ends it; text holding a NUL byte is refused as not UTF-8). `name` labels
 * it in messages and in the output's list of inputs and rejections, as a
 * path would. `data` may be NULL when `len` is 0. */
TSC_API TSC_WARN_UNUSED int tsc_report_inputs_add_buffer(
    tsc_report_inputs *inputs, const char *name, const char *data, size_t len);

/* The report for `period`, rendered in `format` (TSC_FORMAT_*) into *out,
 * a NUL-terminated string the caller releases with tsc_free (*out is NULL
 * on failure). JSON is always valid UTF-8 (bad bytes in the inputs become
 * U+FFFD); the other formats copy names and codes from the inputs as they
 * are, so they are UTF-8 when the inputs are.
 *
 * `period` is written as councils write it: "2019-20" (a financial year),
 * "2019-20-Q3", "2019-10" (a month) or "2019-04-01..2020-03-31".
 * `config_json` (config_len bytes) is the configuration file's text
 * (docs/configuration.md: "policy", "kpis" targets and benchmarks, "closure_days",
 * "holidays", "rules"); NULL with config_len 0 is the default
 * configuration. A relative "holidays.govuk_json" path is resolved against
 * the current working directory. `data_from` is the first date from which
 * the data hold every review (the CLI's --data-from), or TSC_NO_DATE to
 * derive it per source (docs/kpis.md#coverage-start).
 *
 * A KPI whose source table is in no input is left out and named in
 * "inputs.missing"; with no inputs at all the report is empty, not an
 * error. Fails with TSC_INVALID_ARGUMENT for an unknown format, a period
 * that cannot be read (the message starts "period: " and quotes what is
 * wrong) or a bad configuration (the message starts "configuration: ":
 * malformed JSON with its line and column, or an unknown key, named by its
 * path such as "kpis.lac_review_timeliness.targt"); TSC_NOT_FOUND
 * when a configured holidays file cannot be read; TSC_OUT_OF_RANGE when
 * `data_from` is neither TSC_NO_DATE nor in the supported range. */
TSC_API TSC_WARN_UNUSED int tsc_report_run(char **out,
                                           const tsc_report_inputs *inputs,
                                           const char *period,
                                           const char *config_json,
                                           size_t config_len,
                                           tsc_date data_from, int format);
/* The monitoring list as at the end of `as_at` (the CLI's `timescales
 * monitoring`): every child with a period of care open then, the next LAC
 * review due (a "lac" row) and, when a CIN census is among the inputs,
 * every child protection plan open then, the next review conference due
 * (a "cp" row); each with its status ("overdue", "due_soon" within the
 * policy's due_soon_working_days, "on_track", or "unknown" for a child in
 * care, or a plan, since before the data with no review in it), the
 * working days to it, the last review (conference) held and the chair of
 * the child's latest meeting of that kind (meetings.csv lac_review; icpc
 * or rcpc) held by `as_at`; overdue first, then by due date, LAC and CP
 * together. The list names children: it is personal data. `format` is
 * TSC_FORMAT_JSON ({"personal_data" (a notice), "as_at", "late_since",
 * "policy", "calendar", "short_breaks", "in_care" (the "lac" rows),
 * "cp_plans" (the "cp" rows), "held_late", "children": [{"child",
 * "status", "next_due", "practical_due", "working_days_to_due", "rule_id",
 * "last_review", "reviews_in_period", "period_start", "kind",
 * "last_chair", "held", "working_days_late"}...]}), TSC_FORMAT_CSV (the
 * same columns, one row a child's review or plan; "kind,last_chair,held,
 * working_days_late" follow the first nine) or TSC_FORMAT_MARKDOWN;
 * TSC_FORMAT_HTML is TSC_INVALID_ARGUMENT. The reviews held late (status
 * "held_late", with "held" and "working_days_late") are the CLI's
 * --late-since and never listed here: "late_since" is null, "held_late"
 * 0 and those two row fields empty. The other arguments and the errors
 * are those of tsc_report_run; `as_at` outside the supported range is
 * TSC_OUT_OF_RANGE. */
TSC_API TSC_WARN_UNUSED int tsc_monitoring_run(
    char **out, const tsc_report_inputs *inputs, tsc_date as_at,
    const char *config_json, size_t config_len, tsc_date data_from,
    int format);

/* ---- Report options (since 0.2) ------------------------------------------
 *
 * The settings of a report or monitoring run in one handle, so that a
 * configuration file is read the way the command line reads it (relative
 * paths inside it resolve against its own folder) and later options can be
 * added without new run functions:
 *
 *   tsc_report_options *opts = NULL;
 *   char *json = NULL;
 *   if (tsc_report_options_create(&opts) != TSC_OK ||
 *       tsc_report_options_set_config_file(opts, "config.json") != TSC_OK ||
 *       tsc_report_options_set_format(opts, TSC_FORMAT_MARKDOWN) != TSC_OK ||
 *       tsc_report_run_with_options(&json, in, "2019-20", opts) != TSC_OK)
 *     fprintf(stderr, "%s\n", tsc_last_error_message());
 *   tsc_free(json);
 *   tsc_report_options_free(opts);
 *
 * A failed setter leaves the handle as it was. Defaults: the default
 * configuration, data_from derived per source, TSC_FORMAT_JSON, no case
 * detail. */
typedef struct tsc_report_options tsc_report_options;

TSC_API TSC_WARN_UNUSED int tsc_report_options_create(
    tsc_report_options **out);
TSC_API void tsc_report_options_free(tsc_report_options *options);
/* The configuration from its JSON text (`len` bytes). A relative
 * "holidays.govuk_json" path resolves against `base_dir`, or is used as
 * given (relative to the current directory) when `base_dir` is NULL.
 * Errors as tsc_report_run's configuration errors. */
TSC_API TSC_WARN_UNUSED int tsc_report_options_set_config_json(
    tsc_report_options *options, const char *json, size_t len,
    const char *base_dir);
/* The configuration read from the file at `path`; relative paths inside it
 * resolve against the file's folder. TSC_NOT_FOUND when the file cannot be
 * read; a bad configuration's message starts with the path. */
TSC_API TSC_WARN_UNUSED int tsc_report_options_set_config_file(
    tsc_report_options *options, const char *path);
/* The first date from which the data hold every review, or TSC_NO_DATE. */
TSC_API TSC_WARN_UNUSED int tsc_report_options_set_data_from(
    tsc_report_options *options, tsc_date data_from);
/* TSC_FORMAT_*; an unknown format is TSC_INVALID_ARGUMENT. */
TSC_API TSC_WARN_UNUSED int tsc_report_options_set_format(
    tsc_report_options *options, int format);
/* tsc_report_run and tsc_monitoring_run under `options` (NULL: the
 * defaults); output and errors as theirs. */
TSC_API TSC_WARN_UNUSED int tsc_report_run_with_options(
    char **out, const tsc_report_inputs *inputs, const char *period,
    const tsc_report_options *options);
TSC_API TSC_WARN_UNUSED int tsc_monitoring_run_with_options(
    char **out, const tsc_report_inputs *inputs, tsc_date as_at,
    const tsc_report_options *options);

/* ---- Input kinds and reading options (since 0.2) ---------------------------
 *
 * A caller that knows what an input is says so, as the command line's
 * --ssda903, --cin and --meetings do: the input is then read as that kind,
 * and one that is something else is an error saying what it is ("this is a
 * CIN census (--cin), not an SSDA903 extract (--ssda903)") rather than read
 * by its content. How slashed dates, two-digit years and near-miss column
 * names are read is set on the input set, for the inputs added after. */
#define TSC_INPUT_SSDA903 0
#define TSC_INPUT_CIN 1
#define TSC_INPUT_MEETINGS 2

TSC_API TSC_WARN_UNUSED int tsc_report_inputs_add_path_as(
    tsc_report_inputs *inputs, const char *path, int kind);
TSC_API TSC_WARN_UNUSED int tsc_report_inputs_add_buffer_as(
    tsc_report_inputs *inputs, const char *name, const char *data, size_t len,
    int kind);

/* Dates with slashes: day/month unless a column's values fit month/day
 * only, which refuses the column (AUTO, the default); or always DMY or MDY. */
#define TSC_DATE_ORDER_AUTO 0
#define TSC_DATE_ORDER_DMY 1
#define TSC_DATE_ORDER_MDY 2
TSC_API TSC_WARN_UNUSED int tsc_report_inputs_set_date_order(
    tsc_report_inputs *inputs, int order);
/* Two-digit years read into the hundred years from `year` (1950: 17 is
 * 2017); 0, the default, refuses them. TSC_OUT_OF_RANGE outside
 * 1900..2100. */
TSC_API TSC_WARN_UNUSED int tsc_report_inputs_set_two_digit_years_from(
    tsc_report_inputs *inputs, int year);
/* 1: a meetings.csv column whose name is close to one of its own (`chair`
 * for `chair_id`) is noted and left out; 0, the default: the file is
 * refused. */
TSC_API TSC_WARN_UNUSED int tsc_report_inputs_set_allow_unknown_columns(
    tsc_report_inputs *inputs, int allow);

/* Data quality (docs/inputs.md#data-quality). A table or column that lost
 * more than `percent` (default 5) of its rows to rejections, or a KPI with
 * no cases because its input was rejected, is a data problem, listed in
 * the JSON's "inputs.data_problems". tsc_report_run_with_options then
 * refuses the report with TSC_FAILED_PRECONDITION, the message listing the
 * problems, unless rejections are allowed (1). (tsc_report_run writes every
 * report, as before 0.2.) */
TSC_API TSC_WARN_UNUSED int tsc_report_options_set_max_rejected(
    tsc_report_options *options, double percent);
TSC_API TSC_WARN_UNUSED int tsc_report_options_set_allow_rejections(
    tsc_report_options *options, int allow);

/* ---- Case-level detail ----------------------------------------------------
 *
 * The records behind every figure (docs/kpis.md#case-level-detail): with
 * detail 1, each KPI lists one row for every item it considered in the
 * headline period (a review held, an overdue slot, an s47 enquiry, a plan,
 * a review's action), and counting the rows gives the figure exactly: the
 * numerator is the rows with in_numerator, the denominator those with
 * in_denominator, each exclusion the rows with that reason.
 *
 *   tsc_report_options_set_detail(opts, 1);
 *   tsc_report_options_set_format(opts, TSC_FORMAT_CSV);
 *   tsc_report_run_with_options(&csv, in, "2019-20", opts);
 *   ... kpi,child,item,date,month,outcome,in_numerator,in_denominator,...
 *
 * The rows carry children's identifiers: an output with detail is personal
 * data, for the council's own use, never the committee report. Under
 * detail tsc_report_run_with_options writes, for TSC_FORMAT_JSON, each KPI
 * with a "cases" array ({"child", "item", "date", "month", "outcome",
 * "in_numerator", "in_denominator", "reason", "rule", "slot", "anchor",
 * "due", "practical_due", "late_working_days", "chair_id", "source"}) and
 * a top-level "personal_data" member; for TSC_FORMAT_CSV the case table
 * instead of the KPI table, one row a case with the KPI first (header
 * "kpi,child,item,date,month,outcome,in_numerator,in_denominator,reason,
 * rule,slot,anchor,due,practical_due,late_working_days,chair_id,source"
 * on one line); for TSC_FORMAT_MARKDOWN and TSC_FORMAT_HTML the late,
 * overdue and excluded cases under each KPI, the output saying at its top
 * that it contains personal data. The rows cost time and memory in
 * proportion to the data. tsc_report_run and the monitoring list are not
 * affected. */

/* 1: the output contains the case rows, and so children's identifiers;
 * 0, the default: the figures only. Any other value is
 * TSC_INVALID_ARGUMENT. */
TSC_API TSC_WARN_UNUSED int tsc_report_options_set_detail(
    tsc_report_options *options, int detail);

/* ---- The monitoring list's late reviews ------------------------------------
 *
 * tsc_monitoring_run_with_options also lists, with status "held_late", each
 * LAC review and CP review conference held after its legal due date from
 * `late_since` to the as-at day, both included (the CLI's `timescales
 * monitoring --late-since`): the due date, the day held ("held") and the
 * working days late ("working_days_late"). TSC_NO_DATE, the default, lists
 * none. A date outside the supported range is TSC_OUT_OF_RANGE; one after
 * the as-at day is TSC_INVALID_ARGUMENT when the list is run. */
TSC_API TSC_WARN_UNUSED int tsc_report_options_set_late_since(
    tsc_report_options *options, tsc_date late_since);

#ifdef __cplusplus
}
#endif
#endif /* TSC_C_H_ */
