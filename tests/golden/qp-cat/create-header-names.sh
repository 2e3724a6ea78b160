# qp-cat -c refuses a CSV whose header repeats a column name or leaves one
# empty: no reader would take the stream it wrote.
printf 'ts,user,ts\n2024-01-01T10:00:00Z,a,b\n' > dup.csv
qp-cat -c dup.csv -o out.gz || echo "exit $?"
printf 'ts,,user\n2024-01-01T10:00:00Z,a,b\n' > empty.csv
qp-cat -c empty.csv -o out.gz || echo "exit $?"
ls
