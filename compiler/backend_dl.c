/* backend_dl.c — be_get for planc's binary: the LLVM back end is the
 * module planc-llvm.so, loaded with dlopen on first need (backend.h says
 * where it is looked for). */
#include "backend.h"
#include "csv.h"
#include "msgcat.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifndef PLANC_VERSION
#define PLANC_VERSION "0.0.0"
#endif

/* The module's file name. */
#define BE_MODULE "planc-llvm.so"

/* The module once loaded (never unloaded: LLVM's static state lives until
 * the process ends), guarded by `mu`. */
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static const be_api *loaded;

/* Milliseconds on the monotonic clock. */
static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The directory of planc's binary, with a trailing '/', into dir; false
 * when /proc/self/exe cannot be read. */
static bool exe_dir(char *dir, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", dir, size - 1);
    if (n <= 0)
        return false;
    dir[n] = '\0';
    char *slash = strrchr(dir, '/');
    if (!slash)
        return false;
    slash[1] = '\0';
    return true;
}

/* Loads the module at `path` and checks its table.  NULL with *why set
 * (a static string or dlerror's) when it cannot be used. */
static const be_api *try_load(const char *path, const char **why)
{
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        *why = dlerror();
        return NULL;
    }
    const be_api *be = dlsym(h, "planc_backend");
    if (!be) {
        *why = msgcat_tr("it has no table 'planc_backend'");
    } else if (be->version != BE_API_VERSION || strcmp(be->planc_version, PLANC_VERSION) != 0) {
        *why = msgcat_tr("it belongs to another version of planc");
        be = NULL;
    }
    if (!be)
        dlclose(h);
    return be;
}

const be_api *be_get(FILE *err, double *load_ms)
{
    double t0 = now_ms();
    if (load_ms)
        *load_ms = 0;
    pthread_mutex_lock(&mu);
    const be_api *be = loaded;
    if (be) {
        pthread_mutex_unlock(&mu);
        return be;
    }
    char path[PATH_MAX + sizeof BE_MODULE + 16];
    const char *why = NULL, *env = getenv("PLANC_BACKEND");
    if (env && *env) {
        snprintf(path, sizeof path, "%s", env);
        be = try_load(path, &why);
    } else if (!exe_dir(path, PATH_MAX)) {
        snprintf(path, sizeof path, "%s", BE_MODULE);
        why = msgcat_tr("planc cannot find its own directory (/proc/self/exe)");
    } else {
        size_t n = strlen(path);
        snprintf(path + n, sizeof path - n, "%s", BE_MODULE);
        if (access(path, F_OK) != 0) {
            /* An install: bin/planc and lib/planc/planc-llvm.so. */
            char beside[sizeof path];
            snprintf(beside, sizeof beside, "%s", path);
            snprintf(path + n, sizeof path - n, "../lib/planc/%s", BE_MODULE);
            if (access(path, F_OK) != 0) {
                csv_message(err, "planc: error: cannot find the LLVM back end: neither '%s' nor "
                                 "'%s' exists (planc compiles rules with it; it is built beside "
                                 "planc; PLANC_BACKEND may name it)\n", beside, path);
                pthread_mutex_unlock(&mu);
                return NULL;
            }
        }
        be = try_load(path, &why);
    }
    if (be)
        loaded = be;
    else
        csv_message(err, "planc: error: cannot load the LLVM back end '%s': %s (planc compiles "
                         "rules with it; it is built beside planc; PLANC_BACKEND may name it)\n",
                    path, why ? why : msgcat_tr("unknown error"));
    pthread_mutex_unlock(&mu);
    if (be && load_ms)
        *load_ms = now_ms() - t0;
    return be;
}
