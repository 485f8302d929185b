#ifndef MATHLIB_FASTMATH_H
#define MATHLIB_FASTMATH_H
/* The sum 1 + 2 + ... + n, by Gauss's formula. */
long mathlib_sum_to(long n);
#endif
