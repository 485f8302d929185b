/* The C library the program calls through `extern func:ffi_seven`. */
long ffi_seven(void) { return 7; }
