# The scorecard opens the report: one row per group, worst first (targets
# missed, then the lowest daily speaking rate), the community last, and
# scorecard.csv.  g1 has a roster (u3 never speaks, u4 is gone by 06-15:
# a leave inferred from the roster); g2 has an assistant (staff share),
# a question answered within the hour (judged by --targets answered_1h),
# a removal and a leave.
cat > e.csv <<'E'
ts,group_id,group,user_id,user,kind,actor,msg_id,reply_to,text,src
2024-06-01T10:00:00Z,g1,Book club,u1,Ann,message,,1,,hello,a
2024-06-01T11:00:00Z,g1,Book club,u2,Bo,message,,2,,hi,a
2024-06-10T11:00:00Z,g1,Book club,u2,Bo,message,,3,,still here,a
2024-06-01T09:00:00Z,g2,Runners,a1,Helper,message,,4,,welcome,a
2024-06-01T10:00:00Z,g2,Runners,u5,Eve,join,a1,5,,,a
2024-06-01T10:05:00Z,g2,Runners,u5,Eve,message,,6,,where do we meet?,a
2024-06-01T10:20:00Z,g2,Runners,u6,Fay,message,,7,6,at the park,a
2024-06-02T10:00:00Z,g2,Runners,u6,Fay,message,,8,,run today,a
2024-06-03T10:00:00Z,g2,Runners,u7,Gus,message,,9,,me too,a
2024-06-05T10:00:00Z,g2,Runners,u7,Gus,remove,a1,10,,,a
2024-06-06T10:00:00Z,g2,Runners,u6,Fay,leave,,11,,,a
2024-06-20T10:00:00Z,g2,Runners,u5,Eve,message,,12,,anyone?,a
E
printf 'group_id,date,user_id\ng1,2024-06-01,u1\ng1,2024-06-01,u2\ng1,2024-06-01,u3\ng1,2024-06-01,u4\ng1,2024-06-15,u1\ng1,2024-06-15,u2\ng1,2024-06-15,u3\n' > r.csv
printf 'group_id,user_id,role,source\ng2,a1,assistant,staff\n' > roles.csv
qp-cat -c -l 0 e.csv > e.gz
qp-cat -c -l 0 -t roster r.csv > r.gz
qp-cat -c -l 0 -t roles roles.csv > roles.gz
qp-dedupe -l 0 roles.gz r.gz e.gz | qp-sessionize -l 0 |
    qp-cohort --tz UTC --asof 2024-06-30 -l 0 > s.gz
printf 'answered_1h 0.4\n' > targets
qp-report --lang en --tz UTC --no-charts --period 2024-06 --targets targets \
    -o r s.gz
sed -n '/^## Scorecard/,/^## Summary/p' r/report.md
cat r/scorecard.csv
echo '--- without a roster, the head count is what the export shows'
qp-dedupe -l 0 roles.gz e.gz | qp-sessionize -l 0 |
    qp-cohort --tz UTC --asof 2024-06-30 -l 0 > s2.gz
qp-report --lang en --tz UTC --no-charts --period 2024-06 -o r2 s2.gz
sed -n '/^## Scorecard/,/^## Summary/p' r2/report.md |
    grep -e '^| Book club' -e 'export shows'

echo '--- in Chinese'
qp-report --tz UTC --no-charts --period 2024-06 -o r3 s.gz
grep -A1 '^## 各群记分卡' r3/report.md
grep -m1 '^| 群 |' r3/report.md
grep '名单' r3/report.md

echo '--- a period that ends before the end date: whose members the column counts'
qp-report --lang en --tz UTC --no-charts --from 2024-06-01 --to 2024-06-10 \
    -o r4 s.gz
grep -e '^Members are those' -e '^\*\*' r4/report.md
