# -o never replaces what is not a regular file: a FIFO is written into
# (and stays a FIFO), a link to a file keeps the link and replaces the
# file it names, /dev/stdout is the descriptor the shell opened (>>
# appends), a directory is refused; a missing folder is named.
printf 'a,b\n1,2\n' > x.csv
mkfifo fifo
cat fifo > from-fifo &
qp-cat -c -l 0 x.csv -o fifo
wait
[ -p fifo ] && echo "fifo is still a fifo"
zcat from-fifo | sed -n 3,4p
echo old > file.gz
ln -s file.gz link.gz
qp-cat -c x.csv -o link.gz
[ -L link.gz ] && echo "link is still a link to $(readlink link.gz)"
zcat file.gz | sed -n 3,4p
mkdir dir
qp-cat -c x.csv -o dir || echo "exit $?"
qp-cat -c x.csv -o no/such/x.gz || echo "exit $?"
qp-cat -c x.csv -o x.csv/y.gz || echo "exit $?"
qp-cat -c x.csv -o /dev/stdout | zcat | sed -n 3p
echo "kept" > app.txt
qp-cat -c x.csv -o /dev/stdout >> app.txt
head -1 app.txt
ls -a
