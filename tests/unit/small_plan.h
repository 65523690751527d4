/* small_plan.h — a plan small enough to work out by hand, shared by the
 * suites of the evaluator outputs (test_rollup, test_explain, test_store).
 *
 * Four cities 甲 乙 丙 丁 in province 省; baseline 2023.  Three measures in
 * one section, each with one target:
 *   (一) lead 厅A:            X: x >= 80% by 2025 (x is 60 everywhere in 2023)
 *   (二) lead 厅B:            redline F: f >= 100 (a veto)
 *   (三) shared 厅A, 厅C:     E: e falls every year
 * In 2025:
 *   甲  x 90 met, f 120 met, e 6 -> 5 met: total 100, grade 优
 *   乙  x 70 failed (score 100 * (70 - 60) / (80 - 60) = 50), f met,
 *       e 6 -> 7 failed: measures 50, 100, 0, total 50, grade 差
 *   丙  x 85 met, f 90 failed (veto), e 5 -> 4 met: total 200 / 3, grade 差
 *   丁  x missing (left out: missing reweight), f met, e 3 -> 3 failed:
 *       measures missing, 100, 0, total 50, grade 差
 * so the city ranks of 2025 are 甲 1, 乙 2, 丁 2 (a tie), 丙 4 (a veto
 * ranks below every region without one). */
#ifndef PLANC_SMALL_PLAN_H
#define PLANC_SMALL_PLAN_H

#define SMALL_PLAN_HEAD                                                      \
    "plan P \"小计划\" {\n"                                                  \
    "    region 省\n"                                                        \
    "    baseline 2023\n"                                                    \
    "    horizon 2035\n"                                                     \
    "}\n"                                                                    \
    "levels province, city\n"                                                \
    "region 省 : province\n"                                                 \
    "region 甲 : city in 省 alias \"甲市\"\n"                                \
    "region 乙, 丙, 丁 : city in 省\n"                                       \
    "agency 厅A\n"                                                           \
    "agency 厅B\n"                                                           \
    "agency 厅C\n"                                                           \
    "unit 亩\n"                                                              \
    "unit 万亩 = 10000 亩\n"                                                 \
    "indicator x : %, higher, column \"x\"\n"                                \
    "indicator f : 万亩, higher, column \"f\" in 亩\n"                       \
    "indicator e : 1, lower, column \"e\"\n"                                 \
    "section 一 \"第一部分\" {\n"                                            \
    "    measure (一) \"甲项\" {\n"                                          \
    "        lead 厅A\n"                                                     \
    "        target X : x >= 80% by 2025\n"                                  \
    "    }\n"                                                                \
    "    measure (二) \"乙项\" {\n"                                          \
    "        lead 厅B\n"                                                     \
    "        redline F : f >= 100\n"                                         \
    "    }\n"                                                                \
    "    measure (三) \"丙项\" {\n"                                          \
    "        shared 厅A, 厅C\n"                                              \
    "        target E : e falls every year\n"                                \
    "    }\n"                                                                \
    "}\n"

/* The rules with `missing reweight`, and with `missing zero`. */
static const char small_plan[] =
    SMALL_PLAN_HEAD
    "assessment 考核 {\n"
    "    missing reweight\n"
    "    veto redlines\n"
    "    grade 优 >= 90, 良 >= 60, 差\n"
    "}\n";

static const char small_plan_zero[] =
    SMALL_PLAN_HEAD
    "assessment 考核 {\n"
    "    missing zero\n"
    "    veto redlines\n"
    "    grade 优 >= 90, 良 >= 60, 差\n"
    "}\n";

/* f is in 亩 in the data: 1000000 亩 is 100 万亩. */
static const char small_data[] =
    "region,year,x,f,e\n"
    "甲,2023,60,1000000,10\n"
    "甲,2024,70,1100000,6\n"
    "甲,2025,90,1200000,5\n"
    "乙,2023,60,1000000,10\n"
    "乙,2024,65,1500000,6\n"
    "乙,2025,70,1500000,7\n"
    "丙,2023,60,1000000,10\n"
    "丙,2024,75,1000000,5\n"
    "丙,2025,85,900000,4\n"
    "丁,2023,60,1000000,10\n"
    "丁,2024,NA,1000000,3\n"
    "丁,2025,,1000000,3\n";

#endif
