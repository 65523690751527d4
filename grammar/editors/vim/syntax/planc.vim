" Vim syntax file
" Language:	planc rules files (.plan)
" Source:	grammar/editors/vim in the planc repository, from the
"		keywords of grammar/lexer.l and the contextual words of
"		grammar/parser.y (docs/LANGUAGE.md section 1); tests/editors.py
"		fails when the lexer gains a keyword this file does not know.

if exists("b:current_syntax")
  finish
endif
let s:cpo_save = &cpo
set cpo&vim

" A name is letters (CJK included: every character above 255 that Vim
" counts as a word character), digits, '_' and the superscripts ² ³, as
" the lexer reads it, so that a keyword inside a name (plan沈阳) is not one.
syntax iskeyword @,48-57,_,170,178,179,181,186,192-214,216-246,248-255

" (The patterns write \k\@<! and \k\@! where \< and \> would do elsewhere:
" Vim puts a word boundary between a Chinese character and a Latin letter
" or a digit, and a name such as 碳强度较2005 is one word here.)

" Keywords (reserved).  `baseline` is both a keyword and a function, so it
" is matched below, not listed.
syntax keyword plancDeclaration plan region regions levels agency unit indicator
syntax keyword plancDeclaration section measure target redline assessment test map
syntax keyword plancModule import extends override drop replaces as allow
syntax keyword plancConditional if then else
syntax keyword plancOperator and or not
syntax keyword plancBoolean yes no
syntax keyword plancKeyword horizon periods keys alias higher lower in formula
syntax keyword plancKeyword lead responsible shared for except by complete rated falls
syntax keyword plancKeyword rises peaks every year tolerance weight veto score clause
syntax keyword plancKeyword note missing zero reweight error grade redlines of
syntax match plancKeyword "\k\@<!baseline\k\@!"

" Contextual words: names anywhere else.
" keep starts a statement at the start of a line before one of these words
syntax match plancContextual "^\s*\zskeep\ze\s\+\%(target\|measure\|section\|region\|indicator\|agency\)\k\@!"
" override targets for SCOPE: targets right after override
syntax match plancContextual "\%(\k\@<!override\s\+\)\@<=targets\k\@!"
" an indicator's values { ... }
syntax match plancContextual "\k\@<!values\ze\s*{"
" a test block's data and expect lines, and the words of an expect line
syntax match plancContextual "^\s*\zsdata\k\@!"
syntax match plancContextual "^\s*\zsexpect\k\@!" nextgroup=plancExpectTail
syntax match plancExpectTail ".*$" contained contains=@plancCode,plancStatus
syntax match plancStatus "\k\@<!\%(met\|on_track\|lagging\|failed\|not_applicable\|value\|total\)\k\@!" contained
" the aggregate after a column: column "c" [as MAP] [in UNIT] mean
syntax keyword plancKeyword column nextgroup=plancColumnTail skipwhite
syntax match plancColumnTail +"[^"]*"[^,}#]*+ contained contains=@plancCode,plancAggregate
syntax match plancAggregate "\k\@<!\%(mean\|sum\|min\|max\|count\|share\)\k\@!" contained

" Built-in functions, before '('.
syntax match plancFunction "\k\@<!\%(min\|max\|clamp\|abs\|prev\|baseline\|at\|share\|ismissing\|progress\|lowest\|highest\|average\|cumulative\|total\|peakvalue\|parent\)\ze\s*("

" Numbers, and the unit written right after one (7603万亩, 92%), or in
" brackets (35 [μg/m³]).
syntax match plancNumber "\k\@<!\d\+\%(\.\d\+\)\=\%([eE][+-]\=\d\+\)\=" nextgroup=plancNumberUnit
syntax match plancNumberUnit "\k\+\|%\|‰" contained
syntax match plancUnit "%\|‰"
syntax region plancUnit matchgroup=plancDelimiter start="\[" end="\]" oneline contains=plancNumber

" measure (九), clause (2.1): a clause id
syntax match plancClause "\%(\k\@<!\%(measure\|clause\)\s*\)\@<=([^()]*)"

" Strings "..." on one line, with the escapes \" \\ \n \t.
syntax region plancString start=+"+ skip=+\\\\\|\\"+ end=+"+ end=+$+ oneline contains=plancBadEscape,plancEscape
syntax match plancBadEscape +\\.+ contained
syntax match plancEscape +\\[\\"nt]+ contained
" “...”, full-width punctuation, the enumeration comma, semicolons: errors
" that planc reports with what to write instead.
syntax region plancError start=+“+ end=+”+ end=+$+ oneline
syntax match plancError "[！％（），：；＜＝＞、　０-９;≤≥≠]"

" Comments: # and // to the end of the line, /* ... */ (not nested).
syntax keyword plancTodo TODO FIXME XXX contained
syntax match plancComment "#.*$" contains=plancTodo,@Spell
syntax match plancComment "//.*$" contains=plancTodo,@Spell
syntax region plancComment start="/\*" end="\*/" contains=plancTodo,@Spell

" What an expect line and a column's tail hold besides their own words.
syntax cluster plancCode contains=plancDeclaration,plancModule,plancConditional,plancOperator,plancBoolean,plancKeyword,plancFunction,plancNumber,plancUnit,plancClause,plancString,plancError,plancComment

highlight default link plancDeclaration Structure
highlight default link plancModule      Include
highlight default link plancConditional Conditional
highlight default link plancOperator    Operator
highlight default link plancBoolean     Boolean
highlight default link plancKeyword     Keyword
highlight default link plancContextual  Keyword
highlight default link plancStatus      Keyword
highlight default link plancAggregate   Keyword
highlight default link plancFunction    Function
highlight default link plancNumber      Number
highlight default link plancUnit        Type
highlight default link plancNumberUnit  Type
highlight default link plancDelimiter   Delimiter
highlight default link plancClause      Label
highlight default link plancString      String
highlight default link plancEscape      SpecialChar
highlight default link plancBadEscape   Error
highlight default link plancError       Error
highlight default link plancTodo        Todo
highlight default link plancComment     Comment

let b:current_syntax = "planc"
let &cpo = s:cpo_save
unlet s:cpo_save
