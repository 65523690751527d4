/* test_import.c — modules and extension (compiler/import.c, and the parts of
 * the grammar and the checker they use).  Each test writes small rules
 * files into a fresh temporary directory, loads them with import_load and
 * looks at the program, the diagnostics and, for extensions, the checked
 * model and the edit list. */
#include <check.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "import.h"
#include "model.h"
#include "parse.h"
#include "sema.h"

static arena A;
static diag_ctx D;
static char *errbuf;
static size_t errlen;
static FILE *errf;
static char dir[64];

/* A fresh arena, diagnostics into errbuf, and a temporary directory. */
static void setup(void)
{
    arena_init(&A);
    errbuf = NULL;
    errlen = 0;
    errf = open_memstream(&errbuf, &errlen);
    diag_init(&D, errf);
    strcpy(dir, "/tmp/planc-import-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

/* Removes the temporary tree (rm -r on a name we made ourselves). */
static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
    diag_dispose(&D);
    fclose(errf);
    free(errbuf);
    arena_free(&A);
}

/* The diagnostics so far. */
static const char *errs(void)
{
    fflush(errf);
    return errbuf ? errbuf : "";
}

/* dir/REL, in the arena. */
static const char *at(const char *rel)
{
    return arena_printf(&A, "%s/%s", dir, rel);
}

/* Writes printf-formatted text to dir/REL, making its directory. */
static void put(const char *rel, const char *fmt, ...)
{
    const char *path = at(rel);
    char *d = arena_strdup(&A, path);
    for (char *p = d + strlen(dir) + 1; (p = strchr(p, '/')) != NULL; p++) {
        *p = '\0';
        mkdir(d, 0700);
        *p = '/';
    }
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    fclose(f);
}

/* The number of declarations of kind k in p. */
static int count_decls(const ast_program *p, ast_declkind k)
{
    int n = 0;
    for (uint32_t i = 0; i < p->ndecls; i++)
        n += p->decls[i]->kind == k;
    return n;
}

/* The --origins listing of p in a language. */
static char *origins_in(const ast_program *p, lbl_lang lang)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    import_print_origins(p, lang, f);
    fclose(f);
    char *r = arena_strdup(&A, buf);
    free(buf);
    return r;
}

/* The --origins listing of p, in English. */
static char *origins(const ast_program *p)
{
    return origins_in(p, LBL_EN);
}

/* A small base: a plan, two cities, a target on each and a red line. */
#define BASE                                                                     \
    "plan 基础 { region 省 baseline 2023 horizon 2035 }\n"                       \
    "levels province, city\n"                                                    \
    "region 省 : province\n"                                                     \
    "region 甲, 乙 : city in 省\n"                                               \
    "agency 厅\n"                                                                \
    "unit 亩\n"                                                                  \
    "unit 万亩 = 10000 亩\n"                                                     \
    "indicator 比例 : %%, higher, column \"ratio\"\n"                            \
    "indicator 耕地 : 万亩, higher, column \"farm_ha\" in 亩\n"                  \
    "section 一 \"一\" {\n"                                                      \
    "    measure (一) \"一\" {\n"                                                \
    "        lead 厅\n"                                                          \
    "        target 甲目标 for 甲 : 比例 >= 90%% by 2027\n"                      \
    "        target 乙目标 for 乙, 省 : 比例 >= 80%% by 2027\n"                  \
    "        redline 红线 for 省 : 耕地 >= 100 万亩\n"                           \
    "    }\n"                                                                    \
    "}\n"                                                                        \
    "assessment 考核 { missing zero weight target 甲目标 = 2 grade 好 >= 60, 差 }\n"

/* The new statements parse into what ast_dump shows. */
START_TEST(syntax)
{
    const char *src =
        "import \"lib/a.plan\" as 甲\n"
        "plan P extends \"base.plan\" as 基 { baseline 2024 }\n"
        "region 新 : province replaces 旧 alias \"x\"\n"
        "drop target t1, t2\n"
        "drop measure (九), (十)\n"
        "drop regions\n"
        "drop assessment\n"
        "override target t3 \"文\" for 甲.城\n"
        "override target t5 as t6 weight 2\n"
        "override redline t4 : 甲.x >= 5 甲.吨 weight 2\n"
        "override indicator i, column \"c\" in 亩\n"
        "override measure (一) { lead 甲.厅 }\n"
        "override section 二 \"新题\" { }\n"
        "override assessment 考核 { weight measure 甲.(一) = 2 }\n";
    int f = diag_add_text(&D, "t.plan", src, strlen(src));
    ast_program *p = parse_file(&A, &D, f);
    ck_assert_str_eq(errs(), "");
    char *buf = NULL;
    size_t len = 0;
    FILE *o = open_memstream(&buf, &len);
    ast_dump(p, o);
    fclose(o);
    ck_assert_str_eq(buf,
        "import \"lib/a.plan\" as 甲\n"
        "plan P extends \"base.plan\" as 基\n"
        "  baseline 2024\n"
        "region 新 : province replaces 旧 alias \"x\"\n"
        "drop target t1, t2\n"
        "drop measure (九), (十)\n"
        "drop regions\n"
        "drop assessment\n"
        "override\n"
        "  target t3 \"文\"\n"
        "    for 甲.城\n"
        "override\n"
        "  target t5 as t6\n"
        "    weight 2\n"
        "override\n"
        "  redline t4\n"
        "    threshold 甲.x\n"
        "      >= 5[甲.吨]\n"
        "    weight 2\n"
        "override indicator i\n"
        "  column \"c\" in 亩\n"
        "override\n"
        "  measure (一)\n"
        "    lead 甲.厅\n"
        "override section 二 \"新题\"\n"
        "override assessment 考核\n"
        "  weight measure 甲.(一) = 2\n");
    free(buf);
}
END_TEST

