# nolock.sh — sourced by tests that play a file system without flock(2)
# (NFS without its lock daemon: every flock fails with ENOLCK).
#
# nolock_preload DIR PLANC: builds, in DIR, a shared object whose flock
# always fails, to be put in front of the C library's, and prints the
# LD_PRELOAD value that does it for PLANC (under AddressSanitizer, make
# test-asan, its runtime must come first in the list).  Fails when there
# is no C compiler to build it with.
nolock_preload() {
    command -v cc >/dev/null 2>&1 || return 1
    printf '%s\n' '#include <errno.h>' '#include <sys/file.h>' \
        'int flock(int fd, int op) { (void)fd; (void)op; errno = ENOLCK; return -1; }' >"$1/nolock.c"
    cc -shared -fPIC -o "$1/nolock.so" "$1/nolock.c" || return 1
    _asan=$(ldd "$2" 2>/dev/null | awk '/libasan/ { print $3; exit }')
    if [ -n "$_asan" ]; then printf '%s\n' "$_asan:$1/nolock.so"; else printf '%s\n' "$1/nolock.so"; fi
}
