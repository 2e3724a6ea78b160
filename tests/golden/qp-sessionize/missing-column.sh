printf 'ts,group_id,user_id,kind\n2024-01-01T10:00:00Z,g1,a,message\n' > x.csv
qp-cat -c x.csv | qp-sessionize > /dev/null
