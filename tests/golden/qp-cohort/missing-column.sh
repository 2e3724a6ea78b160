# an events table without a required column: the message names it
printf 'ts,group_id,user_id,kind\n2024-01-01T10:00:00Z,g,a,message\n' > e.csv
qp-cat -c e.csv | qp-cohort --tz UTC > /dev/null
