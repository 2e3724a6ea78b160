qp-cat -c "$T/in/small.csv" | qp-cat -t members
