/* zipcat.c — prints one member of a zip archive (like `unzip -p`), for
 * tests/report/formats.sh, which reads back the xlsx workbook that
 * `planc run --format xlsx` writes.
 *
 *   zipcat FILE MEMBER
 *
 * Exit 0, or 1 when the file cannot be read or has no such member. */
#include <stdio.h>

#include "../unit/zipread.h"

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: zipcat FILE MEMBER\n", stderr);
        return 2;
    }
    size_t len, n;
    unsigned char *zip = zip_load(argv[1], &len);
    char *data = zip ? zip_member(zip, len, argv[2], &n) : NULL;
    if (!data) {
        fprintf(stderr, "zipcat: %s: no member '%s'\n", argv[1], argv[2]);
        free(zip);
        return 1;
    }
    fwrite(data, 1, n, stdout);
    free(data);
    free(zip);
    return 0;
}
