# A table of a schema version this qunpipe does not know is refused by
# every stage, naming the version it reads; never read as version 1.
printf '#qp,stage,qp-ingest,0.9.0\n#qp,table,events,2\nts,group_id,user_id,kind,msg_id,src\n2024-01-01T10:00:00Z,g,a,message,1,s\n#qp,end,1,1\n' > v2.txt
for p in "qp-cat" "qp-dedupe" "qp-sessionize" "qp-cohort --tz UTC" "qp-funnel --tz UTC" "qp-report --tz UTC -o r"; do
	$p v2.txt > /dev/null || echo "$p: exit $?"
done
