#ifndef THREADNET_CCRYPTO_SHIM_H
#define THREADNET_CCRYPTO_SHIM_H
#include <openssl/evp.h>
#endif
