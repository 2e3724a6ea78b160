qp-cat -c "$T/in/bad-fields.csv" -o x.gz || { echo "exit $?"; ls; exit 1; }
