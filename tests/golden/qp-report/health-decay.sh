# The health table's days 8–30 vs 1–7 is a percentage, as in the warning
# beside it (the table printed 0.0761, the warning 7.6%).
printf 'ts,group_id,user_id,kind,msg_id\n' > e.csv
for d in 01 02 03 04 10; do
	printf '2024-06-%sT10:00:00Z,g,a,message,%s\n' $d $d >> e.csv
done
qp-cat -c -l 0 e.csv | qp-cohort --tz UTC --asof 2024-06-30 -l 0 > s.gz
qp-report --lang en --no-charts --period 2024-06 -o r s.gz
grep -F '| g |' r/report.md
grep -F 'after the first week' r/report.md
