#ifndef THREADNET_CGRAPHVIZ_SHIM_H
#define THREADNET_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
