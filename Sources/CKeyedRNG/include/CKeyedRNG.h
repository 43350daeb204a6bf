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

/* The next SplitMix64 output of a keyed state. */
static inline uint64_t callsim_keyed_next(callsim_keyed_state *s) {
  uint64_t z = (s->position += CALLSIM_KEYED_GAMMA);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/* Uniform on [0, 1) from keyed generator `r`: the high 53 bits of the next output, scaled —
   exactly what gsl_rng_uniform returns for this type (its get_double is this function), but
   inlined where the caller knows the type, without GSL's two calls through pointers. */
static inline double callsim_keyed_uniform(gsl_rng *r) {
  return (double)(callsim_keyed_next((callsim_keyed_state *)r->state) >> 11) * 0x1.0p-53;
}
#endif
