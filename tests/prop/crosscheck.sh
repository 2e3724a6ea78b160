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
for t in daily weekly members retention cohort health funnel fission core_users answers; do
	qp-cat --ids -t $t s.gz | tail -n +2 > ours.csv
	if ! cmp -s ours.csv ref/$t.csv; then
		echo "crosscheck: $t differs from the reference:"
		diff ours.csv ref/$t.csv | head -10
		exit 1
	fi
	n=$((n + $(wc -l < ours.csv)))
done
echo "crosscheck: $n rows of 10 tables equal an independent computation"

# Again with roles (qunpipe(7)): an owner, an assistant, a bot, a sales
# person in every group (*), and an owner who may be silent; staff and bots
# leave every members' table, and the staff table must agree too.
printf 'group_id,user_id,role,source\ng0000,u000000,owner,staff\ng0001,u000037,bot,export\ng0002,u000074,assistant,staff\ng0004,u000150,owner,staff\n*,u000111,sales,staff\n' > roles.csv
qp-cat -c -l 0 -t roles roles.csv > roles.gz
qp-cat -c -l 0 chat.csv > chat.gz
qp-dedupe -q -l 0 roles.gz chat.gz |
    qp-cohort -q --tz Asia/Shanghai -l 0 |
    qp-funnel -q --tz Asia/Shanghai -l 0 > r.gz
qp-cat -t events r.gz > events.csv
python3 "$QP_TOP/tests/prop/reference.py" Asia/Shanghai events.csv rref roles.csv
n=0
for t in daily weekly members retention cohort health funnel fission staff core_users answers; do
	qp-cat --ids -t $t r.gz | tail -n +2 > ours.csv
	if ! cmp -s ours.csv rref/$t.csv; then
		echo "crosscheck: with roles, $t differs from the reference:"
		diff ours.csv rref/$t.csv | head -10
		exit 1
	fi
	n=$((n + $(wc -l < ours.csv)))
done
echo "crosscheck: with roles, $n rows of 11 tables equal an independent computation"

