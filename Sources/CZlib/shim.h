#ifndef THREADNET_CZLIB_SHIM_H
#define THREADNET_CZLIB_SHIM_H
#include <zlib.h>
#endif
