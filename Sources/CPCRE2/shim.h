#ifndef CPCRE2_SHIM_H
#define CPCRE2_SHIM_H
// pcre2.h refuses to compile unless the code-unit width is chosen first; piiscan is 8-bit only.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

// PCRE2_UNSET and PCRE2_ZERO_TERMINATED are cast expressions that Swift does not import.
// Remove these when Swift imports `(~(PCRE2_SIZE)0)`-style macros.
static inline size_t CPCRE2_unset(void) { return PCRE2_UNSET; }
#endif
