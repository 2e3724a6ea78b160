# The lifecycle chart counts whole days: a group of three days had ticks
# at 0.5, 1.5, 2.5 and 3.5 on its days axis.
printf 'ts,group_id,user_id,kind,msg_id\n' > e.csv
for d in 03 04 05; do
	printf '2024-06-%sT10:00:00Z,g,a,message,%s\n' $d $d >> e.csv
done
qp-cat -c -l 0 e.csv | qp-cohort --tz UTC --asof 2024-06-30 -l 0 > s.gz
qp-report --lang en --period 2024-06 -o r s.gz
sed -n 's/.*<text>\([^<]*\)<\/text>.*/\1/p' r/lifecycle.svg | grep -E '^ *[0-9.]+$' |
    paste -sd' ' -
