/* msgcat.c — the message catalog (msgcat.h): English formats and their
 * Chinese texts, grouped by where the message comes from, and a lookup by
 * the English through an index sorted once. */
#include "msgcat.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
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
    {"string without its opening quote", "字符串缺少开头的引号"},
    {"write it between quotes: \"%.*s\"", "请写在引号之间：\"%.*s\""},
    {"unterminated comment", "注释没有结束"},
    {"control character U+%04X in a string; remove it (a tab is written \\t, a line break \\n)",
     "字符串中有控制字符 U+%04X；请删去（制表符写作 \\t，换行写作 \\n）"},
    {"number out of range", "数字超出范围"},
    {"%s: the language has no semicolons; remove it", "%s：规则语言没有分号；请删去"},
    /* ---- the parser's syntax errors (grammar/parser.y): the sentence and its pieces */
    {"%s does not go there either (expected %s): delete it", "%s在此处也不合适（应为%s）：请删去它"},
    {"%s does not go there either: delete it", "%s在此处也不合适：请删去它"},
    {"unexpected %s, expected %s", "不应出现%s，此处应为%s"},
    {"unexpected name '%s': a misspelt keyword", "不应出现名称“%s”：关键字拼写有误"},
    {"missing '{' after the header of measure (%s)", "措施（%s）的编号和标题之后缺少'{'"},
    {"missing '{' after the header of section %s", "章节 %s 的编号和标题之后缺少'{'"},
    {"missing '}' before this line: %.*s is not closed", "此行之前缺少'}'：%.*s 没有闭合"},
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
    {" and ", "及"},
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
    {"a target's scope comes before its condition: 'target [NAME] for SCOPE : CONDITION' ('target for city : "
     "INDICATOR >= GOAL by YEAR' for a target named after its indicator)",
     "目标的适用范围写在条件之前：'target [NAME] for SCOPE : CONDITION'（以指标命名的目标写作 "
     "'target for city : INDICATOR >= GOAL by YEAR'）"},
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
    {"move", "移动"},
    {"moved", "移动"},
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
    {"'%s.%s' is ambiguous in %s itself: import the file that declares the one you mean "
     "('import \"file.plan\" as M') and write 'M.%s'",
     "'%s.%s' 在 %s 中本身就有歧义：请直接导入声明所需名称的文件（'import \"file.plan\" as M'），再写 'M.%s'"},
    {"if '%s' is an agency of this plan, declare it: 'agency %s \"full name\"'%.0s",
     "若“%s”是本规划的单位，请声明：'agency %s \"全称\"'%.0s"},
    {"if '%s' is a unit of this plan, declare it: 'unit %s' (a unit of its own) or 'unit %s = FACTOR UNIT'",
     "若“%s”是本规划的计量单位，请声明：'unit %s'（独立的计量单位）或 'unit %s = FACTOR UNIT'"},
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
    {"'%s' holds both files: --root %s", "“%s”包含这两个文件：--root %s"},
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
    {"'override indicator NAME \"...\"', ", "'override indicator NAME \"...\"'、"},
    {"if the indicator was the dropped region's alone, drop it instead: 'drop indicator NAME'",
     "若该指标只属于被删除的地区，可改为删去它：'drop indicator NAME'"},
    {"if an indicator among them was the dropped region's alone, drop it instead: 'drop indicator NAME'",
     "若其中某个指标只属于被删除的地区，可改为删去它：'drop indicator NAME'"},
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
    {"%s: the units have different dimensions", "%s：两个计量单位的量纲不同"},
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
    {"grades go best first: '%s' (>= %s) must be below '%s' (>= %s)", "等级从最好的写起：“%s”（>= %s）的分数线须低于它前面的“%s”（>= %s）"},
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
     "一个地区同一年的多行怎样合并：mean、sum、min、max、count 或 'share OP NUMBER'（如 'share <= 75'）"},
    {"an empty column name: name the data column the indicator reads", "列名为空：请写出该指标读取的数据列"},
    {"'%s' is an indicator, not a target: an expectation names a target", "“%s”是指标，不是目标：期望写的是目标"},
    {"the targets that measure it: %s", "度量它的目标：%s"},
    {"a year is written without '%s': 'expect REGION %d ...'", "年份不带 '%s'：'expect REGION %d ...'"},
    /* ---- planc explain: the region, year and target asked for (compiler/cmd_explain.c) */
    {"planc: error: --region is empty; give a region's name as the rules declare it (e.g. '%s')\n",
     "planc: 错误：--region 为空；请按规则声明的写法给出地区名（如“%s”）\n"},
    {"planc: error: region '%s' was dropped by the rules\n", "planc: 错误：地区“%s”已被规则删除\n"},
    {"planc: error: unknown region '%s'\n", "planc: 错误：未知的地区“%s”\n"},
    {"note: '%s' is an alias of region '%s'; the rules call it '%s' (an adaptation renamed or replaced it)\n",
     "附注：“%s”是地区“%s”的别名；规则称其为“%s”（改编的规则将其改名或替换）\n"},
    {"note: the rules call it '%s' (an adaptation renamed or replaced it)\n", "附注：规则称其为“%s”（改编的规则将其改名或替换）\n"},
    {"note: did you mean '%s'?\n", "附注：是否应为“%s”？\n"},
    {"note: did you mean '%s' or '%s'?\n", "附注：是否应为“%s”或“%s”？\n"},
    {"%s:%u: note: the header has a similar column '%s' (field %ld): if it is this column, head it '%s', as the "
     "blank file from planc template has it\n",
     "%s:%u: 附注：表头中有相近的列“%s”（第%ld个字段）：若就是这一列，请把列名写作“%s”，与下发的空白表中的写法相同\n"},
    {"%s:%u: note: the header has a similar column '%s' (field %ld): if it is this column, rename it to '%s', or "
     "write 'column \"%s\"' on indicator %s\n",
     "%s:%u: 附注：表头中有相近的列“%s”（第%ld个字段）：若就是这一列，请把它改名为“%s”，或在指标上写 'column \"%s\"'（指标 %s）\n"},
    {"%s:%u: note: the header has a similar column '%s' (field %ld): if it is this column, rename it to '%s', or "
     "name it in the plan block: keys %s = \"%s\"\n",
     "%s:%u: 附注：表头中有相近的列“%s”（第%ld个字段）：若就是这一列，请把它改名为“%s”，或在规划块中写明：'keys %s = \"%s\"'\n"},
    {"note: did you mean '%s', '%s' or '%s'?\n", "附注：是否应为“%s”、“%s”或“%s”？\n"},
    {"planc: error: %s has no row for %s\n", "planc: 错误：%s 中没有%s的数据行\n"},
    {"planc: error: %s has no row for %s in %d", "planc: 错误：%s 中没有%s %d年的数据行"},
    {" (its years: ", "（其年份："},
    {"%s%d..%d", "%s%d–%d年"},
    {"%s%d", "%s%d年"},
    {")", "）"},
    {" (it has no rows)", "（它没有数据行）"},
    {"note: a row of %s names it in the column '%s' as %s; no row of the %zu file%s read does:",
     "附注：%s 的数据行在“%s”列中写作 %s；读入的 %zu 个文件%.0s中没有这样的行："},
    {" (their rows: %zu region%s of the rules, years %d..%d)\n", "（其数据行：规则中的 %zu 个地区%.0s，%d–%d年）\n"},
    {" (they have no rows of the rules' regions)\n", "（其中没有规则所列地区的数据行）\n"},
    {"note: --skip-unknown-regions skipped the rows of regions the rules do not declare: if the data calls %s "
     "otherwise (a full name, another script), those rows were among them; give the region that name as an alias "
     "(alias \"NAME\" at the end of its declaration), or run without the option to have each such name reported\n",
     "附注：--skip-unknown-regions 跳过了规则未声明的地区的数据行：数据若以其他名称（全称、另一种写法）称呼 %s，"
     "这些行就在其中；请在该地区声明的末尾以 'alias \"名称\"' 给出该名称，或不加该选项运行，逐一列出这些名称\n"},
    {"planc: error: unknown target '%s'\n", "planc: 错误：未知的目标“%s”\n"},
    {"note: the rules call it '%s' (an adaptation renamed it)\n", "附注：规则称其为“%s”（改编的规则将其改名）\n"},
    {"note: the targets that measure '%s': %s\n", "附注：度量“%s”的目标：%s\n"},
    /* ---- the driver (compiler/cli.c, compiler/aot.c): usage errors, exit 2 */
    {"Run 'planc help%s%s' for usage.\n", "运行 'planc help%s%s' 查看用法。\n"},
    {"\nRun 'planc build --help' for usage.\n", "\n运行 'planc build --help' 查看用法。\n"},
    {"planc: error: out of memory\n", "planc: 错误：内存不足\n"},
    {"option '%s' needs a value", "选项 '%s' 需要一个值"},
    {"option '%s' is given an empty value", "选项 '%s' 的值为空"},
    {"unknown option '%s'", "未知的选项 '%s'"},
    {"'%s': a short option takes its value without '=': write '%s %s' or '%s=%s'",
     "'%s'：短选项的值不用 '=' 连接：请写作 '%s %s' 或 '%s=%s'"},
    {"unknown language '%s' (available: en, zh)", "未知的语言 '%s'（可用：'en'、'zh'）"},
    {"unknown format '%s' (available: text, json)", "未知的格式 '%s'（可用：'text'、'json'）"},
    {"unknown format '%s' (available: csv, json, xlsx, html)", "未知的格式 '%s'（可用：'csv'、'json'、'xlsx'、'html'）"},
    {"unknown roll-up '%s' (available: region, agency, target)",
     "未知的汇总方式 '%s'（可用：'region'、'agency'、'target'）"},
    {"unknown --store-rows '%s' (available: all, totals)", "未知的 --store-rows 值 '%s'（可用：'all'、'totals'）"},
    {"unknown command '%s'", "未知的命令 '%s'"},
    {"no help for unknown command '%s'", "未知的命令 '%s'，没有它的帮助"},
    {"%sno rules file given", "%s没有给出规则文件"},
    {"%sno data given (--data CSV)", "%s没有给出数据（'--data CSV'）"},
    {"%sno region given (--region R)", "%s没有给出地区（'--region R'）"},
    {"%sno database given", "%s没有给出数据库"},
    {"%sa database and two runs are needed", "%s需要一个数据库和两次评估"},
    {"%sgive two rules files: the old and the new", "%s请给出两个规则文件：旧的和新的"},
    {"%soption '--root' needs a value", "%s选项 '--root' 需要一个值"},
    {"%sno output given (-o libNAME.so)", "%s没有给出输出（'-o libNAME.so'）"},
    {"option '%s' given twice", "选项 '%s' 给了两次"},
    {"option '%s' given twice (one history database per run)", "选项 '%s' 给了两次（每次运行一个历史库）"},
    {"%sstandard output (-o -) is given twice", "%s标准输出（--output -）给了两次"},
    {"the output '%s' is given twice (-o)", "输出文件 '%s' 给了两次（--output）"},
    {"the output '%s' is one given before under another name: each file is written once (-o)",
     "输出文件 '%s' 就是前面以另一个名称给出的文件：每个文件只写一次（--output）"},
    {"%s--data-year given twice", "%s--data-year 给了两次"},
    {"bad year '%s' (a whole number from 1 to 9999)", "无效的年份 '%s'（须是1到9999的整数）"},
    {"bad data year '%s' (a whole number from 1 to 9999)", "无效的数据年份 '%s'（须是1到9999的整数）"},
    {"%s--encoding given twice (one encoding for the CSV files that are not UTF-8)",
     "%s--encoding 给了两次（非 UTF-8 的 CSV 文件共用一种编码）"},
    {"unknown encoding '%s' (a name iconv knows, such as GB18030, GBK or UTF-16; iconv -l lists them)",
     "未知的编码 '%s'（须是 iconv 认识的名称，如 GB18030、GBK 或 UTF-16；'iconv -l' 可列出）"},
    {"bad number of threads '%s' (a whole number from 1 to 1024)", "无效的线程数 '%s'（须是1到1024的整数）"},
    {"bad --na value '%s' (cells are compared after trimming: give the text without spaces around it; empty cells are missing already)",
     "无效的 --na 值 '%s'（单元格去掉两端空格后比较：请给出不带两端空格的文本；空单元格本就视为缺失）"},
    {"%stoo many --na values (at most 32)", "%s--na 值过多（最多32个）"},
    {"%s--read-with RULES follows the data file it reads, once: --data FILE --read-with RULES",
     "%s'--read-with RULES' 写在它读取的数据文件之后，且只写一次：'--data FILE --read-with RULES'"},
    {"unexpected argument '%s' (one rules file per run)", "多余的参数 '%s'（每次运行一个规则文件）"},
    {"'%s' is named as a data file, not a rules file: the rules come first and the data after --data (planc run RULES --data '%s'); planc template RULES --check '%s' checks a data file",
     "'%s' 的文件名表明它是数据文件，不是规则文件：先给规则文件，数据文件放在 --data 之后（'planc run 规则文件 --data %s'）；检查数据文件用 'planc template 规则文件 --check %s'"},
    {"unexpected argument '%1$s': a data file to check is given with --check, once for each file ('--check %1$s')",
     "多余的参数 '%1$s'：要检查的数据文件用 --check 给出，每个文件一次（'--check %1$s'）"},
    {"unexpected argument '%1$s': a data file is given with --data ('--data %1$s')",
     "多余的参数 '%1$s'：数据文件用 --data 给出（'--data %1$s'）"},
    {"unexpected argument '%s' (one rules file)", "多余的参数 '%s'（一个规则文件）"},
    {"unexpected argument '%s' (one database)", "多余的参数 '%s'（一个数据库）"},
    {"unexpected argument '%s' (one command)", "多余的参数 '%s'（一个命令）"},
    {"unexpected argument '%s' (--version takes none)", "多余的参数 '%s'（'--version' 不接受参数）"},
    {"unexpected argument '%s' (a database and two runs)", "多余的参数 '%s'（一个数据库和两次评估）"},
    {"unexpected argument '%s' (two rules files)", "多余的参数 '%s'（两个规则文件）"},
    {"unexpected argument '%s' (one rules file per library)", "多余的参数 '%s'（每个库一个规则文件）"},
    {"--data - given twice: standard input is read once%s", "--data - 给了两次：标准输入只读取一次%s"},
    {"the data file '%s' is given twice (--data)", "数据文件 '%s' 给了两次（--data）"},
    {"the output '%s' is given twice (--output)", "输出文件 '%s' 给了两次（--output）"},
    {"the output '%s' is one given before under another name: each file is checked once (--output)",
     "输出文件 '%s' 就是前面以另一个名称给出的文件：每个文件只核对一次（--output）"},
    {"%s--store-rows is for the results history: give --store DB too",
     "%s--store-rows 用于结果历史库：请同时给出 '--store DB'"},
    {"%s--store - : the results history is a database file, not standard output; name a file (./- for one named -)",
     "%s--store - ：结果历史库是数据库文件，不是标准输出；请写文件名（名为 - 的文件写作 ./-）"},
    {"unknown engine '%s' in PLANC_ENGINE (available: auto, jit, interp)",
     "'PLANC_ENGINE' 中未知的引擎 '%s'（可用：'auto'、'jit'、'interp'）"},
    {"unknown engine '%s' (available: auto, jit, interp)", "未知的引擎 '%s'（可用：'auto'、'jit'、'interp'）"},
    {"the output '%s' is the data file (--data): write the results elsewhere",
     "输出 '%s' 就是数据文件（--data）：请把结果写到别处"},
    {"the output '%s' is the rules file: write the results elsewhere", "输出 '%s' 就是规则文件：请把结果写到别处"},
    {"the history database '%s' (--store) is an input file of the run", "历史库 '%s'（--store）是本次运行的输入文件"},
    {"the output '%s' is the history database (--store): write the results elsewhere",
     "输出 '%s' 就是历史库（--store）：请把结果写到别处"},
    {"--format %s is a file, not text for standard output (-o -): name one (-o FILE)",
     "--format %s 是文件，不是写到标准输出的文本（'-o -'）：请给出文件名（'-o FILE'）"},
    {"--format %s needs an output file (-o FILE)", "--format %s 需要输出文件（'-o FILE'）"},
    {"--rollup is for csv and json (--format %s holds every roll-up)",
     "--rollup 用于 'csv' 和 'json'（--format %s 含有全部汇总）"},
    {"--year picks the year of a roll-up (--rollup KIND, or --format json, xlsx or html); the %s results hold every year",
     "--year 选择汇总的年份（'--rollup KIND'，或 '--format json'、'xlsx'、'html'）；%s 结果含有全部年份"},
    {"the output '%s' is named for the old Excel format (.xls), which planc does not write: name it .xlsx for a workbook",
     "输出 '%s' 的扩展名是旧的 Excel 格式（'.xls'），planc 不写这种格式：工作簿请命名为 '.xlsx'"},
    {"the output '%s' is named for %s but --format %s was given: leave out --format (the name decides) or rename the output",
     "输出 '%s' 的扩展名表示 %s，但给出的是 --format %s：请去掉 --format（由文件名决定）或给输出改名"},
    {"--lang is for the text messages: %s keeps its English texts for programs",
     "--lang 用于文本消息：%s 为程序保留英文文本"},
    {"--lang is for the text explanation: %s keeps its English texts for programs",
     "--lang 用于文本解释：%s 为程序保留英文文本"},
    {"--lang is for the review report: %s keeps English keys for programs", "--lang 用于审阅报告：%s 为程序保留英文键名"},
    {"the output '%s' is the rules file: write the library elsewhere", "输出 '%s' 就是规则文件：请把库写到别处"},
    /* ---- the driver: writing its outputs (compiler/cmd_run.c, compiler/aot.c, runtime/ofile.c) */
    {"planc: error: cannot write '%s': %s\n", "planc: 错误：无法写入 '%s'：%s\n"},
    {"planc: error: cannot write '%s': %s (%s)\n", "planc: 错误：无法写入 '%s'：%s（%s）\n"},
    {"planc: error: cannot write %s%s%s: %s\n", "planc: 错误：无法写入 %s%s%s：%s\n"},
    {"planc: error: cannot write the listing: %s\n", "planc: 错误：无法写出清单：%s\n"},
    {"planc: error: cannot write the explanation: %s\n", "planc: 错误：无法写出解释：%s\n"},
    {"planc: error: cannot write the results: %s\n", "planc: 错误：无法写出结果：%s\n"},
    {"planc: error: cannot write the history: %s\n", "planc: 错误：无法写出历史：%s\n"},
    {"planc: error: cannot write the comparison: %s\n", "planc: 错误：无法写出比较：%s\n"},
    {"planc: error: cannot write the module: %s\n", "planc: 错误：无法写出模块：%s\n"},
    /* ---- template --check: the data warnings in the city's terms (compiler/datawarn.c) */
    {"%s:%u: warning: column '%s' (indicator %s) is in %%, but holds only numbers from 0 to 1 (the largest %s, on "
     "this row), and %s '%s' asks for %s %s%%: write the cells as percentages (95.7, not 0.957)\n",
     "%s:%u: 警告：列“%s”（指标 %s）的单位为 %%，却只有0到1之间的数（最大为 %s，在本行），而%s“%s”要求%s %s%%："
     "请把单元格写为百分数（写 95.7，不写 0.957）\n"},
    {"%s:%u: warning: column '%s' (indicator %s) is in %s, but its values look written in %s (a factor of %s): the "
     "largest, %s on this row, is %s %s against the goal of %s '%s', %s %s: convert the cells into %s\n",
     "%s:%u: 警告：列“%s”（指标 %s）的单位为 %s，但其数值似按 %s 填写（相差 %s 倍）：最大的 %s（在本行）即 %s %s，"
     "而%s“%s”的目标值为 %s %s：请把单元格换算为 %s\n"},
    {"note: nothing is compared: neither rules file compiles ('%s', '%s')\n",
     "附注：不作比较：两个规则文件都未通过编译（'%s'、'%s'）\n"},
    {"note: nothing is compared: the old rules '%s' do not compile\n",
     "附注：不作比较：旧规则 '%s' 未通过编译\n"},
    {"note: nothing is compared: the new rules '%s' do not compile\n",
     "附注：不作比较：新规则 '%s' 未通过编译\n"},
    {"planc: error: cannot write the differences: %s\n", "planc: 错误：无法写出差异：%s\n"},
    {"planc: error: cannot write the verification: %s\n", "planc: 错误：无法写出核对结果：%s\n"},
    {"planc: error: cannot write to standard output: %s\n", "planc: 错误：无法写入标准输出：%s\n"},
    {"planc: error: cannot write '%s': cannot create files in '%s'\n",
     "planc: 错误：无法写入 '%s'：无法在 '%s' 中创建文件\n"},
    {"planc: error: cannot write '%s': directory '%s' does not exist\n",
     "planc: 错误：无法写入 '%s'：目录 '%s' 不存在\n"},
    {"planc: error: cannot write '%s': '%s' is not a directory\n", "planc: 错误：无法写入 '%s'：'%s' 不是目录\n"},
    {"planc: error: cannot write '%s': no permission to create files in '%s'\n",
     "planc: 错误：无法写入 '%s'：没有在 '%s' 中创建文件的权限\n"},
    {"planc: error: cannot write '%s': you may not write it (mode %04o), and planc does not replace a file kept read-only: make it writable (chmod u+w) or write elsewhere\n",
     "planc: 错误：无法写入 '%s'：你没有写它的权限（模式 %04o），planc 不替换保持只读的文件：请使其可写（'chmod u+w'）或写到别处\n"},
    {"planc: error: cannot write '%s': not a file name\n", "planc: 错误：无法写入 '%s'：不是文件名\n"},
    {"planc: error: the output '%s' is a rules file ('%s', read by the rules): write the results elsewhere\n",
     "planc: 错误：输出 '%s' 是规则文件（'%s'，由规则读取）：请把结果写到别处\n"},
    {"planc: error: %s has no row in %d (--year)\n", "planc: 错误：%s 中没有%d年的数据行（--year）\n"},
    {"planc: error: %s has no row in %d (--year): its rows are of %d to %d\n",
     "planc: 错误：%s 中没有%d年的数据行（--year）：其数据行的年份为%d–%d年\n"},
    {"planc: error: %s has no rows to roll up\n", "planc: 错误：%s 中没有可汇总的数据行\n"},
    {"planc: error: cannot create a scratch file for the workbook in '%s'%s: %s\n",
     "planc: 错误：无法在 '%s'%s 中为工作簿创建临时文件：%s\n"},
    {"planc: error: cannot write the workbook's scratch file '%s': %s\n",
     "planc: 错误：无法写入工作簿的临时文件 '%s'：%s\n"},
    {"planc: error: the C compiler command is empty (--cc or $CC)\n",
     "planc: 错误：C 编译器命令为空（'--cc' 或 '$CC'）\n"},
    {"planc: error: cannot run the C compiler '%s': %s (planc build links the library with it: install one, e.g. build-essential, or name it with --cc or $CC)\n",
     "planc: 错误：无法运行 C 编译器 '%s'：%s（'planc build' 用它链接库：请安装一个，如 'build-essential'，或用 '--cc' 或 '$CC' 指定）\n"},
    {"planc: error: cannot write '%s': %s (the C compiler '%s' could not write its temporary file '%s': it writes them in $TMPDIR, else /tmp; make room there, or give TMPDIR another directory)\n",
     "planc: 错误：无法写入 '%s'：%s（C 编译器 '%s' 无法写它的临时文件 '%s'：它写在 '$TMPDIR' 中，未设定时写在 '/tmp' 中；请在那里腾出空间，或给 'TMPDIR' 另一个目录）\n"},
    {"planc: error: cannot write '%s': %s (the C compiler '%s' could not write the library)\n",
     "planc: 错误：无法写入 '%s'：%s（C 编译器 '%s' 无法写出库）\n"},
    {"planc: error: no output given (-o libNAME.so)\n", "planc: 错误：没有给出输出（'-o libNAME.so'）\n"},
    {"planc: error: unknown CPU '%s' (available: host, generic, x86-64, x86-64-v2, x86-64-v3, x86-64-v4)\n",
     "planc: 错误：未知的 CPU '%s'（可用：'host'、'generic'、'x86-64'、'x86-64-v2'、'x86-64-v3'、'x86-64-v4'）\n"},
    {"planc: error: cannot name a library '%s'; write -o libNAME.so\n",
     "planc: 错误：库不能命名为 '%s'；请写 '-o libNAME.so'\n"},
    {"planc: error: the header and the library are the same file '%s'\n", "planc: 错误：头文件和库是同一个文件 '%s'\n"},
    /* ---- the results history (runtime/store.c) and history/compare */
    {"planc: waiting for the results database '%s': another run holds its lock (for up to %d s)\n",
     "planc: 正在等待结果历史库 '%s'：另一次评估正在记录，持有它的锁（最多等%d秒）\n"},
    {"planc: error: %s: %s: %s (another run held its lock for over %d s: retry later; PLANC_STORE_TIMEOUT sets how many seconds planc waits)\n",
     "planc: 错误：%s：%s（SQLite 报告：“%s”）：另一次评估持有它的锁超过%d秒，请稍后重试；'PLANC_STORE_TIMEOUT' 设定 planc 等待的秒数\n"},
    {"planc: error: %s: %s: %s%s\n", "planc: 错误：%s：%s（SQLite 报告：“%s”）%s\n"},
    /* what SQLite's error means, after its English text (store.c's db_advice: Chinese only) */
    {" (the disk is full: make room there and run again)", "：磁盘已满，请腾出空间后再运行"},
    {" (the disk could not be read or written: check the disk and run again)", "：无法读写磁盘，请检查磁盘后再运行"},
    {" (the database may not be written: check the permissions of the file and its directory)",
     "：没有写数据库的权限，请检查该文件及其所在目录的权限"},
    {" (the database cannot be opened: check its path and the permissions of its directory)",
     "：无法打开数据库，请检查其路径及所在目录的权限"},
    {" (the file is not an SQLite database: check the name of the database given)", "：该文件不是 SQLite 数据库，请检查所给的数据库文件名"},
    {" (out of memory: close other programs and run again)", "：内存不足，请关闭其他程序后再运行"},
    {" (another run holds its lock: run again later)", "：另一次评估正在记录，持有它的锁，请稍后再运行"},
    {" (run again; if the error stays, restore the database from a backup)", "：请再运行一次；若仍出错，请从备份恢复数据库"},
    {" (the database is damaged: restore it from a backup)", "：数据库已损坏，请从备份恢复"},
    {"cannot read it", "无法读取"},
    {"cannot read its schema", "无法读取其数据库结构"},
    {"cannot read the runs", "无法读取评估记录"},
    {"cannot compare the runs", "无法比较评估"},
    {"cannot open it", "无法打开"},
    {"cannot record the run", "无法记录本次评估"},
    {"cannot remove the run", "无法删除评估记录"},
    {"cannot switch to WAL mode", "无法切换到 WAL 模式"},
    {"cannot create the schema", "无法创建数据库结构"},
    {"cannot upgrade the schema", "无法升级数据库结构"},
    {"cannot lock it", "无法锁定"},
    {"cannot lock it for writing", "无法锁定以写入"},
    {"cannot roll back", "无法回滚"},
    {"cannot set it up", "无法设置"},
    {"record a run", "记录评估"},
    {"read it", "读取"},
    {"planc: error: %s: cannot make planc's schema to compare it with\n",
     "planc: 错误：%s：无法生成用于比较的 planc 数据库结构\n"},
    {"planc: error: %s: not a planc results database (it has planc's application id, but its schema differs from the one planc makes)\n",
     "planc: 错误：%s：不是 planc 结果历史库（它有 planc 的应用编号，但其数据库结构与 planc 生成的不同）\n"},
    {"planc: error: %s: the database is damaged (SQLite's quick_check: %.*s%s); planc records no run into it and leaves it as it is: restore it from a backup, or give --store a new database\n",
     "planc: 错误：%s：数据库已损坏（SQLite 的 'quick_check' 报告：“%.*s%s”）；planc 不向其中记录评估，也不改动它：请从备份恢复，或给 --store 一个新数据库\n"},
    {"planc: error: %s: an empty database, not a planc results database\n",
     "planc: 错误：%s：空数据库，不是 planc 结果历史库\n"},
    {"planc: error: %s: not a planc results database (it is another SQLite database: application_id %lld)\n",
     "planc: 错误：%s：不是 planc 结果历史库（它是另一种 SQLite 数据库：'application_id' %lld）\n"},
    {"planc: error: %s: written by a newer planc (schema version %lld; this planc reads version %d)\n",
     "planc: 错误：%s：由更新版本的 planc 写入（数据库结构第%lld版；本 planc 读取第%d版）\n"},
    {"planc: error: %s: a planc results database with an unknown schema version %lld\n",
     "planc: 错误：%s：数据库结构版本（第%lld版）未知的 planc 结果历史库\n"},
    {"planc: error: %s: cannot record a run: the database holds %llu bytes, beyond the file size limit (ulimit -f) of %llu bytes\n",
     "planc: 错误：%s：无法记录评估：数据库有 %llu 字节，超出文件大小限制（'ulimit -f'）%llu 字节\n"},
    {"planc: error: %s: cannot %s: the file size limit (ulimit -f) of %llu bytes is below the %d bytes of the index SQLite writes beside the database (%s-shm)\n",
     "planc: 错误：%s：无法%s：文件大小限制（'ulimit -f'）%llu 字节小于 SQLite 在数据库旁写的索引的 %d 字节（'%s-shm'）\n"},
    {"planc: error: %s: cannot create it: directory '%s' does not exist\n",
     "planc: 错误：%s：无法创建：目录 '%s' 不存在\n"},
    {"planc: error: %s: cannot create it: '%s' is not a directory\n", "planc: 错误：%s：无法创建：'%s' 不是目录\n"},
    {"planc: error: %s: cannot create it: no permission to create files in '%s'\n",
     "planc: 错误：%s：无法创建：没有在 '%s' 中创建文件的权限\n"},
    {"planc: error: %s: cannot create it: %s\n", "planc: 错误：%s：无法创建：%s\n"},
    {"planc: error: %s: cannot record a run: you may not write it (mode %04o), and planc does not change a database kept read-only: make it writable (chmod u+w), or record into a writable copy\n",
     "planc: 错误：%s：无法记录评估：你没有写它的权限（模式 %04o），planc 不改动保持只读的数据库：请使其可写（'chmod u+w'），或记录到可写的副本中\n"},
    {"planc: error: PLANC_STORE_TIMEOUT='%s': not a number of seconds (a whole number from 0 to %d)\n",
     "planc: 错误：'PLANC_STORE_TIMEOUT'='%s'：不是秒数（须是0到%d的整数）\n"},
    {"planc: error: cannot open '%s': %s\n", "planc: 错误：无法打开 '%s'：%s\n"},
    {"planc: error: cannot open '%s'\n", "planc: 错误：无法打开 '%s'\n"},
    {"planc: error: %s: cannot record the run: the database would grow to %lld bytes, beyond the file size limit (ulimit -f) of %llu bytes\n",
     "planc: 错误：%s：无法记录本次评估：数据库将增长到 %lld 字节，超出文件大小限制（'ulimit -f'）%llu 字节\n"},
    {"planc: error: %s: cannot record the run: the new database could not be closed whole\n",
     "planc: 错误：%s：无法记录本次评估：新数据库未能完整关闭\n"},
    {"planc: warning: %s: the run is recorded, but the database cannot be opened again: %s\n",
     "planc: 警告：%s：本次评估已记录，但无法再次打开数据库（SQLite 报告：“%s”）\n"},
    {"planc: warning: %s: the run is recorded, but only in %s-wal so far: %s (keep %s-wal with %s: the next 'planc run --store' with room moves the run into it)\n",
     "planc: 警告：%s：本次评估已记录，但目前只在 '%s-wal' 中（SQLite 报告：“%s”）：请把 '%s-wal' 与 %s 放在一起，下一次有空间的 'planc run --store' 会把这次评估移入数据库\n"},
    {"planc: error: %s: run %lld stays recorded although its output was not written\n",
     "planc: 错误：%s：评估 %lld 仍有记录，尽管其输出没有写出\n"},
    {"planc: error: bad run '%s' (a run id, 'last' or 'last~N': N and the id written in digits, without a sign or spaces)\n",
     "planc: 错误：无效的评估 '%s'（评估编号、'last' 或 'last~N'：'N' 和编号用数字书写，不带符号或空格）\n"},
    {"planc: error: %s has no run '%s' (it has %lld run%s; see 'planc history %s')\n",
     "planc: 错误：%s 中没有评估 '%s'（它有%lld次评估%.0s；见 'planc history %s'）\n"},
    /* ---- the data files' reading (runtime/table.c) */
    {"results", "结果"},
    {"planc: error: cannot read '%s': %s\n", "planc: 错误：无法读取 '%s'：%s\n"},
    {"planc: error: the rules '%s' is read with ('%s', --read-with) declare region '%s', which the rules scored (plan %s) do not: a file's rules may change how it is read (its keys, columns, units, maps and aliases) only\n",
     "planc: 错误：读取 '%s' 所用的规则（'%s'，--read-with）声明了地区“%s”，而评分所用的规则（规划 %s）中没有：文件的读取规则只能改变它的读法（键列、数据列、计量单位、文本映射和别名）\n"},
    /* ---- the checker and the parser: the next most frequent (zh21) */
    {"no region has", "没有地区有"},
    {"no region this target covers has", "本目标覆盖的地区都没有"},
    {"%s regions of level '%s' below it", "%s下级层级“%s”的地区"},
    {"the formula of '%s' reads the regions of level '%s' below the row's, but %s regions of that level below it",
     "“%s”的公式读取本行以下层级“%s”的地区，但%s这一层级的下级地区"},
    {"below the regions it covers are regions of level%s %s", "它覆盖的地区下面有层级%.0s%s的地区"},
    {"%s'%s'", "%s“%s”"},
    {", ...", "、……"},
    {"this file imports: %s", "本文件导入了：%s"},
    {"baseline", "基期"},
    {"horizon", "规划期末"},
    {"the %s %d is set here", "%s（%d年）在此处设定"},
    {"'%s' given twice in one %s", "'%s' 在一个%s中给了两次"},
    {"%s%s'%s' is given twice in the values of '%s'", "%s%.0s“%s”在“%s”的取值表中给了两次"},
    {"%s%s'%s' is given twice for %d in the values of '%s'", "%1$s%2$.0s“%3$s”在“%5$s”的取值表中%4$d年的值给了两次"},
    {"a goal", "目标值"},
    {"a tolerance", "允许偏差"},
    {"a value in 'values'", "'values' 中的值"},
    {"%s must be a constant; '%s' is an indicator", "%s须是常数；“%s”是指标"},
    {"%s must be a constant; '%s' reads the data", "%s须是常数；'%s' 读取数据"},
    {"a %s belongs in a measure", "%s应写在措施之中"},
    {"'%s' is an indicator: with two arguments, '%s(LEVEL, x)' ranges over the regions at LEVEL below the row's; with one, '%s(x)' over the regions of the row's level",
     "“%s”是指标：带两个参数时，'%s(LEVEL, x)' 遍历本行以下、第一个参数所指层级的地区；带一个参数时，'%s(x)' 遍历本行所在层级的地区"},
    {"in 'average'", "在'average'中"},
    {"write it inside a measure of a section: section ID \"TITLE\" { measure (ID) \"TITLE\" { %s ... } }",
     "请写在章节的措施之中：'section ID \"TITLE\" { measure (ID) \"TITLE\" { %s ... } }'"},
    {"write '%s%s': a tolerance is an amount in the goal's unit (not a fraction, as 'peaks ... tolerance' reads one)",
     "请写 '%s%s'：允许偏差是以目标值的单位计的数量（不是比例，'peaks ... tolerance' 才读作比例）"},
    {"the argument of '%s' must read the data (an indicator, or in a score 'value', 'base', 'goal', 'expected' or 'progress()'); a constant is its own %s",
     "'%s' 的参数须读取数据（指标，或得分公式中的 'value'、'base'、'goal'、'expected' 或 'progress()'）；常数的%s就是它自己"},
    {"the base's %s is here", "基础规则的%s在此处"},
    {"the base's target '%s' is here%s", "基础规则的目标“%s”在此处%s"},
    {"expected a year (1..9999) or a period name", "此处应为年份（1到9999）或时期名称"},
    {"period '%s' (%d..%d) overlaps period '%s' (%d..%d)", "时期“%s”（%d–%d年）与时期“%s”（%d–%d年）重叠"},
    {"cannot rename region '%s' as '%s': that is its name already", "无法把地区“%s”改名为“%s”：这已是它的名称"},
    {"cannot rename region '%s' as '%s': the base has a region '%s'", "无法把地区“%s”改名为“%s”：基础规则已有地区“%s”"},
    {"cannot rename region '%s' as '%s': this file declares a region '%s'", "无法把地区“%s”改名为“%s”：本文件声明了地区“%s”"},
    {"cannot rename region '%s' as '%s': '%s' is the old name of region '%s'",
     "无法把地区“%s”改名为“%s”：“%s”是地区“%s”的旧名称"},
    {"cannot rename region '%s' as '%s': region '%s' is renamed '%s' already",
     "无法把地区“%s”改名为“%s”：地区“%s”已改名为“%s”"},
    {"cannot rename target '%s' as '%s': that is its name already", "无法把目标“%s”改名为“%s”：这已是它的名称"},
    {"cannot rename target '%s' as '%s': target '%s' is renamed '%s' already",
     "无法把目标“%s”改名为“%s”：目标“%s”已改名为“%s”"},
    {"the base's region '%s' is here%s", "基础规则的地区“%s”在此处%s"},
    {"horizon %d must be after the baseline %d", "规划期末（%d年）须在基期（%d年）之后"},
    {"period '%s' ends (%d) before it starts (%d)", "时期“%s”的结束年（%d年）早于开始年（%d年）"},
    {"the years %d..%d run backwards", "年份 %d..%d 顺序颠倒"},
    {"write the earlier year first: %d..%d", "请先写较早的年份：%d..%d"},
    {"a program has exactly one plan; this is a second one", "一个程序只有一个规划块；这是第二个"},
    {"the first plan is declared here", "第一个规划块在此处声明"},
    {"no plan declared; add 'plan NAME { baseline YEAR horizon YEAR }'",
     "没有声明规划块；请加上 'plan NAME { baseline YEAR horizon YEAR }'"},
    {"did you mean '%s' or '%s'?", "是否应为“%s”或“%s”？"},
    {"two targets on '%s' have no name; name them: 'target NAME : ...'",
     "“%s”上的两个目标都没有名称；请给它们命名：'target NAME : ...'"},
    {"the other target on '%s' is here", "“%s”上的另一个目标在此处"},
    {"this target needs a name: what it measures is not a single indicator", "这个目标需要名称：它度量的不是单个指标"},
    {"write 'target NAME : ...'", "请写 'target NAME : ...'"},
    {"a red line holds every year; remove the deadline", "红线每年都须守住；请删去期限"},
    {"a red line must be a threshold ('X >= GOAL'), not '%s'", "红线须是阈值（'X >= GOAL'），而不是 '%s'"},
    {"'complete' means '>= 100%%', but '%s' is in '%s'", "'complete' 表示 '>= 100%%'，但“%s”以“%s”计"},
    {"a target must measure an indicator, not a constant", "目标须度量指标，而不是常数"},
    {"'%s' needs a number; '%s' is a yes/no value", "'%s' 需要数字；“%s”是是/否值"},
    {"the years of the values of '%s' span %d to %d; a table's years may span at most %d",
     "“%s”取值表的年份从%d年到%d年；一张表的年份跨度最多为%d年"},
    {"the base's target measures this", "基础规则的目标度量的是这个"},
    {"an override keeps the dimension of what a target measures; to measure something else, drop the target and add a new one",
     "改写保持目标所度量之量的量纲；若要度量别的量，请删除该目标并新增一个"},
    {"the override of target '%s' measures a value in '%s', but the base's target measures one in '%s'",
     "目标“%s”的改写度量以“%s”计的值，而基础规则的目标度量以“%s”计的值"},
    {"an empty %s key: name the data column that holds the %s", "%s列名为空：请写出存放%s的数据列"},
    {"NUL byte in source", "源文件中有空字节（0x00）"},
    {"import cycle: %s", "循环导入：%s"},
    {"'%s' is the title of section '%s'; a section is named by its id: 'section %s'",
     "“%s”是章节“%s”的标题；章节按编号称呼：'section %s'"},
    {"a clause id is written in parentheses: 'measure (%s)'", "条款编号写在括号中：'measure (%s)'"},
    {"%.*s opened here is not closed", "此处开始的 %.*s 没有闭合"},
    {"full-width digit '%.3s' (U+%04X); use '%c'", "全角数字'%.3s'（U+%04X）；请用 '%c'"},
    {"full-width operator '%.*s'; use '%s'", "全角运算符'%.*s'；请用 '%s'"},
    {"enumeration comma '%.*s' (U+3001); use ','", "顿号'%.*s'（U+3001）；请用 ','"},
    {"measure %s has weight %s but no targets, so no score to weigh", "措施 %s 有权重 %s 但没有目标，没有可加权的得分"},
    {"section '%s' has weight %s but no targets, so no score to weigh", "章节“%s”有权重 %s 但没有目标，没有可加权的得分"},
    {"declare the group in a region that holds all its members, or without 'in'",
     "请把区域组声明在包含其全部成员的地区之内，或不写 'in'"},
    {"note: did you mean '%s'? (a map's texts are matched exactly, case included)",
     "附注：是否应为“%s”？（文本映射的文本按原样匹配，区分大小写）"},
    {"a weight", "权重"},
    {"a grade bound", "等级的分数线"},
    {"%s must be a number, not a yes/no value", "%s须是数字，而不是是/否值"},
    {"replaced by", "替换"},
    {"'%s' was %s '%s' here", "此处将“%s”%s为“%s”"},
    {"the target's baseline %s is before the plan's baseline %d", "目标的基期 %s 早于规划的基期（%d年）"},
    {"the target's baseline %s is not before the plan's horizon %d", "目标的基期 %s 不在规划期末（%d年）之前"},
    {"a target's baseline is the year its goal counts from, before its deadlines: a goal over '%s' counts from "
     "the year before it, the plan's baseline %d: leave 'baseline' out",
     "目标的基期是其目标值起算的年份，须在其期限之前：“%s”期间的目标从其前一年起算，即规划的基期%d年：请删去 "
     "'baseline'"},
    {"a target's baseline is the year its goal counts from, before its deadlines: a goal over '%s' counts from "
     "the year before it: 'baseline %s' (%d)",
     "目标的基期是其目标值起算的年份，须在其期限之前：“%s”期间的目标从其前一年起算：'baseline %s'（%d年）"},
    {"a target's baseline is the year its goal counts from, before its deadlines: a goal over '%s' counts from "
     "the year before it: 'baseline %d'",
     "目标的基期是其目标值起算的年份，须在其期限之前：“%s”期间的目标从其前一年起算：'baseline %d'"},
    {"a target's baseline is the year its goal counts from, before its deadlines: write a year from %d to %d, or "
     "leave 'baseline' out to count from the plan's baseline",
     "目标的基期是其目标值起算的年份，须在其期限之前：请写%d年至%d年之间的年份，或删去 'baseline' 以从规划的基期起算"},
    {"a goal relative to an earlier year reads that year's value: 'x <= 82%% * at(x, %d)'",
     "相对于更早年份的目标值读取那一年的值：'x <= 82%% * at(x, %d)'"},
    {"measure (%s) belongs in a section", "措施（%s）应写在章节之中"},
    {"write it inside a section: section ID \"TITLE\" { measure (%s) ... }",
     "请写在章节之中：'section ID \"TITLE\" { measure (%s) ... }'"},
    /* ---- the checker, the parser and the data reader: the next ones (zh21) */
    {"the override of %s '%s' changes its condition but keeps the base's text, which says %s",
     "对%s“%s”的改写改动了它的条件，却保留了基础规则的原文，原文写的是%s"},
    {"column '%s': %s %s is out of range in %s (indicator %s)", "列“%s”：%s %s 换算为以“%s”计时超出范围（指标“%s”）"},
    {"tolerance %s out of range: a peak's tolerance is a share of the previous year's value (1%% is 0.01), and as a percentage this one is beyond the largest number",
     "允许偏差 %s 超出范围：达峰的允许偏差是上一年数值的比例（1%% 即 0.01），这个值作为百分数超出了最大的数"},
    {"a region is changed by one override: give every change in that one", "一个地区只由一次改写改动：请把所有改动写在那一次改写中"},
    {"this override of region '%s' changes nothing", "对地区“%s”的这次改写没有改动任何内容"},
    {"give a new name ('as NEW'), a level (': LEVEL'), a parent ('in PARENT'), a group's members ('of ...') or aliases",
     "请给出新名称（'as NEW'）、层级（': LEVEL'）、上级地区（'in PARENT'）、区域组成员（'of ...'）或别名"},
    {"the plan has no assessment, so no target has a score", "规划没有考核，因此没有目标有得分"},
    {"the plan has no assessment: there is no %s to expect", "规划没有考核：没有可期望的%s"},
    {"test '%s' expects nothing: add 'expect REGION YEAR ...' lines",
     "测试“%s”没有任何期望：请加上 'expect REGION YEAR ...' 行"},
    {"an empty text in map '%s': an empty cell is always missing", "文本映射“%s”中有空文本：空单元格总是视为缺失"},
    {"remove it; a cell of spaces is empty too", "请删去；只有空格的单元格也是空的"},
    {"a test's data line is one CSV line: it cannot hold a line break ('\\n'); write a 'data' line per row",
     "测试的数据行是一行 'CSV'：不能含换行（'\\n'）；请每个数据行写一行 'data'"},
    {"a rated target's score is its rating, from 0 to 100: give the map ratings, or rate an expression that makes them ratings ('rated %s * 25 >= 80')",
     "评分目标的得分就是它的评分（0到100）：请让文本映射给出评分，或对能化为评分的表达式评分（'rated %s * 25 >= 80'）"},
    {"cannot import %s: an import path is relative to the importing file", "无法导入 %s：导入路径相对于导入它的文件"},
    {"milestone deadlines must increase: %d is not after %d", "阶段目标的期限须递增：%d年不在%d年之后"},
    {"the previous milestone is here", "上一个阶段目标在此处"},
    {"cannot override assessment '%s': the base's assessment is '%s'", "无法改写考核“%s”：基础规则的考核是“%s”"},
    {"the base's assessment is here", "基础规则的考核在此处"},
    {"'%s' is a unit: write a number with a compound unit in brackets, e.g. 35 [μg/m³]",
     "“%s”是计量单位：带复合计量单位的数字请把单位写在方括号中，如 '35 [μg/m³]'"},
    {"this goal is %s%%: a number alone is in the target's unit, %%", "这个目标值是 %s%%：只写数字时以目标的单位 %% 计"},
    {"for %s%% write %s%%; write %s%% to keep this goal and silence the warning",
     "若指 %s%%，写作 %s%%；写作 %s%% 则保留此目标值并不再警告"},
    {"this weight counts as %s: weights are relative numbers, and '%s' scales it",
     "这个权重按 %s 计：权重是相对的数，而“%s”对它作了换算"},
    {"write the number alone (19.3%% of the total is weight 19.3 beside the others)",
     "请只写数字（占总数的19.3%% 即与其他权重并列的权重 19.3）"},
    {"measure %s has both 'lead' and 'shared'; a measure has one or the other",
     "措施 %s 同时有 'lead' 和 'shared'；一个措施只能有其中之一"},
    {"the rows of a values table are separated by ',': 'values { 甲 = 20%%, 乙, 丙 = 30%% }'",
     "取值表的各行用 ',' 分隔：'values { 甲 = 20%%, 乙, 丙 = 30%% }'"},
    {"unknown indicator attribute '%s', expected 'higher', 'lower', 'column', 'formula' or 'values'",
     "未知的指标属性 '%s'，此处应为 'higher'、'lower'、'column'、'formula' 或 'values'"},
    {"unknown module '%s': this file imports no file by that name", "未知的模块 '%s'：本文件没有以这个名称导入的文件"},
    {"cannot rename target '%s' as '%s': '%s' is the old name of target '%s'",
     "无法把目标“%s”改名为“%s”：“%s”是目标“%s”的旧名称"},
    {"'share' needs a comparison: the share of rows whose cell meets it", "'share' 需要一个比较：即单元格满足它的数据行所占的比例"},
    {"e.g. column \"PM2.5\" share <= 75 (the percentage of days at most 75)",
     "如 'column \"PM2.5\" share <= 75'（不超过75的天数所占百分比）"},
    {"only 'share' takes a comparison; '%s' combines the cells themselves", "只有 'share' 带比较；'%s' 合并单元格本身的值"},
    {"yes/no indicator '%s' cannot combine its rows with '%s'", "是/否指标“%s”不能用 '%s' 合并其数据行"},
    {"'%s' makes its own number (%s); 'in' has nothing to convert", "'%s' 得出的是它自己的数（%s）；'in' 没有可换算的"},
    {"remove 'in' and its unit", "请删去 'in' 及其单位"},
    {"'%s' gives a percentage, but indicator '%s' is in '%s'", "'%s' 给出百分比，但指标“%s”以“%s”计"},
    {"declare the indicator in %% (or another dimensionless unit)", "请把该指标声明为以 %% 计（或其他无量纲单位）"},
    {"region '%s' is dropped, and no other member of the base's group '%s' is left",
     "地区“%s”已删除，基础规则的区域组“%s”再没有其他成员"},
    {"drop '%s' too, or declare a region that replaces it with members of your own",
     "请同样删除“%s”，或声明一个替换它、有自己成员的地区"},
    {"'%s' replaces the base's '%s' here", "“%s”在此处替换基础规则的“%s”"},
    {"a column's unit comes before its aggregate: 'column \"NAME\" in UNIT %s'",
     "数据列的单位写在汇总方式之前：'column \"NAME\" in UNIT %s'"},
    {"level '%s' comes before '%s' here, but after it in the base: an extending plan may add levels, not reorder the base's",
     "层级“%s”在此处排在“%s”之前，而在基础规则中排在其后：扩展的规划可以增加层级，不能改变基础规则层级的顺序"},
    {"undefined name '%s'", "未定义的名称“%s”"},
    {"a string between curly quotation marks; write it between '\"' and '\"'",
     "字符串写在弯引号中；请写在 '\"' 和 '\"' 之间"},
    {"unterminated string: '“' (U+201C) without a closing '”'; write it between '\"' and '\"'",
     "字符串没有结束：'“'（U+201C）没有对应的 '”'；请写在 '\"' 和 '\"' 之间"},
    {"agency %s is \"%s\": write %s", "单位 %s 的全称是“%s”：请写 %s"},
    {"declare the agency with a name and this full name (agency NAME \"%s\") and write the name here",
     "请用名称和这个全称声明该单位（'agency NAME \"%s\"'），并在此处写名称"},
    {"'progress()' can only be used in a score expression", "'progress()' 只能用在得分公式中"},
    {"a score must be a number, not a yes/no value", "得分须是数字，而不是是/否值"},
    {"a score must be a number without a unit, not in '%s'", "得分须是不带单位的数字，而不是以“%s”计"},
    {"the argument of '%s' must refer to an indicator", "'%s' 的参数须指向指标"},
    {"'%s' takes at least %d arguments", "'%s' 至少接受%d个参数"},
    {"'%s' is an alias of region '%s', a spelling the data may use; the rules name it '%s'",
     "“%s”是地区“%s”的别名，是数据可能用的写法；规则称其为“%s”"},
    {"the base's level '%s' is not in this list: an extending plan may add levels, not remove the base's",
     "基础规则的层级“%s”不在此列表中：扩展的规划可以增加层级，不能去掉基础规则的层级"},
    {"'%s' takes %d argument%s, not %u", "'%s' 接受%d个参数%.0s，而不是%u个"},
    {"the second argument of '%s' must read the data (an indicator, or in a score 'value', 'base', 'goal', 'expected' or 'progress()')",
     "'%s' 的第二个参数须读取数据（指标，或得分公式中的 'value'、'base'、'goal'、'expected' 或 'progress()'）"},
    {"region '%s' takes the old name of region '%s'", "地区“%s”用了地区“%s”的旧名称"},
    {"give the new region a name no base region was renamed from: then the results, the history and 'planc compare' never take one region for another",
     "请给新地区一个没有基础规则地区从它改名的名称：这样结果、历史库和 'planc compare' 不会把一个地区当作另一个"},
    {"an extending plan removes the base's region with 'drop region %s', or declares 'region NEW : LEVEL replaces %s'",
     "扩展的规划用 'drop region %s' 删除基础规则的地区，或声明 'region NEW : LEVEL replaces %s'"},
    {"an extending plan changes the base's indicator with 'override indicator %s ...'%.0s",
     "扩展的规划用 'override indicator %s ...' 改动基础规则的指标%.0s"},
    {"an extending plan changes the base's measure with 'override measure (%s) { ... }' or removes it with 'drop measure (%s)'",
     "扩展的规划用 'override measure (%s) { ... }' 改动基础规则的措施，或用 'drop measure (%s)' 删除它"},
    {"an extending plan changes the base's target with 'override target %s ...' or removes it with 'drop target %s'",
     "扩展的规划用 'override target %s ...' 改动基础规则的目标，或用 'drop target %s' 删除它"},
    {"assessment '%s' has no missing-data policy; add 'missing zero', 'missing reweight' or 'missing error'",
     "考核“%s”没有缺失数据的处理方式；请加上 'missing zero'、'missing reweight' 或 'missing error'"},
    {"the plan declares no levels: list them before its regions, coarsest first ('levels %s, ...')",
     "本规划没有声明层级：请在地区之前由高到低列出各层级（'levels %s, ...'）"},
    {"give the region another name (the data may still call it so: alias \"%s\")",
     "请给该地区另一个名称（数据仍可这样称呼它：'alias \"%s\"'）"},
    {"agency '%s' was replaced by '%s'", "单位“%s”已替换为“%s”"},
    {"write '%s'", "请写 '%s'"},
    {"expression nested deeper than %d levels", "表达式嵌套超过%d层"},
    {"a program has at most one assessment; this is a second one", "一个程序最多有一个考核；这是第二个"},
    {"the first assessment is declared here", "第一个考核在此处声明"},
    {"grade '%s' needs a bound ('%s >= SCORE'); only the last grade has none",
     "等级“%s”需要分数线（'%s >= SCORE'）；只有最后一个等级没有分数线"},
    {"the last grade '%s' takes every score below the others; remove its bound",
     "最后一个等级“%s”接受低于其他等级的所有得分；请删去它的分数线"},
    {"a level's text is given twice", "层级的文字给了两次"},
    {"'alias' needs a single region; this declares %u", "'alias' 需要单个地区；这里声明了%u个"},
    {"yes/no values cannot be ordered with '%s'; use '==' or '!='", "是/否值不能用 '%s' 比较大小；请用 '==' 或 '!='"},
    {"the branches of 'if' differ: one is a yes/no value, the other a number",
     "'if' 的两个分支不一致：一个是是/否值，另一个是数字"},
    {"unit '%s' is defined in terms of itself", "计量单位“%s”用它自己定义"},
    {"the factor of unit '%s' must be a positive number, not %s", "计量单位“%s”的倍数须是正数，而不是 %s"},
    {"weight %s is negative; weights must be zero or more", "权重 %s 是负数；权重须不小于零"},
    {"a row for every region no other row gives is written 'else = VALUE'",
     "给其他行都没有给出的地区的一行写作 'else = VALUE'"},
    {"name the regions, or a level that has regions", "请写出地区，或有地区的层级"},
    {"this value is %s%%: a number alone is in the indicator's unit, %%", "这个值是 %s%%：只写数字时以指标的单位 %% 计"},
    {"a tolerance on a '!=' goal has no meaning", "'!=' 目标值的允许偏差没有意义"},
    {"a yes/no goal takes no tolerance: it is met or not", "是/否目标值没有允许偏差：只有达到与未达到"},
    {"the column's unit '%s' does not match the indicator's unit '%s'", "数据列的计量单位“%s”与指标的计量单位“%s”不符"},
    {"the file is empty (it needs a header row naming its columns)", "文件为空（需要一行表头写出各列的名称）"},
    {"the formula reads them here", "公式在此处读取它们"},
    {"in 'cumulative'", "在'cumulative'中"},
    {"in 'peakvalue'", "在'peakvalue'中"},
    {"in '-'", "在'-'中"},
    {"in '+'", "在'+'中"},
    {"in 'and'", "在'and'中"},
    {"measure score", "措施得分"},
    {"total", "总分"},
    {"grade", "等级"},
    {"veto", "一票否决"},
    {"how many rows have a value", "有值的数据行数"},
    {"a percentage of rows", "数据行的百分比"},
    {"the limit of 'share' is compared with the cells as the file writes them",
     "'share' 的界限与文件中所写的单元格值直接比较"},
    {"declare a number indicator: 'count' counts the rows with a value, 'share == 1' the percentage of rows holding 1",
     "请声明数字指标：'count' 计有值的数据行数，'share == 1' 计值为1的数据行的百分比"},
    /* ---- the runs' and the data reader's errors (runtime/exec.c, runtime/table.c) (zh21) */
    {"%s:%u: error: ", "%s:%u: 错误："},
    {"%s: error: ", "%s: 错误："},
    {"and the assessment's missing-data policy is 'error'", "而考核对缺失数据的处理方式是 'error'"},
    {"%s: error: target '%s' has no value for %s %d (the data has no row for %s %ld) %s\n",
     "%s: 错误：目标“%s”在%s %d年没有值（数据中没有%s %ld年的数据行），%s\n"},
    {"target '%s' has no value for %s %d (column '%s') %s\n", "目标“%s”在%s %d年没有值（列“%s”），%s\n"},
    {"target '%s' has no value for %s %d (column '%s' is missing in %ld) %s\n",
     "目标“%s”在%s %d年没有值（列“%s”在%ld年缺失），%s\n"},
    {"%s: error: target '%s' has no value for %s %d (the data has no row for %s %d, which planc added for the targets that read the regions below, and the target reads %s's own column '%s') %s\n",
     "%s: 错误：目标“%s”在%s %d年没有值（数据中没有%s %d年的数据行，这一行是 planc 为读取下级地区的目标添加的，而该目标读取%s自己的列“%s”），%s\n"},
    {"%s: error: target '%s' has no value for %s %d (it is computed from the regions below it, and too few of them have a value in column '%s') %s\n",
     "%s: 错误：目标“%s”在%s %d年没有值（它由下级地区算出，而在列“%s”中有值的下级地区太少），%s\n"},
    {"target '%s' has no value for %s %d (it cannot be computed from the data) %s\n",
     "目标“%s”在%s %d年没有值（无法由数据算出），%s\n"},
    {"unterminated quoted field: the quote opened at line %u, character %zu (%s) never closes",
     "引号字段没有结束：第%u行第%zu个字符处（%s）开始的引号一直没有闭合"},
    {"column '%s': the %s of the rows for %s %d is out of range", "列“%1$s”：%3$s %4$d年各数据行的 '%2$s' 超出范围"},
    {"column '%s': number '%s' is out of range", "列“%s”：数字“%s”超出范围"},
    {"column '%s': %s differs from %s in an earlier row for %s %d (the first at line %u)",
     "列“%1$s”：%2$s 与%4$s %5$d年前面一行中的 %3$s 不同（首次出现在第%6$u行）"},
    {"%s:%u: note: a region's rows of one year are combined (a column is read with an aggregate), so a column read without one must agree across them\n",
     "%s:%u: 附注：一个地区同一年的多行会被合并（有的列按汇总方式读取），因此不带汇总方式读取的列在这些行中须一致\n"},
    /* ---- the checker: more of what an adapter meets (zh21) */
    {"formula", "公式"},
    {"yes/no", "是/否"},
    {"yes or no", "是或否"},
    {"numbers", "数字"},
    {"yes/no value", "是/否值"},
    {"number", "数字"},
    {"numeric", "数字"},
    {"year", "年份"},
    {"not ", "不"},
    {"indicator '%s' has both values and a %s; keep one", "指标“%s”同时有取值表和%s；请保留其一"},
    {"indicator '%s' is %s, so its values are %s", "指标“%s”是%s指标，其取值须是%s"},
    {"cannot compare a %s with a %s goal", "不能把%s与%s目标值比较"},
    {"the %s key is here", "%s列在此处指定"},
    {"the %s key is \"%s\" when the plan does not give it", "规划块没有指定时，%s列为“%s”"},
    {"'%s' is %sa red line in the base; write 'override %s %s'", "“%s”在基础规则中%s是红线；请写 'override %s %s'"},
    {"NUL byte in source: the file looks %s encoded, and a rules file is UTF-8",
     "源文件中有空字节（0x00）：该文件像是 %s 编码，而规则文件须为 UTF-8"},
    {"the override of target '%s' drops the base's goals by %s, though %s still names %s",
     "目标“%s”的改写去掉了基础规则到 %s 的目标值，而%s仍写着%s"},
    {"unit '%s' is out of range: %s times '%s' is too large or too small for a number",
     "计量单位“%s”超出范围：%s 乘以“%s”对数字而言过大或过小"},
    {"a region has one level: for a municipality that is both a %s and a %s, give the %s another name (e.g. '%s市')",
     "一个地区只有一个层级：对既是%s又是%s的直辖市，请给%s另起一个名称（如 '%s市'）"},
    {"a column's text map comes right after its name: 'column \"NAME\" as MAP in UNIT'",
     "数据列的文本映射紧跟在列名之后：'column \"NAME\" as MAP in UNIT'"},
    {"give a level one text: `city \"市州\"`", "请给层级一个文字：'city \"市州\"'"},
    {"write it after the goal: '>= 20%% tolerance 0.5%% by 2025'",
     "请写在目标值之后：'>= 20%% tolerance 0.5%% by 2025'"},
    {"on 'complete' it follows what is completed: 'complete X tolerance 1%% by 2025'",
     "在 'complete' 上写在完成的对象之后：'complete X tolerance 1%% by 2025'"},
    {"a tolerance loosens '>=', '>', '<=', '<' by its amount and makes '==' a band around the goal",
     "允许偏差按其数量放宽 '>='、'>'、'<='、'<'，并把 '==' 变成目标值周围的一个区间"},
    {"a deadline is part of the condition: an override restates the whole condition after ':', with the new year (': INDICATOR >= GOAL by YEAR')",
     "期限是条件的一部分：改写在 ':' 之后重写整个条件，并写上新的年份（': INDICATOR >= GOAL by YEAR'）"},
    {"a measure's clause id is one per program; where the plan numbers its clauses anew in each part, write the part before the clause: (%s.%s) and (%s.%s)",
     "措施的条款编号在一个程序中唯一；规划在各章节重新编号时，请在条款前写上章节：'(%s.%s)' 和 '(%s.%s)'"},
    {"a veto names targets without 'target' ('veto redlines' or 'veto NAME, NAME'), unlike 'weight target NAME = N'",
     "一票否决写目标时不带 'target'（'veto redlines' 或 'veto NAME, NAME'），与 'weight target NAME = N' 不同"},
    {"an assessment gives its weights in one 'weight' item: 'weight section 三 = 30, measure (九) = 2, target NAME = 3' (or 'weight N' in a section's or measure's header, after its title)",
     "考核的权重写在一个 'weight' 项里：'weight section 三 = 30, measure (九) = 2, target NAME = 3'（或在篇、措施的标题之后写 'weight N'）"},
    {"'redlines' comes first in a veto list: 'veto redlines, NAME, ...'",
     "'redlines' 写在一票否决列表的最前面：'veto redlines, NAME, ...'"},
    {"'missing zero' scores a target without data 0, 'missing reweight' leaves it out and shares its weight among the others, 'missing error' stops the run",
     "'missing zero' 给没有数据的目标0分，'missing reweight' 不计它并把它的权重分给其他目标，'missing error' 停止运行"},
    {"a grade's bound is a score from 0 to 100, written without a unit: '%s >= %s'",
     "等级的分数线是0到100的得分，不带单位：'%s >= %s'"},
    {"the new name comes right after the old one: 'override target OLD as NEW \"text\" ...'",
     "新名称紧跟在旧名称之后：'override target OLD as NEW \"text\" ...'"},
    {"'as' renames a base target, in an extending plan's 'override target OLD as NEW'; a target written here takes its name after 'target'",
     "'as' 用于扩展规划的 'override target OLD as NEW' 中给基础规则的目标改名；在此处写的目标，名称写在 'target' 之后"},
    {"give the base's target a deadline of this plan in the override that renames it ('override target %s as %s : ...')",
     "请在给它改名的改写中给基础规则的目标本规划的期限（'override target %s as %s : ...'）"},
    {"region '%s' has the name of a level: a scope or a values row that names '%s' means this region alone, not every region of level '%s'",
     "地区“%s”与层级同名：写“%s”的适用范围或取值表行只指这个地区，而不是层级“%s”的每个地区"},
    {"column \"%s\" names '{year}' twice; a column per year names it once",
     "列“%s”写了两次 '{year}'；每年一列的列名只写一次"},
    {"'%s' is a region; before 'in' name levels ('for city in %s')", "“%s”是地区；'in' 之前写层级（'for city in %s'）"},
    {"'%s' is a level; after 'in' name the regions the scope lies in", "“%s”是层级；'in' 之后写适用范围所在的地区"},
    {"'^' raises a unit to a power, inside a unit only: write a number with a compound unit in brackets, e.g. 15 [μg/m^3]",
     "'^' 只在计量单位中表示乘方：带复合计量单位的数字请把单位写在方括号中，如 '15 [μg/m^3]'"},
    {"this plan drops or moves every region of level '%s': give the indicator values of its own ('override indicator %s, values { ... }')",
     "本规划删除或移动了层级“%s”的每个地区：请给该指标自己的取值表（'override indicator %s, values { ... }'）"},
    {"bracket after agency %.*s not closed on its line", "单位 %.*s 之后的括号在本行没有闭合"},
    {"value", "值"},
    {"goal", "目标值"},
    {"expected value", "预期值"},
    {"the rules' numbers", "规则中的数"},
    {"%scolumn '%s'", "%s列“%s”"},
    {"target '%s' for %s %d: its %s, computed from %s, overflows: it is beyond ±1.8e308, the largest number planc holds\n",
     "目标“%1$s”（%2$s %3$d年）：由%5$s算出的%4$s溢出：超出 '±1.8e308'，即 planc 能表示的最大数\n"},
    {"%s:%u (test data)", "%s:%u（测试数据）"},
    /* ---- the checker and the lexer: agencies' roles, directions, an override's text (zh21) */
    {"less", "越小"},
    {"more", "越大"},
    {"up", "上升"},
    {"down", "下降"},
    {"'%s' is declared '%s' (%s is better), but this goal asks for '%s'",
     "“%s”声明为 '%s'（%s越好），但这个目标值要求 '%s'"},
    {"the goal's operator decides what is on track: a value moving %s counts as improving here; check the operator or the indicator's direction",
     "目标值的运算符决定什么算进度正常：此处数值%s算作改善；请检查运算符或指标的方向"},
    {"its text", "它的原文"},
    {"the text it keeps from the base", "它沿用的基础规则原文"},
    {"the override of target '%s' drops the base's goal%s by %s, which %s still names",
     "目标“%s”的改写去掉了基础规则%.0s到 %s 的目标值，而%s仍写着它"},
    {"give the text too: 'override %s %s%s%s \"...\" : ...'", "请同时给出原文：'override %s %s%s%s \"...\" : ...'"},
    {"'%s' is the unit '%s' followed by '%s'; %s", "“%s”是计量单位“%s”后面接着“%s”；%s"},
    {"the next line goes on with %.*s", "下一行接着是%.*s"},
    {"the bracketed note", "括号中的注释"},
    {"a lead agency (牵头单位)", "牵头单位"},
    {"a responsible agency (配合, 责任单位)", "配合单位（责任单位）"},
    {"one of the agencies that act 按职责分工负责", "按职责分工负责的单位之一"},
    {"%s after agency %.*s: an agency is declared by its name", "单位 %3$.*2$s 之后有%1$s：声明单位只写名称"},
    {"%s after agency %.*s: a '%s' list names agencies only", "单位 %3$.*2$s 之后有%1$s：'%4$s' 列表只写单位"},
    {"'%s' already makes %.*s %s; remove %s", "'%1$s' 已使 %3$.*2$s 成为%4$s；请删去%5$s"},
    {"the list's keyword gives the agencies' role: 'lead' (牵头), 'responsible' (配合, 责任单位), 'shared' (按职责分工负责); remove %s",
     "列表的关键字给出单位的职责：'lead'（牵头）、'responsible'（配合、责任单位）、'shared'（按职责分工负责）；请删去%s"},
    {"an agency is named alone; the keyword of the list that names it gives its role: 'lead' (牵头), 'responsible' (配合, 责任单位), 'shared' (按职责分工负责)",
     "单位只写名称；列出它的列表的关键字给出它的职责：'lead'（牵头）、'responsible'（配合、责任单位）、'shared'（按职责分工负责）"},
    {"a full name is written in quotes (agency %.*s \"...\"); the agency's role is the keyword of each measure's list that names it: 'lead' (牵头), 'responsible' (配合, 责任单位), 'shared' (按职责分工负责)",
     "全称写在引号中（'agency %.*s \"...\"'）；单位的职责由各措施中列出它的列表的关键字给出：'lead'（牵头）、'responsible'（配合、责任单位）、'shared'（按职责分工负责）"},
    {"a lead agency (牵头) is named in the measure's 'lead' list: lead %.*s",
     "牵头单位写在措施的 'lead' 列表中：'lead %.*s'"},
    {"agencies that act 按职责分工负责 with no single lead are named in a 'shared' list, in place of 'lead': shared %.*s, ...",
     "没有单一牵头单位、按职责分工负责的单位写在 'shared' 列表中，取代 'lead'：'shared %.*s, ...'"},
    {"a measure with a lead agency (牵头) names it in 'lead' and the others in 'responsible' (a measure has 'lead' or 'shared', not both): lead %.*s",
     "有牵头单位的措施把它写在 'lead' 中，其他单位写在 'responsible' 中（一个措施有 'lead' 或 'shared'，不能两者都有）：'lead %.*s'"},
    {"the list's keyword gives the agencies' role: 'lead' (牵头), 'responsible' (配合, 责任单位), 'shared' (按职责分工负责); remove %s, or, if it is part of the agency's name, keep it in the full name its declaration quotes (agency %.*s \"...%.*s\"): a name holds no brackets",
     "列表的关键字给出单位的职责：'lead'（牵头）、'responsible'（配合、责任单位）、'shared'（按职责分工负责）；请删去%s，若它是单位名称的一部分，请把它留在单位声明所引的全称中（'agency %.*s \"...%.*s\"'）：名称中不能有括号"},
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
    {"'%s' is the title of measure (%s); a target moves to a measure by its clause id: 'in (%s)'",
     "“%s”是措施（%s）的标题；把目标移到某项措施须写其条款编号：'in (%s)'"},
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
     "改写只能在同一量纲内改动指标的计量单位；另一种量请声明新指标"},
    {"the override changes the unit of indicator '%s' from '%s' to '%s', a different dimension",
     "改写把指标“%s”的计量单位从“%s”改为“%s”，量纲不同"},
    {"region '%s' is dropped, but the base's region '%s' in it is kept", "地区“%s”已删除，但基础规则中它所辖的地区“%s”仍保留"},
    {"drop '%s' too, move it ('override region %s in ...'), or declare a region that replaces '%s'",
     "请同样删除“%s”、移动它（'override region %s in ...'），或声明替换“%s”的地区"},
    {"agency '%s' was dropped", "单位“%s”已删除"},
    {"'%s' was dropped here", "此处删除了“%s”"},
    {"name an agency of this plan, or declare '%s' in this file", "请写本规划的单位，或在本文件中声明“%s”"},

    /* ---- the last English of a Chinese run (the checker's, the lexer's, the parser's, the
     * driver's and the back end's rarer messages; the pieces they are built of) */
    {" (this file replaces it, but its name stays the base's)", "（本文件替换了它，但它的名称仍属于基础规则）"},
    {"%s is out of range", "%s超出范围"},
    {"%s must be a number without a unit (or a %%), not in '%s'", "%s须是不带单位的数字（或百分数），而不是以“%s”计"},
    {"%s--check writes no file: it cannot be given with -o or --list", "%s--check 不写文件：不能与 '-o' 或 --list 同用"},
    {"%s--data -: standard input cannot be checked against a run; save it to a file and give that",
     "%s--data -：标准输入无法与评估核对；请把它存为文件，再给出该文件"},
    {"%s--na is for the file --check reads", "%s--na 用于 --check 读取的文件"},
    {"%s--encoding is for the file --check reads", "%s--encoding 用于 --check 读取的文件"},
    {"%sa database and a run are needed", "%s需要一个数据库和一次评估"},
    {"%snothing to check: give the rules file, --data files or --output files ('planc history DB --full' lists the runs' hashes)",
     "%s没有可核对的文件：请给出规则文件、--data 数据文件或 --output 输出文件（'planc history DB --full' 列出各次评估的哈希值）"},
    {"unexpected argument '%s' (a database, a run and the rules file; data files with --data, outputs with --output)",
     "多余的参数 '%s'（一个数据库、一次评估和规则文件；数据文件用 --data 给出，输出文件用 --output 给出）"},
    {"bad --years '%s' (a year, or two joined by '-': 2019-2024)", "无效的 --years 值 '%s'（一个年份，或用 '-' 连接的两个年份：2019-2024）"},
    {"standard input (--data -) is the data file '%s', given too (--data): each file is read once",
     "标准输入（--data -）就是同时给出的数据文件 '%s'（--data）：每个文件只读取一次"},
    {"the data file '%s' is one given before under another name: each file is read once (--data)",
     "数据文件 '%s' 就是前面以另一个名称给出的文件：每个文件只读取一次（--data）"},
    {"'%s' is a built-in unit", "“%s”是内置的计量单位"},
    {"'%s' is a name of its own (a superscript is part of a name, not a power): write '%s^%d', or declare 'unit %s = 1 %s^%d'",
     "“%s”是一个独立的名称（上标是名称的一部分，不表示乘方）：请写 '%s^%d'，或声明 'unit %s = 1 %s^%d'"},
    {"'%s' is a period; write 'at(x, %s)' to read a value in it", "“%s”是时期；要读取其中一年的值，请写 'at(x, %s)'"},
    {"'%s' is a share, not an amount of '%s': 10%% above a value is 'baseline(x) * (100%% + 10%%)', or compare the ratio, 'x / baseline(x) >= 110%%' (比基准年提高10%%)",
     "“%s”是比例，不是以“%s”计的数量：比某值高10%% 写作 'baseline(x) * (100%% + 10%%)'，或比较比值 'x / baseline(x) >= 110%%'（比基期年提高10%%）"},
    {"'%s' is a share, not an amount of '%s': 13.5%% below a value is 'baseline(x) * (100%% - 13.5%%)', or compare the ratio, 'x / baseline(x) <= 86.5%%' (比基准年下降13.5%%)",
     "“%s”是比例，不是以“%s”计的数量：比某值低13.5%% 写作 'baseline(x) * (100%% - 13.5%%)'，或比较比值 'x / baseline(x) <= 86.5%%'（比基期年下降13.5%%）"},
    {"'%s' reads it here", "“%s”在此处读取它"},
    {"'%s' was first declared here", "“%s”在此处首次声明"},
    {"'M.x' names x as declared by the file imported as M ('import \"file.plan\" as M')",
     "'M.x' 指以 'M' 为名导入的文件所声明的 'x'（'import \"file.plan\" as M'）"},
    {"'bool' cannot be part of a compound unit", "'bool' 不能作为复合计量单位的一部分"},
    {"'note' given twice in one target", "'note' 在一个目标中给了两次"},
    {"'veto' given twice in one target", "'veto' 在一个目标中给了两次"},
    {"'replaces' needs a single region; this declares %u", "'replaces' 需要单个地区；这里声明了%u个"},
    {"a red line takes exactly one goal, not %u: it holds every year", "红线只能有一个目标值，此处有 %u 个：红线每年都须守住"},
    {"a table's '%.*s' for a quantity without a unit is the unit 1 here (indicator X : 1); a minus sign is '-'",
     "表格中表示无计量单位之量的 '%.*s' 在此处写作计量单位 1（'indicator X : 1'）；减号写作 '-'"},
    {"a target must measure an indicator", "目标须度量指标"},
    {"a tolerance must be a number, not a yes/no value", "允许偏差须是数字，而不是是/否值"},
    {"a tolerance must be zero or more", "允许偏差须不小于零"},
    {"give one of them another name with 'as NAME'", "请用 'as NAME' 给其中一个另起名称"},
    {"an agency that assists (配合, 责任单位) is named in the measure's 'responsible' list: responsible %.*s",
     "配合单位（责任单位）写在措施的 'responsible' 列表中：'responsible %.*s'"},
    {"an exponent must be a whole number from 1 to 99", "指数须是1到99的整数"},
    {"an indicator's unit comes after ':': a declared unit, '%%', 'bool' (yes/no) or '1' (a plain number, as a rated target's 0-100 score: 'indicator NAME : 1, higher, column \"...\"')",
     "指标的计量单位写在 ':' 之后：声明过的计量单位、'%%'、'bool'（是/否）或 '1'（纯数字，如评分目标0到100的评分：'indicator NAME : 1, higher, column \"...\"'）"},
    {"candidate declared in %s", "候选，声明于 %s"},
    {"cannot compare a yes/no value with a number", "不能把是/否值与数字比较"},
    {"cannot import %s: a program may have at most %d files", "无法导入 %s：一个程序最多有%d个文件"},
    {"cannot import %s: imports are nested deeper than %d files", "无法导入 %s：导入嵌套超过%d层文件"},
    {"cannot import %s: it is not a regular file (a FIFO, a device or a socket)",
     "无法导入 %s：它不是普通文件（而是管道、设备或套接字）"},
    {"cannot import %s: it is outside the rules tree '%s': a symbolic link on its path leads to '%s'",
     "无法导入 %s：它不在规则目录树 '%s' 之内：其路径上的符号链接指向 '%s'"},
    {"rules are read only from the rules tree, after resolving symbolic links; give a tree that holds the file the link leads to with --root DIR, or copy the files into the tree",
     "规则只从解析符号链接后的规则目录树中读取；请用 --root DIR 给出包含链接所指文件的目录树，或把文件复制到目录树中"},
    {"cannot use '%s' as the rules tree: %s", "无法把 '%s' 用作规则目录树：%s"},
    {"option '--root': cannot use '%s' as the rules tree: %s", "选项 '--root'：无法把 '%s' 用作规则目录树：%s"},
    {"column \"%s\" is read as %s here but as %s by '%s'", "列“%1$s”在此处读作%2$s，而“%4$s”把它读作%3$s"},
    {"column \"%s\" is the plan's %s key, not an indicator column", "列“%s”是规划块指定的%s列，不是指标的列"},
    {"convert it in place, as the file that imports it reads it by this name: iconv -f %s -t UTF-8 %s > %s && mv %s %s (or save it as UTF-8 in the editor)",
     "请在原处转换，因为导入它的文件按这个名称读取它：iconv -f %s -t UTF-8 %s > %s && mv %s %s（或在编辑器中另存为 UTF-8）"},
    {"curly quotation mark '%.*s' (U+201D); a string is written between '\"' and '\"'",
     "弯引号 '%.*s'（U+201D）；字符串写在 '\"' 和 '\"' 之间"},
    {"did you mean '%s', '%s' or '%s'?", "是否应为“%s”、“%s”或“%s”？"},
    {"division by zero", "除数为零"},
    {"duplicate grade '%s'", "重复的等级“%s”"},
    {"duplicate target '%s' (an unnamed target is named after its indicator)", "重复的目标“%s”（没有名称的目标以其指标命名）"},
    {"empty import path", "导入路径为空"},
    {"full-width character '%.*s' (U+%04X); use '%c'", "全角字符 '%.*s'（U+%04X）；请用 '%c'"},
    {"full-width space '%.*s' (U+3000); use ' '", "全角空格 '%.*s'（U+3000）；请用半角空格"},
    {"give the plan its own region ('region NAME' in the plan block), or declare a region that replaces '%s'",
     "请给规划它自己的地区（在规划块中写 'region NAME'），或声明替换“%s”的地区"},
    {"goal out of range", "目标值超出范围"},
    {"grade bound %s is outside the scores 0..100", "等级的分数线 %s 不在0到100的得分之内"},
    {"indicator '%s' has both a column and a formula; keep one", "指标“%s”同时有数据列和公式；请保留其一"},
    {"indicator '%s' has neither a column nor a formula; add 'column \"NAME\"', 'formula EXPR' or 'values { REGION = NUMBER, ... }'",
     "指标“%s”既没有数据列也没有公式；请加上 'column \"NAME\"'、'formula EXPR' 或 'values { REGION = NUMBER, ... }'"},
    {"levels are declared twice; list them all in one 'levels' declaration", "层级声明了两次；请在一个 'levels' 声明中列出全部层级"},
    {"the first 'levels' is here", "第一个 'levels' 在此处"},
    {"line longer than %d bytes", "行长超过%d字节"},
    {"only the number 1 can stand for a unit", "只有数字 1 可以代表计量单位"},
    {"plan '%s' has no baseline; add 'baseline YEAR'", "规划“%s”没有基期；请加上 'baseline YEAR'"},
    {"plan '%s' has no horizon; add 'horizon YEAR' (the last year a deadline may name)",
     "规划“%s”没有规划期末；请加上 'horizon YEAR'（期限最晚可到的年份）"},
    {"region '%s' is dropped, but it is the base plan's region", "地区“%s”已删除，但它是基础规则中规划块的地区"},
    {"region '%s' is its own ancestor (a cycle of 'in')", "地区“%s”是它自己的上级地区（'in' 形成循环）"},
    {"the first argument of '%s' must be a level", "'%s' 的第一个参数须是层级"},
    {"the formula of '%s' is a yes/no condition, but '%s' is in '%s'", "“%s”的公式是是/否条件，而“%s”以“%s”计"},
    {"the formula of '%s' nests other formulas more than %d deep", "“%s”的公式嵌套其他公式超过%d层"},
    {"a formula is as deep as its own expression with the formulas it uses substituted in: make the chain of "
     "formulas shorter, or their expressions",
     "公式的深度是其表达式代入所用各公式之后的深度：请减少依次引用的公式层数，或缩短公式"},
    {"the limit of 'share' is out of range", "'share' 的界限超出范围"},
    {"the other one is here", "另一个在此处"},
    {"these are two units called '%s', declared by different files; write the one meant with the file it comes from (M.%s)",
     "这是两个都叫“%s”的计量单位，由不同的文件声明；请连同其所在的文件写出所指的那个（'M.%s'）"},
    {"this override of assessment '%s' changes nothing", "对考核“%s”的这次改写没有改动任何内容"},
    {"this override of indicator '%s' changes nothing", "对指标“%s”的这次改写没有改动任何内容"},
    {"this override of section '%s' changes nothing", "对章节“%s”的这次改写没有改动任何内容"},
    {"this override of target '%s' changes nothing", "对目标“%s”的这次改写没有改动任何内容"},
    {"tolerance out of range", "允许偏差超出范围"},
    {"two imports of this file are both called '%s'", "本文件的两个导入都叫“%s”"},
    {"undefined grade '%s'", "未定义的等级“%s”"},
    {"unexpected control character U+%04X", "不应出现控制字符 U+%04X"},
    {"semicolon ';'", "分号 ';'"},
    {"an extending plan changes the base's section with 'override section %s ...' or removes it with 'drop section %s'",
     "扩展的规划用 'override section %s ...' 改动基础规则的章节，或用 'drop section %s' 删除它"},
    {"as the formula of yes/no indicator '%s'", "作为是/否指标“%s”的公式"},
    {"an error in this program", "本程序有错误"},
    {"it has no table 'planc_backend'", "其中没有 'planc_backend' 表"},
    {"it belongs to another version of planc", "它属于另一版本的 planc"},
    {"planc cannot find its own directory (/proc/self/exe)", "planc 找不到自己所在的目录（'/proc/self/exe'）"},
    /* the data reader's rarer errors (table.c) */
    {"quoted field too long: the quote opened at line %u, character %zu (%s) has not closed within %zu KiB, the most a quoted field holds (is its closing quote missing?)",
     "引号字段过长：第%u行第%zu个字符处（%s）开始的引号在 %zu KiB 之内没有闭合，这是一个引号字段的上限（是否缺了结束的引号？）"},
    {"header field %zu", "表头第%zu个字段"},
    {"record field %zu", "第%zu个字段"},
    {"column '%s'", "列“%s”"},
    {"columns '%s' and '%s' both give column '%s' for %d", "列“%s”和“%s”都给出了列“%s”%d年的值"},
    {"no header row: the file has only empty lines", "没有表头行：文件只有空行"},
    {"header field %ld ('%s'): text after the closing quote", "表头第%ld个字段（“%s”）：结束的引号之后还有文字"},
    {"the rules read a column per year (column '%s'), which gives each row's year; a data year (%d) cannot be given too",
     "规则按每年一列读取数据（列“%s”），由它给出每行的年份；不能再给出数据年份（%d）"},
    {"the file has a year column '%s' (field %ld), but a data year (%d) was given: --data-year is for a file without one",
     "文件有年份列“%s”（第%ld个字段），却给出了数据年份（%d）：--data-year 用于没有年份列的文件"},
    {"only the first field is filled in ('%s' is no region); a note like this may only follow the rows",
     "只填了第一个字段（“%s”不是地区）；这样的表注只能写在数据行之后"},
    {"row has 1 field, the header has %zu", "该行只有1个字段，表头有%zu个（一行的字段数须与表头相同，没有的数据留空）"},
    {"column '%s': text after the closing quote", "列“%s”：结束的引号之后还有文字"},
    {"%s: error: the rules it is read with (plan %s) declare region '%s', which the rules scored (plan %s) do not: a file's rules may change its keys and columns only\n",
     "%s: 错误：读取它所用的规则（规划 %s）声明了地区“%s”，而评分所用的规则（规划 %s）中没有：文件的读取规则只能改变它的键列和数据列\n"},
    {"full-width semicolon '；' (U+FF1B)", "全角分号 '；'（U+FF1B）"},
    {"unit too large: exponents are limited to %d and factors must stay finite", "计量单位过大：指数最多为%d，倍数须是有限的数"},
    {"unknown escape '\\%.*s' in string; use \\\" \\\\ \\n or \\t", "字符串中有未知的转义 '\\%.*s'；请用 \\\"、\\\\、\\n 或 \\t"},
    {"unknown escape in string; use \\\" \\\\ \\n or \\t", "字符串中有未知的转义；请用 \\\"、\\\\、\\n 或 \\t"},
    {"value out of range", "数值超出范围"},
    {"write yes/no values as 'yes' or 'no'", "是/否值写作 'yes' 或 'no'"},
    /* the words a parser's "unexpected 'x', expected ..." names a contextual keyword's alternatives with */
    {"'data' or 'expect'", "'data' 或 'expect'"},
    {"'value', 'score' or a status", "'value'、'score' 或状态词"},
    {"'total' or a target", "'total' 或目标"},
    {"'higher', 'lower', 'column', 'formula' or 'values'", "'higher'、'lower'、'column'、'formula' 或 'values'"},
    /* the back end, planc build and the workbook */
    {"planc: error: --cpu %s is an x86-64 CPU; this host is %s\n", "planc: 错误：--cpu %s 是 'x86-64' 处理器；本机是 %s\n"},
    {"planc: error: cannot find the LLVM back end: neither '%s' nor '%s' exists (planc compiles rules with it; it is built beside planc; PLANC_BACKEND may name it)\n",
     "planc: 错误：找不到 LLVM 后端：'%s' 和 '%s' 都不存在；planc 用它编译规则；它与 planc 一起构建；可用 'PLANC_BACKEND' 指定\n"},
    {"planc: error: cannot load the LLVM back end '%s': %s (planc compiles rules with it; it is built beside planc; PLANC_BACKEND may name it)\n",
     "planc: 错误：无法加载 LLVM 后端 '%s'（原因：“%s”）：planc 用它编译规则；它与 planc 一起构建；可用 'PLANC_BACKEND' 指定\n"},
    {"the old header is put back", "已放回原来的头文件"},
    {"the new header is removed", "已删除新的头文件"},
    {"the new header is left beside the old library: their fingerprints differ", "新的头文件留在了原来的库旁边：两者的指纹不一致"},
    {"it is not a regular file (a device, a FIFO or a socket), and the library is renamed into place",
     "它不是普通文件（而是设备、管道或套接字），而库要改名放到这个位置"},
    {"note: the header is NAME.h beside libNAME.so: write -o lib%s.so, or give --header FILE\n",
     "附注：头文件是 'libNAME.so' 旁边的 'NAME.h'：请写 '-o lib%s.so'，或给出 '--header FILE'\n"},
    {"planc: error: the results have %zu rows, more than an Excel sheet holds (%d); write them as CSV instead (--format csv)\n",
     "planc: 错误：结果有%zu行，超过 Excel 工作表能容纳的行数（%d）；请改为写出 CSV（'--format csv'）\n"},
    {"planc: error: cannot start the workbook in '%s'\n", "planc: 错误：无法在 '%s' 中开始写工作簿\n"},

    /* the compiled code's cache (compiler/cache.c, compiler/jit.c): its warnings, written through the
     * catalog as every other message (they were labels, printed by fprintf) */
    {"planc: warning: no cache directory (set PLANC_CACHE_DIR, XDG_CACHE_HOME or HOME); running without the cache\n",
     "planc: 警告：没有缓存目录（请设置 'PLANC_CACHE_DIR'、'XDG_CACHE_HOME' 或 'HOME'）；不使用缓存运行\n"},
    {"planc: warning: out of memory; running without the cache\n", "planc: 警告：内存不足；不使用缓存运行\n"},
    {"planc: warning: cannot use the cache directory '%s': %s; running without the cache\n",
     "planc: 警告：无法使用缓存目录 '%s'：%s；不使用缓存运行\n"},
    {"planc: warning: cannot write to the cache directory '%s': %s\n", "planc: 警告：无法写入缓存目录 '%s'：%s\n"},
    {"planc: warning: ignoring cache entry '%s' (too large to read)%s\n", "planc: 警告：忽略缓存项 '%s'（太大，无法读取）%s\n"},
    {"planc: warning: cannot read cache entry '%s': %s%s\n", "planc: 警告：无法读取缓存项 '%s'：%s%s\n"},
    {"planc: warning: ignoring cache entry '%s' (%s)%s\n", "planc: 警告：忽略缓存项 '%s'（%s）%s\n"},
    {"planc: warning: ignoring cache entry '%s' (its code does not load: %s)%s\n",
     "planc: 警告：忽略缓存项 '%s'（其代码无法加载，系统报告：“%s”）%s\n"},
    {"planc: warning: ignoring cache entry '%s' (its code does not parse)%s\n", "planc: 警告：忽略缓存项 '%s'（其代码无法解析）%s\n"},
    {"planc: warning: ignoring cache entry '%s' (its objects do not link: %.*s)%s\n",
     "planc: 警告：忽略缓存项 '%s'（其目标文件无法链接，LLVM 报告：“%.*s”）%s\n"},
    {"unknown error", "未知错误"},
    /* why an imported file cannot be read (import.c) */
    {"No such file or directory (a part of the path is not a directory)",
     "没有那个文件或目录（路径中的某一部分不是目录）"},
    {"larger than 256 MiB", "大于 256 MiB"},
    {"it is a directory", "它是一个目录"},
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

    /* ---- a data file that changed while it was read (runtime/table.c) */
    {"%s: error: the file changed while it was read: its size (%lld bytes) and modification time are "
     "as when it was opened, but its change time moved: it was rewritten in place with its "
     "modification time set back, or its status changed (permissions, owner, links or name); run "
     "again when nothing changes it\n",
     "%s: 错误：读取期间文件发生了变化：其大小（%lld 字节）和修改时间与打开时相同，但状态改变时间变了："
     "它可能被原地改写后又调回了修改时间，也可能只是状态有变（权限、属主、链接或文件名）；"
     "请在没有程序改动它时再运行\n"},
    {"%s: error: the file changed while it was read (%lld bytes when opened, %lld after): the rows "
     "read may mix two versions of the file; write it elsewhere and rename it into place when it is "
     "complete, then run again\n",
     "%s: 错误：读取期间文件发生了变化（打开时 %lld 字节，读完时 %lld 字节）：读到的行可能混有文件的两个版本；"
     "请先写到别处，写完后再改名放到原处，然后再运行\n"},
    {"%s: note: the file changed while it was read (%lld bytes when opened, %lld after): the errors "
     "above may come from a file still being written\n",
     "%s: 附注：读取期间文件发生了变化（打开时 %lld 字节，读完时 %lld 字节）：上面的错误可能来自仍在写入的文件\n"},

    /* ---- planc verify (runtime/verify.c): a run's files checked by hash */
    {"rules",
     "规则"},
    {"data",
     "数据"},
    {"reading",
     "读取规则"},
    {"output",
     "输出"},
    {"match",
     "一致"},
    {"differs",
     "不一致"},
    {"unreadable",
     "无法读取"},
    {"not recorded",
     "未记录"},
    {"not given",
     "未提供"},
    {"recorded",
     "记录为"},
    {": %s",
     "：%s"},
    {" (the run was recorded before schema version 3: its hash is of its rules files' bytes joined)",
     "（该评估记录于第3版数据库结构之前：其哈希值是各规则文件内容连在一起的哈希值）"},
    {" (imported: %s)",
     "（导入：%s）"},
    {"%s  the rules' hash (of the manifest of the files above)\n",
     "%s  规则哈希值（上列文件清单的哈希值）\n"},
    {"%s  the data's hash (of the hashes above: the run, recorded before schema version 8, kept no other)\n",
     "%s  数据哈希值（上列哈希值的哈希值：该评估记录于第8版数据库结构之前，未保存其他哈希值）\n"},
    {" (the run, recorded before schema version 8, named the rules it read %s with, without their hash)",
     "（该评估记录于第8版数据库结构之前，只记下读取 %s 所用规则的名称，未记其哈希值）"},
    {" (the run read no other data file)",
     "（该评估没有读取其他数据文件）"},
    {" (the run read it as %s)",
     "（该评估读取时名为 %s）"},
    {" (the run read %s with the scored rules, not with --read-with)",
     "（该评估用评分所用的规则读取 %s，未用 --read-with）"},
    {" (the run read %s with it: --read-with)",
     "（该评估用它读取 %s：--read-with）"},
    {" (the run, recorded before schema version 8, kept no hash of what it wrote: score the files again and compare, docs/OUTPUT.md §5)",
     "（该评估记录于第8版数据库结构之前，未保存输出文件的哈希值：请重新评分后比较，见 'docs/OUTPUT.md' 第5节）"},
    {" (%s bytes)",
     "（%s 字节）"},
    {" (%s bytes; the run wrote it as %s)",
     "（%s 字节；该评估写出时名为 %s）"},
    {" (the hash of its manifest)",
     "（其文件清单的哈希值）"},
    {"run %lld (%s, planc %s, plan %s)\n",
     "评估 %lld（%s，planc %s，规划 %s）\n"},
    {"  run %lld: rules %s, data %s\n",
     "  评估 %lld：规则 %s，数据 %s\n"},
    {"verified: every file checked is the run's (%zu)\n",
     "核验通过：所核对的%zu个文件均为该评估所用\n"},
    {"not verified: %zu files checked, %zu of them the run's: %zu differ, %zu unreadable, %zu not recorded by the run\n",
     "核验未通过：核对%zu个文件，其中%zu个为该评估所用；%zu个不一致，%zu个无法读取，%zu个未被该评估记录\n"},

    /* ---- renaming an indicator (`override indicator OLD as NEW`) */
    {"cannot rename indicator '%s' as '%s': that is its name already", "无法把指标“%s”改名为“%s”：它已是这个名称"},
    {"cannot rename indicator '%s' as '%s': the base has an indicator '%s'",
     "无法把指标“%s”改名为“%s”：基础规则已有指标“%s”"},
    {"the base's indicator '%s' is here%s", "基础规则的指标“%s”在此处%s"},
    {" (this file drops it, but its name stays the base's)", "（本文件删除了它，但它的名称仍属于基础规则）"},
    {"a new name must be one the base never gave an indicator: then 'planc diff' and the results never take one indicator for another",
     "新名称须是基础规则从未用作指标名的名称：这样 'planc diff' 和结果不会把一个指标当作另一个"},
    {"cannot rename indicator '%s' as '%s': this file declares an indicator '%s'",
     "无法把指标“%s”改名为“%s”：本文件已声明指标“%s”"},
    {"rename it to a name of its own, or drop it and declare '%s' alone", "请改用一个独有的名称，或删除它并单独声明“%s”"},
    {"cannot rename indicator '%s' as '%s': indicator '%s' is renamed '%s' already",
     "无法把指标“%s”改名为“%s”：指标“%s”已改名为“%s”"},
    {"cannot rename indicator '%s' as '%s': '%s' is the old name of indicator '%s'",
     "无法把指标“%s”改名为“%s”：“%s”是指标“%s”的旧名称"},
    {"an indicator is changed by one override: give every change in that one", "一个指标只由一次改写改动：请把所有改动写在那一次改写中"},
    {"an indicator is changed by one override: give every change in the one that renames it ('override indicator %s as %s ...')",
     "一个指标只由一次改写改动：请把所有改动写在给它改名的那次改写中（'override indicator %s as %s ...'）"},
    {"indicator '%s' takes the old name of indicator '%s'", "指标“%s”用了指标“%s”的旧名称"},
    {"give the new indicator a name no base indicator was renamed from: then 'planc diff' and the results never take one indicator for another",
     "请给新指标一个不曾被基础规则的指标改名弃用的名称：这样 'planc diff' 和结果不会把一个指标当作另一个"},
    {"the new name comes right after the old one: 'override indicator OLD as NEW \"display\" ...'",
     "新名称紧跟在旧名称之后：'override indicator OLD as NEW \"显示名称\" ...'"},
    {"'as' renames a base indicator, in an extending plan's 'override indicator OLD as NEW'; an indicator written here takes its name after 'indicator'",
     "'as' 用于在扩展规划的 'override indicator OLD as NEW' 中给基础规则的指标改名；此处声明的指标的名称写在 'indicator' 之后"},
    {"rules a data file is read with (--read-with) cannot rename indicator '%s'",
     "读取数据文件所用的规则（--read-with）不能给指标“%s”改名"},
    {"they pair each indicator with the scored rules' by its name: give '%s' the file's column without renaming it ('override indicator %s, column \"...\"')",
     "这些规则按名称把每个指标与评分所用规则的指标对应：请不改名而给“%s”指定该文件的列（'override indicator %s, column \"...\"'）"},
    {"rules a data file is read with (--read-with) give indicator '%s' a formula, which reading a file does not compute: its cells of the file are missing",
     "读取数据文件所用的规则（--read-with）给指标“%s”指定了公式，而读取文件时不计算公式：该文件中它的值缺失"},
    {"rules a data file is read with (--read-with) give indicator '%s' values, which reading a file does not use: its cells of the file are missing",
     "读取数据文件所用的规则（--read-with）给指标“%s”指定了取值表，而读取文件时不使用取值表：该文件中它的值缺失"},
    {"a reading gives each indicator the file's column ('override indicator %s, column \"...\"'); a quantity the file lacks is computed by the scored rules",
     "读取规则只给每个指标指定文件中的列（'override indicator %s, column \"...\"'）；文件中没有的量由评分所用的规则计算"},

    /* ---- a --read-with reading's rules errors */
    {"region '%s' is not one of the rules scored (plan %s): the rules a data file is read with (--read-with, "
     "here for '%s') may change how it is read (its keys, columns, units, maps and aliases) only",
     "地区“%1$s”不是评分所用的规则（规划 %2$s）中的地区：读取数据文件所用的规则（--read-with，此处用于 '%3$s'）"
     "只能改变该文件的读法（键列、数据列、计量单位、文本映射和别名）"},
    {"indicator '%s' is in '%s' here, in '%s' in the rules scored (plan %s): the rules a data file is read with "
     "give the unit of its column ('column \"%s\" in %s'), and its cells are converted",
     "指标“%1$s”在此处以“%2$s”计，而在评分所用的规则（规划 %4$s）中以“%3$s”计：读取数据文件所用的规则应写明"
     "其列的计量单位（'column \"%5$s\" in %6$s'），读入的数值即按计量单位换算"},
    {"planc: error: the rules '%s' is read with ('%s', --read-with, plan %s) read none of the indicators of "
     "the rules scored (plan %s): a file's rules are an adaptation of the scored rules (extends) that says "
     "how the file writes their indicators\n",
     "planc: 错误：读取 '%1$s' 所用的规则（'%2$s'，--read-with，规划 %3$s）没有读取评分所用的规则（规划 %4$s）的"
     "任何指标：数据文件的规则应是评分所用规则的改编（'extends'），写明该文件如何记载其指标\n"},
    {"%s: warning: the rules it is read with (plan %s) read no column for indicator %s (column '%s'): its "
     "cells are missing\n",
     "%1$s: 警告：读取它所用的规则（规划 %2$s）没有读取指标“%3$s”的列（列“%4$s”）：其单元格按缺失读取\n"},
    /* ---- compare */
    {"  data: same (%.12s), named otherwise: %s → %s\n", "  数据：未变（%.12s），名称不同：%s → %s\n"},
    /* ---- a piece of the checker's messages */
    {"... %u more ...", "……另有%u个……"},

    /* ---- planc template (template.c, cmd_template.c) */
    {"one of the texts", "以下文字之一"},
    {" (map %s)", "（文本映射 %s）"},
    {"; any other text is missing", "；其他文字读作缺失"},
    {"yes or no (是/否, 1/0)", "是或否（是/否、yes/no、1/0）"},
    {"a rating from 0 to 100 (the evaluator's score of a goal without a number)",
     "0到100的评分（评估方对没有数值的目标的评分）"},
    {"a number in %s", "以 %s 计的数字"},
    {" (70 or 70%% for seventy per cent, not 0.7)", "（百分之七十写 70 或 70%%，不写 0.7）"},
    {"%s: the region, as the rules name it (or an alias)\n", "%s: 地区，按规则中的名称（或别名）\n"},
    {"%s: the year, four digits (2024; 2024年 is read as 2024 too); the plan's baseline year is %d, "
     "the first it judges %d (a trend also reads the year before)\n",
     "%s: 年份，四位数字（写 2024；写成 2024年 也按 2024 读取）；规划的基期年为%d年，从%d年起判定（逐年下降等趋势目标还读取上一年）\n"},
    {"; indicator %s", "；指标 %s"},
    {"; several rows per region and year are combined (%s)", "；同一地区同一年的多行合并计算（%s）"},
    {"; a column per year (%d to %d)", "；每年一列（%d–%d年）"},
    {"; only for", "；仅用于"},
    {"%u columns the rules read for these regions; an empty cell is a missing number\n",
     "规则对这些地区读取%u列；空单元格即数据缺失\n"},
    {"%u column the rules read for these regions; an empty cell is a missing number\n",
     "规则对这些地区读取%u列；空单元格即数据缺失\n"},
    {"a number as measured, one per row (the indicator counts the rows, or takes the share of them that meet the "
     "comparison)",
     "按实测填写的数字，每行一个（指标统计行数，或其中符合比较条件的行所占比例）"},
    {"planc: error: '%s' is a regional group: planc makes its rows from its members', the data has none\n",
     "planc: 错误：“%s”是区域组：其数据行由 planc 按成员地区生成，数据中没有它的行\n"},
    {"planc: error: the rules read a column per year; give the years with --years A-B\n",
     "planc: 错误：规则按每年一列读取数据；请用 --years 给出年份（如 --years 2019-2024）\n"},
    /* ---- reading a data file that is not UTF-8 (table.c) */
    {"header field %ld: ", "表头第%ld个字段："},
    {"column '%s': ", "列“%s”："},
    {"field %ld: ", "第%ld个字段："},
    {"%sNUL byte in the data (the file must be UTF-8 text)", "%s数据中有 NUL 字节（文件须为 UTF-8 文本）"},
    {"%sNUL character in the data (--encoding %s): the file must be text",
     "%s数据中有 NUL 字符（--encoding %s）：文件须为文本"},
    {"%sinvalid UTF-8 (byte 0x%02X); the data must be UTF-8", "%s无效的 UTF-8 字节 0x%02X；数据须为 UTF-8 编码"},
    {"note: the file looks UTF-16 encoded; save it as UTF-8, or convert it: "
     "iconv -f UTF-16 -t UTF-8 %s > %s\n",
     "附注：该文件似为 UTF-16 编码；请另存为 UTF-8，或转换：iconv -f UTF-16 -t UTF-8 %s > %s\n"},
    {"note: the file looks GBK (GB18030) encoded, as Excel's \"CSV\" on a "
     "Chinese Windows is; save it as \"CSV UTF-8\", or convert it: "
     "iconv -f GB18030 -t UTF-8 %s > %s\n",
     "附注：该文件似为 GBK（GB18030）编码（中文 Windows 上 Excel 另存的“CSV”即是）；请另存为“CSV UTF-8”，"
     "或转换：iconv -f GB18030 -t UTF-8 %s > %s\n"},
    {"note: the file looks UTF-16 encoded; read it as it is with --encoding UTF-16, save it as UTF-8, "
     "or convert it: iconv -f UTF-16 -t UTF-8 %s > %s\n",
     "附注：该文件似为 UTF-16 编码；可用 --encoding UTF-16 直接读取，或另存为 UTF-8，"
     "或转换：iconv -f UTF-16 -t UTF-8 %s > %s\n"},
    {"note: the file looks GBK (GB18030) encoded, as Excel's \"CSV\" on a Chinese Windows is; read it as it "
     "is with --encoding GB18030, save it as \"CSV UTF-8\", or convert it: iconv -f GB18030 -t UTF-8 %s > %s\n",
     "附注：该文件似为 GBK（GB18030）编码（中文 Windows 上 Excel 另存的“CSV”即是）；可用 --encoding GB18030 "
     "直接读取，或另存为“CSV UTF-8”，或转换：iconv -f GB18030 -t UTF-8 %s > %s\n"},
    /* ---- a data file in another encoding (--encoding, textconv.c) */
    {"%sbyte 0x%02X is no %s text (--encoding %s); is the file in another encoding?",
     "%s字节 0x%02X 不是 %s 编码的文本（--encoding %s）；该文件是否为其他编码？"},
    {"note: the file was read as %s (--encoding %s), as its rows of regions the rules declare are; read as %s, its "
     "region '%s' is '%s': the file holds text in two encodings (files joined, saved as %s and as %s?): convert each "
     "part to UTF-8 before joining them\n",
     "附注：此文件按 %s 编码读取（--encoding %s），规则中地区的各行即按此读出；若按 %s 编码读取，其地区“%s”即“%s”："
     "该文件含两种编码的文字（合并的几个文件分别存为 %s 和 %s？）：请先把各部分都转为 UTF-8 再合并\n"},
    {"note: the file was read as %s (--encoding %s); read as %s, its region '%s' is '%s', a region of the rules: "
     "if the file is in %s, read it with --encoding %s\n",
     "附注：此文件按 %s 编码读取（--encoding %s）；若按 %s 编码读取，其地区“%s”即规则中的地区“%s”：如文件为 %s "
     "编码，请用 '--encoding %s' 读取\n"},
    {"%s:%u: note: the file was read as %s (--encoding %s); read as %s, its header's field '%s' is '%s', a column "
     "the rules read: if the file is in %s, read it with --encoding %s\n",
     "%s:%u: 附注：此文件按 %s 编码读取（--encoding %s）；若按 %s 编码读取，其表头字段“%s”即规则读取的列“%s”：如文件为 "
     "%s 编码，请用 '--encoding %s' 读取\n"},
    {"%s:%u: note: --encoding %s names no byte order, and a file without a byte order mark is then read in the "
     "one the system chooses: name it, --encoding %sBE (big-endian) or --encoding %sLE (little-endian)\n",
     "%s:%u: 附注：--encoding %s 未指明字节序，没有字节序标记的文件将按系统选定的字节序读取：请指明字节序，"
     "用 '--encoding %sBE'（大端序）或 '--encoding %sLE'（小端序）\n"},
    {"%sinvalid UTF-8 (byte 0x%02X): the file is read as UTF-8, not %s, since its first text beyond ASCII (line %u) "
     "is UTF-8",
     "%s无效的 UTF-8 字节 0x%02X：该文件不按 %s 而按 UTF-8 读取，因为它第一处多字节文字（第%u行）是 UTF-8 编码"},
    {"%s:%u: note: the file holds text in two encodings (files joined, saved as UTF-8 and as %s?): convert each "
     "part to UTF-8 before joining them (iconv -f %s -t UTF-8)\n",
     "%s:%u: 附注：该文件含两种编码的文字（合并的几个文件分别存为 UTF-8 和 %s？）：请先把各部分都转为 UTF-8 再合并（iconv -f %s -t UTF-8）\n"},
    {"%sthe file ends inside a %s character (byte 0x%02X, --encoding %s): is it cut short, or in another encoding?",
     "%s文件在一个 %s 编码的字符中间结束（字节 0x%02X，--encoding %s）：文件是否不完整，或为其他编码？"},
    {"planc: error: unknown encoding '%s'\n", "planc: 错误：未知的编码 '%s'\n"},
    /* ---- planc template --check (template.c) */
    {"%s:%u: error: a row of %s, which the file is not for (--region)\n",
     "%s:%u: 错误：%s 的数据行不应在该文件中（该文件只给 --region 所指的地区）\n"},
    {"error: column '%s' (indicator %s) is not in the header; the rules read it for ",
     "错误：表头中没有列“%s”（指标 %s）；规则对以下地区读取该列："},
    {"note: add the column '%s' to the header, as the blank file 'planc template' writes has it, and its values to "
     "the rows of those regions\n",
     "附注：请在表头中加上列“%s”（'planc template' 写出的空白表中有此列），并在这些地区的数据行中填写其数值\n"},
    {"column '%s': '%s' is neither a number nor one of the column's texts",
     "列“%s”：“%s”既不是数字，也不是该列可填的文本"},
    {"note: did you mean '%s'? (the column's texts are matched exactly, case included)\n",
     "附注：是否应为“%s”？（该列的文本按原样匹配，区分大小写）\n"},
    {"note: did you mean '%s'? (the column's texts are matched exactly, and the cell writes some of its characters in "
     "another form of the same look, such as 'III' for the one character 'Ⅲ', or a full-width 'Ａ' for 'A')\n",
     "附注：是否应为“%s”？（该列的文本按原样匹配，而该单元格中有的字符换了一种外形相同的写法，"
     "如以三个拉丁字母代替一个罗马数字字符“Ⅲ”、以全角字母代替半角字母）\n"},
    {"%s: note: standard input can be read only once, and a file of one region's rows that lacks the columns only "
     "other regions need is read twice (first to learn its regions): give the file by its name (--data FILE), or "
     "--allow-missing-columns to read the absent columns as missing cells\n",
     "%s: 附注：标准输入只能读取一次，而缺少仅其他地区所需列的单地区文件要读取两次（先读出其地区）："
     "请以文件名给出该文件（'--data FILE'），或用 '--allow-missing-columns' 把缺少的列读作缺失的单元格\n"},
    {"%s: note: column '%s' is empty (a missing number) for ", "%s: 附注：列“%s”为空（数据缺失）："},
    {"%s: note: rating columns (0 to 100, the evaluator's scores of goals without a number) with empty cells: ",
     "%s: 附注：有空单元格的评分列（0到100，评估方对没有数值的目标的评分）："},
    {"%s: error: no row of %s for %d\n", "%s: 错误：没有 %s %d年的数据行\n"},
    {"%s: ok: %zu row%s, %u column%s the rules read for these regions, empty cells (missing): %u\n",
     "%s: 无误：%zu行%.0s，规则对这些地区读取%u列%.0s，%u个单元格为空（数据缺失）\n"},
    {"%s: problems found: %u\n", "%s: 发现%u个问题\n"},
    {"%s: problems found: %u error%s, %u warning%s (above)\n", "%s: 发现问题：%u个错误%.0s、%u个警告%.0s（见上）\n"},
    /* ---- a yearbook's cells (table.c) */
    {"note: '%s' is the year %d with a mark after it; a year cell is read whole, so write %d (a mark such as "
     "初步, provisional, may go in a column of its own, which planc does not read)\n",
     "附注：“%s”是%d年后带标记；年份单元格按整格读取，请写 %d（“初步”等标记可另起一列，planc 不读取该列）\n"},
    {"column '%s': malformed yes/no value '%s' (expected 1/0, yes/no, true/false or 是/否)",
     "列“%s”：“%s”不是是/否值（应为 '1/0'、'yes/no'、'true/false' 或 '是/否'）"},
    {"column '%s': year '%s' is out of range (1..%d)", "列“%s”：年份“%s”超出范围（1–%d）"},
    {"note: '%s' names the whole of a region below %s, not a region: write that region's name in its rows "
     "(such as %s, as the rules declare it), and leave out the rows of the regions below it, which the rules "
     "do not read\n",
     "附注：“%s”指%s下某一地区的全体，不是一个地区：在这些行中写该地区的名称（如“%s”，按规则中的名称），"
     "并删去其下级地区（区、县）的行，规则不读取它们\n"},
    {"row has %zu field%s, the header has %zu", "该行有%zu个字段%.0s，表头有%zu个（一行的字段数须与表头相同，没有的数据留空）"},
    /* ---- several data files' warnings named by the file they are about (table.c, the driver) */
    {"planc: warning: %s has no row in %s in any of the files that have its rows (%s), though it has rows before "
     "and after: it has no results then, the year's ranking and the shares and averages over its level leave it "
     "out, and the totals that count it are missing\n",
     "planc: 警告：%s在有其数据行的各数据文件中都缺少%s年的数据行（%s；前后年份都有）：该年没有评估结果，不参加该年排名，"
     "同级地区的占比和平均值不计入，包含它的合计为缺失\n"},
    {"planc: warning: %zu more region has no row in a year, though it has rows before and after (its rows are in "
     "%s)\n",
     "planc: 警告：另有%zu个地区缺少前后年份之间某年的数据行（其数据行在 %s）\n"},
    {"planc: warning: %zu more regions have no row in a year, though they have rows before and after (their rows "
     "are in %s)\n",
     "planc: 警告：另有%zu个地区缺少前后年份之间某年的数据行（其数据行在 %s）\n"},
    {"planc: warning: %s has no row in any of the files (%s), though most regions of its level have: it has no "
     "results, the ranking and the shares and averages over its level leave it out, and the totals that count it "
     "are missing\n",
     "planc: 警告：%s在各数据文件（%s）中都没有数据行（同级地区大多有）：没有评估结果，不参加排名，"
     "同级地区的占比和平均值不计入，包含它的合计为缺失\n"},
    {"planc: warning: %zu more region has no row in any of the files (%s), though most regions of its level have\n",
     "planc: 警告：另有%zu个地区在各数据文件（%s）中都没有数据行（同级地区大多有）\n"},
    {"planc: warning: %zu more regions have no row in any of the files (%s), though most regions of their level "
     "have\n",
     "planc: 警告：另有%zu个地区在各数据文件（%s）中都没有数据行（同级地区大多有）\n"},
    /* ---- the only region of its level without a row of its own (table.c warn_absent_sole_region) */
    {"%s: warning: %s, the only region of level %s, has no row of its own in the data: the target '%s', which "
     "reads its own data, is not_applicable on each of the rows planc added for it\n",
     "%s: 警告：%s是%s层级唯一的地区，数据中却没有它本级的数据行：读取其本级数据的目标“%s”在系统为它补出的每一行都不适用\n"},
    {"%s: warning: %s, the only region of level %s, has no row of its own in the data: '%s' and the %u other "
     "targets that read its own data are not_applicable on each of the rows planc added for it\n",
     "%s: 警告：%s是%s层级唯一的地区，数据中却没有它本级的数据行：“%s”及另外%u个读取其本级数据的目标在系统为它补出的每一行都不适用\n"},
    {"%s: warning: %s, the only region of level %s, has no row in the data: the target '%s', which reads its own "
     "data, has no results for it\n",
     "%s: 警告：%s是%s层级唯一的地区，数据中却没有它的数据行：读取其本级数据的目标“%s”对它没有评估结果\n"},
    {"%s: warning: %s, the only region of level %s, has no row in the data: '%s' and the %u other targets that "
     "read its own data have no results for it\n",
     "%s: 警告：%s是%s层级唯一的地区，数据中却没有它的数据行：“%s”及另外%u个读取其本级数据的目标对它没有评估结果\n"},
    {"%s: warning: %s, the only region of level %s, has no row of its own in the data: '%s' and one other target "
     "that reads its own data are not_applicable on each of the rows planc added for it\n",
     "%s: 警告：%s是%s层级唯一的地区，数据中却没有它本级的数据行：“%s”及另外1个读取其本级数据的目标在系统为它补出的每一行都不适用\n"},
    {"%s: warning: %s, the only region of level %s, has no row in the data: '%s' and one other target that reads "
     "its own data have no results for it\n",
     "%s: 警告：%s是%s层级唯一的地区，数据中却没有它的数据行：“%s”及另外1个读取其本级数据的目标对它没有评估结果\n"},
    {"  hint: add %s's own rows to the data; or judge it from the regions below it ('total(%s, X)', 'share(%s, ...)'); "
     "or scope the targets meant for them 'for %s'\n",
     "  提示：在数据中补上%s本级的数据行；或用下级地区的数据评估它（'total(%s, X)'、'share(%s, ...)'）；"
     "或给只对下级地区适用的目标加上适用范围（'for %s'）\n"},
    {"  hint: add %s's own rows to the data\n", "  提示：在数据中补上%s本级的数据行\n"},
    {"planc: warning: no rows to score in any of the files (%s)\n", "planc: 警告：各数据文件（%s）中都没有可以评分的数据行\n"},
    /* ---- a city bureau's file with its districts' and counties' rows (table.c) */
    {"note: rows of regions the rules do not declare (such as '%s') are errors, and planc cannot tell "
     "what such a region is: the file's rows of declared regions are all %s's, so one may be a district "
     "or county within %s, whose rows are to be deleted (the rules read the whole city's row, a total row "
     "such as 全市合计 with %s in the region column), or a misspelt name, to be written as the rules name it; "
     "%s skips such rows instead\n",
     "附注：规则未声明的地区（如“%s”）的数据行会报错，无法判断这类地区是什么：文件中已声明地区的行都是"
     "%s的，因此它可能是%s下辖的区、县，其行应删去（规则读取全市的数据行，如全市合计行，地区列写“%s"
     "”），也可能是名称写错，应按规则中的名称填写；也可用 %s 跳过这些行\n"},
    {"note: rows of regions the rules do not declare (such as '%s') are errors, and planc cannot tell "
     "what such a region is: one may be a district or county within a city, whose rows are to be deleted "
     "for the whole city's row (a total row such as 全市合计, with the city's name in the region column as "
     "the rules declare their cities, such as %s), or a misspelt name, to be written as the rules name "
     "it; %s skips such rows instead\n",
     "附注：规则未声明的地区（如“%s”）的数据行会报错，无法判断这类地区是什么：它可能是某市下辖的区、县"
     "，其行应删去，改为给出全市的数据行（如全市合计行，地区列按规则中声明的市名填写，如“%s”），也可能"
     "是名称写错，应按规则中的名称填写；也可用 %s 跳过这些行\n"},
    /* ---- compare --year A --against-year B (one year's rows against another's; store.c, the driver) */
    {"run %lld (%s): %d → %d\n", "评估 %lld（%s）：%d年 → %d年\n"},
    {"run %lld (%s), %d → run %lld (%s), %d\n", "评估 %lld（%s）%d年 → 评估 %lld（%s）%d年\n"},
    {"  %s %d → %d %s", "  %s %d年 → %d年 %s"},
    {"run %lld, %d", "评估 %lld 的%d年"},
    {"only in %s: %lld row\n", "仅见于%s：%lld行\n"},
    {"only in %s: %lld rows\n", "仅见于%s：%lld行\n"},
    {"    vetoed: %s, a veto target, failed: the grade is the last band whatever the total\n",
     "    一票否决：一票否决目标“%s”未达标，无论总分高低均评为最低等级\n"},
    {"    veto lifted: %s, a veto target, failed before and no longer does: the grade follows the total\n",
     "    解除一票否决：一票否决目标“%s”此前未达标，现已不是未达标，等级按总分评定\n"},
    {"    vetoed: %s, veto targets, failed: the grade is the last band whatever the total\n",
     "    一票否决：一票否决目标“%s”未达标，无论总分高低均评为最低等级\n"},
    {"    veto lifted: %s, veto targets, failed before and no longer do: the grade follows the total\n",
     "    解除一票否决：一票否决目标“%s”此前未达标，现已不是未达标，等级按总分评定\n"},
    {"    veto targets changed: %s → %s, failed: the grade is the last band whatever the total\n",
     "    一票否决目标已变：未达标的由“%s”变为“%s”，无论总分高低均评为最低等级\n"},
    {"  %s: %lld row in %s, none in %s\n", "  %s：%lld行（%s），%s没有这个地区的结果\n"},
    {"  %s: %lld rows in %s, none in %s\n", "  %s：%lld行（%s），%s没有这个地区的结果\n"},
    {"  ... and %lld more regions, none in %s\n", "  ……另有%lld个地区，%s没有它们的结果\n"},
    {"  ... and %lld more region, none in %s\n", "  ……另有%lld个地区，%s没有它的结果\n"},
    {"planc: error: %s: run %lld has no row of the year %d (its years: %s)\n",
     "planc: 错误：%s：评估 %lld 没有%d年的结果（它有的年份：%s）\n"},
    {"planc: error: %s: run %lld has no row of the year %d (it has no rows)\n",
     "planc: 错误：%s：评估 %lld 没有%d年的结果（它没有结果行）\n"},
    {"option '%s' needs --against-year (the year of RUN_B, or of the one RUN, to set beside it)",
     "选项 '%s' 需要 --against-year（与它对照的第二次评估的年份；只给一次评估时为该评估的另一个年份）"},
    {"option '%s' needs --year (the year of RUN_A, or of the one RUN, to set beside it)",
     "选项 '%s' 需要 --year（与它对照的第一次评估的年份；只给一次评估时为该评估的另一个年份）"},
    {"--year and --against-year are the same year, %s: they name two years to pair (the same year of two runs "
     "is what 'planc compare DB RUN_A RUN_B' pairs, without them)",
     "--year 和 --against-year 是同一年 %s：它们指定要对照的两个年份（两次评估的同一年份由不带这两个选项的 "
     "'planc compare DB RUN_A RUN_B' 对照）"},
    {"RUN_A and RUN_B are the same run, %s: name two runs to compare (one run's two years are compared with "
     "--year A --against-year B)",
     "要比较的两次评估是同一次，即评估 %s：请指定两次不同的评估（同一次评估的两个年份用 "
     "'--year A --against-year B' 比较）"},
    /* ---- several files each with only its own regions' columns (table.c) */
    {"column '%s' (indicator %s) is not in the header, and the rules read it for this file's rows of %s",
     "表头中没有列“%s”（指标 %s），而规则读取本文件中%s的数据行时需要它"},
    {"column '%s' is not in the header, and the rules read it for this file's rows of %s",
     "表头中没有列“%s”，而规则读取本文件中%s的数据行时需要它"},
    {"%s:%u: note: the file's rows of %s need none of these columns: if its rows of %s belong in another file, "
     "delete them here\n",
     "%s:%u: 附注：本文件中%s的数据行不需要这些列；如果%s的数据行应在另一个文件中，请从本文件删去\n"},

    /* ---- planc template --check of a file of many regions, or of none (template.c) */
    {" and %u more regions", "及另外%u个地区"},
    {" and %u more region", "及另外%u个地区"},
    {"%s: error: the file has no rows, only its header\n", "%s: 错误：文件只有表头，没有数据行\n"},
    {"%s: error: no row of %s\n", "%s: 错误：没有 %s 的数据行\n"},
    {"%s: error: %zu more rows of regions the file is not for (--region)\n",
     "%s: 错误：另有%zu行其他地区的数据行，该文件不是它们的（--region）\n"},
    {"%s: error: %zu more row of a region the file is not for (--region)\n",
     "%s: 错误：另有%zu行其他地区的数据行，该文件不是它们的（--region）\n"},
    {"planc: error: the rules read a column per year, named with the year in four digits: give years from 1000 on "
     "(--years %d-%d)\n",
     "planc: 错误：规则按年份分列读取数据，列名中的年份为四位数：请给出 1000 年及以后的年份（--years %d-%d）\n"},
    /* ---- planc verify of a device's name (verify.c) */
    {"a device, not a file", "是设备，不是文件"},
    {"not verified: each of the %zu files checked is the run's, but the rules' hash they make is not the one the run "
     "recorded\n",
     "核验未通过：所核对的 %zu 个文件均为该评估所用，但由它们得出的规则哈希值与该评估记录的不同\n"},

    /* ---- --set NAME=VALUE, a values indicator set on the command line (the driver) */
    {"%stoo many --set values (at most 64)", "%s--set 值过多（最多64个）"},
    {"write --set NAME=VALUE: NAME an indicator given by 'values { ... }' in the rules, VALUE a constant as a "
     "row of its table writes it (PM25目标=30, PM25目标=30 [μg/m^3], 达标率目标=80%%); or NAME a period of the "
     "plan, VALUE its years (考核期=2016..2020)",
     "写作 --set 名称=值：名称是规则中由 'values { ... }' 给出的指标，值是一个常量，写法同其表中的一行"
     "（'PM25目标=30'、'PM25目标=30 [μg/m^3]'、'达标率目标=80%%'）；或者名称是规划的一个时期，值是其起止年份"
     "（'考核期=2016..2020'）"},
    {"no period '%s' in the plan for --set to change", "规划中没有可由 --set 更改的时期“%s”"},
    {"the plan's periods: %s", "规划的时期：%s"},
    {"the plan declares no periods", "规划没有声明时期"},
    {"'--set NAME=FROM..TO' gives the years of a period of the plan's 'periods'; '--set NAME=VALUE' the value "
     "of an indicator given by 'values { ... }'",
     "'--set 名称=起..止' 给出规划 'periods' 中一个时期的起止年份；'--set 名称=值' 给出由 'values { ... }' "
     "给出的指标的值"},
    {"--set gives period '%s' twice", "--set 两次给出时期“%s”"},
    {"period '%s' would end in %d, after the plan's horizon %d: a deadline 'by %s' must be no later",
     "时期“%s”将于%d年结束，晚于规划期末（%d年）：期限 'by %s' 不得晚于规划期末"},
    {"period '%s' would end in %d, not after the plan's baseline %d: a deadline 'by %s' must come after it",
     "时期“%s”将于%d年结束，不晚于规划的基期%d年：期限 'by %s' 须在基期之后"},
    {"'%s' is a period: give its years, as the plan does ('%s=%d..%d')",
     "“%s”是一个时期：按规划中的写法给出其起止年份（'%s=%d..%d'）"},
    {"an override that keeps the indicator's unit writes no ':' (which gives a new unit): 'override indicator "
     "%s, %s ...'",
     "只改列名等属性、不改单位的改写不写 ':'（':' 之后是新的单位）：'override indicator %s, %s ...'"},
    {"options", "选项"},
    {" (the run's options: give them again to score these files again)",
     "（该评估的选项：重新评分这些文件时照样给出）"},
    {"'%s' is an indicator, not a period: give it one value ('%s=35')",
     "“%s”是指标，不是时期：给出一个值（'%s=35'）"},
    {"no indicator '%s' in the rules for --set to change", "规则中没有可由 --set 更改的指标“%s”"},
    {"--set changes an indicator given by 'values { ... }': %s", "--set 更改由 'values { ... }' 给出的指标：%s"},
    {"--set changes an indicator given by 'values { ... }', and the rules have none: write the goal to vary as "
     "one ('indicator NAME : UNIT, values { else = 35 }', and the target '<= NAME')",
     "--set 更改由 'values { ... }' 给出的指标，而规则中没有这样的指标：把要变动的目标值写成一个"
     "（'indicator 名称 : 单位, values { else = 35 }'，目标写作 '<= 名称'）"},
    {"--set cannot change indicator '%s': it is %s, not given by 'values { ... }'",
     "--set 不能更改指标“%s”：它是%s，不是由 'values { ... }' 给出的"},
    {"a formula", "公式"},
    {"read from the data", "从数据读取的"},
    {"--set gives indicator '%s' twice", "--set 两次给出指标“%s”"},
    {"--set names an indicator by its name alone: write '%s'", "--set 只用指标的名称（不带模块名）：写作“%s”"},
    {"it is given here first", "此处第一次给出"},
    /* ---- compare --format json */
    {"--lang is for the text comparison: %s keeps English keys and codes for programs",
     "--lang 用于文本比较：%s 为程序保留英文键名和代码"},
    /* ---- small limits (template's years and keys, --check's missing years, a database not a file,
     * explain of a --set value) */
    {"--years '%s' has its years reversed: give the earlier year first (2019-2024, not 2024-2019)",
     "--years '%s' 的年份顺序颠倒：请先写较早的年份（2019-2024，而不是 2024-2019）"},
    {"planc: note: the file has only its keys (%s, %s): no target reads a data column on the rows of these "
     "regions\n",
     "planc: 附注：文件只有键列（%s、%s）：没有目标在这些地区的行上读取数据列\n"},
    {"planc: note: the file has only its keys (%s, %s): the rules declare no region, and the data's columns are "
     "read on a region's rows\n",
     "planc: 附注：文件只有键列（%s、%s）：规则没有声明任何地区，而数据列是在某个地区的行上读取的\n"},
    {"%s: error: %u more regions without a row\n", "%s: 错误：另有%u个地区没有数据行\n"},
    {"%s: error: %u more region without a row\n", "%s: 错误：另有%u个地区没有数据行\n"},
    {"%s: error: %u more region without a row for a year of --years\n",
     "%s: 错误：另有%u个地区缺少 --years 中某些年份的数据行\n"},
    {"%s: error: %u more regions without a row for a year of --years\n",
     "%s: 错误：另有%u个地区缺少 --years 中某些年份的数据行\n"},
    {"planc: error: cannot open '%s': it is %s, not a file (a results database is a regular file)\n",
     "planc: 错误：无法打开“%s”：它是%s，不是文件（结果数据库是普通文件）\n"},
    {"a named pipe (FIFO)", "命名管道"},
    {"a device", "设备"},
    {"a socket", "套接字"},
    {"a special file", "特殊文件"},
    /* ---- main, twenty-second session: a list of places cut short */
    {"%s (and %zu more)", "%s及另外%zu个"},
    /* ---- restore: planc restore (runtime/restore.c): a run's rules given back */
    {"cannot read the run's rules texts", "无法读取该次评估的规则文本"},
    {"reading rules", "读取规则"},
    {"planc: error: run %lld's %s: its manifest does not list '%s' as file %zu (the database was changed after "
     "the run)\n",
     "planc: 错误：评估 %1$lld 的%2$s：其清单第%4$zu个文件不是“%3$s”（评估之后数据库被改动过）\n"},
    {"planc: error: run %lld's %s: the text of '%s' is not the one the run read (its SHA-256 %s, the run's "
     "%.64s): the database was changed after the run\n",
     "planc: 错误：评估 %lld 的%s：“%s”的文本不是该次评估所读的（其哈希值为 %s，评估记录的为 %.64s）："
     "评估之后数据库被改动过\n"},
    {"planc: error: run %lld's %s: planc will not write a file named '%s' (a control character, or no file "
     "name)\n",
     "planc: 错误：评估 %lld 的%s：planc 不会写出名为“%s”的文件（含控制字符，或没有文件名）\n"},
    {"planc: error: run %lld's %s: its manifest lists more files than the history keeps texts of (the "
     "database was changed after the run)\n",
     "planc: 错误：评估 %lld 的%s：其清单所列文件多于历史库保存的文本（评估之后数据库被改动过）\n"},
    {"planc: error: run %lld's %s: their manifest is not the one the run hashed (its SHA-256 %s, the run's "
     "%s): the database was changed after the run\n",
     "planc: 错误：评估 %lld 的%s：其清单不是该次评估计算哈希值时的清单（其哈希值为 %s，评估记录的为 %s）："
     "评估之后数据库被改动过\n"},
    {"planc: error: run %lld read two different files as '%s' (the database was changed after the run)\n",
     "planc: 错误：评估 %lld 以“%s”读取了两个不同的文件（评估之后数据库被改动过）\n"},
    {"planc: error: run %lld's files '%s' and '%s' cannot both be written: one names the other's "
     "directory\n",
     "planc: 错误：评估 %lld 的文件“%s”和“%s”无法同时写出：一个的名称是另一个所在的目录\n"},
    {"planc: error: %s exists and is not an empty directory: restore writes a new directory (give a name that "
     "does not exist)\n",
     "planc: 错误：%s 已存在且不是空目录：还原时写出的是新目录（请给出一个尚不存在的名称）\n"},
    {"planc: error: cannot make a directory beside %s: %s\n", "planc: 错误：无法在 %s 旁建立目录：%s\n"},
    {"planc: error: cannot write %s/%s: %s\n", "planc: 错误：无法写入 %s/%s：%s\n"},
    {"planc: error: run %lld keeps no rules texts: it was recorded by planc %s, before the history kept them "
     "(schema version 6); only their SHA-256 is known ('planc verify' checks files against it)\n",
     "planc: 错误：评估 %lld 没有保存规则文本：它由 planc %s 记入，当时历史库尚未保存规则文本（结构第6版之前）；"
     "只知道其哈希值（可用 'planc verify' 按它核对文件）\n"},
    {"planc: warning: run %lld keeps no texts of the rules %s was read with (--read-with %s; recorded by "
     "planc %s, before the history kept them, schema version 9): only their SHA-256 is known\n",
     "planc: 警告：评估 %lld 没有保存读取 %s 所用规则的文本（--read-with %s；由 planc %s 记入，当时历史库"
     "尚未保存这些文本，结构第9版之前）：只知道其哈希值\n"},
    {"restored the rules of run %lld (recorded %s by planc %s) into %s:\n",
     "已把评估 %lld（%s 由 planc %s 记入）的规则还原到 %s：\n"},
    {"the rules given to planc run", "传给 'planc run' 的规则"},
    {"imported", "导入的文件"},
    {"the rules %s was read with", "读取 %s 所用的规则"},
    {"imported by the rules %s was read with", "读取 %s 所用的规则导入的文件"},
    {"Each file's SHA-256, and their manifest's, are those the run recorded.\n",
     "每个文件及其清单的哈希值都与该次评估记录的一致。\n"},
    {"The rules import files from %d directories above the one planc run was started in, whose names the "
     "history does not keep: that directory is %s/%s.\n",
     "规则导入了运行 'planc run' 时所在目录往上%d层目录中的文件，历史库没有保存这些目录的名称：该目录"
     "还原为 %s/%s。\n"},
    {"To check them against the run: ", "按该次评估核对这些文件："},
    {"unexpected argument '%s' (a database, a run and a directory)",
     "多余的参数“%s”（应给出数据库、评估和目录）"},
    {"%sa database, a run and the directory to write are needed", "%s需要给出数据库、评估和要写入的目录"},
    {"planc: error: cannot write the list of files restored: %s\n", "planc: 错误：无法写出已还原文件的清单：%s\n"},
    /* ---- keep only (`keep KIND names` in an adaptation: import.c, sema.c) */
    {"keep", "保留"},
    {"cannot drop %s: this file keeps it", "无法删除%s：本文件保留了它"},
    {"it is kept here", "此处保留了它"},
    {"leave it out of the 'keep %s' list to drop it", "要删除它，请把它从 'keep %s' 的清单中去掉"},
    {"dropping %s drops %s, which this file keeps", "删除%s会一并删除%s，而本文件保留了它"},
    {"'drop regions' drops every region of the base, but this file keeps %s",
     "'drop regions' 删除基础规则的全部地区，但本文件保留了%s"},
    {"'keep region' drops the base's other regions already: leave out 'drop regions'",
     "'keep region' 已删除基础规则的其余地区：请去掉 'drop regions'"},
    {"a second 'keep %s': one 'keep' lists every %s the plan keeps",
     "第二条 'keep %s'：一条 'keep' 列出本规划保留的全部%s"},
    {"the first 'keep %s' is here", "第一条 'keep %s' 在此处"},
    {"add these names to that list", "请把这些名称加入那条清单"},
    {"%s is listed twice", "%s列出了两次"},
    {"it is listed here first", "此处首次列出它"},
    {"'keep %s' keeps every %s of the base: it drops nothing",
     "'keep %s' 保留了基础规则的全部%s：它不删除任何内容"},
    {"'keep %s' leaves out %s: add it to that list to keep it",
     "'keep %s' 没有保留%s：要保留它，请把它加入那条清单"},
    {"cannot %s %s: 'keep %s' leaves it out", "无法%s%s：'keep %s' 没有保留它"},
    {"this 'keep' drops every %s of the base it does not list", "这条 'keep' 删除基础规则中它未列出的全部%s"},
    {"it is dropped already: leave out this 'drop'", "它已被删除：请去掉这条 'drop'"},
    {"add it to the 'keep %s' list to change it", "要改动它，请把它加入 'keep %s' 的清单"},
    {"'keep indicator' leaves out indicator '%s', but %s still uses it",
     "'keep indicator' 没有保留指标“%s”，但%s仍在使用它"},
    {"'keep indicator' leaves out indicator '%s', but %u items still use it",
     "'keep indicator' 没有保留指标“%s”，但仍有%u项使用它"},
    {"add '%s' to the 'keep indicator' list, or drop or override what uses it",
     "请把“%s”加入 'keep indicator' 的清单，或删除、改写使用它的各项"},
    {"a 'keep' statement names the kind of item it keeps first, at the start of a line: "
     "'keep target|measure|section|region|indicator|agency NAMES'",
     "'keep' 语句写在行首，先写所保留对象的种类：'keep target|measure|section|region|indicator|agency 名称'"},
    {"this 'keep' drops nothing until every name it lists is the base's",
     "在所列名称都是基础规则中的名称之前，这条 'keep' 不删除任何内容"},
    {"'keep target' leaves %u measure%s of the base with no target: %s",
     "'keep target' 使基础规则的%u项措施%.0s没有任何目标：%s"},
    {"such a measure is scored on nothing; keep a target of it, or leave it out with 'keep measure'",
     "这样的措施没有可评估的内容；请保留它的一个目标，或用 'keep measure' 不保留它"},
    {"'keep measure' leaves %u section%s of the base with no measure: %s",
     "'keep measure' 使基础规则的%u个章节%.0s没有任何措施：%s"},
    {"such a section is scored on nothing; keep a measure of it, or leave it out with 'keep section'",
     "这样的章节没有可评估的内容；请保留它的一项措施，或用 'keep section' 不保留它"},
    {"%s was dropped here: this 'keep' lists the items of its kind that stay",
     "此处删除了%s：这条 'keep' 列出同类中留下的各项"},
    /* ---- warnings left out or made errors (-w, --warnings-as-errors) */
    {"%s-w leaves out the warnings that --warnings-as-errors makes errors: give one of the two",
     "%s'-w' 会略去 --warnings-as-errors 要当作错误的警告：两者只能给一个"},
    {"%u warning treated as an error (--warnings-as-errors)", "%u个警告按错误处理（--warnings-as-errors）"},
    {"%u warnings treated as errors (--warnings-as-errors)", "%u个警告按错误处理（--warnings-as-errors）"},

    /* ---- the language of the environment (PLANC_LANG, the locale) */
    {"unknown language '%s' in PLANC_LANG (available: en, zh)",
     "'PLANC_LANG' 中未知的语言 '%s'（可用：'en'、'zh'）"},
    {"planc: note: the workbook is in English: give --lang zh for its words in Chinese (a document's language is "
     "--lang's, not the locale's)\n",
     "planc: 附注：工作簿为英文；加 '--lang zh' 可写出中文工作簿（报告的语言只由 --lang 决定，不随终端的语言环境）\n"},
    {"planc: note: the page is in English: give --lang zh for its words in Chinese (a document's language is "
     "--lang's, not the locale's)\n",
     "planc: 附注：网页为英文；加 '--lang zh' 可写出中文网页（报告的语言只由 --lang 决定，不随终端的语言环境）\n"},
    /* ---- internal errors (diag_internal and the runtime's): the
     * sentence in Chinese; a detail of LLVM's, the C compiler's or of the
     * program's insides stays as written, the technical tail of a bug
     * report */
    {"planc: internal error: %s: ", "planc: 内部错误（请报告此问题）：%s："},
    {"planc: internal error: out of memory\n", "planc: 内部错误：内存不足\n"},
    {"planc: internal error: allocation of %zu bytes\n", "planc: 内部错误（请报告此问题）：分配 %zu 字节\n"},
    {"planc: internal error: the scoring program is malformed\n", "planc: 内部错误（请报告此问题）：评分程序有误\n"},
    {"planc: internal error: the scoring program cannot be streamed\n",
     "planc: 内部错误（请报告此问题）：评分程序无法逐地区流式评分\n"},
    {"planc: internal error: region %u has parent %d\n", "planc: 内部错误（请报告此问题）：评分程序中地区 %u 的上级为 %d\n"},
    {"planc: internal error: region %u is in group %u\n", "planc: 内部错误（请报告此问题）：评分程序中地区 %u 属于分组 %u\n"},
    {"planc: internal error: scope %u names region %u\n",
     "planc: 内部错误（请报告此问题）：评分程序中适用范围 %u 指向地区 %u\n"},
    {"planc: internal error: input %u is out of range\n", "planc: 内部错误（请报告此问题）：评分程序中输入 %u 超出范围\n"},
    {"out of memory", "内存不足"},
    {"LLVM has no code generator for this host", "LLVM 没有本机的代码生成器"},
    {"cannot create a target machine for %s (%s)", "无法为 %s（%s）创建目标机器"},
    {"no target for %s: %s", "LLVM 没有 %s 的目标：%s"},
    {"optimising: %s", "优化时出错：%s"},
    {"looking up '%s': not found", "查找 '%s'：未找到"},
    {"looking up '%.*s': not found", "查找 '%.*s'：未找到"},
    {"the program is malformed: it cannot be split into segments", "评分程序有误：无法分段"},
    {"the scoring program is malformed: it cannot be split into segments", "评分程序有误：无法分段"},
    {"input %u of the program is not one planc build can compute", "程序的输入 %u 不是 'planc build' 能计算的"},
    {"step %u is a barrier (%s) planc build does not implement", "第 %u 步是 'planc build' 未实现的屏障（%s）"},
    {"region %u has an out-of-range parent or level", "地区 %u 的上级或层级超出范围"},
    {"region %u names an out-of-range group or member", "地区 %u 指向超出范围的分组或成员"},
    {"scope %u names region %u", "适用范围 %u 指向地区 %u"},
    {"target %u belongs to no measure", "目标 %u 不属于任何措施"},
    {"the C compiler '%s' failed (%s %d) linking the library:", "C 编译器 '%s' 链接库时失败（%s %d）："},
    {"signal", "信号"},
    {"exit status", "退出状态"},
    /* ---- pieces of the rules' messages a Chinese run still met in
     * English (two words in a row: tests/zh-english.sh's threshold is
     * three) */
    {"a region", "地区"},
    {"an agency", "单位"},
    {"section '%s'", "章节“%s”"},
    {"target '%s'", "目标“%s”"},
    /* ---- the progress line (runtime/progress.c) */
    {"\rplanc: read %zu rows", "\rplanc: 已读取%zu行"},
    {", scored %zu of %zu (%zu%%)", "，已评分%zu行，共%zu行（%zu%%）"},
    {", %s rows/s", "，每秒%s行"},
    /* ---- a county analyst's first plan (sema.c) */
    {"'%s' is how the reports show level '%s'; the rules name the level '%s' ('for %s', 'share(%s, ...)')",
     "“%s”是报告中层级 '%s' 的显示文字；规则中该层级写作 '%s'（'for %s'、'share(%s, ...)'）"},
    {"'%s' is how the Chinese reports show level '%s'; the rules name the level '%s' ('for %s', 'share(%s, ...)')",
     "“%s”是中文报告中层级 '%s' 的显示文字；规则中该层级写作 '%s'（'for %s'、'share(%s, ...)'）"},
    {"'%s' is written '%s', a unit planc knows without a declaration ('indicator NAME : %s, ...'; a goal '%s')",
     "“%s”写作 '%s'，是 planc 无须声明即认识的计量单位（'indicator 名称 : %s, ...'；目标值如 '%s'）"},
    {"the horizon is the last year a deadline may name: if the plan looks ahead to %d, write 'horizon %d' in the "
     "plan block",
     "规划期末是期限所能写的最后一年：规划展望到%d年时，在规划块中写 'horizon %d'"},
    {"the values of column '%s' that %s '%s' reads look written in %s, while the column is read in %s (a factor of "
     "%s): the largest, %s, is %s %s against the goal %s %s (line %u of %s)",
     "列“%s”中%s“%s”读取的数值似按 %s 填写，而该列按 %s 读取（相差 %s 倍）：最大的 %s 读作 %s %s，目标值为 %s %s"
     "（第%u行，%s）"},
    {"if the cells are in %s, read them so: 'column \"%s\" in %s' on indicator %s; else convert them into %s",
     "单元格若以 %s 计，就按它读取：'column \"%s\" in %s'（写在指标 %s 上）；否则把单元格换算为以 %s 计的数"},
    {"the target's text counts from %d ('%s'), but baseline(%s) reads the plan's baseline year %d",
     "目标原文从%d年算起（“%s”），而 'baseline(%s)' 读取的是规划的基期年%d年"},
    {"to count from %d, read that year: 'at(%s, %d)' (the data then needs a row of %d)",
     "要从%d年算起，就读取该年：'at(%s, %d)'（数据须有%d年的行）"},
    /* (parser.y) */
    {"a function takes one year or a period's name: 'cumulative(x, 2024)' adds up the years from 2024 to the "
     "row's; a range of years is a period, declared in the plan block ('periods 考核期 = 2024..2027') and named "
     "('cumulative(x, 考核期)')",
     "函数的年份参数是一个年份或时期名：'cumulative(x, 2024)' 从2024年累加到该行的年份；年份范围是时期，"
     "在规划块中声明（'periods 考核期 = 2024..2027'）后写时期名（'cumulative(x, 考核期)'）"},
    {"a range of years 'A..B' is written only in the plan block's periods ('periods 十四五 = 2021..2025') and "
     "after 'in' in a values row ('甲 = 36 in 2023..2025'); a deadline is one year or a period's name ('by 2027', "
     "'by 十四五')",
     "年份范围 'A..B' 只写在规划块的时期中（'periods 十四五 = 2021..2025'）和规则给定值一行的 'in' 之后"
     "（'甲 = 36 in 2023..2025'）；期限是一个年份或时期名（'by 2027'、'by 十四五'）"},
    /* (datawarn.c) */
    {"%s '%s' has no baseline value for %s: column '%s' is empty in %d and has values later; until its deadline "
     "(%d) it is missing in every year it is not met, since its trajectory starts from the baseline value",
     "%s“%s”在%s没有基期值：列“%s”%d年为空，其后各年有数值；进度轨迹从基期值出发，到期限（%d年）以前，"
     "未达标的年份都是数据缺失"},
    {"fill the %d cells, or give the target a baseline of its own, the first year with data: 'baseline %d' after "
     "its goals",
     "请补上%d年的数值，或给该目标设定自己的基期年，即有数据的第一年：在目标值之后写 'baseline %d'"},
    /* (table.c) */
    {"%s:%u: note: field %ld '%s' is headed with the name of indicator %s, whose cells the rules read from column "
     "'%s': rename the field to '%s', or write 'column \"%s\"' on the indicator\n",
     "%s:%u: 附注：第%ld个字段“%s”以指标 %s 的名称为列名，规则从列“%s”读取该指标的数据：把表头中的这一列改名为“%s”，"
     "或在指标上写 'column \"%s\"'\n"},
    /* ---- the errors in rules checked with a period --set gave other years (the driver) */
    {"the rules were checked with period '%s' as --set gives it, %d..%d (the plan gives %d..%d)",
     "规则是按 --set 给出的时期“%s”（%d–%d年）检查的（规划给出的是 %d–%d年）"},

    /* ---- several files give a region's columns together (table.c) */
    {"%s:%u: note: no other file with rows of %s has the column either: %s\n",
     "%s:%u: 附注：其他有%s数据行的文件也都没有该列：%s\n"},
    {"%s:%u: note: with several data files, a column the rules read for a region must be in the header of one of "
     "the files with rows of that region (the header 'planc template RULES --region R' writes has them all); "
     "--allow-missing-columns reads a missing one as missing cells\n",
     "%s:%u: 附注：使用多个数据文件时，规则读取某地区数据所需的列，须在有该地区数据行的某一个文件的表头中（'planc "
     "template 规则文件 --region 地区' 写出的表头包含全部这些列）；--allow-missing-columns 把缺少的列读作缺失的单元格\n"},
    /* ---- a results database's name too long for SQLite's journal beside it (store.c) */
    {"planc: error: %s: cannot record a run: the file name is %zu bytes long, and SQLite names files beside the database by adding up to %zu bytes to it ('%s'), beyond the 255 bytes a file name may have: give a name of at most %zu bytes\n",
     "planc: 错误：%s：无法记录评估：文件名长 %zu 字节，SQLite 在数据库旁写的文件的名字要在它后面加上至多 %zu 字节（'%s'），超出文件名最多 255 字节的限制：请用不超过 %zu 字节的文件名\n"},
    /* ---- --set of an indicator an override made a column or a formula (the driver) */
    {"the override here makes '%s' %s", "此处的改写使“%s”成为%s"},

    /* ---- a county plan's newcomer leftovers (the driver) */
    {"%s has no row in %s: the %u targets that cover only it are not_applicable on every row of the data: %s",
     "%s在 %s 中没有数据行：只适用于它的%u项目标对数据的每一行都不适用：%s"},
    {"%s has no row of its own in %s (planc adds rows for share targets only): the %u targets that cover only it "
     "are not_applicable on every row of the data: %s",
     "%s在 %s 中没有本级的数据行（planc 只为读取下级地区的目标补入数据行）：只适用于它的%u项目标对数据的每一行都不适用：%s"},
    {"%s have no row in %s: the %u targets that cover only them are not_applicable on every row of the data: %s",
     "%s在 %s 中没有数据行：只适用于它们的%u项目标对数据的每一行都不适用：%s"},
    {"%s have no row of their own in %s (planc adds rows for share targets only): the %u targets that cover only "
     "them are not_applicable on every row of the data: %s",
     "%s在 %s 中没有本级的数据行（planc 只为读取下级地区的目标补入数据行）：只适用于它们的%u项目标对数据的每一行都不适用：%s"},
    {"%s%s%s = %s%s counts as %s", "%s%s%s = %s%s 按 %s 计"},
    {"%u weights are written with a unit, and weights are relative numbers: the unit scales each (%s)",
     "%u个权重带了单位，而权重是相对的数：单位对每个权重都作了换算（%s）"},
    {"write the numbers alone (19.3%% of the total is weight 19.3 beside the others)",
     "请只写数字（占总数的19.3%% 即与其他权重并列的权重 19.3）"},
    {"the sections' weights, written in %%, add up to %s%%, not 100%%: each section counts for its weight's share "
     "of %s%% (%s counts for %s%% of the total, not %s%%)",
     "各章节的权重以 %% 写出，合计 %s%%，不是 100%%：每个章节按其权重占 %s%% 的比例计入总分（%s占总分的 %s%%，不是 %s%%）"},
    {"correct the weights so that they add up to 100%%, if they are meant as shares of the total",
     "如果这些权重是占总分的比例，请改正使其合计为 100%%"},
    {"%s in %ld%s: nothing accumulated yet (the sum starts in %ld) = 0", "%s，%ld年%s：尚未开始累计（自%ld年起累计）= 0"},
    {"'lead' is given twice in this measure; name every lead agency in one list ('lead A, B')",
     "同一措施中 'lead' 写了两次；请把所有牵头单位写在一个列表中（'lead 甲, 乙'）"},
    {"the first 'lead' is here", "第一个 'lead' 在此"},

    /* ---- data in Excel workbooks, --data FILE.xlsx[#SHEET] (xlsx_read.c, table.c) */
    {"%s: error: the workbook's part '%s' declares a document type, which no Excel workbook has; it is not read\n",
     "%s: 错误：工作簿的部件“%s”声明了文档类型，而 Excel 工作簿都没有文档类型；不予读取\n"},
    {"%s: error: the workbook is damaged: its part '%s' is missing\n",
     "%s: 错误：工作簿已损坏：缺少部件“%s”\n"},
    {"%s: error: the workbook is damaged or truncated: its part '%s' cannot be unpacked\n",
     "%s: 错误：工作簿已损坏或不完整：部件“%s”无法解压\n"},
    {"%s: error: the workbook's part '%s' unpacks to more than %zu MiB, the most planc reads of one part\n",
     "%s: 错误：工作簿的部件“%s”解压后超过 %zu MiB，超出 planc 对单个部件读取的上限\n"},
    {"%s: error: the workbook's part '%s' unpacks to more than %d times its packed size, as a zip bomb does and no "
     "sheet's XML does\n",
     "%s: 错误：工作簿的部件“%s”解压后超过压缩大小的 %d 倍，这是“zip 炸弹”的特征，工作表的 XML 不会如此\n"},
    {"%s: error: the workbook is damaged: its part '%s' is not well-formed XML (line %lu: '%s')\n",
     "%s: 错误：工作簿已损坏：部件“%s”不是格式正确的 XML（第 %lu 行：'%s'）\n"},
    {"%s: error: the workbook's part '%s' has a tag longer than %d MiB, which no Excel workbook has\n",
     "%s: 错误：工作簿的部件“%s”中有超过 %d MiB 的标记，Excel 工作簿不会有这样的标记\n"},
    {"%s: error: the workbook's part '%s' nests elements deeper than %d, which no Excel workbook does\n",
     "%s: 错误：工作簿的部件“%s”中元素嵌套超过 %d 层，Excel 工作簿不会这样嵌套\n"},
    {"%s: error: the workbook has more than %zu shared strings, the most planc reads\n",
     "%s: 错误：工作簿的共享字符串超过 %zu 个，超出 planc 读取的上限\n"},
    {"%s: error: the workbook's shared strings hold more than %zu MiB of text, the most planc reads\n",
     "%s: 错误：工作簿的共享字符串超过 %zu MiB，超出 planc 读取的上限\n"},
    {"%s:%lu: error: cell %s: %s", "%s:%lu: 错误：单元格 %s：%s"},
    {"%s: error: the sheet makes more than %zu MiB of text, the most planc reads of a sheet\n",
     "%s: 错误：该工作表的内容超过 %zu MiB，超出 planc 对一个工作表读取的上限\n"},
    {"the cell holds a formula without its computed value (the program that wrote the workbook did not calculate "
     "it): open the workbook in Excel or LibreOffice and save it again\n",
     "单元格中的公式没有计算结果（写出该工作簿的程序未计算公式）：请在 Excel 或 LibreOffice 中打开工作簿并重新保存\n"},
    {"the cell refers to shared string '%s', but the workbook has %zu\n",
     "单元格引用第“%s”个共享字符串，但工作簿只有 %zu 个\n"},
    {"the cell holds more than %lu characters, the most an Excel cell holds\n",
     "单元格超过 %lu 个字符，超出 Excel 单元格的上限\n"},
    {"%s: error: the sheet has a row numbered '%s', past Excel's last row (%lu)\n",
     "%s: 错误：工作表中有行号为“%s”的行，超出 Excel 的最后一行（%lu）\n"},
    {"%s: error: the workbook is damaged: row %lu of the sheet comes after row %lu\n",
     "%s: 错误：工作簿已损坏：工作表的第 %lu 行出现在第 %lu 行之后\n"},
    {"%s:%lu: error: the cell reference '%s' is malformed or past Excel's last column (XFD)\n",
     "%s:%lu: 错误：单元格引用“%s”格式有误或超出 Excel 的最后一列（XFD）\n"},
    {"%s:%lu: error: the workbook is damaged: cell %s%lu comes after cell %s%lu\n",
     "%s:%lu: 错误：工作簿已损坏：单元格 %s%lu 出现在单元格 %s%lu 之后\n"},
    {"%s: error: the workbook is damaged or truncated: it is no zip archive planc can open\n",
     "%s: 错误：工作簿已损坏或不完整：planc 无法将其作为 zip 压缩包打开\n"},
    {"%s: error: the workbook has no sheet\n", "%s: 错误：工作簿中没有工作表\n"},
    {"%s: error: the workbook has no sheet named '%s'; its sheets: %s\n",
     "%s: 错误：工作簿中没有名为“%s”的工作表；其工作表为：%s\n"},
    {"%s: error: the workbook is damaged: sheet '%s' has no part\n",
     "%s: 错误：工作簿已损坏：工作表“%s”没有对应的部件\n"},
    {"%s: error: sheet '%s' is no worksheet (a chart or dialog sheet): it has no cells to read\n",
     "%s: 错误：“%s”不是普通工作表（是图表或对话框工作表）：没有可读取的单元格\n"},
    {"%s:%lu: note: cell %s%lu is formatted as a date, so it reads as the date it shows, %s; the number it holds "
     "is %s, a year typed into a cell formatted as a date: format the column's cells as General (常规) or Number\n",
     "%s:%lu: 附注：单元格 %s%lu 设置为日期格式，因此按其显示的日期 %s 读取；单元格中的数是 %s，是输入到日期格式单元格中的年份：请把该列单元格的格式设为“常规”或“数值”\n"},
    {"%s:%lu: note: cell %s%lu is formatted as a date, so it reads as the date it shows, %s (the number it holds "
     "is %s): a column the rules read as numbers is to be formatted as General (常规) or Number\n",
     "%s:%lu: 附注：单元格 %s%lu 设置为日期格式，因此按其显示的日期 %s 读取（单元格中的数是 %s）：规则作为数字读取的列，其单元格格式应设为“常规”或“数值”\n"},
    {"%s: error: the workbook is larger than %zu MiB, the most planc reads of one; save its data as CSV UTF-8\n",
     "%s: 错误：工作簿超过 %zu MiB，超出 planc 读取的上限；请把数据另存为“CSV UTF-8”\n"},
    {"%s: error: the file is an Excel 97-2003 workbook (.xls), which planc does not read; save it as an Excel "
     "Workbook (.xlsx) or as CSV UTF-8\n",
     "%s: 错误：该文件是 Excel 97-2003 工作簿（.xls），planc 不读取这种格式；请另存为“Excel 工作簿（.xlsx）”或“CSV UTF-8”\n"},
    {"%s: error: the file is no Excel workbook (.xlsx is a zip archive, and its first bytes are not a zip "
     "archive's); a CSV file is read under a name that does not end in .xlsx%s\n",
     "%s: 错误：该文件不是 Excel 工作簿（.xlsx 是 zip 压缩包，而该文件开头不是 zip 压缩包）；CSV 文件请以不以 .xlsx 结尾的文件名读取%s\n"},
    {", without '#SHEET'", "，不带 '#工作表'"},
    /* ---- a file given to template --check twice (the driver) */
    {"the file '%s' is given to --check twice (by this name or another): each file is read once",
     "文件 '%s' 两次给了 --check（用同一名称或另一名称）：每个文件只读取一次"},

    /* ---- known limits left by 0.15.0 (parser.y, sema.c, the driver, table.c) */
    {"'%s' is given twice in this measure; the two lists are joined: name the agencies in one list ('%s A, B')",
     "同一措施中 '%s' 写了两次；两个列表已合并：请把这些单位写在一个列表中（'%s 甲, 乙'）"},
    {"the first '%s' is here", "第一个 '%s' 在此"},
    {"agency '%s' is named in this measure's '%s' list and again in its '%s' list; it counts once, in '%s'",
     "单位“%s”已写在本措施的 '%s' 列表中，又写在 '%s' 列表中；只计一次，计在 '%s' 中"},
    {"agency '%s' is named twice in this measure's '%s' list; it counts once",
     "单位“%s”在本措施的 '%s' 列表中写了两次；只计一次"},
    {"'%s' is first named here", "“%s”第一次写在此处"},
    {"the values of column '%s' that %s '%s' reads look written in %s, while the column is read in %s (a factor of "
     "%s): the largest, %s, is %s %s against its goal on that row, %s = %s %s (line %u of %s)",
     "列“%s”中%s“%s”读取的数值似按 %s 填写，而该列按 %s 读取（相差 %s 倍）：最大的 %s 读作 %s %s，该行的目标值 %s 为 %s %s"
     "（第%u行，%s）"},
    {"the weights of the measures of %s, written in %%, add up to %s%%, not 100%%: each measure counts for its "
     "weight's share of %s%% (%s counts for %s%% of the section's score, not %s%%)",
     "%s各措施的权重以 %% 写出，合计 %s%%，不是 100%%：每个措施按其权重占 %s%% 的比例计入章节得分（%s占章节得分的 %s%%，不是 %s%%）"},
    {"correct the weights so that they add up to 100%%, if they are meant as shares of the section's score",
     "如果这些权重是占章节得分的比例，请改正使其合计为 100%%"},
    {"the weights of the targets of %s, written in %%, add up to %s%%, not 100%%: each target counts for its "
     "weight's share of %s%% (%s counts for %s%% of the measure's score, not %s%%)",
     "%s各目标的权重以 %% 写出，合计 %s%%，不是 100%%：每个目标按其权重占 %s%% 的比例计入措施得分（%s占措施得分的 %s%%，不是 %s%%）"},
    {"correct the weights so that they add up to 100%%, if they are meant as shares of the measure's score",
     "如果这些权重是占措施得分的比例，请改正使其合计为 100%%"},
    {"%s '%s' is another of them", "%s“%s”也是其中之一"},
    {"and %u more of them, named above", "其余%u项见上文所列"},

    /* ---- a workbook whose sheets came out cut short in $TMPDIR (report_xlsx.c) */
    {"planc: error: cannot write the workbook's scratch files in '%s'%s: a sheet came out shorter than its rows "
     "(the disk is full, or the file size limit, ulimit -f, was reached)\n",
     "planc: 错误：无法在 '%s'%s 中写入工作簿的临时文件：有一个工作表写出后比其中的行短（磁盘已满，或已达到文件大小上限 'ulimit -f'）\n"},
    /* ---- damaged workbooks the fuzzer made (xlsx_read.c) */
    {"%s:%lu: error: the workbook is damaged: row %lu of the sheet begins inside row %lu\n",
     "%s:%lu: 错误：工作簿已损坏：工作表的第 %lu 行出现在第 %lu 行之内\n"},

    /* ---- planc template -o NAME.xlsx, the blank workbook (runtime/template_xlsx.c) */
    {"notes", "说明"},
    {"What each column of sheet '%s' holds (planc template --list)",
     "工作表 '%s' 各列应填写的内容（'planc template --list'）"},
    {"planc: error: the blank file has %zu rows and %u columns, more than an Excel sheet holds (%d rows, %d "
     "columns): write it as CSV (-o NAME.csv)\n",
     "planc: 错误：空表有 %zu 行、%u 列，超出 Excel 工作表的容量（%d 行、%d 列）：请写成 CSV（'-o 名称.csv'）\n"},
    {"the blank workbook is written as .xlsx, not as a macro workbook: name it .xlsx or .csv ('%s')",
     "空白工作簿以 .xlsx 格式写出，不是启用宏的工作簿：请以 .xlsx 或 .csv 命名（'%s'）"},

    /* ---- the cache's bounds (compiler/cache.c); the copy kept before a schema upgrade (runtime/store.c) */
    {"planc: warning: ignoring PLANC_CACHE_MAX='%s' (not a size such as 500M or 2G; 0: no bound); the cache is kept "
     "under 100M\n",
     "planc: 警告：忽略 'PLANC_CACHE_MAX' 的值 '%s'（应为 '500M'、'2G' 这样的大小；0 表示不限）；缓存保持在 '100M' 以内\n"},
    {"planc: warning: ignoring PLANC_CACHE_DAYS='%s' (not a number of days; 0: no bound); entries unused for 30 days "
     "are removed\n",
     "planc: 警告：忽略 'PLANC_CACHE_DAYS' 的值 '%s'（应为天数；0 表示不限）；30 天未用的缓存项将被删除\n"},
    {"planc: error: %s: not upgraded from schema version %lld to %d: cannot keep a copy of it first in '%s': %s "
     "(nothing was changed: make room, or make its directory writable)\n",
     "planc: 错误：%s：未从数据库结构第%lld版升级到第%d版：无法先在 '%s' 保留它的副本：%s（数据库未作任何改动：请腾出空间，"
     "或使其所在目录可写）\n"},
    {"planc: note: %s: its schema is upgraded from version %lld to %d; the database as it was is kept in '%s' (for an "
     "older planc; remove it when no longer needed)\n",
     "planc: 附注：%s：其数据库结构已从第%lld版升级到第%d版；升级前的数据库保留在 '%s'（供旧版 planc 使用；不再需要时可删除）\n"},

    /* ---- a title merged above a sheet's header (table.c) */
    {"%s:%u: note: only the first cell of this row is filled ('%s'): a title above the table (merged across the "
     "columns)? The sheet's first row must be the header naming the columns: delete the rows above it in the "
     "sheet, or copy the table from its header down into a sheet of its own\n",
     "%s:%u: 附注：这一行只有第一格有文字（“%s”）：是表格上方（跨列合并）的标题吗？工作表的第一行必须是列名所在的表头："
     "请在工作表中删除表头上方的行，或将表格从表头起复制到一个单独的工作表中\n"},
    /* ---- a sheet named but for the case of its letters (xlsx_read.c) */
    {"%s: error: the workbook has no sheet named '%s' as written, and %zu whose names differ from it in case "
     "only: %s; name one as it is written\n",
     "%s: 错误：工作簿中没有与“%s”写法完全相同的工作表，而有 %zu 个名称仅大小写不同的工作表：%s；请按其原样写出其中一个的名称\n"},

    /* ---- named warnings (-Wno-NAME, -WNAME, -Werror=NAME; compiler/warnings.c) */
    {"planc: unknown warning '%s': did you mean '%.*s%s'? ('planc help warnings' lists them)\n",
     "planc: 未知的警告 '%s'：是不是想写 '%.*s%s'？（'planc help warnings' 列出全部警告）\n"},
    {"unknown warning '%s' ('planc help warnings' lists them)",
     "未知的警告 '%s'（'planc help warnings' 列出全部警告）"},
    {"-w leaves out the warnings that %s makes errors: give one of the two",
     "'-w' 会略去 %s 要当作错误的警告：两者只能给一个"},
    {"%u warning treated as an error (%s)", "%u个警告按错误处理（%s）"},
    {"%u warnings treated as errors (%s)", "%u个警告按错误处理（%s）"},

    /* ---- the template workbook finished (runtime/template.c, template_xlsx.c, the driver) */
    {", which reads it as ", "，读作"},
    {"This column takes %s; leave the cell empty, or write NA, when the value is missing.",
     "此列填写%s；数值缺失时留空或写 'NA'。"},
    {"Check the cell", "请检查此单元格"},
    {"--list writes text, not a workbook ('%s'): the blank workbook (-o NAME.xlsx without --list) holds the list on "
     "its second sheet; write the list as text (-o NAME.txt)",
     "--list 写出的是文本，不是工作簿（'%s'）：空白工作簿（'-o 名称.xlsx'，不加 --list）的第二个工作表就是逐列说明；"
     "逐列说明请写成文本（'-o 名称.txt'）"},
    {" (the full stop '。' is not a decimal point: write '.')", "（句号“。”不是小数点：请写 '.'）"},
    {" (a full-width comma '，' is not read in a number: leave it out, or write ',' between groups of three digits)",
     "（数字中不能有全角逗号“，”：去掉它，或改用半角逗号 ',' 作千位分隔）"},
    {" (a space between digits is not read in a number: leave it out)", "（数字的各位之间不能有空格：去掉空格）"},
    /* ---- an `allow` of the rules (grammar/parser.y, compiler/diag.c) */
    {"'allow %s' accepts no warning here", "'allow %s' 在此处没有接受任何警告"},
    {"remove the name from the 'allow' if what it was written for is fixed",
     "如果当初写它所针对的问题已经改正，请从 'allow' 中删去这个名称"},
    {"no warning is named '%s'", "没有名为“%s”的警告"},
    {"'planc help warnings' lists the warnings", "'planc help warnings' 列出全部警告"},
    {"'%s' is a warning about the data or the run, which an 'allow' of the rules cannot accept",
     "“%s”是关于数据或运行的警告，规则中的 'allow' 不能接受它"},
    {"turn it off for a run with -Wno-%s; an 'allow' accepts the warnings about the rules that 'planc check' gives",
     "运行时可用 '-Wno-%s' 关闭它；'allow' 接受的是 'planc check' 给出的关于规则的警告"},
    {"a warning's name is written without spaces", "警告名称中不能有空格"},
    {"an 'allow' names the warning it accepts: write 'allow %s' (-Wno-%s is the command line's way to turn it off)",
     "'allow' 后写它接受的警告的名称：请写 'allow %s'（'-Wno-%s' 是命令行上关闭该警告的写法）"},


    /* ---- several outputs (cmd_run.c outs_twice) */
    {"the output '%s' is standard output (-o -) under another name: each file is written once (-o)",
     "输出文件 '%s' 就是另一个名称下的标准输出（--output -）：每个文件只写一次（--output）"},

    /* ---- one column read in two units (compiler/sema.c); the template's drop-downs */
    {"column \"%s\" is read in '%s' here but in '%s' by '%s': a cell is in one unit, so one of them reads it wrong",
     "列“%s”在此按“%s”读取，而按“%s”读取它的是“%s”：一个单元格只有一种单位，两者必有一个读错"},
    {"'%s' reads it in '%s' here", "“%s”在此按“%s”读取它"},
    {"Only the first %d columns of sheet '%s' have a note on their header cell (many notes make a workbook slow to "
     "write and to open): this list says what each column holds.",
     "工作表“%2$s”只有前 %1$d 列的表头单元格带批注（批注过多会使工作簿写出和打开都很慢）：各列填写什么见本说明。"},

    /* ---- a workbook's data errors name the cell (runtime/table.c, xlsx_read.c) */

    /* ---- a workbook's data errors name the cell, a workbook's parts of one name (runtime/table.c, xlsx_read.c) */

    /* ---- a workbook's data errors name the cell, a workbook's parts of one name, a cell in another row than its reference's (runtime/table.c, xlsx_read.c) */
    {"cell %s: ", "单元格 %s："},
    {"%s: error: the workbook is damaged: it holds two parts named '%s' (a workbook's zip archive names each part "
     "once)\n",
     "%s: 错误：工作簿已损坏：其中有两个名为 '%s' 的部件（工作簿的 zip 压缩包中每个部件只有一个）\n"},
    {"%s:%lu: error: the workbook is damaged: row %lu of the sheet holds a cell referred to as '%s', a cell of row "
     "%lu\n",
     "%s:%lu: 错误：工作簿已损坏：工作表第%lu行中有一个单元格的引用是 '%s'，即第%lu行的单元格\n"},

    /* ---- one region's file alone, without the columns only other regions need (runtime/table.c) */
    {"%s:%u: note: only regions this file has no row of need the columns above (a file of one region's rows, as "
     "'planc template --region' writes it, has only that region's columns): give the other regions' files too "
     "(--data A --data B) to score them\n",
     "%s:%u: 附注：只有本文件中没有数据行的地区才需要上述各列（只含一个地区数据行的文件，如 'planc template --region' "
     "写出的，只有该地区所需的列）：要评估那些地区，请同时给出它们的文件（'--data A --data B'）\n"},

    /* ---- the city's cells and template --check's last line (table.c, template.c, the driver) */
    {" (a year in Chinese numerals is not read: write %ld)", "（年份不能用汉字数字书写：请写 %ld）"},
    {"%s: no errors, %u warning%s (above): %zu row%s, %u column%s the rules read for these regions, empty cells "
     "(missing): %u\n",
     "%s: 没有错误，但有%u个警告%.0s（见上，报送前请改正）：%zu行%.0s，规则对这些地区读取%u列%.0s，%u个单元格为空（数据缺失）\n"},
    {"note: did you mean '%s'? ('%s' begins with it: write the region as the rules name it, %s, as the blank file "
     "from planc template has it (the cell is read whole: nothing after the name))\n",
     "附注：是否应为“%s”？（“%s”以它开头：地区请按规则中的名称写作“%s”，与下发的空白表中的写法相同；"
     "单元格按整格读取，名称后不要加标注）\n"},
    {"note: rows of regions the rules do not declare (such as '%s') are errors: write each region as the rules "
     "name it (or an alias), as the blank file from planc template has it, and leave out the rows of regions the "
     "file is not for\n",
     "附注：规则中没有的地区（如“%s”）的行是错误：地区请按规则中的名称（或别名）填写，与下发的空白表中的写法"
     "相同；不是本文件所报地区的行请删去\n"},
    {"note: rows of regions the rules do not declare (such as '%s') are errors, and planc cannot tell "
     "what such a region is: the file's rows of declared regions are all %s's, so one may be a district "
     "or county within %s, whose rows are to be deleted (the rules read the whole city's row, a total row "
     "such as 全市合计 with %s in the region column), or a misspelt name, to be written as the rules name it\n",
     "附注：规则未声明的地区（如“%s”）的数据行会报错，无法判断这类地区是什么：文件中已声明地区的行都是"
     "%s的，因此它可能是%s下辖的区、县，其行应删去（规则读取全市的数据行，如全市合计行，地区列写“%s"
     "”），也可能是名称写错，应按规则中的名称填写\n"},
    {"note: rows of regions the rules do not declare (such as '%s') are errors, and planc cannot tell "
     "what such a region is: one may be a district or county within a city, whose rows are to be deleted "
     "for the whole city's row (a total row such as 全市合计, with the city's name in the region column as "
     "the rules declare their cities, such as %s), or a misspelt name, to be written as the rules name "
     "it\n",
     "附注：规则未声明的地区（如“%s”）的数据行会报错，无法判断这类地区是什么：它可能是某市下辖的区、县"
     "，其行应删去，改为给出全市的数据行（如全市合计行，地区列按规则中声明的市名填写，如“%s”），也可能"
     "是名称写错，应按规则中的名称填写\n"},
    /* ---- after-horizon: rows of years after the plan's horizon (table.c warn_after_horizon) */
    {"%s:%u: warning: a row of %s, after the plan's horizon %d: the plan sets no goals for it, and its targets "
     "are judged on the goals of their last deadlines as if those held on\n",
     "%s:%u: 警告：有%s年的数据行，在规划期末年 %d 之后：规划没有为该年设定目标，其目标按最后期限的目标值"
     "评判，视同该目标值继续有效\n"},
    {"%s:%u: warning: %zu rows of %s, after the plan's horizon %d (the first here): the plan sets no goals for "
     "them, and their targets are judged on the goals of their last deadlines as if those held on\n",
     "%s:%u: 警告：有%zu行%s年的数据，在规划期末年 %d 之后（第一行在此）：规划没有为这些年份设定目标，"
     "其目标按最后期限的目标值评判，视同该目标值继续有效\n"},
    {"%s:%u: warning: a row of %s, from the header's %s, after the plan's horizon %d: the plan sets no goals for "
     "it, and its targets are judged on the goals of their last deadlines as if those held on\n",
     "%s:%u: 警告：有%s年的数据行（来自表头的%s），在规划期末年 %d 之后：规划没有为该年设定目标，其目标按最后期限的"
     "目标值评判，视同该目标值继续有效\n"},
    {"%s:%u: warning: %zu rows of %s, from the header's %s, after the plan's horizon %d (the first on this line): "
     "the plan sets no goals for them, and their targets are judged on the goals of their last deadlines as if "
     "those held on\n",
     "%s:%u: 警告：有%zu行%s年的数据（来自表头的%s），在规划期末年 %d 之后（第一行在本行）：规划没有为这些年份设定"
     "目标，其目标按最后期限的目标值评判，视同该目标值继续有效\n"},
    {"columns '%s' to '%s'", "列“%s”至“%s”"},
    /* ---- last-year-missing: a region whose rows end before the data's last year (table.c warn_last_year) */
    {"planc: warning: %s has no row in %d, the data's last year, in any of the files that have its rows (%s), "
     "though most regions of its level have one (its rows end in %d): it has no results that year, and the year's "
     "ranking and the shares and averages over its level leave it out\n",
     "planc: 警告：%1$s在有其数据行的各数据文件中（%3$s）都缺少%2$d年（数据的最后一年）的数据行，而同级地区大多有"
     "（其数据行止于%4$d年）：该年没有评估结果，不参加该年排名，同级地区的占比和平均值不计入\n"},
    {"%s: warning: %s has no row in %d, the data's last year, though most regions of its level have one (its rows "
     "end in %d): it has no results that year, and the year's ranking and the shares and averages over its level "
     "leave it out\n",
     "%s: 警告：%s缺少%d年（数据的最后一年）的数据行，而同级地区大多有（其数据行止于%d年）：该年没有评估结果，"
     "不参加该年排名，同级地区的占比和平均值不计入\n"},
    {"%s: warning: %zu more region has no row in %d, the data's last year\n",
     "%s: 警告：另有%zu个地区缺少%d年（数据的最后一年）的数据行\n"},
    {"%s: warning: %zu more regions have no row in %d, the data's last year\n",
     "%s: 警告：另有%zu个地区缺少%d年（数据的最后一年）的数据行\n"},
    {"%s: note: a file of an earlier year sent again? %s's rows end in %d; its rows of %d are wanted\n",
     "%s: 附注：是否重复报送了往年的文件？%s的数据行止于%d年，需要其%d年的数据行\n"},
    /* ---- an option's value joined to it (--opt=value), `--` (compiler/cliopt.c) */
    {"option '%s' takes no value", "选项 '%s' 不带值"},

    /* ---- several files' disagreeing cells named in workbooks (runtime/table.c merge_part) */
    {"column '%s': %s differs from %s given for %s %d by %s:%u%s (two data files that give one region and year "
     "must agree on a column both have)\n",
     "列“%1$s”：%2$s 与 %6$s:%7$u%8$s 给出的%4$s %5$d年的 %3$s 不同（两个数据文件给出同一地区同一年时，"
     "双方都有的列的数值须相同）\n"},
    {", cell %s", "（单元格 %s）"},

    /* ---- a compound unit after 'unit' (grammar/parser.y's syntax hints) */
    {"a 'unit' declaration names one unit; a compound unit ('%s%s...') needs no declaration of its own: declare "
     "the units it is made of ('unit %s' and the others) and write the compound where it is used, or give it a "
     "name ('unit NAME = 1 %s%s...')",
     "'unit' 声明只声明一个计量单位；复合单位（'%s%s...'）不必另行声明：声明组成它的各个计量单位（'unit %s' 等），"
     "在用到处直接写复合单位；或给它一个名称（'unit NAME = 1 %s%s...'）"},
    /* ---- template --list, a column read in a year before the baseline (runtime/template.c) */
    {"; also read in %s, years before the baseline that a target reads",
     "；另需%s年的值（基期年之前、有目标读取的年份）"},

    /* ---- a unit of another dimension in a cell; template --check's year-mark, mark and map notes */
    {"note: column '%s' writes %.*s after its numbers (as '%s'), which is not a unit of the rules; a cell holds a "
     "number alone, in %s (indicator '%s'): convert the number into %s and write it alone\n",
     "附注：列“%s”在数字后写了“%.*s”（如“%s”），这不是规则中的计量单位；单元格只写数字，单位为 %s（指标“%s”）：请把数字换算为 %s，只写数字\n"},
    {"note: column '%s' writes %.*s after its numbers (as '%s'), which is not a unit of the rules; a cell holds a "
     "number alone, without a unit (indicator '%s'): write the number alone\n",
     "附注：列“%s”在数字后写了“%.*s”（如“%s”），这不是规则中的计量单位；单元格只写数字，不带单位（指标“%s”）：请只写数字\n"},
    {"note: column '%s' writes a unit after its numbers (as '%s'), but %.*s is not a unit of this column: the rules "
     "read it in %s (indicator '%s'), and %.*s does not convert into %s; check that the cell is in the right column, "
     "and write its number alone, in %s\n",
     "附注：列“%s”的数字后带有单位（如“%s”），但 %.*s 不是该列的单位：规则按 %s 读取该列（指标“%s”），%.*s "
     "不能换算为 %s；请核对该单元格是否填错了列，并只写以 %s 计的数字\n"},
    {"note: column '%s' writes a unit after its numbers (as '%s'), but %.*s is not a unit of this column: the rules "
     "read its numbers without a unit (indicator '%s'); check that the cell is in the right column, and write its "
     "number alone\n",
     "附注：列“%s”的数字后带有单位（如“%s”），但 %.*s 不是该列的单位：规则读取该列的数字时不带单位（指标“%s”）；"
     "请核对该单元格是否填错了列，并只写数字\n"},
    {"note: column '%s' writes a unit after its numbers (as '%s'); a cell holds a number alone, in %s: convert the "
     "column into %s (%.*s %.*s is %s %s: write %s)\n",
     "附注：列“%s”的数字后带有单位（如“%s”）；单元格中只能是以 %s 计的数字：请把该列换算为 %s"
     "（%.*s %.*s 即 %s %s：写 %s）\n"},
    {"note: '%s' is the year %d with a mark after it; a year cell is read whole, so write %d, as the blank file from "
     "planc template has it (to say that the figures are provisional, tell the office you send the file to, or add "
     "a column of remarks after the others: it is not read)\n",
     "附注：“%s”是%d年后带标记；年份单元格按整格读取，请写 %d，与下发的空白表中的写法相同（如需说明数据为初步数，"
     "请告知收取本文件的部门，或在各列之后另加一列备注：该列不读取）\n"},
    {" holds no number, and a mark is not read as a missing value (yearbooks differ: no data, zero, or '…' for a "
     "number below the table's unit). If it marks a missing value, leave the cell empty (an empty cell is a missing "
     "number); if it stands for 0 or for a small number, write that number\n",
     "不是数字，这类符号不会被读作缺失（各年鉴用法不一：数据暂缺、为零，或“…”表示数字不足本表最小单位）。"
     "若表示缺失，请把该单元格留空（空单元格即数据缺失）；若表示0或某个很小的数，请写出该数\n"},
    {" hold no number, and a mark is not read as a missing value (yearbooks differ: no data, zero, or '…' for a "
     "number below the table's unit). If they mark missing values, leave those cells empty (an empty cell is a "
     "missing number); if one stands for 0 or for a small number, write that number\n",
     "不是数字，这类符号不会被读作缺失（各年鉴用法不一：数据暂缺、为零，或“…”表示数字不足本表最小单位）。"
     "若表示缺失，请把这些单元格留空（空单元格即数据缺失）；若表示0或某个很小的数，请写出该数\n"},
    {"note: column '%s' takes the texts ",
     "附注：列“%s”可填写的文本为"},
    {"; write one of them as it is (the blank workbook from planc template offers them in a drop-down list), or "
     "leave the cell empty when the value is missing\n",
     "；请照原样填写其中之一（下发的空白工作簿在下拉列表中列出了这些文本），数据缺失时单元格留空\n"},

    /* ---- compare's data files, one by one */
    {"%zu changed", "%zu个已变"},
    {"%zu added", "%zu个新增"},
    {"%zu dropped", "%zu个去除"},
    {"%zu renamed", "%zu个改名"},
    {"%zu read otherwise", "%zu个读取规则不同"},
    {"%zu same", "%zu个未变"},
    {"  data: same (%.12s), files %zu → %zu: %s\n", "  数据：未变（%.12s），文件 %zu个 → %zu个：%s\n"},
    {"  data: changed (%.12s → %.12s), files %zu → %zu: %s\n",
     "  数据：已变（%.12s → %.12s），文件 %zu个 → %zu个：%s\n"},
    {"    %s: changed (%.12s → %.12s)\n", "    %s：已变（%.12s → %.12s）\n"},
    {"    %s → %s: changed (%.12s → %.12s)\n", "    %s → %s：已变（%.12s → %.12s）\n"},
    {"    %s: added (%.12s, only in run %lld)\n", "    %s：新增（%.12s，仅见于评估 %lld）\n"},
    {"    %s: dropped (%.12s, only in run %lld)\n", "    %s：去除（%.12s，仅见于评估 %lld）\n"},
    {"    %s → %s: renamed, the same bytes (%.12s)\n", "    %s → %s：改名，内容未变（%.12s）\n"},
    {"    %s: the same bytes (%.12s), read otherwise\n", "    %s：内容未变（%.12s），读取规则不同\n"},
    {"      read with %s → %s\n", "      读取规则：%s → %s\n"},
    {"    and %zu more files (--format json lists them all)\n", "    另有%zu个文件（'--format json' 列出全部）\n"},
    {"    and %zu more file (--format json lists them all)\n", "    另有%zu个文件（'--format json' 列出全部）\n"},
    {"    run %lld: %s and %s have the same bytes (%.12s)\n", "    评估 %lld：%s 与 %s 内容相同（%.12s）\n"},
    {"planc: error: cannot create a scratch file for the comparison in '%s'%s: %s\n",
     "planc: 错误：无法在 '%s'%s 中创建比较结果的临时文件：%s\n"},
    {"planc: error: cannot write the comparison's scratch file in '%s'%s: %s (make room there, or give TMPDIR "
     "another directory)\n",
     "planc: 错误：无法写入 '%s'%s 中比较结果的临时文件：%s（请在那里腾出空间，或给 'TMPDIR' 另一个目录）\n"},
    /* ---- region-scale: one region's column in another unit than its level's (table.c warn_region_scale) */
    {"%s: warning: column '%s' (indicator %s): %s's numbers are about %s times smaller than those of the other "
     "regions of its level (its median %s, theirs %s): written in another unit?\n",
     "%s: 警告：列“%s”（指标%s）：%s的数值约为同层级其他地区的%s分之一（其中位数%s，其他地区%s）：是否使用了其他单位？\n"},
    {"%s: warning: column '%s' (indicator %s): %s's numbers are all at most 1, about %s times smaller than those "
     "of the other regions of its level (its median %s, theirs %s): shares written as fractions (0.65 for 65%%), or "
     "shares that small?\n",
     "%s: 警告：列“%s”（指标%s）：%s的数值都不超过1，约为同层级其他地区的%s分之一（其中位数%s，其他地区%s）："
     "是把百分比写成了小数（以0.65表示65%%），还是其占比确实这么小？\n"},
    {"%s: warning: column '%s' (indicator %s): %s's numbers are about %s times larger than those of the other "
     "regions of its level (its median %s, theirs %s): written in another unit?\n",
     "%s: 警告：列“%s”（指标%s）：%s的数值约为同层级其他地区的%s倍（其中位数%s，其他地区%s）：是否使用了其他单位？\n"},
    {"%s:%u: warning: column '%s' (indicator %s): %s's number of %s, %s, is about %s times smaller than those of "
     "its other years (median %s) and of the other regions of its level (%s): written in another unit?\n",
     "%s:%u: 警告：列“%s”（指标%s）：%s%s年的数值%s只有其他年份和同层级其他地区的约%s分之一（其他年份中位数%s，"
     "其他地区%s）：是否使用了其他单位？\n"},
    {"%s:%u: warning: column '%s' (indicator %s): %s's number of %s, %s, is about %s times larger than those of "
     "its other years (median %s) and of the other regions of its level (%s): written in another unit?\n",
     "%s:%u: 警告：列“%s”（指标%s）：%s%s年的数值%s约为其他年份和同层级其他地区的%s倍（其他年份中位数%s，"
     "其他地区%s）：是否使用了其他单位？\n"},
    {"%s:%u: warning: column '%s' (indicator %s): %s's numbers of %s (median %s) are about %s times smaller than "
     "those of its other years (median %s) and of the other regions of its level (%s): written in another unit?\n",
     "%s:%u: 警告：列“%s”（指标%s）：%s%s年的数值（中位数%s）只有其他年份和同层级其他地区的约%s分之一"
     "（其他年份中位数%s，其他地区%s）：是否使用了其他单位？\n"},
    {"%s:%u: warning: column '%s' (indicator %s): %s's numbers of %s (median %s) are about %s times larger than "
     "those of its other years (median %s) and of the other regions of its level (%s): written in another unit?\n",
     "%s:%u: 警告：列“%s”（指标%s）：%s%s年的数值（中位数%s）约为其他年份和同层级其他地区的%s倍"
     "（其他年份中位数%s，其他地区%s）：是否使用了其他单位？\n"},
    {"%s: warning: %zu more column of a region looks written in another unit\n",
     "%s: 警告：另有%zu处地区的列看起来使用了其他单位\n"},
    {"%s: warning: %zu more columns of regions look written in another unit\n",
     "%s: 警告：另有%zu处地区的列看起来使用了其他单位\n"},
    {"%s: note: ask %s's office which unit its numbers are in; if they are in another unit, convert them (divide "
     "by %s) or have its file sent again; its targets are judged on them as they are\n",
     "%s: 附注：请向%s的报送部门核实其数值的单位；如使用了其他单位，请换算（除以%s）或请其重新报送；"
     "在此之前其目标按现有数值评判\n"},
    {"%s: note: ask %s's office which unit its numbers are in (shares written as fractions, 0.65 for 65%%?); if "
     "they are in another unit, convert them (multiply by %s) or have its file sent again; its targets are judged "
     "on them as they are\n",
     "%s: 附注：请向%s的报送部门核实其数值的单位（是否把百分比写成了小数，如以0.65表示65%%？）；"
     "如使用了其他单位，请换算（乘以%s）或请其重新报送；在此之前其目标按现有数值评判\n"},
    {"%s: note: ask %s's office whether its numbers are fractions (0.65 for 65%%) or shares that small; if they "
     "are fractions, convert them (multiply by %s) or have its file sent again; its targets are judged on them as "
     "they are\n",
     "%s: 附注：请向%s的报送部门核实其数值是小数（以0.65表示65%%）还是确实这么小的百分比；如是小数，"
     "请换算（乘以%s）或请其重新报送；在此之前其目标按现有数值评判\n"},
    {"%s: note: ask %s's office which unit its numbers are in; if they are in another unit, convert them (multiply "
     "by %s) or have its file sent again; its targets are judged on them as they are\n",
     "%s: 附注：请向%s的报送部门核实其数值的单位；如使用了其他单位，请换算（乘以%s）或请其重新报送；"
     "在此之前其目标按现有数值评判\n"},

    /* ---- an `allow` after a plan item, `levels`, an assessment's line ---- */
    {"an 'allow' after other text on its line belongs to a target, a region or an indicator (after a comma); "
     "this line's statement takes none",
     "写在一行其他内容之后的 'allow' 只属于目标、地区或指标（写在逗号之后）；这一行的语句不接受 'allow'"},
    {"write the 'allow' on a line of its own: it then accepts the warnings of the block it is in, or of the whole "
     "file among the declarations",
     "把 'allow' 单独写成一行：它就接受所在块的警告；写在各声明之间时，接受整个文件的警告"},
    /* ---- one region's file alone lacking a column of its own (table.c) */
    {"%s:%u: note: the header needs every column the rules read for the regions of its rows (the header 'planc "
     "template RULES --region R' writes has them all), not those only regions without a row here need; "
     "--allow-missing-columns reads a missing one as missing cells\n",
     "%s:%u: 附注：表头须有规则对本文件各行的地区读取的每一列（'planc template 规则文件 --region 地区' 写出的表头包含全部这些列），"
     "只有本文件中没有数据行的地区才需要的列可以没有；--allow-missing-columns 把缺少的列读作缺失的单元格\n"},
    /* ---- a date in a year cell, as a CSV saved from Excel has it (table.c year_date_note) */
    {"note: %s is the number Excel keeps for the date %ld-%02u-%02u (a cell formatted as a date, saved as its "
     "number): a year cell holds the year alone, %ld; in Excel, format the year column as General (常规) before "
     "saving it\n",
     "附注：%s 是 Excel 中日期 %ld年%u月%u日 的序号（设为日期格式的单元格按其序号保存）：年份单元格只写年份，"
     "请写 %ld；在 Excel 中先把年份列的格式设为“常规”，再另存\n"},
    {"note: '%s' is how Excel shows %ld typed into a cell formatted as a date: write the year, %ld; in Excel, format "
     "the year column as General (常规) before saving it\n",
     "附注：“%s”是在设为日期格式的单元格中输入 %ld 后 Excel 显示的日期：请写年份 %ld；在 Excel 中先把年份列的格式"
     "设为“常规”，再另存\n"},
    {"note: '%s' is a date: a year cell holds the year alone, %ld; in Excel, format the year column as General "
     "(常规) before saving it\n",
     "附注：“%s”是日期：年份单元格只写年份，请写 %ld；在 Excel 中先把年份列的格式设为“常规”，再另存\n"},
    /* ---- an added level under the base's targets without a scope (sema.c) */
    {"the regions of the added level '%s' (%s%s) are judged on every target of the base that has no scope, as "
     "every region is: %s%s (%u in all)",
     "新增层级“%1$s”的地区（%2$s%3$s）按基础规则中每个未写适用范围的目标评估，与所有地区相同：%4$s%5$s（共%6$u个）"},
    {"the override of %s '%s' drops the base's goal by %s, after this plan's horizon %d, but the text it keeps "
     "from the base still names it",
     "%1$s“%2$s”的改写去掉了基础规则在%3$s的目标值（晚于本规划的期末%4$d年），但沿用的基础规则原文仍提到它"},
    {"target '%s' has no scope: it covers every region", "目标“%s”未写适用范围：适用于所有地区"},
    {"where one of them does not hold for the '%s' regions, give it the levels it holds for in its override ('for %s' "
     "there), or drop it",
     "其中不适用于层级“%1$s”地区的目标，请在它的改写中给出它适用的层级（在那里写 'for %2$s'），或删除它"},
    {"where one of them does not hold for the '%s' regions, give it the levels it holds for ('override %s %s for "
     "%s'), or drop it",
     "其中不适用于层级“%1$s”地区的目标，请给出它适用的层级（'override %2$s %3$s for %4$s'），或删除它"},
    /* ---- `override targets for SCOPE` (import.c rescope_targets, parser.y, sema.c) */
    {"to give every one of them the base's levels at once: 'override targets for %s'",
     "要一次给它们全部加上基础规则的层级：'override targets for %s'"},
    {"'override targets' gives the base's targets without a scope a scope, but none is written",
     "'override targets' 为基础规则中未写适用范围的目标统一给出适用范围，但这里没有写适用范围"},
    {"write the levels or regions they hold for: 'override targets for province, city'",
     "请写出它们适用的层级或地区：'override targets for province, city'"},
    {"'override targets' is given twice: a base target without a scope can take one scope only",
     "'override targets' 写了两次：基础规则中未写适用范围的目标只能取一个适用范围"},
    {"the first 'override targets' is here", "第一个 'override targets' 在此处"},
    {"give every level or region they hold for in one 'override targets for ...'; a target that holds for others "
     "takes its own 'override target NAME for ...'",
     "请在一个 'override targets for ...' 中写出它们适用的所有层级或地区；适用于其他地区的目标另写 "
     "'override target NAME for ...'"},
    {"this 'override targets' changes nothing: every target of the base has a scope already",
     "这个 'override targets' 没有改动任何内容：基础规则的每个目标都已写了适用范围"},
    {"this 'override targets' changes nothing: no target of the base is left (the file drops or leaves out every "
     "one)",
     "这个 'override targets' 没有改动任何内容：基础规则的目标已一个不剩（本文件删去或未保留每一个）"},
    {"this 'override targets' changes nothing: its scope covers every region of the program, as a target without "
     "a scope does",
     "这个 'override targets' 没有改动任何内容：它的适用范围包括规则中的每个地区，与不写适用范围的目标相同"},
    {"'override targets for ...' is for a file that adds regions at a level the base's targets were not written "
     "for (counties below the base's cities): its scope names the base's levels and leaves the added one out; if "
     "the file adds no such region, delete it",
     "'override targets for ...' 用于本文件增加了基础规则的目标未考虑的层级的地区（如在基础规则的市之下增加县）："
     "适用范围写基础规则的层级，不写增加的层级；本文件若未增加这样的地区，请删去这一句"},
    /* ---- `override target X in (ID)` (import.c override_target, move_targets, parser.y) */
    {"target '%s' is in measure (%s) already: 'in (%s)' moves it nowhere",
     "目标“%s”已在措施（%s）中：'in (%s)' 没有移动它"},
    {"cannot move target '%s' to measure (%s): the measure was dropped",
     "无法把目标“%s”移至措施（%s）：该措施已被删除"},
    {"cannot move target '%s' to measure (%s): the measure was dropped with %s",
     "无法把目标“%s”移至措施（%s）：该措施已随%s删除"},
    {"cannot move target '%s' to measure (%s): the target was dropped with %s",
     "无法把目标“%s”移至措施（%s）：该目标已随%s删除"},
    {"cannot move target '%s' to measure (%s): neither the base nor this file has one",
     "无法把目标“%s”移至措施（%s）：基础规则和本文件中都没有这个措施"},
    {"a target leaves with its measure or section, moved or not: to keep it, drop the others by name "
     "('drop target ...') instead",
     "目标随所在的措施或章节一起删除，移动与否都一样：要保留它，请改为按名称删除其他目标（'drop target ...'）"},
    {"the measure a target moves to comes right after its name (and its new name): 'override target NAME [as "
     "NEW] in (ID) \"text\" for SCOPE ...'",
     "目标移至的措施紧跟在它的名称（以及新名称）之后：'override target NAME [as NEW] in (ID) \"text\" for SCOPE ...'"},
    {"'in (ID)' moves a base target to another measure, in an extending plan's 'override target NAME in (ID)'; a "
     "target written here is in the measure it is written in",
     "'in (ID)' 用于在扩展规划的 'override target NAME in (ID)' 中把基础规则的目标移至另一项措施；"
     "这里写的目标属于它所在的措施"},
    /* ---- a move that leaves a base measure with no target (compiler/import.c warn_left_empty) */
    {"moving target '%s' to measure (%s) leaves measure (%s) of the base with no target",
     "把目标“%s”移至措施（%s）后，基础规则的措施（%s）没有任何目标"},
    {"this 'keep target' leaves out its other targets", "这条 'keep target' 未保留它的其他目标"},
    /* ---- drops by name that leave a base measure with no target (compiler/import.c warn_left_empty) */
    {"dropping target '%s' leaves measure (%s) of the base with no target",
     "删除目标“%s”后，基础规则的措施（%s）没有任何目标"},
    {"this move takes another of its targets", "这次移动移走了它的另一个目标"},
    {"a target leaves with its measure, moved or not, and this file moves every target of %s: to merge the measure "
     "into another, leave out its drop (the last move then warns that it is left empty: accept that with 'allow "
     "move-leaves-empty \"...\"' after the move)",
     "目标总随所在措施删除，无论是否移动，而本文件移动了%s的全部目标：若要把该措施并入另一项措施，请去掉对它的删除"
     "（最后一次移动随后会警告该措施为空：可在该移动之后写 'allow move-leaves-empty \"...\"' 接受）"},
    {"such a measure is scored on nothing (its row is empty, its weight shared among the others); to leave it out, "
     "drop the measure instead of its targets ('drop measure (%s)'), or give it a target with 'override measure "
     "(%s) { target ... }'",
     "这样的措施没有可评估的内容（其结果行为空，权重由其他措施分摊）；若要去掉它，请删除该措施而不是它的目标"
     "（'drop measure (%s)'），或用 'override measure (%s) { target ... }' 为它添加目标"},
    /* ---- a drop or override of a target this file moves (compiler/import.c find_base) */
    {"a moved target stays in the plan, in measure (%s): to drop it, leave out its move",
     "移动的目标仍在规划中，位于措施（%s）：要删除它，请去掉移动它的那条改写"},
    {"a renamed and moved target stays in the plan, as '%s' in measure (%s): to drop it, leave out the override "
     "that renames and moves it",
     "改名并移动的目标仍在规划中，名为“%s”，位于措施（%s）：要删除它，请去掉给它改名并移动它的那条改写"},
    {"a target is changed by one override: give every change in the one that renames and moves it ('override %s "
     "%s as %s in (%s) ...')",
     "一个目标只由一条改写修改：请把所有修改写在给它改名并移动它的那条改写中（'override %s %s as %s in (%s) ...'）"},
    {"a target is changed by one override: give every change in the one that moves it ('override %s %s in (%s) "
     "...')",
     "一个目标只由一条改写修改：请把所有修改写在移动它的那条改写中（'override %s %s in (%s) ...'）"},
    {"such a measure is scored on nothing (its row is empty, its weight shared among the others); leave a target "
     "in it, or give it one with 'override measure (%s) { target ... }'",
     "这样的措施没有可评估的内容（其结果行为空，权重由其他措施分摊）；请在其中留下一个目标，"
     "或用 'override measure (%s) { target ... }' 为它添加目标"},
    /* ---- a --na text that is a number (runtime/table.c na_number_note) */
    {"--na %s is a number, and a cell with that value was read as a missing value, not as that number: ",
     "--na %s 是一个数，有1个单元格的值等于它，这个单元格按缺失值读取，没有按数值读取："},
    {"--na %s is a number, and %zu cells with that value were read as missing values, not as that number: ",
     "--na %s 是一个数，有%zu个单元格的值等于它，这些单元格按缺失值读取，没有按数值读取："},
    {"%zu in column '%s'", "列“%2$s”中%1$zu个"},
    {" and 1 more column", "，另有1列"},
    {" and %zu more columns", "，另有%zu列"},
    {"; if %s is a value in this data, not a placeholder for a missing one, leave out --na %s\n",
     "；如果 %s 在这份数据中是实际数值，而不是缺失值的占位符，请去掉 --na %s\n"},
    /* ---- the last grade band written with more than its name (parser.y grade_hint) */
    {"the last grade takes every score below the others: write its name alone, with no bound and no 'else': '%s'",
     "最后一个等级接受低于其他等级的所有得分：只写它的名称，不写分数线，也不写 'else'：'%s'"},
    /* ---- the next grade band written without its ',' (parser.y band_comma_missing) */
    {"missing ',' before the grade band '%s'", "等级“%s”之前缺少 ','"},
    {"grade bands are separated by ',': '%s'", "等级之间用 ',' 分隔：'%s'"},
    /* ---- a table with a column per year and no year column (table.c) */
    {"%s:%u: note: the header has a column per year ('%s' to '%s') and no year column: read each indicator "
     "from them with 'column \"%s\"', which gives each row its year\n",
     "%s:%u: 附注：表头每年一列（“%s”至“%s”），没有年份列：请在各指标上写 'column \"%s\"' 从这些列读取，"
     "行的年份由列名给出\n"},
    /* ---- an item too long to read again after a stray item behind it (parser.y replay_item) */
    {"the item before it on its line is dropped with it: write each item on a line of its own",
     "同一行中它前面的条目随它一起被舍弃：请把每个条目各写一行"},
    /* ---- a grade band's bound written with another comparison (parser.y grade_hint) */
    {"a grade band's bound is the lowest score it takes, written with '>=': '%s >= SCORE'",
     "等级的分数线是它接受的最低得分，用 '>=' 书写：'%s >= SCORE'"},
    /* ---- 'in' where a deadline's 'by' goes (parser.y yyreport_syntax_error) */
    {"a goal's deadline, a year or a period, is written after 'by': '... by 2030'",
     "目标的期限（年份或时期）写在 'by' 之后：'... by 2030'"},
    /* ---- a level list without its ',' (parser.y level_items) */
    {"missing ',' before the level '%s'", "层级“%s”之前缺少 ','"},
    /* ---- a unit defined by a number alone (parser.y unit) */
    {"the unit '%s' is defined as %s of no unit: write the unit the number counts ('unit %s = %s UNIT')",
     "单位“%s”定义为 %s，但没有写出计数的单位：请写出这个数所计的单位（'unit %s = %s UNIT'）"},
    /* ---- 'rated' after the indicator (parser.y yyreport_syntax_error) */
    {"'rated' starts a rated target's condition, before the indicator: 'rated %s >= SCORE by YEAR'",
     "'rated' 写在评级目标条件的开头、指标之前：'rated %s >= SCORE by YEAR'"},
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

