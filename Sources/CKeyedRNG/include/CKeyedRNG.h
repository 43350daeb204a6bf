#ifndef CALLSIM_CKEYEDRNG_H
#define CALLSIM_CKEYEDRNG_H
/* A counter-based generator for GSL: SplitMix64 (Steele, Lea & Flood 2014) whose whole state
   is one 64-bit position on its Weyl sequence. Moving to another substream is one store
   (callsim_keyed_select), so a model can give every entity its own substreams without
   seeding a generator per entity; every GSL sampler then draws from the selected substream
   unchanged. */
#include <stdint.h>
#include <gsl/gsl_rng.h>

/* The state GSL allocates for this generator: the position on the Weyl sequence. */
typedef struct {
  uint64_t position;
} callsim_keyed_state;

/* The Weyl increment of SplitMix64 (2^64 / golden ratio, odd). */
#define CALLSIM_KEYED_GAMMA 0x9e3779b97f4a7c15ULL

/* The generator type, for gsl_rng_alloc. */
const gsl_rng_type *callsim_rng_keyed(void);

/* Points generator `r` (allocated with callsim_rng_keyed) at `position`: the next number is
   the SplitMix64 output after it. */
static inline void callsim_keyed_select(gsl_rng *r, uint64_t position) {
  ((callsim_keyed_state *)r->state)->position = position;
}
#endif