/* One file reached by three paths (one of them a symbolic link inside the
 * tree) is loaded once, and its declarations are in the program once. */
START_TEST(loaded_once)
{
    put("lib/u.plan", "unit 吨\n");
    put("main.plan", "import \"lib/u.plan\"\nimport \"lib/../lib/u.plan\"\nimport \"alias.plan\"\n"
                     "plan P { baseline 2023 horizon 2030 }\n");
    ck_assert_int_eq(symlink("lib/u.plan", at("alias.plan")), 0);
    ast_program *p = import_load(&A, &D, at("main.plan"), NULL);
    ck_assert_str_eq(errs(), "");
    ck_assert_uint_eq(p->nmodules, 2);
    ck_assert_int_eq(count_decls(p, D_UNIT), 1);
    ck_assert_uint_eq(p->modules[0].nimports, 2); /* u and alias: two names for one module */
    ck_assert_uint_eq(p->modules[0].imports[0].module, p->modules[0].imports[1].module);
    ck_assert_str_eq(p->modules[0].imports[0].as, "u");
    ck_assert_str_eq(p->modules[0].imports[1].as, "alias");
}
END_TEST

/* A symbolic link inside the tree that points outside it is refused. */
START_TEST(symlink_escape)
{
    put("tree/main.plan", "import \"link.plan\"\n");
    put("outside.plan", "unit 吨\n");
    ck_assert_int_eq(symlink("../outside.plan", at("tree/link.plan")), 0);
    ast_program *p = import_load(&A, &D, at("tree/main.plan"), NULL);
    ck_assert(strstr(errs(), "main.plan:1:8: error: cannot import \"link.plan\": it is outside the rules tree") != NULL);
    ck_assert(p->incomplete);
    ck_assert_uint_eq(p->nmodules, 1);
    /* the message names the link's destination, as 'link.plan is outside
     * the tree' alone reads wrong of a file that is in it, and says how */
    char real[4096];
    ck_assert_ptr_nonnull(realpath(at("outside.plan"), real));
    ck_assert(strstr(errs(), arena_printf(&A, "a symbolic link on its path leads to '%s'\n", real)) != NULL);
    ck_assert(strstr(errs(), "give a tree that holds the file the link leads to with --root DIR") != NULL);
}
END_TEST

/* A base's directory linked into the tree (rules/liaoning -> the base's
 * checkout elsewhere), reached by '..' from the adapting file's directory:
 * the path is in the tree until the link is followed. */
START_TEST(symlink_dir_escape)
{
    put("rules/sichuan/main.plan", "import \"../liaoning/base.plan\"\n");
    put("checkout/liaoning/base.plan", "unit 吨\n");
    ck_assert_int_eq(symlink("../checkout/liaoning", at("rules/liaoning")), 0);
    ast_program *p = import_load(&A, &D, at("rules/sichuan/main.plan"), at("rules"));
    char real[4096];
    ck_assert_ptr_nonnull(realpath(at("checkout/liaoning/base.plan"), real));
    ck_assert(strstr(errs(), arena_printf(&A, "main.plan:1:8: error: cannot import \"../liaoning/base.plan\": "
                                              "it is outside the rules tree '%s': a symbolic link on its path "
                                              "leads to '%s'\n", at("rules"), real)) != NULL);
    ck_assert(p->incomplete);
    /* a tree that holds both reads it */
    diag_dispose(&D);
    diag_init(&D, errf);
    p = import_load(&A, &D, at("rules/sichuan/main.plan"), dir);
    ck_assert(!p->incomplete);
}
END_TEST

/* The file given is a symbolic link to a file of another directory
 * (current.plan -> v3/main.plan): the tree is that file's directory, whose
 * files its imports name, not the link's. */
