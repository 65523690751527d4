#!/bin/sh
# housekeeping.sh — what a planc installed for years keeps in bounds by
# itself (docs/UNATTENDED.md §2, §7): the cache of compiled code evicts
# entries unused for PLANC_CACHE_DAYS and keeps under PLANC_CACHE_MAX,
# least recently used first, leaving foreign files and another writer's
# temporary file alone, and never failing a planc that loads an entry
# meanwhile; a schema upgrade of the history keeps a copy of the older
# database first (and refuses to upgrade without one); and the history
# on a file system without flock(2) (NFS without its lock daemon).
#   housekeeping.sh PLANC SOURCE_DIR [TEST_STORE]
# With TEST_STORE (the unit tests of runtime/store.c) it runs them again
# without flock(2) too.
set -u
# one locale whatever the developer's: planc speaks PLANC_LANG's or the
# locale's language (docs/LANGUAGE.md §12), and the expected outputs are
# English unless a command says --lang zh
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE PLANC_LANG PLANC_CACHE_MAX PLANC_CACHE_DAYS
planc=$1; src=$2; unit=${3:-}
tmp=$(mktemp -d); trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
fails=0; n=0
rules=$src/examples/quickstart/rules.plan
data=$src/examples/quickstart/data.csv

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
check() { n=$((n + 1)); if ! eval "$1"; then fail "$2"; fi; }

# variant K: the quickstart rules with a comment of their own, so that
# each compiles to an entry under another key
variant() {
    [ -e "$tmp/v$1.plan" ] || { cat "$rules"; echo "# variant $1"; } >"$tmp/v$1.plan"
    echo "$tmp/v$1.plan"
}
# fake KEYCHAR BYTES AGE: an entry's name (KEYCHAR 64 times) and BYTES
# bytes, last used AGE ago (touch -d); planc ignores its content (never
# looked up) but counts it as an entry
fake() {
    f=$cache/$(printf "%064d" 0 | tr 0 "$1").plo
    head -c "$2" /dev/zero >"$f"
    touch -d "$3" "$f"
}
entries() { ls "$cache" | grep -c '^[0-9a-f]\{64\}\.plo$'; }
# score RULES [ENV...]: a JIT run into $tmp/out.csv, its stderr in $tmp/err
score() {
    r=$1; shift
    env PLANC_CACHE_DIR="$cache" "$@" "$planc" run "$r" --data "$data" --engine jit -o "$tmp/out.csv" \
        2>"$tmp/err"
}

"$planc" run "$rules" --data "$data" --engine interp -o "$tmp/want.csv" 2>/dev/null ||
    fail "the interpreter's results"

# --- age: entries unused for longer than PLANC_CACHE_DAYS (default 30)
# go when a planc stores a new entry; younger ones, files not named as
# entries, and a temporary file a writer may still fill stay; one a
# planc killed by SIGKILL left over a day ago goes
cache=$tmp/cache1; mkdir "$cache"
fake a 1000 "40 days ago"; fake b 1000 "29 days ago"; fake c 1000 "2 hours ago"
echo "not planc's" >"$cache/README"
head -c 1000 /dev/zero >"$cache/$(printf "%064d" 0 | tr 0 d).plo.old"; touch -d "400 days ago" "$cache/$(printf "%064d" 0 | tr 0 d).plo.old"
: >"$cache/.0123456789abcdef.4242.0.tmp"; touch -d "2 days ago" "$cache/.0123456789abcdef.4242.0.tmp"
: >"$cache/.fedcba9876543210.4243.0.tmp"
score "$(variant 1)"; rc=$?
check '[ $rc = 0 ] && [ ! -s "$tmp/err" ]' "age: exit $rc: $(cat "$tmp/err")"
check 'cmp -s "$tmp/out.csv" "$tmp/want.csv"' "age: the results differ"
check '[ ! -e "$cache/$(printf "%064d" 0 | tr 0 a).plo" ]' "age: an entry unused for 40 days stayed"
check '[ -e "$cache/$(printf "%064d" 0 | tr 0 b).plo" ] && [ -e "$cache/$(printf "%064d" 0 | tr 0 c).plo" ]' \
    "age: a younger entry was removed: $(ls -A "$cache")"
