#ifndef JIANYI_CXLSXWRITER_SHIM_H
#define JIANYI_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
