/*
 * first_review.c: when is a looked-after child's first review due?
 *
 * The first review of a child's care plan is due within 20 working days of
 * the child becoming looked after. This program works it out for a child
 * looked after on Friday 20 December 2019 and lists the bank holidays the
 * count skipped. Build against timescales_c and run it:
 *
 *   $ ./first_review
 *   Looked after:        2019-12-20
 *   First review due:    2020-01-22 (20 working days)
 *   Bank holidays skipped:
 *     2019-12-25  Christmas Day
 *     ...
 */
#include <stdio.h>

#include "timescales/c.h"

/* Prints what went wrong, with the library's explanation. */
static int Report(const char* what, int status) {
  fprintf(stderr, "%s failed: %s: %s\n", what, tsc_status_string(status),
          tsc_last_error_message());
  return 1;
}

int main(void) {
  const int32_t kWorkingDays = 20;
  tsc_calendar* calendar = NULL;
  tsc_holiday_list* skipped = NULL;
  tsc_date looked_after = 0;
  tsc_date due = 0;
  char looked_after_text[11];
  char due_text[11];
  size_t i;
  int status;
  int exit_code = 1;

  status = tsc_calendar_create_england_and_wales(&calendar);
  if (status != TSC_OK) return Report("creating the calendar", status);

  status = tsc_date_parse(&looked_after, "20/12/2019");
  if (status != TSC_OK) {
    Report("reading the date", status);
    goto done;
  }

  /* Day 1 is the first working day after the child became looked after. */
  status =
      tsc_calendar_add_working_days(&due, calendar, looked_after, kWorkingDays);
  if (status != TSC_OK) {
    Report("computing the due date", status);
    goto done;
  }

  status = tsc_date_format(looked_after_text, sizeof looked_after_text, NULL,
                           looked_after);
  if (status == TSC_OK) {
    status = tsc_date_format(due_text, sizeof due_text, NULL, due);
  }
  if (status != TSC_OK) {
    Report("formatting a date", status);
    goto done;
  }
  printf("Looked after:        %s\n", looked_after_text);
  printf("First review due:    %s (%d working days)\n", due_text,
         (int)kWorkingDays);

  /* The holidays between the two dates explain why the count ran long. */
  status = tsc_calendar_holidays(&skipped, calendar, looked_after, due);
  if (status != TSC_OK) {
    Report("listing the holidays", status);
    goto done;
  }
  printf("Bank holidays skipped:\n");
  for (i = 0; i < tsc_holiday_list_size(skipped); ++i) {
    tsc_date day = 0;
    const char* name = NULL; /* borrowed from the list */
    char day_text[11];
    status = tsc_holiday_list_get(&day, &name, NULL, NULL, skipped, i);
    if (status == TSC_OK) {
      status = tsc_date_format(day_text, sizeof day_text, NULL, day);
    }
    if (status != TSC_OK) {
      Report("reading a holiday", status);
      goto done;
    }
    printf("  %s  %s\n", day_text, name);
  }
  exit_code = 0;

done:
  /* Both free functions accept NULL, so every path can end here. */
  tsc_holiday_list_free(skipped);
  tsc_calendar_free(calendar);
  return exit_code;
}
