/* labels.c — the documents' fixed words in English and Chinese (see
 * labels.h).
 *
 * The Chinese is the wording of a provincial evaluation report (考核评价
 * 报告): statuses 达标 / 进度正常 / 进度滞后 / 未达标 / 数据缺失 / 不适用,
 * years written 2027年, full-width punctuation. */
#include "labels.h"

#include <stddef.h>
#include <string.h>

/* English: the words the documents had before they had a language. */
static const char *const en[LBL_COUNT] = {
    [LBL_ST_NA] = "not_applicable",
    [LBL_ST_MISSING] = "missing",
    [LBL_ST_FAILED] = "failed",
    [LBL_ST_LAGGING] = "lagging",
    [LBL_ST_ON_TRACK] = "on_track",
    [LBL_ST_MET] = "met",
    [LBL_COLON] = ": ",
    [LBL_PAREN_OPEN] = " (",
    [LBL_PAREN_CLOSE] = ")",
    [LBL_LIST_SEP] = "; ",
    [LBL_FULL_STOP] = ".",
    [LBL_YEAR] = "%d",
    [LBL_YES] = "yes",
    [LBL_NO] = "no",
    [LBL_TRUE] = "true",
    [LBL_FALSE] = "false",
    [LBL_SHARED] = "shared: ",
    [LBL_META_PLAN] = "plan ",
    [LBL_META_DATA] = " · data ",
    [LBL_META_YEARS] = " · years %d–%d",
    [LBL_META_ROLLUP_YEAR] = " · roll-up year ",
    [LBL_META_COUNTS] = " · %u regions · %u targets",
    [LBL_META_ASSESSMENT] = " · assessment ",
    [LBL_NAV_RANKING] = "Ranking",
    [LBL_NAV_HEATMAP] = "Status heatmap",
    [LBL_NAV_TRAJECTORIES] = "Trajectories",
    [LBL_NAV_REGIONS] = "Regions",
    [LBL_NAV_AGENCIES] = "Agencies",
    [LBL_NAV_TARGETS] = "Targets",
    [LBL_RANKING_TITLE] = "Ranking of regions, %d",
    [LBL_RANKING_NOTE] = "Total score (0–100) of each region, ranked within its level; a region "
                         "whose veto target failed ranks below those without, and gets the last "
                         "grade whatever its score.",
    [LBL_NO_TOTAL] = "no total",
    [LBL_VETO] = "veto: ",
    [LBL_HEATMAP_TITLE] = "Status of every target, %d",
    [LBL_HEATMAP_NOTE] = "A row per region, a column per target (grouped by section). Hover a "
                         "cell for its value.",
    [LBL_NO_TARGETS] = "No targets.",
    [LBL_MET_SHORT] = "met %u/%u",
    [LBL_TRAJ_TITLE] = "Trajectories against the goals",
    [LBL_TRAJ_NOTE] = "Each target's value per region over the years (regions in its scope "
                      "only), each region in its colour and line style (a value with no "
                      "neighbouring year: its marker); dashed black: the goal; dotted red: its "
                      "deadline.",
    [LBL_FALLS_EVERY_YEAR] = "falls every year",
    [LBL_RISES_EVERY_YEAR] = "rises every year",
    [LBL_PEAKS] = "peaks",
    [LBL_PEAKS_BY] = "peaks by %d",
    [LBL_TOLERANCE] = " tolerance %s",
    [LBL_BY_YEAR] = " by %d",
    [LBL_EVERY_YEAR] = " every year",
    [LBL_GOAL_VARIES_IN] = "goal varies by region in %d",
    [LBL_GOAL_VALUE] = "goal %s",
    [LBL_IN_YEAR] = " in %d",
    [LBL_TRAJ_MET] = " · %d: met %u of %u",
    [LBL_TOO_WIDE] = "the values span too wide a range to draw",
    [LBL_NO_VALUES] = "no values for the regions in scope",
    [LBL_GOAL_LINE] = "goal",
    [LBL_DEADLINE_LINE] = "deadline %d",
    [LBL_KIND_THRESHOLD] = "threshold",
    [LBL_KIND_REDLINE] = "redline",
    [LBL_KIND_COMPLETE] = "complete",
    [LBL_KIND_RATED] = "rated",
    [LBL_KIND_FALLS] = "falls",
    [LBL_KIND_RISES] = "rises",
    [LBL_KIND_PEAKS] = "peaks",
    [LBL_REGIONS_TITLE] = "Regions, %d",
    [LBL_AGENCIES_TITLE] = "Agencies, %d",
    [LBL_AGENCIES_NOTE] = "Each lead agency (or agency sharing a measure) with the measures it "
                          "is accountable for; statuses are counted over their targets and "
                          "every region.",
    [LBL_TARGETS_TITLE] = "Targets, %d",
    [LBL_VARIES] = "varies",
    [LBL_NO_ROWS] = "The data has no rows: there is nothing to report.",
    [LBL_COL_RANK] = "rank",
    [LBL_COL_REGION] = "region",
    [LBL_COL_LEVEL] = "level",
    [LBL_COL_YEAR] = "year",
    [LBL_COL_TOTAL] = "total",
    [LBL_COL_GRADE] = "grade",
    [LBL_COL_RANKED] = "ranked",
    [LBL_COL_VETOES] = "vetoes",
    [LBL_COL_AGENCY] = "agency",
    [LBL_COL_MEASURE_LIST] = "measures",
    [LBL_COL_NMEASURES] = "measures",
    [LBL_COL_NTARGETS] = "targets",
    [LBL_COL_MEASURE_IDS] = "measure_ids",
    [LBL_COL_TARGET_NAMES] = "target_names",
    [LBL_COL_TARGET] = "target",
    [LBL_COL_CLAUSE] = "clause",
    [LBL_COL_LEAD] = "lead",
    [LBL_COL_UNIT] = "unit",
    [LBL_COL_GOAL] = "goal",
    [LBL_COL_TOLERANCE] = "tolerance",
    [LBL_COL_VALUES] = "values",
    [LBL_COL_MIN] = "min",
    [LBL_COL_Q1] = "q1",
    [LBL_COL_MEDIAN] = "median",
    [LBL_COL_Q3] = "q3",
    [LBL_COL_MAX] = "max",
    [LBL_COL_MEAN] = "mean",
    [LBL_COL_BELOW_GOAL] = "below_goal",
    [LBL_COL_ABOVE_GOAL] = "above_goal",
    [LBL_COL_MEAN_SCORE] = "mean_score",
    [LBL_COL_MEAN_SCORE_PAGE] = "mean score",
    [LBL_COL_GOAL_VARIES] = "goal_varies",
    [LBL_COL_KIND] = "kind",
    [LBL_COL_ID] = "id",
    [LBL_COL_NAME] = "name",
    [LBL_COL_STATUS] = "status",
    [LBL_COL_VALUE] = "value",
    [LBL_COL_EXPECTED] = "expected",
    [LBL_COL_SCORE] = "score",
    [LBL_COL_WEIGHT] = "weight",
    [LBL_SHEET_REGIONS] = "regions",
    [LBL_SHEET_AGENCIES] = "agencies",
    [LBL_SHEET_TARGETS] = "targets",
    [LBL_SHEET_DETAIL] = "detail",
    [LBL_ITEM_TARGET] = "target",
    [LBL_ITEM_MEASURE] = "measure",
    [LBL_ITEM_SECTION] = "section",
    [LBL_ITEM_TOTAL] = "total",
    [LBL_FOOTER_STATUSES] = "met: the goal is reached · on_track: not yet, but at least as good "
                            "as the straight line from the baseline to the goal · lagging: "
                            "behind that line · failed: the deadline passed (or a red line "
                            "broke) · missing: no value · not_applicable: outside the target's "
                            "scope or before its first year.",
    [LBL_PAGE_WRITTEN_BY] = "Written by planc %s",
    [LBL_FROM_RULES] = " from the rules ",
    [LBL_AND_DATA] = " and the data ",
    [LBL_READ_WITH] = ", read with ",
    [LBL_OF_MANIFEST] = " of the manifest:",
    [LBL_MANIFEST_FIRST] = " ",
    [LBL_BOOK_WRITTEN_BY] = "written by planc %s",
    [LBL_BOOK_SOURCE] = "written by planc %s from the rules %s and the data %s (SHA-256 %s)",
};

