# A missing table names the input it was looked for in; -t twice is a
# usage error (the last one given won silently).
qp-cat -c "$T/in/small.csv" > s.gz
qp-cat -c -t other "$T/in/small.csv" > o.gz
qp-cat -t members s.gz || echo "exit $?"
qp-cat -t members s.gz o.gz || echo "exit $?"
qp-cat -t events -t other s.gz || echo "exit $?"