START_TEST(symlinked_main_file)
{
    put("v3/main.plan", "import \"u.plan\"\nplan P { baseline 2023 horizon 2030 }\n");
    put("v3/u.plan", "unit 吨\n");
    put("other/x.plan", "unit 米\n");
    mkdir(at("links"), 0700);
    ck_assert_int_eq(symlink("../v3/main.plan", at("links/current.plan")), 0);
    ast_program *p = import_load(&A, &D, at("links/current.plan"), NULL);
    ck_assert_str_eq(errs(), "");
    ck_assert_uint_eq(p->nmodules, 2);
    ck_assert_int_eq(count_decls(p, D_UNIT), 1);
    /* the link's own directory is not part of the tree then, nor a
     * sibling of the file's */
    put("v3/main.plan", "import \"../other/x.plan\"\n");
    p = import_load(&A, &D, at("links/current.plan"), NULL);
    ck_assert(strstr(errs(), "cannot import \"../other/x.plan\": it is outside the rules tree") != NULL);
    ck_assert(strstr(errs(), "symbolic link on its path") == NULL); /* '..' left it, no link */
    ck_assert(p->incomplete);
}
END_TEST

/* A link to a file below its own directory (current.plan ->
 * versions/v3.plan) keeps the link's directory as the tree: the file may
 * import from beside its own directory, as before. */
START_TEST(symlink_into_subdirectory)
{
    put("versions/v3.plan", "import \"../common/u.plan\"\nplan P { baseline 2023 horizon 2030 }\n");
    put("common/u.plan", "unit 吨\n");
    ck_assert_int_eq(symlink("versions/v3.plan", at("current.plan")), 0);
    ast_program *p = import_load(&A, &D, at("current.plan"), NULL);
    ck_assert_str_eq(errs(), "");
    ck_assert_uint_eq(p->nmodules, 2);
}
END_TEST

/* A FIFO in the tree is refused, not opened: the open would wait for a
 * writer for ever. */
START_TEST(fifo_refused)
{
    put("main.plan", "import \"pipe.plan\"\nplan P extends \"base.plan\" { }\n");
    ck_assert_int_eq(mkfifo(at("pipe.plan"), 0600), 0);
    ck_assert_int_eq(mkfifo(at("base.plan"), 0600), 0);
    ast_program *p = import_load(&A, &D, at("main.plan"), NULL);
    ck_assert(strstr(errs(), "main.plan:1:8: error: cannot import \"pipe.plan\": it is not a regular file") != NULL);
    ck_assert(strstr(errs(), "main.plan:2:16: error: cannot import \"base.plan\": it is not a regular file") != NULL);
    ck_assert(p->incomplete);
    ck_assert_uint_eq(p->nmodules, 1);
}
END_TEST

/* --root widens the tree: a sibling directory may then be imported. */
START_TEST(root_option)
{
    put("rules/a/main.plan", "plan P extends \"../b/base.plan\" { }\n");
    put("rules/b/base.plan", "plan B { baseline 2023 horizon 2030 }\n");
    ast_program *p = import_load(&A, &D, at("rules/a/main.plan"), NULL);
    ck_assert(strstr(errs(), "outside the rules tree") != NULL);
    ck_assert(p->incomplete);

    diag_ctx d2;
    diag_init(&d2, errf);
    p = import_load(&A, &d2, at("rules/a/main.plan"), at("rules"));
    ck_assert_int_eq(diag_errors(&d2), 0);
    ck_assert_uint_eq(p->nmodules, 2);
    ck_assert_int_eq(p->modules[0].base, 1);
    ck_assert_int_eq(count_decls(p, D_PLAN), 1);
    diag_dispose(&d2);

    diag_ctx d3;
    diag_init(&d3, errf);
    p = import_load(&A, &d3, at("rules/a/main.plan"), at("no-such-dir"));
    ck_assert_int_eq(diag_errors(&d3), 1);
    ck_assert_uint_eq(p->nmodules, 0);
    diag_dispose(&d3);
    ck_assert(strstr(errs(), "cannot use '") != NULL);
}
END_TEST

/* A chain of imports deeper than IMPORT_MAX_DEPTH stops with an error at
 * the import that goes too deep. */
START_TEST(depth_limit)
{
    for (int i = 0; i <= IMPORT_MAX_DEPTH + 1; i++)
        put(arena_printf(&A, "f%d.plan", i), "import \"f%d.plan\"\n", i + 1);
    put(arena_printf(&A, "f%d.plan", IMPORT_MAX_DEPTH + 2), "unit 吨\n");
    ast_program *p = import_load(&A, &D, at("f0.plan"), NULL);
    ck_assert(strstr(errs(), arena_printf(&A, "f%d.plan:1:8: error: cannot import \"f%d.plan\": imports are nested deeper than %d files",
                                          IMPORT_MAX_DEPTH, IMPORT_MAX_DEPTH + 1, IMPORT_MAX_DEPTH)) != NULL);
    ck_assert_uint_eq(p->nmodules, IMPORT_MAX_DEPTH + 1);
    ck_assert_int_eq(diag_errors(&D), 1);
}
END_TEST

