# Fission and the join step in the community follow community memberships
# (METRICS.md R6, R19; issue 14's example), checked by hand (UTC; E =
# 2023-08-01, B's last message):
#  U joins g1 invited by A on 01-21, first speaks 01-30 (after 72 h), leaves
#    03-13 and is then in no group;
#  U joins g2 invited by B on 06-23 (a new community membership: B credited
#    in *), speaks 06-24 (within 72 h: activated); on 07-23, J+30, U is in
#    g1 again, so retained;
#  U joins g3 invited by C on 07-01 while in g2: not a community join, no
#    credit for C in *, but C's invitee in g3;
#  U leaves g2 and g3 on 07-05 and is invited into g1 by A again on 07-10:
#    a new community membership, but the pair (A, U) counts once, at 01-21
#    (not activated; on 02-20 still in g1: retained).
#  So *: A 1 invitee (0 activated, 1 retained), B 1 (1, 1), C none;
#  g1: A 1 (first invitation only); g2: B 1; g3: C 1.
#  Funnel join -> message within 72 h, community: U's anchors are 01-21,
#  06-23 and 07-10 (not 07-01); the 06-23 one reaches step 2.
cat > e.csv <<'E'
ts,group_id,user_id,kind,actor,via,msg_id,media,text,name,src
2023-01-01T10:00:00Z,g1,A,join,,added,1,,,,x
2023-01-01T10:00:00Z,g2,B,join,,added,1,,,,y
2023-01-01T10:00:00Z,g3,C,join,,added,1,,,,z
2023-01-21T10:00:00Z,g1,U,join,A,invite,2,,,,x
2023-01-30T10:00:00Z,g1,U,message,,,3,text,hi,,x
2023-03-13T10:00:00Z,g1,U,leave,,,4,,,,x
2023-06-23T10:00:00Z,g2,U,join,B,invite,2,,,,y
2023-06-24T10:00:00Z,g2,U,message,,,3,text,hi,,y
2023-07-01T10:00:00Z,g3,U,join,C,invite,2,,,,z
2023-07-05T10:00:00Z,g2,U,leave,,,4,,,,y
2023-07-05T10:00:00Z,g3,U,leave,,,3,,,,z
2023-07-10T10:00:00Z,g1,U,join,A,invite,5,,,,x
2023-08-01T10:00:00Z,g2,B,message,,,5,text,end,,y
E
qp-cat -c -l 0 e.csv | qp-dedupe -l 0 |
    qp-funnel --tz UTC --by none -s join:kind=join \
    -s spoke:'kind=message within=72h' -l 0 > f.gz
qp-cat --ids -t fission f.gz
qp-cat --ids -t funnel f.gz | grep -e '^group_id' -e '^\*'
