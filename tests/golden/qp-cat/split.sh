qp-cat -c "$T/in/small.csv" > a.gz
qp-cat -c -t counts "$T/in/bom-crlf.csv" > b.gz
qp-cat --split out a.gz b.gz
ls out
cat out/events.csv out/counts.csv
