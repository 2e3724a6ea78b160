# Charts over groups whose names carry emoji, flags and ZWJ sequences, one
# of them nothing but emoji, one whose messages all fall on one day: no
# solid dark blotch in any PNG, no empty or undrawable label in any SVG,
# every group in the lifecycle legend (tests/prop/chart_check.py).
command -v python3 >/dev/null || { echo "report-charts: needs python3"; exit 1; }
command -v gnuplot >/dev/null || { echo "report-charts: needs gnuplot"; exit 1; }
python3 - <<'P'
groups = [("g1", "Run Club Paris 🇫🇷"), ("g2", "🔥Python学习群😂"),
          ("g3", "跑步群🏃‍♂️"), ("g4", "🔥🔥"), ("g5", "One day 👍🏽 group")]
rows = ["ts,group_id,group,user_id,user,kind,actor,via,msg_id,text,src"]
n = 0
for k, (g, name) in enumerate(groups):
    days = [10] if g == "g5" else range(1, 29)
    for i in range(6):
        n += 1
        rows.append(f"2024-06-{days[0]:02d}T09:{i:02d}:00+08:00,{g},{name},"
                    f"{g}u{i},User {i} 😀,join,{g + 'u0' if i else ''},"
                    f"{'invite' if i else 'added'},{n},,a")
    for d in days:
        for j in range(1 + (d * 7 + k) % 5):
            n += 1
            rows.append(f"2024-06-{d:02d}T{10 + j:02d}:{(d * 13) % 60:02d}"
                        f":00+08:00,{g},{name},{g}u{(d + j) % 6},,message,,,"
                        f"{n},hello 🎉,a")
open("e.csv", "w", encoding="utf-8").write("\n".join(rows) + "\n")
P
z=Asia/Shanghai
qp-cat -c -l 0 e.csv | qp-dedupe -q -l 0 | qp-sessionize -q -l 0 |
    qp-cohort -q --tz $z --asof 2024-06-30 -l 0 |
    qp-funnel -q --tz $z --asof 2024-06-30 -l 0 > s.gz
qp-report -q --lang zh --period 2024-06 -o r s.gz
python3 "$QP_TOP/tests/prop/chart_check.py" r 'Run Club Paris' 'Python学习群' \
    '跑步群' g4 'One day group'
