# --from/--to wider than the data: the title names the data's first day and
# the end date, and says the period was cut; a --period month keeps its
# whole month in the title.
printf 'ts,group_id,user_id,kind,msg_id\n2024-06-03T10:00:00Z,g,a,message,1\n2024-06-05T10:00:00Z,g,b,message,2\n' > e.csv
qp-cat -c -l 0 e.csv | qp-cohort --tz UTC -l 0 > s.gz
qp-report --lang en --tz UTC --no-charts --from 0001-01-01 --to 9999-12-31 -o r s.gz
head -3 r/report.md
qp-report --tz UTC --no-charts --from 2024-06-04 --to 9999-12-31 -o r s.gz
head -3 r/report.md
qp-report --lang en --tz UTC --no-charts --from 2024-06-04 --to 2024-06-05 -o r s.gz
head -1 r/report.md
qp-report --lang en --tz UTC --no-charts --period 2024-06 -o r s.gz
head -1 r/report.md
