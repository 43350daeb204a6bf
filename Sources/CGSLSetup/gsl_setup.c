/* GSL aborts the process on a domain error by default. callsim checks its inputs itself and
   reports problems as Swift errors, so the handler is switched off once, when the program
   (or a test bundle) is loaded, before any code can call GSL: scenario decoding calls it
   (gsl_sf_lngamma for Weibull parameters) long before any random stream exists. A load-time
   constructor needs no call site, so no GSL entry point can be reached first. */
#include <gsl/gsl_errno.h>
#include "CGSLSetup.h"

__attribute__((constructor)) static void callsim_gsl_setup(void) { gsl_set_error_handler_off(); }
