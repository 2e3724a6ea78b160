# events out of order: the message names the record and says what to do
printf 'ts,group_id,user_id,kind,msg_id\n2024-01-02T10:00:00Z,g1,a,message,1\n2024-01-01T10:00:00Z,g1,b,message,2\n' > e.csv
qp-cat -c e.csv | qp-cohort --tz UTC > /dev/null
