# qp-cohort and qp-funnel against an independent computation
# (tests/prop/reference.py, every event in memory) on generated chats:
# every row of daily, weekly, members, retention, cohort, health, funnel
# and fission must be equal.
command -v python3 >/dev/null || { echo "crosscheck: needs python3"; exit 1; }
"$QP_GENCHAT" -n 20000 -s 7 > chat.csv
qp-cat -c -l 0 chat.csv | qp-dedupe -q -l 0 |
    qp-cohort -q --tz Asia/Shanghai -l 0 |
    qp-funnel -q --tz Asia/Shanghai -l 0 > s.gz
qp-cat -t events s.gz > events.csv
python3 "$QP_TOP/tests/prop/reference.py" Asia/Shanghai events.csv ref
n=0
for t in daily weekly members retention cohort health funnel fission; do
	qp-cat --ids -t $t s.gz | tail -n +2 > ours.csv
	if ! cmp -s ours.csv ref/$t.csv; then
		echo "crosscheck: $t differs from the reference:"
		diff ours.csv ref/$t.csv | head -10
		exit 1
	fi
	n=$((n + $(wc -l < ours.csv)))
done
echo "crosscheck: $n rows of 8 tables equal an independent computation"
