/* See CNumberText.h: `%.6f` through a non-variadic entry point, for the CSV writers. The
   same `snprintf` as the Swift code called through `vsnprintf` before, so the same text. */
#include <stdio.h>
#include "CNumberText.h"

int callsim_format_fixed6(char *out, size_t capacity, double value) {
  return snprintf(out, capacity, "%.6f", value);
}