/* More than IMPORT_MAX_FILES files: one error, at the first import over. */
START_TEST(count_limit)
{
    char *src = arena_strdup(&A, "");
    for (int i = 0; i < IMPORT_MAX_FILES + 10; i++) {
        put(arena_printf(&A, "m/u%d.plan", i), "unit u%d\n", i);
        src = arena_printf(&A, "%simport \"m/u%d.plan\"\n", src, i);
    }
    put("main.plan", "%s", src);
    ast_program *p = import_load(&A, &D, at("main.plan"), NULL);
    ck_assert_int_eq(diag_errors(&D), 1);
    ck_assert(strstr(errs(), arena_printf(&A, "main.plan:%d:8: error: cannot import \"m/u%d.plan\": a program may have at most %d files",
                                          IMPORT_MAX_FILES, IMPORT_MAX_FILES - 1, IMPORT_MAX_FILES)) != NULL);
    ck_assert_uint_eq(p->nmodules, IMPORT_MAX_FILES);
}
END_TEST

/* A file that imports itself, and a base that extends its extension. */
START_TEST(cycles)
{
    put("self.plan", "import \"self.plan\"\n");
    import_load(&A, &D, at("self.plan"), NULL);
    ck_assert(strstr(errs(), "self.plan:1:8: error: import cycle: ") != NULL);
    ck_assert(strstr(errs(), "self.plan -> ") != NULL);

    put("a.plan", "plan A extends \"b.plan\" { }\n");
    put("b.plan", "plan B extends \"a.plan\" { baseline 2023 horizon 2030 }\n");
    import_load(&A, &D, at("a.plan"), NULL);
    ck_assert(strstr(errs(), "b.plan:1:16: error: import cycle: ") != NULL);
    ck_assert(strstr(errs(), "a.plan -> ") != NULL);
}
END_TEST

/* The file given cannot be read: the error names it, the program is empty. */
START_TEST(missing_top)
{
    ast_program *p = import_load(&A, &D, at("nothing.plan"), NULL);
    ck_assert_uint_eq(p->nmodules, 0);
    ck_assert_uint_eq(p->ndecls, 0);
    ck_assert(strstr(errs(), "nothing.plan") != NULL);
}
END_TEST

/* An extension: overrides, drops, a replaced region and additions, checked
 * into a model whose items keep their origins. */
