#include "summary.h"
int summary_print(const char *path, FILE *out) { (void)path; (void)out; return 0; }
