# The community scope (R6) and local days in a zone with DST (R1), checked
# by hand.  Europe/Berlin moves to UTC+2 at 2024-03-31T01:00Z, so p2's join
# at 2024-03-31T22:30Z is on 04-01 there (03-31 in UTC).
#  p1 joins ga (invited by p9) and at the same instant speaks in gb
#     (inferred): the community membership starts with the join (R6);
#     leaving ga while in gb is no community leave;
#  p2 joins ga by link, pays in ga, joins and leaves gb while in ga (no
#     community join or leave);
#  p3 only speaks in gb (inferred) and pays with no group: the payment
#     counts in gb and in * (R11);  p9 is only an actor: no row.
cat > e.csv <<'E'
ts,group_id,user_id,user,kind,actor,via,msg_id,name,src
2024-03-30T22:30:00Z,ga,p1,P1,join,p9,invite,1,,a
2024-03-30T23:30:00Z,ga,p1,P1,message,,,2,,a
2024-03-31T22:30:00Z,ga,p2,P2,join,,link,3,,a
2024-04-01T08:00:00Z,ga,p1,P1,leave,,,4,,a
2024-04-02T08:00:00Z,ga,p2,P2,message,,,5,,a
2024-04-02T09:00:00Z,ga,p2,P2,custom,,,6,paid,a
2024-03-30T22:30:00Z,gb,p1,P1,message,,,1,,b
2024-04-03T08:00:00Z,gb,p1,P1,message,,,2,,b
2024-04-03T09:00:00Z,gb,p3,P3,message,,,3,,b
2024-04-05T08:00:00Z,gb,p2,P2,join,p1,added,4,,b
2024-04-06T08:00:00Z,gb,p2,P2,leave,,,5,,b
2024-04-04T10:00:00Z,,p3,P3,custom,,,7,paid,c
E
qp-cat -c -l 0 e.csv | qp-dedupe -l 0 > s.gz
qp-cohort --tz Europe/Berlin -l 0 s.gz > c.gz
for t in daily members retention; do qp-cat --ids -t $t c.gz; done
qp-cat --ids -t weekly c.gz | grep '^2024-W13,\*'
echo "as of 2024-04-02, later events are ignored:"
qp-cohort --tz Europe/Berlin --asof 2024-04-02 s.gz | qp-cat --ids -t members |
    grep '^\*'
echo "in UTC, p2 joins on 03-31:"
qp-cohort --tz UTC s.gz | qp-cat --ids -t members | grep '^ga,p2'
