qp-cat -c "$T/in/small.csv" -o keep.gz
qp-cat -c "$T/in/bad-fields.csv" -o keep.gz || echo "exit $?"
qp-cat -t events keep.gz | head -2
ls -a