/* Chinese: as a provincial department's evaluation report words it. */
static const char *const zh[LBL_COUNT] = {
    [LBL_ST_NA] = "不适用",
    [LBL_ST_MISSING] = "数据缺失",
    [LBL_ST_FAILED] = "未达标",
    [LBL_ST_LAGGING] = "进度滞后",
    [LBL_ST_ON_TRACK] = "进度正常",
    [LBL_ST_MET] = "达标",
    [LBL_COLON] = "：",
    [LBL_PAREN_OPEN] = "（",
    [LBL_PAREN_CLOSE] = "）",
    [LBL_LIST_SEP] = "；",
    [LBL_FULL_STOP] = "。",
    [LBL_YEAR] = "%d年",
    [LBL_YES] = "是",
    [LBL_NO] = "否",
    [LBL_TRUE] = "是",
    [LBL_FALSE] = "否",
    [LBL_SHARED] = "共同负责：",
    [LBL_META_PLAN] = "规划 ",
    [LBL_META_DATA] = " · 数据 ",
    [LBL_META_YEARS] = " · 年份 %d–%d年",
    [LBL_META_ROLLUP_YEAR] = " · 汇总年份 ",
    [LBL_META_COUNTS] = " · %u 个地区 · %u 项目标",
    [LBL_META_ASSESSMENT] = " · 考核 ",
    [LBL_NAV_RANKING] = "排名",
    [LBL_NAV_HEATMAP] = "状态热力图",
    [LBL_NAV_TRAJECTORIES] = "目标轨迹",
    [LBL_NAV_REGIONS] = "地区",
    [LBL_NAV_AGENCIES] = "牵头单位",
    [LBL_NAV_TARGETS] = "目标",
    [LBL_RANKING_TITLE] = "%d年地区排名",
    [LBL_RANKING_NOTE] = "各地区总分（0–100分），在本层级内排名；一票否决目标未达标的地区排在"
                         "其他地区之后，且无论得分高低均评为最低等级。",
    [LBL_NO_TOTAL] = "无总分",
    [LBL_VETO] = "一票否决：",
    [LBL_HEATMAP_TITLE] = "%d年状态热力图",
    [LBL_HEATMAP_NOTE] = "每行为一个地区，每列为一项目标（按章节分组）。鼠标悬停在单元格上可"
                         "查看数值。",
    [LBL_NO_TARGETS] = "无目标。",
    [LBL_MET_SHORT] = "达标 %u/%u",
    [LBL_TRAJ_TITLE] = "目标轨迹",
    [LBL_TRAJ_NOTE] = "各地区逐年的指标值（仅含目标适用范围内的地区），每个地区有各自的颜色"
                      "和线型（前后年份均无数值的孤立值以标记表示）；黑色虚线：目标值；红色"
                      "点线：期限（截止年份）。",
    [LBL_FALLS_EVERY_YEAR] = "逐年下降",
    [LBL_RISES_EVERY_YEAR] = "逐年上升",
    [LBL_PEAKS] = "达峰",
    [LBL_PEAKS_BY] = "到%d年达峰",
    [LBL_TOLERANCE] = "，允许偏差 %s",
    [LBL_BY_YEAR] = "，到%d年",
    [LBL_EVERY_YEAR] = "，每年",
    [LBL_GOAL_VARIES_IN] = "%d年目标值因地区而异",
    [LBL_GOAL_VALUE] = "目标值 %s",
    [LBL_IN_YEAR] = "（%d年）",
    [LBL_TRAJ_MET] = " · %d年达标 %u 个（共 %u 个）",
    [LBL_TOO_WIDE] = "数值范围过大，无法绘制",
    [LBL_NO_VALUES] = "适用范围内的地区均无数值",
    [LBL_GOAL_LINE] = "目标值",
    [LBL_DEADLINE_LINE] = "期限 %d年",
    [LBL_KIND_THRESHOLD] = "阈值",
    [LBL_KIND_REDLINE] = "红线",
    [LBL_KIND_COMPLETE] = "完成",
    [LBL_KIND_RATED] = "评分",
    [LBL_KIND_FALLS] = "下降",
    [LBL_KIND_RISES] = "上升",
    [LBL_KIND_PEAKS] = "达峰",
    [LBL_REGIONS_TITLE] = "%d年分地区结果",
    [LBL_AGENCIES_TITLE] = "%d年分牵头单位结果",
    [LBL_AGENCIES_NOTE] = "各牵头单位（或共同负责某项措施的单位）及其负责的措施；状态按这些措施"
                          "的全部目标和所有地区计数。",
    [LBL_TARGETS_TITLE] = "%d年分目标结果",
    [LBL_VARIES] = "因地区而异",
    [LBL_NO_ROWS] = "数据中没有任何行，无可报告的内容。",
    [LBL_COL_RANK] = "排名",
    [LBL_COL_REGION] = "地区",
    [LBL_COL_LEVEL] = "层级",
    [LBL_COL_YEAR] = "年份",
    [LBL_COL_TOTAL] = "总分",
    [LBL_COL_GRADE] = "等级",
    [LBL_COL_RANKED] = "参与排名地区数",
    [LBL_COL_VETOES] = "一票否决",
    [LBL_COL_AGENCY] = "牵头单位",
    [LBL_COL_MEASURE_LIST] = "措施",
    [LBL_COL_NMEASURES] = "措施数",
    [LBL_COL_NTARGETS] = "目标数",
    [LBL_COL_MEASURE_IDS] = "措施编号",
    [LBL_COL_TARGET_NAMES] = "目标名称",
    [LBL_COL_TARGET] = "目标",
    [LBL_COL_CLAUSE] = "条款",
    [LBL_COL_LEAD] = "牵头单位",
    [LBL_COL_UNIT] = "单位",
    [LBL_COL_GOAL] = "目标值",
    [LBL_COL_TOLERANCE] = "允许偏差",
    [LBL_COL_VALUES] = "有数值地区数",
    [LBL_COL_MIN] = "最小值",
    [LBL_COL_Q1] = "下四分位数",
    [LBL_COL_MEDIAN] = "中位数",
    [LBL_COL_Q3] = "上四分位数",
    [LBL_COL_MAX] = "最大值",
    [LBL_COL_MEAN] = "平均值",
    [LBL_COL_BELOW_GOAL] = "低于目标值地区数",
    [LBL_COL_ABOVE_GOAL] = "高于目标值地区数",
    [LBL_COL_MEAN_SCORE] = "平均得分",
    [LBL_COL_MEAN_SCORE_PAGE] = "平均得分",
    [LBL_COL_GOAL_VARIES] = "目标值因地区而异",
    [LBL_COL_KIND] = "类型",
    [LBL_COL_ID] = "标识",
    [LBL_COL_NAME] = "名称",
    [LBL_COL_STATUS] = "状态",
    [LBL_COL_VALUE] = "数值",
    [LBL_COL_EXPECTED] = "进度预期值",
    [LBL_COL_SCORE] = "得分",
    [LBL_COL_WEIGHT] = "权重",
    [LBL_SHEET_REGIONS] = "地区",
    [LBL_SHEET_AGENCIES] = "牵头单位",
    [LBL_SHEET_TARGETS] = "目标",
    [LBL_SHEET_DETAIL] = "明细",
    [LBL_ITEM_TARGET] = "目标",
    [LBL_ITEM_MEASURE] = "措施",
    [LBL_ITEM_SECTION] = "章节",
    [LBL_ITEM_TOTAL] = "总分",
    [LBL_FOOTER_STATUSES] = "达标：已达到目标值 · 进度正常：尚未达标，但不低于从基期值到目标值的"
                            "直线进度 · 进度滞后：低于该直线进度 · 未达标：期限已过仍未达到目标"
                            "值（或触碰红线） · 数据缺失：无数值 · 不适用：不在该目标的适用范围"
                            "内，或早于其起始年份。",
    [LBL_PAGE_WRITTEN_BY] = "由 planc %s 生成",
    [LBL_FROM_RULES] = "；规则：",
    [LBL_AND_DATA] = "；数据：",
    [LBL_READ_WITH] = "，读取选项：",
    [LBL_OF_MANIFEST] = "，按文件清单计算：",
    [LBL_MANIFEST_FIRST] = "",
    [LBL_BOOK_WRITTEN_BY] = "由 planc %s 生成",
    [LBL_BOOK_SOURCE] = "由 planc %s 生成；规则：%s；数据：%s（SHA-256 %s）",
};

