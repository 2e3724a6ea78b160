# qp-cohort's check-in tables (checkins, checkin_days, camps) against an
# independent computation (tests/prop/reference_checkin.py) on generated
# chats: once without a groups file (every group with a check-in is a
# camp) and once with one planning a 21-day camp with a 07:00 deadline
# and a camp that starts on its first check-in.
command -v python3 >/dev/null || { echo "crosscheck-checkin: needs python3"; exit 1; }
"$QP_GENCHAT" -n 20000 -s 11 > chat.csv
# many check-ins and make-ups: half the messages say 打卡, a tenth 补卡
python3 - chat.csv > chat2.csv <<'P'
import csv, sys, zlib
r = csv.DictReader(open(sys.argv[1], encoding="utf-8", newline=""))
w = csv.DictWriter(sys.stdout, r.fieldnames, lineterminator="\n")
w.writeheader()
for e in r:
    h = zlib.crc32(e["msg_id"].encode())
    if e["kind"] == "message":
        e["text"] = ("补卡" if h % 10 == 0 else "Day 3 打卡" if h % 2 else
                     e["text"])
    w.writerow(e)
P
qp-cat -c -l 0 chat2.csv | qp-dedupe -q -l 0 > d.gz
qp-cat -t events d.gz > events.csv
# the first two groups; the first camp starts on its third day
python3 - events.csv > groups.csv <<'P'
import csv, sys
first = {}
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    if r["group_id"]:
        first.setdefault(r["group_id"], r["ts"][:10])
g = sorted(first)
import datetime as dt
s = dt.date.fromisoformat(first[g[0]]) + dt.timedelta(days=2)
print("group,type,start,days,deadline,required")
print("%s,camp,%s,21,07:00,10" % (g[0], s.isoformat()))
print("%s,camp,,,," % g[1])
P
n=0
for plan in - groups.csv; do
	if [ $plan = - ]; then opt=; else opt="--groups $plan"; fi
	qp-cohort -q --tz Asia/Shanghai $opt -l 0 d.gz > s.gz
	python3 "$QP_TOP/tests/prop/reference_checkin.py" Asia/Shanghai \
	    events.csv $plan ref
	for t in checkins checkin_days camps; do
		qp-cat --ids -t $t s.gz | tail -n +2 > ours.csv
		if ! cmp -s ours.csv ref/$t.csv; then
			echo "crosscheck-checkin: $t ($plan) differs from the reference:"
			diff ours.csv ref/$t.csv | head -10
			exit 1
		fi
		n=$((n + $(wc -l < ours.csv)))
	done
done
echo "crosscheck-checkin: $n rows of 3 tables, with and without a groups file, equal an independent computation"
