# Targets travel with the stream: qp-cohort --targets writes them into a
# targets table, qp-report judges by them, and qp-report --targets has the
# last word.  A bad targets file names the file and line.
printf 'ts,group_id,user_id,kind,msg_id\n2024-01-01T10:00:00Z,g,a,message,1\n2024-01-01T11:00:00Z,g,b,join,2\n' > e.csv
printf '# ours\nspeaking_rate 0.6\nfission_ratio 2\n' > ours
printf 'speaking_rate 0.4\n' > boss
qp-cat -c -l 0 e.csv | qp-cohort --tz UTC --targets ours -l 0 > s.gz
qp-cat -t targets s.gz
qp-report --lang en --tz UTC --no-charts -o r s.gz
grep '^| daily speaking rate |\|^| fission ratio |' r/report.md
qp-report --lang en --tz UTC --no-charts --targets boss -o r s.gz
grep '^| daily speaking rate |' r/report.md
printf 'speaking_rate lots\n' > bad
qp-cohort --tz UTC --targets bad < /dev/null || echo "exit $?"
printf 'happiness 1\n' > bad
qp-report --tz UTC --targets bad -o r2 s.gz || echo "exit $?"
