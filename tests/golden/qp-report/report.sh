# A whole chain on a small community, checked by hand where it matters:
# the KPIs and their sources, warnings, the to-do lists, names that could
# break markdown, gnuplot or a spreadsheet; the same input gives the same
# bytes; every table is a CSV that starts with a BOM.
cat > e.csv <<'E'
ts,platform,group_id,group,user_id,user,kind,actor,via,msg_id,media,text,name,src
2024-05-01T10:00:00+08:00,wechat,g1,读书会 'A' $x `y`,u1,林晓,join,,added,1,,,,a
2024-05-01T10:00:00+08:00,wechat,g1,读书会 'A' $x `y`,u2,=cmd|' /C calc'!A0,join,u1,invite,2,,,,a
2024-05-01T10:00:00+08:00,wechat,g1,读书会 'A' $x `y`,u3,陈一鸣,join,u1,qrcode,3,,,,a
2024-05-01T11:00:00+08:00,wechat,g1,读书会 'A' $x `y`,u1,林晓,message,,,4,text,大家好,,a
2024-05-01T11:05:00+08:00,wechat,g1,读书会 'A' $x `y`,u2,=cmd|' /C calc'!A0,message,,,5,text,hi,,a
2024-05-02T11:00:00+08:00,wechat,g1,读书会 'A' $x `y`,u1,林晓,message,,,6,text,第二天,,a
2024-05-20T11:00:00+08:00,wechat,g1,读书会 'A' $x `y`,u1,林晓,message,,,7,text,还在吗,,a
E
qp-cat -c -l 0 e.csv | qp-dedupe -l 0 | qp-cohort --tz Asia/Shanghai -l 0 |
    qp-funnel --tz Asia/Shanghai -l 0 > s.gz
qp-report --tz Asia/Shanghai -o out s.gz
ls out
sed -n '1,/^## Activity\|^## 活跃/p' out/report.md
grep -A3 '^### 预警\|^### Warnings' out/report.md
echo "first bytes of members.csv, and its formula-looking name:"
head -c 3 out/members.csv | od -An -tx1
grep -c "\"'=cmd" out/members.csv
echo "charts: PNG and SVG, each a real image:"
for f in out/*.png; do
	[ "$(head -c 8 "$f" | od -An -tx1 | tr -d ' ')" = 89504e470d0a1a0a ] &&
	    [ $(wc -c < "$f") -gt 5000 ] || echo "bad $f"
done
for f in out/*.svg; do
	grep -q '</svg>' "$f" && [ $(wc -c < "$f") -gt 2000 ] || echo "bad $f"
done
ls out/*.png | wc -l
echo "the same stream, the same files:"
qp-report --tz Asia/Shanghai -o again s.gz
for f in out/*; do cmp "$f" "again/${f#out/}"; done && echo same
