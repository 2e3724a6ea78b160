# Tiers by seed 004 (UTC days, E = 2024-03-31, everyone joined 02-01):
#  u1: a 53-character question: not UGC, ordinary;
#  u2: a 53-character statement on 03-31: UGC, core;
#  u3: a bare link: a share, not UGC, ordinary;
#  u4: a link with 22 characters of her own beside it: UGC, core; silent
#      since 03-20 (11 days): at_risk, the warning before demotion;
#  u5: an image (UGC, core) on 03-10, then silent 21 days: demoted to
#      ordinary on 03-24 (14 days after);
#  u6: a long text on 02-02, outside the last 28 days, and "ok" on 03-30:
#      UGC counts since joining, core;
#  u7: paid (VIP), last spoke 03-17: 14 days on 03-31, demoted that day;
#  u8: 3 messages in 2024-W10 (a core week): a core user in the last 90
#      and 180 days, u6 none (one message a week).
q=这个问题我想了很久还是不太明白到底应该怎样安排每天的阅读时间才能坚持下去呢大家有什么好办法可以分享一下吗？
t=今天读完了第三章作者用三个例子说明习惯的力量我最喜欢第二个例子因为它和我自己的经历非常相似也让我重新思考了
cat > e.csv <<E
ts,group_id,user_id,user,kind,actor,via,msg_id,reply_to,media,src,text,name
2024-02-01T10:00:00Z,g1,u1,A,join,,link,1,,,a,,
2024-02-01T10:00:00Z,g1,u2,B,join,,link,2,,,a,,
2024-02-01T10:00:00Z,g1,u3,C,join,,link,3,,,a,,
2024-02-01T10:00:00Z,g1,u4,D,join,,link,4,,,a,,
2024-02-01T10:00:00Z,g1,u5,E,join,,link,5,,,a,,
2024-02-01T10:00:00Z,g1,u6,F,join,,link,6,,,a,,
2024-02-01T10:00:00Z,g1,u7,G,join,,link,7,,,a,,
2024-02-01T10:00:00Z,g1,u8,H,join,,link,8,,,a,,
2024-02-02T10:00:00Z,g1,u6,F,message,,,9,,text,a,$t,
2024-02-03T10:00:00Z,g1,u7,G,custom,,,10,,,a,,paid
2024-03-04T10:00:00Z,g1,u8,H,message,,,11,,text,a,早,
2024-03-05T10:00:00Z,g1,u8,H,message,,,12,,text,a,好,
2024-03-06T10:00:00Z,g1,u8,H,message,,,13,,text,a,嗯,
2024-03-10T10:00:00Z,g1,u5,E,message,,,14,,image,a,,
2024-03-17T10:00:00Z,g1,u7,G,message,,,15,,text,a,hi,
2024-03-20T10:00:00Z,g1,u4,D,message,,,16,,link,a,https://example.org/a 这篇讲时间管理的文章很实用推荐大家读读看看吧,
2024-03-25T10:00:00Z,g1,u3,C,message,,,17,,link,a,https://example.org/b,
2024-03-30T10:00:00Z,g1,u6,F,message,,,18,,text,a,ok,
2024-03-31T09:00:00Z,g1,u1,A,message,,,19,,text,a,$q,
2024-03-31T10:00:00Z,g1,u2,B,message,,,20,,text,a,$t,
E
qp-cat -c -l 0 e.csv | qp-dedupe -l 0 | qp-cohort --tz UTC -l 0 > c.gz
qp-cat --ids -t members c.gz | awk -F, '$1 == "g1" || NR == 1' |
    cut -d, -f2,10,11,13,15,17,19,20
qp-cat --ids -t core_users c.gz
qp-cat --ids -t targets c.gz
echo '--- --ugc-link-words 40: u4 shares a link, no UGC'
qp-cat -c -l 0 e.csv | qp-dedupe -l 0 | qp-cohort --tz UTC --ugc-link-words 40 -l 0 |
    qp-cat --ids -t members | awk -F, '$1 == "g1" && $2 == "u4"' | cut -d, -f2,13,15