# Again with roles and a roster (qunpipe(7), rosters): monthly snapshots
# of who the run above had as members, 5% of them left out (inferred
# leaves, some of whom speak again), 3 silent people per group, and staff.
qp-cat --ids -t members r.gz | python3 -c '
import csv, random, sys
random.seed(7)
rows = [r for r in csv.DictReader(sys.stdin) if r["group_id"] != "*"]
groups = sorted({r["group_id"] for r in rows})
days = sorted({r["joined"] for r in rows})
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["group_id", "date", "user_id"])
for d in days[len(days) // 5::len(days) // 5]:
    for r in rows:
        if r["joined"] <= d and (not r["left"] or r["left"] >= d) and \
                random.random() > 0.05:
            w.writerow([r["group_id"], d, r["user_id"]])
    for g in groups:
        for k in range(3):
            w.writerow([g, d, "name:silent %s %d" % (g, k)])
    w.writerow(["g0000", d, "u000000"])
' > roster.csv
qp-cat -c -l 0 -t roster roster.csv > roster.gz
qp-dedupe -q -l 0 roles.gz roster.gz chat.gz |
    qp-cohort -q --tz Asia/Shanghai -l 0 > rr.gz
qp-cat -t events rr.gz > events.csv
python3 "$QP_TOP/tests/prop/reference.py" Asia/Shanghai events.csv rrref roles.csv roster.csv
n=0
for t in daily weekly members retention cohort health staff core_users answers; do
	qp-cat --ids -t $t rr.gz | tail -n +2 > ours.csv
	if ! cmp -s ours.csv rrref/$t.csv; then
		echo "crosscheck: with a roster, $t differs from the reference:"
		diff ours.csv rrref/$t.csv | head -10
		exit 1
	fi
	n=$((n + $(wc -l < ours.csv)))
done
li=$(qp-cat --ids -t daily rr.gz | awk -F, '$2 == "*" { s += $10 } END { print s + 0 }')
[ "$li" -gt 0 ] || { echo "crosscheck: the roster inferred no leave"; exit 1; }
echo "crosscheck: with a roster, $n rows of 9 tables equal an independent computation ($li inferred leaves)"

# Activities (qunpipe(7)): the staff's messages that match two rules start
# activities, 2-hour windows; some staff messages become red packets, some
# members' messages 接龙 entries and some red-packet openings; the
# activities and activity_weeks tables against tests/prop/reference_activity.py
# (its members per week from the reference's weekly table).
python3 - roles.csv chat.csv > chat-act.csv <<'PY'
import csv, sys
staff = {r["user_id"] for r in csv.DictReader(open(sys.argv[1]))}
rd = csv.DictReader(open(sys.argv[2], encoding="utf-8", newline=""))
w = csv.DictWriter(sys.stdout, rd.fieldnames, lineterminator="\n")
w.writeheader()
for r in rd:
    if r["kind"] == "message" and r["msg_id"]:
        if r["user_id"] in staff and r["msg_id"].endswith("3"):
            r["media"], r["text"] = "red_packet", ""
        elif r["user_id"] not in staff and r["msg_id"].endswith("7"):
            r["media"] = "jielong"
        elif r["user_id"] not in staff and r["msg_id"][-1] in "19":
            r["kind"], r["name"], r["media"], r["text"] = \
                "custom", "red_packet_open", "", ""
    w.writerow(r)
PY
qp-cat -c -l 0 chat-act.csv > chat-act.gz
qp-dedupe -q -l 0 roles.gz chat-act.gz |
    qp-cohort -q --tz Asia/Shanghai --activity '话题:^[a-m]' \
    --activity '抽奖:!$' --activity-window 2h -l 0 > a.gz
qp-cat -t events a.gz > events.csv
python3 "$QP_TOP/tests/prop/reference.py" Asia/Shanghai events.csv aref roles.csv
python3 "$QP_TOP/tests/prop/reference_activity.py" Asia/Shanghai events.csv \
    roles.csv aref/weekly.csv 7200 '话题:^[a-m]' '抽奖:!$' aref
n=0
for t in activities activity_weeks; do
	qp-cat --ids -t $t a.gz | tail -n +2 > ours.csv
	if ! cmp -s ours.csv aref/$t.csv; then
		echo "crosscheck: activities, $t differs from the reference:"
		diff ours.csv aref/$t.csv | head -10
		exit 1
	fi
	n=$((n + $(wc -l < ours.csv)))
done
[ $n -gt 50 ] || { echo "crosscheck: activities: only $n rows"; exit 1; }
echo "crosscheck: activities, $n rows of 2 tables equal an independent computation"
# Connections and newcomers (issue 18) against tests/prop/reference_edges.py,
# with and without the roles above: gen-chat writes replies; a mentions
# column is added (every 4th message of a group mentions the sender two
# messages back, every 12th also an id never seen).
python3 - <<'P'
import csv
r = list(csv.reader(open("chat.csv", encoding="utf-8", newline="")))
h = r[0] + ["mentions"]
gi, ui, ki = h.index("group_id"), h.index("user_id"), h.index("kind")
prev, n = {}, 0
for row in r[1:]:
    m = ""
    if row[ki] == "message":
        n += 1
        seen = prev.setdefault(row[gi], [])
        if n % 4 == 0 and len(seen) >= 2:
            m = seen[-2] + (" u999999" if n % 12 == 0 else "")
        seen.append(row[ui])
    row.append(m)
csv.writer(open("chatm.csv", "w", encoding="utf-8", newline=""),
           lineterminator="\n").writerows([h] + r[1:])
P
nick='^[^ ]+ [^ ]+$'
qp-cat -c -l 0 chatm.csv > chatm.gz
for with in none roles; do
	if [ $with = roles ]; then in="roles.gz chatm.gz"; r=roles.csv; else in=chatm.gz; r=; fi
	qp-dedupe -q -l 0 $in | qp-cohort -q --tz Asia/Shanghai \
	    --nickname-format "$nick" -l 0 > m.gz
	qp-cat -t events m.gz > events.csv
	python3 "$QP_TOP/tests/prop/reference_edges.py" Asia/Shanghai events.csv \
	    eref "$nick" $r
	n=0
	for t in edges connections influence newcomers welcomes; do
		qp-cat --ids -t $t m.gz | tail -n +2 > ours.csv
		if ! cmp -s ours.csv eref/$t.csv; then
			echo "crosscheck: $t ($with) differs from the reference:"
			diff ours.csv eref/$t.csv | head -10
			exit 1
		fi
		n=$((n + $(wc -l < ours.csv)))
	done
	echo "crosscheck: roles $with, $n rows of 5 connection and newcomer tables equal an independent computation"
done

# Money: the generated paid events get amounts, and more payments are
# added (some with no group, some in USD), so that orders and ltv have
# repeat buyers, payments counted in every group of their payer and two
# currencies; both tables must equal the reference's.
python3 - chat.csv > money.csv <<'P'
import csv, sys
r = csv.reader(open(sys.argv[1], encoding="utf-8", newline=""))
w = csv.writer(sys.stdout, lineterminator="\n")
hdr = next(r)
w.writerow(hdr)
ix = {c: i for i, c in enumerate(hdr)}
k = 0
for row in r:
    if row[ix["kind"]] == "custom" and row[ix["name"]] == "paid":
        row[ix["text"]] = "%d.%02d CNY" % (k * 37 % 500 + 1, k % 100)
        k += 1
    w.writerow(row)
    # every 40th message: its sender pays, in its group or in none
    if row[ix["kind"]] == "message" and k % 40 == 0 and row[ix["user_id"]]:
        p = list(row)
        p[ix["kind"]], p[ix["name"]] = "custom", "paid"
        p[ix["msg_id"]] = "pay%d" % k
        p[ix["media"]] = ""
        p[ix["text"]] = "%d.%02d %s" % (k % 300 + 1, k * 7 % 100,
                                         "USD" if k % 120 == 0 else "CNY")
        if k % 80 == 0:
            p[ix["group_id"]] = p[ix["group"]] = ""
        w.writerow(p)
    k += 1
P
qp-cat -c -l 0 money.csv | qp-dedupe -q -l 0 |
    qp-cohort -q --tz Asia/Shanghai -l 0 > m.gz
qp-cat -t events m.gz > events.csv
python3 "$QP_TOP/tests/prop/reference.py" Asia/Shanghai events.csv mref
n=0
for t in orders ltv; do
	qp-cat --ids -t $t m.gz | tail -n +2 > ours.csv
	if ! cmp -s ours.csv mref/$t.csv; then
		echo "crosscheck: $t differs from the reference:"
		diff ours.csv mref/$t.csv | head -10
		exit 1
	fi
	n=$((n + $(wc -l < ours.csv)))
done
[ "$n" -gt 100 ] || { echo "crosscheck: only $n money rows"; exit 1; }
echo "crosscheck: $n rows of orders and ltv (two currencies, payments without a group) equal an independent computation"
