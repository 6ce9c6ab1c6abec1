#ifndef JIANYI_CLIBPQ_SHIM_H
#define JIANYI_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
