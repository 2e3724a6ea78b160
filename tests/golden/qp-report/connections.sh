# The Connections and Newcomers sections (issue 18) from qp-cohort's
# tables, checked by hand against data like tests/golden/qp-cohort/edges.sh's:
# April only (--period 2024-04): the April row of connections (4 members,
# 2 speakers, 1 pair, density 0.0%, mean degree 0.50, 50.0% connected);
# KOLs over the whole stream: Bo first (reached by Ann's reply and Cy's
# mention: 2), then Ann (Cy's mention; she answered Bo and Cy: 2) and Cy
# (Ann's reply); April's newcomer
# Di: not welcomed (the to-do list), intro, nickname in the format (so not
# in 群昵称不合格式); March's newcomers are outside the period.
cat > e.csv <<'E'
ts,group_id,user_id,user,kind,msg_id,reply_to,media,src,text,mentions
2024-03-01T09:00:00Z,g1,u1,Ann,join,1,,,a,,
2024-03-01T09:00:00Z,g1,u2,Bo,join,2,,,a,,
2024-03-01T09:00:00Z,g1,u3,Cy,join,3,,,a,,
2024-03-01T11:00:00Z,g1,u2,Bo,message,6,,text,a,hi Ann,
2024-03-01T11:05:00Z,g1,u1,Ann,message,7,6,text,a,hi Bo,
2024-03-01T12:00:00Z,g1,u3,Cy,message,8,,text,a,@Bo @Ann hello,u2 u1
2024-04-02T09:00:00Z,g1,u4,Di-IT-Ann,join,10,,,a,,
2024-04-02T09:30:00Z,g1,u1,Ann,message,11,8,text,a,reply to Cy,
2024-04-02T10:00:00Z,g1,u4,Di-IT-Ann,message,12,,text,a,I work in IT in Berlin and run,
E
qp-cat -c -l 0 e.csv | qp-dedupe -q -l 0 | qp-cohort -q --tz UTC -l 0 \
    --nickname-format '^[^-]+-[^-]+-[^-]+$' > s.gz
qp-report --lang en --period 2024-04 -o r s.gz
sed -n '/^## Connections/,/^## To do/p' r/report.md
sed -n '/^### .*还没被欢迎/,/^## /p' r/report.md
ls r | grep -c density
