qp-cat -c -l 12 "$T/in/small.csv"
