/*
 * header_c99_test.c: timescales/c.h must compile as strict C99 with every
 * warning an error (built with -std=c99 -Wall -Wextra -pedantic -Werror), so
 * a C++-ism or a sloppy declaration in the header breaks the build.
 */
/* First, so the header cannot lean on anything included before it. */
#include <stdio.h>

#include "timescales/c.h"

/* Typedefs and macros are usable from C as written in the header. */
static const tsc_date kFirst = TSC_MIN_DATE;
static const tsc_date kLast = TSC_MAX_DATE;
static const tsc_status kOk = TSC_OK;

int main(void) {
  /* Linking proves the C library resolves from a C translation unit. */
  if (tsc_version_number() != TSC_VERSION_NUMBER) {
    fprintf(stderr, "library %d, header %d\n", tsc_version_number(),
            TSC_VERSION_NUMBER);
    return 1;
  }
  if (kFirst >= kLast || kOk != 0) return 1;
  printf("c.h compiles as C99\n");
  return 0;
}