/* The driver's language (msgcat_set_lang). */
static lbl_lang driver_lang = LBL_EN;

void msgcat_set_lang(lbl_lang lang)
{
    driver_lang = lang == LBL_ZH ? LBL_ZH : LBL_EN;
}

lbl_lang msgcat_lang(void)
{
    return driver_lang;
}

lbl_lang msgcat_locale_lang(const char *v)
{
    if (!v || v[0] != 'z' || v[1] != 'h')
        return LBL_EN;
    return v[2] == '\0' || strchr("_-.@", v[2]) ? LBL_ZH : LBL_EN;
}

/* Whether locale name v is the C locale: "C", "POSIX", or C with a
 * codeset or modifier ("C.UTF-8"), in which gettext translates nothing
 * and ignores LANGUAGE. */
static bool is_c_locale(const char *v)
{
    return strcmp(v, "POSIX") == 0 || (v[0] == 'C' && (v[1] == '\0' || v[1] == '.' || v[1] == '@'));
}

lbl_lang msgcat_locale_of(const char *language, const char *lc_all, const char *lc_messages, const char *lang)
{
    const char *locale = lc_all && *lc_all           ? lc_all
                         : lc_messages && *lc_messages ? lc_messages
                         : lang && *lang               ? lang
                                                       : NULL;
    if (!locale || is_c_locale(locale))
        return LBL_EN;
    if (!language || !*language)
        return msgcat_locale_lang(locale);
    /* LANGUAGE's entries in order: the first planc has a catalog for
     * (English is always there); "de:fr" has none, and gettext then
     * leaves the messages untranslated: English */
    for (const char *e = language; *e;) {
        size_t n = strcspn(e, ":");
        char name[64];
        if (n > 0 && n < sizeof name) {
            memcpy(name, e, n);
            name[n] = '\0';
            if (msgcat_locale_lang(name) == LBL_ZH)
                return LBL_ZH;
            if (strcmp(name, "en") == 0 || (strncmp(name, "en", 2) == 0 && strchr("_-.@", name[2])))
                return LBL_EN;
        }
        e += n + (e[n] == ':');
    }
    return LBL_EN;
}

