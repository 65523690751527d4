" Vim compiler file: planc check, for :make and the quickfix list
if exists("current_compiler")
  finish
endif
let current_compiler = "planc"
if exists(":CompilerSet") != 2
  command -nargs=* CompilerSet setlocal <args>
endif

CompilerSet makeprg=planc\ check\ %:S
" FILE:LINE:COL: error: MSG and FILE:LINE:COL: warning: MSG, and the same
" in Chinese (planc check --lang zh: 错误： 警告：); the source excerpts and
" notes that follow are left out.
CompilerSet errorformat=%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%f:%l:%c:\ 错误：%m,%f:%l:%c:\ 警告：%m,%-G%.%#
