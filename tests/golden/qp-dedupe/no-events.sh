printf 'a,b\n1,2\n' > x.csv
qp-cat -c -t other x.csv | qp-dedupe > /dev/null
