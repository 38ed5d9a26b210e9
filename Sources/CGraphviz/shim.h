#ifndef THREADNET_CGRAPHVIZ_SHIM_H
#define THREADNET_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* Exported by libcgraph but not declared in its public headers (2.42): flushes the DOT
 * lexer's input buffer, so text left unread after a syntax error cannot leak into the next
 * agmemread. */
extern void aglexbad(void);
#endif
