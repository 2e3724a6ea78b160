# --previous: how members moved between tiers since the last period's
# stream.  By 01-10, a is core (a long message, UGC, in the last 28 days)
# and b ordinary; by 03-01, a's UGC is older than 28 days (ordinary), b
# has left, c is new.
long=$(printf '%060d' 0)
cat > e.csv <<E
ts,group_id,user_id,kind,msg_id,text
2024-01-01T10:00:00Z,g,a,join,1,
2024-01-01T10:00:00Z,g,b,join,2,
2024-01-02T10:00:00Z,g,a,message,3,$long
2024-01-20T10:00:00Z,g,c,join,4,
2024-02-01T10:00:00Z,g,b,leave,5,
2024-03-01T10:00:00Z,g,c,message,6,hi
E
qp-cat -c -l 0 e.csv > s.gz
qp-cohort --tz UTC --asof 2024-01-10 s.gz > jan.gz
qp-cohort --tz UTC s.gz > mar.gz
qp-report --lang en --tz UTC --no-charts --previous jan.gz -o r mar.gz
grep -A7 '### Tier changes' r/report.md
