# Every number report.md states against the CSV tables beside it
# (tests/prop/report_numbers.py): on the samples of make demo, and on
# generated chats with an end date inside the month reported.
command -v python3 >/dev/null || { echo "report-numbers: needs python3"; exit 1; }
s=$QP_TOP/samples
z=Asia/Shanghai
qp-ingest -q --tz $z -l 0 --events "$s/orders.csv" "$s/whatsapp" "$s/wechat" \
    "$s/telegram" "$s/qq" "$s/discord" "$s/slack" "$s/messenger" \
    "$s/signal" "$s/wechat-txt" "$s/instagram" "$s/camp" |
    qp-dedupe -q -l 0 | qp-sessionize -q -l 0 |
    qp-cohort -q --tz $z --asof 2024-06-30 -l 0 |
    qp-funnel -q --tz $z --asof 2024-06-30 -l 0 > demo.gz
qp-report -q --lang en --no-charts --period 2024-06 -o demo demo.gz
python3 "$QP_TOP/tests/prop/report_numbers.py" demo 2024-06-01 2024-06-30
# make demo's chain: a roster, plans, activities, rules, money; the
# scorecard's every column filled somewhere.
qp-ingest -q --tz $z -l 0 --events "$s/orders.csv" --roster "$s/roster.csv" \
    "$s/qq" "$s/wechat" "$s/camp" "$s/activities" |
    qp-dedupe -q -l 0 | qp-sessionize -q -l 0 |
    qp-cohort -q --tz $z --asof 2024-06-30 --groups "$s/groups.csv" -l 0 |
    qp-funnel -q --tz $z --asof 2024-06-30 -l 0 > full.gz
qp-report -q --lang en --no-charts --period 2024-06 -o full full.gz
python3 "$QP_TOP/tests/prop/report_numbers.py" full 2024-06-01 2024-06-30
for seed in 3 11; do
	"$QP_GENCHAT" -n 20000 -s $seed > chat.csv
	qp-cat -c -l 0 chat.csv | qp-dedupe -q -l 0 | qp-sessionize -q -l 0 |
	    qp-cohort -q --tz $z --asof 2024-05-19 -l 0 |
	    qp-funnel -q --tz $z --asof 2024-05-19 -l 0 > gen.gz
	qp-report -q --lang en --no-charts --period 2024-05 -o gen$seed gen.gz
	python3 "$QP_TOP/tests/prop/report_numbers.py" gen$seed 2024-05-01 2024-05-31
	qp-report -q --lang en --no-charts --from 2024-03-10 --to 2024-04-20 \
	    -o gen${seed}b gen.gz
	python3 "$QP_TOP/tests/prop/report_numbers.py" gen${seed}b 2024-03-10 2024-04-20
done
# The real exports in $QP_SHARED/fixtures, read in place, over all days and
# one month; skipped (and said so) where they are absent.
if [ -d "$QP_SHARED/fixtures" ]; then
	qp-ingest -q --tz UTC -l 0 "$QP_SHARED/fixtures" 2>/dev/null |
	    qp-dedupe -q -l 0 | qp-sessionize -q -l 0 |
	    qp-cohort -q --tz UTC -l 0 | qp-funnel -q --tz UTC -l 0 > fx.gz
	qp-report -q --lang en --no-charts -o fx fx.gz
	first=$(qp-cat -t daily fx.gz | sed -n 2p | cut -d, -f1)
	last=$(qp-cat -t daily fx.gz | awk -F, '$2 == "*"' | tail -1 | cut -d, -f1)
	python3 "$QP_TOP/tests/prop/report_numbers.py" fx "$first" "$last"
	qp-report -q --lang en --no-charts --period 2020-01 -o fx2 fx.gz
	python3 "$QP_TOP/tests/prop/report_numbers.py" fx2 2020-01-01 2020-01-31
else
	echo "report-numbers: no fixtures: the real exports skipped"
fi
