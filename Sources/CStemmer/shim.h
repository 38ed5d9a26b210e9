#ifndef THREADNET_CSTEMMER_SHIM_H
#define THREADNET_CSTEMMER_SHIM_H
#include <libstemmer.h>
#endif