START_TEST(extension)
{
    put("base.plan", BASE);
    put("x.plan",
        "plan X extends \"base.plan\" { baseline 2024 }\n"
        "region 新省 : province replaces 省\n"
        "drop region 乙\n"
        "region 丙 : city in 新省\n"
        "override target 甲目标 : 比例 >= 95%% by 2027\n"
        "override indicator 耕地, column \"farm_mu\" in 亩\n"
        "override measure (一) {\n"
        "    target 丙目标 for 丙 : 比例 >= 70%% by 2030\n"
        "}\n"
        "override assessment 考核 { grade 好 >= 70, 差 }\n");
    ast_program *p = import_load(&A, &D, at("x.plan"), NULL);
    sema_model *m = sema_check(&A, &D, p);
    ck_assert_str_eq(errs(), "");
    ck_assert_int_eq(m->baseline, 2024);
    ck_assert_uint_eq(m->nregions, 3);
    ck_assert_str_eq(m->regions[0].name, "新省");           /* in the place of 省 */
    ck_assert_str_eq(m->regions[0].replaces, "省");
    ck_assert_str_eq(m->regions[1].name, "甲");
    ck_assert_str_eq(m->regions[2].name, "丙");
    ck_assert_uint_eq(m->ntargets, 4);
    /* 甲目标: overridden, its goal 95% */
    ck_assert_str_eq(m->targets[0].name, "甲目标");
    ck_assert(fabs(m->targets[0].ms[0].goal - 95) < 1e-9);
    ck_assert_ptr_nonnull(m->targets[0].origin);
    ck_assert_int_eq(m->targets[0].origin->kind, ORIGIN_OVERRIDDEN);
    ck_assert_str_eq(m->targets[0].origin->clause, "(一)");
    /* 乙目标: its scope lost 乙 and names 新省 for 省 */
    ck_assert_uint_eq(m->targets[1].nscope, 1);
    ck_assert_uint_eq(m->targets[1].scope[0], 0);
    ck_assert_int_eq(m->targets[1].origin->kind, ORIGIN_RESCOPED);
    ck_assert_str_eq(m->targets[3].name, "丙目标");
    ck_assert_int_eq(m->targets[3].origin->kind, ORIGIN_ADDED);
    ck_assert_str_eq(m->bands[0], "好");
    ck_assert(fabs(m->band_min[0] - 70) < 1e-9);
    ck_assert_str_eq(m->inds[1].decl->u.ind.column, "farm_mu");
    /* the base assessment's weight of 甲目标 stays (the target was overridden, not dropped) */
    ck_assert(fabs(m->targets[0].weight - 2) < 1e-9);
    const char *o = origins(p);
    ck_assert(strstr(o, "x.plan:2: replaced region '省' (base ") != NULL);
    ck_assert(strstr(o, "x.plan:3: dropped region '乙' (base ") != NULL);
    ck_assert(strstr(o, "x.plan:5: overridden target '甲目标' in (一) (base ") != NULL);
    ck_assert(strstr(o, "base.plan:13): condition\n") != NULL);
    ck_assert(strstr(o, "rescoped target '乙目标' in (一)") != NULL);
    ck_assert(strstr(o, "for 乙, 省 -> for 新省") != NULL);
    ck_assert(strstr(o, "added target '丙目标' in (一)") != NULL);
    /* the same listing in Chinese: whole phrases, the scopes in Chinese */
    o = origins_in(p, LBL_ZH);
    ck_assert(strstr(o, "x.plan:2: 替换地区“省”（基础规则 ") != NULL);
    ck_assert(strstr(o, "：替换为“新省”\n") != NULL);
    ck_assert(strstr(o, "x.plan:3: 删除地区“乙”（基础规则 ") != NULL);
    ck_assert(strstr(o, "x.plan:5: 在措施（一）中改写目标“甲目标”（基础规则 ") != NULL);
    ck_assert(strstr(o, "base.plan:13）：改动条件\n") != NULL);
    ck_assert(strstr(o, "在措施（一）中改变目标“乙目标”的适用范围（基础规则 ") != NULL);
    ck_assert(strstr(o, "：由“乙、省”改为“新省”\n") != NULL);
    ck_assert(strstr(o, "在措施（一）中新增目标“丙目标”\n") != NULL);
    ck_assert(strstr(o, "overridden") == NULL && strstr(o, "base ") == NULL);
}
END_TEST

/* An extension of an extension: the second changes what the first added,
 * and the traces say which file did what. */
START_TEST(nested_extension)
{
    put("base.plan", BASE);
    put("mid.plan",
        "plan M extends \"base.plan\" { }\n"
        "override measure (一) { target 新目标 : 比例 >= 60%% by 2030 }\n");
    put("top.plan",
        "plan T extends \"mid.plan\" { }\n"
        "override target 新目标 : 比例 >= 65%% by 2030\n"
        "drop target 乙目标\n");
    ast_program *p = import_load(&A, &D, at("top.plan"), NULL);
    sema_model *m = sema_check(&A, &D, p);
    ck_assert_str_eq(errs(), "");
    ck_assert_str_eq(m->plan, "T");
    ck_assert_uint_eq(m->ntargets, 3);
    ck_assert_str_eq(m->targets[2].name, "新目标");
    ck_assert(fabs(m->targets[2].ms[0].goal - 65) < 1e-9);
    ck_assert(strstr(m->targets[2].origin->edit_at, "top.plan:2") != NULL);
    ck_assert(strstr(m->targets[2].origin->base_at, "mid.plan:2") != NULL);
    const char *o = origins(p);
    ck_assert(strstr(o, "mid.plan:2: added target '新目标'") != NULL);
    ck_assert(strstr(o, "top.plan:3: dropped target '乙目标'") != NULL);
}
END_TEST

/* `override target OLD as NEW`: the target keeps its place, its parts and
 * the base assessment's weight and veto, under the new name; the model
 * lists the rename; the old name is undefined in the extending file. */
