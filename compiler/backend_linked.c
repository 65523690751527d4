/* backend_linked.c — be_get for programs that link the LLVM back end in
 * (the tests and tools; backend.h): the table itself, no dlopen. */
#include "backend.h"

extern const be_api planc_backend;

const be_api *be_get(FILE *err, double *load_ms)
{
    (void)err;
    if (load_ms)
        *load_ms = 0;
    return &planc_backend;
}
