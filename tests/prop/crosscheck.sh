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
