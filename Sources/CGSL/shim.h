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
#endif
