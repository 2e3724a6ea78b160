qp-cat -c -q -o a.gz "$T/in/small.csv"
qp-cat -c "$T/in/small.csv" > b.gz
cmp a.gz b.gz && echo "-o and -q are not recorded: same bytes"
qp-cat a.gz | head -1
