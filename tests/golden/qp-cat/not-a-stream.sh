qp-cat "$T/in/small.csv"
