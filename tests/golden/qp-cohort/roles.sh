# Staff and bots (the roles table) are not members (UTC days, --dead-days 3):
#  o1 owns g1 and speaks on 03-01 only: from 03-04 the owner has been
#     silent 3 days, owner_silent_since 03-02;
#  a1, an assistant, adds u2 and posts 3 times; b1, a bot, posts once;
#     neither is in members, daily, weekly, health or the funnel, and a1's
#     invitation is not fission (u1's of u3 is);
#  u1, u2, u3 are the members: daily speakers and messages are theirs,
#     staff_share is staff and bot messages over all the group's.
cat > e.csv <<'E'
ts,group_id,user_id,user,kind,actor,via,msg_id,reply_to,media,src,text
2024-03-01T09:00:00Z,g1,o1,Owner,message,,,1,,text,a,welcome
2024-03-01T10:00:00Z,g1,u1,Ann,join,,added,2,,,a,
2024-03-01T10:00:00Z,g1,u2,Bo,join,a1,invite,3,,,a,
2024-03-01T11:00:00Z,g1,u1,Ann,message,,,4,,text,a,hi
2024-03-01T12:00:00Z,g1,a1,Helper,message,,,5,,text,a,rules
2024-03-01T12:01:00Z,g1,a1,Helper,message,,,6,,text,a,schedule
2024-03-01T12:02:00Z,g1,a1,Helper,message,,,7,,text,a,check in
2024-03-02T08:00:00Z,g1,b1,Bot,message,,,8,,text,a,daily tip
2024-03-02T09:00:00Z,g1,u3,Cy,join,u1,invite,9,,,a,
2024-03-03T09:00:00Z,g1,u2,Bo,message,,,10,,text,a,hello
2024-03-06T09:00:00Z,g1,u1,Ann,message,,,11,,text,a,still here
E
printf 'group_id,user_id,role,source\ng1,a1,assistant,staff\ng1,b1,bot,export\ng1,o1,owner,staff\n' > r.csv
qp-cat -c -t roles r.csv > r.gz
qp-cat -c e.csv > e.gz
qp-dedupe -l 0 r.gz e.gz | qp-cohort --tz UTC --dead-days 3 -l 0 |
    qp-funnel --tz UTC -l 0 > c.gz
for t in daily members staff health funnel fission; do
	qp-cat --ids -t $t c.gz
done
echo '--- qp-ingest writes roles after the events: qp-dedupe puts them first'
printf '消息对象:g\n\n2024-03-01 09:00:00 【群主】阿光(100)\n欢迎\n' > qq.txt
qp-ingest -q --tz UTC qq.txt | qp-cohort --tz UTC > /dev/null || echo "exit $?"
qp-ingest -q --tz UTC qq.txt | qp-dedupe | qp-cohort --tz UTC | qp-cat --ids -t staff