check '[ -e "$cache/README" ] && [ -e "$cache/$(printf "%064d" 0 | tr 0 d).plo.old" ]' \
    "age: a file not planc's was removed: $(ls -A "$cache")"
check '[ ! -e "$cache/.0123456789abcdef.4242.0.tmp" ]' "age: a killed writer's temporary file stayed"
check '[ -e "$cache/.fedcba9876543210.4243.0.tmp" ]' "age: a fresh temporary file (a writer's) was removed"
check '[ "$(entries)" = 3 ]' "age: $(entries) entries, not 3 (b, c, the new one): $(ls -A "$cache")"
# PLANC_CACHE_DAYS=20 removes b too; 0 removes none by age
fake e 1000 "100 days ago"
score "$(variant 2)" PLANC_CACHE_DAYS=0
check '[ -e "$cache/$(printf "%064d" 0 | tr 0 e).plo" ]' "PLANC_CACHE_DAYS=0: an old entry was removed"
score "$(variant 3)" PLANC_CACHE_DAYS=20
check '[ ! -e "$cache/$(printf "%064d" 0 | tr 0 e).plo" ] && [ ! -e "$cache/$(printf "%064d" 0 | tr 0 b).plo" ]' \
    "PLANC_CACHE_DAYS=20: entries unused for 29 and 100 days stayed: $(ls -A "$cache")"
check '[ -e "$cache/$(printf "%064d" 0 | tr 0 c).plo" ]' "PLANC_CACHE_DAYS=20: an entry used 2 hours ago was removed"

