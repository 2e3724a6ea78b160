qp-cat -c "$T/in/small.csv" > a.gz
qp-cat -c -t counts "$T/in/bom-crlf.csv" > b.gz
qp-cat --stats a.gz b.gz
