# --previous of a stream without a members table (qp-ingest's) exits 1
# naming it: every member was shown as new, and the run exited 0.
printf 'ts,group_id,user_id,kind,msg_id\n2024-06-03T10:00:00Z,g,a,message,1\n' > e.csv
qp-cat -c -l 0 e.csv > events.gz
qp-cohort --tz UTC --asof 2024-06-30 -l 0 events.gz > s.gz
qp-report --no-charts --period 2024-06 --previous events.gz -o r s.gz || echo "exit $?"
ls
