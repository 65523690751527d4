/* import.c — the loader: modules, `import` and `extends` (see import.h).
 *
 * Two passes:
 *   1. load: starting from the file given on the command line, parse each
 *      file and follow its `import` and `extends` statements depth first.
 *      A file is identified by its real path, so one file reached by two
 *      paths is loaded once; a file reached while it is still being loaded
 *      closes a cycle.  Every path is checked against the rules tree.
 *   2. emit: build the program's declaration list.  An import puts the
 *      imported module's declarations in place (once); a module that
 *      extends a base first emits the base, then its own declarations, then
 *      applies its `drop` and `override` statements to the base's items
 *      and rewrites the base's references to regions it dropped or
 *      replaced.  Each change is recorded as an ast_origin.
 * The loader changes the base's AST in place where it can (a measure's
 * lists, a section's measures): every file is parsed for this compilation
 * only.  It makes new nodes where the checker needs the old one too (an
 * overridden target or indicator keeps a link to the base's). */
#include "import.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "csv.h"
#include "fileio.h"
#include "msgcat.h"
#include "parse.h"
#include "places.h"

/* ---------------------------------------------------------------- state */

/* One loaded file. */
typedef struct mod {
    const char *path;       /* as shown in messages */
    const char *real;       /* its real path: the file's identity */
    const char *realdir;    /* the directory of `real`: imports are relative to it */
    uint32_t file;          /* diag file id */
    ast_program *ast;       /* the file as parsed */
    int state;              /* 1 while its imports are being loaded, then 2 */
    int32_t *target;        /* per declaration: the module an import or extends
                               statement loaded, -1 for none */
    ptrvec imports;         /* ast_import *, in source order */
    int32_t base;           /* the module its plan extends, or -1 */
    bool plan_lost;         /* a `plan` was written, a syntax error threw it
                               away (reported): it may have extended a base */
    const ast_decl *plan;   /* its plan that extends the base */
    uint32_t depth;         /* how many imports down from the first file */
} mod;

/* An item of a base program, found by name when an extending file drops
 * or overrides it. */
typedef struct item {
    ast_itemkind kind;
    const char *name;
    span sp;                /* the base's declaration */
    ast_target *t;          /* IT_TARGET */
    ast_measure *me;        /* IT_TARGET: its measure; IT_MEASURE: the measure */
    ast_section *sec;       /* IT_MEASURE: its section; IT_SECTION: the section */
    uint32_t slot;          /* IT_SECTION, IT_INDICATOR, IT_REGION, IT_AGENCY: index into the program;
                               IT_TARGET, IT_MEASURE: index in its measure or section
                               (which keep dropped entries as NULL until compact()) */
    bool dropped;
    const char *replaced_by;/* IT_REGION, IT_AGENCY: the region or agency that replaces it;
                               IT_REGION renamed by `override region OLD as NEW`: NEW */
    const ast_decl *over;   /* IT_REGION: the D_REGION of its `override region` (what it
                               gives: fix_regions makes the region of it), or NULL */
    ast_decl *replacer;     /* IT_REGION, IT_AGENCY: the declaration of that region or agency */
    uint32_t uses;          /* IT_AGENCY: the base's measures whose lists named it */
    uint32_t in_measures;   /* IT_AGENCY: the base's measures whose lists name it,
                               as the base declares them (index_base) */
    ptrvec lead_uses;       /* IT_AGENCY, dropped: the base's lead and shared lists
                               that still name it (agency_use *) */
    const ast_measure *counted; /* IT_AGENCY: the last measure counted in `uses` */
    span drop_sp;           /* where it was dropped or replaced */
    span kept;              /* its name in a `keep` of this file (hi 0: none) */
    const ast_origin *edit; /* the first drop or override of it, or NULL */
    const ast_decl *move;   /* IT_TARGET: the `override target X in (ID)` that moves it to
                               another measure (move_targets, after the other edits), or NULL */
    const ast_measure *from;/* IT_TARGET: the base measure move_targets took it out of, or NULL
                               (warn_left_empty: the move that left that measure empty) */
} item;

/* Where a base measure's lead (or shared) list names a dropped agency. */
typedef struct agency_use {
    span sp;
    const char *measure;    /* "measure (九)", as rules text writes it */
    const char *shown;      /* the same in the reader's language (措施（九）) */
    bool shared;            /* in its `shared` list */
} agency_use;

/* Names to items, with the items in the order they were added (arena.h). */
typedef namemap ntab;

/* The items of a base program, by kind. */
typedef struct baseidx {
    ntab targets, measures, sections, regions, inds, agencies;
    int64_t assess_slot;    /* index of the base's assessment, -1 for none */
    const ast_origin *assess_edit; /* its first drop or override */
    ntab own_regions;       /* the regions the extending file declares */
    namemap renamed;        /* the new names the extending file gives base
                               targets (`override target OLD as NEW`) -> item */
    namemap region_renamed; /* the same for regions (`override region OLD as NEW`) */
    namemap ind_renamed;    /* the same for indicators (`override indicator OLD as NEW`) */
} baseidx;

/* The loader's state. */
typedef struct loader {
    arena *a;
    diag_ctx *d;
    const char *root;       /* the real path of the rules tree */
    const char *root_shown; /* the rules tree as the user gave it */
    bool root_given;        /* given with --root (not the file's directory) */
    ptrvec mods;            /* mod * */
    uint32_t stack[IMPORT_MAX_DEPTH + 2];
    uint32_t nstack;        /* modules being loaded, outermost first */
    bool too_many;          /* IMPORT_MAX_FILES was reported */
    bool incomplete;        /* a file could not be loaded */
    bool syntax_errors;     /* a file had lexical or syntax errors */
    bool *included;         /* per module: its declarations are in `out` */
    bool *inbase;           /* while applying edits: modules of the base */
    int32_t *file_module;   /* per diag file id: its module, -1 for none */
    ptrvec out;             /* ast_decl *: the program being built */
    ptrvec rescopes;        /* const ast_decl *: the `override targets` that scoped a target */
    ptrvec edits;           /* ast_origin *, in order */
} loader;

/* The text of an English format or word in the reader's language
 * (msgcat.h), for the pieces a message is built from. */
static const char *tr(const loader *L, const char *en) __attribute__((format_arg(2)));
static const char *tr(const loader *L, const char *en)
{
    return msgcat_get(L->d->lang, en);
}

/* Module i. */
static mod *M(loader *L, uint32_t i)
{
    return L->mods.v[i];
}

/* ---------------------------------------------------------------- names */

/* The item called `name`, or NULL. */
static item *ntab_find(const ntab *t, const char *name)
{
    return namemap_get(t, name);
}

/* Adds an item (the first of a name wins: the checker reports duplicates). */
static void ntab_add(arena *a, ntab *t, item *it)
{
    if (it->name)
        namemap_put(a, t, it->name, it);
}

/* "note: did you mean 'x'?" for the names of t nearest to `name`
 * (diag_hint_nearest, the search of every did-you-mean); for a section's or a
 * measure's title or a region's alias, whose it is.  `move`: the name was
 * written where a target moves to (`in (ID)`), which the title's note
 * then shows. */
static void suggest(loader *L, const ntab *t, const char *name, bool move)
{
    /* a section's or a measure's title where its id goes ('keep section
     * 污染防治' for section 一 "污染防治"), said as the checker says it */
    for (size_t i = 0; i < t->order.n; i++) {
        const item *it = t->order.v[i];
        if (it->kind == IT_SECTION && it->sec && it->sec->title && strcmp(it->sec->title, name) == 0) {
            diag_hint(L->d, "'%s' is the title of section '%s'; a section is named by its id: 'section %s'", name,
                      it->name, it->name);
            return;
        }
        if (it->kind == IT_MEASURE && it->me && it->me->title && strcmp(it->me->title, name) == 0) {
            if (move)
                diag_hint(L->d, "'%s' is the title of measure (%s); a target moves to a measure by its clause "
                                "id: 'in (%s)'", name, it->name, it->name);
            else
                diag_hint(L->d, "'%s' is the title of measure (%s); a measure is named by its clause id: "
                                "'measure (%s)'", name, it->name, it->name);
            return;
        }
        /* a region's alias, a spelling of the data ('keep region Jiasheng') */
        const ast_decl *d = it->kind == IT_REGION && it->slot < L->out.n ? L->out.v[it->slot] : NULL;
        for (uint32_t k = 0; d && d->kind == D_REGION && d->u.region.names.n == 1 && k < d->u.region.naliases; k++)
            if (strcmp(d->u.region.aliases[k], name) == 0) {
                diag_hint(L->d, "'%s' is an alias of region '%s', a spelling the data may use; the rules name it "
                                "'%s'", name, it->name, it->name);
                return;
            }
    }
    const char **names = arena_alloc(L->a, (t->order.n ? t->order.n : 1) * sizeof *names);
    for (size_t i = 0; i < t->order.n; i++)
        names[i] = ((const item *)t->order.v[i])->name;
    diag_hint_nearest(L->d, name, names, NULL, t->order.n, 1);
}

/* The name a target goes by: its own, or its single indicator's. */
static const char *target_name(const ast_target *t)
{
    if (t->name.s)
        return t->name.s;
    if (t->measured && t->measured->kind == EX_NAME)
        return t->measured->u.name.s;
    return NULL;
}

/* ---------------------------------------------------------------- paths */

/* The directory part of a path: "a/b" for "a/b/c.plan", "." for "c.plan",
 * "/" for "/c.plan". */
static const char *dir_of(arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return ".";
    if (slash == path)
        return "/";
    return arena_strndup(a, path, (size_t)(slash - path));
}

/* dir/rel with "." parts removed and "x/.." parts folded, as shown in
 * messages (the file is opened by its real path, not this one). */
static const char *join_shown(arena *a, const char *dir, const char *rel)
{
    char *all = arena_printf(a, "%s/%s", dir, rel);
    bool absolute = all[0] == '/';
    size_t n = strlen(all);
    const char **parts = arena_alloc(a, (n + 1) * sizeof *parts);
    size_t np = 0;
    for (char *p = all; *p;) {
        char *end = strchr(p, '/');
        if (end)
            *end = '\0';
        if (*p == '\0' || strcmp(p, ".") == 0) {
            /* nothing */
        } else if (strcmp(p, "..") == 0 && np > 0 && strcmp(parts[np - 1], "..") != 0) {
            np--;
        } else if (!(strcmp(p, "..") == 0 && absolute)) {
            parts[np++] = p;
        }
        if (!end)
            break;
        p = end + 1;
    }
    char *out = arena_alloc(a, n + 3);
    size_t k = 0;
    if (absolute)
        out[k++] = '/';
    for (size_t i = 0; i < np; i++) {
        if (i)
            out[k++] = '/';
        size_t l = strlen(parts[i]);
        memcpy(out + k, parts[i], l);
        k += l;
    }
    if (k == 0)
        out[k++] = '.';
    out[k] = '\0';
    return out;
}

/* The qualifier a module gets when imported without `as`: its file name
 * without the directory and ".plan", every ASCII character other than a
 * letter, digit or '_' turned into '_' (beautiful-liaoning.plan is
 * beautiful_liaoning). */
static const char *stem_qualifier(arena *a, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 5 && strcmp(base + n - 5, ".plan") == 0)
        n -= 5;
    char *q = arena_alloc(a, n + 2);
    size_t k = 0;
    if (n == 0 || (base[0] >= '0' && base[0] <= '9'))
        q[k++] = '_';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)base[i];
        bool keep = c >= 0x80 || c == '_' || (c >= '0' && c <= '9') ||
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        q[k++] = keep ? (char)c : '_';
    }
    q[k] = '\0';
    return q;
}

/* Why a file cannot be read, in the messages' language (msgcat.h): a
 * missing one, a directory, a denied one as every command says it of
 * the rules or data it is given (msgcat_file_error: "No such file or
 * directory"); a path through a file, and the loader's size limit, in
 * words of its own. */
static const char *why(const loader *L, int err)
{
    switch (err) {
    case ENOTDIR: return tr(L, "No such file or directory (a part of the path is not a directory)");
    case EFBIG: return tr(L, "larger than 256 MiB");
    default: return msgcat_file_error(L->d->lang, err);
    }
}

/* True when the real path `real` is inside the directory `root`. */
static bool inside(const char *root, const char *real)
{
    size_t n = strlen(root);
    if (n == 1 && root[0] == '/')
        return real[0] == '/';
    return strncmp(real, root, n) == 0 && real[n] == '/';
}

/* ---------------------------------------------------------------- pass 1: load */

static void load_imports(loader *L, uint32_t mi);

/* A new module for a file already registered with the diag context:
 * parses it. */
static uint32_t new_module(loader *L, const char *shown, const char *real, uint32_t file,
                           uint32_t depth)
{
    mod *m = arena_alloc(L->a, sizeof *m);
    m->path = shown;
    m->real = real;
    m->realdir = dir_of(L->a, real);
    m->file = file;
    m->base = -1;
    m->depth = depth;
    int before = L->d->nerrors;
    m->ast = parse_file(L->a, L->d, (int)file);
    if (L->d->nerrors > before)
        L->syntax_errors = true;
    m->target = arena_alloc(L->a, (m->ast->ndecls + 1) * sizeof *m->target);
    for (uint32_t i = 0; i < m->ast->ndecls; i++)
        m->target[i] = -1;
    ptrvec_push(L->a, &L->mods, m);
    return (uint32_t)(L->mods.n - 1);
}

/* "a.plan -> b.plan -> a.plan": the modules being loaded from `from` on,
 * then `to`. */
static const char *chain(loader *L, uint32_t from, uint32_t to)
{
    const char *s = NULL;
    for (uint32_t k = from; k < L->nstack; k++)
        s = s ? arena_printf(L->a, "%s -> %s", s, M(L, L->stack[k])->path) : M(L, L->stack[k])->path;
    return arena_printf(L->a, "%s -> %s", s ? s : "", M(L, to)->path);
}

/* path in quotes for messages, control characters escaped (\n, \xNN),
 * so that a rules file cannot write lines of its own into planc's
 * output. */
static const char *quoted_path(loader *L, const char *path)
{
    size_t n = strlen(path);
    char *out = arena_alloc(L->a, 4 * n + 3), *o = out;
    *o++ = '"';
    for (const unsigned char *c = (const unsigned char *)path; *c; c++) {
        if (*c == '\n' || *c == '\r' || *c == '\t')
            o += sprintf(o, "\\%c", *c == '\n' ? 'n' : *c == '\r' ? 'r' : 't');
        else if (*c < 0x20 || *c == 0x7f)
            o += sprintf(o, "\\x%02X", *c);
        else
            *o++ = (char)*c;
    }
    *o++ = '"';
    *o = '\0';
    return out;
}

/* The nearest directory that holds both directories a and b, as shown
 * in messages (join_shown's form: relative ones folded, perhaps starting
 * with ".."): "rules" for rules/examples and rules/liaoning, ".." for .
 * and ../liaoning.  It is the --root that reads a base outside the rules
 * tree, for the note that says so; a link on the way may make it another
 * directory, which the message then says. */
static const char *common_dir(arena *A, const char *a, const char *b)
{
    a = join_shown(A, a, ".");
    b = join_shown(A, b, ".");
    if ((a[0] == '/') != (b[0] == '/'))
        return NULL;
    /* the leading ".." of each: with more on one side, those alone */
    size_t ua = 0, ub = 0;
    while (strncmp(a + 3 * ua, "..", 2) == 0 && (a[3 * ua + 2] == '/' || a[3 * ua + 2] == '\0'))
        ua++;
    while (strncmp(b + 3 * ub, "..", 2) == 0 && (b[3 * ub + 2] == '/' || b[3 * ub + 2] == '\0'))
        ub++;
    if (ua != ub) /* "../.." for two, the longer run's own start */
        return arena_strndup(A, ua > ub ? a : b, 3 * (ua > ub ? ua : ub) - 1);
    /* the longest run of whole components the two begin with */
    size_t end = 0;
    for (size_t i = 0;; i++) {
        bool a_end = a[i] == '\0' || a[i] == '/', b_end = b[i] == '\0' || b[i] == '/';
        if (a_end && b_end && i > 0)
            end = i;
        if (a[i] != b[i] || a[i] == '\0')
            break;
    }
    if (end == 0 || strcmp(a, ".") == 0 || strcmp(b, ".") == 0)
        return a[0] == '/' ? "/" : ".";
    return arena_strndup(A, a, end);
}

/* One `import "path"` (or `extends "path"`) statement of module mi:
 * resolves and loads the file, records the edge.  Returns the module, or
 * -1 after reporting why not. */
