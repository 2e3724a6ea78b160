# An events table that appears twice in one stream is refused by every
# stage (its rows would count twice); two streams are given as two files.
e='ts,group_id,user_id,kind,msg_id,src\n2024-01-01T10:00:00Z,g,a,message,,s\n'
printf "#qp,stage,x,1\n#qp,table,events,1\n$e#qp,table,events,1\n$e#qp,end,2,2\n" > two.txt
for p in "qp-cat" "qp-dedupe" "qp-sessionize" "qp-cohort --tz UTC" "qp-funnel --tz UTC" "qp-report --tz UTC -o r"; do
	$p two.txt > /dev/null || echo "$p: exit $?"
done
printf "#qp,stage,x,1\n#qp,table,events,1\n$e#qp,end,1,1\n" > one.txt
qp-dedupe one.txt one.txt | qp-cat -t events
