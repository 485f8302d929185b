#ifndef AMPU_CJSONC_SHIM_H
#define AMPU_CJSONC_SHIM_H
#include <json.h>
#endif
