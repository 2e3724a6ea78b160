# gen-chat -S community, the data make bench runs on: its shape (power-law
# groups, lurkers, about 1% duplicate rows, stated by -v) and the chain's
# tables on it against the independent computation (tests/prop/reference.py).
command -v python3 >/dev/null || { echo "community: needs python3"; exit 1; }
"$QP_GENCHAT" -S community -n 40000 -s 3 -v > chat.csv 2> shape.txt
num() { sed -n "s/.*[ (]\([0-9.]*\)$1.*/\1/p" shape.txt; }
groups=$(num ' groups') small=$(num ' under 50') people=$(num ' people')
speak=$(num ' of whom') dup=$(num '%)')
if [ "$groups" != 8 ] || [ "$small" -lt 4 ] || [ "$speak" -ge "$people" ] ||
    ! awk -v d="$dup" 'BEGIN { exit !(d >= 0.3 && d <= 3) }'; then
	echo "community: shape: $(cat shape.txt)"
	exit 1
fi
rows=$(python3 -c 'import csv; print(sum(1 for _ in csv.reader(open("chat.csv", newline=""))) - 1)')
grep -q " $rows rows," shape.txt || { echo "community: rows: $rows, $(cat shape.txt)"; exit 1; }
qp-cat -c -l 0 chat.csv | qp-dedupe -q -l 0 |
    qp-cohort -q --tz Asia/Shanghai -l 0 |
    qp-funnel -q --tz Asia/Shanghai -l 0 > s.gz
qp-cat -t events s.gz > events.csv
python3 "$QP_TOP/tests/prop/reference.py" Asia/Shanghai events.csv ref
for t in daily weekly members retention cohort health funnel fission; do
	qp-cat --ids -t $t s.gz | tail -n +2 > ours.csv
	if ! cmp -s ours.csv ref/$t.csv; then
		echo "community: $t differs from the reference:"
		diff ours.csv ref/$t.csv | head -10
		exit 1
	fi
done
# The same chats as WhatsApp exports, one per group (-o): qp-ingest finds
# every group in the folder.
mkdir wa
"$QP_GENCHAT" -S community -n 40000 -s 3 -f whatsapp -o wa
[ "$(ls wa | wc -l)" = 8 ] || { echo "community: $(ls wa | wc -l) WhatsApp exports"; exit 1; }
qp-ingest -q --tz Asia/Shanghai -l 0 wa | qp-cat -t events |
    python3 -c 'import csv, sys; print(len({r["group"] for r in csv.DictReader(sys.stdin)}))' > n
[ "$(cat n)" = 8 ] || { echo "community: qp-ingest found $(cat n) groups in 8 exports"; exit 1; }
echo "community: $(cat shape.txt)"
