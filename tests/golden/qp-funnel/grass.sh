# --preset grass (引流 → 种草 → 拔草), checked by hand: join → engaged (the
# 3rd message of an ISO week) → paid, within 30 days of the join.
#  a joins 03-01, 3 messages on Mon 03-04 (the 3rd at 09:02: engaged,
#    259320 s), pays 03-06 09:00 (172680 s): level 3;
#  b joins 03-01, 3 messages in one week, never pays: level 2 (engaged
#    after 7 days: 604800 s);
#  c joins 03-01, two messages only: level 1;
#  d joins 03-01, pays 03-02 but is never engaged: level 1 (in order).
# Median of step 2: (259320 + 604800) / 2 = 432060.
cat > e.csv <<'E'
ts,group_id,user_id,kind,msg_id,name,src
2024-03-01T09:00:00Z,g,a,join,1,,x
2024-03-01T09:00:00Z,g,b,join,2,,x
2024-03-01T09:00:00Z,g,c,join,3,,x
2024-03-01T09:00:00Z,g,d,join,4,,x
2024-03-02T09:00:00Z,g,d,custom,5,paid,x
2024-03-04T09:00:00Z,g,a,message,6,,x
2024-03-04T09:01:00Z,g,a,message,7,,x
2024-03-04T09:02:00Z,g,a,message,8,,x
2024-03-05T09:00:00Z,g,c,message,9,,x
2024-03-05T09:01:00Z,g,c,message,10,,x
2024-03-06T09:00:00Z,g,a,custom,11,paid,x
2024-03-06T09:00:00Z,g,b,message,12,,x
2024-03-07T09:00:00Z,g,b,message,13,,x
2024-03-08T09:00:00Z,g,b,message,14,,x
E
qp-cat -c -l 0 e.csv | qp-funnel --tz UTC --by none --preset grass | qp-cat --ids -t funnel
qp-funnel --preset grass -s x:kind=join < /dev/null 2>&1 | head -1
