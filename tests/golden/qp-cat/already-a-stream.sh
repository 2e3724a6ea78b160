qp-cat -c "$T/in/small.csv" | qp-cat -c >/dev/null
