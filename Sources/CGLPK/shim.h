#ifndef CALLSIM_CGLPK_SHIM_H
#define CALLSIM_CGLPK_SHIM_H
/* GNU GLPK: the integer-programming solver behind the planner's shift scheduling
   (CoveringProgram). Debian's libglpk-dev ships no pkg-config file, so the module map
   links "glpk" by name and the header is found in /usr/include. */
#include <glpk.h>
#endif
