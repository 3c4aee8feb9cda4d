#ifndef TANDEM_CLIBQB_SHIM_H
#define TANDEM_CLIBQB_SHIM_H
#include <qb/qbdefs.h>
#include <qb/qblog.h>
#endif