# --- a hit is a use: an entry scored from keeps its place (its time of
# use, the file's modification time, moves to now)
hit=$(ls -t "$cache"/*.plo | head -n 1)
touch -d "25 days ago" "$hit"
score "$(variant 3)" PLANC_CACHE_DAYS=20
check '[ "$(find "$hit" -mmin -60 | wc -l)" = 1 ]' "a hit did not mark its entry used: $(ls -l "$hit")"
check '[ ! -s "$tmp/err" ] && cmp -s "$tmp/out.csv" "$tmp/want.csv"' "the hit: $(cat "$tmp/err")"

# --- size: PLANC_CACHE_MAX keeps the entries under a size, removing the
# least recently used first; the entry just stored stays
cache=$tmp/cache2; mkdir "$cache"
fake 1 300000 "5 days ago"; fake 2 300000 "4 days ago"; fake 3 300000 "3 days ago"
fake 4 300000 "2 days ago"; fake 5 300000 "1 day ago"
echo "not planc's" >"$cache/notes.txt"
score "$(variant 4)" PLANC_CACHE_MAX=1M; rc=$?
check '[ $rc = 0 ] && [ ! -s "$tmp/err" ]' "size: exit $rc: $(cat "$tmp/err")"
total=$(find "$cache" -name '*.plo' -printf '%s\n' | awk '{ t += $1 } END { print t + 0 }')
check '[ "$total" -le 1048576 ]' "size: the entries take $total bytes, over 1M: $(ls -l "$cache")"
check '[ ! -e "$cache/$(printf "%064d" 0 | tr 0 1).plo" ] && [ ! -e "$cache/$(printf "%064d" 0 | tr 0 2).plo" ]' \
    "size: the least recently used entries stayed: $(ls -A "$cache")"
check '[ -e "$cache/$(printf "%064d" 0 | tr 0 5).plo" ]' "size: the most recently used entry was removed"
check '[ -e "$cache/notes.txt" ]' "size: a file not planc's was removed"
check '[ "$(entries)" = 4 ]' "size: $(entries) entries, not 4 (3, 4, 5, the new one): $(ls -A "$cache")"
# the new entry stays even alone over the bound
score "$(variant 5)" PLANC_CACHE_MAX=1K
check '[ "$(entries)" = 1 ]' "PLANC_CACHE_MAX=1K: $(entries) entries, not the new one alone: $(ls -A "$cache")"
score "$(variant 5)" PLANC_CACHE_MAX=1K
check '[ ! -s "$tmp/err" ] && cmp -s "$tmp/out.csv" "$tmp/want.csv"' "PLANC_CACHE_MAX=1K: the hit: $(cat "$tmp/err")"
# a bad bound: one warning, the default used, the run scores
fake 6 1000 "1 day ago"
score "$(variant 6)" PLANC_CACHE_MAX=lots PLANC_CACHE_DAYS=-1; rc=$?
check '[ $rc = 0 ] && cmp -s "$tmp/out.csv" "$tmp/want.csv"' "a bad bound: exit $rc"
check '[ "$(grep -c "^planc: warning: ignoring PLANC_CACHE_MAX=.lots." "$tmp/err")" = 1 ]' \
    "a bad PLANC_CACHE_MAX: $(cat "$tmp/err")"
check '[ "$(grep -c "^planc: warning: ignoring PLANC_CACHE_DAYS=.-1." "$tmp/err")" = 1 ]' \
    "a bad PLANC_CACHE_DAYS: $(cat "$tmp/err")"
check '[ -e "$cache/$(printf "%064d" 0 | tr 0 6).plo" ]' "a bad bound: the defaults removed a young small entry"

# --- two at once: a planc loading an entry while another, storing one
# with a bound that leaves only its own, removes it.  The reader has the
# file open (then mapped): removing its name harms neither.
cache=$tmp/cache3; mkdir "$cache"
score "$(variant 7)"
k=0
while [ $k -lt 8 ]; do
    k=$((k + 1))
    env PLANC_CACHE_DIR="$cache" "$planc" run "$(variant 7)" --data "$data" --engine jit -o "$tmp/a$k.csv" \
        2>"$tmp/a$k.err" &
    a=$!
    env PLANC_CACHE_DIR="$cache" PLANC_CACHE_MAX=1 "$planc" run "$(variant "1$k")" --data "$data" \
        --engine jit -o "$tmp/b$k.csv" 2>"$tmp/b$k.err" &
    b=$!
    wait $a; ra=$?
    wait $b; rb=$?
    check '[ $ra = 0 ] && [ $rb = 0 ] && [ ! -s "$tmp/a$k.err" ] && [ ! -s "$tmp/b$k.err" ]' \
        "two at once, $k: exits $ra $rb: $(cat "$tmp/a$k.err" "$tmp/b$k.err")"
    check 'cmp -s "$tmp/a$k.csv" "$tmp/want.csv" && cmp -s "$tmp/b$k.csv" "$tmp/want.csv"' \
        "two at once, $k: the results differ"
done
check '[ "$(ls -A "$cache" | grep -vc "\.plo$")" = 0 ]' "two at once: files left: $(ls -A "$cache")"

# --- the history's schema upgrade keeps a copy of the older database
# first: DB.schema-VER.bak beside it (another name when that one is
# taken), said once on stderr; without a copy, no upgrade (exit 5, the
# database as it was).  An older database as tests/history.sh makes one:
# version 8 had no reading_texts.
if command -v sqlite3 >/dev/null; then
    mkdir "$tmp/up"
    "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/up/v8.db" -o /dev/null 2>/dev/null
    sqlite3 "$tmp/up/v8.db" "DROP TABLE reading_texts; PRAGMA user_version = 8;"
    chmod 600 "$tmp/up/v8.db"
    cp "$tmp/up/v8.db" "$tmp/up/h.db"
    "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/up/h.db" -o /dev/null 2>"$tmp/err"; rc=$?
    check '[ $rc = 0 ]' "upgrade: exit $rc: $(cat "$tmp/err")"
    check '[ "$(cat "$tmp/err")" = "planc: note: $tmp/up/h.db: its schema is upgraded from version 8 to 9; the database as it was is kept in '"'"'$tmp/up/h.db.schema-8.bak'"'"' (for an older planc; remove it when no longer needed)" ]' \
        "upgrade: the note: $(cat "$tmp/err")"
    check '[ "$(sqlite3 "$tmp/up/h.db.schema-8.bak" "PRAGMA user_version")" = 8 ]' "upgrade: the copy is not of version 8"
    check '[ "$(sqlite3 "$tmp/up/h.db" "PRAGMA user_version")" = 9 ]' "upgrade: the database is not of version 9"
    check '[ "$("$planc" history "$tmp/up/h.db.schema-8.bak" | tail -n +2 | wc -l)" = 1 ]' \
        "upgrade: the copy's runs: $("$planc" history "$tmp/up/h.db.schema-8.bak" 2>&1)"
    check '[ "$("$planc" history "$tmp/up/h.db" | tail -n +2 | wc -l)" = 2 ]' "upgrade: the upgraded database's runs"
    check '[ "$(stat -c %a "$tmp/up/h.db.schema-8.bak")" = 600 ]' \
        "upgrade: the copy of a private database is mode $(stat -c %a "$tmp/up/h.db.schema-8.bak")"
    check '[ "$(ls -A "$tmp/up" | tr "\n" " ")" = "h.db h.db.schema-8.bak v8.db " ]' "upgrade: files left: $(ls -A "$tmp/up")"
    # the copy is made with the database's permissions, not widened after:
    # SQLite made it 0644 less the umask, readable by anyone while it was
    # written, and for good where the chmod after failed (a chmod that
    # always fails put in front of the C library's)
    if command -v cc >/dev/null 2>&1; then
        printf '%s\n' '#include <errno.h>' '#include <sys/stat.h>' \
            'int chmod(const char *p, mode_t m) { (void)p; (void)m; errno = EPERM; return -1; }' \
            'int fchmod(int fd, mode_t m) { (void)fd; (void)m; errno = EPERM; return -1; }' >"$tmp/nochmod.c"
        if cc -shared -fPIC -o "$tmp/nochmod.so" "$tmp/nochmod.c"; then
            asan=$(ldd "$planc" 2>/dev/null | awk '/libasan/ { print $3; exit }')
            preload="$tmp/nochmod.so"; [ -z "$asan" ] || preload="$asan:$preload"
            cp "$tmp/up/v8.db" "$tmp/up/m.db"
            (umask 022; LD_PRELOAD="$preload" "$planc" run --engine interp "$rules" --data "$data" \
                --store "$tmp/up/m.db" -o /dev/null) 2>"$tmp/err"
            check '[ "$(stat -c %a "$tmp/up/m.db.schema-8.bak")" = 600 ]' \
                "upgrade, no chmod: the copy of a private database is mode $(stat -c %a "$tmp/up/m.db.schema-8.bak"): $(cat "$tmp/err")"
            rm -f "$tmp/up/m.db" "$tmp/up/m.db.schema-8.bak"
        fi
    fi
    "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/up/h.db" -o /dev/null 2>"$tmp/err"; rc=$?
    check '[ $rc = 0 ] && [ ! -s "$tmp/err" ]' "after the upgrade: exit $rc, $(cat "$tmp/err")"
    check '[ "$(ls -A "$tmp/up" | tr "\n" " ")" = "h.db h.db.schema-8.bak v8.db " ]' \
        "after the upgrade: files left: $(ls -A "$tmp/up")"
    # in Chinese
    cp "$tmp/up/v8.db" "$tmp/up/z.db"
    "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/up/z.db" -o /dev/null --lang zh 2>"$tmp/err"
    check 'grep -q "^planc: 附注：.*z.db：其数据库结构已从第8版升级到第9版" "$tmp/err"' "upgrade, --lang zh: $(cat "$tmp/err")"
    # a copy of that name is there (an earlier upgrade's, the
    # administrator's): kept, and the copy named another way
    cp "$tmp/up/v8.db" "$tmp/up/k.db"; echo mine >"$tmp/up/k.db.schema-8.bak"
    "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/up/k.db" -o /dev/null 2>"$tmp/err"; rc=$?
    check '[ $rc = 0 ] && [ "$(cat "$tmp/up/k.db.schema-8.bak")" = mine ]' "upgrade, a copy there: $rc, $(cat "$tmp/err")"
    check '[ "$(sqlite3 "$tmp/up/k.db.schema-8.2.bak" "PRAGMA user_version")" = 8 ]' \
        "upgrade, a copy there: no second copy: $(ls -A "$tmp/up")"
    # no copy can be made (every name taken; the same as a directory planc
    # may not write or a full disk): no upgrade, exit 5, the database as
    # it was, and no run recorded
    cp "$tmp/up/v8.db" "$tmp/up/n.db"
    : >"$tmp/up/n.db.schema-8.bak"
    i=2; while [ $i -lt 100 ]; do : >"$tmp/up/n.db.schema-8.$i.bak"; i=$((i + 1)); done
    "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/up/n.db" -o "$tmp/up/n.csv" 2>"$tmp/err"; rc=$?
    check '[ $rc = 5 ]' "no copy: exit $rc, expected 5: $(cat "$tmp/err")"
    check 'grep -q "^planc: error: $tmp/up/n.db: not upgraded from schema version 8 to 9: cannot keep a copy of it first in " "$tmp/err"' \
        "no copy: the message: $(cat "$tmp/err")"
    check '[ ! -e "$tmp/up/n.csv" ] && cmp -s "$tmp/up/n.db" "$tmp/up/v8.db"' "no copy: the database or the output changed"
    check '[ ! -s "$tmp/up/n.db.schema-8.bak" ]' "no copy: a copy's name taken was written"
    # a reader upgrades nothing and copies nothing
    cp "$tmp/up/v8.db" "$tmp/up/r.db"
    "$planc" history "$tmp/up/r.db" >/dev/null 2>"$tmp/err"
    check '[ ! -s "$tmp/err" ] && [ ! -e "$tmp/up/r.db.schema-8.bak" ]' "history of an older database: $(cat "$tmp/err")"
    # a database named 'file:...' (a relative name): SQLite, built to read
    # URI file names as Debian's is, took it for a URI: planc recorded into
    # 'u.db' and said the copy was in a file that was not there
    mkdir "$tmp/upf"; cp "$tmp/up/v8.db" "$tmp/upf/file:u.db"
    (cd "$tmp/upf" && "$planc" run --engine interp "$rules" --data "$data" --store file:u.db -o /dev/null) 2>"$tmp/err"; rc=$?
    check '[ $rc = 0 ] && grep -q "kept in '"'"'file:u.db.schema-8.bak'"'"'" "$tmp/err"' "upgrade of file:u.db: exit $rc, $(cat "$tmp/err")"
    check '[ "$(ls -A "$tmp/upf" | tr "\n" " ")" = "file:u.db file:u.db.schema-8.bak " ]' "upgrade of file:u.db: files: $(ls -A "$tmp/upf")"
    check '[ "$(sqlite3 "$tmp/upf/file:u.db.schema-8.bak" "PRAGMA user_version")" = 8 ]' "upgrade of file:u.db: the copy is not of version 8"
    check '[ "$(cd "$tmp/upf" && "$planc" history file:u.db | tail -n +2 | wc -l)" = 2 ]' "upgrade of file:u.db: its runs"
    # and a new one of that name, made and then recorded into again
    (cd "$tmp/upf" && "$planc" run --engine interp "$rules" --data "$data" --store file:n.db -o /dev/null &&
        "$planc" run --engine interp "$rules" --data "$data" --store file:n.db -o /dev/null) 2>"$tmp/err"; rc=$?
    check '[ $rc = 0 ] && [ ! -e "$tmp/upf/n.db" ] && [ "$(cd "$tmp/upf" && "$planc" history file:n.db | tail -n +2 | wc -l)" = 2 ]' \
        "a new file:n.db: exit $rc, $(cat "$tmp/err"), files: $(ls -A "$tmp/upf")"
    # three writers at once: one upgrades, and keeps one copy
    mkdir "$tmp/up3"; cp "$tmp/up/v8.db" "$tmp/up3/h.db"
    for w in 1 2 3; do
        "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/up3/h.db" -o /dev/null 2>"$tmp/up3/w$w.err" &
    done
    wait
    check '[ "$(cat "$tmp"/up3/w?.err | grep -c "^planc: note: .*schema is upgraded")" = 1 ]' \
        "three writers: the note: $(cat "$tmp"/up3/w?.err)"
    check '[ "$(ls "$tmp/up3" | grep -c "\.bak$")" = 1 ] && [ "$("$planc" history "$tmp/up3/h.db" | tail -n +2 | wc -l)" = 4 ]' \
        "three writers: $(ls "$tmp/up3")"
else
    echo "note: sqlite3 is absent; the schema upgrade's copy is not checked"
fi

# --- the history on a file system without flock(2) (NFS without its lock
# daemon: ENOLCK), a flock that always fails put in front of the C
# library's (LD_PRELOAD), as tests/unattended.sh does for -o: a new
# database, writers at once, an upgrade, the readers; and the store's
# unit tests (runs in pieces, a killed writer's run) under it too.
. "$src/tests/nolock.sh"
if preload=$(nolock_preload "$tmp" "$planc"); then
    nfs=$tmp/nfs; mkdir "$nfs"
    LD_PRELOAD=$preload "$planc" run --engine interp "$rules" --data "$data" --store "$nfs/h.db" -o /dev/null \
        2>"$tmp/err"; rc=$?
    check '[ $rc = 0 ] && [ ! -s "$tmp/err" ]' "no flock, a new database: exit $rc: $(cat "$tmp/err")"
    for w in 1 2 3 4; do
        LD_PRELOAD=$preload "$planc" run --engine interp "$rules" --data "$data" --store "$nfs/h.db" \
            -o "$nfs/r$w.csv" 2>"$nfs/w$w.err" &
    done
    wait
    check '[ -z "$(cat "$nfs"/w?.err)" ]' "no flock, writers at once: $(cat "$nfs"/w?.err)"
    check '[ "$(LD_PRELOAD=$preload "$planc" history "$nfs/h.db" | tail -n +2 | wc -l)" = 5 ]' \
        "no flock, writers at once: runs lost: $(LD_PRELOAD=$preload "$planc" history "$nfs/h.db" 2>&1)"
    check 'cmp -s "$nfs/r4.csv" "$tmp/want.csv"' "no flock: the results differ"
    LD_PRELOAD=$preload "$planc" compare "$nfs/h.db" last~1 last >"$tmp/out" 2>"$tmp/err"; rc=$?
    check '[ $rc = 0 ] && [ ! -s "$tmp/err" ]' "no flock, compare: exit $rc: $(cat "$tmp/err")"
    LD_PRELOAD=$preload "$planc" verify "$nfs/h.db" last "$rules" --data "$data" >"$tmp/out" 2>"$tmp/err"; rc=$?
    check '[ $rc = 0 ] && [ ! -s "$tmp/err" ]' "no flock, verify: exit $rc: $(cat "$tmp/err")"
    check '[ "$(ls -A "$nfs" | grep -v "^r[0-9].csv$\|^w[0-9].err$" | tr "\n" " ")" = "h.db " ]' \
        "no flock: files left: $(ls -A "$nfs")"
    if command -v sqlite3 >/dev/null; then
        cp "$tmp/up/v8.db" "$nfs/old.db"
        LD_PRELOAD=$preload "$planc" run --engine interp "$rules" --data "$data" --store "$nfs/old.db" -o /dev/null \
            2>"$tmp/err"; rc=$?
        check '[ $rc = 0 ] && grep -q "^planc: note: .*schema is upgraded" "$tmp/err" && [ -e "$nfs/old.db.schema-8.bak" ]' \
            "no flock, an upgrade: exit $rc: $(cat "$tmp/err")"
    fi
    if [ -n "$unit" ]; then
        LD_PRELOAD=$preload CK_FORK=yes "$unit" >"$tmp/out" 2>&1; rc=$?
        check '[ $rc = 0 ]' "no flock, the store's unit tests: exit $rc: $(grep -v "^Running\|^100%" "$tmp/out" | head -20)"
    fi
fi

echo "$n checks, $fails failed"
[ "$fails" -eq 0 ]
