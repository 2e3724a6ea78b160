# Joining and leaving on one day (R7: a leaver counts on the day they
# leave): a is a member that day, joins 1 and leaves 1, and gone the next.
printf 'ts,group_id,user_id,kind,msg_id\n2024-06-01T09:00:00Z,g,a,join,1\n2024-06-01T09:30:00Z,g,a,message,2\n2024-06-01T18:00:00Z,g,a,leave,3\n2024-06-02T10:00:00Z,g,b,message,4\n' > e.csv
qp-cat -c -l 0 e.csv | qp-cohort --tz UTC | qp-cat --ids -t daily
qp-cat -c -l 0 e.csv | qp-cohort --tz UTC | qp-cat --ids -t members | cut -d, -f1-8
