" planc rules files
autocmd BufRead,BufNewFile *.plan setfiletype planc
