#ifndef CZSTD_SHIM_H
#define CZSTD_SHIM_H
// zstd's stable API only; everything piiscan needs imports directly.
#include <zstd.h>
#include <zstd_errors.h>
#endif
