# Rosters (qp-ingest --roster: the roster table) give the real head count
# (UTC days; g1's snapshots on 03-01, 03-05 and 03-09):
#  u5 never speaks and u6 never speaks and is gone by 03-05: both count in
#     members from the group's first day, u6 left on 03-05 (inferred);
#  u1 speaks on 03-01 and 03-06 and is not listed on 03-09: left 03-09;
#  u2 joins on 03-02 (a recorded join stays the join) and stays listed;
#  u7 is listed on 03-09 only: a member from that day (join_inferred);
#  u8 speaks on 03-02, 03-07 and 03-10 and is never listed: left 03-05,
#     back 03-07 (the events win), left 03-09, back 03-10;
#  u3 speaks on 03-10 after the last snapshot: a member from then;
#  s1, the owner, is listed but staff are not members;
#  g2 has a roster but no events: said, not used.
cat > e.csv <<'E'
ts,group_id,user_id,user,kind,actor,via,msg_id,reply_to,media,src,text
2024-03-01T10:00:00Z,g1,u1,Ann,message,,,1,,text,a,hi
2024-03-02T09:00:00Z,g1,u2,Bo,join,u1,invite,2,,,a,
2024-03-02T10:00:00Z,g1,u2,Bo,message,,,3,,text,a,hello
2024-03-02T11:00:00Z,g1,u8,Hu,message,,,4,,text,a,yo
2024-03-03T10:00:00Z,g1,s1,Owner,message,,,5,,text,a,rules
2024-03-06T10:00:00Z,g1,u1,Ann,message,,,6,,text,a,still here
2024-03-07T10:00:00Z,g1,u8,Hu,message,,,7,,text,a,back
2024-03-10T10:00:00Z,g1,u3,Cy,message,,,8,,text,a,new
2024-03-10T11:00:00Z,g1,u8,Hu,message,,,9,,text,a,again
E
cat > r.csv <<'E'
group_id,date,user_id
g1,2024-03-01,s1
g1,2024-03-01,u1
g1,2024-03-01,u5
g1,2024-03-01,u6
g1,2024-03-05,s1
g1,2024-03-05,u1
g1,2024-03-05,u2
g1,2024-03-05,u5
g1,2024-03-09,u2
g1,2024-03-09,u5
g1,2024-03-09,u7
g2,2024-03-01,u1
E
printf 'group_id,user_id,role,source\ng1,s1,owner,staff\n' > roles.csv
qp-cat -c -t roster r.csv > r.gz
qp-cat -c -t roles roles.csv > roles.gz
qp-cat -c e.csv > e.gz
qp-dedupe -l 0 roles.gz r.gz e.gz | qp-cohort --tz UTC -l 0 > c.gz
for t in daily members; do
	qp-cat --ids -t $t c.gz | grep -v '^[0-9-]*,\*,\|^\*,'
done
echo '--- without the roster'
qp-dedupe -l 0 roles.gz e.gz | qp-cohort --tz UTC -q | qp-cat --ids -t daily |
    grep ',g1,'
