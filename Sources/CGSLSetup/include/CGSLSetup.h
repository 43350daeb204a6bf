#ifndef CALLSIM_CGSLSETUP_H
#define CALLSIM_CGSLSETUP_H
/* Nothing to call: gsl_setup.c switches GSL's abort-on-error handler off when the program
   (or a test bundle) is loaded. Linking this target is what applies it. */
#endif
