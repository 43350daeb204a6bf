/* SplitMix64 as a GSL generator type (see CKeyedRNG.h). get returns the high 32 bits of an
   output (max 2^32 - 1, so gsl_rng_uniform_int accepts any n up to 2^32); get_double the
   high 53 bits scaled to [0, 1). */
#include "CKeyedRNG.h"

static inline uint64_t keyed_next(void *vstate) {
  callsim_keyed_state *s = (callsim_keyed_state *)vstate;
  uint64_t z = (s->position += CALLSIM_KEYED_GAMMA);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static void keyed_set(void *vstate, unsigned long seed) {
  ((callsim_keyed_state *)vstate)->position = (uint64_t)seed;
}

static unsigned long keyed_get(void *vstate) { return (unsigned long)(keyed_next(vstate) >> 32); }

static double keyed_get_double(void *vstate) { return (double)(keyed_next(vstate) >> 11) * 0x1.0p-53; }

static const gsl_rng_type keyed_type = {
  "callsim-splitmix64", 0xffffffffUL, 0, sizeof(callsim_keyed_state), &keyed_set, &keyed_get, &keyed_get_double,
};

const gsl_rng_type *callsim_rng_keyed(void) { return &keyed_type; }
