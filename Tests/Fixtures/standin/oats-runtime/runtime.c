/* A stand-in for the Oats runtime (libruntime.a), for ampu's tests: what the stand-in oatsc's
   objects call. */
#include <stdio.h>

void oats_runtime_init(void) { setvbuf(stdout, NULL, _IOLBF, 0); }

void oats_runtime_print(const char *text) { printf("%s\n", text); }
