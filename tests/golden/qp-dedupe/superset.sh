# platform ids decide: an export merged into a superset of it yields the
# superset; the latest display name of a user_id wins.
printf 'ts,group_id,user_id,user,kind,msg_id,text,src\n' > head.csv
for i in 1 2 3 4 5; do
	printf '2024-01-0%dT10:00:00Z,g,u%d,User %d,message,%d,hello %d,SRC\n' $i $i $i $i $i
done > rows.csv
{ cat head.csv; sed 's/SRC/full/' rows.csv; } > full.csv
{ cat head.csv; head -3 rows.csv | sed 's/SRC/part/'; } > part.csv
qp-cat -c full.csv | qp-dedupe | qp-cat -t events | cut -d, -f1-7 > want.csv
qp-cat -c part.csv > part.gz
qp-cat -c full.csv > full.gz
qp-dedupe part.gz full.gz | qp-cat -t events | cut -d, -f1-7 > got.csv
cmp want.csv got.csv && echo "part + full = full: $(($(wc -l < got.csv) - 1)) rows"
qp-dedupe part.gz full.gz | qp-cat -t dedupe
printf 'ts,group_id,user_id,user,kind,msg_id,src\n2024-01-01T10:00:00Z,g,u1,Old Name,message,1,a\n2024-02-01T10:00:00Z,g,u1,New Name,message,2,a\n2024-01-01T10:00:00Z,g,u1,Old Name,message,1,b\n' > n.csv
qp-cat -c n.csv | qp-dedupe | qp-cat -t events
