#ifndef UTIL_CLAMP_H
#define UTIL_CLAMP_H
int util_clamp(int value, int low, int high);
#endif