static int32_t import_one(loader *L, uint32_t mi, const char *path, span path_sp)
{
    mod *m = M(L, mi);
    const char *what = quoted_path(L, path);
    if (path[0] == '\0') {
        diag_error(L->d, path_sp, "empty import path");
        return -1;
    }
    if (path[0] == '/') {
        diag_error(L->d, path_sp, "cannot import %s: an import path is relative to the importing file", what);
        return -1;
    }
    const char *joined = arena_printf(L->a, "%s/%s", m->realdir, path);
    const char *shown = join_shown(L->a, dir_of(L->a, m->path), path);
    char buf[PATH_MAX];
    if (!realpath(joined, buf)) {
        diag_error(L->d, path_sp, "cannot import %s: %s", what, why(L, errno));
        return -1;
    }
    if (strcmp(buf, L->root) == 0) { /* `import "."`: the tree's own directory */
        diag_error(L->d, path_sp, "cannot import %s: %s", what, msgcat_file_error(L->d->lang, EISDIR));
        return -1;
    }
    if (!inside(L->root, buf)) {
        /* the path, read without following links, is in the tree: a
         * symbolic link on it leads out, which the message must say, or
         * 'rules/liaoning/x.plan is outside the rules tree rules' */
        if (inside(L->root, join_shown(L->a, m->realdir, path))) {
            diag_error(L->d, path_sp, "cannot import %s: it is outside the rules tree '%s': a symbolic link "
                       "on its path leads to '%s'", what, L->root_shown, buf);
            diag_hint(L->d, "rules are read only from the rules tree, after resolving symbolic links; "
                            "give a tree that holds the file the link leads to with --root DIR, or copy "
                            "the files into the tree");
        } else {
            diag_error(L->d, path_sp, "cannot import %s: it is outside the rules tree '%s'", what, L->root_shown);
            diag_hint(L->d, "rules are read only from the directory of the file given on the command line "
                            "and below it; give another tree with --root DIR");
            const char *both = common_dir(L->a, L->root_shown, dir_of(L->a, shown));
            if (both) {
                char *q = csv_shell_path(both);
                diag_hint(L->d, "'%s' holds both files: --root %s", both, q);
                free(q);
            }
        }
        return -1;
    }
    /* loaded already (by another path, perhaps) or being loaded */
    for (uint32_t k = 0; k < L->mods.n; k++) {
        if (strcmp(M(L, k)->real, buf) != 0)
            continue;
        if (M(L, k)->state == 1) {
            uint32_t from = 0;
            while (from < L->nstack && L->stack[from] != k)
                from++;
            diag_error(L->d, path_sp, "import cycle: %s", chain(L, from, k));
            return -1;
        }
        return (int32_t)k;
    }
    if (m->depth + 1 > IMPORT_MAX_DEPTH) {
        diag_error(L->d, path_sp, "cannot import %s: imports are nested deeper than %d files", what,
                   IMPORT_MAX_DEPTH);
        return -1;
    }
    if (L->mods.n >= IMPORT_MAX_FILES) {
        if (!L->too_many)
            diag_error(L->d, path_sp, "cannot import %s: a program may have at most %d files", what,
                       IMPORT_MAX_FILES);
        L->too_many = true;
        return -1;
    }
    /* a FIFO would block the open until something writes to it, and a
     * device may never end: an import reads regular files only */
    struct stat st;
    if (stat(buf, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        diag_error(L->d, path_sp, "cannot import %s: it is not a regular file (a FIFO, a device or a socket)",
                   what);
        return -1;
    }
    size_t len = 0;
    char *text = fio_read_file(buf, FIO_MAX_FILE_BYTES, &len);
    if (!text && errno == ENOMEM) {
        fputs(msgcat_tr("planc: error: out of memory\n"), stderr);
        exit(4);
    }
    if (!text) {
        diag_error(L->d, path_sp, "cannot import %s: %s", what, why(L, errno));
        return -1;
    }
    int file = diag_add_text(L->d, shown, text, len);
    free(text);
    if (file < 0)
        return -1;
    L->d->files[file].imported = true;
    uint32_t ni = new_module(L, shown, arena_strdup(L->a, buf), (uint32_t)file, m->depth + 1);
    load_imports(L, ni);
    return (int32_t)ni;
}

/* Records that module mi imports module ti (written `path`) under the
 * qualifier `as`, or the file name of the path; two different modules
 * under one qualifier is an error. */
static void add_edge(loader *L, uint32_t mi, uint32_t ti, const char *path, ast_name as, span sp)
{
    mod *m = M(L, mi);
    const char *q = as.s ? as.s : stem_qualifier(L->a, path);
    for (size_t k = 0; k < m->imports.n; k++) {
        const ast_import *im = m->imports.v[k];
        if (strcmp(im->as, q) != 0)
            continue;
        if (im->module == ti)
            return;
        diag_error(L->d, as.s ? as.sp : sp, "two imports of this file are both called '%s'", q);
        diag_note(L->d, im->sp, "the other one is here");
        diag_hint(L->d, "give one of them another name with 'as NAME'");
        return;
    }
    ast_import *im = arena_alloc(L->a, sizeof *im);
    im->module = ti;
    im->as = q;
    im->sp = sp;
    ptrvec_push(L->a, &m->imports, im);
}

/* Follows every import and extends statement of module mi, in order. */
static void load_imports(loader *L, uint32_t mi)
{
    M(L, mi)->state = 1;
    L->stack[L->nstack++] = mi;
    const ast_program *p = M(L, mi)->ast;
    for (uint32_t i = 0; i < p->ndecls; i++) {
        const ast_decl *d = p->decls[i];
        int32_t t = -1;
        if (d->kind == D_IMPORT) {
            t = import_one(L, mi, d->u.import.path, d->u.import.path_sp);
            if (t >= 0)
                add_edge(L, mi, (uint32_t)t, d->u.import.path, d->u.import.as, d->sp);
        } else if (d->kind == D_PLAN && d->u.plan.extends) {
            mod *m = M(L, mi);
            if (m->plan)
                continue; /* a second plan: the checker reports it, once ("a program has
                             exactly one plan"), and its base is not loaded */
            m->plan = d;
            t = import_one(L, mi, d->u.plan.extends, d->u.plan.extends_sp);
            if (t >= 0) {
                m->base = t;
                add_edge(L, mi, (uint32_t)t, d->u.plan.extends, d->u.plan.extends_as, d->u.plan.extends_sp);
            }
        }
        M(L, mi)->target[i] = t;
        if (t < 0 && (d->kind == D_IMPORT || (d->kind == D_PLAN && M(L, mi)->plan == d)))
            L->incomplete = true;
    }
    /* a plan a syntax error threw away (reported) may have extended a
     * base: what the file names of it is not undefined one by one, as
     * of a base that could not be loaded */
    bool has_plan = false;
    for (uint32_t i = 0; i < p->ndecls && !has_plan; i++)
        has_plan = p->decls[i]->kind == D_PLAN;
    if (p->plan_written && !has_plan)
        L->incomplete = M(L, mi)->plan_lost = true;
    L->nstack--;
    M(L, mi)->state = 2;
}

/* Marks every module reachable from mi in reach[] (not mi itself, unless a
 * cycle leads back to it; cycles were refused, so none does). */
static void mark_reach(loader *L, uint32_t mi, bool *reach)
{
    const mod *m = M(L, mi);
    for (size_t k = 0; k < m->imports.n; k++) {
        uint32_t t = ((const ast_import *)m->imports.v[k])->module;
        if (!reach[t]) {
            reach[t] = true;
            mark_reach(L, t, reach);
        }
    }
}

/* ---------------------------------------------------------------- origins */

/* "path:line" of a span's start. */
static const char *where(loader *L, span sp)
{
    return arena_printf(L->a, "%s:%u", L->d->files[sp.file].name, diag_line(L->d, sp.file, sp.lo));
}

/* A new trace, recorded in the program's edit list. */
static ast_origin *origin(loader *L, ast_originkind kind, ast_itemkind it, const char *name,
                          const char *what, const char *clause, span base, span edit)
{
    ast_origin *o = arena_alloc(L->a, sizeof *o);
    o->kind = kind;
    o->item = it;
    o->name = name;
    o->what = what;
    o->clause = clause;
    o->base = base;
    o->edit = edit;
    o->base_at = base.hi ? where(L, base) : NULL;
    o->edit_at = where(L, edit);
    o->what_zh = import_item_shown(L->a, LBL_ZH, it, name ? name : "?");
    ptrvec_push(L->a, &L->edits, o);
    return o;
}

/* What an edit changed, as check --origins prints it after the item: en in
 * English ("title, weight, 2 new targets"); for --lang zh the fields changed
 * ("标题、权重") and what came with the change ("新增2项目标") apart, so
 * that set_detail can make one Chinese phrase of them. */
typedef struct dtext {
    const char *en;
    const char *zh_fields;
    const char *zh_more;
} dtext;

/* The Chinese of each field word an edit's detail names (docs/GUIDE.zh-CN.md
 * §8's terms). */
static const struct { const char *en, *zh; } field_zh[] = {
    {"condition", "条件"}, {"text", "原文"}, {"scope", "适用范围"}, {"weight", "权重"},
    {"veto", "一票否决"}, {"score", "得分公式"}, {"clause", "条款"}, {"note", "备注"},
    {"baseline", "基期"}, {"title", "标题"}, {"shared", "按职责分工负责的单位"},
    {"lead", "牵头单位"}, {"responsible", "责任单位"}, {"display name", "显示名称"},
    {"unit", "计量单位"}, {"direction", "方向"}, {"column", "数据列"},
    {"values", "规则给定值"}, {"formula", "公式"}, {"missing", "缺失数据处理"},
    {"weights", "权重"}, {"veto redlines", "一票否决的红线"}, {"vetoes", "一票否决"},
    {"grades", "等级"}, {"name", "名称"}, {"region", "地区"}, {"horizon", "规划期末"},
    {"periods", "时期"}, {"keys", "地区列和年份列"}, {"level", "层级"}, {"levels", "层级"},
    {"parent", "上级地区"}, {"members", "成员"}, {"aliases", "别名"},
};

/* Appends ", part" (or "part") to s. */
static const char *list_add(loader *L, const char *s, const char *sep, const char *part)
{
    return s ? arena_printf(L->a, "%s%s%s", s, sep, part) : part;
}

/* Adds a field word (one of field_zh's) to an edit's detail. */
static void detail_add(loader *L, dtext *d, const char *field)
{
    const char *zh = field;
    for (size_t i = 0; i < sizeof field_zh / sizeof field_zh[0]; i++)
        if (strcmp(field_zh[i].en, field) == 0)
            zh = field_zh[i].zh;
    d->en = list_add(L, d->en, ", ", field);
    d->zh_fields = list_add(L, d->zh_fields, "、", zh);
}

/* Adds what came with an edit ("2 new targets", "新增2项目标"). */
static void detail_more(loader *L, dtext *d, const char *en, const char *zh)
{
    d->en = list_add(L, d->en, ", ", en);
    d->zh_more = list_add(L, d->zh_more, "，", zh);
}

/* Gives an edit its detail in both languages: "改动标题、权重，新增2项目标";
 * a rename leads with the new name ("as 水质达标; condition",
 * "新名称“水质达标”，并改动条件"). */
static void set_detail(loader *L, ast_origin *o, const dtext *d)
{
    const char *zh = d->zh_fields ? arena_printf(L->a, "改动%s", d->zh_fields) : NULL;
    if (d->zh_more)
        zh = list_add(L, zh, "，", d->zh_more);
    o->detail = d->en;
    if (o->new_name) {
        o->detail = d->en ? arena_printf(L->a, "as %s; %s", o->new_name, d->en)
                          : arena_printf(L->a, "as %s", o->new_name);
        zh = zh ? arena_printf(L->a, "新名称“%s”，并%s", o->new_name, zh)
                : arena_printf(L->a, "新名称“%s”", o->new_name);
    }
    o->detail_zh = zh;
}

/* A target's scope for --origins --lang zh: "所有地区", "“沈阳、大连”",
 * "“辽宁省”内的“city”（“沈阳”除外）" (level names as written).  Written
 * once, its length counted first, as scope_text does: a scope may name
 * tens of thousands of regions (tests/run/adapt-drop-region-wide-scope). */
static const char *scope_zh(loader *L, const ast_scope *sc)
{
    if (sc->only.n == 0 && sc->except.n == 0)
        return "所有地区";
    /* within, only (or 所有地区), except, each its names joined by 、 */
    const ast_names *part[3] = {&sc->within, &sc->only, &sc->except};
    static const char *const open[3] = {"“", "“", "（“"}, *const close[3] = {"”内的", "”", "”除外）"};
    size_t len = sizeof "所有地区";
    for (int p = 0; p < 3; p++) {
        len += strlen(open[p]) + strlen(close[p]);
        for (uint32_t i = 0; i < part[p]->n; i++)
            len += strlen("、") + strlen(part[p]->v[i].s ? part[p]->v[i].s : "?");
    }
    char *s = arena_alloc(L->a, len), *at = s;
    for (int p = 0; p < 3; p++) {
        if (part[p]->n == 0) {
            if (p == 1)
                at += sprintf(at, "所有地区");
            continue;
        }
        at += sprintf(at, "%s", open[p]);
        for (uint32_t i = 0; i < part[p]->n; i++)
            at += sprintf(at, "%s%s", i ? "、" : "", part[p]->v[i].s ? part[p]->v[i].s : "?");
        at += sprintf(at, "%s", close[p]);
    }
    return s;
}

/* "(九)" */
static const char *clause_of(loader *L, const ast_measure *me)
{
    return me && me->id.s ? arena_printf(L->a, "(%s)", me->id.s) : NULL;
}

/* ---------------------------------------------------------------- the base */

/* The module a span was written in, or -1. */
static int32_t module_of(const loader *L, span sp)
{
    return sp.file < L->d->nfiles ? L->file_module[sp.file] : -1;
}

/* True when the span was written in a module of the base being edited. */
static bool in_base(const loader *L, span sp)
{
    int32_t m = module_of(L, sp);
    return m >= 0 && L->inbase[m];
}

/* A new item of kind k named `name`. */
static item *new_item(loader *L, ast_itemkind k, const char *name, span sp)
{
    item *it = arena_alloc(L->a, sizeof *it);
    it->kind = k;
    it->name = name;
    it->sp = sp;
    return it;
}

/* Indexes the items of the base: every declaration of the program so far
 * that was written in a module of the base. */
static void index_base(loader *L, baseidx *b)
{
    memset(b, 0, sizeof *b);
    b->assess_slot = -1;
    for (size_t i = 0; i < L->out.n; i++) {
        ast_decl *d = L->out.v[i];
        if (!d || !in_base(L, d->sp))
            continue;
        switch (d->kind) {
        case D_ASSESSMENT:
            if (b->assess_slot < 0)
                b->assess_slot = (int64_t)i;
            break;
        case D_INDICATOR: {
            item *it = new_item(L, IT_INDICATOR, d->u.ind.name.s, d->u.ind.name.sp);
            it->slot = (uint32_t)i;
            ntab_add(L->a, &b->inds, it);
            break;
        }
        case D_REGION:
            for (uint32_t k = 0; k < d->u.region.names.n; k++) {
                item *it = new_item(L, IT_REGION, d->u.region.names.v[k].s, d->u.region.names.v[k].sp);
                it->slot = (uint32_t)i;
                ntab_add(L->a, &b->regions, it);
            }
            break;
        case D_AGENCY: {
            /* two files of the base may each declare an agency of one name
             * (each file's own vocabulary): both print as that name, and
             * one `replaces` renames both */
            item *it = new_item(L, IT_AGENCY, d->u.agency.name.s, d->u.agency.name.sp);
            it->slot = (uint32_t)i;
            ntab_add(L->a, &b->agencies, it);
            break;
        }
        case D_SECTION: {
            ast_section *sec = d->u.section;
            item *si = new_item(L, IT_SECTION, sec->id.s, sec->id.sp);
            si->sec = sec;
            si->slot = (uint32_t)i;
            ntab_add(L->a, &b->sections, si);
            for (uint32_t j = 0; j < sec->nmeasures; j++) {
                ast_measure *me = sec->measures[j];
                item *mi = new_item(L, IT_MEASURE, me->id.s, me->id.sp);
                mi->me = me;
                mi->sec = sec;
                mi->slot = j;
                ntab_add(L->a, &b->measures, mi);
                for (uint32_t k = 0; k < me->ntargets; k++) {
                    ast_target *t = me->targets[k];
                    item *ti = new_item(L, IT_TARGET, target_name(t), t->sp);
                    ti->t = t;
                    ti->me = me;
                    ti->slot = k;
                    ntab_add(L->a, &b->targets, ti);
                }
            }
            break;
        }
        default:
            break;
        }
    }
    /* how many base measures name each base agency, before any edit */
    for (size_t k = 0; k < b->measures.order.n; k++) {
        const ast_measure *me = ((const item *)b->measures.order.v[k])->me;
        const ast_names *lists[] = {&me->lead, &me->shared, &me->responsible};
        for (int l = 0; l < 3; l++)
            for (uint32_t n = 0; n < lists[l]->n; n++) {
                item *ag = lists[l]->v[n].s ? ntab_find(&b->agencies, lists[l]->v[n].s) : NULL;
                if (ag && ag->counted != me) {
                    ag->counted = me;
                    ag->in_measures++;
                }
            }
    }
    for (size_t k = 0; k < b->agencies.order.n; k++)
        ((item *)b->agencies.order.v[k])->counted = NULL;
}

static const char *const itemword[] = {
    [IT_PLAN] = "plan", [IT_REGION] = "region", [IT_INDICATOR] = "indicator",
    [IT_SECTION] = "section", [IT_MEASURE] = "measure", [IT_TARGET] = "target",
    [IT_ASSESSMENT] = "assessment", [IT_AGENCY] = "agency",
};

/* How an item is named in messages: target 'x', measure (九). */
static const char *item_ref(loader *L, ast_itemkind k, const char *name)
{
    return import_item_shown(L->a, LBL_EN, k, name);
}

const char *import_item_shown(arena *a, lbl_lang lang, ast_itemkind k, const char *name)
{
    if (k == IT_MEASURE)
        return arena_printf(a, msgcat_get(lang, "measure (%s)"), name);
    return arena_printf(a, msgcat_get(lang, "%s '%s'"), msgcat_get(lang, itemword[k]), name);
}

/* item_ref in the reader's language, for a message's text. */
static const char *item_shown(loader *L, ast_itemkind k, const char *name)
{
    return import_item_shown(L->a, L->d->lang, k, name);
}

/* An edit's item as item_shown names it. */
static const char *origin_shown(loader *L, const ast_origin *o)
{
    return item_shown(L, o->item, o->name ? o->name : "?");
}

/* True when module mi declares an item of kind k called `name` itself
 * (then *sp is where). */
static bool declared_by(loader *L, uint32_t mi, ast_itemkind k, const char *name, span *sp)
{
    for (size_t i = 0; i < L->out.n; i++) {
        const ast_decl *d = L->out.v[i];
        if (!d)
            continue;
        if (d->kind == D_INDICATOR && k == IT_INDICATOR && module_of(L, d->sp) == (int32_t)mi &&
            d->u.ind.name.s && strcmp(d->u.ind.name.s, name) == 0) {
            *sp = d->u.ind.name.sp;
            return true;
        }
        if (d->kind == D_AGENCY && k == IT_AGENCY && module_of(L, d->sp) == (int32_t)mi &&
            d->u.agency.name.s && strcmp(d->u.agency.name.s, name) == 0) {
            *sp = d->u.agency.name.sp;
            return true;
        }
        if (d->kind == D_REGION && k == IT_REGION && module_of(L, d->sp) == (int32_t)mi) {
            for (uint32_t j = 0; j < d->u.region.names.n; j++)
                if (d->u.region.names.v[j].s && strcmp(d->u.region.names.v[j].s, name) == 0) {
                    *sp = d->u.region.names.v[j].sp;
                    return true;
                }
        }
        if (d->kind != D_SECTION)
            continue;
        const ast_section *sec = d->u.section;
        if (k == IT_SECTION && module_of(L, sec->sp) == (int32_t)mi && sec->id.s &&
            strcmp(sec->id.s, name) == 0) {
            *sp = sec->id.sp;
            return true;
        }
        for (uint32_t j = 0; j < sec->nmeasures; j++) {
            const ast_measure *me = sec->measures[j];
            if (!me)
                continue;
            if (k == IT_MEASURE && module_of(L, me->sp) == (int32_t)mi && me->id.s &&
                strcmp(me->id.s, name) == 0) {
                *sp = me->id.sp;
                return true;
            }
            for (uint32_t t = 0; k == IT_TARGET && t < me->ntargets; t++) {
                if (!me->targets[t])
                    continue;
                const char *tn = target_name(me->targets[t]);
                if (module_of(L, me->targets[t]->sp) == (int32_t)mi && tn && strcmp(tn, name) == 0) {
                    *sp = me->targets[t]->sp;
                    return true;
                }
            }
        }
    }
    return false;
}

/* For a target the base does not have under `name`: when `name` is the
 * new name of a base target (`override target OLD as NEW`, of this file or
 * of a base that extends another), a note at that rename; true then. */
static bool renamed_note(loader *L, const baseidx *b, ast_itemkind k, const char *name, const char *verb)
{
    const item *it = namemap_get(k == IT_REGION      ? &b->region_renamed
                                 : k == IT_INDICATOR ? &b->ind_renamed
                                                     : &b->renamed,
                                 name);
    if (it) {
        diag_note(L->d, it->edit->edit, "'%s' is the new name this file gives to %s '%s' here", name,
                  tr(L, itemword[k]), it->name);
        if (strcmp(verb, "drop") == 0)
            diag_hint(L->d, "to drop it, drop %s '%s' and leave out its rename", tr(L, itemword[k]), it->name);
        else if (k == IT_INDICATOR)
            diag_hint(L->d, "an indicator is changed by one override: give every change in that one");
        else
            diag_hint(L->d, "a %s is changed by one override: give every change in that one", tr(L, itemword[k]));
        return true;
    }
    for (size_t i = 0; i < L->edits.n; i++) {
        const ast_origin *o = L->edits.v[i];
        if (o->kind == ORIGIN_RENAMED && o->item == k && o->name && strcmp(o->name, name) == 0) {
            diag_note(L->d, o->edit, "%s '%s' was renamed '%s' here", tr(L, itemword[k]), name, o->new_name);
            diag_hint(L->d, "write its new name, '%s'", o->new_name);
            return true;
        }
    }
    return false;
}

/* How many base targets drop o took along (a renamed one is listed
 * under both names; its new name is no base target's). */
static uint32_t base_targets_along(const baseidx *b, const ast_origin *o)
{
    uint32_t n = 0;
    for (size_t k = 0; k < o->along_targets.n; k++)
        if (ntab_find(&b->targets, o->along_targets.v[k]))
            n++;
    return n;
}

/* Finds the base item `n` of table t for a drop or override (`verb`),
 * reporting what is wrong when there is none or it was edited already. */
static item *find_base(loader *L, baseidx *b, ntab *t, ast_itemkind k, ast_name n, const char *verb,
                       uint32_t mi)
{
    if (!n.s)
        return NULL;
    item *it = ntab_find(t, n.s);
    if (!it) {
        diag_error(L->d, n.sp, "cannot %s %s: the base has no such %s", tr(L, verb), item_shown(L, k, n.s),
                   tr(L, itemword[k]));
        if (L->d->max_errors > 0 && L->d->nerrors > L->d->max_errors)
            return NULL; /* no more is shown: spare the search */
        span own;
        if ((k == IT_TARGET || k == IT_REGION || k == IT_INDICATOR) && renamed_note(L, b, k, n.s, verb))
            return NULL;
        if (declared_by(L, mi, k, n.s, &own))
            diag_note(L->d, own, "it is declared in this file; 'drop' and 'override' change only the base");
        else
            suggest(L, t, n.s, false);
        return NULL;
    }
    if (it->edit && it->edit->kind == ORIGIN_DROPPED && it->edit->item != k) {
        /* a target of a dropped measure, a measure of a dropped section */
        diag_error(L->d, n.sp, "cannot %s %s: it was dropped with %s", tr(L, verb), item_shown(L, k, n.s),
                   origin_shown(L, it->edit));
        diag_note(L->d, it->edit->edit, "%s, which declares %s, was dropped here", origin_shown(L, it->edit),
                  k == IT_MEASURE ? arena_printf(L->a, tr(L, "(%s)"), n.s) : arena_printf(L->a, tr(L, "'%s'"), n.s));
        if (it->edit->by_keep)
            diag_hint(L->d, "'keep %s' leaves out %s: add it to that list to keep it", itemword[it->edit->item],
                      origin_shown(L, it->edit));
        else if (k == IT_TARGET && strcmp(verb, "move") == 0 && it->edit->item == IT_MEASURE &&
                 base_targets_along(b, it->edit) == 1)
            diag_hint(L->d, "a target leaves with its measure, moved or not, and this file moves every target "
                            "of %s: to merge the measure into another, leave out its drop (the last move then "
                            "warns that it is left empty: accept that with 'allow move-leaves-empty \"...\"' "
                            "after the move)",
                      origin_shown(L, it->edit));
        else if (k == IT_TARGET && strcmp(verb, "move") == 0)
            diag_hint(L->d, "a target leaves with its measure or section, moved or not: to keep it, drop the "
                            "others by name ('drop target ...') instead");
        return NULL;
    }
    if (it->edit && it->edit->by_keep) {
        /* a drop or override of an item a keep left out */
        diag_error(L->d, n.sp, "cannot %s %s: 'keep %s' leaves it out", tr(L, verb), item_shown(L, k, n.s),
                   itemword[k]);
        diag_note(L->d, it->edit->edit, "this 'keep' drops every %s of the base it does not list", tr(L, itemword[k]));
        if (strcmp(verb, "drop") == 0)
            diag_hint(L->d, "it is dropped already: leave out this 'drop'");
        else
            diag_hint(L->d, "add it to the 'keep %s' list to change it", itemword[k]);
        return NULL;
    }
    if (it->edit) {
        const char *how = it->edit->kind == ORIGIN_DROPPED ? "dropped" :
                          it->edit->kind == ORIGIN_REPLACED ? "replaced" :
                          it->edit->kind == ORIGIN_RENAMED ? "renamed" :
                          it->edit->kind == ORIGIN_MOVED ? "moved" : "overridden";
        diag_error(L->d, n.sp, "cannot %s %s: it was %s already", tr(L, verb), item_shown(L, k, n.s), tr(L, how));
        diag_note(L->d, it->edit->edit, "it was %s here", tr(L, how));
        if (it->edit->kind == ORIGIN_RENAMED && strcmp(verb, "drop") == 0 && k == IT_TARGET && it->move)
            diag_hint(L->d, "a renamed and moved target stays in the plan, as '%s' in measure (%s): to drop it, "
                            "leave out the override that renames and moves it",
                      it->edit->new_name, it->move->u.over.target->move.s);
        else if (it->edit->kind == ORIGIN_RENAMED && strcmp(verb, "drop") == 0)
            diag_hint(L->d, "a renamed %s stays in the plan: to drop it, leave out its rename", tr(L, itemword[k]));
        else if (it->edit->kind == ORIGIN_RENAMED && k == IT_INDICATOR)
            diag_hint(L->d, "an indicator is changed by one override: give every change in the one "
                            "that renames it ('override indicator %s as %s ...')", n.s, it->edit->new_name);
        else if (it->edit->kind == ORIGIN_RENAMED && k == IT_TARGET && it->move)
            diag_hint(L->d, "a target is changed by one override: give every change in the one that renames and "
                            "moves it ('override %s %s as %s in (%s) ...')", it->t->redline ? "redline" : "target",
                      n.s, it->edit->new_name, it->move->u.over.target->move.s);
        else if (it->edit->kind == ORIGIN_RENAMED)
            diag_hint(L->d, "a %s is changed by one override: give every change in the one "
                            "that renames it ('override %s %s as %s ...')", tr(L, itemword[k]), itemword[k], n.s,
                      it->edit->new_name);
        else if (k == IT_TARGET && it->move && strcmp(verb, "drop") == 0)
            diag_hint(L->d, "a moved target stays in the plan, in measure (%s): to drop it, leave out its move",
                      it->move->u.over.target->move.s);
        else if (k == IT_TARGET && it->move)
            diag_hint(L->d, "a target is changed by one override: give every change in the one that moves it "
                            "('override %s %s in (%s) ...')", it->t->redline ? "redline" : "target", n.s,
                      it->move->u.over.target->move.s);
        else if (k == IT_REGION && it->edit->kind == ORIGIN_OVERRIDDEN && strcmp(verb, "drop") == 0)
            diag_hint(L->d, "an overridden region stays in the plan: to drop it, leave out its override");
        else if (k == IT_REGION && it->edit->kind == ORIGIN_OVERRIDDEN)
            diag_hint(L->d, "a region is changed by one override: give every change in that one");
        return NULL;
    }
    return it;
}

/* Appends the m pointers of p to an arena array of n pointers (a new
 * array: the base's may be shared). */
static void **append_ptrs(arena *a, void **v, uint32_t n, void *const *p, uint32_t m)
{
    void **w = arena_alloc(a, ((size_t)n + m + 1) * sizeof *w);
    if (n)
        memcpy(w, v, n * sizeof *w);
    if (m)
        memcpy(w + n, p, m * sizeof *w);
    return w;
}

/* Closes the holes drops left in n pointers (in place). */
static void compact_ptrs(void **v, uint32_t *n)
{
    uint32_t k = 0;
    for (uint32_t i = 0; i < *n; i++)
        if (v[i])
            v[k++] = v[i];
    *n = k;
}

/* Closes the holes drops left in the sections' measures and the measures'
 * targets of the program. */
static void compact(loader *L)
{
    for (size_t i = 0; i < L->out.n; i++) {
        ast_decl *d = L->out.v[i];
        if (!d || d->kind != D_SECTION)
            continue;
        ast_section *sec = d->u.section;
        compact_ptrs((void **)sec->measures, &sec->nmeasures);
        for (uint32_t j = 0; j < sec->nmeasures; j++)
            compact_ptrs((void **)sec->measures[j]->targets, &sec->measures[j]->ntargets);
    }
}

/* Marks every target of measure me dropped along with it (by the drop o
 * of the measure or its section), and names them in o.  A target the
 * extending file overrode or renamed before goes too (its item keeps that
 * edit; a renamed one is found by its base name): the base assessment's
 * weights and vetoes of it go with it. */
static void drop_targets_of(loader *L, baseidx *b, const ast_measure *me, ast_origin *o)
{
    for (uint32_t k = 0; k < me->ntargets; k++) {
        const ast_target *t = me->targets[k];
        item *ti = t ? ntab_find(&b->targets, target_name(t)) : NULL;
        if ((!ti || ti->t != t) && t && t->origin && t->origin->kind == ORIGIN_RENAMED)
            ti = ntab_find(&b->targets, t->origin->name);
        if (!ti || ti->t != t || ti->dropped)
            continue;
        ti->dropped = true;
        if (!ti->edit)
            ti->edit = o;
        else
            ti->drop_sp = o->edit; /* the edit kept is the override */
        ptrvec_push(L->a, &o->along_targets, (void *)ti->name);
        if (t->origin && t->origin->kind == ORIGIN_RENAMED)
            ptrvec_push(L->a, &o->along_targets, (void *)t->origin->new_name);
    }
}

/* ---------------------------------------------------------------- drop */

/* Drops base target it; at is the statement's name (or `keep target`). */
static ast_origin *drop_target(loader *L, item *it, span at)
{
    it->dropped = true;
    it->edit = origin(L, ORIGIN_DROPPED, IT_TARGET, it->name, item_ref(L, IT_TARGET, it->name),
                      clause_of(L, it->me), it->t->sp, at);
    it->me->targets[it->slot] = NULL;
    return (ast_origin *)it->edit;
}

/* Drops base measure it with its targets. */
static ast_origin *drop_measure(loader *L, baseidx *b, item *it, span at)
{
    it->dropped = true;
    ast_origin *org = origin(L, ORIGIN_DROPPED, IT_MEASURE, it->name, item_ref(L, IT_MEASURE, it->name),
                             clause_of(L, it->me), it->me->sp, at);
    it->edit = org;
    drop_targets_of(L, b, it->me, org);
    it->sec->measures[it->slot] = NULL;
    return org;
}

/* Drops base section it with its measures and their targets. */
static ast_origin *drop_section(loader *L, baseidx *b, item *it, span at)
{
    it->dropped = true;
    ast_origin *org = origin(L, ORIGIN_DROPPED, IT_SECTION, it->name, item_ref(L, IT_SECTION, it->name),
                             NULL, it->sec->sp, at);
    it->edit = org;
    for (uint32_t j = 0; j < it->sec->nmeasures; j++) {
        if (!it->sec->measures[j])
            continue;
        item *mit = ntab_find(&b->measures, it->sec->measures[j]->id.s);
        if (mit && mit->me == it->sec->measures[j]) {
            if (!mit->edit) {
                mit->dropped = true;
                mit->edit = org;
            }
            ptrvec_push(L->a, &org->along_measures, (void *)mit->name);
        }
        drop_targets_of(L, b, it->sec->measures[j], org);
    }
    L->out.v[it->slot] = NULL;
    return org;
}

/* Drops base region it (fix_regions takes it out of the program). */
static ast_origin *drop_region(loader *L, item *it, span at)
{
    it->dropped = true;
    it->drop_sp = at;
    it->edit = origin(L, ORIGIN_DROPPED, IT_REGION, it->name, item_ref(L, IT_REGION, it->name), NULL, it->sp, at);
    return (ast_origin *)it->edit;
}

/* Drops base indicator it.  The checker reports what still uses it, at
 * the drop (sema.c): only it knows which names are indicators. */
static ast_origin *drop_indicator(loader *L, item *it, span at)
{
    it->dropped = true;
    it->edit = origin(L, ORIGIN_DROPPED, IT_INDICATOR, it->name, item_ref(L, IT_INDICATOR, it->name), NULL,
                      ((const ast_decl *)L->out.v[it->slot])->sp, at);
    L->out.v[it->slot] = NULL;
    return (ast_origin *)it->edit;
}

/* Drops base agency it: its declarations go; the base's lists lose it
 * after the overrides, which may give a measure it leads a new lead
 * (fix_agencies). */
static ast_origin *drop_agency(loader *L, item *it, span at)
{
    it->dropped = true;
    it->drop_sp = at;
    ast_origin *org = origin(L, ORIGIN_DROPPED, IT_AGENCY, it->name, item_ref(L, IT_AGENCY, it->name), NULL,
                             it->sp, at);
    uint32_t nm = it->in_measures;
    org->detail = nm ? arena_printf(L->a, "from %u measure%s", nm, nm == 1 ? "" : "s") : "named by no measure";
    org->detail_zh = nm ? arena_printf(L->a, "从%u项措施中去掉", nm) : "没有措施列出该单位";
    it->edit = org;
    /* two files of the base may each declare it (index_base) */
    for (size_t i = 0; i < L->out.n; i++) {
        const ast_decl *ad = L->out.v[i];
        if (ad && ad->kind == D_AGENCY && in_base(L, ad->sp) && ad->u.agency.name.s &&
            strcmp(ad->u.agency.name.s, it->name) == 0)
            L->out.v[i] = NULL;
    }
    return org;
}

/* The kind of item a drop or keep of `what` names (not `regions` or
 * `assessment`), and the base's table of them. */
static ast_itemkind drop_item_kind(ast_dropkind what)
{
    switch (what) {
    case DROP_TARGET: return IT_TARGET;
    case DROP_MEASURE: return IT_MEASURE;
    case DROP_SECTION: return IT_SECTION;
    case DROP_INDICATOR: return IT_INDICATOR;
    case DROP_AGENCY: return IT_AGENCY;
    default: return IT_REGION;
    }
}

static ntab *drop_table(baseidx *b, ast_itemkind k)
{
    switch (k) {
    case IT_TARGET: return &b->targets;
    case IT_MEASURE: return &b->measures;
    case IT_SECTION: return &b->sections;
    case IT_INDICATOR: return &b->inds;
    case IT_AGENCY: return &b->agencies;
    default: return &b->regions;
    }
}

/* Drops base item it of kind k (by a drop's name, or a keep's `keep
 * KIND`, at). */
static ast_origin *drop_item(loader *L, baseidx *b, ast_itemkind k, item *it, span at)
{
    switch (k) {
    case IT_TARGET: return drop_target(L, it, at);
    case IT_MEASURE: return drop_measure(L, b, it, at);
    case IT_SECTION: return drop_section(L, b, it, at);
    case IT_INDICATOR: return drop_indicator(L, it, at);
    case IT_AGENCY: return drop_agency(L, it, at);
    default: return drop_region(L, it, at);
    }
}

/* A kept item that a drop of another kind would take with it (a kept
 * target of a dropped measure, a kept measure or target of a dropped
 * section), or NULL. */
static const item *kept_along(baseidx *b, ast_itemkind k, const item *it)
{
    const ast_section *sec = k == IT_SECTION ? it->sec : NULL;
    for (uint32_t j = 0; sec && j < sec->nmeasures; j++) {
        const ast_measure *me = sec->measures[j];
        const item *mit = me ? ntab_find(&b->measures, me->id.s) : NULL;
        if (mit && mit->me == me && mit->kept.hi)
            return mit;
    }
    for (uint32_t j = 0; (k == IT_SECTION || k == IT_MEASURE) && j < (sec ? sec->nmeasures : 1); j++) {
        const ast_measure *me = sec ? sec->measures[j] : it->me;
        for (uint32_t n = 0; me && n < me->ntargets; n++) {
            const ast_target *t = me->targets[n];
            const item *ti = t ? ntab_find(&b->targets, target_name(t)) : NULL;
            if (ti && ti->t == t && ti->kept.hi)
                return ti;
        }
    }
    return NULL;
}

/* Whether dropping base item it (of kind k, named at n) would undo a
 * `keep`: it is kept, or it holds a kept item; reported at n. */
static bool drops_kept(loader *L, baseidx *b, ast_itemkind k, const item *it, span n)
{
    if (it->kept.hi) {
        diag_error(L->d, n, "cannot drop %s: this file keeps it", item_shown(L, k, it->name));
        diag_note(L->d, it->kept, "it is kept here");
        diag_hint(L->d, "leave it out of the 'keep %s' list to drop it", itemword[k]);
        return true;
    }
    const item *in = kept_along(b, k, it);
    if (in) {
        diag_error(L->d, n, "dropping %s drops %s, which this file keeps", item_shown(L, k, it->name),
                   item_shown(L, in->kind, in->name));
        diag_note(L->d, in->kept, "it is kept here");
        return true;
    }
    return false;
}

/* One `drop` statement of module mi. */
static void apply_drop(loader *L, baseidx *b, const ast_decl *d, uint32_t mi)
{
    const ast_names *ns = &d->u.drop.names;
    switch (d->u.drop.what) {
    case DROP_TARGET:
    case DROP_MEASURE:
    case DROP_SECTION:
    case DROP_REGION:
    case DROP_INDICATOR:
    case DROP_AGENCY: {
        ast_itemkind k = drop_item_kind(d->u.drop.what);
        for (uint32_t i = 0; i < ns->n; i++) {
            item *it = find_base(L, b, drop_table(b, k), k, ns->v[i], "drop", mi);
            if (it && !drops_kept(L, b, k, it, ns->v[i].sp))
                drop_item(L, b, k, it, ns->v[i].sp);
        }
        break;
    }
    case DROP_REGIONS:
        for (size_t k = 0; k < b->regions.order.n; k++) {
            item *it = b->regions.order.v[k];
            if (it->kept.hi) {
                diag_error(L->d, d->sp, "'drop regions' drops every region of the base, but this file keeps %s",
                           item_shown(L, IT_REGION, it->name));
                diag_note(L->d, it->kept, "it is kept here");
                diag_hint(L->d, "'keep region' drops the base's other regions already: leave out 'drop regions'");
                break;
            }
        }
        for (size_t k = 0; k < b->regions.order.n; k++) {
            item *it = b->regions.order.v[k];
            if (it->edit || it->kept.hi)
                continue; /* dropped by name or replaced already */
            drop_region(L, it, d->sp);
        }
        break;
    case DROP_ASSESSMENT:
        if (b->assess_slot < 0) {
            diag_error(L->d, d->sp, "cannot drop the assessment: the base has none");
            break;
        }
        if (b->assess_edit) {
            const char *how = tr(L, b->assess_edit->kind == ORIGIN_DROPPED ? "dropped" : "overridden");
            diag_error(L->d, d->sp, "cannot drop the assessment: it was %s already", how);
            diag_note(L->d, b->assess_edit->edit, "it was %s here", how);
            break;
        }
        {
            const ast_decl *as = L->out.v[b->assess_slot];
            b->assess_edit = origin(L, ORIGIN_DROPPED, IT_ASSESSMENT, as->u.assess.name.s,
                                    item_ref(L, IT_ASSESSMENT, as->u.assess.name.s ? as->u.assess.name.s : "?"),
                                    NULL, as->sp, d->sp);
            L->out.v[b->assess_slot] = NULL;
        }
        break;
    }
}

/* ---------------------------------------------------------------- keep */

/* The order keeps are applied in: the coarser first, so that a finer keep
 * finds the items a coarser one left out gone (`keep section 一` then
 * `keep measure (三)` of section 二: an error at (三)). */
static int keep_rank(ast_dropkind what)
{
    switch (what) {
    case DROP_SECTION: return 0;
    case DROP_MEASURE: return 1;
    case DROP_TARGET: return 2;
    default: return 3;
    }
}

/* The new names the file's overrides give base items (`override target
 * OLD as NEW`, `override region OLD as NEW`, `override indicator OLD as
 * NEW`), each to OLD: a keep may name a renamed item by either name.
 * Made once for the file's keeps (a lookup per name, not a search of the
 * statements: a keep may list thousands of regions). */
typedef struct keep_renames {
    namemap target, region, ind;    /* NEW -> OLD (const char *) */
} keep_renames;

/* Fills r from the overrides among stmts. */
static void find_renames(loader *L, const ptrvec *stmts, keep_renames *r)
{
    memset(r, 0, sizeof *r);
    for (size_t i = 0; i < stmts->n; i++) {
        const ast_decl *d = stmts->v[i];
        if (d->kind != D_OVERRIDE)
            continue;
        const ast_target *t = d->u.over.what == OVR_TARGET ? d->u.over.target : NULL;
        if (t && t->rename.s && t->name.s)
            namemap_put(L->a, &r->target, t->rename.s, (void *)t->name.s);
        else if (d->u.over.what == OVR_REGION && d->u.over.rename.s && d->u.over.name.s)
            namemap_put(L->a, &r->region, d->u.over.rename.s, (void *)d->u.over.name.s);
        else if (d->u.over.what == OVR_INDICATOR && d->u.over.rename.s && d->u.over.name.s)
            namemap_put(L->a, &r->ind, d->u.over.rename.s, (void *)d->u.over.name.s);
    }
}

/* The base's name of the item of kind k that the file renames `name`,
 * or NULL. */
static const char *renamed_from(const keep_renames *r, ast_itemkind k, const char *name)
{
    const namemap *m = k == IT_TARGET ? &r->target : k == IT_REGION ? &r->region : k == IT_INDICATOR ? &r->ind : NULL;
    return m && name ? namemap_get(m, name) : NULL;
}

/* One `keep KIND names` statement of module mi: the names must be the
 * base's items of that kind; every other item of that kind of the base
 * that nothing changed already (a region replaced or overridden stays, as
 * with `drop regions`; an item a coarser keep dropped is gone) is dropped,
 * each drop recorded at `keep KIND` and marked as a keep's.  first[what]
 * is the first keep of each kind, for a second one; renames are the
 * file's (a renamed item may be kept by its new name). */
static void apply_keep(loader *L, baseidx *b, const ast_decl *d, uint32_t mi, const ast_decl **first,
                       const keep_renames *renames)
{
    ast_dropkind what = d->u.drop.what;
    ast_itemkind k = drop_item_kind(what);
    ntab *t = drop_table(b, k);
    if (first[what]) {
        diag_error(L->d, d->u.drop.head, "a second 'keep %s': one 'keep' lists every %s the plan keeps", itemword[k],
                   tr(L, itemword[k]));
        diag_note(L->d, first[what]->u.drop.head, "the first 'keep %s' is here", itemword[k]);
        diag_hint(L->d, "add these names to that list");
        return;
    }
    first[what] = d;
    const ast_names *ns = &d->u.drop.names;
    bool bad = false;
    for (uint32_t i = 0; i < ns->n; i++) {
        item *it = ns->v[i].s ? ntab_find(t, ns->v[i].s) : NULL;
        const char *old = it ? NULL : renamed_from(renames, k, ns->v[i].s);
        if (old)
            it = ntab_find(t, old);
        if (it && it->kept.hi) {
            diag_error(L->d, ns->v[i].sp, "%s is listed twice", item_shown(L, k, it->name));
            diag_note(L->d, it->kept, "it is listed here first");
            continue;
        }
        span own;
        if (!it && ns->v[i].s && declared_by(L, mi, k, ns->v[i].s, &own))
            continue; /* the file's own item: it stays, as every one does (a keep list copied into a file
                       * that declares one of its names means no more) */
        if (!it || (it->edit && it->edit->kind == ORIGIN_DROPPED)) {
            find_base(L, b, t, k, ns->v[i], "keep", mi); /* reports what is wrong */
            bad |= !it;
            continue;
        }
        it->kept = ns->v[i].sp;
    }
    if (bad) {
        /* a name misspelt or of another program: the list is not what
         * the author means, and dropping by it would only add errors that
         * follow from the mistake (the plan's region dropped, ...) */
        diag_note(L->d, d->u.drop.head, "this 'keep' drops nothing until every name it lists is the base's");
        return;
    }
    uint32_t ndropped = 0;
    for (size_t i = 0; i < t->order.n; i++) {
        item *it = t->order.v[i];
        if (it->kept.hi || it->edit)
            continue;
        ast_origin *o = drop_item(L, b, k, it, d->u.drop.head);
        o->by_keep = true;
        o->detail = o->detail ? arena_printf(L->a, "%s, not kept", o->detail) : "not kept";
        o->detail_zh = o->detail_zh ? arena_printf(L->a, "%s，未保留", o->detail_zh) : "未保留";
        ndropped++;
    }
    if (!ndropped)
        diag_warning(L->d, WARN_EDIT_CHANGES_NOTHING, d->u.drop.head, "'keep %s' keeps every %s of the base: it drops nothing", itemword[k],
                     tr(L, itemword[k]));
}

/* Applies the keep statements of stmts, coarser kinds first (keep_rank);
 * first[what] is then the keep of each kind (NULL: none). */
static void apply_keeps(loader *L, baseidx *b, const ptrvec *stmts, uint32_t mi, const ast_decl **first)
{
    keep_renames renames;
    bool any = false;
    for (size_t i = 0; i < stmts->n && !any; i++)
        any = ((const ast_decl *)stmts->v[i])->kind == D_DROP && ((const ast_decl *)stmts->v[i])->u.drop.keep;
    if (!any)
        return;
    find_renames(L, stmts, &renames);
    for (int rank = 0; rank <= 3; rank++)
        for (size_t i = 0; i < stmts->n; i++) {
            const ast_decl *d = stmts->v[i];
            if (d->kind == D_DROP && d->u.drop.keep && keep_rank(d->u.drop.what) == rank)
                apply_keep(L, b, d, mi, first, &renames);
        }
}

/* The move that left base measure me with no target: of the accepted
 * `override target X in (ID)` that took a target out of it, the last one
 * written (the one that took its last target, in the file's order), or
 * NULL when none took one. */
static const ast_decl *last_move_out(const baseidx *b, const ast_measure *me)
{
    const ast_decl *last = NULL;
    for (size_t i = 0; i < b->targets.order.n; i++) {
        const item *t = b->targets.order.v[i];
        if (t->from == me && (!last || t->move->sp.lo > last->sp.lo))
            last = t->move;
    }
    return last;
}

/* The `drop target` that left base measure me with no target: of the
 * drops by name of its targets (not a keep's, not its own drop's), the
 * one written last, or NULL when none dropped one. */
static const ast_origin *last_drop_of(const baseidx *b, const ast_measure *me)
{
    const ast_origin *last = NULL;
    for (size_t i = 0; i < b->targets.order.n; i++) {
        const item *t = b->targets.order.v[i];
        const ast_origin *o = t->edit;
        if (t->me == me && !t->from && o && o->kind == ORIGIN_DROPPED && o->item == IT_TARGET && !o->by_keep &&
            (!last || o->edit.lo > last->edit.lo))
            last = o;
    }
    return last;
}

/* Whether a `keep target` left out a target of base measure me. */
static bool keep_took(const baseidx *b, const ast_measure *me)
{
    for (size_t i = 0; i < b->targets.order.n; i++) {
        const item *t = b->targets.order.v[i];
        if (t->me == me && !t->from && t->edit && t->edit->kind == ORIGIN_DROPPED && t->edit->by_keep)
            return true;
    }
    return false;
}

/* Whether base item it (a measure, or a section) is left with nothing to
 * score: it had targets (measures), none is left, and it is not dropped
 * itself.  A measure or section the file's overrides gave new targets or
 * measures, or a target moved in, is not empty. */
static bool left_empty(const item *it)
{
    if (it->dropped || (it->edit && it->edit->kind == ORIGIN_DROPPED))
        return false;
    bool measure = it->kind == IT_MEASURE;
    void *const *v = measure ? (void *const *)it->me->targets : (void *const *)it->sec->measures;
    uint32_t nv = measure ? it->me->ntargets : it->sec->nmeasures;
    for (uint32_t k = 0; k < nv; k++)
        if (v[k])
            return false;
    return nv > 0;
}

/* After every edit: the base measures that a `keep target` or the moves
 * of `override target X in (ID)` left with no target, and the base
 * sections a `keep measure` left with no measure, are scored on nothing
 * (their rows empty, their weight shared among the others): a warning,
 * since the plan more likely meant to leave them out too or to keep a
 * target in them.  The warning names what emptied the measure: the move
 * that took its last target (-Wmove-leaves-empty, at its `in (ID)`, one
 * per measure, with a note at the keep when the keep left out its other
 * targets), or the `drop target` that took it when written after every
 * such move (-Wdrop-leaves-empty: the drops by name emptied the measure
 * as a move does, and dropping the measure says so plainly), else the
 * keep (-Wkeep-leaves-empty, one at the keep naming every such measure). */
static void warn_left_empty(loader *L, baseidx *b, const ast_decl *const *first)
{
    enum { SHOWN = 8 };
    for (size_t i = 0; i < b->measures.order.n; i++) {
        const item *it = b->measures.order.v[i];
        if (!left_empty(it))
            continue;
        const ast_decl *mv = last_move_out(b, it->me);
        const ast_origin *dr = last_drop_of(b, it->me);
        if (dr && (mv ? dr->edit.lo > mv->u.over.target->move.sp.lo : !keep_took(b, it->me))) {
            diag_warning(L->d, WARN_DROP_LEAVES_EMPTY, dr->edit,
                         "dropping target '%s' leaves measure (%s) of the base with no target", dr->name, it->name);
            if (first[DROP_TARGET] && keep_took(b, it->me))
                diag_note(L->d, first[DROP_TARGET]->u.drop.head, "this 'keep target' leaves out its other targets");
            if (mv)
                diag_note(L->d, mv->u.over.target->move.sp, "this move takes another of its targets");
            if (mv || keep_took(b, it->me))
                diag_hint(L->d, "such a measure is scored on nothing (its row is empty, its weight shared among the "
                                "others); leave a target in it, or give it one with 'override measure (%s) { target "
                                "... }'",
                          it->name);
            else
                diag_hint(L->d, "such a measure is scored on nothing (its row is empty, its weight shared among the "
                                "others); to leave it out, drop the measure instead of its targets ('drop measure "
                                "(%s)'), or give it a target with 'override measure (%s) { target ... }'",
                          it->name, it->name);
            continue;
        }
        if (!mv)
            continue;
        const ast_target *o = mv->u.over.target;
        diag_warning(L->d, WARN_MOVE_LEAVES_EMPTY, o->move.sp,
                     "moving target '%s' to measure (%s) leaves measure (%s) of the base with no target", o->name.s,
                     o->move.s, it->name);
        if (first[DROP_TARGET] && keep_took(b, it->me))
            diag_note(L->d, first[DROP_TARGET]->u.drop.head, "this 'keep target' leaves out its other targets");
        diag_hint(L->d, "such a measure is scored on nothing (its row is empty, its weight shared among the "
                        "others); leave a target in it, or give it one with 'override measure (%s) { target ... }'",
                  it->name);
    }
    for (int pass = 0; pass < 2; pass++) {
        const ast_decl *d = first[pass == 0 ? DROP_TARGET : DROP_MEASURE];
        if (!d)
            continue;
        const ntab *t = pass == 0 ? &b->measures : &b->sections;
        uint32_t n = 0;
        const char *list = NULL;
        for (size_t i = 0; i < t->order.n; i++) {
            const item *it = t->order.v[i];
            if (!left_empty(it) || (pass == 0 && (last_move_out(b, it->me) || !keep_took(b, it->me))))
                continue; /* (a measure a move emptied is the move's, above, or a later drop's) */
            const char *shown = item_shown(L, pass == 0 ? IT_MEASURE : IT_SECTION, it->name);
            if (n < SHOWN)
                list = list ? arena_printf(L->a, L->d->lang == LBL_ZH ? "%s、%s" : "%s, %s", list, shown) : shown;
            n++;
        }
        if (!n)
            continue;
        if (n > SHOWN)
            list = arena_printf(L->a, tr(L, "%s (and %zu more)"), list, (size_t)(n - SHOWN));
        if (pass == 0) {
            diag_warning(L->d, WARN_KEEP_LEAVES_EMPTY, d->u.drop.head, "'keep target' leaves %u measure%s of the base with no target: %s", n,
                         n == 1 ? "" : "s", list);
            diag_hint(L->d, "such a measure is scored on nothing; keep a target of it, or leave it out with "
                            "'keep measure'");
        } else {
            diag_warning(L->d, WARN_KEEP_LEAVES_EMPTY, d->u.drop.head, "'keep measure' leaves %u section%s of the base with no measure: %s",
                         n, n == 1 ? "" : "s", list);
            diag_hint(L->d, "such a section is scored on nothing; keep a measure of it, or leave it out with "
                            "'keep section'");
        }
    }
}

/* ---------------------------------------------------------------- override */

/* The number a literal is written with, "6251" of `6251 万亩`, "4.1" of
 * `4.1万平方公里` (its source text up to the first character that is not
 * a digit or '.'), or NULL when sp holds none. */
static const char *written_number(loader *L, span sp)
{
    if (sp.file >= L->d->nfiles || sp.hi <= sp.lo || sp.hi > L->d->files[sp.file].len)
        return NULL;
    const char *t = L->d->files[sp.file].text + sp.lo;
    size_t n = 0;
    while (n < sp.hi - sp.lo && ((t[n] >= '0' && t[n] <= '9') || t[n] == '.'))
        n++;
    while (n > 0 && t[n - 1] == '.')
        n--;
    return n ? arena_printf(L->a, "%.*s", (int)n, t) : NULL;
}

/* The numbers a target's condition is written with: its goals' and
 * tolerances' literals and its deadline years (not period names), at
 * most cap of them. */
static uint32_t condition_numbers(loader *L, const ast_target *t, const char **out, uint32_t cap)
{
    uint32_t n = 0;
    for (uint32_t k = 0; k < t->nms && n + 3 <= cap; k++) {
        const ast_milestone *m = &t->ms[k];
        if (m->goal && m->goal->kind == EX_NUM && (out[n] = written_number(L, m->goal->sp)))
            n++;
        if (m->tolerance && m->tolerance->kind == EX_NUM && (out[n] = written_number(L, m->tolerance->sp)))
            n++;
        if (m->has_by && !m->by.period.s && (out[n] = written_number(L, m->by.sp)))
            n++;
    }
    if (t->has_peak_by && !t->peak_by.period.s && n < cap && (out[n] = written_number(L, t->peak_by.sp)))
        n++;
    if (t->tolerance && t->tolerance->kind == EX_NUM && n < cap && (out[n] = written_number(L, t->tolerance->sp)))
        n++;
    return n;
}

/* Whether text holds number num on its own (no digit or '.' next to it):
 * "到2025年" holds 2025, "20250" does not. */
static bool text_has_number(const char *text, const char *num)
{
    size_t k = strlen(num);
    for (const char *at = strstr(text, num); at; at = strstr(at + 1, num)) {
        char before = at > text ? at[-1] : ' ', after = at[k];
        bool digit_before = (before >= '0' && before <= '9') ||
                            (before == '.' && at - 1 > text && at[-2] >= '0' && at[-2] <= '9');
        bool digit_after = (after >= '0' && after <= '9') || (after == '.' && at[k + 1] >= '0' && at[k + 1] <= '9');
        if (!digit_before && !digit_after)
            return true;
    }
    return false;
}

/* An override that restates a target's condition but not its text keeps
 * the base's text, which the results, explain and the reports print: a
 * warning when that text quotes a number of the base's condition (a goal,
 * a tolerance, a year) that the new condition no longer has, "坚决守住
 * 6251万亩…" over a goal of 7300万亩. */
static void stale_text(loader *L, const ast_decl *d, const ast_target *base, const ast_target *o)
{
    if (!base->desc)
        return;
    const char *was[64], *now[64];
    uint32_t nw = condition_numbers(L, base, was, 64), nn = condition_numbers(L, o, now, 64);
    for (uint32_t i = 0; i < nw; i++) {
        bool kept = false;
        for (uint32_t j = 0; j < nn && !kept; j++)
            kept = strcmp(was[i], now[j]) == 0;
        if (kept || !text_has_number(base->desc, was[i]))
            continue;
        const char *nm = base->name.s ? base->name.s : "?";
        diag_warning(L->d, WARN_STALE_TEXT, o->measured ? o->measured->sp : d->sp,
                     "the override of %s '%s' changes its condition but keeps the base's text, which says %s",
                     tr(L, base->redline ? "red line" : "target"), nm, was[i]);
        diag_note(L->d, base->sp, "the base's text is here: \"%s\"", base->desc);
        diag_hint(L->d, "give the text too: 'override %s %s%s%s \"...\" : ...'", base->redline ? "redline" : "target",
                  nm, o->rename.s ? " as " : "", o->rename.s ? o->rename.s : "");
        return;
    }
}

/* The year a deadline stands for: the number written, or the last year
 * of the period it names in the program's plan (the base's plan merged
 * with the extending file's block); 0 for a period no plan declares
 * (sema reports it). */
static int deadline_year(loader *L, const ast_year *y)
{
    if (!y->period.s)
        return y->year;
    for (size_t i = 0; i < L->out.n; i++) {
        const ast_decl *d = L->out.v[i];
        for (uint32_t k = 0; d && d->kind == D_PLAN && k < d->u.plan.nperiods; k++)
            if (d->u.plan.periods[k].name.s && strcmp(d->u.plan.periods[k].name.s, y->period.s) == 0)
                return d->u.plan.periods[k].to;
    }
    return 0;
}

/* The horizon of the program's plan, as merged so far (0: none given). */
static int plan_horizon(loader *L)
{
    for (size_t i = 0; i < L->out.n; i++) {
        const ast_decl *d = L->out.v[i];
        if (d && d->kind == D_PLAN && d->u.plan.has_horizon)
            return d->u.plan.horizon;
    }
    return 0;
}

/* The source text of span sp, or NULL. */
static const char *span_text(loader *L, span sp)
{
    if (sp.file >= L->d->nfiles || sp.hi <= sp.lo || sp.hi > L->d->files[sp.file].len)
        return NULL;
    return arena_printf(L->a, "%.*s", (int)(sp.hi - sp.lo), L->d->files[sp.file].text + sp.lo);
}

/* Whether a target's text names deadline y: its year as a number on its
 * own ("到2035年"), or the name of the period it was written as
 * ("展望本世纪中叶"). */
static bool text_names_deadline(loader *L, const char *text, const ast_year *y, int year)
{
    if (y->period.s && strstr(text, y->period.s))
        return true;
    return year > 0 && text_has_number(text, arena_printf(L->a, "%d", year));
}

/* An override that restates a target's condition replaces every goal of
 * it: one that moves the first deadline (到2027年 -> 到2028年) and writes
 * only that goal drops the base's later goals, though the plan still has
 * them.  Warns when the target's text (the override's own, or the base's
 * it keeps) names the deadline of a base goal later than the new
 * condition's last, with the condition that keeps them; a text that no
 * longer names the dropped years says they were meant to go.  Returns
 * whether it warned. */
static bool lost_milestones(loader *L, const ast_target *base, const ast_target *o)
{
    const char *text = o->desc ? o->desc : base->desc;
    if (!text || base->nms < 2 || !o->nms || !o->ms || o->kind != base->kind ||
        (o->kind != TG_THRESHOLD && o->kind != TG_RATED))
        return false;
    for (uint32_t j = 0; j < o->nms; j++)
        if (!o->ms[j].has_by)
            return false; /* an every-year goal: another kind of condition */
    /* the goals up to the override's last deadline are its own (a
     * deadline moved, a step added or left out); the base's later ones
     * are those it drops */
    int last = 0;
    for (uint32_t j = 0; j < o->nms; j++) {
        int y = deadline_year(L, &o->ms[j].by);
        if (!y)
            return false;
        if (y > last)
            last = y;
    }
    const char *lost = NULL;     /* the dropped deadlines, as written */
    const char *named = NULL;    /* those the text names */
    uint32_t nlost = 0, nnamed = 0;
    const ast_milestone *first = NULL;
    /* a goal after the plan's horizon (an adaptation that ends in 2035
     * where the base runs to 本世纪中叶) cannot be kept: it is meant to go,
     * and the text that still names it is stale_text's */
    int horizon = plan_horizon(L);
    const ast_milestone *beyond = NULL; /* the first such goal the text names */
    for (uint32_t i = 0; i < base->nms; i++) {
        const ast_milestone *m = &base->ms[i];
        int y = m->has_by ? deadline_year(L, &m->by) : 0;
        if (y > last && horizon && y > horizon && !beyond && text_names_deadline(L, text, &m->by, y))
            beyond = m;
        if (y <= last || (horizon && y > horizon))
            continue;
        const char *w = m->by.period.s ? m->by.period.s : arena_printf(L->a, "%d", y);
        lost = lost ? arena_printf(L->a, "%s, %s", lost, w) : w;
        nlost++;
        if (!first)
            first = m;
        if (text_names_deadline(L, text, &m->by, y)) {
            named = named ? arena_printf(L->a, "%s, %s", named, w) : w;
            nnamed++;
        }
    }
    if (!nnamed && beyond && !o->desc) {
        const char *nm = base->name.s ? base->name.s : "?";
        const char *w = beyond->by.period.s ? beyond->by.period.s : arena_printf(L->a, "%d", beyond->by.year);
        diag_warning(L->d, WARN_STALE_TEXT, o->ms[0].sp, "the override of %s '%s' drops the base's goal by %s, "
                     "after this plan's horizon %d, but the text it keeps from the base still names it",
                     tr(L, base->redline ? "red line" : "target"), nm, w, horizon);
        diag_note(L->d, beyond->sp, "the base's goal by %s is here", w);
        diag_hint(L->d, "give the text too: 'override %s %s%s%s \"...\" : ...'", base->redline ? "redline" : "target",
                  nm, o->rename.s ? " as " : "", o->rename.s ? o->rename.s : "");
        return true;
    }
    if (!nnamed)
        return false;
    /* the condition that keeps them: the override's goals, then the
     * base's later ones (a base's goals come in the order of their years) */
    const char *what = span_text(L, o->measured->sp);
    const char *cond = arena_printf(L->a, "%s%s", o->kind == TG_RATED ? "rated " : "", what ? what : "...");
    for (uint32_t j = 0; j < o->nms; j++) {
        const char *g = span_text(L, o->ms[j].sp);
        cond = arena_printf(L->a, "%s%s %s", cond, j ? "," : "", g ? g : "...");
    }
    for (uint32_t i = 0; i < base->nms; i++) {
        const ast_milestone *m = &base->ms[i];
        int y = m->has_by ? deadline_year(L, &m->by) : 0;
        if (y <= last || (horizon && y > horizon))
            continue;
        const char *g = span_text(L, m->sp);
        cond = arena_printf(L->a, "%s, %s", cond, g ? g : "...");
    }
    const char *nm = base->name.s ? base->name.s : "?";
    const char *whose = tr(L, o->desc ? "its text" : "the text it keeps from the base");
    if (nnamed == nlost)
        diag_warning(L->d, WARN_STALE_TEXT, o->ms[0].sp, "the override of target '%s' drops the base's goal%s by %s, which %s "
                     "still names", nm, nlost == 1 ? "" : "s", lost, whose);
    else
        diag_warning(L->d, WARN_STALE_TEXT, o->ms[0].sp, "the override of target '%s' drops the base's goals by %s, though %s "
                     "still names %s", nm, lost, whose, named);
    diag_note(L->d, first->sp, "the base's goal by %s is here", first->by.period.s ? first->by.period.s
                                                                 : arena_printf(L->a, "%d", first->by.year));
    diag_hint(L->d, "a restated condition replaces all the goals; to move a deadline and keep the other goals, "
                    "write them all: ': %s'", cond);
    return true;
}

/* Whether base target `it` may take the name `nw` (`override target OLD
 * as NEW`): a name the base program has never given a target — none of
 * its targets, dropped or kept, no earlier rename's old or new name — so
 * that one name never means two targets in the results, the history or
 * `planc diff`.  Reports why not. */
static bool rename_ok(loader *L, baseidx *b, const item *it, ast_name nw)
{
    if (strcmp(nw.s, it->name) == 0) {
        diag_error(L->d, nw.sp, "cannot rename target '%s' as '%s': that is its name already", it->name, nw.s);
        return false;
    }
    const item *other = ntab_find(&b->targets, nw.s);
    if (other) {
        diag_error(L->d, nw.sp, "cannot rename target '%s' as '%s': the base has a target '%s'", it->name,
                   nw.s, nw.s);
        diag_note(L->d, other->sp, "the base's target '%s' is here%s", nw.s,
                  other->dropped ? tr(L, " (this file drops it, but its name stays the base's)") : "");
        diag_hint(L->d, "a new name must be one the base never gave a target: then the results, the "
                        "history and 'planc diff' never take one target for another");
        return false;
    }
    const item *first = namemap_get(&b->renamed, nw.s);
    if (first) {
        diag_error(L->d, nw.sp, "cannot rename target '%s' as '%s': target '%s' is renamed '%s' already",
                   it->name, nw.s, first->name, nw.s);
        diag_note(L->d, first->edit->edit, "'%s' is renamed here", first->name);
        return false;
    }
    for (size_t i = 0; i < L->edits.n; i++) {
        const ast_origin *o = L->edits.v[i];
        if (o->kind == ORIGIN_RENAMED && o->item == IT_TARGET && o->name && strcmp(o->name, nw.s) == 0) {
            diag_error(L->d, nw.sp, "cannot rename target '%s' as '%s': '%s' is the old name of target '%s'",
                       it->name, nw.s, nw.s, o->new_name);
            diag_note(L->d, o->edit, "'%s' was renamed '%s' here", nw.s, o->new_name);
            diag_hint(L->d, "a new name must be one the base never gave a target: then the results, the "
                            "history and 'planc diff' never take one target for another");
            return false;
        }
    }
    return true;
}

/* `override target|redline NAME ...`: a new target in the place of the
 * base's, made of what the override restates and the base's other parts;
 * with `as NEW`, under the name NEW (the base's references to the old name
 * follow it: fix_assessment); with `in (ID)`, to be moved to measure (ID)
 * once every other edit is made (move_targets).  An override that only
 * moves leaves an ORIGIN_MOVED trace, one that changes more says "moved
 * to (ID)" in its detail. */
static void override_target(loader *L, baseidx *b, const ast_decl *d, uint32_t mi)
{
    const ast_target *o = d->u.over.target;
    item *it = find_base(L, b, &b->targets, IT_TARGET, o->name,
                         o->rename.s ? "rename" : o->move.s ? "move" : "override", mi);
    if (!it)
        return;
    const ast_target *t = it->t;
    if (o->redline != t->redline) {
        diag_error(L->d, o->name.sp, "'%s' is %sa red line in the base; write 'override %s %s'",
                   it->name, t->redline ? "" : tr(L, "not "), t->redline ? "redline" : "target", it->name);
        diag_note(L->d, t->sp, "the base's %s is here", tr(L, t->redline ? "red line" : "target"));
        return;
    }
    if (o->rename.s && !rename_ok(L, b, it, o->rename))
        return;
    ast_target *n = arena_alloc(L->a, sizeof *n);
    *n = *t;
    dtext detail = {0};
    n->name = o->rename.s ? o->rename : o->name;
    n->name.qual = NULL;
    if (o->measured) {
        n->kind = o->kind;
        n->measured = o->measured;
        n->ms = o->ms;
        n->nms = o->nms;
        n->peak_by = o->peak_by;
        n->has_peak_by = o->has_peak_by;
        n->tolerance = o->tolerance;
        detail_add(L, &detail, "condition");
    }
    bool lost = o->measured && lost_milestones(L, t, o);
    if (o->desc) {
        n->desc = o->desc;
        detail_add(L, &detail, "text");
    } else if (o->measured && !lost) {
        stale_text(L, d, t, o);
    }
    if (o->scope.only.n || o->scope.except.n) {
        n->scope = o->scope;
        detail_add(L, &detail, "scope");
    }
    if (o->weight) {
        n->weight = o->weight;
        detail_add(L, &detail, "weight");
    }
    if (o->veto && !t->veto) {
        n->veto = true;
        detail_add(L, &detail, "veto");
    }
    if (o->score) {
        n->score = o->score;
        detail_add(L, &detail, "score");
    }
    if (o->clause.s) {
        n->clause = o->clause;
        detail_add(L, &detail, "clause");
    }
    if (o->note) {
        n->note = o->note;
        detail_add(L, &detail, "note");
    }
    if (o->has_baseline) {
        n->baseline = o->baseline;
        n->has_baseline = true;
        n->baseline_kw = o->baseline_kw;
        detail_add(L, &detail, "baseline");
    }
    /* the target is in that measure already: the move is none (a
     * measure's id is one per program, so this is its measure) */
    bool move = o->move.s != NULL;
    if (move && it->me->id.s && strcmp(o->move.s, it->me->id.s) == 0) {
        diag_warning(L->d, WARN_EDIT_CHANGES_NOTHING, o->move.sp,
                     "target '%s' is in measure (%s) already: 'in (%s)' moves it nowhere", it->name, o->move.s,
                     o->move.s);
        move = false;
    } else if (!detail.en && !o->rename.s && !move) {
        diag_warning(L->d, WARN_EDIT_CHANGES_NOTHING, d->sp, "this override of target '%s' changes nothing", it->name);
    }
    n->sp = o->sp;
    n->measure = it->me;
    n->base = t;
    ast_originkind kind = o->rename.s ? ORIGIN_RENAMED : move && !detail.en ? ORIGIN_MOVED : ORIGIN_OVERRIDDEN;
    if (move && kind == ORIGIN_MOVED) {
        detail.en = arena_printf(L->a, "to (%s)", o->move.s);
        detail.zh_more = arena_printf(L->a, "移至措施（%s）", o->move.s);
    } else if (move) {
        detail_more(L, &detail, arena_printf(L->a, "moved to (%s)", o->move.s),
                    arena_printf(L->a, "移至措施（%s）", o->move.s));
    }
    if (move)
        it->move = d;
    ast_origin *org = origin(L, kind, IT_TARGET, it->name, item_ref(L, IT_TARGET, it->name), clause_of(L, it->me),
                             t->sp, d->sp);
    if (o->rename.s) {
        /* "as 水质达标" or "as 水质达标; condition, text" */
        org->new_name = o->rename.s;
        namemap_put(L->a, &b->renamed, o->rename.s, it);
    }
    set_detail(L, org, &detail);
    n->origin = org;
    it->edit = org;
    it->me->targets[it->slot] = n;
    it->t = n;
}

/* Whether expression e reads the regions below the row's — a call of
 * share or total, or of lowest, highest or average over a level (two
 * arguments), in e or in the formula of a base indicator it names — as
 * sema's share_call finds it by name.  Such a target without a scope is
 * a parent's share of its regions below and covers the regions that
 * have some (docs/LANGUAGE.md §6): no scope of all targets applies to
 * it.  `seen` holds the indicators walked already (a formula is walked
 * once; a cycle, reported by sema, counts as none). */
static bool reads_below(loader *L, baseidx *b, const ast_expr *e, namemap *seen, int depth)
{
    if (!e || depth > AST_MAX_DEPTH)
        return false;
    switch (e->kind) {
    case EX_NAME: {
        const item *it = ntab_find(&b->inds, e->u.name.s);
        if (!it || it->dropped || namemap_put(L->a, seen, it->name, (void *)it))
            return false;
        const ast_decl *d = L->out.v[it->slot];
        return d && d->kind == D_INDICATOR && reads_below(L, b, d->u.ind.formula, seen, 0);
    }
    case EX_UNARY:
        return reads_below(L, b, e->u.un.a, seen, depth + 1);
    case EX_BINARY:
        return reads_below(L, b, e->u.bin.a, seen, depth + 1) || reads_below(L, b, e->u.bin.b, seen, depth + 1);
    case EX_IF:
        return reads_below(L, b, e->u.cond.c, seen, depth + 1) || reads_below(L, b, e->u.cond.a, seen, depth + 1) ||
               reads_below(L, b, e->u.cond.b, seen, depth + 1);
    case EX_CALL: {
        const char *f = e->u.call.fn.s;
        if (strcmp(f, "share") == 0 || strcmp(f, "total") == 0 ||
            (e->u.call.nargs == 2 &&
             (strcmp(f, "lowest") == 0 || strcmp(f, "highest") == 0 || strcmp(f, "average") == 0)))
            return true;
        for (uint32_t i = 0; i < e->u.call.nargs; i++)
            if (reads_below(L, b, e->u.call.args[i], seen, depth + 1))
                return true;
        return false;
    }
    default:
        return false;
    }
}

/* Whether target t is a share target (reads_below in what it measures
 * or in a goal). */
static bool share_target(loader *L, baseidx *b, const ast_target *t)
{
    namemap seen = {0};
    if (reads_below(L, b, t->measured, &seen, 0))
        return true;
    for (uint32_t k = 0; k < t->nms; k++)
        if (reads_below(L, b, t->ms[k].goal, &seen, 0))
            return true;
    return false;
}

static const char *scope_text(loader *L, const ast_scope *sc);

/* `override targets for SCOPE`: every target of the base that still has
 * no scope after the file's other edits — not dropped, not given one by
 * its own `override target X for ...`, which wins wherever it is written
 * — takes SCOPE, as if each had been overridden with it alone; a share
 * target keeps its own default scope (share_target).  An added
 * level's regions are judged on every base target without a scope
 * (sema's warn_added_level_targets); this is the one statement that
 * says which levels those targets were written for.  Each target it
 * changes gets an ORIGIN_RESCOPED trace at the statement, so --origins,
 * explain and `planc diff` show the new scope target by target; the
 * scope's names are the extending file's, checked by sema as any scope
 * of that file.  Only the first such statement applies: a second is an
 * error (two would leave which scope a target has to their order). */
static void rescope_targets(loader *L, baseidx *b, const ptrvec *stmts)
{
    const ast_decl *d = NULL;
    for (size_t i = 0; i < stmts->n; i++) {
        const ast_decl *x = stmts->v[i];
        if (x->kind != D_OVERRIDE || x->u.over.what != OVR_TARGETS || !x->u.over.scope.only.n)
            continue; /* (one without a scope is a syntax error already) */
        if (!d) {
            d = x;
            continue;
        }
        diag_error(L->d, x->u.over.name.sp, "'override targets' is given twice: a base target without a scope "
                                            "can take one scope only");
        diag_note(L->d, d->u.over.name.sp, "the first 'override targets' is here");
        diag_hint(L->d, "give every level or region they hold for in one 'override targets for ...'; a target "
                        "that holds for others takes its own 'override target NAME for ...'");
    }
    if (!d)
        return;
    uint32_t n = 0, left = 0;
    for (size_t i = 0; i < b->targets.order.n; i++) {
        item *it = b->targets.order.v[i];
        ast_target *t = it->t;
        if (it->dropped || !t)
            continue;
        left++;
        if (t->scope.only.n || t->scope.except.n || share_target(L, b, t))
            continue;
        ast_target *nt = arena_alloc(L->a, sizeof *nt);
        *nt = *t;
        nt->scope = d->u.over.scope;
        if (!nt->base)
            nt->base = t;
        const char *nm = target_name(nt);
        ast_origin *org = origin(L, ORIGIN_RESCOPED, IT_TARGET, nm, item_ref(L, IT_TARGET, nm ? nm : "?"),
                                 clause_of(L, it->me), it->sp, d->sp);
        org->detail = arena_printf(L->a, "%s -> %s", scope_text(L, &t->scope), scope_text(L, &nt->scope));
        org->detail_zh = arena_printf(L->a, "由%s改为%s", scope_zh(L, &t->scope), scope_zh(L, &nt->scope));
        if (!nt->origin)
            nt->origin = org;
        it->me->targets[it->slot] = nt;
        it->t = nt;
        n++;
    }
    /* one that scoped a target, for sema to check its scope leaves some
     * region out (one that scoped none is told so here) */
    if (n > 0)
        ptrvec_push(L->a, &L->rescopes, (void *)d);
    if (n == 0 && left == 0)
        diag_warning(L->d, WARN_EDIT_CHANGES_NOTHING, d->sp,
                     "this 'override targets' changes nothing: no target of the base is left (the file drops "
                     "or leaves out every one)");
    else if (n == 0)
        diag_warning(L->d, WARN_EDIT_CHANGES_NOTHING, d->sp,
                     "this 'override targets' changes nothing: every target of the base has a scope already");
}

/* The measures of the program as the edits left it, by clause id: the
 * base's not dropped, the extending file's own and those its overrides
 * add (a measure's slot is NULL once dropped, until compact()). */
static void live_measures(loader *L, ntab *t)
{
    for (size_t i = 0; i < L->out.n; i++) {
        const ast_decl *d = L->out.v[i];
        if (!d || d->kind != D_SECTION || !d->u.section)
            continue;
        ast_section *sec = d->u.section;
        for (uint32_t j = 0; j < sec->nmeasures; j++) {
            ast_measure *me = sec->measures[j];
            if (!me || !me->id.s || ntab_find(t, me->id.s))
                continue;
            item *it = new_item(L, IT_MEASURE, me->id.s, me->id.sp);
            it->me = me;
            it->sec = sec;
            it->slot = j;
            ntab_add(L->a, t, it);
        }
    }
}

/* The measure (ID) that `override target X in (ID)` (d) moves target it
 * to, or NULL after reporting why there is none: dropped (by a drop, with
 * its section, or left out by a keep) or never declared, with a
 * did-you-mean over the program's measures. */
static ast_measure *move_dest(loader *L, baseidx *b, const ntab *live, const item *it, const ast_decl *d)
{
    ast_name id = d->u.over.target->move;
    const item *to = ntab_find(live, id.s);
    if (to)
        return to->me;
    /* the drop that took it: its own, or its section's (which an
     * override of the measure does not show on the measure's item) */
    const ast_origin *gone = NULL;
    for (size_t e = 0; ntab_find(&b->measures, id.s) && e < L->edits.n && !gone; e++) {
        const ast_origin *x = L->edits.v[e];
        if (x->kind != ORIGIN_DROPPED)
            continue;
        if (x->item == IT_MEASURE && strcmp(x->name, id.s) == 0)
            gone = x;
        for (size_t k = 0; x->item == IT_SECTION && k < x->along_measures.n && !gone; k++)
            if (strcmp(x->along_measures.v[k], id.s) == 0)
                gone = x;
    }
    if (gone) {
        if (gone->item == IT_MEASURE) {
            diag_error(L->d, id.sp, "cannot move target '%s' to measure (%s): the measure was dropped", it->name,
                       id.s);
            if (gone->by_keep)
                diag_note(L->d, gone->edit, "this 'keep' drops every %s of the base it does not list",
                          tr(L, "measure"));
            else
                diag_note(L->d, gone->edit, "it was %s here", tr(L, "dropped"));
        } else {
            diag_error(L->d, id.sp, "cannot move target '%s' to measure (%s): the measure was dropped with %s",
                       it->name, id.s, origin_shown(L, gone));
            diag_note(L->d, gone->edit, "%s, which declares %s, was dropped here", origin_shown(L, gone),
                      arena_printf(L->a, tr(L, "(%s)"), id.s));
        }
        if (gone->by_keep)
            diag_hint(L->d, "'keep %s' leaves out %s: add it to that list to keep it", itemword[gone->item],
                      origin_shown(L, gone));
        return NULL;
    }
    diag_error(L->d, id.sp, "cannot move target '%s' to measure (%s): neither the base nor this file has one",
               it->name, id.s);
    suggest(L, live, id.s, true);
    return NULL;
}

/* Whether the file moves every target that drop o took along (a drop of
 * a measure whose targets all go elsewhere: the file merges it into
 * another measure, and the drop is what it must leave out). */
static bool all_moved(const baseidx *b, const ast_origin *o)
{
    uint32_t n = 0;
    for (size_t k = 0; k < o->along_targets.n; k++) {
        const item *t = ntab_find(&b->targets, o->along_targets.v[k]);
        if (!t)
            continue; /* the new name of a renamed target: its base name is listed too */
        if (!t->move)
            return false;
        n++;
    }
    return n > 0;
}

/* `override target X in (ID)`: each target an accepted override moves
 * (item.move) leaves its measure's list (its slot NULL until compact(),
 * as a drop leaves it) and joins the end of measure (ID)'s, in the order
 * of the statements, with everything it has — its weight, veto, note and
 * the base assessment's weights and vetoes of it, which name it.  Made
 * after every other edit, so that (ID) may be a measure the file adds
 * anywhere in it (`override section ... { measure (ID) ... }`) and a
 * drop of (ID), of the target or of its measure is seen wherever it is
 * written. */
static void move_targets(loader *L, baseidx *b, const ptrvec *stmts)
{
    ntab live = {0};
    bool listed = false;
    const ast_origin *hinted = NULL; /* the drop whose hint was given last */
    for (size_t i = 0; i < stmts->n; i++) {
        const ast_decl *d = stmts->v[i];
        if (d->kind != D_OVERRIDE || d->u.over.what != OVR_TARGET || !d->u.over.target->move.s)
            continue;
        const ast_target *o = d->u.over.target;
        item *it = ntab_find(&b->targets, o->name.s);
        if (!it || it->move != d)
            continue; /* the override was refused, or moves it nowhere */
        if (it->dropped) {
            /* a drop of its measure or section after the override took
             * it along (one before it refused the override): the drop
             * that names it among the targets it took */
            const ast_origin *why = NULL;
            for (size_t e = 0; e < L->edits.n && !why; e++) {
                const ast_origin *x = L->edits.v[e];
                for (size_t k = 0; x->kind == ORIGIN_DROPPED && k < x->along_targets.n && !why; k++)
                    if (x->along_targets.v[k] == it->name)
                        why = x;
            }
            if (!why)
                continue;
            diag_error(L->d, o->move.sp, "cannot move target '%s' to measure (%s): the target was dropped with %s",
                       it->name, o->move.s, origin_shown(L, why));
            diag_note(L->d, why->edit, "%s, which declares %s, was dropped here", origin_shown(L, why),
                      arena_printf(L->a, tr(L, "'%s'"), it->name));
            if (why == hinted)
                continue; /* the hint is the one at the measure's first target moved */
            hinted = why;
            if (why->item == IT_MEASURE && all_moved(b, why))
                diag_hint(L->d, "a target leaves with its measure, moved or not, and this file moves every target "
                                "of %s: to merge the measure into another, leave out its drop (the last move then "
                                "warns that it is left empty: accept that with 'allow move-leaves-empty \"...\"' "
                                "after the move)",
                          origin_shown(L, why));
            else
                diag_hint(L->d, "a target leaves with its measure or section, moved or not: to keep it, drop the "
                                "others by name ('drop target ...') instead");
            continue;
        }
        if (!listed) {
            live_measures(L, &live);
            listed = true;
        }
        ast_measure *to = move_dest(L, b, &live, it, d);
        if (!to)
            continue;
        it->me->targets[it->slot] = NULL;
        it->from = it->me;
        to->targets = (ast_target **)append_ptrs(L->a, (void **)to->targets, to->ntargets,
                                                 (void *const *)&it->t, 1);
        it->t->measure = to;
        it->me = to;
        it->slot = to->ntargets++;
    }
}

/* Gives every target of a measure written by the extending file an
 * ORIGIN_ADDED trace. */
static void mark_added_targets(loader *L, ast_measure *me, uint32_t from)
{
    for (uint32_t k = from; k < me->ntargets; k++) {
        ast_target *t = me->targets[k];
        const char *nm = target_name(t);
        t->origin = origin(L, ORIGIN_ADDED, IT_TARGET, nm, item_ref(L, IT_TARGET, nm ? nm : "?"),
                           clause_of(L, me), (span){0, 0, 0}, t->sp);
    }
}

/* `override measure (ID) ...`: changes the base's measure in place. */
static void override_measure(loader *L, baseidx *b, const ast_decl *d, uint32_t mi)
{
    const ast_measure *o = d->u.over.measure;
    item *it = find_base(L, b, &b->measures, IT_MEASURE, o->id, "override", mi);
    if (!it)
        return;
    ast_measure *me = it->me;
    dtext detail = {0};
    ast_origin *org = origin(L, ORIGIN_OVERRIDDEN, IT_MEASURE, it->name, item_ref(L, IT_MEASURE, it->name),
                             clause_of(L, me), me->sp, d->sp);
    if (o->title) {
        me->title = o->title;
        detail_add(L, &detail, "title");
    }
    if (o->weight) {
        me->weight = o->weight;
        detail_add(L, &detail, "weight");
    }
    if (o->lead.n || o->has_shared) {
        /* a measure has a lead or shared agencies: giving one replaces both */
        me->lead = o->lead;
        me->shared = o->shared;
        me->has_shared = o->has_shared;
        detail_add(L, &detail, o->has_shared ? "shared" : "lead");
    }
    if (o->responsible.n) {
        me->responsible = o->responsible;
        detail_add(L, &detail, "responsible");
    }
    if (o->ntargets) {
        uint32_t from = me->ntargets;
        me->targets = (ast_target **)append_ptrs(L->a, (void **)me->targets, me->ntargets,
                                                 (void *const *)o->targets, o->ntargets);
        me->ntargets += o->ntargets;
        for (uint32_t k = 0; k < o->ntargets; k++)
            o->targets[k]->measure = me;
        mark_added_targets(L, me, from);
        detail_more(L, &detail, arena_printf(L->a, "%u new target%s", o->ntargets, o->ntargets == 1 ? "" : "s"),
                    arena_printf(L->a, "新增%u项目标", o->ntargets));
    }
    if (!detail.en)
        diag_warning(L->d, WARN_EDIT_CHANGES_NOTHING, d->sp, "this override of measure (%s) changes nothing", it->name);
    set_detail(L, org, &detail);
    me->origin = org;
    it->edit = org;
}

/* A measure the extending file added to a base section: traces for it and
 * its targets. */
static void mark_added_measure(loader *L, ast_measure *me)
{
    me->origin = origin(L, ORIGIN_ADDED, IT_MEASURE, me->id.s, item_ref(L, IT_MEASURE, me->id.s ? me->id.s : "?"),
                        clause_of(L, me), (span){0, 0, 0}, me->sp);
    mark_added_targets(L, me, 0);
}

/* `override section ID ...`: a new title, new measures. */
static void override_section(loader *L, baseidx *b, const ast_decl *d, uint32_t mi)
{
    const ast_section *o = d->u.over.section;
    item *it = find_base(L, b, &b->sections, IT_SECTION, o->id, "override", mi);
    if (!it)
        return;
    ast_section *sec = it->sec;
    dtext detail = {0};
    ast_origin *org = origin(L, ORIGIN_OVERRIDDEN, IT_SECTION, it->name, item_ref(L, IT_SECTION, it->name),
                             NULL, sec->sp, d->sp);
    if (o->title) {
        sec->title = o->title;
        detail_add(L, &detail, "title");
    }
    if (o->weight) {
        sec->weight = o->weight;
        detail_add(L, &detail, "weight");
    }
    sec->measures = (ast_measure **)append_ptrs(L->a, (void **)sec->measures, sec->nmeasures,
                                                (void *const *)o->measures, o->nmeasures);
    sec->nmeasures += o->nmeasures;
    for (uint32_t k = 0; k < o->nmeasures; k++) {
        o->measures[k]->section = sec;
        mark_added_measure(L, o->measures[k]);
    }
    if (o->nmeasures)
        detail_more(L, &detail, arena_printf(L->a, "%u new measure%s", o->nmeasures, o->nmeasures == 1 ? "" : "s"),
                    arena_printf(L->a, "新增%u项措施", o->nmeasures));
    if (!detail.en)
        diag_warning(L->d, WARN_EDIT_CHANGES_NOTHING, d->sp, "this override of section '%s' changes nothing", it->name);
    set_detail(L, org, &detail);
    sec->origin = org;
    it->edit = org;
}

/* Whether base indicator `it` may take the name `nw` (`override indicator
 * OLD as NEW`), by the rules of a target's rename (rename_ok): not OLD
 * itself, no name the base gives an indicator (kept or dropped), none
 * this file declares, no other rename's new name, no earlier rename's old
 * name (in an adaptation of an adaptation) — so that one name never
 * means two indicators to `planc diff` or to a reader of the results.
 * Reports why not. */
static bool ind_rename_ok(loader *L, baseidx *b, const item *it, ast_name nw, uint32_t mi)
{
    if (strcmp(nw.s, it->name) == 0) {
        diag_error(L->d, nw.sp, "cannot rename indicator '%s' as '%s': that is its name already", it->name,
                   nw.s);
        return false;
    }
    const item *other = ntab_find(&b->inds, nw.s);
    if (other) {
        diag_error(L->d, nw.sp, "cannot rename indicator '%s' as '%s': the base has an indicator '%s'",
                   it->name, nw.s, nw.s);
        diag_note(L->d, other->sp, "the base's indicator '%s' is here%s", nw.s,
                  other->dropped ? tr(L, " (this file drops it, but its name stays the base's)") : "");
        diag_hint(L->d, "a new name must be one the base never gave an indicator: then 'planc diff' and "
                        "the results never take one indicator for another");
        return false;
    }
    const item *first = namemap_get(&b->ind_renamed, nw.s);
    if (first) {
        diag_error(L->d, nw.sp, "cannot rename indicator '%s' as '%s': indicator '%s' is renamed '%s' already",
                   it->name, nw.s, first->name, nw.s);
        diag_note(L->d, first->edit->edit, "'%s' is renamed here", first->name);
        return false;
    }
    span own;
    if (declared_by(L, mi, IT_INDICATOR, nw.s, &own)) {
        diag_error(L->d, nw.sp, "cannot rename indicator '%s' as '%s': this file declares an indicator '%s'",
                   it->name, nw.s, nw.s);
        diag_note(L->d, own, "'%s' is declared here", nw.s);
        diag_hint(L->d, "rename it to a name of its own, or drop it and declare '%s' alone", nw.s);
        return false;
    }
    for (size_t i = 0; i < L->edits.n; i++) {
        const ast_origin *o = L->edits.v[i];
        if (o->kind == ORIGIN_RENAMED && o->item == IT_INDICATOR && o->name && strcmp(o->name, nw.s) == 0) {
            diag_error(L->d, nw.sp,
                       "cannot rename indicator '%s' as '%s': '%s' is the old name of indicator '%s'", it->name,
                       nw.s, nw.s, o->new_name);
            diag_note(L->d, o->edit, "'%s' was renamed '%s' here", nw.s, o->new_name);
            diag_hint(L->d, "a new name must be one the base never gave an indicator: then 'planc diff' "
                            "and the results never take one indicator for another");
            return false;
        }
    }
    return true;
}

/* `override indicator NAME ...`: a new declaration in the place of the
 * base's; the checker compares the units (ast_decl.base). */
static void override_indicator(loader *L, baseidx *b, const ast_decl *d, uint32_t mi)
{
    const ast_decl *o = d->u.over.decl;
    ast_name nw = d->u.over.rename;
    item *it = find_base(L, b, &b->inds, IT_INDICATOR, d->u.over.name, nw.s ? "rename" : "override", mi);
    if (!it)
        return;
    if (nw.s && !ind_rename_ok(L, b, it, nw, mi))
        return;
    const ast_decl *old = L->out.v[it->slot];
    ast_decl *n = arena_alloc(L->a, sizeof *n);
    *n = *old;
    dtext detail = {0};
    if (nw.s) {
        /* the base's column, formula or values, unit and display name stay
         * (each is its own attribute: the data column is named by `column`,
         * never by the indicator's name); fix_indicators renames the base's
         * uses */
        n->u.ind.name = nw;
        n->u.ind.name.qual = NULL;
    }
    if (o->u.ind.display) {
        n->u.ind.display = o->u.ind.display;
        detail_add(L, &detail, "display name");
    }
    if (o->u.ind.unit) {
        n->u.ind.unit = o->u.ind.unit;
        detail_add(L, &detail, "unit");
    }
    if (o->u.ind.dir != DIR_NONE) {
        n->u.ind.dir = o->u.ind.dir;
        n->u.ind.dir_sp = o->u.ind.dir_sp;
        detail_add(L, &detail, "direction");
    }
    if (o->u.ind.column) {
        /* a column replaces the base's column or formula */
        n->u.ind.column = o->u.ind.column;
        n->u.ind.column_sp = o->u.ind.column_sp;
        n->u.ind.column_unit = o->u.ind.column_unit;
        n->u.ind.agg = o->u.ind.agg;
        n->u.ind.map = o->u.ind.map;
        n->u.ind.formula = o->u.ind.formula;
        n->u.ind.values = o->u.ind.values;
        n->u.ind.nvalues = o->u.ind.nvalues;
        detail_add(L, &detail, "column");
    } else if (o->u.ind.formula || o->u.ind.values) {
        /* a formula or a values table replaces the base's column, formula
         * or table */
        n->u.ind.formula = o->u.ind.formula;
        n->u.ind.values = o->u.ind.values;
        n->u.ind.nvalues = o->u.ind.nvalues;
        n->u.ind.values_sp = o->u.ind.values_sp;
        n->u.ind.column = NULL;
        n->u.ind.column_unit = NULL;
        n->u.ind.agg = (ast_agg){.kind = AGG_NONE};
        n->u.ind.map = (ast_name){0};
        detail_add(L, &detail, o->u.ind.values ? "values" : "formula");
    }
    if (!detail.en && !nw.s)
        diag_warning(L->d, WARN_EDIT_CHANGES_NOTHING, d->sp, "this override of indicator '%s' changes nothing", it->name);
    n->sp = o->sp;
    n->base = old;
    ast_origin *org = origin(L, nw.s ? ORIGIN_RENAMED : ORIGIN_OVERRIDDEN, IT_INDICATOR, it->name,
                             item_ref(L, IT_INDICATOR, it->name), NULL, old->sp, d->sp);
    if (nw.s) {
        /* "as 细颗粒物浓度" or "as 细颗粒物浓度; column" */
        org->new_name = nw.s;
        namemap_put(L->a, &b->ind_renamed, nw.s, it);
    }
    set_detail(L, org, &detail);
    n->origin = org;
    it->edit = org;
    L->out.v[it->slot] = n;
}

/* True when two weights are of the same item. */
static bool same_weight(const ast_weight *x, const ast_weight *y)
{
    return x->kind == y->kind && x->what.s && y->what.s && strcmp(x->what.s, y->what.s) == 0;
}

/* An assessment override's weight x of an item whose base weight is not in
 * the base's assessment: when the base gives it beside the item (`section
 * 一 "..." weight 60`, `measure (1) ... weight 2`, a target's `weight 2`),
 * x replaces that one, which leaves the item (a weight is given in one
 * place, and the checker would see two). */
static void replace_header_weight(loader *L, baseidx *b, const ast_weight *x)
{
    ntab *t = x->kind == WK_SECTION ? &b->sections : x->kind == WK_MEASURE ? &b->measures : &b->targets;
    item *it = x->what.s ? ntab_find(t, x->what.s) : NULL;
    if (!it || (it->edit && it->edit->kind == ORIGIN_DROPPED))
        return;
    if (x->kind == WK_SECTION) {
        if (it->sec->weight && in_base(L, it->sec->weight->sp))
            it->sec->weight = NULL;
    } else if (x->kind == WK_MEASURE) {
        if (it->me->weight && in_base(L, it->me->weight->sp))
            it->me->weight = NULL;
    } else if (it->t->weight && in_base(L, it->t->weight->sp)) {
        /* a copy, as override_target makes: the base's target stays whole */
        ast_target *n = arena_alloc(L->a, sizeof *n);
        *n = *it->t;
        n->weight = NULL;
        it->me->targets[it->slot] = n;
        it->t = n;
    }
}

/* `override assessment NAME { ... }`: what it gives replaces the base's;
 * weights replace the base's weight of the same item (in its assessment or
 * beside the item) or are added; vetoes are added. */
static void override_assessment(loader *L, baseidx *b, const ast_decl *d)
{
    const ast_decl *o = d->u.over.decl;
    ast_name nm = d->u.over.name;
    if (b->assess_slot < 0) {
        diag_error(L->d, nm.sp, "cannot override assessment '%s': the base has none", nm.s ? nm.s : "?");
        return;
    }
    if (b->assess_edit) {
        const char *how = tr(L, b->assess_edit->kind == ORIGIN_DROPPED ? "dropped" : "overridden");
        diag_error(L->d, nm.sp, "cannot override assessment '%s': it was %s already", nm.s ? nm.s : "?", how);
        diag_note(L->d, b->assess_edit->edit, "it was %s here", how);
        return;
    }
    const ast_decl *old = L->out.v[b->assess_slot];
    if (nm.s && old->u.assess.name.s && strcmp(nm.s, old->u.assess.name.s) != 0) {
        diag_error(L->d, nm.sp, "cannot override assessment '%s': the base's assessment is '%s'",
                   nm.s, old->u.assess.name.s);
        diag_note(L->d, old->u.assess.name.sp, "the base's assessment is here");
        return;
    }
    ast_decl *n = arena_alloc(L->a, sizeof *n);
    *n = *old;
    dtext detail = {0};
    if (o->u.assess.missing != MISSING_UNSET) {
        n->u.assess.missing = o->u.assess.missing;
        n->u.assess.missing_sp = o->u.assess.missing_sp;
        detail_add(L, &detail, "missing");
    }
    if (o->u.assess.score) {
        n->u.assess.score = o->u.assess.score;
        detail_add(L, &detail, "score");
    }
    if (o->u.assess.nweights) {
        uint32_t nw = old->u.assess.nweights;
        ast_weight *w = arena_alloc(L->a, (nw + o->u.assess.nweights + 1) * sizeof *w);
        if (nw)
            memcpy(w, old->u.assess.weights, nw * sizeof *w);
        for (uint32_t k = 0; k < o->u.assess.nweights; k++) {
            const ast_weight *x = &o->u.assess.weights[k];
            uint32_t j = 0;
            while (j < nw && !(same_weight(&w[j], x) && in_base(L, w[j].sp)))
                j++;
            if (j < nw) {
                w[j] = *x;
            } else {
                w[nw++] = *x;
                replace_header_weight(L, b, x);
            }
        }
        n->u.assess.weights = w;
        n->u.assess.nweights = nw;
        detail_add(L, &detail, "weights");
    }
    if (o->u.assess.veto_redlines && !old->u.assess.veto_redlines) {
        n->u.assess.veto_redlines = true;
        n->u.assess.veto_redlines_sp = o->u.assess.veto_redlines_sp;
        detail_add(L, &detail, "veto redlines");
    }
    if (o->u.assess.veto.n) {
        uint32_t nv = old->u.assess.veto.n;
        ast_name *v = arena_alloc(L->a, (nv + o->u.assess.veto.n + 1) * sizeof *v);
        if (nv)
            memcpy(v, old->u.assess.veto.v, nv * sizeof *v);
        memcpy(v + nv, o->u.assess.veto.v, o->u.assess.veto.n * sizeof *v);
        n->u.assess.veto = (ast_names){v, nv + o->u.assess.veto.n};
        detail_add(L, &detail, "vetoes");
    }
    if (o->u.assess.nbands) {
        n->u.assess.bands = o->u.assess.bands;
        n->u.assess.nbands = o->u.assess.nbands;
        n->u.assess.grade_sp = o->u.assess.grade_sp;
        detail_add(L, &detail, "grades");
    }
    if (!detail.en)
        diag_warning(L->d, WARN_EDIT_CHANGES_NOTHING, d->sp, "this override of assessment '%s' changes nothing", nm.s ? nm.s : "?");
    n->base = old;
    ast_origin *org = origin(L, ORIGIN_OVERRIDDEN, IT_ASSESSMENT, old->u.assess.name.s,
                             item_ref(L, IT_ASSESSMENT, old->u.assess.name.s ? old->u.assess.name.s : "?"),
                             NULL, old->sp, d->sp);
    set_detail(L, org, &detail);
    n->origin = org;
    b->assess_edit = org;
    L->out.v[b->assess_slot] = n;
}

/* ---------------------------------------------------------------- the plan */

/* The extending file's plan block merged into the base's plan: what it
 * gives replaces the base's; periods of the same name are replaced, new
 * ones added. */
static void merge_plan(loader *L, const ast_decl *p)
{
    ast_decl *old = NULL;
    size_t slot = 0;
    for (size_t i = 0; i < L->out.n && !old; i++) {
        ast_decl *d = L->out.v[i];
        if (d && d->kind == D_PLAN && in_base(L, d->sp)) {
            old = d;
            slot = i;
        }
    }
    if (!old) {
        ptrvec_push(L->a, &L->out, (void *)p);
        return;
    }
    ast_decl *n = arena_alloc(L->a, sizeof *n);
    *n = *old;
    dtext detail = {0};
    n->sp = p->sp;
    n->u.plan.name = p->u.plan.name;
    n->u.plan.extends = p->u.plan.extends;
    n->u.plan.extends_sp = p->u.plan.extends_sp;
    n->u.plan.extends_as = p->u.plan.extends_as;
    if (!old->u.plan.name.s || !p->u.plan.name.s || strcmp(old->u.plan.name.s, p->u.plan.name.s) != 0)
        detail_add(L, &detail, "name");
    if (p->u.plan.title) {
        n->u.plan.title = p->u.plan.title;
        detail_add(L, &detail, "title");
    }
    if (p->u.plan.region.s) {
        n->u.plan.region = p->u.plan.region;
        detail_add(L, &detail, "region");
    }
    if (p->u.plan.has_baseline) {
        n->u.plan.baseline = p->u.plan.baseline;
        n->u.plan.baseline_sp = p->u.plan.baseline_sp;
        n->u.plan.has_baseline = true;
        detail_add(L, &detail, "baseline");
    }
    if (p->u.plan.has_horizon) {
        n->u.plan.horizon = p->u.plan.horizon;
        n->u.plan.horizon_sp = p->u.plan.horizon_sp;
        n->u.plan.has_horizon = true;
        detail_add(L, &detail, "horizon");
    }
    if (p->u.plan.nperiods) {
        uint32_t np = old->u.plan.nperiods;
        ast_period *v = arena_alloc(L->a, (np + p->u.plan.nperiods + 1) * sizeof *v);
        if (np)
            memcpy(v, old->u.plan.periods, np * sizeof *v);
        for (uint32_t k = 0; k < p->u.plan.nperiods; k++) {
            const ast_period *x = &p->u.plan.periods[k];
            uint32_t j = 0;
            while (j < np && !(v[j].name.s && x->name.s && strcmp(v[j].name.s, x->name.s) == 0))
                j++;
            if (j < np && in_base(L, v[j].sp))
                v[j] = *x;
            else
                v[np++] = *x;
        }
        n->u.plan.periods = v;
        n->u.plan.nperiods = np;
        detail_add(L, &detail, "periods");
    }
    if (p->u.plan.region_key) {
        n->u.plan.region_key = p->u.plan.region_key;
        n->u.plan.region_key_sp = p->u.plan.region_key_sp;
        detail_add(L, &detail, "keys");
    }
    if (p->u.plan.year_key) {
        n->u.plan.year_key = p->u.plan.year_key;
        n->u.plan.year_key_sp = p->u.plan.year_key_sp;
        if (!p->u.plan.region_key)
            detail_add(L, &detail, "keys");
    }
    n->base = old;
    ast_origin *org = origin(L, ORIGIN_OVERRIDDEN, IT_PLAN, n->u.plan.name.s,
                             item_ref(L, IT_PLAN, n->u.plan.name.s ? n->u.plan.name.s : "?"),
                             NULL, old->sp, p->sp);
    set_detail(L, org, &detail);
    n->origin = org;
    L->out.v[slot] = n;
}

/* ---------------------------------------------------------------- levels */

/* True when two level names are the same. */
static bool same_name(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* Level `at` of an extending file's `levels` d, which is level k of the
 * base's declaration old: it keeps the base's text (`city "市州"`) unless
 * d gives one of its own, which replaces it. */
static void keep_level_text(loader *L, ast_decl *d, uint32_t at, const ast_decl *old, uint32_t k)
{
    if (!old->u.levels.texts || !old->u.levels.texts[k].s)
        return;
    if (d->u.levels.texts && d->u.levels.texts[at].s)
        return;
    if (!d->u.levels.texts)
        d->u.levels.texts = arena_alloc(L->a, d->u.levels.names.n * sizeof *d->u.levels.texts);
    d->u.levels.texts[at] = old->u.levels.texts[k];
}

/* `levels` in a plan that extends a base.  The list may add levels, for a
 * group at a level of its own (`levels province, area, city` on a base of
 * `province, city`), but holds the base's levels, in their order, since
 * the base's regions and scopes name them: it then replaces the base's
 * list, and --origins says so; a base level without a text of its own
 * here keeps the base's.  Otherwise it is an error, and the base's list
 * stays. */
static void merge_levels(loader *L, ast_decl *d, const char *plan)
{
    ast_decl *old = NULL;
    size_t slot = 0;
    for (size_t i = 0; i < L->out.n && !old; i++) {
        ast_decl *x = L->out.v[i];
        if (x && x->kind == D_LEVELS && in_base(L, x->sp)) {
            old = x;
            slot = i;
        }
    }
    if (!old) {
        ptrvec_push(L->a, &L->out, d);
        return;
    }
    const ast_names *b = &old->u.levels.names, *n = &d->u.levels.names;
    uint32_t from = 0;
    for (uint32_t k = 0; k < b->n; k++) {
        uint32_t at = from;
        while (at < n->n && !same_name(n->v[at].s, b->v[k].s))
            at++;
        if (at < n->n) {
            from = at + 1;
            keep_level_text(L, d, at, old, k);
            continue;
        }
        uint32_t was = 0;
        while (was < from && !same_name(n->v[was].s, b->v[k].s))
            was++;
        if (was < from)
            diag_error(L->d, n->v[was].sp, "level '%s' comes before '%s' here, but after it in the "
                       "base: an extending plan may add levels, not reorder the base's",
                       b->v[k].s, b->v[k - 1].s ? b->v[k - 1].s : "?");
        else
            diag_error(L->d, d->sp, "the base's level '%s' is not in this list: an extending plan "
                       "may add levels, not remove the base's", b->v[k].s ? b->v[k].s : "?");
        diag_note(L->d, old->sp, "the base's levels are declared here");
        return;
    }
    /* the levels this list adds: sema warns where the base's targets
     * without a scope now judge their regions too */
    for (uint32_t at = 0; at < n->n; at++) {
        uint32_t k = 0;
        while (k < b->n && !same_name(n->v[at].s, b->v[k].s))
            k++;
        if (k < b->n)
            continue;
        if (!d->u.levels.added)
            d->u.levels.added = arena_alloc(L->a, n->n * sizeof *d->u.levels.added);
        d->u.levels.added[at] = true;
    }
    ast_origin *org = origin(L, ORIGIN_OVERRIDDEN, IT_PLAN, plan, item_ref(L, IT_PLAN, plan ? plan : "?"),
                             NULL, old->sp, d->sp);
    org->detail = "levels";
    org->detail_zh = "改动层级";
    d->origin = org;
    L->out.v[slot] = d;
}

/* ---------------------------------------------------------------- regions */

/* `region NEW : LEVEL replaces OLD` of module mi: OLD leaves the program and
 * every reference the base makes to it now names NEW. */
static void apply_replaces(loader *L, baseidx *b, const ast_decl *d, uint32_t mi)
{
    ast_name old = d->u.region.replaces;
    if (d->u.region.names.n != 1) {
        diag_error(L->d, old.sp, "'replaces' needs a single region; this declares %u", d->u.region.names.n);
        return;
    }
    item *it = find_base(L, b, &b->regions, IT_REGION, old, "replace", mi);
    if (!it)
        return;
    it->replaced_by = d->u.region.names.v[0].s;
    it->replacer = (ast_decl *)d;
    it->drop_sp = old.sp;
    ast_origin *org = origin(L, ORIGIN_REPLACED, IT_REGION, it->name, item_ref(L, IT_REGION, it->name),
                             NULL, it->sp, d->sp);
    org->detail = arena_printf(L->a, "by %s", it->replaced_by);
    org->detail_zh = arena_printf(L->a, "替换为“%s”", it->replaced_by);
    org->new_name = it->replaced_by;
    it->edit = org;
    ((ast_decl *)d)->origin = org;
}

/* Whether base region `it` may take the name `nw` (`override region OLD
 * as NEW`), by the rules of a target's rename (rename_ok): a name the
 * program has never given a region — none of the base's regions, dropped,
 * replaced or kept, none this file declares, no earlier rename's or
 * replacement's old name, no other rename's new name — so that one name
 * never means two regions in the results, the history or `planc diff`.
 * Reports why not. */
static bool region_rename_ok(loader *L, baseidx *b, const item *it, ast_name nw)
{
    static const char why[] = "a new name must be one the program never gave a region: then the results, "
                              "the history and 'planc diff' never take one region for another";
    if (strcmp(nw.s, it->name) == 0) {
        diag_error(L->d, nw.sp, "cannot rename region '%s' as '%s': that is its name already", it->name, nw.s);
        return false;
    }
    const item *other = ntab_find(&b->regions, nw.s);
    if (other) {
        diag_error(L->d, nw.sp, "cannot rename region '%s' as '%s': the base has a region '%s'", it->name,
                   nw.s, nw.s);
        diag_note(L->d, other->sp, "the base's region '%s' is here%s", nw.s,
                  other->dropped ? tr(L, " (this file drops it, but its name stays the base's)")
                  : other->replaced_by && !other->over ? tr(L, " (this file replaces it, but its name stays the base's)")
                                                       : "");
        diag_hint(L->d, why);
        return false;
    }
    const item *own = ntab_find(&b->own_regions, nw.s);
    if (own) {
        diag_error(L->d, nw.sp, "cannot rename region '%s' as '%s': this file declares a region '%s'",
                   it->name, nw.s, nw.s);
        diag_note(L->d, own->sp, "'%s' is declared here", nw.s);
        diag_hint(L->d, "rename it to a name of its own, or drop it and declare '%s' alone", nw.s);
        return false;
    }
    const item *first = namemap_get(&b->region_renamed, nw.s);
    if (first) {
        diag_error(L->d, nw.sp, "cannot rename region '%s' as '%s': region '%s' is renamed '%s' already",
                   it->name, nw.s, first->name, nw.s);
        diag_note(L->d, first->edit->edit, "'%s' is renamed here", first->name);
        return false;
    }
    for (size_t i = 0; i < L->edits.n; i++) {
        const ast_origin *o = L->edits.v[i];
        if ((o->kind == ORIGIN_RENAMED || o->kind == ORIGIN_REPLACED) && o->item == IT_REGION && o->name &&
            strcmp(o->name, nw.s) == 0) {
            const char *to = o->new_name ? o->new_name : "?";
            diag_error(L->d, nw.sp, "cannot rename region '%s' as '%s': '%s' is the old name of region '%s'",
                       it->name, nw.s, nw.s, to);
            diag_note(L->d, o->edit, "'%s' was %s '%s' here", nw.s,
                      tr(L, o->kind == ORIGIN_RENAMED ? "renamed" : "replaced by"), to);
            diag_hint(L->d, why);
            return false;
        }
    }
    return true;
}

/* `override region OLD [as NEW] [: LEVEL] [in PARENT] [alias ...]` of
 * module mi: what it gives replaces the base's level, parent or aliases;
 * with `as NEW`, the region takes the name NEW, and every reference the
 * base makes to OLD names NEW (as for `replaces`: fix_regions).  The
 * region keeps its place and what the override does not give; fix_regions
 * makes its declaration. */
static void override_region(loader *L, baseidx *b, const ast_decl *d, uint32_t mi)
{
    const ast_decl *o = d->u.over.decl;
    ast_name nw = d->u.over.rename;
    item *it = find_base(L, b, &b->regions, IT_REGION, d->u.over.name, nw.s ? "rename" : "override", mi);
    if (!it)
        return;
    if (nw.s && !region_rename_ok(L, b, it, nw))
        return;
    /* `of MEMBERS` gives a group other members: a region the base
     * declares without `of` is no group (its rows are its own), and
     * making it one here would change what it is, not its members */
    const ast_decl *bd = L->out.v[it->slot];
    if (o->u.region.is_group && bd && bd->kind == D_REGION && !bd->u.region.is_group) {
        span of = o->u.region.members.n ? o->u.region.members.v[0].sp : d->sp;
        diag_error(L->d, of, "cannot give region '%s' members: the base declares it without 'of', "
                             "so it is no group", it->name);
        diag_note(L->d, it->sp, "'%s' is declared here", it->name);
        diag_hint(L->d, "'of' in an override changes a group's members; for a group of your own, "
                        "declare one ('region NAME : LEVEL of ...')");
        return;
    }
    dtext detail = {0};
    if (o->u.region.level.s)
        detail_add(L, &detail, "level");
    if (o->u.region.parent.s)
        detail_add(L, &detail, "parent");
    if (o->u.region.is_group)
        detail_add(L, &detail, "members");
    if (o->u.region.naliases)
        detail_add(L, &detail, "aliases");
    if (!detail.en && !nw.s) {
        diag_warning(L->d, WARN_EDIT_CHANGES_NOTHING, d->sp, "this override of region '%s' changes nothing", it->name);
        diag_hint(L->d, "give a new name ('as NEW'), a level (': LEVEL'), a parent ('in PARENT'), "
                        "a group's members ('of ...') or aliases");
    }
    ast_origin *org = origin(L, nw.s ? ORIGIN_RENAMED : ORIGIN_OVERRIDDEN, IT_REGION, it->name,
                             item_ref(L, IT_REGION, it->name), NULL, it->sp, d->sp);
    if (nw.s) {
        org->new_name = nw.s;
        namemap_put(L->a, &b->region_renamed, nw.s, it);
        it->replaced_by = nw.s;
        it->drop_sp = nw.sp;
    }
    set_detail(L, org, &detail);
    it->edit = org;
    it->over = o;
}

/* The base region a name written in the base refers to, when the extending
 * file dropped or replaced it (and does not declare the name itself). */
static item *gone_region(baseidx *b, ast_name n)
{
    item *it = n.s ? ntab_find(&b->regions, n.s) : NULL;
    if (!it || !(it->dropped || it->replaced_by) || ntab_find(&b->own_regions, n.s))
        return NULL;
    return it;
}

/* Rewrites a list of region names written in the base: dropped regions
 * leave it, replaced ones are renamed.  Returns true when it changed;
 * *first gets the first region that left it, *cause the first region
 * dropped or replaced (each only when not set yet). */
static bool rewrite_names(loader *L, baseidx *b, ast_names *ns, item **first, item **cause)
{
    bool changed = false;
    ast_name *v = arena_alloc(L->a, (ns->n + 1) * sizeof *v);
    uint32_t k = 0;
    for (uint32_t i = 0; i < ns->n; i++) {
        item *it = gone_region(b, ns->v[i]);
        if (!it) {
            v[k++] = ns->v[i];
            continue;
        }
        changed = true;
        if (!*cause)
            *cause = it;
        if (it->replaced_by) {
            v[k] = ns->v[i];
            v[k].s = it->replaced_by;
            v[k].qual = NULL;
            k++;
        } else if (!*first) {
            *first = it;
        }
    }
    if (changed) {
        ns->v = v;
        ns->n = k;
    }
    return changed;
}

/* "for a, b except c", "for city in a" ("every region" for an empty scope).
 * Measured, then written once: a base's scope may list thousands of
 * regions (appending name by name was quadratic: 20000 took 48 s, 2.9 GB). */
static const char *scope_text(loader *L, const ast_scope *sc)
{
    if (sc->only.n == 0 && sc->except.n == 0)
        return "every region";
    const ast_names *part[3] = {&sc->only, &sc->within, &sc->except};
    const char *word[3] = {"", " in", " except"};
    size_t len = sizeof "for";
    for (int p = 0; p < 3; p++)
        for (uint32_t i = 0; i < part[p]->n; i++)
            len += (i ? 1 : strlen(word[p])) + 1 + strlen(part[p]->v[i].s ? part[p]->v[i].s : "?");
    char *s = arena_alloc(L->a, len), *at = s;
    at += sprintf(at, "for");
    for (int p = 0; p < 3; p++)
        for (uint32_t i = 0; i < part[p]->n; i++)
            at += sprintf(at, "%s %s", i ? "," : word[p], part[p]->v[i].s ? part[p]->v[i].s : "?");
    return s;
}

/* The base's declaration d in slot i as fix_regions may change it: n when
 * it is a copy already, else a new copy put in the slot (the base's own
 * declaration is left as it was read). */
static ast_decl *editable(loader *L, const ast_decl *d, ast_decl *n, size_t i)
{
    if (n != d)
        return n;
    n = arena_alloc(L->a, sizeof *n);
    *n = *d;
    L->out.v[i] = n;
    return n;
}

/* The region `override region` makes of base declaration n (its
 * references rewritten by fix_regions) for overridden region `it`: n's
 * level, parent, members and aliases, each replaced by what the override
 * gives (members written in the extending file, which names the regions
 * as it sees them: not rewritten), under the new name when it renames (`replaces` then says the old
 * one, as for `region NEW replaces OLD`: planc diff pairs the two). */
static ast_decl *overridden_region(loader *L, const ast_decl *n, const item *it)
{
    const ast_decl *o = it->over;
    ast_decl *r = arena_alloc(L->a, sizeof *r);
    *r = *n;
    ast_name *nm = arena_alloc(L->a, sizeof *nm);
    *nm = o->u.region.names.v[0];
    if (it->replaced_by) {
        nm->s = it->replaced_by;
        nm->sp = it->drop_sp;
        r->u.region.replaces = o->u.region.names.v[0];
        r->u.region.renamed = true;
    }
    nm->qual = NULL;
    r->u.region.names = (ast_names){nm, 1};
    if (o->u.region.level.s)
        r->u.region.level = o->u.region.level;
    if (o->u.region.parent.s)
        r->u.region.parent = o->u.region.parent;
    if (o->u.region.is_group) {
        r->u.region.members = o->u.region.members;
        r->u.region.is_group = true;
    }
    if (o->u.region.naliases) {
        r->u.region.aliases = o->u.region.aliases;
        r->u.region.alias_sp = o->u.region.alias_sp;
        r->u.region.naliases = o->u.region.naliases;
    } else if (n->u.region.names.n != 1) {
        r->u.region.aliases = NULL; /* (a declaration of several has none) */
        r->u.region.alias_sp = NULL;
        r->u.region.naliases = 0;
    }
    r->sp = o->sp;
    r->origin = it->edit;
    return r;
}

/* Base declaration n in slot i, of which some regions are overridden:
 * each overridden region becomes a declaration of its own, in its place
 * among the others (`region 甲, 乙, 丙 : city in 省` with 乙 moved is
 * `甲`, `乙 (overridden)`, `丙`: the results keep the regions' order).
 * One declaration goes in the slot; several are noted in (*split)[i] and
 * put in place by apply_split. */
static void split_overridden(loader *L, baseidx *b, ast_decl *n, size_t i, ptrvec **split)
{
    if (n->u.region.names.n == 1) {
        L->out.v[i] = overridden_region(L, n, ntab_find(&b->regions, n->u.region.names.v[0].s));
        return;
    }
    if (!*split)
        *split = arena_alloc(L->a, (L->out.n + 1) * sizeof **split);
    ptrvec *v = &(*split)[i];
    ast_decl *run = NULL; /* the declaration of the kept regions being gathered */
    for (uint32_t k = 0; k < n->u.region.names.n; k++) {
        const item *it = ntab_find(&b->regions, n->u.region.names.v[k].s);
        if (it && it->over) {
            ptrvec_push(L->a, v, overridden_region(L, n, it));
            run = NULL;
            continue;
        }
        if (!run) {
            run = arena_alloc(L->a, sizeof *run);
            *run = *n;
            run->u.region.names = (ast_names){arena_alloc(L->a, (n->u.region.names.n + 1) * sizeof(ast_name)), 0};
            ptrvec_push(L->a, v, run);
        }
        run->u.region.names.v[run->u.region.names.n++] = n->u.region.names.v[k];
    }
}

/* Moves the program slots of the items of t (declarations: regions,
 * indicators, agencies, sections) to where apply_split put them: `to`
 * holds each old slot's new one (n old slots). */
static void move_slots(ntab *t, const size_t *to, size_t n)
{
    for (size_t k = 0; k < t->order.n; k++) {
        item *it = t->order.v[k];
        if (it->slot < n)
            it->slot = (uint32_t)to[it->slot];
    }
}

/* Puts the declarations split_overridden made in place of the slots they
 * split (the program grows): the assessment's slot and the declarations'
 * items move with it, each once (a slot moved to k is not moved again
 * when the loop reaches old slot k). */
static void apply_split(loader *L, baseidx *b, const ptrvec *split)
{
    size_t n = L->out.n, total = 0;
    for (size_t i = 0; i < n; i++)
        total += split[i].n ? split[i].n : 1;
    void **v = arena_alloc(L->a, (total + 1) * sizeof *v);
    size_t *to = arena_alloc(L->a, (n + 1) * sizeof *to);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        to[i] = k;
        if (!split[i].n) {
            v[k++] = L->out.v[i];
            continue;
        }
        for (size_t j = 0; j < split[i].n; j++)
            v[k++] = split[i].v[j];
    }
    if (b->assess_slot >= 0 && (size_t)b->assess_slot < n)
        b->assess_slot = (int64_t)to[b->assess_slot];
    move_slots(&b->regions, to, n);
    move_slots(&b->own_regions, to, n);
    move_slots(&b->inds, to, n);
    move_slots(&b->agencies, to, n);
    move_slots(&b->sections, to, n);
    L->out.v = v;
    L->out.n = k;
    L->out.cap = total + 1;
}

/* After the edits of module mi: the base's region declarations lose the
 * dropped and replaced regions; the base's references to them (parents,
 * the plan's region, target scopes, indicators' values tables) are
 * rewritten or reported. */
static void fix_regions(loader *L, baseidx *b)
{
    /* per slot, the declarations that take its place when an override
     * splits a base declaration of several regions (NULL: none) */
    ptrvec *split = NULL;
    for (size_t i = 0; i < L->out.n; i++) {
        ast_decl *d = L->out.v[i];
        if (!d)
            continue;
        if (d->kind == D_REGION && in_base(L, d->sp)) {
            ast_names keep = {arena_alloc(L->a, (d->u.region.names.n + 1) * sizeof(ast_name)), 0};
            bool overridden = false, moved = true; /* moved: each kept region given a parent anew */
            for (uint32_t k = 0; k < d->u.region.names.n; k++) {
                item *it = ntab_find(&b->regions, d->u.region.names.v[k].s);
                if (!it || it->over || !(it->dropped || it->replaced_by)) {
                    keep.v[keep.n++] = d->u.region.names.v[k];
                    moved &= it && it->over && it->over->u.region.parent.s;
                }
                overridden |= it && it->over;
            }
            if (keep.n == 0) {
                /* a region that replaces this one takes its place (the
                 * results list regions in the order of the program) */
                item *rep = d->u.region.names.n == 1 ? ntab_find(&b->regions, d->u.region.names.v[0].s) : NULL;
                item *own = rep && rep->replaced_by ? ntab_find(&b->own_regions, rep->replaced_by) : NULL;
                L->out.v[i] = NULL;
                if (own && own->slot > i && L->out.v[own->slot] == rep->replacer) {
                    L->out.v[i] = rep->replacer;
                    L->out.v[own->slot] = NULL;
                }
                continue;
            }
            ast_decl *n = d;
            if (keep.n != d->u.region.names.n) {
                n = editable(L, d, n, i);
                n->u.region.names = keep;
            }
            item *par = gone_region(b, n->u.region.parent);
            if (par && par->replaced_by) {
                n = editable(L, d, n, i);
                n->u.region.parent.s = par->replaced_by;
                n->u.region.parent.qual = NULL;
            } else if (par && !moved) {
                diag_error(L->d, par->drop_sp, "region '%s' is dropped, but the base's region '%s' in it is kept",
                           par->name, n->u.region.names.v[0].s);
                diag_note(L->d, n->sp, "'%s' is declared here", n->u.region.names.v[0].s);
                diag_hint(L->d, "drop '%s' too, move it ('override region %s in ...'), or declare a region "
                                "that replaces '%s'",
                          n->u.region.names.v[0].s, n->u.region.names.v[0].s, par->name);
                n = editable(L, d, n, i);
                n->u.region.parent = (ast_name){0}; /* reported: not again as undefined */
            }
            item *grp = n->u.region.names.n == 1 ? ntab_find(&b->regions, n->u.region.names.v[0].s) : NULL;
            if (n->u.region.is_group && !(grp && grp->over && grp->over->u.region.is_group)) {
                /* a base group's members (unless an override gives
                 * others): dropped ones leave it, replaced ones are
                 * renamed, as in scopes */
                ast_names members = n->u.region.members;
                item *first = NULL, *cause = NULL;
                if (rewrite_names(L, b, &members, &first, &cause)) {
                    n = editable(L, d, n, i);
                    n->u.region.members = members;
                    if (members.n == 0) {
                        diag_error(L->d, first ? first->drop_sp : cause->drop_sp,
                                   "region '%s' is dropped, and no other member of the base's group '%s' is left",
                                   (first ? first : cause)->name, n->u.region.names.v[0].s);
                        diag_note(L->d, n->sp, "'%s' is declared here", n->u.region.names.v[0].s);
                        diag_hint(L->d, "drop '%s' too, or declare a region that replaces it with members of "
                                        "your own", n->u.region.names.v[0].s);
                        n->u.region.is_group = false; /* reported: not again as empty */
                    }
                }
            }
            if (overridden)
                split_overridden(L, b, n, i, &split);
        } else if (d->kind == D_PLAN && d->u.plan.region.s && in_base(L, d->u.plan.region.sp)) {
            item *it = gone_region(b, d->u.plan.region);
            if (it && it->replaced_by) {
                d->u.plan.region.s = it->replaced_by;
                d->u.plan.region.qual = NULL;
            } else if (it) {
                diag_error(L->d, it->drop_sp, "region '%s' is dropped, but it is the base plan's region", it->name);
                diag_hint(L->d, "give the plan its own region ('region NAME' in the plan block), or declare a region that replaces '%s'",
                          it->name);
            }
        } else if (d->kind == D_INDICATOR && d->u.ind.nvalues && in_base(L, d->u.ind.values_sp)) {
            /* a base's values table: dropped regions leave it, replaced
             * ones are renamed, as in scopes; a row left without regions
             * goes (an `else` row names none and stays; a level's row
             * names no region and is untouched) */
            ast_valrow *rows = arena_alloc(L->a, (d->u.ind.nvalues + 1) * sizeof *rows);
            uint32_t nrows = 0;
            bool changed = false;
            for (uint32_t j = 0; j < d->u.ind.nvalues; j++) {
                ast_valrow row = d->u.ind.values[j];
                item *first = NULL, *cause = NULL;
                changed |= rewrite_names(L, b, &row.regions, &first, &cause);
                if (row.regions.n || row.is_else)
                    rows[nrows++] = row;
            }
            if (changed) {
                ast_decl *n = arena_alloc(L->a, sizeof *n);
                *n = *d;
                n->u.ind.values = rows;
                n->u.ind.nvalues = nrows;
                L->out.v[i] = n;
            }
        } else if (d->kind == D_SECTION) {
            for (uint32_t j = 0; j < d->u.section->nmeasures; j++) {
                ast_measure *me = d->u.section->measures[j];
                for (uint32_t k = 0; k < me->ntargets; k++) {
                    ast_target *t = me->targets[k];
                    if (!in_base(L, t->scope.sp) || (t->scope.only.n == 0 && t->scope.except.n == 0))
                        continue;
                    ast_scope before = t->scope;
                    item *first = NULL, *cause = NULL, *ignore = NULL;
                    bool c1 = rewrite_names(L, b, &t->scope.only, &first, &cause);
                    bool c3 = rewrite_names(L, b, &t->scope.within, &first, &cause);
                    bool c2 = rewrite_names(L, b, &t->scope.except, &ignore, &cause);
                    if (!c1 && !c2 && !c3)
                        continue;
                    const char *nm = target_name(t);
                    if ((before.only.n > 0 && t->scope.only.n == 0) ||
                        (before.within.n > 0 && t->scope.within.n == 0)) {
                        diag_error(L->d, first->drop_sp,
                                   "dropping region '%s' leaves target '%s' of %s with no region",
                                   first->name, nm ? nm : "?", clause_of(L, me));
                        diag_note(L->d, before.sp, "its scope is here");
                        /* a red line is overridden as a red line: 'override target' on it is an error */
                        const item *ren = nm ? namemap_get(&b->renamed, nm) : NULL;
                        if (ren)
                            /* renamed: that one override gives every change,
                             * and a renamed target cannot be dropped */
                            diag_hint(L->d, "give it a scope of this plan in the override that renames it "
                                            "('override %s %s as %s for ...'), or leave out the rename and drop "
                                            "target '%s'",
                                      t->redline ? "redline" : "target", ren->name, nm, ren->name);
                        else
                            diag_hint(L->d, "give it a scope of this plan ('override %s %s for ...') or drop it",
                                      t->redline ? "redline" : "target", nm ? nm : "?");
                        continue;
                    }
                    if (before.except.n > 0 && t->scope.except.n == 0 && ignore) {
                        /* `for city except 沈阳, 大连` with both dropped: every
                         * city now, the adapting plan's own included */
                        diag_warning(L->d, WARN_SCOPE_WIDENED, ignore->drop_sp,
                                     "dropping region '%s' leaves target '%s' of %s with no exception: "
                                     "its scope is now '%s'",
                                     ignore->name, nm ? nm : "?", clause_of(L, me),
                                     scope_text(L, &t->scope));
                        diag_note(L->d, before.sp, "its scope is here");
                        const item *ren = nm ? namemap_get(&b->renamed, nm) : NULL;
                        if (ren)
                            diag_hint(L->d, "give it the exceptions of this plan in the override that renames it "
                                            "('override %s %s as %s %s except ...'), or leave out the rename and "
                                            "drop target '%s' if it does not apply",
                                      t->redline ? "redline" : "target", ren->name, nm, scope_text(L, &t->scope),
                                      ren->name);
                        else
                            diag_hint(L->d, "give it the exceptions of this plan ('override %s %s %s except ...'), "
                                            "or drop it if it does not apply",
                                      t->redline ? "redline" : "target", nm ? nm : "?", scope_text(L, &t->scope));
                    }
                    ast_origin *org = origin(L, ORIGIN_RESCOPED, IT_TARGET, nm, item_ref(L, IT_TARGET, nm ? nm : "?"),
                                             clause_of(L, me), before.sp, cause->drop_sp);
                    org->detail = arena_printf(L->a, "%s -> %s", scope_text(L, &before),
                                               scope_text(L, &t->scope));
                    org->detail_zh = arena_printf(L->a, "由%s改为%s", scope_zh(L, &before),
                                                  scope_zh(L, &t->scope));
                    if (!t->origin)
                        t->origin = org;
                }
            }
        }
    }
    if (split)
        apply_split(L, b, split);
}

/* ---------------------------------------------------------------- agencies */

/* One OLD of `agency NEW ["..."] replaces OLD, ...` of module mi: every
 * agency list of the base that names OLD names NEW instead (fix_agencies;
 * several base agencies may become one). */
static void apply_agency_replace(loader *L, baseidx *b, ast_decl *d, ast_name old, uint32_t mi)
{
    item *it = find_base(L, b, &b->agencies, IT_AGENCY, old, "replace", mi);
    if (!it)
        return;
    it->replaced_by = d->u.agency.name.s;
    it->replacer = d;
    it->drop_sp = old.sp;
    ast_origin *org = origin(L, ORIGIN_REPLACED, IT_AGENCY, it->name, item_ref(L, IT_AGENCY, it->name),
                             NULL, it->sp, d->sp);
    it->edit = org;
    if (!d->origin)
        d->origin = org;
    /* the base's measures as the base declares them (no override has
     * changed their lists yet): one that names no measure is a mistake */
    bool named = false;
    for (size_t i = 0; i < L->out.n && !named; i++) {
        const ast_decl *sd = L->out.v[i];
        for (uint32_t j = 0; sd && sd->kind == D_SECTION && j < sd->u.section->nmeasures && !named; j++) {
            const ast_measure *me = sd->u.section->measures[j];
            const ast_names *lists[] = {&me->lead, &me->shared, &me->responsible};
            for (int l = 0; l < 3 && !named; l++)
                for (uint32_t k = 0; k < lists[l]->n && !named; k++)
                    named = in_base(L, lists[l]->v[k].sp) && lists[l]->v[k].s &&
                            strcmp(lists[l]->v[k].s, it->name) == 0;
        }
    }
    /* a replacement that gives the agency a full name of this plan does
     * change something, though no measure names it: the full name, which
     * the warning of texts naming the base's places counts (§7 of
     * docs/ADAPTING.md: 'agency NAME "..." replaces NAME') */
    const ast_decl *bd = it->slot < L->out.n ? L->out.v[it->slot] : NULL;
    const char *base_full = bd && bd->kind == D_AGENCY ? bd->u.agency.full : NULL;
    bool new_full = d->u.agency.full && (!base_full || strcmp(d->u.agency.full, base_full) != 0);
    if (!named && !new_full)
        diag_warning(L->d, WARN_EDIT_CHANGES_NOTHING, it->drop_sp, "no measure of the base names agency '%s': replacing it changes nothing",
                     it->name);
}

/* Whether a shared list names an agency that is not dropped (one that
 * shares the work is left). */
static bool shared_left(const baseidx *b, const ast_names *ns)
{
    for (uint32_t i = 0; i < ns->n; i++) {
        const item *it = ns->v[i].s ? ntab_find(&b->agencies, ns->v[i].s) : NULL;
        if (ns->v[i].s && !(it && it->dropped))
            return true;
    }
    return false;
}

/* Whether list ns names s. */
static bool names_has(const ast_names *ns, const char *s)
{
    for (uint32_t i = 0; i < ns->n; i++)
        if (ns->v[i].s && strcmp(ns->v[i].s, s) == 0)
            return true;
    return false;
}

/* One agency list of a measure after the replacements and drops: a name
 * written in the base that names a replaced agency is renamed (and
 * written where the new agency is declared, so that it is looked up as
 * the extending file sees it); one that names a dropped agency leaves the
 * list, and in a lead or shared list (`lead`) is kept for the error at the
 * drop (fix_agencies).  A name the extending file wrote that names a
 * replaced or dropped agency it does not declare itself is an error.  A
 * name a rename makes twice in the list is kept once, and a responsible
 * agency that a rename makes one of the measure's leads (an agency merged
 * into the one that leads: `agency 甲 replaces 甲, 乙` where 甲 leads and 乙
 * is responsible) leaves the responsible list, as the lead and shared
 * lists, fixed first, name it.  Each agency renamed or dropped counts
 * measure me once. */
static void fix_agency_list(loader *L, baseidx *b, const ast_measure *me, ast_names *ns, uint32_t mi, bool lead)
{
    ast_name *v = NULL;
    uint32_t k = 0;
    for (uint32_t i = 0; i < ns->n; i++) {
        ast_name n = ns->v[i];
        item *it = n.s ? ntab_find(&b->agencies, n.s) : NULL;
        if (it && !(it->replaced_by || it->dropped))
            it = NULL;
        bool leave = false;
        if (it && !in_base(L, n.sp)) {
            span own;
            if (module_of(L, n.sp) == (int32_t)mi && !declared_by(L, mi, IT_AGENCY, n.s, &own)) {
                if (it->dropped) {
                    diag_error(L->d, n.sp, "agency '%s' was dropped", n.s);
                    diag_note(L->d, it->drop_sp, "'%s' was dropped here", n.s);
                    diag_hint(L->d, "name an agency of this plan, or declare '%s' in this file", n.s);
                    leave = true;
                } else {
                    diag_error(L->d, n.sp, "agency '%s' was replaced by '%s'", n.s, it->replaced_by);
                    diag_note(L->d, it->replacer->sp, "'%s' was replaced here", n.s);
                    diag_hint(L->d, "write '%s'", it->replaced_by);
                }
            }
            it = NULL;
        }
        if (it) {
            if (it->counted != me) {
                it->counted = me;
                it->uses++;
            }
            if (it->dropped) {
                leave = true;
                if (lead && (ns != &me->shared || !shared_left(b, ns))) {
                    agency_use *u = arena_alloc(L->a, sizeof *u);
                    u->sp = n.sp;
                    u->measure = item_ref(L, IT_MEASURE, me->id.s ? me->id.s : "?");
                    u->shown = item_shown(L, IT_MEASURE, me->id.s ? me->id.s : "?");
                    u->shared = ns == &me->shared;
                    ptrvec_push(L->a, &it->lead_uses, u);
                }
            } else {
                n.s = it->replaced_by;
                n.qual = NULL;
                n.sp = it->replacer->u.agency.name.sp;
                leave = ns == &me->responsible && (names_has(&me->lead, n.s) || names_has(&me->shared, n.s));
            }
            if (!v) {
                v = arena_alloc(L->a, (ns->n + 1) * sizeof *v);
                memcpy(v, ns->v, i * sizeof *v);
                k = i;
            }
        }
        if (leave && !v) {
            v = arena_alloc(L->a, (ns->n + 1) * sizeof *v);
            memcpy(v, ns->v, i * sizeof *v);
            k = i;
        }
        if (!v || leave)
            continue;
        bool twice = false;
        for (uint32_t j = 0; j < k && !twice; j++)
            twice = v[j].s && n.s && strcmp(v[j].s, n.s) == 0 && v[j].qual == n.qual;
        if (!twice)
            v[k++] = n;
    }
    if (v) {
        ns->v = v;
        ns->n = k;
    }
}

/* A dropped agency that base measures still have as their lead (or
 * share): an error at the drop with a note at each, since a measure
 * would otherwise silently lose whoever answers for it. */
static void report_dropped_leads(loader *L, const item *it)
{
    const ptrvec *u = &it->lead_uses;
    if (!u->n)
        return;
    const agency_use *first = u->v[0];
    if (u->n == 1)
        diag_error(L->d, it->drop_sp, "agency '%s' is dropped, but it leads %s", it->name, first->shown);
    else
        diag_error(L->d, it->drop_sp, "agency '%s' is dropped, but it leads %zu measures", it->name, u->n);
    for (size_t k = 0; k < u->n; k++) {
        const agency_use *a = u->v[k];
        diag_note(L->d, a->sp, "%s names it %s here", a->shown,
                  tr(L, a->shared ? "among the agencies that share it" : "as its lead"));
    }
    if (u->n == 1 && first->shared)
        diag_hint(L->d, "give it agencies that share it ('override %s { shared ... }'), or drop it",
                  first->measure);
    else if (u->n == 1)
        diag_hint(L->d, "give it another lead ('override %s { lead ... }'), or drop it", first->measure);
    else
        diag_hint(L->d, "give each of them another lead ('override measure (ID) { lead ... }'), or drop them");
}

/* After the edits of module mi: the agency lists of every measure read
 * through the replacements and drops (fix_agency_list); each
 * replacement's and drop's trace counts the base's measures it changed. */
static void fix_agencies(loader *L, baseidx *b, uint32_t mi)
{
    bool any = false;
    for (size_t k = 0; k < b->agencies.order.n && !any; k++) {
        const item *it = b->agencies.order.v[k];
        any = it->replaced_by != NULL || it->dropped;
    }
    if (!any)
        return;
    for (size_t i = 0; i < L->out.n; i++) {
        ast_decl *d = L->out.v[i];
        if (!d || d->kind != D_SECTION)
            continue;
        for (uint32_t j = 0; j < d->u.section->nmeasures; j++) {
            ast_measure *me = d->u.section->measures[j];
            fix_agency_list(L, b, me, &me->lead, mi, true);
            fix_agency_list(L, b, me, &me->shared, mi, true);
            fix_agency_list(L, b, me, &me->responsible, mi, false);
        }
    }
    for (size_t k = 0; k < b->agencies.order.n; k++) {
        item *it = b->agencies.order.v[k];
        if (it->dropped) {
            report_dropped_leads(L, it);
            continue;
        }
        if (!it->replaced_by)
            continue;
        ast_origin *org = (ast_origin *)it->edit;
        org->detail = it->uses ? arena_printf(L->a, "by %s, in %u measure%s", it->replaced_by, it->uses,
                                              it->uses == 1 ? "" : "s")
                               : arena_printf(L->a, "by %s, in no measure", it->replaced_by);
        org->detail_zh = it->uses ? arena_printf(L->a, "替换为“%s”，涉及%u项措施", it->replaced_by, it->uses)
                                  : arena_printf(L->a, "替换为“%s”，没有措施列出该单位", it->replaced_by);
    }
}

/* Where a dropped base item was dropped: its drop, or the drop of its
 * measure or section when it had been overridden or renamed before. */
static span dropped_at(const item *it)
{
    return it->kind == IT_TARGET && it->drop_sp.hi ? it->drop_sp : it->edit->edit;
}

/* The new name of base target `name` when the extending file renamed it
 * (`override target OLD as NEW`), else NULL. */
static const char *renamed_to(const baseidx *b, const char *name)
{
    const item *it = name ? ntab_find(&b->targets, name) : NULL;
    return it && it->edit && it->edit->kind == ORIGIN_RENAMED ? it->edit->new_name : NULL;
}

/* The new name of base indicator `name` when the extending file renamed
 * it (`override indicator OLD as NEW`), else NULL. */
static const char *ind_renamed_to(const baseidx *b, const char *name)
{
    const item *it = name ? ntab_find(&b->inds, name) : NULL;
    return it && it->edit && it->edit->kind == ORIGIN_RENAMED ? it->edit->new_name : NULL;
}

/* Whether `name` is one a score expression reads as the row's value,
 * goal ... (docs/LANGUAGE.md §7) rather than as an indicator. */
static bool score_word(const char *name)
{
    static const char *const words[] = {"value", "goal", "base", "expected", "year", "deadline", "direction"};
    for (size_t k = 0; name && k < sizeof words / sizeof words[0]; k++)
        if (strcmp(name, words[k]) == 0)
            return true;
    return false;
}

/* Renames, in expression e, each name written in the base (of this
 * adaptation: the extending file's own use the new names) that names an
 * indicator the extending file renamed — in a score expression (`score`
 * true) not a word such as `value`, which names the row's value there.
 * A qualified one (`甲.PM25`) loses its qualifier: the new declaration is
 * the extending file's. */
static void rename_ind_uses(loader *L, const baseidx *b, ast_expr *e, bool score, int depth)
{
    if (!e || depth > AST_MAX_DEPTH)
        return;
    switch (e->kind) {
    case EX_NAME: {
        if (score && !e->u.name.qual && score_word(e->u.name.s))
            return;
        const char *nw = in_base(L, e->sp) ? ind_renamed_to(b, e->u.name.s) : NULL;
        if (nw) {
            e->u.name.s = nw;
            e->u.name.qual = NULL;
        }
        return;
    }
    case EX_UNARY:
        rename_ind_uses(L, b, e->u.un.a, score, depth + 1);
        return;
    case EX_BINARY:
        rename_ind_uses(L, b, e->u.bin.a, score, depth + 1);
        rename_ind_uses(L, b, e->u.bin.b, score, depth + 1);
        return;
    case EX_IF:
        rename_ind_uses(L, b, e->u.cond.c, score, depth + 1);
        rename_ind_uses(L, b, e->u.cond.a, score, depth + 1);
        rename_ind_uses(L, b, e->u.cond.b, score, depth + 1);
        return;
    case EX_CALL:
        for (uint32_t i = 0; i < e->u.call.nargs; i++)
            rename_ind_uses(L, b, e->u.call.args[i], score, depth + 1);
        return;
    default:
        return;
    }
}

/* After the edits: the base's uses of an indicator the extending file
 * renamed (`override indicator OLD as NEW`) name NEW — the formulas of
 * other indicators, what the targets and red lines measure, their goals,
 * tolerances and scores, the assessment's score — as the base's
 * assessment names a renamed target (fix_assessment).  A base target
 * without a name of its own, named after the indicator it measures,
 * keeps the name OLD: a target's name is what the results, the history
 * and `planc compare` pair its rows by, and the extending file renames
 * it, if it will, with `override target OLD as NEW`. */
static void fix_indicators(loader *L, baseidx *b)
{
    if (!b->ind_renamed.order.n)
        return;
    for (size_t i = 0; i < L->out.n; i++) {
        ast_decl *d = L->out.v[i];
        if (!d)
            continue;
        if (d->kind == D_INDICATOR) {
            for (const ast_decl *x = d; x; x = x->base)
                rename_ind_uses(L, b, x->u.ind.formula, false, 0);
        } else if (d->kind == D_ASSESSMENT) {
            for (const ast_decl *x = d; x; x = x->base)
                rename_ind_uses(L, b, x->u.assess.score, true, 0);
        } else if (d->kind == D_SECTION) {
            ast_section *sec = d->u.section;
            for (uint32_t j = 0; j < sec->nmeasures; j++) {
                ast_measure *me = sec->measures[j];
                for (uint32_t k = 0; k < me->ntargets; k++) {
                    ast_target *t = me->targets[k];
                    if (!t)
                        continue;
                    if (!t->name.s && t->measured && t->measured->kind == EX_NAME && t->measured->u.name.s &&
                        in_base(L, t->measured->sp) && ind_renamed_to(b, t->measured->u.name.s)) {
                        t->name = t->measured->u.name;
                        t->name.qual = NULL;
                    }
                    /* and the base's target an override replaced, which
                     * the checker compares the override with */
                    for (ast_target *x = t; x; x = (ast_target *)x->base) {
                        rename_ind_uses(L, b, x->measured, false, 0);
                        for (uint32_t m = 0; m < x->nms; m++) {
                            rename_ind_uses(L, b, x->ms[m].goal, false, 0);
                            rename_ind_uses(L, b, x->ms[m].tolerance, false, 0);
                        }
                        rename_ind_uses(L, b, x->tolerance, false, 0);
                        rename_ind_uses(L, b, x->score, true, 0);
                    }
                }
            }
        }
    }
}

/* Whether the extending file's `override assessment` gives a weight of
 * kind k to target (or item) `name` itself: then it replaces the base's. */
static bool own_weight(loader *L, const ast_decl *d, ast_weightkind k, const char *name)
{
    for (uint32_t j = 0; j < d->u.assess.nweights; j++) {
        const ast_weight *y = &d->u.assess.weights[j];
        if (y->kind == k && y->what.s && strcmp(y->what.s, name) == 0 && !in_base(L, y->sp))
            return true;
    }
    return false;
}

/* After the edits: the base assessment's weights and vetoes that name a
 * dropped target, measure or section go with it (each traced at the drop
 * that removed its item); those that name a renamed target name it by its
 * new name (a weight the extending file gives it under that name replaces
 * the base's, as `override assessment` does for a name the two share). */
static void fix_assessment(loader *L, baseidx *b)
{
    if (b->assess_slot < 0 || !L->out.v[b->assess_slot])
        return;
    ast_decl *d = L->out.v[b->assess_slot];
    const char *an = d->u.assess.name.s ? d->u.assess.name.s : "?";
    bool changed = false;
    ast_weight *w = arena_alloc(L->a, (d->u.assess.nweights + 1) * sizeof *w);
    uint32_t nw = 0;
    for (uint32_t k = 0; k < d->u.assess.nweights; k++) {
        const ast_weight *x = &d->u.assess.weights[k];
        ast_itemkind ik = x->kind == WK_TARGET ? IT_TARGET : x->kind == WK_MEASURE ? IT_MEASURE : IT_SECTION;
        ntab *t = ik == IT_TARGET ? &b->targets : ik == IT_MEASURE ? &b->measures : &b->sections;
        item *it = x->what.s && in_base(L, x->sp) ? ntab_find(t, x->what.s) : NULL;
        if (it && it->dropped) {
            ast_origin *o = origin(L, ORIGIN_DROPPED, IT_ASSESSMENT, an,
                                   arena_printf(L->a, "weight of %s from assessment %s",
                                                item_ref(L, ik, x->what.s), an),
                                   NULL, x->sp, dropped_at(it));
            o->detail = "its item was dropped";
            o->what_zh = arena_printf(L->a, "考核“%s”中%s的权重", an, import_item_shown(L->a, LBL_ZH, ik, x->what.s));
            o->detail_zh = arena_printf(L->a, "因该%s已删除", msgcat_get(LBL_ZH, itemword[ik]));
            changed = true;
            continue;
        }
        const char *nw_name = ik == IT_TARGET && it ? renamed_to(b, x->what.s) : NULL;
        if (nw_name) {
            changed = true;
            if (own_weight(L, d, WK_TARGET, nw_name))
                continue;
            w[nw] = *x;
            w[nw++].what.s = nw_name;
            continue;
        }
        w[nw++] = *x;
    }
    ast_name *v = arena_alloc(L->a, (d->u.assess.veto.n + 1) * sizeof *v);
    uint32_t nv = 0;
    for (uint32_t k = 0; k < d->u.assess.veto.n; k++) {
        ast_name x = d->u.assess.veto.v[k];
        item *it = x.s && in_base(L, x.sp) ? ntab_find(&b->targets, x.s) : NULL;
        if (it && it->dropped) {
            ast_origin *o = origin(L, ORIGIN_DROPPED, IT_ASSESSMENT, an,
                                   arena_printf(L->a, "veto of target '%s' from assessment %s", x.s, an),
                                   NULL, x.sp, dropped_at(it));
            o->detail = "its target was dropped";
            o->what_zh = arena_printf(L->a, "考核“%s”中对目标“%s”的一票否决", an, x.s);
            o->detail_zh = "因该目标已删除";
            changed = true;
            continue;
        }
        const char *nw_name = it ? renamed_to(b, x.s) : NULL;
        if (nw_name) {
            x.s = nw_name;
            changed = true;
        }
        v[nv++] = x;
    }
    if (!changed)
        return;
    ast_decl *n = arena_alloc(L->a, sizeof *n);
    *n = *d;
    n->u.assess.weights = w;
    n->u.assess.nweights = nw;
    n->u.assess.veto = (ast_names){v, nv};
    L->out.v[b->assess_slot] = n;
}

/* The name base region `name` has after the edits when the extending
 * file renamed it (`override region OLD as NEW`) or replaced it (`region
 * NEW replaces OLD`), else NULL. */
static const char *region_renamed_to(const baseidx *b, const char *name)
{
    const item *it = name ? ntab_find(&b->regions, name) : NULL;
    if (!it || !it->replaced_by || ntab_find(&b->own_regions, name))
        return NULL;
    return it->replaced_by;
}

/* Appends CSV field f (n bytes) to the line being built in *buf, quoted
 * when the reader would otherwise read it otherwise (a comma, a quote, a
 * line break, blanks at an end). */
static void csv_put(FILE *buf, const char *f, size_t n)
{
    bool quote = n && (f[0] == ' ' || f[0] == '\t' || f[n - 1] == ' ' || f[n - 1] == '\t');
    for (size_t i = 0; i < n && !quote; i++)
        quote = f[i] == ',' || f[i] == '"' || f[i] == '\n' || f[i] == '\r';
    if (!quote) {
        fwrite(f, 1, n, buf);
        return;
    }
    fputc('"', buf);
    for (size_t i = 0; i < n; i++) {
        if (f[i] == '"')
            fputc('"', buf);
        fputc(f[i], buf);
    }
    fputc('"', buf);
}

/* The record rec of csv written again as one CSV line, each field i
 * replaced by repl(i, ctx) when that is not NULL (quoted as csv_put
 * quotes), the others as they were; in L's arena. */
static const char *rewritten_record(loader *L, csv_reader *csv, const csv_record *rec,
                                    const char *(*repl)(size_t i, const char *f, size_t n, void *ctx),
                                    void *ctx)
{
    char *line = NULL;
    size_t len = 0;
    FILE *buf = open_memstream(&line, &len);
    if (!buf) {
        fputs(msgcat_tr("planc: error: out of memory\n"), stderr);
        exit(4);
    }
    for (size_t i = 0; i < rec->nfields; i++) {
        size_t n;
        const char *f = csv_trim(csv_field(csv, i), csv_field_len(csv, i), &n);
        const char *nw = repl(i, f, n, ctx);
        if (i)
            fputc(',', buf);
        if (nw)
            csv_put(buf, nw, strlen(nw));
        else
            csv_put(buf, csv_field(csv, i), csv_field_len(csv, i));
    }
    fclose(buf);
    const char *out = arena_strdup(L->a, line ? line : "");
    free(line);
    return out;
}

/* renamed_row's replacement: the new name in field col only. */
struct one_field {
    size_t col;
    const char *name;
};
static const char *replace_one(size_t i, const char *f, size_t n, void *ctx)
{
    (void)f, (void)n;
    const struct one_field *o = ctx;
    return i == o->col ? o->name : NULL;
}

/* Data line `text` of a base test with its region cell (field `col`)
 * renamed when it names a region the extending file renamed or replaced,
 * else NULL (the line is left as written). */
static const char *renamed_row(loader *L, const baseidx *b, const char *text, size_t col)
{
    csv_reader csv;
    csv_record rec;
    csv_init(&csv, text, strlen(text));
    const char *out = NULL;
    if (csv_next(&csv, &rec) == CSV_RECORD && col < rec.nfields) {
        size_t n;
        const char *f = csv_trim(csv_field(&csv, col), csv_field_len(&csv, col), &n);
        char *cell = arena_printf(L->a, "%.*s", (int)n, f);
        struct one_field o = {col, region_renamed_to(b, cell)};
        if (o.name)
            out = rewritten_record(L, &csv, &rec, replace_one, &o);
    }
    csv_dispose(&csv);
    return out;
}

/* rekeyed_header's replacement: a field that is an old key (one the
 * program renamed) becomes the new key; counts the fields replaced. */
struct rekey {
    const char *const *old, *const *now;
    int replaced;
};
static const char *replace_key(size_t i, const char *f, size_t n, void *ctx)
{
    (void)i;
    struct rekey *r = ctx;
    for (int k = 0; k < 2; k++)
        if (strcmp(r->old[k], r->now[k]) != 0 && strlen(r->old[k]) == n && memcmp(f, r->old[k], n) == 0) {
            r->replaced++;
            return r->now[k];
        }
    return NULL;
}

/* Header `text` of a base test with its fields that name the base's
 * region and year keys (old[0], old[1]) named as the program's keys
 * (now[0], now[1]), or NULL when it has none to rename: an adaptation
 * whose `keys` read a bureau's 地区 and 年份 still runs the base's tests,
 * whose data lines are written with the base's. */
static const char *rekeyed_header(loader *L, const char *text, const char *const old[2],
                                  const char *const now[2])
{
    csv_reader csv;
    csv_record rec;
    csv_init(&csv, text, strlen(text));
    const char *out = NULL;
    if (csv_next(&csv, &rec) == CSV_RECORD) {
        struct rekey r = {old, now, 0};
        const char *line = rewritten_record(L, &csv, &rec, replace_key, &r);
        if (r.replaced)
            out = line;
    }
    csv_dispose(&csv);
    return out;
}

/* After the edits: the base's tests that expect something of a renamed
 * target name it by its new name, as the base's assessment does
 * (fix_assessment), so that `planc test --all` runs them on the target
 * under its new name rather than skipping them as naming no target.  So
 * with regions: a region the extending file renamed or replaced is named
 * by its new name in the base tests' `expect` lines and in their data's
 * region column, as the base's scopes are (fix_regions).  A test of the
 * extending file is left as written: there the old name is an error
 * (sema). */
static void fix_tests(loader *L, baseidx *b)
{
    const char *key = NULL;
    const char *now[2] = {NULL, NULL}, *old[2] = {NULL, NULL}; /* the keys, and the base's */
    for (size_t i = 0; i < L->out.n && !key; i++) {
        const ast_decl *d = L->out.v[i];
        if (d && d->kind == D_PLAN) {
            key = d->u.plan.region_key ? d->u.plan.region_key : "region";
            now[0] = key;
            now[1] = d->u.plan.year_key ? d->u.plan.year_key : "year";
            if (d->base) {
                old[0] = d->base->u.plan.region_key ? d->base->u.plan.region_key : "region";
                old[1] = d->base->u.plan.year_key ? d->base->u.plan.year_key : "year";
            }
        }
    }
    bool rekey = old[0] && (strcmp(old[0], now[0]) != 0 || strcmp(old[1], now[1]) != 0);
    for (size_t i = 0; i < L->out.n; i++) {
        const ast_decl *d = L->out.v[i];
        if (!d || d->kind != D_TEST || !in_base(L, d->sp))
            continue;
        ast_expect *x = NULL;
        for (uint32_t k = 0; k < d->u.test.nexpects; k++) {
            const ast_expect *e = &d->u.test.expects[k];
            bool of_target = e->kind == EXP_STATUS || e->kind == EXP_SCORE || e->kind == EXP_VALUE;
            const char *nw_name = of_target ? renamed_to(b, e->item.s) : NULL;
            const char *nw_region = region_renamed_to(b, e->region.s);
            if (!nw_name && !nw_region)
                continue;
            if (!x) {
                x = arena_alloc(L->a, (d->u.test.nexpects + 1) * sizeof *x);
                memcpy(x, d->u.test.expects, d->u.test.nexpects * sizeof *x);
            }
            if (nw_name)
                x[k].item.s = nw_name;
            if (nw_region) {
                x[k].region.s = nw_region;
                x[k].region.qual = NULL;
            }
        }
        ast_dataline *rows = NULL;
        const char *header = rekey && d->u.test.ndata ? rekeyed_header(L, d->u.test.data[0].text, old, now)
                                                      : NULL;
        if (header) {
            rows = arena_alloc(L->a, (d->u.test.ndata + 1) * sizeof *rows);
            memcpy(rows, d->u.test.data, d->u.test.ndata * sizeof *rows);
            rows[0].text = header;
        }
        size_t col = d->u.test.ndata && key ? csv_header_index(header ? header : d->u.test.data[0].text, key)
                                            : SIZE_MAX;
        for (uint32_t k = 1; col != SIZE_MAX && k < d->u.test.ndata; k++) {
            const char *row = renamed_row(L, b, d->u.test.data[k].text, col);
            if (!row)
                continue;
            if (!rows) {
                rows = arena_alloc(L->a, (d->u.test.ndata + 1) * sizeof *rows);
                memcpy(rows, d->u.test.data, d->u.test.ndata * sizeof *rows);
            }
            rows[k].text = row;
        }
        if (!x && !rows)
            continue;
        ast_decl *n = arena_alloc(L->a, sizeof *n);
        *n = *d;
        if (x)
            n->u.test.expects = x;
        if (rows)
            n->u.test.data = rows;
        L->out.v[i] = n;
    }
}

/* ---------------------------------------------------------------- pass 2: emit */

/* A declaration the extending module mi adds: an ORIGIN_ADDED trace on it
 * (and on the measures and targets of a new section). */
static void mark_added_decl(loader *L, ast_decl *d)
{
    switch (d->kind) {
    case D_REGION:
        if (d->u.region.replaces.s)
            return; /* traced by apply_replaces */
        for (uint32_t k = 0; k < d->u.region.names.n; k++) {
            const char *nm = d->u.region.names.v[k].s;
            ast_origin *o = origin(L, ORIGIN_ADDED, IT_REGION, nm, item_ref(L, IT_REGION, nm ? nm : "?"),
                                   NULL, (span){0, 0, 0}, d->sp);
            if (k == 0)
                d->origin = o;
        }
        break;
    case D_INDICATOR:
        d->origin = origin(L, ORIGIN_ADDED, IT_INDICATOR, d->u.ind.name.s,
                           item_ref(L, IT_INDICATOR, d->u.ind.name.s ? d->u.ind.name.s : "?"),
                           NULL, (span){0, 0, 0}, d->sp);
        break;
    case D_SECTION:
        d->u.section->origin = origin(L, ORIGIN_ADDED, IT_SECTION, d->u.section->id.s,
                                      item_ref(L, IT_SECTION, d->u.section->id.s ? d->u.section->id.s : "?"),
                                      NULL, (span){0, 0, 0}, d->sp);
        for (uint32_t k = 0; k < d->u.section->nmeasures; k++)
            mark_added_measure(L, d->u.section->measures[k]);
        break;
    case D_ASSESSMENT:
        d->origin = origin(L, ORIGIN_ADDED, IT_ASSESSMENT, d->u.assess.name.s,
                           item_ref(L, IT_ASSESSMENT, d->u.assess.name.s ? d->u.assess.name.s : "?"),
                           NULL, (span){0, 0, 0}, d->sp);
        break;
    default:
        break;
    }
}

/* Orders edits [from, n) by the place of the statement that made them
 * (insertion sort: stable, and the lists are short). */
static void sort_edits(loader *L, size_t from)
{
    for (size_t i = from + 1; i < L->edits.n; i++) {
        void *x = L->edits.v[i];
        const ast_origin *o = x;
        size_t j = i;
        while (j > from) {
            const ast_origin *p = L->edits.v[j - 1];
            if (p->edit.file < o->edit.file || (p->edit.file == o->edit.file && p->edit.lo <= o->edit.lo))
                break;
            L->edits.v[j] = L->edits.v[j - 1];
            j--;
        }
        L->edits.v[j] = x;
    }
}

/* Sets L->inbase to the modules of mi's base: the base and what it
 * imports. */
static void set_base(loader *L, uint32_t mi)
{
    for (size_t k = 0; k < L->mods.n; k++)
        L->inbase[k] = false;
    L->inbase[M(L, mi)->base] = true;
    mark_reach(L, (uint32_t)M(L, mi)->base, L->inbase);
    L->inbase[mi] = false;
}

/* ---------------------------------------------------------------- base places */

/* At most this many of the places found are named in the warning. */
#define PLACES_SHOWN 8

/* Module mi's plan, merged into its base's (merge_plan), or NULL. */
static const ast_decl *merged_plan(const loader *L, uint32_t mi)
{
    for (size_t i = 0; i < L->out.n; i++) {
        const ast_decl *d = L->out.v[i];
        if (d && d->kind == D_PLAN && d->base && module_of(L, d->sp) == (int32_t)mi)
            return d;
    }
    return NULL;
}

/* Keeps, on the edit of each base region module mi's edits dropped or
 * replaced, the aliases its declaration gave it (and those a rename's
 * `alias` list put aside): fix_regions removes the declarations, and the
 * data reader and planc explain say what became of a region by these
 * names too (ir_region_fate).  Called after the edits, before fix_regions. */
static void keep_gone_aliases(loader *L, const baseidx *b)
{
    for (size_t k = 0; k < b->regions.order.n; k++) {
        const item *it = b->regions.order.v[k];
        /* a region renamed keeps its aliases unless the override gives others */
        bool gone = it->dropped || (it->replaced_by && (!it->over || it->over->u.region.naliases));
        const ast_decl *d = it->slot < L->out.n ? L->out.v[it->slot] : NULL;
        if (!gone || !it->edit || !d || d->kind != D_REGION || !d->u.region.naliases)
            continue;
        ast_origin *o = (ast_origin *)it->edit;
        o->aliases = d->u.region.aliases;
        o->naliases = d->u.region.naliases;
    }
}

/* The places module mi's edits took away, for the texts to be searched
 * for: the names and aliases of the base's regions it dropped or
 * replaced, and the base plan's name when its plan has another and it
 * holds one of those.  Called
 * after the edits, before fix_regions removes the regions' declarations. */
static void gone_places(loader *L, const baseidx *b, uint32_t mi, places *pl)
{
    for (size_t k = 0; k < b->regions.order.n; k++) {
        const item *it = b->regions.order.v[k];
        if (!(it->dropped || it->replaced_by))
            continue;
        places_add(L->a, pl, it->name, false);
        const ast_decl *d = it->slot < L->out.n ? L->out.v[it->slot] : NULL;
        for (uint32_t j = 0; d && d->kind == D_REGION && j < d->u.region.naliases; j++)
            places_add(L->a, pl, d->u.region.aliases[j], false);
    }
    /* the base plan's name when it holds one of them ("美丽辽宁"; not
     * "绿色发展", a phrase of many texts) */
    const ast_decl *p = merged_plan(L, mi);
    const char *was = p ? p->base->u.plan.name.s : NULL;
    const char *one[1];
    if (was && p->u.plan.name.s && strcmp(was, p->u.plan.name.s) != 0 && places_find(pl, was, one, 1))
        places_add(L->a, pl, was, false);
}

/* The texts of the program searched for the base's places: what each is,
 * for the note ("the text of target '绿满辽宁工程'"), and where. */
typedef struct placetext {
    const char *text;
    const char *what;
    span sp;
} placetext;

/* Searches one text; counts it when it names a place of pl, and adds the
 * names found to `names` (distinct). */
static void search_text(loader *L, places *pl, placetext t, uint32_t *ntexts, placetext *first,
                        namemap *names)
{
    const char *found[PLACES_SHOWN];
    uint32_t n = places_find(pl, t.text, found, PLACES_SHOWN);
    if (!n)
        return;
    if ((*ntexts)++ == 0)
        *first = t;
    for (uint32_t k = 0; k < n && k < PLACES_SHOWN; k++)
        namemap_put(L->a, names, found[k], (void *)found[k]);
    /* beyond PLACES_SHOWN in one text: searched again, all of them */
    if (n > PLACES_SHOWN) {
        const char **all = arena_alloc(L->a, n * sizeof *all);
        places_find(pl, t.text, all, n);
        for (uint32_t k = PLACES_SHOWN; k < n; k++)
            namemap_put(L->a, names, all[k], (void *)all[k]);
    }
}

/* s quoted for the shell (csv_shell_path), in the arena: a path a
 * hint's command names. */
static const char *shell_arg(loader *L, const char *s)
{
    char *q = csv_shell_path(s);
    const char *a = arena_printf(L->a, "%s", q);
    free(q);
    return a;
}

/* A text an adapted plan keeps from its base prints in the results,
 * explain and the reports as it stands, and may quote the base's places
 * ("推进美丽辽宁建设", "沈阳市、大连市…").  One warning, at module mi's
 * `extends`, when texts of the program (a target's text or note, a
 * measure's, section's or the plan's title, an indicator's display name
 * or the note of a row of its values table, an agency's full name)
 * name a region of the base that mi dropped or replaced, one of its
 * aliases, or the base plan's name; an occurrence inside a name the
 * program does have is not counted.  `planc diff` lists each text. */
static void warn_gone_places(loader *L, uint32_t mi, places *pl)
{
    if (!places_any(pl))
        return;
    for (size_t i = 0; i < L->out.n; i++) {
        const ast_decl *d = L->out.v[i];
        if (d && d->kind == D_REGION) {
            for (uint32_t k = 0; k < d->u.region.names.n; k++)
                places_add(L->a, pl, d->u.region.names.v[k].s, true);
            for (uint32_t k = 0; k < d->u.region.naliases; k++)
                places_add(L->a, pl, d->u.region.aliases[k], true);
        } else if (d && d->kind == D_PLAN) {
            places_add(L->a, pl, d->u.plan.name.s, true);
        }
    }
    /* agencies replaced (`agency NEW replaces OLD`, here or in a base) ->
     * the replacing declaration: the replaced one stays for the base's
     * files, but no measure names it any more (`agency X "..." replaces X`
     * gives a base agency a full name of this plan) */
    namemap replaced = {0};
    for (size_t i = 0; i < L->out.n; i++) {
        const ast_decl *d = L->out.v[i];
        for (uint32_t k = 0; d && d->kind == D_AGENCY && k < d->u.agency.replaces.n; k++)
            if (d->u.agency.replaces.v[k].s)
                namemap_put(L->a, &replaced, d->u.agency.replaces.v[k].s, (void *)d);
    }
    uint32_t ntexts = 0;
    placetext first = {0};
    namemap names = {0};
    bool agency_text = false; /* an agency's full name is among them */
    bool indicator_text = false; /* an indicator's display name is among them */
    for (size_t i = 0; i < L->out.n; i++) {
        const ast_decl *d = L->out.v[i];
        if (!d)
            continue;
        if (d->kind == D_PLAN && d->u.plan.title)
            search_text(L, pl, (placetext){d->u.plan.title, tr(L, "the title of the plan"), d->sp}, &ntexts,
                        &first, &names);
        if (d->kind == D_INDICATOR && d->u.ind.display) {
            uint32_t before = ntexts;
            search_text(L, pl,
                        (placetext){d->u.ind.display,
                                    arena_printf(L->a, tr(L, "the display name of indicator '%s'"), d->u.ind.name.s),
                                    d->sp},
                        &ntexts, &first, &names);
            indicator_text |= ntexts > before;
        }
        for (uint32_t k = 0; d->kind == D_INDICATOR && k < d->u.ind.nvalues; k++)
            if (d->u.ind.values[k].note)
                search_text(L, pl,
                            (placetext){d->u.ind.values[k].note,
                                        arena_printf(L->a, tr(L, "the note of a values row of indicator '%s'"),
                                                     d->u.ind.name.s),
                                        d->u.ind.values[k].sp},
                            &ntexts, &first, &names);
        const ast_decl *by = d->kind == D_AGENCY && d->u.agency.name.s
                                 ? namemap_get(&replaced, d->u.agency.name.s) : NULL;
        if (d->kind == D_AGENCY && d->u.agency.full && (!by || by == d)) {
            uint32_t before = ntexts;
            search_text(L, pl,
                        (placetext){d->u.agency.full,
                                    arena_printf(L->a, tr(L, "the full name of agency '%s'"), d->u.agency.name.s),
                                    d->sp},
                        &ntexts, &first, &names);
            agency_text |= ntexts > before;
        }
        if (d->kind != D_SECTION)
            continue;
        const ast_section *sec = d->u.section;
        if (sec->title)
            search_text(L, pl, (placetext){sec->title, arena_printf(L->a, tr(L, "the title of section %s"), sec->id.s),
                                           sec->sp},
                        &ntexts, &first, &names);
        for (uint32_t j = 0; j < sec->nmeasures; j++) {
            const ast_measure *me = sec->measures[j];
            if (!me)
                continue;
            if (me->title)
                search_text(L, pl,
                            (placetext){me->title, arena_printf(L->a, tr(L, "the title of measure (%s)"), me->id.s),
                                        me->sp},
                            &ntexts, &first, &names);
            for (uint32_t t = 0; t < me->ntargets; t++) {
                const ast_target *tg = me->targets[t];
                if (!tg)
                    continue;
                const char *kind = tg->redline ? "red line" : "target";
                if (tg->desc)
                    search_text(L, pl,
                                (placetext){tg->desc,
                                            arena_printf(L->a, tr(L, "the text of %s '%s'"), tr(L, kind), target_name(tg)),
                                            tg->sp},
                                &ntexts, &first, &names);
                if (tg->note)
                    search_text(L, pl,
                                (placetext){tg->note,
                                            arena_printf(L->a, tr(L, "the note of %s '%s'"), tr(L, kind), target_name(tg)),
                                            tg->sp},
                                &ntexts, &first, &names);
            }
        }
    }
    if (!ntexts)
        return;
    const ptrvec *o = &names.order;
    const char *list = NULL;
    for (size_t k = 0; k < o->n && k < PLACES_SHOWN; k++)
        list = list ? arena_printf(L->a, L->d->lang == LBL_ZH ? "%s、%s" : "%s, %s", list, (const char *)o->v[k])
                    : o->v[k];
    if (o->n > PLACES_SHOWN)
        list = arena_printf(L->a, tr(L, "%s (and %zu more)"), list, o->n - PLACES_SHOWN);
    const mod *m = M(L, mi);
    diag_warning(L->d, WARN_STALE_TEXT, m->plan->u.plan.extends_sp,
                 "%u text%s of this plan name%s places of the base that it dropped or replaced: %s", ntexts,
                 ntexts == 1 ? "" : "s", ntexts == 1 ? "s" : "", list);
    if (ntexts == 1)
        diag_note(L->d, first.sp, "%s: \"%s\"", first.what, first.text);
    else
        diag_note(L->d, first.sp, "the first is %s: \"%s\"", first.what, first.text);
    /* the paths quoted for the shell (a name may hold a space or a '),
     * so that the command can be pasted as it is */
    const char *root = L->root_given ? arena_printf(L->a, "--root %s ", shell_arg(L, L->root_shown)) : "";
    /* the forms of the kinds of text among them: an indicator's display
     * name is given anew by 'override indicator', an agency's full name
     * by a replacing agency */
    const char *agency = agency_text ? tr(L, "'agency NAME \"...\" replaces NAME', ") : "";
    if (indicator_text)
        agency = arena_printf(L->a, "%s%s", tr(L, "'override indicator NAME \"...\"', "), agency);
    const char *base_path = shell_arg(L, M(L, (uint32_t)m->base)->path), *path = shell_arg(L, m->path);
    if (ntexts == 1)
        diag_hint(L->d, "give it this plan's own text ('override target NAME \"...\"', 'override measure (ID) "
                        "\"...\"', %s...); list it with: planc diff %s%s %s", agency, root, base_path, path);
    else
        diag_hint(L->d, "give them this plan's own text ('override target NAME \"...\"', 'override measure (ID) "
                        "\"...\"', %s...); list each one with: planc diff %s%s %s", agency, root, base_path, path);
    /* an indicator named for a dropped region may have been that region's
     * alone: then the fix is to drop it, not to reword it */
    if (indicator_text && ntexts == 1)
        diag_hint(L->d, "if the indicator was the dropped region's alone, drop it instead: 'drop indicator NAME'");
    else if (indicator_text)
        diag_hint(L->d, "if an indicator among them was the dropped region's alone, drop it instead: 'drop "
                        "indicator NAME'");
}

/* Applies the drop and override statements of module mi (which extends a
 * base) to the base's items, then fixes the base's references.  The
 * statements are applied in rounds (replacements, region overrides,
 * keeps, the others, then rescopes and moves, then the checks of what
 * they left): their diagnostics are held and printed in line order
 * (diag_hold), as the file's reader meets the statements. */
static void apply_edits(loader *L, uint32_t mi, const ptrvec *stmts, size_t first_edit)
{
    diag_hold(L->d);
    set_base(L, mi);
    baseidx b;
    index_base(L, &b);
    for (size_t i = 0; i < L->out.n; i++) {
        const ast_decl *d = L->out.v[i];
        if (!d || d->kind != D_REGION || module_of(L, d->sp) != (int32_t)mi)
            continue;
        for (uint32_t k = 0; k < d->u.region.names.n; k++) {
            item *own = new_item(L, IT_REGION, d->u.region.names.v[k].s, d->u.region.names.v[k].sp);
            own->slot = (uint32_t)i;
            ntab_add(L->a, &b.own_regions, own);
        }
    }

    /* `replaces` first, so that `drop regions` leaves replaced regions alone */
    for (size_t i = 0; i < L->out.n; i++) {
        ast_decl *d = L->out.v[i];
        if (d && d->kind == D_REGION && d->u.region.replaces.s && module_of(L, d->sp) == (int32_t)mi)
            apply_replaces(L, &b, d, mi);
        for (uint32_t k = 0; d && d->kind == D_AGENCY && module_of(L, d->sp) == (int32_t)mi &&
                             k < d->u.agency.replaces.n; k++)
            apply_agency_replace(L, &b, d, d->u.agency.replaces.v[k], mi);
    }
    /* then `override region`, for the same reason: `drop regions` keeps
     * the regions this file renames or moves */
    for (size_t i = 0; i < stmts->n; i++) {
        const ast_decl *d = stmts->v[i];
        if (d->kind == D_OVERRIDE && d->u.over.what == OVR_REGION)
            override_region(L, &b, d, mi);
    }
    /* then the keeps, whichever line they are on: a drop or an override
     * of an item a keep left out is an error wherever it is written */
    const ast_decl *kept[DROP_AGENCY + 1] = {0};
    apply_keeps(L, &b, stmts, mi, kept);
    for (size_t i = 0; i < stmts->n; i++) {
        const ast_decl *d = stmts->v[i];
        if (d->kind == D_DROP) {
            if (!d->u.drop.keep)
                apply_drop(L, &b, d, mi);
            continue;
        }
        switch (d->u.over.what) {
        case OVR_TARGET: override_target(L, &b, d, mi); break;
        case OVR_MEASURE: override_measure(L, &b, d, mi); break;
        case OVR_SECTION: override_section(L, &b, d, mi); break;
        case OVR_INDICATOR: override_indicator(L, &b, d, mi); break;
        case OVR_ASSESSMENT: override_assessment(L, &b, d); break;
        case OVR_REGION: break; /* applied first, above */
        case OVR_TARGETS: break; /* applied after the others, below */
        /* (an override target's `in (ID)` too: move_targets) */
        }
    }
    rescope_targets(L, &b, stmts);
    move_targets(L, &b, stmts);
    warn_left_empty(L, &b, kept);
    places gone = {0};
    gone_places(L, &b, mi, &gone);
    keep_gone_aliases(L, &b);
    compact(L);
    fix_regions(L, &b);
    fix_agencies(L, &b, mi);
    fix_assessment(L, &b);
    fix_indicators(L, &b);
    fix_tests(L, &b);
    warn_gone_places(L, mi, &gone);
    sort_edits(L, first_edit);
    diag_release(L->d);
}

/* Puts module mi's declarations into the program (once): its base first,
 * its imports where they are, its plan merged into the base's, then its
 * edits applied. */
static void emit_module(loader *L, uint32_t mi)
{
    if (L->included[mi])
        return;
    L->included[mi] = true;
    mod *m = M(L, mi);
    bool extends = m->base >= 0;
    if (extends)
        emit_module(L, (uint32_t)m->base);
    size_t first_edit = L->edits.n;
    ptrvec stmts = {0};
    for (uint32_t i = 0; i < m->ast->ndecls; i++) {
        ast_decl *d = m->ast->decls[i];
        switch (d->kind) {
        case D_IMPORT:
            if (m->target[i] >= 0)
                emit_module(L, (uint32_t)m->target[i]);
            break;
        case D_DROP:
        case D_OVERRIDE:
            if (extends)
                ptrvec_push(L->a, &stmts, d);
            else if (!m->plan && !m->plan_lost) /* (a base that failed to load, or a plan a
                                                    syntax error threw away, was reported) */
                diag_error(L->d, d->kind == D_DROP && d->u.drop.keep ? d->u.drop.head : d->sp,
                           "'%s' changes a base, but this file's plan extends none",
                           d->kind == D_OVERRIDE ? "override" : d->u.drop.keep ? "keep" : "drop");
            break;
        case D_PLAN:
            if (extends && d == m->plan) {
                set_base(L, mi);
                merge_plan(L, d);
            } else {
                ptrvec_push(L->a, &L->out, d);
            }
            break;
        case D_LEVELS:
            if (extends) {
                set_base(L, mi);
                merge_levels(L, d, m->plan ? m->plan->u.plan.name.s : NULL);
            } else {
                ptrvec_push(L->a, &L->out, d);
            }
            break;
        case D_REGION:
        case D_AGENCY: {
            ast_name rep = d->kind == D_REGION ? d->u.region.replaces
                           : d->u.agency.replaces.n ? d->u.agency.replaces.v[0] : (ast_name){0};
            if (!extends && !m->plan && rep.s)
                diag_error(L->d, rep.sp, "'replaces' names %s of a base, but this file's plan extends none",
                           tr(L, d->kind == D_REGION ? "a region" : "an agency"));
        }
            /* fall through */
        default:
            if (extends)
                mark_added_decl(L, d);
            ptrvec_push(L->a, &L->out, d);
            break;
        }
    }
    if (extends)
        apply_edits(L, mi, &stmts, first_edit);
    /* the program without the holes drops left */
    size_t k = 0;
    for (size_t i = 0; i < L->out.n; i++)
        if (L->out.v[i])
            L->out.v[k++] = L->out.v[i];
    L->out.n = k;
}

/* ---------------------------------------------------------------- entry */

ast_program *import_load(arena *a, diag_ctx *d, const char *path, const char *root)
{
    ast_program *prog = arena_alloc(a, sizeof *prog);
    loader st;
    memset(&st, 0, sizeof st);
    loader *L = &st;
    L->a = a;
    L->d = d;

    /* The tree is, unless given, the directory of the path given; when
     * that is a symbolic link to a file outside it (`current.plan ->
     * /srv/plans/v3/plan.plan`), the directory of the file itself, which its
     * imports are relative to (else none of them could be read). */
    char buf[PATH_MAX];
    const char *real = realpath(path, buf) ? arena_strdup(a, buf) : NULL;
    const char *rootdir = root ? root : dir_of(a, path);
    if (!root && real && realpath(rootdir, buf)) {
        const char *realdir = dir_of(a, real);
        if (strcmp(buf, realdir) != 0 && !inside(buf, realdir))
            rootdir = realdir;
    }
    if (!realpath(rootdir, buf)) {
        diag_plain_error(d, "cannot use '%s' as the rules tree: %s", rootdir, msgcat_strerror(msgcat_lang(), errno));
        return prog;
    }
    L->root = arena_strdup(a, buf);
    L->root_shown = rootdir;
    L->root_given = root != NULL;
    int file = diag_load_file(d, path);
    if (file < 0)
        return prog;
    if (!real)
        real = arena_strdup(a, path);
    uint32_t top = new_module(L, path, real, (uint32_t)file, 0);
    load_imports(L, top);

    uint32_t n = (uint32_t)L->mods.n;
    L->included = arena_alloc(a, (n + 1) * sizeof *L->included);
    L->inbase = arena_alloc(a, (n + 1) * sizeof *L->inbase);
    L->file_module = arena_alloc(a, (d->nfiles + 1) * sizeof *L->file_module);
    for (size_t f = 0; f < d->nfiles; f++)
        L->file_module[f] = -1;
    for (uint32_t i = 0; i < n; i++)
        L->file_module[M(L, i)->file] = (int32_t)i;
    emit_module(L, top);

    prog->decls = (ast_decl **)L->out.v;
    prog->ndecls = (uint32_t)L->out.n;
    prog->nmodules = n;
    prog->modules = arena_alloc(a, (n + 1) * sizeof *prog->modules);
    for (uint32_t i = 0; i < n; i++) {
        const mod *m = M(L, i);
        ast_module *pm = &prog->modules[i];
        pm->path = m->path;
        pm->real = m->real;
        pm->file = m->file;
        pm->base = m->base;
        pm->nimports = (uint32_t)m->imports.n;
        pm->imports = arena_alloc(a, (m->imports.n + 1) * sizeof *pm->imports);
        for (size_t k = 0; k < m->imports.n; k++)
            pm->imports[k] = *(const ast_import *)m->imports.v[k];
        pm->reach = arena_alloc(a, (n + 1) * sizeof *pm->reach);
        mark_reach(L, i, pm->reach);
    }
    prog->file_module = L->file_module;
    prog->nfiles = (uint32_t)d->nfiles;
    prog->edits = (const ast_origin **)L->edits.v;
    prog->nedits = (uint32_t)L->edits.n;
    prog->rescopes = (const ast_decl **)L->rescopes.v;
    prog->nrescopes = (uint32_t)L->rescopes.n;
    prog->incomplete = L->incomplete;
    prog->syntax_errors = L->syntax_errors;
    size_t nlost = 0;
    for (size_t i = 0; i < L->mods.n; i++)
        nlost += M(L, (uint32_t)i)->ast->nlost;
    ast_lost *lost = arena_alloc(a, (nlost + 1) * sizeof *lost);
    for (size_t i = 0; i < L->mods.n; i++) {
        const ast_program *mp = M(L, (uint32_t)i)->ast;
        for (uint32_t k = 0; k < mp->nlost; k++)
            lost[prog->nlost++] = mp->lost[k];
    }
    prog->lost = lost;
    ast_take_allows(a, prog, d, 0);
    return prog;
}

/* One line per edit, in the program's order (see import.h). */
void import_print_origins(const ast_program *p, lbl_lang lang, FILE *out)
{
    /* the Chinese of each kind of edit, a whole phrase around the item:
     * "在措施（九）中改写目标“近岸海域水质”", "改变目标“x”的适用范围" */
    static const char *const zh_before[] = {
        [ORIGIN_OVERRIDDEN] = "改写", [ORIGIN_ADDED] = "新增", [ORIGIN_DROPPED] = "删除",
        [ORIGIN_REPLACED] = "替换", [ORIGIN_RESCOPED] = "改变", [ORIGIN_RENAMED] = "把",
        [ORIGIN_MOVED] = "移动",
    };
    static const char *const zh_after[] = {
        [ORIGIN_OVERRIDDEN] = "", [ORIGIN_ADDED] = "", [ORIGIN_DROPPED] = "",
        [ORIGIN_REPLACED] = "", [ORIGIN_RESCOPED] = "的适用范围", [ORIGIN_RENAMED] = "改名",
        [ORIGIN_MOVED] = "",
    };
    for (uint32_t i = 0; i < p->nedits; i++) {
        const ast_origin *o = p->edits[i];
        if (lang == LBL_ZH && o->kind <= ORIGIN_MOVED) {
            fprintf(out, "%s: ", o->edit_at);
            /* a target's clause "(九)" leads: "在措施（九）中删除目标“x”" */
            size_t n = o->clause && o->item == IT_TARGET ? strlen(o->clause) : 0;
            if (n > 2)
                fprintf(out, "在措施（%.*s）中", (int)(n - 2), o->clause + 1);
            fprintf(out, "%s%s%s", zh_before[o->kind], o->what_zh ? o->what_zh : o->what, zh_after[o->kind]);
            if (o->base_at)
                fprintf(out, "（基础规则 %s）", o->base_at);
            if (o->detail_zh)
                fprintf(out, "：%s", o->detail_zh);
            fputc('\n', out);
            continue;
        }
        fprintf(out, "%s: %s %s", o->edit_at, ast_origin_word(o->kind), o->what);
        if (o->clause && o->item == IT_TARGET)
            fprintf(out, " in %s", o->clause);
        if (o->base_at)
            fprintf(out, " (base %s)", o->base_at);
        if (o->detail)
            fprintf(out, ": %s", o->detail);
        fputc('\n', out);
    }
}
