#ifndef CNUMBERTEXT_H
#define CNUMBERTEXT_H
#include <stddef.h>

/* Writes `value` as `%.6f` (C locale) into `out` (at most `capacity` bytes, NUL included) and
   returns the length `snprintf` returns. Swift cannot call C's variadic `snprintf`, and its
   `withVaList` boxes every argument in an existential and casts it back (about 3,400
   instructions per number against 2,000 for the formatting itself); this plain function
   passes the double in a register. */
int callsim_format_fixed6(char *out, size_t capacity, double value);

#endif
