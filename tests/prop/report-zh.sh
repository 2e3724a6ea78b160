# With --lang zh (the default) report.md is Chinese: no English word of
# the report's own text (group and member names, file names, commands and
# numbers aside), the default funnel's steps, tiers and units in Chinese.
z=Asia/Shanghai
s=$QP_TOP/samples
qp-ingest -q --tz $z -l 0 --events "$s/orders.csv" "$s/whatsapp" "$s/wechat" \
    "$s/telegram" "$s/camp" | qp-dedupe -q -l 0 | qp-sessionize -q -l 0 |
    qp-cohort -q --tz $z --asof 2024-06-30 -l 0 |
    qp-funnel -q --tz $z --asof 2024-06-30 -l 0 > s.gz
qp-report -q --no-charts --period 2024-06 -o zh s.gz
# Names and paths come from the data: take them out, with commands.
command -v python3 >/dev/null || { echo "report-zh: needs python3"; exit 1; }
qp-cat -t members s.gz > members.csv
qp-cat -t events s.gz > events.csv
python3 - zh/report.md members.csv events.csv > words <<'P'
import csv, re, sys
names = set()
for f, cols in ((sys.argv[2], ("group", "user")), (sys.argv[3], ("group", "user"))):
    for r in csv.DictReader(open(f, encoding="utf-8")):
        names.update(r[c] for c in cols if r.get(c))
# commands, and the exports read (path and format)
text = [l for l in open(sys.argv[1], encoding="utf-8")
        if not l.startswith("- `") and not
        (l.startswith("| ") and "/" in l.split("|")[1])]
text = "".join(text)
for n in sorted(names, key=len, reverse=True):
    text = text.replace(n, " ")
text = re.sub(r"[\w.!-]+\.(csv|txt|json|zip)", " ", text)
words = set(re.findall(r"[A-Za-z][A-Za-z_+]*", text)) - {"VIP", "N"}
print("\n".join(sorted(words)))
P
if [ -s words ] && [ "$(cat words)" != "" ]; then
	echo "report-zh: English in the Chinese report:"; cat words
	exit 1
fi
for w in 入群 72小时内发言 核心周 付费 核心 普通 分钟; do
	grep -q "$w" zh/report.md || { echo "report-zh: no $w"; exit 1; }
done
echo "report-zh: no English word in the Chinese report"
