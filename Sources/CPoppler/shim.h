#ifndef LINEAGE_CPOPPLER_SHIM_H
#define LINEAGE_CPOPPLER_SHIM_H

#include <poppler.h>

#endif
