#ifndef THREADNET_CZSTD_SHIM_H
#define THREADNET_CZSTD_SHIM_H
#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>
#endif
