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
. "$T/group-rules.in"
qp-dedupe -l 0 r.gz e.gz | qp-cohort --tz UTC --ad-words ads --flood 3,30 \
    -l 0 > c.gz
for t in violations violators rules exits; do
	qp-cat --ids -t $t c.gz
done
qp-cohort --flood 3 < /dev/null 2>&1 | head -1
qp-cohort --ad-share 2 < /dev/null 2>&1 | head -1
