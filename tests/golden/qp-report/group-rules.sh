# The Group rules section from qp-cohort's rules golden stream (see
# tests/golden/qp-cohort/group-rules.sh): ga 60% violations in the last 7 days,
# warned as an ad group, gb too; u1 at 3 strikes beside the removal; u3
# left within 3 days and came back; u2 out only across groups (*).
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
printf '代购\n' > ads
qp-cat -c -t roles r.csv > r.gz
qp-cat -c e.csv > e.gz
qp-dedupe -l 0 r.gz e.gz | qp-cohort -q --tz UTC --ad-words ads --flood 3,30 \
    -l 0 > c.gz
qp-report --lang en --no-charts --tz UTC --period 2024-03 -o r c.gz
sed -n '/^## Group rules/,/^## Member tiers/p' r/report.md
