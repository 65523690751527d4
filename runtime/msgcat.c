/* msgcat.c — the message catalog (msgcat.h): English formats and their
 * Chinese texts, grouped by where the message comes from, and a lookup by
 * the English through an index sorted once. */
#include "msgcat.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* One message: its English format (the msgid) and its Chinese text. */
typedef struct msgcat_pair {
    const char *en;
    const char *zh;
} msgcat_pair;

/* The catalog.  The words follow docs/GUIDE.zh-CN.md §8 (术语表): 目标,
 * 指标, 目标值, 红线, 章节, 措施, 单位 (an agency), 地区, 层级, 基期, 期限,
 * 允许偏差, 考核 ...; errors are worded as gcc's zh_CN catalog words its
 * own (“未定义的”, “重复的”, “应为……”, “此处”). */
static const msgcat_pair catalog[] = {
    /* ---- diag.c: the limits */
    {"too many errors; only the first %d are shown", "错误过多；只显示前%d个"},
    {"too many warnings; only the first %d are shown", "警告过多；只显示前%d个"},
    {"cannot read '%s': %s", "无法读取 '%s'：%s"},
    {"cannot read '%s': larger than 256 MiB", "无法读取 '%s'：大于 256 MiB"},
    /* ---- the lexer (grammar/lexer.l) */
    {"invalid UTF-8 byte 0x%02x", "无效的 UTF-8 字节 0x%02x"},
    {"invalid UTF-8 byte 0x%02x: the file looks %s encoded, and a rules file is UTF-8",
     "无效的 UTF-8 字节 0x%02x：该文件像是 %s 编码，而规则文件须为 UTF-8"},
    {"convert it: iconv -f %s -t UTF-8 %s > rules-utf8.plan (or save it as UTF-8 in the editor)",
     "请转换：iconv -f %s -t UTF-8 %s > rules-utf8.plan（或在编辑器中另存为 UTF-8）"},
    {"full-width %s '%.3s' (U+%04X); use '%s'", "全角%s'%.3s'（U+%04X）；请用 '%s'"},
    {"comma", "逗号"},
    {"colon", "冒号"},
    {"semicolon", "分号"},
    {"left parenthesis", "左括号"},
    {"right parenthesis", "右括号"},
    {"percent sign", "百分号"},
    {"equals sign", "等号"},
    {"less-than sign", "小于号"},
    {"greater-than sign", "大于号"},
    {"exclamation mark", "叹号"},
    {"unexpected character '%c' (U+%04X)", "不应出现字符 '%c'（U+%04X）"},
    {"unexpected character '%.*s' (U+%04X)", "不应出现字符 '%.*s'（U+%04X）"},
    {"unexpected character '%.*s' (U+%04X); use '%s'", "不应出现字符 '%.*s'（U+%04X）；请用 '%s'"},
    {"unexpected character '%.*s' (U+2212, minus sign); use '-'", "不应出现字符 '%.*s'（U+2212，减号）；请用 '-'"},
    {"unexpected character '%.*s' (U+%04X, a dash)", "不应出现字符 '%.*s'（U+%04X，破折号）"},
    {"unexpected invisible character '\\u%04X' (U+%04X)", "不应出现不可见字符 '\\u%04X'（U+%04X）"},
    {"unterminated string", "字符串没有结束的引号"},
    {"unterminated comment", "注释没有结束"},
    {"control character U+%04X in a string; remove it (a tab is written \\t, a line break \\n)",
     "字符串中有控制字符 U+%04X；请删去（制表符写作 \\t，换行写作 \\n）"},
    {"number out of range", "数字超出范围"},
    {"%s: the language has no semicolons; remove it", "%s：规则语言没有分号；请删去"},
    /* ---- the parser's syntax errors (grammar/parser.y): the sentence and its pieces */
    {"unexpected %s, expected %s", "不应出现%s，此处应为%s"},
    {"unexpected %s", "不应出现%s"},
    {"name '%s'", "名称“%s”"},
    {"number '%s'", "数字 '%s'"},
    {"string %s", "字符串 %s"},
    {"end of file", "文件末尾"},
    {"a name", "名称"},
    {"a number", "数字"},
    {"a string", "字符串"},
    {", ", "、"},
    {" and %u more", "及另外%u个"},
    {" or ", "或"},
    {"a declaration", "声明"},
    {"a plan item", "规划块的一项"},
    {"'target', 'measure', 'section', 'region', 'regions', 'indicator', 'agency' or 'assessment'",
     "'target'、'measure'、'section'、'region'、'regions'、'indicator'、'agency'或'assessment'"},
    {"a measure item", "措施的一项"},
    {"a target attribute", "目标的属性"},
    {"an assessment item", "考核的一项"},
    {"an expression", "表达式"},
    {"expected %s after '%s', at the end of its line", "'%2$s'之后、行末应为%1$s"},
    {"the next line goes on with %s", "下一行接着是%s"},
    {"unexpected '%s', expected %s", "不应出现'%s'，此处应为%s"},
    {"unexpected name '%s' after the year", "年份之后不应出现名称“%s”"},
    {"unexpected name '%s' after the number", "数字之后不应出现名称“%s”"},
    {"unexpected '%s': an 'expect' line checks one thing", "不应出现'%s'：一行 'expect' 只检查一项"},
    {"a year must be a whole number from 1 to 9999", "年份须是1到9999的整数"},
    {"an indicator's attributes each follow a ',': write ', %s'", "指标的每个属性都跟在','之后：写作 ', %s'"},
    {"did you mean '=='?", "是否应为'=='？"},
    {"'falls' and 'rises' say every year's value is below (above) the year before's; a fall by a share from the baseline year is a ratio to it: 'x / baseline(x) <= 86.5%% by 2025' (下降13.5%%)",
     "'falls' 和 'rises' 表示每年的值低于（高于）上一年；较基期年下降一定比例是与基期值之比：'x / baseline(x) <= 86.5%% by 2025'（下降13.5%%）"},
    {"a target's text comes before its scope: 'target NAME \"text\" for SCOPE : CONDITION'",
     "目标的原文写在适用范围之前：'target NAME \"text\" for SCOPE : CONDITION'"},
    {"a goal's tolerance comes after the goal, before 'by'", "目标值的允许偏差写在目标值之后、'by' 之前"},
    {"an agency is written by its name, not quoted", "单位按名称书写，不加引号"},
    /* ---- the checker's and the importer's pieces: kinds, verbs, quoting */
    {"region", "地区"},
    {"level", "层级"},
    {"agency", "单位"},
    {"unit", "计量单位"},
    {"indicator", "指标"},
    {"section", "章节"},
    {"measure", "措施"},
    {"target", "目标"},
    {"period", "时期"},
    {"column", "数据列"},
    {"map", "文本映射"},
    {"plan", "规划"},
    {"assessment", "考核"},
    {"drop", "删除"},
    {"override", "改写"},
    {"rename", "改名"},
    {"replace", "替换"},
    {"dropped", "删除"},
    {"replaced", "替换"},
    {"renamed", "改名"},
    {"overridden", "改写"},
    {"'%s'", "“%s”"},
    {"(%s)", "（%s）"},
    {"%s '%s'", "%s“%s”"},
    {"measure (%s)", "措施（%s）"},
    {": it was dropped", "：已删除"},
    {": it was replaced", "：已替换"},
    {": it was dropped with %s", "：已随%s删除"},
    {": it was renamed '%s'", "：已改名为“%s”"},
    {": it was replaced by '%s'", "：已替换为“%s”"},
    {"measures and their targets", "措施及其目标"},
    {"targets", "目标"},
    {"in '%s'", "在'%s'中"},
    {"in 'abs'", "在'abs'中"},
    {"in 'share'", "在'share'中"},
    {"after 'not'", "在'not'之后"},
    {"after '-'", "在'-'之后"},
    {"after 'if'", "在'if'之后"},
    /* ---- the checker (compiler/sema.c): names */
    {"undefined name '%s'%s", "未定义的名称“%s”%s"},
    {"undefined %s '%s'", "未定义的%s“%s”"},
    {"undefined %s '%s'%s", "未定义的%s“%s”%s"},
    {"undefined region '%s'%s", "未定义的地区“%s”%s"},
    {"undefined region or level '%s'%s", "未定义的地区或层级“%s”%s"},
    {"undefined level '%s'", "未定义的层级“%s”"},
    {"undefined period '%s'", "未定义的时期“%s”"},
    {"undefined target '%s'%s", "未定义的目标“%s”%s"},
    {"undefined measure (%s)", "未定义的措施（%s）"},
    {"undefined measure (%s)%s", "未定义的措施（%s）%s"},
    {"undefined clause (%s)%s", "未定义的条款（%s）%s"},
    {": no measure has this id", "：没有措施使用这个编号"},
    {"did you mean '%s'?", "是否应为“%s”？"},
    {"did you mean (%s)?", "是否应为（%s）？"},
    {"duplicate %s %s", "重复的%s%s"},
    {"%s was first declared here", "%s在此处首次声明"},
    {"%s %s is declared by two files of the program, %s and %s", "%s%s由程序的两个文件声明：%s 和 %s"},
    {"%s is also declared here", "%s也在此处声明"},
    {"'%s' is declared here", "“%s”在此处声明"},
    {"%s '%s' is not declared in '%s' (%s)", "%s“%s”未在“%s”（%s）中声明"},
    {"ambiguous %s '%s': %u imported files declare it", "有歧义的%s“%s”：%u个导入的文件都声明了它"},
    {"candidate '%s.%s', declared in %s", "候选“%s.%s”，声明于 %s"},
    {"write the name with the file it comes from, e.g. '%s.%s'", "请连同其所在的文件写出名称，如 '%s.%s'"},
    {"if '%s' is an agency of this plan, declare it: 'agency %s \"full name\"'%.0s",
     "若“%s”是本规划的单位，请声明：'agency %s \"全称\"'%.0s"},
    {"if '%s' is a unit of this plan, declare it: 'unit %s' (a unit of its own) or 'unit %s = FACTOR UNIT'",
     "若“%s”是本规划的计量单位，请声明：'unit %s'（独立的单位）或 'unit %s = FACTOR UNIT'"},
    {"if '%s' is a text map of this plan, declare it: 'map %s { \"TEXT\" = NUMBER, ... }'%.0s",
     "若“%s”是本规划的文本映射，请声明：'map %s { \"TEXT\" = NUMBER, ... }'%.0s"},
    {"unknown function '%s'", "未知的函数 '%s'"},
    {"unknown status '%s'", "未知的状态“%s”"},
    {"a status is met, on_track, lagging, failed, missing or not_applicable; or write 'score N' or 'value N'",
     "状态写作 met、on_track、lagging、failed、missing 或 not_applicable；或写 'score N'、'value N'"},
    {"'%s' is written '%s': the status words are the results' English ones", "“%s”应写作 '%s'：状态词是结果中的英文词"},
    {"first given here", "此处首次给出"},
    {"first given here (texts are compared without the spaces around them, as data cells are)",
     "此处首次给出（比较文本时不计两端的空格，与数据单元格相同）"},
    {"first listed here", "此处首次列出"},
    {"formula cycle: %s", "公式循环引用：%s"},
    /* ---- the checker: what an extending file removed */
    {"%s was dropped here", "此处删除了%s"},
    {"%s was renamed here", "此处将%s改名"},
    {"'%s' was replaced here", "此处替换了“%s”"},
    {"'%s' is renamed here", "此处将“%s”改名"},
    {"'%s' was renamed '%s' here", "此处将“%s”改名为“%s”"},
    {"%s '%s' was renamed '%s' here", "此处将%s“%s”改名为“%s”"},
    {"%s, which declares %s, was dropped here", "此处删除了声明%2$s的%1$s"},
    {"dropping %s drops its %s too", "删除%s也会删除其%s"},
    {"the extending file names the %s by its new name, '%s'", "扩展的文件用新名称“%2$s”称呼这个%1$s"},
    {"write the name of the region that replaces it, '%s'", "请写替换它的地区的名称“%s”"},
    {"write its new name, '%s'", "请写它的新名称“%s”"},
    {"test '%s': the data names region '%s'%s", "测试“%s”：数据中的地区“%s”不在规则中%s"},
    {"cannot %s %s: the base has no such %s", "无法%s%s：基础规则中没有这个%s"},
    {"cannot %s %s: it was %s already", "无法%s%s：它已被%s"},
    {"cannot %s %s: it was dropped with %s", "无法%s%s：它已随%s删除"},
    {"it was %s here", "此处已将其%s"},
    {"it is declared in this file; 'drop' and 'override' change only the base",
     "它在本文件中声明；'drop' 和 'override' 只改动基础规则"},
    {"its scope is here", "其适用范围在此处"},
    {"give it a scope of this plan ('override %s %s for ...') or drop it",
     "请给它本规划的适用范围（'override %s %s for ...'）或删除它"},
    {"no measure of the base names agency '%s': replacing it changes nothing",
     "基础规则中没有措施写有单位“%s”：替换它不改变任何内容"},
    {"this override of measure (%s) changes nothing", "对措施（%s）的这次改写没有改动任何内容"},
    {"agency '%s' is dropped, but it leads %s", "单位“%s”已删除，但它仍牵头 %s"},
    {"indicator '%s' is dropped, but %u items still use it", "指标“%s”已删除，但仍有%u项使用它"},
    {"change it so that it does not use '%s'", "请修改它，使它不再使用“%s”"},
    {"drop, override or change each of them too, so that nothing uses '%s'",
     "请同样删除、改写或修改其中每一项，使任何一项都不再使用“%s”"},
    {"'replaces' names %s of a base, but this file's plan extends none",
     "'replaces' 指向基础规则的%s，但本文件的规划没有扩展任何规则"},
    {"'%s' changes a base, but this file's plan extends none", "'%s' 改动基础规则，但本文件的规划没有扩展任何规则"},
    {"the base's levels are declared here", "基础规则的层级在此处声明"},
    {"a new name must be one the base never gave a target: then the results, the history and 'planc diff' never take one target for another",
     "新名称须是基础规则从未用作目标名的名称：这样结果、历史库和 'planc diff' 不会把一个目标当作另一个"},
    {"a new name must be one the program never gave a region: then the results, the history and 'planc diff' never take one region for another",
     "新名称须是程序从未用作地区名的名称：这样结果、历史库和 'planc diff' 不会把一个地区当作另一个"},
    {"cannot rename target '%s' as '%s': the base has a target '%s'", "无法把目标“%s”改名为“%s”：基础规则已有目标“%s”"},
    {"target '%s' takes the old name of target '%s'", "目标“%s”用了目标“%s”的旧名称"},
    {"%u text%s of this plan name%s places of the base that it dropped or replaced: %s",
     "本规划有%u处文本%.0s%.0s提到基础规则中已删除或替换的地区：%s"},
    {"cannot import %s: it is outside the rules tree '%s'", "无法导入 %s：它不在规则目录树 '%s' 之内"},
    {"rules are read only from the directory of the file given on the command line and below it; give another tree with --root DIR",
     "规则只从命令行所给文件的目录及其子目录读取；可用 --root DIR 指定其他目录树"},
    {"cannot import %s: %s", "无法导入 %s：%s"},
    {"%s '%s' of %s", "%3$s的%1$s“%2$s”"},
    {"indicator '%s'", "指标“%s”"},
    {"assessment '%s'", "考核“%s”"},
    {"%s uses it here", "%s在此处使用它"},
    {"indicator '%s' is dropped, but %s still uses it", "指标“%s”已删除，但%s仍在使用它"},
    {"give it a condition without it in the override that renames it ('override %s %s as %s : ...'), or leave out the rename and drop target '%s' too",
     "请在给它改名的改写中给出不含它的条件（'override %s %s as %s : ...'），或去掉改名并同样删除目标“%s”"},
    {"drop it too ('drop target %s'), or override its condition ('override %s %s : ...')",
     "请同样删除它（'drop target %s'），或改写它的条件（'override %s %s : ...'）"},
    {"drop indicator '%s' too, or override its formula ('override indicator %s, formula ...')",
     "请同样删除指标“%s”，或改写它的公式（'override indicator %s, formula ...'）"},
    {"give the assessment another score ('override assessment %s { score ... }')",
     "请给考核另一个得分公式（'override assessment %s { score ... }'）"},
    {"dropping region '%s' leaves target '%s' of %s with no region", "删除地区“%1$s”后，%3$s的目标“%2$s”不再适用于任何地区"},
    {"dropping region '%s' leaves target '%s' of %s with no exception: its scope is now '%s'",
     "删除地区“%1$s”后，%3$s的目标“%2$s”不再有例外：其适用范围现为 '%4$s'"},
    {"give it a scope of this plan in the override that renames it ('override %s %s as %s for ...'), or leave out the rename and drop target '%s'",
     "请在给它改名的改写中给出本规划的适用范围（'override %s %s as %s for ...'），或去掉改名并删除目标“%s”"},
    {"give it the exceptions of this plan ('override %s %s %s except ...'), or drop it if it does not apply",
     "请给它本规划的例外（'override %s %s %s except ...'），或在它不适用时删除它"},
    {"give it the exceptions of this plan in the override that renames it ('override %s %s as %s %s except ...'), or leave out the rename and drop target '%s' if it does not apply",
     "请在给它改名的改写中给出本规划的例外（'override %s %s as %s %s except ...'），或在它不适用时去掉改名并删除目标“%s”"},
    {"agency '%s' is dropped, but it leads %zu measures", "单位“%s”已删除，但它仍牵头%zu个措施"},
    {"give each of them another lead ('override measure (ID) { lead ... }'), or drop them",
     "请给其中每个措施另一个牵头单位（'override measure (ID) { lead ... }'），或删除它们"},
    {"give it agencies that share it ('override %s { shared ... }'), or drop it",
     "请给它按职责分工负责的单位（'override %s { shared ... }'），或删除它"},
    {"give it another lead ('override %s { lead ... }'), or drop it",
     "请给它另一个牵头单位（'override %s { lead ... }'），或删除它"},
    {"%s names it %s here", "%s在此处%s"},
    {"among the agencies that share it", "将它列为按职责分工负责的单位"},
    {"as its lead", "将它列为牵头单位"},
    {"a %s is changed by one override: give every change in the one that renames it ('override %s %s as %s ...')",
     "一个%s只由一次改写改动：请把所有改动写在给它改名的那次改写中（'override %s %s as %s ...'）"},
    {"'%s' is the new name this file gives to %s '%s' here", "“%s”是本文件此处给%s“%s”的新名称"},
    {"to drop it, drop %s '%s' and leave out its rename", "若要删除它，请删除%s“%s”并去掉它的改名"},
    {"a %s is changed by one override: give every change in that one", "一个%s只由一次改写改动：请把所有改动写在那一次改写中"},
    {"a renamed %s stays in the plan: to drop it, leave out its rename", "改名的%s仍在规划中：若要删除它，请去掉它的改名"},
    {"an overridden region stays in the plan: to drop it, leave out its override",
     "改写过的地区仍在规划中：若要删除它，请去掉它的改写"},
    {"cannot drop the assessment: the base has none", "无法删除考核：基础规则中没有考核"},
    {"cannot drop the assessment: it was %s already", "无法删除考核：它已被%s"},
    {"cannot override assessment '%s': the base has none", "无法改写考核“%s”：基础规则中没有考核"},
    {"cannot override assessment '%s': it was %s already", "无法改写考核“%s”：它已被%s"},
    {"the title of the plan", "规划的标题"},
    {"the display name of indicator '%s'", "指标“%s”的显示名称"},
    {"the note of a values row of indicator '%s'", "指标“%s”取值表中一行的备注"},
    {"the full name of agency '%s'", "单位“%s”的全称"},
    {"the title of section %s", "章节 %s 的标题"},
    {"the title of measure (%s)", "措施（%s）的标题"},
    {"the text of %s '%s'", "%s“%s”的原文"},
    {"the note of %s '%s'", "%s“%s”的备注"},
    {"red line", "红线"},
    {"%s: \"%s\"", "%s：“%s”"},
    {"the first is %s: \"%s\"", "第一处是%s：“%s”"},
    {"'agency NAME \"...\" replaces NAME', ", "'agency NAME \"...\" replaces NAME'、"},
    {"give it this plan's own text ('override target NAME \"...\"', 'override measure (ID) \"...\"', %s...); list it with: planc diff %s%s %s",
     "请给它本规划自己的文字（'override target NAME \"...\"'、'override measure (ID) \"...\"'、%s...）；用以下命令列出：planc diff %s%s %s"},
    {"give them this plan's own text ('override target NAME \"...\"', 'override measure (ID) \"...\"', %s...); list each one with: planc diff %s%s %s",
     "请给它们本规划自己的文字（'override target NAME \"...\"'、'override measure (ID) \"...\"'、%s...）；用以下命令逐条列出：planc diff %s%s %s"},
    {"the base's goal by %s is here", "基础规则到 %s 的目标值在此处"},
    {"a restated condition replaces all the goals; to move a deadline and keep the other goals, write them all: ': %s'",
     "重写的条件取代全部目标值；若要改动一个期限并保留其他目标值，请全部写出：': %s'"},
    /* ---- the checker: regions, levels and groups */
    {"no target applies to region '%s': every target's scope leaves it out, so its rows are judged on nothing",
     "没有目标适用于地区“%s”：每个目标的适用范围都不含它，它的数据行不作任何判定"},
    {"give a target that covers it ('for %s', or its level '%s' in a target's 'for'), declare it at a level the targets name, or drop it if the plan does not judge it",
     "请给出适用于它的目标（'for %s'，或在目标的 'for' 中写它的层级 '%s'），把它声明在目标所写的层级，或在规划不评估它时删除它"},
    {"no target applies to %u regions of level '%s' (%s%s): every target's scope leaves them out, so their rows are judged on nothing",
     "没有目标适用于层级“%2$s”的%1$u个地区（%3$s%4$s）：每个目标的适用范围都不含它们，它们的数据行不作任何判定"},
    {"give a target that covers them (their level '%s' in a target's 'for'), declare them at a level the targets name, or drop them if the plan does not judge them",
     "请给出适用于它们的目标（在目标的 'for' 中写它们的层级 '%s'），把它们声明在目标所写的层级，或在规划不评估它们时删除它们"},
    {"member '%s' is of level '%s', which is not finer than the group's level '%s'",
     "成员“%s”属于层级“%s”，不比区域组的层级“%s”更细"},
    {"'%s' is of level '%s' here", "“%s”在此处属于层级“%s”"},
    {"parent '%s' is of level '%s', which is not coarser than '%s'", "上级地区“%s”属于层级“%s”，不比“%s”更粗"},
    {"a group holds regions of finer levels, as a province holds its cities; give the group a level of its own in 'levels'",
     "区域组包含更细层级的地区，如省包含其各市；请在 'levels' 中给区域组一个自己的层级"},
    {"'%s' is in '%s', which group '%s' lists already", "“%1$s”属于“%2$s”，而区域组“%3$s”已列出“%2$s”"},
    {"region '%s' is listed twice in group '%s'", "地区“%s”在区域组“%s”中列出了两次"},
    {"the scope of target '%s' covers no region", "目标“%s”的适用范围不含任何地区"},
    {"the regions it covers have no regions below them", "它覆盖的地区没有下级地区"},
    {"no region of the plan is at level '%s', so this row of the values of '%s' gives no value",
     "规划中没有层级“%s”的地区，因此“%s”取值表的这一行不给出任何值"},
    {"level '%s' is given an empty text", "层级“%s”的文字为空"},
    {"the region key and the year key are both the column \"%s\"", "地区列和年份列都是“%s”"},
    /* ---- the checker: units, types, years, weights */
    {"%s: the units have different dimensions", "%s：两个单位的量纲不同"},
    {"cannot add '%s' and '%s'", "不能把“%s”与“%s”相加"},
    {"cannot subtract '%2$s' from '%1$s'", "不能从“%1$s”中减去“%2$s”"},
    {"cannot compare '%s' with '%s'", "不能比较“%s”与“%s”"},
    {"cannot take '%s' of '%%s' and '%%s'", "不能对“%%s”和“%%s”取 '%1$s'"},
    {"the branches of 'if' are in '%s' and '%s'", "'if' 的两个分支分别以“%s”和“%s”计"},
    {"a value in '%s' for an indicator in '%s'", "以“%2$s”计的指标给了以“%1$s”计的值"},
    {"the formula is in '%s' but the indicator is declared in '%s'", "公式以“%s”计，而指标声明为以“%s”计"},
    {"a tolerance in '%s' on a goal in '%s'", "以“%2$s”计的目标值带有以“%1$s”计的允许偏差"},
    {"expected a number %s, found a yes/no value", "%s应为数字，实为是/否值"},
    {"expected a yes/no condition %s, found a number in '%s'", "%s应为是/否条件，实为以“%s”计的数字"},
    {"'%s' can only be used in a score expression", "'%s' 只能用在得分公式中"},
    {"'%s' cannot be used inside '%s'", "'%s' 不能用在 '%s' 之中"},
    {"'%s' takes %d or %d arguments, not %u", "'%s' 接受%d个或%d个参数，而不是%u个"},
    {"the argument of '%s' must read the data (an indicator, or in a score 'value', 'base', 'goal', 'expected' or 'progress()')",
     "'%s' 的参数须读取数据（指标，或得分公式中的 'value'、'base'、'goal'、'expected' 或 'progress()'）"},
    {"deadline %s is before the plan's baseline %d", "期限 %s 早于规划的基期（%d年）"},
    {"deadline %s is the plan's baseline year; a deadline must come after it", "期限 %s 是规划的基期年；期限须在基期之后"},
    {"deadline %s is after the plan's horizon %d", "期限 %s 晚于规划期末（%d年）"},
    {"deadline %s is not after the target's baseline %d", "期限 %s 不在目标的基期（%d年）之后"},
    {"the target's baseline is set here", "目标的基期在此处设定"},
    {"the weight of %s is given twice", "%s的权重给了两次"},
    {"the first weight is here", "第一个权重在此处"},
    {"every section has weight 0; the weights must not all be zero", "每个章节的权重都是0；权重不能全为零"},
    {"every measure of section '%s' has weight 0; the weights must not all be zero",
     "章节“%s”的每个措施权重都是0；权重不能全为零"},
    {"every target of measure %s has weight 0; the weights must not all be zero", "措施 %s 的每个目标权重都是0；权重不能全为零"},
    {"weight %s is out of range; weights are relative: give them between 1e-9 and 1e9 (or 0)",
     "权重 %s 超出范围；权重是相对的：请给出1e-9到1e9之间的值（或0）"},
    {"grades go best first: '%s' (>= %s) must be below '%s' (>= %s)", "等级从最好的写起：“%s”（>= %s）须写在“%s”（>= %s）之后"},
    {"a tolerance of %g is %g%% of the previous year's value; for %g percent write %g%%",
     "允许偏差 %g 即上一年数值的%g%%；若指百分之%g，写作 %g%%"},
    {"a tolerance is an amount in the goal's unit, not a share of the goal: '20%%左右' is '>= 20%% tolerance 0.5%%'",
     "允许偏差是以目标值的单位计的数量，不是目标值的比例：'20%%左右' 写作 '>= 20%% tolerance 0.5%%'"},
    {"a tolerance must be zero or more, not %s", "允许偏差须不小于零，而不是 %s"},
    {"the tolerance %s%s is as large as the goal %s%s itself", "允许偏差 %s%s 与目标值 %s%s 本身一样大"},
    {"a number alone is ambiguous as the tolerance of a goal in '%s'", "以“%s”计的目标值的允许偏差只写数字有歧义"},
    /* ---- the checker: indicators, maps and tests */
    {"'%s' reads its column as map '%s' here", "“%s”在此处按文本映射“%s”读取其数据列"},
    {"map '%s' gives %s for \"%s\", which yes/no indicator '%s' cannot read",
     "文本映射“%1$s”把“%3$s”读作 %2$s，是/否指标“%4$s”无法读取"},
    {"a yes/no indicator reads 1 (yes), 0 (no) or missing: give the map's texts yes, no or missing, or declare the indicator as a number",
     "是/否指标读取1（是）、0（否）或缺失：文本映射的值请写 yes、no 或 missing，或把该指标声明为数字"},
    {"a map's value is a number as the data would write it, without a unit (the column's 'in UNIT' converts it)",
     "文本映射的值是数据中会写的数字，不带单位（由数据列的 'in UNIT' 换算）"},
    {"a map's texts are strings, in double quotes", "文本映射的文本是字符串，写在双引号中"},
    {"target '%s' rates it here", "目标“%s”在此处对它评分"},
    {"unknown aggregate '%s' after the column", "数据列之后是未知的汇总方式 '%s'"},
    {"how a region's rows of one year are combined: mean, sum, min, max, count or share OP NUMBER (e.g. share <= 75)",
     "一个地区同一年的多行怎样合并：mean、sum、min、max、count 或 share OP NUMBER（如 share <= 75）"},
    {"an empty column name: name the data column the indicator reads", "列名为空：请写出该指标读取的数据列"},
    {"'%s' is an indicator, not a target: an expectation names a target", "“%s”是指标，不是目标：期望写的是目标"},
    {"the targets that measure it: %s", "度量它的目标：%s"},
    {"a year is written without '%s': 'expect REGION %d ...'", "年份不带 '%s'：'expect REGION %d ...'"},
    /* ---- planc explain: the region, year and target asked for (compiler/main.c) */
    {"planc: error: --region is empty; give a region's name as the rules declare it (e.g. '%s')\n",
     "planc: 错误：--region 为空；请按规则声明的写法给出地区名（如“%s”）\n"},
    {"planc: error: region '%s' was dropped by the rules\n", "planc: 错误：地区“%s”已被规则删除\n"},
    {"planc: error: unknown region '%s'\n", "planc: 错误：未知的地区“%s”\n"},
    {"note: '%s' is an alias of region '%s'; the rules call it '%s' (an adaptation renamed or replaced it)\n",
     "附注：“%s”是地区“%s”的别名；规则称其为“%s”（改编的规则将其改名或替换）\n"},
    {"note: the rules call it '%s' (an adaptation renamed or replaced it)\n", "附注：规则称其为“%s”（改编的规则将其改名或替换）\n"},
    {"note: did you mean '%s'?\n", "附注：是否应为“%s”？\n"},
    {"planc: error: %s has no row for %s\n", "planc: 错误：%s 中没有%s的数据行\n"},
    {"planc: error: %s has no row for %s in %d", "planc: 错误：%s 中没有%s %d年的数据行"},
    {" (its years: ", "（其年份："},
    {"%s%d..%d", "%s%d–%d年"},
    {"%s%d", "%s%d年"},
    {")", "）"},
    {" (it has no rows)", "（它没有数据行）"},
    {"planc: error: unknown target '%s'\n", "planc: 错误：未知的目标“%s”\n"},
    {"note: the rules call it '%s' (an adaptation renamed it)\n", "附注：规则称其为“%s”（改编的规则将其改名）\n"},
    {"note: the targets that measure '%s': %s\n", "附注：度量“%s”的目标：%s\n"},
    /* ---- the checker: more of what the tests and docs meet */
    {"an override gives, in this order: 'override region OLD [as NEW] [: LEVEL] [in PARENT] [of MEMBERS] [alias ...]'",
     "改写地区依次写：'override region OLD [as NEW] [: LEVEL] [in PARENT] [of MEMBERS] [alias ...]'"},
    {"map '%s' gives %s for \"%s\", out of range once indicator '%s' converts it from '%s' to '%s'",
     "文本映射“%1$s”把“%3$s”读作 %2$s，指标“%4$s”把它从“%5$s”换算为“%6$s”后超出范围"},
    {"'%s' reads its column as map '%s' in '%s' here", "“%s”在此处按文本映射“%s”以“%s”读取其数据列"},
    {"map '%s' gives %s for \"%s\", but '%s' is a rating, 0..100",
     "文本映射“%1$s”把“%3$s”读作 %2$s，但“%4$s”是0到100的评分"},
    {"'%s' is in '%s', but group '%s' is in '%s', which counts it as its own through the group",
     "“%s”属于“%s”，而区域组“%s”属于“%s”，后者经由区域组把它算作自己的地区"},
    {"an expectation's number is written without a unit (a value in the target's unit; a score, a measure or the total in points): write '%g'",
     "期望中的数字不带单位（目标的值以目标的单位计；目标、措施的得分和总分以分计）：写作 '%g'"},
    {"'%s' is the title of measure (%s); a measure is named by its clause id: 'measure (%s)'",
     "“%s”是措施（%s）的标题；措施按条款编号称呼：'measure (%s)'"},
    {"a clause id is written in parentheses: '%s (%s)'", "条款编号写在括号中：'%s (%s)'"},
    {"alias \"%s\" of '%s' is already a name of region '%s'", "“%2$s”的别名“%1$s”已是地区“%3$s”的名称"},
    {"give the base's target a deadline of this plan ('override target %s : ...') or drop it",
     "请给基础规则的目标本规划的期限（'override target %s : ...'）或删除它"},
    {"give the new target a name no base target was renamed from: then the results, the history and 'planc compare' never take one target for another",
     "请给新目标一个没有基础规则目标从它改名的名称：这样结果、历史库和 'planc compare' 不会把一个目标当作另一个"},
    {"the base's text is here: \"%s\"", "基础规则的原文在此处：“%s”"},
    {"write each expectation on a line of its own: 'expect REGION YEAR TARGET STATUS', then 'expect REGION YEAR TARGET value N' (or 'score N')",
     "每个期望单独写一行：'expect REGION YEAR TARGET STATUS'，再写 'expect REGION YEAR TARGET value N'（或 'score N'）"},
    {"test '%s' has no data: give a 'data' line with the header (\"region,year,...\") and one per row",
     "测试“%s”没有数据：请写一行 'data' 给出表头（'region,year,...'），再每个数据行写一行"},
    {"a target with a scope writes its condition after ':' ('target [NAME] for SCOPE : INDICATOR >= GOAL'); only a target with no name, text or scope may leave out the colon",
     "有适用范围的目标把条件写在 ':' 之后（'target [NAME] for SCOPE : INDICATOR >= GOAL'）；只有没有名称、原文和适用范围的目标可以省去冒号"},
    {"text \"%s\" is given twice in map '%s'", "文本“%s”在文本映射“%s”中给了两次"},
    {"cannot give region '%s' members: the base declares it without 'of', so it is no group",
     "无法给地区“%s”成员：基础规则声明它时没有 'of'，它不是区域组"},
    {"'of' in an override changes a group's members; for a group of your own, declare one ('region NAME : LEVEL of ...')",
     "改写中的 'of' 改动区域组的成员；要有自己的区域组，请另行声明（'region NAME : LEVEL of ...'）"},
    {"write the word a reader is shown for the level (`city \"市州\"`), or no text",
     "请写出给读者看的层级名称（'city \"市州\"'），或不写文字"},
    {"'replaces' goes with a region of this file ('region NEW : LEVEL replaces OLD'); to rename a base region, write 'override region OLD as NEW'",
     "'replaces' 用于本文件的地区（'region NEW : LEVEL replaces OLD'）；要给基础规则的地区改名，写 'override region OLD as NEW'"},
    {"regional group '%s' cannot be its own member", "区域组“%s”不能是它自己的成员"},
    {"'of' needs a single region (a regional group); this declares %u", "'of' 需要单个地区（一个区域组）；这里声明了%u个"},
    {"the base declares it in '%s' here", "基础规则在此处声明它以“%s”计"},
    {"an override may change an indicator's unit within its dimension only; declare a new indicator for another quantity",
     "改写只能在同一量纲内改动指标的单位；另一种量请声明新指标"},
    {"the override changes the unit of indicator '%s' from '%s' to '%s', a different dimension",
     "改写把指标“%s”的单位从“%s”改为“%s”，量纲不同"},
    {"region '%s' is dropped, but the base's region '%s' in it is kept", "地区“%s”已删除，但基础规则中它所辖的地区“%s”仍保留"},
    {"drop '%s' too, move it ('override region %s in ...'), or declare a region that replaces '%s'",
     "请同样删除“%s”、移动它（'override region %s in ...'），或声明替换“%s”的地区"},
    {"agency '%s' was dropped", "单位“%s”已删除"},
    {"'%s' was dropped here", "此处删除了“%s”"},
    {"name an agency of this plan, or declare '%s' in this file", "请写本规划的单位，或在本文件中声明“%s”"},

    /* ---- sema.c: a score reading the regions below where some have none */
    {"this score reads the regions of level '%s' below the row's, but %u of the regions target '%s' "
     "covers %s none below them (%s): its score is missing there, which counts as 0",
     "此得分读取本行以下层级“%1$s”的地区，但目标“%3$s”覆盖的地区中有%2$u个%4$.0s下面没有这一层级的地区"
     "（%5$s）：其得分在那里缺失，按0计"},
    {"the formula of '%s' reads them here", "“%s”的公式在此处读取它们"},
    {"scope the target to the regions with regions of level '%s' below them, or judge the others by "
     "a target whose score does not read below",
     "请把目标的范围限于下面有层级“%s”地区的地区，或用得分不读取下级地区的目标评判其余地区"},
    {"the assessment's score reads the regions of level '%s' below the row's, but %u of the targets "
     "it scores (%s) cover regions with none below them: their score is missing there, which counts "
     "as 0",
     "考核的得分读取本行以下层级“%1$s”的地区，但它评分的目标中有%2$u个（%3$s）覆盖的地区下面没有这一层级的地区："
     "其得分在那里缺失，按0计"},
    {"give those targets a score of their own, or scope them to the regions with regions of level "
     "'%s' below them",
     "请为这些目标给出各自的得分，或把它们的范围限于下面有层级“%s”地区的地区"},

    /* ---- sk21: a data file that changed while it was read (runtime/table.c) */
    {"%s: error: the file changed while it was read: its size (%lld bytes) and modification time are "
     "as when it was opened, but its change time moved: it was rewritten in place with its "
     "modification time set back, or its status changed (permissions, owner, links or name); run "
     "again when nothing changes it\n",
     "%s: 错误：读取期间文件发生了变化：其大小（%lld字节）和修改时间与打开时相同，但状态改变时间变了："
     "它可能被原地改写后又调回了修改时间，也可能只是状态有变（权限、属主、链接或文件名）；"
     "请在没有程序改动它时再运行\n"},
    {"%s: error: the file changed while it was read (%lld bytes when opened, %lld after): the rows "
     "read may mix two versions of the file; write it elsewhere and rename it into place when it is "
     "complete, then run again\n",
     "%s: 错误：读取期间文件发生了变化（打开时%lld字节，读完时%lld字节）：读到的行可能混有文件的两个版本；"
     "请先写到别处，写完后再改名放到原处，然后再运行\n"},
    {"%s: note: the file changed while it was read (%lld bytes when opened, %lld after): the errors "
     "above may come from a file still being written\n",
     "%s: 附注：读取期间文件发生了变化（打开时%lld字节，读完时%lld字节）：上面的错误可能来自仍在写入的文件\n"},
};

