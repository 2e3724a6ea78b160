# An --asof outside the data exits 1 naming the data's first and last day:
# before the first event, or more than 31 days after the last (an old
# export); up to 31 days after it, and any day between, are fine.
printf 'ts,group_id,user_id,kind,msg_id\n2024-05-01T10:00:00Z,g,a,join,1\n2024-06-24T10:00:00Z,g,a,message,2\n' > e.csv
qp-cat -c -l 0 e.csv > s.gz
for d in 2024-04-30 2024-05-01 2024-06-01 2024-07-25 2024-07-26 2099-01-31; do
	if qp-cohort --tz UTC --asof $d s.gz > /dev/null; then echo "$d: ok"; else echo "$d: exit $?"; fi
done
# the events after --asof count for the data's span, not for the tables
qp-cohort --tz UTC --asof 2024-05-15 s.gz | qp-cat --stats > /dev/null
echo keep > old.gz; qp-cohort --tz UTC --asof 2099-01-31 -o old.gz s.gz 2>/dev/null || cat old.gz
