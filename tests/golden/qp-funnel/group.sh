# --group ID|NAME: one group's funnel and fission only (a camp's), no
# community (*) rows and no other group's; by group_id or by name.  The
# end date stays the stream's (E = 03-20, the last event of any group).
#  camp: x joins 03-01; a joins invited by x, speaks an hour later; b joins
#    03-02 invited by x, never speaks: join 3, spoke 1 (median 3600 s);
#    fission: x invited 2, 1 activated, none 30 days old by E.
#  chat: c joins and speaks (not in the camp's rows).
cat > e.csv <<'E'
ts,group_id,group,user_id,kind,actor,via,msg_id,text,src
2024-03-01T10:00:00Z,camp1,训练营,x,join,,added,1,,a
2024-03-01T10:00:00Z,camp1,训练营,a,join,x,invite,2,,a
2024-03-01T11:00:00Z,camp1,训练营,a,message,,,3,开营,a
2024-03-02T10:00:00Z,camp1,训练营,b,join,x,invite,4,,a
2024-03-02T11:00:00Z,camp1,训练营,a,message,,,5,打卡,a
2024-03-01T10:00:00Z,chat,闲聊,c,join,,link,1,,b
2024-03-20T10:00:00Z,chat,闲聊,c,message,,,2,hi,b
2024-03-05T10:00:00Z,dup,闲聊,d,join,,link,1,,c
E
qp-cat -c -l 0 e.csv | qp-dedupe -l 0 > s.gz
qp-funnel --tz UTC --by none --group 训练营 -s join:kind=join \
    -s spoke:kind=message s.gz > f.gz
qp-cat -t funnel f.gz
qp-cat -t fission f.gz
qp-cat -t funnel f.gz > f1.csv
qp-funnel --tz UTC --by none --group camp1 -s join:kind=join \
    -s spoke:kind=message s.gz | qp-cat -t funnel | cmp - f1.csv && echo "by id: the same"
# the other tables pass through
qp-cat --stats f.gz
# errors: a name two groups share, a group that is not there (exit 1)
qp-funnel --tz UTC --group 闲聊 s.gz > /dev/null || echo "exit $?"
qp-funnel --tz UTC --group nope s.gz > /dev/null || echo "exit $?"
qp-funnel --tz UTC --group '*' s.gz > /dev/null 2>&1 || echo "exit $?"
