# A kept table with a row of 64 KB or more (a 70,000-byte nickname) after
# shorter ones: its rows come back whole in the CSVs.  Sessions name
# their starters before members comes in the stream: they wait on disk
# and are named after it; edges, which no section reads, are named too.
long=$(head -c 70000 /dev/zero | tr '\0' 'x')
printf 'ts,group_id,group,user_id,user,kind,msg_id,reply_to\n' > e.csv
printf '2024-06-03T10:00:00Z,g,Gee,u1,short,message,1,\n' >> e.csv
printf '2024-06-03T10:01:00Z,g,Gee,u2,%s,message,2,1\n' "$long" >> e.csv
printf '2024-06-03T10:02:00Z,g,Gee,u3,third,message,3,2\n' >> e.csv
qp-cat -c -l 0 e.csv | qp-sessionize -l 0 | qp-cohort --tz UTC -l 0 > s.gz
qp-report --lang en --no-charts -o r s.gz
echo "members.csv: group_id, user_id, length of user"
awk -F, 'NR > 1 { print $1, $3, length($4) }' r/members.csv
echo "sessions.csv: starter, length of starter_name"
awk -F, 'NR > 1 { print $(NF - 1), length($NF) }' r/sessions.csv
echo "edges.csv:"
sed 1d r/edges.csv
ls -A r | grep spill || echo "no spill file left"