enum { NCATALOG = sizeof catalog / sizeof catalog[0] };

/* The catalog's indices in the order of their English (strcmp), made
 * once. */
static unsigned sorted[NCATALOG];
static pthread_once_t sorted_once = PTHREAD_ONCE_INIT;

/* qsort's comparison of two indices by their English. */
static int by_english(const void *a, const void *b)
{
    return strcmp(catalog[*(const unsigned *)a].en, catalog[*(const unsigned *)b].en);
}

/* Fills and sorts the index (pthread_once: the JIT's thread may report
 * while the main thread does). */
static void sort_catalog(void)
{
    for (unsigned i = 0; i < NCATALOG; i++)
        sorted[i] = i;
    qsort(sorted, NCATALOG, sizeof sorted[0], by_english);
}

const char *msgcat_get(lbl_lang lang, const char *en)
{
    if (lang != LBL_ZH || !en)
        return en;
    pthread_once(&sorted_once, sort_catalog);
    size_t lo = 0, hi = NCATALOG;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(en, catalog[sorted[mid]].en);
        if (c == 0)
            return catalog[sorted[mid]].zh;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return en;
}

size_t msgcat_count(void)
{
    return NCATALOG;
}

void msgcat_entry(size_t i, const char **en, const char **zh)
{
    *en = i < NCATALOG ? catalog[i].en : NULL;
    *zh = i < NCATALOG ? catalog[i].zh : NULL;
}