START_TEST(rename_target)
{
    put("base.plan", BASE);
    put("x.plan",
        "plan X extends \"base.plan\" { }\n"
        "override target 甲目标 as 甲市目标\n"
        "override redline 红线 as 耕地红线 : 耕地 >= 120 万亩\n"
        "override assessment 考核 { veto 耕地红线 }\n");
    ast_program *p = import_load(&A, &D, at("x.plan"), NULL);
    sema_model *m = sema_check(&A, &D, p);
    ck_assert_str_eq(errs(), "");
    ck_assert_uint_eq(m->ntargets, 3);
    ck_assert_str_eq(m->targets[0].name, "甲市目标");     /* in the place of 甲目标 */
    ck_assert(fabs(m->targets[0].weight - 2) < 1e-9);     /* the base's weight followed */
    ck_assert(fabs(m->targets[0].ms[0].goal - 90) < 1e-9); /* and its condition */
    ck_assert_int_eq(m->targets[0].origin->kind, ORIGIN_RENAMED);
    ck_assert_str_eq(m->targets[0].origin->name, "甲目标");
    ck_assert_str_eq(m->targets[0].origin->new_name, "甲市目标");
    ck_assert_str_eq(m->targets[2].name, "耕地红线");
    ck_assert(m->targets[2].redline && m->targets[2].veto);
    ck_assert(fabs(m->targets[2].ms[0].goal - 120) < 1e-9);
    ck_assert_uint_eq(m->ntarget_renames, 2);
    ck_assert_str_eq(m->target_renames[0].from, "甲目标");
    ck_assert_str_eq(m->target_renames[0].to, "甲市目标");
    ck_assert_str_eq(m->target_renames[1].from, "红线");
    ck_assert_str_eq(m->target_renames[1].to, "耕地红线");
    const char *o = origins(p);
    ck_assert(strstr(o, "x.plan:2: renamed target '甲目标' in (一) (base ") != NULL);
    ck_assert(strstr(o, "base.plan:13): as 甲市目标\n") != NULL);
    ck_assert(strstr(o, "x.plan:3: renamed target '红线' in (一) (base ") != NULL);
    ck_assert(strstr(o, "): as 耕地红线; condition\n") != NULL);
}
END_TEST

/* The old name of a renamed target, written in the extending file, is
 * undefined with a note at the rename; a weight given under the new name
 * replaces the base's. */
START_TEST(rename_old_name)
{
    put("base.plan", BASE);
    put("x.plan",
        "plan X extends \"base.plan\" { }\n"
        "override target 甲目标 as 甲市目标\n"
        "override assessment 考核 { weight target 甲市目标 = 5 }\n");
    ast_program *p = import_load(&A, &D, at("x.plan"), NULL);
    sema_model *m = sema_check(&A, &D, p);
    ck_assert_str_eq(errs(), "");
    ck_assert(fabs(m->targets[0].weight - 5) < 1e-9);
    put("y.plan",
        "plan Y extends \"base.plan\" { }\n"
        "override target 甲目标 as 甲市目标\n"
        "override assessment 考核 { veto 甲目标 }\n");
    p = import_load(&A, &D, at("y.plan"), NULL);
    sema_check(&A, &D, p);
    ck_assert(strstr(errs(), "y.plan:3:31: error: undefined target '甲目标': it was renamed '甲市目标'") != NULL);
    ck_assert(strstr(errs(), "y.plan:2:1: note: '甲目标' was renamed here") != NULL);
}
END_TEST

/* `override region`: a region of a base declaration of several is split
 * off in its place (the others keep theirs); a rename reaches the base's
 * scopes, the model records it (with the replacement's kind of rename for
 * planc diff) and the base's tests name the new region in their expect
 * lines and data rows; a move changes the parent alone. */
START_TEST(override_region)
{
    put("base.plan",
        "plan 基础 { region 省 baseline 2023 horizon 2035 }\n"
        "levels province, city\n"
        "region 省, 新省 : province\n"
        "region 甲, 乙, 丙 : city in 省\n"
        "indicator 比例 : %%, higher, column \"ratio\"\n"
        "section 一 \"一\" {\n"
        "    measure (一) \"一\" {\n"
        "        target 乙目标 for 乙 : 比例 >= 80%% by 2027\n"
        "        target 其他 for 省, 新省, 甲, 丙 : 比例 >= 60%% by 2027\n"
        "    }\n"
        "}\n"
        "test \"t\" {\n"
        "    data \"region,year,ratio\"\n"
        "    data \"乙,2027,85\"\n"
        "    data \"甲,2027,85\"\n"
        "    expect 乙 2027 乙目标 met\n"
        "}\n");
    put("x.plan",
        "plan X extends \"base.plan\" { }\n"
        "override region 乙 as 乙市 alias \"Yi\"\n"
        "override region 丙 in 新省\n");
    ast_program *p = import_load(&A, &D, at("x.plan"), NULL);
    sema_model *m = sema_check(&A, &D, p);
    ck_assert_str_eq(errs(), "");
    ck_assert_uint_eq(m->nregions, 5);
    ck_assert_str_eq(m->regions[2].name, "甲");
    ck_assert_str_eq(m->regions[3].name, "乙市");   /* in the place of 乙 */
    ck_assert_str_eq(m->regions[3].replaces, "乙");
    ck_assert(m->regions[3].renamed);
    ck_assert_uint_eq(m->regions[3].naliases, 1);
    ck_assert_str_eq(m->regions[3].aliases[0], "Yi");
    ck_assert_str_eq(m->regions[m->regions[3].parent].name, "省");
    ck_assert_str_eq(m->regions[4].name, "丙");
    ck_assert_str_eq(m->regions[m->regions[4].parent].name, "新省");
    ck_assert(!m->regions[4].replaces);
    ck_assert_uint_eq(m->nregion_renames, 1);
    ck_assert_str_eq(m->region_renames[0].from, "乙");
    ck_assert_str_eq(m->region_renames[0].to, "乙市");
    ck_assert_uint_eq(m->targets[0].nscope, 1);
    ck_assert_str_eq(m->regions[m->targets[0].scope[0]].name, "乙市");
    ck_assert_uint_eq(m->ntests, 1);
    const ast_decl *t = m->tests[0].d;
    ck_assert_str_eq(t->u.test.data[1].text, "乙市,2027,85");
    ck_assert_str_eq(t->u.test.data[2].text, "甲,2027,85"); /* left as written */
    ck_assert_str_eq(t->u.test.expects[0].region.s, "乙市");
    ck_assert(m->tests[0].skip == NULL);
    const char *o = origins(p);
    ck_assert(strstr(o, "x.plan:2: renamed region '乙' (base ") != NULL);
    ck_assert(strstr(o, "): as 乙市; aliases\n") != NULL);
    ck_assert(strstr(o, "x.plan:3: overridden region '丙' (base ") != NULL);
    ck_assert(strstr(o, "): parent\n") != NULL);
}
END_TEST

