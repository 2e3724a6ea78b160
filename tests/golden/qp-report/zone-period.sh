# Without --tz, qp-report counts days in the zone the stream's stages
# used (here Asia/Shanghai, while the tests run with TZ=UTC): a's message
# at 17:00 UTC on May 31 is on June 1 in Shanghai, so in June's report.
# A period outside the data exits 1 naming the data's first and last day,
# and leaves the report that was there.
cat > e.csv <<'E'
ts,group_id,group,user_id,user,kind,msg_id
2024-05-20T10:00:00Z,g,G,a,Ann,join,1
2024-05-20T10:00:00Z,g,G,b,Bo,join,2
2024-05-31T17:00:00Z,g,G,a,Ann,message,3
2024-06-03T10:00:00Z,g,G,b,Bo,message,4
E
qp-cat -c -l 0 e.csv | qp-cohort --tz Asia/Shanghai --asof 2024-06-30 -l 0 > s.gz
qp-report --lang en --no-charts --period 2024-06 -o r s.gz
grep -A5 '### Top contributors' r/report.md
qp-report --lang en --no-charts --tz UTC --period 2024-06 -o r2 s.gz
grep -A5 '### Top contributors' r2/report.md
cp r/report.md before.md
qp-report --no-charts --period 2099-01 -o r s.gz || echo "exit $?"
qp-report --no-charts --from 2020-01-01 --to 2020-02-01 -o r s.gz || echo "exit $?"
# as monthly-report runs it for a month after the data: qp-cohort refuses
# the --asof, so the stream never reaches qp-report
qp-cat -c -l 0 e.csv | qp-cohort --tz Asia/Shanghai --asof 2099-01-31 -l 0 > late.gz || echo "exit $?"
cmp before.md r/report.md && echo "the report is unchanged"
ls | grep tmp || echo "no temporary directory left"
