printf 'ts,group_id,user_id,kind,msg_id\n2024-01-01T10:00:00Z,g1,a,message,2\n2024-01-01T10:00:00Z,g1,b,message,1\n' > e.csv
qp-cat -c e.csv | qp-sessionize > /dev/null
