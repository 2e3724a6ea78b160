# The default funnel (METRICS.md R18) and fission (R19), checked by hand
# (UTC; E = 04-10, c's last message).
#  a joins g1, speaks within the hour, posts 3 messages on Mon 03-04 (the
#    3rd, 09:02, is the core-week event) and pays on 03-06: level 4, the
#    default funnel having no UGC step; deltas 3600, 252120, 176280 s;
#    with --preset ugc, her link with 23 characters of her own on 03-05 is the
#    ugc step (89880 s), then paid (86400 s): level 5;
#  b joins invited by a, speaks only after 96 h: level 1;
#  c speaks before joining (inferred): no anchor, not in the funnel;
#  d joins invited by a, speaks after 2 h, leaves, rejoins 03-20 and posts
#    3 messages: both anchors reach level 3; the earlier one's times count
#    (7200 and 1634580 s);
#  medians: step 2 (3600 + 7200) / 2, step 3 (252120 + 1634580) / 2;
#  in g2, a joins while in g1 (no community anchor) and invites e.
cat > e.csv <<'E'
ts,group_id,user_id,kind,actor,via,msg_id,media,text,name,src
2024-03-01T10:00:00Z,g1,a,join,,added,1,,,,x
2024-03-01T10:00:00Z,g1,b,join,a,invite,2,,,,x
2024-03-01T11:00:00Z,g1,a,message,,,3,text,hi,,x
2024-03-02T09:00:00Z,g1,c,message,,,4,text,hey,,x
2024-03-02T10:00:00Z,g1,d,join,a,invite,5,,,,x
2024-03-02T12:00:00Z,g1,d,message,,,6,text,hello,,x
2024-03-03T09:00:00Z,g1,c,join,,link,7,,,,x
2024-03-04T09:00:00Z,g1,a,message,,,8,text,1,,x
2024-03-04T09:01:00Z,g1,a,message,,,9,text,2,,x
2024-03-04T09:02:00Z,g1,a,message,,,10,text,3,,x
2024-03-05T10:00:00Z,g1,a,message,,,11,link,https://example.org read this: it is really good,,x
2024-03-05T10:00:00Z,g1,b,message,,,12,text,late,,x
2024-03-06T10:00:00Z,g1,a,custom,,,13,,,paid,x
2024-03-10T09:00:00Z,g1,d,leave,,,14,,,,x
2024-03-20T10:00:00Z,g1,d,join,,link,15,,,,x
2024-03-20T10:01:00Z,g1,d,message,,,16,text,x,,x
2024-03-20T10:02:00Z,g1,d,message,,,17,text,y,,x
2024-03-20T10:03:00Z,g1,d,message,,,18,text,z,,x
2024-04-10T09:00:00Z,g1,c,message,,,19,text,back,,x
2024-03-10T10:00:00Z,g2,a,join,,link,1,,,,y
2024-03-10T10:05:00Z,g2,a,message,,,2,text,hi g2,,y
2024-03-10T11:00:00Z,g2,e,join,a,invite,3,,,,y
E
qp-cat -c -l 0 e.csv | qp-dedupe -l 0 | qp-funnel --tz UTC -l 0 > f.gz
qp-cat --ids -t funnel f.gz
qp-cat --ids -t fission f.gz
echo "--preset ugc: UGC before paid:"
qp-cat -c -l 0 e.csv | qp-dedupe -l 0 | qp-funnel --tz UTC --preset ugc |
    qp-cat --ids -t funnel | grep '^\*,\*'
echo "a bare link is no UGC: a reaches core_week only"
sed 's|https://example.org read this: it is really good|https://example.org|' e.csv > b.csv
qp-cat -c -l 0 b.csv | qp-dedupe -l 0 | qp-funnel --tz UTC --preset ugc |
    qp-cat --ids -t funnel | grep '^\*,\*'
echo "without paid events the paid step is dropped; --by none: only *:"
grep -v paid e.csv > n.csv
qp-cat -c -l 0 n.csv | qp-dedupe -l 0 | qp-funnel --tz UTC --by none |
    qp-cat --ids -t funnel | grep '^\*'
echo "the funnel made on the main thread (QP_THREADS=1), not while the"
echo "tables after the events pass: the same bytes; with no table after"
echo "the events, the same funnel:"
qp-cat -c -l 0 e.csv | qp-dedupe -l 0 | QP_THREADS=1 qp-funnel --tz UTC -l 0 |
    cmp - f.gz && echo same
qp-cat --ids -t funnel f.gz > t.csv
qp-cat -c -l 0 e.csv | QP_THREADS=2 qp-funnel --tz UTC | qp-cat --ids -t funnel |
    cmp - t.csv && echo same
