qp-cat -c "$T/in/small.csv" > a.gz
head -c 100 a.gz | qp-cat -t events
