#include "fastmath.h"

long mathlib_sum_to(long n) {
    return n * (n + 1) / 2;
}
