# Lifecycles by plan and activities in the report (UTC, June 2024).
# lead (引流群) starts 06-01 10:00 and still has a message at +50 h:
#   dissolve it.  camp (训练营, 06-01, 7 days: ends 06-07) has a message on
#   06-20: past its planned end and still active.  fans (铁粉群) began
#   06-20: 11 days old at 06-30.  old is no planned group; its export
#   ends on 06-05, 25 days before the end date: said so, not "dead".
# In lead, staff s posts 今日话题 on 06-01 (W22): a and b answer; W23..W26
#   have no activity: the weeks say so.
printf 'group_id,user_id,role,source\n*,s,owner,staff\n' > r.csv
cat > e.csv <<'E'
ts,group_id,user_id,kind,msg_id,src,text
2024-06-01T10:00:00Z,lead,a,join,1,x,
2024-06-01T10:00:00Z,lead,b,join,2,x,
2024-06-01T10:05:00Z,lead,s,message,3,x,#今日话题 你从哪里来
2024-06-01T10:10:00Z,lead,a,message,4,x,北京
2024-06-01T11:10:00Z,lead,b,message,5,x,上海
2024-06-03T12:00:00Z,lead,a,message,6,x,还在
2024-06-30T12:00:00Z,lead,s,message,7,x,通知
2024-06-01T09:00:00Z,camp,c,message,10,x,开营
2024-06-20T09:00:00Z,camp,c,message,11,x,还在聊
2024-06-30T09:00:00Z,camp,s,message,12,x,通知
2024-06-20T09:00:00Z,fans,d,message,20,x,hi
2024-06-30T09:00:00Z,fans,d,message,21,x,hi
2024-06-01T09:00:00Z,old,e,message,30,x,hi
2024-06-05T09:00:00Z,old,e,message,31,x,hi
E
printf 'group,type,start,days\nlead,引流群,,\ncamp,训练营,2024-06-01,7\nfans,铁粉群,,\n' > g.csv
qp-cat -c -t roles r.csv > r.gz
qp-cat -c e.csv > e.gz
qp-dedupe -l 0 r.gz e.gz |
    qp-cohort --tz UTC --asof 2024-06-30 --groups g.csv -l 0 > s.gz
qp-report --lang en --no-charts --period 2024-06 -o r s.gz
grep -F -e '(引流群)' -e '(训练营)' -e '(铁粉群)' -e 'export ends' r/report.md
sed -n '/^## Activities/,/^## /p' r/report.md | grep '^|'
sed -n '/^### Lifecycles/,/^$/p;/^| group | 0–24 h/,/^$/p' r/report.md | grep '^|'
