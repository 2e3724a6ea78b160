# Group rules (qunpipe(7) "Group rules"), checked by hand; UTC, E = 03-07,
# --flood 3,30, ad words 代购.
#  s1, an assistant, posts a link: staff, no violation;
#  u1 posts a link, a QR code, a phone number and a WeChat id (4
#     violations, one of each kind), then s1 removes them on 03-04: out at
#     3 strikes, removed beside the last violation;
#  u2 posts an ad word (代购), 3 messages in 20 seconds (the 3rd is
#     flooding; the ad of the day before is too far back), and the same
#     text in ga and then gb on 03-07: gb's copy is a crosspost; 2
#     violations in ga, 1 in gb, 3 for all groups (out there only);
#  u3 joins 03-02 08:00, leaves 03-04 08:00 (领完就退: within 3 days) and
#     comes back on 03-06; u4 leaves after 6 days.
# ga: 10 member messages in the last 7 days, 6 violations (0.6: an ad
# group at --ad-share 0.1); gb: 1 of 1.
cat > e.csv <<'E'
ts,group_id,user_id,kind,actor,msg_id,media,text,src
2024-03-01T08:00:00Z,ga,u1,join,,1,,,a
2024-03-01T08:00:00Z,ga,u2,join,,2,,,a
2024-03-01T08:00:00Z,ga,u4,join,,3,,,a
2024-03-01T09:00:00Z,ga,s1,message,,4,link,https://example.org/rules,a
2024-03-01T10:00:00Z,ga,u1,message,,5,link,see https://x.example,a
2024-03-01T11:00:00Z,ga,u1,message,,6,image,[二维码],a
2024-03-02T08:00:00Z,ga,u3,join,,7,,,a
2024-03-02T10:00:00Z,ga,u1,message,,8,text,call 13812345678 now,a
2024-03-03T10:00:00Z,ga,u1,message,,9,text,加我微信: abc_12345,a
2024-03-04T08:00:00Z,ga,u3,leave,,10,,,a
2024-03-04T09:00:00Z,ga,u1,remove,s1,11,,,a
2024-03-05T10:00:00Z,ga,u2,message,,12,text,便宜代购 私聊,a
2024-03-06T09:00:00Z,ga,u3,join,,13,,,a
2024-03-06T09:30:00Z,ga,u3,message,,14,text,hi again,a
2024-03-06T10:00:00Z,ga,u2,message,,15,text,one,a
2024-03-06T10:00:10Z,ga,u2,message,,16,text,two,a
2024-03-06T10:00:20Z,ga,u2,message,,17,text,three,a
2024-03-07T10:00:00Z,ga,u2,message,,18,text,限时优惠课程快来报名吧,a
2024-03-07T11:00:00Z,ga,u4,leave,,19,,,a
2024-03-01T08:00:00Z,gb,u2,join,,1,,,b
2024-03-07T12:00:00Z,gb,u2,message,,2,text,限时优惠课程快来报名吧,b
E
printf 'group_id,user_id,role,source\nga,s1,assistant,staff\n' > r.csv
printf '# ads\n代购\n' > ads
qp-cat -c -t roles r.csv > r.gz
qp-cat -c e.csv > e.gz
qp-dedupe -l 0 r.gz e.gz | qp-cohort --tz UTC --ad-words ads --flood 3,30 \
    -l 0 > c.gz
for t in violations violators rules exits; do
	qp-cat --ids -t $t c.gz
done
qp-cohort --flood 3 < /dev/null 2>&1 | head -1
qp-cohort --ad-share 2 < /dev/null 2>&1 | head -1
