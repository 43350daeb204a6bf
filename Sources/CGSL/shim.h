#ifndef CALLSIM_CGSL_SHIM_H
#define CALLSIM_CGSL_SHIM_H
/* The parts of GNU GSL that callsim's engine uses: generators, samplers, CDFs, special functions, errors. */
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_psi.h>

/* GSL's generator types are C globals; these accessors let Swift 6 read them without
   treating them as shared mutable state. */
static inline const gsl_rng_type *callsim_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *callsim_rng_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_rng_type *callsim_rng_ranlxd2(void) { return gsl_rng_ranlxd2; }
static inline const gsl_rng_type *callsim_rng_gfsr4(void) { return gsl_rng_gfsr4; }

/* gsl_rng_uniform and gsl_rng_uniform_pos as GSL's own header writes them when inlining is
   on (HAVE_INLINE, which callsim does not set for the whole header): the generator's
   get_double through its type, without a call into the library first. The same numbers;
   the event loop draws one or more per call. */
static inline double callsim_rng_uniform(const gsl_rng *r) { return (r->type->get_double)(r->state); }
static inline double callsim_rng_uniform_pos(const gsl_rng *r) {
  double x;
  do { x = (r->type->get_double)(r->state); } while (x == 0);
  return x;
}
#endif
