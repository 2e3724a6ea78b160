printf 'ts,group_id,user_id,kind,msg_id\n2024-01-01T10:00:00Z,g1,a,message,1\n' > e.csv
qp-cat -c e.csv > s.gz
head -c 60 s.gz | qp-sessionize > /dev/null || echo "exit $?"
zcat s.gz | qp-sessionize | qp-cat --ids -t sessions