static const char *const *const tables[LBL_NLANGS] = {[LBL_EN] = en, [LBL_ZH] = zh};

/* The languages' names (lbl_parse, lbl_name) and HTML tags. */
static const char *const names[LBL_NLANGS] = {[LBL_EN] = "en", [LBL_ZH] = "zh"};
static const char *const tags[LBL_NLANGS] = {[LBL_EN] = "en", [LBL_ZH] = "zh-CN"};

/* lang, or English when it is out of range. */
static lbl_lang checked(lbl_lang lang)
{
    return (unsigned)lang < LBL_NLANGS ? lang : LBL_EN;
}

const char *lbl_get(lbl_lang lang, lbl_id id)
{
    if ((unsigned)id >= LBL_COUNT)
        return "";
    const char *s = tables[checked(lang)][id];
    return s ? s : "";
}

const char *lbl_status(lbl_lang lang, int status)
{
    if (status < 0 || status > LBL_ST_MET - LBL_ST_NA)
        return "";
    return lbl_get(lang, (lbl_id)(LBL_ST_NA + status));
}

const char *lbl_kind(lbl_lang lang, const char *kind)
{
    static const lbl_id kinds[] = {LBL_KIND_THRESHOLD, LBL_KIND_REDLINE, LBL_KIND_COMPLETE,
                                   LBL_KIND_RATED, LBL_KIND_FALLS, LBL_KIND_RISES,
                                   LBL_KIND_PEAKS};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(kind, en[kinds[i]]) == 0)
            return lbl_get(lang, kinds[i]);
    return kind;
}

bool lbl_parse(const char *name, lbl_lang *lang)
{
    for (int i = 0; i < LBL_NLANGS; i++)
        if (strcmp(name, names[i]) == 0) {
            *lang = (lbl_lang)i;
            return true;
        }
    return false;
}

const char *lbl_name(lbl_lang lang)
{
    return names[checked(lang)];
}

const char *lbl_tag(lbl_lang lang)
{
    return tags[checked(lang)];
}