/* A region declared twice takes one region of the model: the duplicate is
 * reported once and declares nothing. */
START_TEST(duplicate_region_slot)
{
    put("d.plan",
        "plan 基础 { baseline 2023 horizon 2035 }\n"
        "levels province, city\n"
        "region 省 : province\n"
        "region 甲 : city in 省\n"
        "region 甲 : city in 无此省\n"
        "region 乙, 甲 : city in 省\n");
    ast_program *p = import_load(&A, &D, at("d.plan"), NULL);
    sema_model *m = sema_check(&A, &D, p);
    ck_assert_uint_eq(m->nregions, 3);
    ck_assert_str_eq(m->regions[2].name, "乙");
    ck_assert_str_eq(m->regions[m->regions[1].parent].name, "省");
    ck_assert_str_eq(m->regions[m->regions[2].parent].name, "省");
    ck_assert_uint_eq(D.nerrors, 2);
    ck_assert(strstr(errs(), "undefined region '无此省'") == NULL); /* its parent is not checked */
}
END_TEST

/* A target overridden or renamed, then dropped with its measure: the
 * base assessment's weight of it goes too (traced at the measure's drop),
 * instead of naming a target the program no longer has. */
START_TEST(edited_then_dropped_along)
{
    put("base.plan", BASE);
    put("x.plan",
        "plan X extends \"base.plan\" { }\n"
        "override target 甲目标 as 甲市目标\n"
        "drop measure (一)\n");
    ast_program *p = import_load(&A, &D, at("x.plan"), NULL);
    sema_model *m = sema_check(&A, &D, p);
    ck_assert_str_eq(errs(), "");
    ck_assert_uint_eq(m->ntargets, 0);
    const char *o = origins(p);
    ck_assert(strstr(o, "x.plan:3: dropped weight of target '甲目标' from assessment 考核") != NULL);
    o = origins_in(p, LBL_ZH);
    ck_assert(strstr(o, "x.plan:2: 在措施（一）中把目标“甲目标”改名（基础规则 ") != NULL);
    ck_assert(strstr(o, "：新名称“甲市目标”\n") != NULL);
    ck_assert(strstr(o, "x.plan:3: 删除考核“考核”中目标“甲目标”的权重（基础规则 ") != NULL);
    ck_assert(strstr(o, "：因该目标已删除\n") != NULL);
    put("y.plan",
        "plan Y extends \"base.plan\" { }\n"
        "override target 甲目标 weight 3\n"
        "drop section 一\n"
        "override assessment 考核 { veto 甲目标 }\n");
    p = import_load(&A, &D, at("y.plan"), NULL);
    sema_check(&A, &D, p);
    ck_assert(strstr(errs(), "undefined target '甲目标': it was dropped with section '一'") != NULL);
    ck_assert(strstr(errs(), "base.plan") == NULL); /* nothing in the base is wrong */
}
END_TEST

/* Names of the whole program are visible from every file: an imported
 * assessment weighs the sections of the file that imports it. */
START_TEST(program_names)
{
    put("rules.plan",
        "plan P { baseline 2023 horizon 2030 }\n"
        "levels province\n"
        "region 省 : province\n"
        "indicator 比例 : %%, column \"r\"\n"
        "section 一 \"一\" { measure (一) \"一\" { target t : 比例 >= 90%% by 2027 } }\n"
        "section 二 \"二\" { measure (二) \"二\" { target u : 比例 >= 80%% by 2027 } }\n"
        "import \"scheme.plan\"\n");
    put("scheme.plan", "assessment 考核 { missing zero weight section 一 = 3, target u = 2 grade 好 >= 60, 差 }\n");
    ast_program *p = import_load(&A, &D, at("rules.plan"), NULL);
    sema_model *m = sema_check(&A, &D, p);
    ck_assert_str_eq(errs(), "");
    ck_assert(m->has_assessment);
    ck_assert(fabs(m->sections[0].weight - 3) < 1e-9);
    ck_assert(fabs(m->targets[1].weight - 2) < 1e-9);
}
END_TEST

