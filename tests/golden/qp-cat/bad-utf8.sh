qp-cat -c "$T/in/bad-utf8.csv" >/dev/null
