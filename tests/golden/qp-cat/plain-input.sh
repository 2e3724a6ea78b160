qp-cat -c -l 0 "$T/in/small.csv" | zcat | qp-cat
