# METRICS.md R3-R17 and R20 on one group, checked by hand (UTC days;
# 2024-03-01 is a Friday: W09 ends Sunday 03-03, W10 holds E = 03-08).
#  u1 joins (added), speaks, posts a long text (UGC) and a core week (3 in W10);
#  u2 joins by u1's invitation, says bye (same second as leaving: R5 puts the
#     message first), rejoins by link, leaves, speaks again (inferred, R3);
#  u3 speaks before joining (inferred; the join is a no-op);
#  u4 and u5 are first seen leaving / being removed ([t,t] memberships);
#  u6 joins by link and never speaks (a lurker after 7 days);
#  u2's bye replies to u1 (one reply pair).
cat > e.csv <<'E'
ts,group_id,user_id,user,kind,actor,via,msg_id,reply_to,media,src,text
2024-03-01T10:00:00Z,g1,u1,Ann,join,,added,1,,,a,
2024-03-01T10:00:00Z,g1,u2,Bo,join,u1,invite,2,,,a,
2024-03-01T10:00:00Z,g1,u6,Lu,join,,link,3,,,a,
2024-03-01T12:00:00Z,g1,u1,Ann,message,,,4,,text,a,hi
2024-03-02T09:00:00Z,g1,u2,Bo,leave,,,6,,,a,
2024-03-02T09:00:00Z,g1,u2,Bo,message,,,5,4,text,a,bye
2024-03-03T10:00:00Z,g1,u2,Bo,join,,link,7,,,a,
2024-03-03T11:00:00Z,g1,u3,Cy,message,,,8,,text,a,hello
2024-03-03T12:00:00Z,g1,u3,Cy,join,u1,invite,9,,,a,
2024-03-04T08:00:00Z,g1,u4,Di,leave,,,10,,,a,
2024-03-05T08:00:00Z,g1,u5,Ed,remove,u1,,11,,,a,
2024-03-05T09:00:00Z,g1,u1,Ann,join,,link,12,,,a,
2024-03-06T10:00:00Z,g1,u2,Bo,leave,,,13,,,a,
2024-03-06T11:00:00Z,g1,u2,Bo 2,message,,,14,,text,a,back
2024-03-07T09:00:00Z,g1,u1,Ann,message,,,15,,text,a,a
2024-03-07T09:01:00Z,g1,u1,Ann,message,,,16,,text,a,b
2024-03-08T09:00:00Z,g1,u1,Ann,message,,,17,,text,a,这是一条超过五十个字的长消息这是一条超过五十个字的长消息这是一条超过五十个字的长消息这是一条超过五十个字的长消息
E
qp-cat -c -l 0 e.csv | qp-dedupe -l 0 | qp-cohort --tz UTC -l 0 > c.gz
# the group column: 2nd in daily and weekly, 1st elsewhere
col() { case $1 in daily|weekly) echo 2;; *) echo 1;; esac; }
for t in daily weekly members retention cohort health; do
	qp-cat --ids -t $t c.gz | awk -F, -v c=$(col $t) '$c != "*"'
done
echo "* equals g1 in every table:"
for t in daily weekly members retention cohort health; do
	qp-cat --ids -t $t c.gz | awk -F, -v OFS=, -v c=$(col $t) \
	    'NR > 1 && $c == "*" { $c = "g1"; print }' > star
	qp-cat --ids -t $t c.gz | awk -F, -v c=$(col $t) '$c == "g1"' | cmp - star &&
	    echo "$t ok"
done
