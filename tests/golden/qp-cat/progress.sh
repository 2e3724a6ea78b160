qp-cat -c "$T/in/small.csv" | qp-cat --progress --stats
