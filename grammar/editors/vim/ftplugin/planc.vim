" Vim filetype plugin: planc rules files (.plan)
if exists("b:did_ftplugin")
  finish
endif
let b:did_ftplugin = 1

" gcc / gc-style commenting and gq formatting use '#'; '//' and /* */ are
" comments too.  Names keep their Chinese characters whole for w, * and
" completion (iskeyword as the syntax file's).
setlocal commentstring=#\ %s
setlocal comments=:#,://,s1:/*,mb:*,ex:*/
setlocal iskeyword=@,48-57,_,170,178,179,181,186,192-214,216-246,248-255
setlocal suffixesadd=.plan
" :make checks the file with planc (compiler/planc.vim)
compiler planc

let b:undo_ftplugin = "setlocal commentstring< comments< iskeyword< suffixesadd< makeprg< errorformat<"
