/* Uses the installed C ABI: the same due date through tsc_*. */
#include <stdio.h>

#include <timescales/c.h>

int main(void) {
  tsc_calendar *cal = NULL;
  tsc_date start = 0;
  tsc_date due = 0;
  char text[16];
  if (tsc_calendar_create_england_and_wales(&cal) != TSC_OK ||
      tsc_date_from_ymd(&start, 2019, 12, 20) != TSC_OK ||
      tsc_calendar_add_working_days(&due, cal, start, 20) != TSC_OK ||
      tsc_date_format(text, sizeof text, NULL, due) != TSC_OK) {
    fprintf(stderr, "%s\n", tsc_last_error_message());
    tsc_calendar_free(cal);
    return 1;
  }
  printf("c %s abi %d\n", text, tsc_abi_version());
  tsc_calendar_free(cal);
  return 0;
}
