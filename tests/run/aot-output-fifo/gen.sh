# libfifo.so: a FIFO where the library should go.  The library was renamed
# over it (as root, 'planc build -o /dev/full' replaced the device); a
# target that is not a regular file is now a usage error before any work.
mkfifo libfifo.so
