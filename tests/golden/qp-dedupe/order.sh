# sorted by group, time, kind rank (join, message, leave), msg_id as numbers
printf 'ts,group_id,user_id,kind,msg_id,src\n2024-01-01T10:00:00Z,g2,u,message,1,a\n2024-01-01T10:00:00+01:00,g1,u,message,10,a\n2024-01-01T09:00:00Z,g1,u,leave,9,a\n2024-01-01T09:00:00Z,g1,u,message,9,a\n2024-01-01T09:00:00Z,g1,u,join,11,a\n2024-01-01T09:00:00Z,g1,v,message,2,a\n' > o.csv
qp-cat -c o.csv | qp-dedupe | qp-cat -t events
qp-cat -c o.csv | qp-dedupe -l 0 | qp-sessionize | qp-cat --ids -t sessions
