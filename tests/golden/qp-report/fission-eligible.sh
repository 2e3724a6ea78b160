# The fission table's "still in after 30 days" is "—" for an inviter none
# of whose invitees joined 30 days before the end (eligible_30d 0): not
# yet known, where a 0 read as all of them gone.  Bo's invitee of May is
# eligible and still in (1); Cy's of June 25 is not yet (—).
cat > e.csv <<'E'
ts,group_id,group,user_id,user,kind,actor,msg_id,reply_to,text,src
2024-05-01T09:00:00Z,g,Club,u1,Bo,message,,1,,hi,a
2024-05-01T10:00:00Z,g,Club,u2,Di,join,u1,2,,,a
2024-05-01T11:00:00Z,g,Club,u2,Di,message,,3,,hello,a
2024-06-01T09:00:00Z,g,Club,u3,Cy,message,,4,,hey,a
2024-06-25T10:00:00Z,g,Club,u4,Ed,join,u3,5,,,a
2024-06-25T11:00:00Z,g,Club,u4,Ed,message,,6,,yo,a
E
qp-cat -c -l 0 e.csv | qp-sessionize -l 0 |
    qp-cohort --tz UTC --asof 2024-06-30 -l 0 | qp-funnel -q -l 0 > s.gz
qp-report --lang en --tz UTC --no-charts --period 2024-06 -o r s.gz
sed -n '/^## Fission/,/^Fission ratio/p' r/report.md
grep -v '^\*,' r/fission.csv
