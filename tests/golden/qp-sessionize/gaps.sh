printf 'ts,group_id,user_id,kind,msg_id\n2024-01-01T10:00:00Z,g1,a,message,1\n2024-01-01T10:20:00Z,g1,b,message,2\n2024-01-01T10:49:00Z,g1,a,message,3\n2024-01-01T11:20:00Z,g1,c,join,4\n2024-01-01T11:20:00Z,g1,c,message,5\n2024-01-01T11:20:00Z,g1,c,message,5\n2024-01-01T09:00:00Z,g2,a,message,1\n2024-01-01T09:31:00Z,g2,a,message,2\n' > e.csv
# gap 30m: g1 splits at 11:20 (31 min after 10:49); g2 splits at 09:31
qp-cat -c -l 0 e.csv | qp-sessionize | qp-cat
# a longer gap joins them; a second run replaces the column and the table
qp-cat -c e.csv | qp-sessionize -l 0 | qp-sessionize --gap 1h | qp-cat --ids -t sessions
