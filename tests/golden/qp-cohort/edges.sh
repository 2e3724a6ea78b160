# Connections and newcomers (issue 18), UTC, checked by hand.  a1 is the
# group's assistant (staff: no edges, but its welcome counts).
#  03-01 09:00 u1 Ann, u2 Bo, u3 Cy join.
#  10:00 a1 mentions u1: welcomes Ann (3600 s); no edge (staff).
#  10:05 Ann: 大家好我是Ann (intro by the pattern).
#  11:00 Bo replies to Ann's message: edge u2->u1 reply; Bo's first
#        message is no intro ("hi Ann": 6 characters).
#  12:00 Cy mentions u2 and u1: edges u3->u2, u3->u1 mention; welcomes
#        Bo (10800 s), Ann already was; Cy's first message: 13 chars, no.
#  03-02 12:00 Cy replies to Bo: edge u3->u2 reply; 60 characters, no
#        question: UGC within 7 days of Cy's join.
#  03-03 08:00 Bo replies to a1: no edge (staff).
#  04-02 09:00 u4 Di-IT-Ann joins; 09:30 Ann replies to Cy: edge u1->u3;
#        10:00 Di's first message is 30 characters long: an intro, not
#        UGC (fewer than 50); Di is never
#        welcomed (Ann's reply is to Cy; "Di" is not in any text).
#  March: members 3, speakers 3, pairs {1,2} {1,3} {2,3} = 3 of 3
#  possible: density 1, mean degree 2*3/3 = 2.00, all 3 connected.
#  April: members 4 (u1..u4), speakers u1, u4 = 2 (1 possible pair);
#  pairs {1,3}: 1, speaker_pairs 0: density 0; mean degree 2*1/4 = 0.50;
#  connected u1, u3: 2 of 4.
#  Influence: Ann reached by Bo, Cy (2), answered Cy (1), 1 reply in, 1
#  mention in; Bo reached by Cy (1, a reply and a mention), answered Ann;
#  Cy reached by Ann, answered Bo.
#  Welcomes, March: 3 newcomers, 2 welcomed, median (3600+10800)/2 =
#  7200, 1 intro, 1 UGC (Cy); nickname format x-y-z: none of Ann, Bo,
#  Cy; April: Di,
#  not welcomed, intro, nickname ok.
cat > e.csv <<'E'
ts,group_id,user_id,user,kind,msg_id,reply_to,media,src,text,mentions
2024-03-01T09:00:00Z,g1,u1,Ann,join,1,,,a,,
2024-03-01T09:00:00Z,g1,u2,Bo,join,2,,,a,,
2024-03-01T09:00:00Z,g1,u3,Cy,join,3,,,a,,
2024-03-01T10:00:00Z,g1,a1,Helper,message,4,,text,a,欢迎 @Ann,u1
2024-03-01T10:05:00Z,g1,u1,Ann,message,5,,text,a,大家好我是Ann,
2024-03-01T11:00:00Z,g1,u2,Bo,message,6,5,text,a,hi Ann,
2024-03-01T12:00:00Z,g1,u3,Cy,message,7,,text,a,@Bo @Ann hello,u2 u1
2024-03-02T12:00:00Z,g1,u3,Cy,message,8,6,text,a,again: the notes of chapter one are in the shared folder now,
2024-03-03T08:00:00Z,g1,u2,Bo,message,9,4,text,a,thanks helper,
2024-04-02T09:00:00Z,g1,u4,Di-IT-Ann,join,10,,,a,,
2024-04-02T09:30:00Z,g1,u1,Ann,message,11,8,text,a,reply to Cy,
2024-04-02T10:00:00Z,g1,u4,Di-IT-Ann,message,12,,text,a,I work in IT in Berlin and run,
E
printf 'group_id,user_id,role,source\ng1,a1,assistant,staff\n' > r.csv
qp-cat -c -t roles r.csv > r.gz
qp-cat -c e.csv > e.gz
qp-dedupe -l 0 r.gz e.gz | qp-sessionize -l 0 |
    qp-cohort --tz UTC -l 0 --nickname-format '^[^-]+-[^-]+-[^-]+$' > c.gz
for t in edges connections influence newcomers welcomes; do
	qp-cat --ids -t $t c.gz
done
