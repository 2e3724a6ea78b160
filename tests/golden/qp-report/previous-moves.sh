# --previous names who moved (升级, 降级, 新进, 离开) and writes them to
# tier_moves.csv; it reads a stream or an earlier report's members.csv.
# By 01-10: a core (UGC), b and d ordinary.  By 03-01: a ordinary again
# (2-week demotion), b core (UGC), c new, d left.
long=$(printf '%060d' 0)
cat > e.csv <<E
ts,group_id,user_id,user,kind,msg_id,text
2024-01-01T10:00:00Z,g,a,Ann,join,1,
2024-01-01T10:00:00Z,g,b,Bo,join,2,
2024-01-01T10:00:00Z,g,d,Di,join,3,
2024-01-02T10:00:00Z,g,a,Ann,message,4,$long
2024-01-20T10:00:00Z,g,c,Cy,join,5,
2024-02-01T10:00:00Z,g,d,Di,leave,6,
2024-02-20T10:00:00Z,g,b,Bo,message,7,$long
2024-03-01T10:00:00Z,g,c,Cy,message,8,hi
E
qp-cat -c -l 0 e.csv > s.gz
qp-cohort --tz UTC --asof 2024-01-10 s.gz > jan.gz
qp-cohort --tz UTC s.gz > mar.gz
qp-report --lang en --tz UTC --no-charts --previous jan.gz -o r mar.gz
sed -n '/^### Tier changes/,/^### Top/p' r/report.md
cat r/tier_moves.csv
echo '--- from the January report'"'"'s members.csv, in Chinese'
qp-report --tz UTC --no-charts -o jr jan.gz
qp-report --tz UTC --no-charts --previous jr/members.csv -o r2 mar.gz
grep -e '^\*\*' r2/report.md
echo '--- from a pipe (<(zcat ...), /dev/stdin): read twice, so copied first'
cat jan.gz | qp-report --lang en --tz UTC --no-charts --previous /dev/stdin \
    -o r3 mar.gz
cmp r/tier_moves.csv r3/tier_moves.csv && echo same moves
