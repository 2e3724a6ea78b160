qp-cat -c "$T/in/small.csv" > a.gz
qp-cat -c -t counts "$T/in/bom-crlf.csv" > b.gz
qp-cat --split out a.gz b.gz
ls out
cat out/events.csv out/counts.csv
# a truncated input: the folder --split made is removed, one that was there
# stays, with no half-written table in either
qp-cat -c -l 0 "$T/in/small.csv" | head -n 4 > cut.gz
qp-cat --split new cut.gz || echo "exit $?"
mkdir old
qp-cat --split old cut.gz || echo "exit $?"
qp-cat --split new2 missing.gz || echo "exit $?"
ls -a
ls -a old
