# ClickHouse windowFunnel's modes on its documented examples, with steps
# from the command line and regexes over Chinese text from a spec file.
#  x: A B D C  -- default 3; strict_order stops at D: 2
#  y: A B B C  -- default 3; strict_deduplication stops at the second B: 2
#  z: A, then B and C 31 days later: outside the 30-day window: 1;
#     with --window 40d: 3
cat > e.csv <<'E'
ts,group_id,user_id,kind,msg_id,text,src
2024-01-01T10:00:00Z,g,x,message,1,A,s
2024-01-01T10:01:00Z,g,x,message,2,B,s
2024-01-01T10:02:00Z,g,x,message,3,D,s
2024-01-01T10:03:00Z,g,x,message,4,C,s
2024-01-01T11:00:00Z,g,y,message,5,A,s
2024-01-01T11:01:00Z,g,y,message,6,B,s
2024-01-01T11:02:00Z,g,y,message,7,B,s
2024-01-01T11:03:00Z,g,y,message,8,C,s
2024-01-01T12:00:00Z,g,z,message,9,A,s
2024-02-01T12:00:00Z,g,z,message,10,B,s
2024-02-01T12:01:00Z,g,z,message,11,C,s
E
qp-cat -c -l 0 e.csv | qp-dedupe -l 0 > s.gz
for mode in default strict_order strict_deduplication; do
	echo "$mode:"
	qp-funnel --tz UTC --by none --mode $mode -s 'a:text~^A$' \
	    -s 'b:text~^B$' -s 'c:kind=message text~^C$' s.gz |
	    qp-cat --ids -t funnel | grep '^g,' | cut -d, -f3-
done
echo "--window 40d:"
qp-funnel --tz UTC --by none --window 40d -s 'a:text~^A$' -s 'b:text~^B$' \
    -s 'c:text~^C$' s.gz | qp-cat --ids -t funnel | grep '^g,' | cut -d, -f3-
echo "a training camp from a spec file:"
cat > e2.csv <<'E'
ts,group_id,user_id,kind,msg_id,text,src
2024-05-01T10:00:00Z,camp,u1,join,1,,s
2024-05-01T10:00:00Z,camp,u2,join,2,,s
2024-05-01T10:00:00Z,camp,u3,join,3,,s
2024-05-02T09:00:00Z,camp,u1,message,4,开营啦！,s
2024-05-02T09:10:00Z,camp,u2,message,5,开营,s
2024-05-03T21:00:00Z,camp,u1,message,6,第1天打卡 ✅,s
2024-05-03T21:30:00Z,camp,u2,message,7,打卡,s
2024-05-09T20:00:00Z,camp,u1,message,8,结营感想：收获很多,s
E
cat > camp.funnel <<'E'
# 入群 → 开营 → 打卡 → 结营
入群: kind=join
开营: kind=message text~开营
打卡: kind=message text~打卡
结营: kind=message text~^结营
E
qp-cat -c -l 0 e2.csv | qp-dedupe -l 0 | qp-funnel --tz Asia/Shanghai \
    -f camp.funnel | qp-cat --ids -t funnel
