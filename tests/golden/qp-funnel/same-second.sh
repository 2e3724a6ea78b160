# Events of one second (R18: t1 <= t2 <= ...; one event may meet several
# steps): a joins and, in that second, posts a long text, which is the
# message within 72 h and the UGC; b posts three messages in one second,
# the third being the core-week event.  a: join, message, (no core week):
# level 2; b: join, message, core week, UGC (its third message is long): 4.
long=$(printf '%060d' 0)
cat > e.csv <<E
ts,group_id,user_id,kind,msg_id,text
2024-06-03T09:00:00Z,g,a,join,1,
2024-06-03T09:00:00Z,g,a,message,2,$long
2024-06-03T10:00:00Z,g,b,join,3,
2024-06-03T11:00:00Z,g,b,message,4,one
2024-06-03T11:00:00Z,g,b,message,5,two
2024-06-03T11:00:00Z,g,b,message,6,$long
E
qp-cat -c -l 0 e.csv | qp-funnel --tz UTC --by none | qp-cat --ids -t funnel | grep '^g,'
