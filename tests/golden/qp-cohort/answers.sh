# Questions and answers (及时应答), UTC, sessions by qp-sessionize (30 min):
#  03-01 10:00 u1 asks (请问); a1, the assistant, answers at 10:20 in the
#     session: answered in 1200 s, by staff;
#  11:00 u2 asks (ends in ?), 11:10 asks again himself ("anyone?": his own
#     message answers nothing); 13:00 u3 replies to the first: answered in
#     7200 s (a reply, after the hour), by a member; "anyone?" stays open;
#  04-02 u1 asks (有没有), nobody answers.
#  March: 3 questions, 2 answered, 1 within the hour, 1 by members, median
#  (1200 + 7200) / 2; members.answers: u3 1.
cat > e.csv <<'E'
ts,group_id,user_id,user,kind,msg_id,reply_to,media,src,text
2024-03-01T09:00:00Z,g1,u1,Ann,join,1,,,a,
2024-03-01T09:00:00Z,g1,u2,Bo,join,2,,,a,
2024-03-01T09:00:00Z,g1,u3,Cy,join,3,,,a,
2024-03-01T10:00:00Z,g1,u1,Ann,message,4,,text,a,请问作业什么时候交
2024-03-01T10:20:00Z,g1,a1,Helper,message,5,,text,a,周五晚上之前
2024-03-01T11:00:00Z,g1,u2,Bo,message,6,,text,a,where do we meet on Sunday?
2024-03-01T11:10:00Z,g1,u2,Bo,message,7,,text,a,anyone?
2024-03-01T13:00:00Z,g1,u3,Cy,message,8,6,text,a,at the park gate
2024-04-02T09:00:00Z,g1,u1,Ann,message,9,,text,a,有没有人一起跑步
E
printf 'group_id,user_id,role,source\ng1,a1,assistant,staff\n' > r.csv
qp-cat -c -t roles r.csv > r.gz
qp-cat -c e.csv > e.gz
qp-dedupe -l 0 r.gz e.gz | qp-sessionize -l 0 | qp-cohort --tz UTC -l 0 > c.gz
qp-cat --ids -t answers c.gz
qp-cat --ids -t members c.gz | awk -F, '$1 == "g1" || NR == 1' | cut -d, -f2,11,21
echo '--- --answer-window 3h: the reply is within it'
qp-dedupe -l 0 r.gz e.gz | qp-sessionize -l 0 |
    qp-cohort --tz UTC --answer-window 3h -l 0 | qp-cat --ids -t answers