/* Units are each file's own: a file's own unit wins over an imported one
 * of the same name; a qualified name picks the imported one. */
START_TEST(vocabulary)
{
    put("u.plan", "unit 吨\nunit 万吨 = 10000 吨\n");
    put("main.plan",
        "import \"u.plan\" as 外\n"
        "plan P { baseline 2023 horizon 2030 }\n"
        "levels province\n"
        "region 省 : province\n"
        "unit 吨\n"
        "indicator 自己 : 吨, column \"a\"\n"
        "indicator 外来 : 外.吨, column \"b\"\n"
        "indicator 万 : 万吨, column \"c\"\n"
        "indicator 差 : 吨, formula 自己 - 外来\n");
    ast_program *p = import_load(&A, &D, at("main.plan"), NULL);
    sema_check(&A, &D, p);
    /* 自己 is in this file's 吨, 外来 in u.plan's: two dimensions; 万吨
     * (only u.plan has it) resolves */
    ck_assert(strstr(errs(), "main.plan:9:26: error: cannot subtract '吨' from '吨': the units have different dimensions") != NULL);
    ck_assert(strstr(errs(), "note: these are two units called '吨'") != NULL);
    ck_assert_int_eq(diag_errors(&D), 1);
}
END_TEST

/* The hint under an unknown module lists the file's imports, built in
 * one buffer: joined one name at a time, it copied the list so far for
 * each import, so 20,000 imports (of one small file, under as many
 * names) took gigabytes of memory per error until planc was killed.
 * Counted here in arena bytes: 4,000 imports and one error needed 60 MB
 * for the hint, now a few kilobytes. */
START_TEST(unknown_module_hint_is_linear)
{
    enum { N = 4000 };
    put("u.plan", "unit 吨\n");
    size_t cap = 40 * (size_t)N + 512, n = 0;
    char *src = malloc(cap);
    ck_assert_ptr_nonnull(src);
    for (int i = 0; i < N; i++)
        n += (size_t)snprintf(src + n, cap - n, "import \"u.plan\" as M%d\n", i);
    snprintf(src + n, cap - n, "plan P { baseline 2023 horizon 2030 }\n"
             "levels province\nregion 省 : province\n"
             "indicator x : ZZZZZZZZZZ.吨, column \"x\"\n");
    put("main.plan", "%s", src);
    free(src);
    ast_program *p = import_load(&A, &D, at("main.plan"), NULL);
    ck_assert_ptr_nonnull(p);
    size_t before = A.total;
    sema_check(&A, &D, p);
    ck_assert_uint_lt(A.total - before, 4 * 1024 * 1024);
    ck_assert_int_eq(diag_errors(&D), 1);
    ck_assert(strstr(errs(), "unknown module 'ZZZZZZZZZZ'") != NULL);
    ck_assert(strstr(errs(), "note: this file imports: M0, M1, M2, ") != NULL);
    ck_assert(strstr(errs(), ", M3998, M3999\n") != NULL);
}
END_TEST

/* The suite. */
static Suite *import_suite(void)
{
    Suite *s = suite_create("import");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, syntax);
    tcase_add_test(tc, override_region);
    tcase_add_test(tc, duplicate_region_slot);
    tcase_add_test(tc, loaded_once);
    tcase_add_test(tc, symlink_escape);
    tcase_add_test(tc, symlink_dir_escape);
    tcase_add_test(tc, symlinked_main_file);
    tcase_add_test(tc, symlink_into_subdirectory);
    tcase_add_test(tc, fifo_refused);
    tcase_add_test(tc, root_option);
    tcase_add_test(tc, depth_limit);
    tcase_add_test(tc, count_limit);
    tcase_add_test(tc, cycles);
    tcase_add_test(tc, missing_top);
    tcase_add_test(tc, extension);
    tcase_add_test(tc, nested_extension);
    tcase_add_test(tc, rename_target);
    tcase_add_test(tc, rename_old_name);
    tcase_add_test(tc, edited_then_dropped_along);
    tcase_add_test(tc, program_names);
    tcase_add_test(tc, vocabulary);
    tcase_add_test(tc, unknown_module_hint_is_linear);
    suite_add_tcase(s, tc);
    return s;
}

/* Runs the suite; fails when a test does. */
int main(void)
{
    SRunner *sr = srunner_create(import_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
