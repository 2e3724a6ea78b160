# Concurrent qp-report runs into the same -o DIR take turns: every one
# exits 0, DIR holds one whole report, and nothing is left beside it
# (no DIR.tmp-*, no DIR.old-*).  20 rounds of 3 runs at once.
rm -rf conc; mkdir conc; cd conc
printf 'ts,group_id,user_id,kind,msg_id\n2024-01-01T10:00:00Z,g,a,message,1\n2024-01-02T10:00:00Z,g,b,message,2\n' > e.csv
qp-cat -c -l 0 e.csv | qp-cohort --tz UTC -l 0 > s.gz
qp-report -q --tz UTC --no-charts -o want s.gz
i=0
while [ $i -lt 20 ]; do
	qp-report -q --tz UTC --no-charts -o r s.gz 2>err1 & a=$!
	qp-report -q --tz UTC --no-charts -o r s.gz 2>err2 & b=$!
	qp-report -q --tz UTC --no-charts -o r s.gz 2>err3 & c=$!
	for p in $a $b $c; do
		wait $p || { echo "round $i: a run failed"; cat err1 err2 err3; exit 1; }
	done
	if [ -s err1 ] || [ -s err2 ] || [ -s err3 ]; then
		echo "round $i:"; cat err1 err2 err3; exit 1
	fi
	diff -r want r > /dev/null || { echo "round $i: report differs"; diff -r want r; exit 1; }
	left=$(ls | grep -e '^r\.' || true)
	[ -z "$left" ] || { echo "round $i: left $left"; exit 1; }
	i=$((i + 1))
done
cd ..; rm -rf conc
echo "report concurrent: 20 rounds of 3 qp-report -o DIR at once, one whole report each"
