# A group with no joins: every member is inferred (join_inferred 1), so
# no one is in a cohort: retention rows stay with eligible 0, the cohort
# table has no rows, activation is empty.  --by month, --days 2 and a
# second run over its own output (its tables are replaced, not doubled).
printf 'ts,group_id,user_id,kind,msg_id\n2024-01-01T10:00:00Z,g1,a,message,1\n2024-01-03T10:00:00Z,g1,b,message,2\n2024-01-03T11:00:00Z,g1,b,message,3\n' > e.csv
qp-cat -c -l 0 e.csv | qp-cohort --tz UTC --by month --days 2 -l 0 > c.gz
qp-cohort --tz UTC --by month --days 2 c.gz | qp-cat | grep -v '^#qp,stage'