const char *msgcat_env_lang(lbl_lang *lang)
{
    *lang = msgcat_locale_of(getenv("LANGUAGE"), getenv("LC_ALL"), getenv("LC_MESSAGES"), getenv("LANG"));
    const char *v = getenv("PLANC_LANG");
    if (!v || !*v)
        return NULL;
    return lbl_parse(v, lang) ? NULL : v;
}

const char *msgcat_tr(const char *en)
{
    return msgcat_get(driver_lang, en);
}

/* An errno value and its Chinese: the errors of opening, reading, writing
 * and renaming files planc meets, in the words of glibc's zh_CN catalog. */
typedef struct msgcat_errno {
    int e;
    const char *zh;
} msgcat_errno;

static const msgcat_errno errnos[] = {
    {ENOENT, "没有那个文件或目录"},
    {EACCES, "权限不够"},
    {EISDIR, "是一个目录"},
    {ENOSPC, "设备上没有空间"},
    {EROFS, "只读文件系统"},
    {EEXIST, "文件已存在"},
    {ENOTDIR, "不是目录"},
    {EFBIG, "文件过大"},
    {EPIPE, "断开的管道"},
    {ELOOP, "符号链接的层数过多"},
    {ENAMETOOLONG, "文件名过长"},
    {EBUSY, "设备或资源忙"},
#ifdef EDQUOT
    {EDQUOT, "超出磁盘配额"},
#endif
    {EIO, "输入/输出错误"},
    {ENOMEM, "无法分配内存"},
    {EPERM, "不允许的操作"},
};

const char *msgcat_strerror(lbl_lang lang, int e)
{
    if (lang == LBL_ZH)
        for (size_t i = 0; i < sizeof errnos / sizeof errnos[0]; i++)
            if (errnos[i].e == e)
                return errnos[i].zh;
    return strerror(e);
}

const char *msgcat_file_error(lbl_lang lang, int e)
{
    if (e == EISDIR)
        return msgcat_get(lang, "it is a directory");
    return msgcat_strerror(lang, e);
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
