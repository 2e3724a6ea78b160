# --excel: a UTF-8 byte order mark first (Excel then reads UTF-8), and a
# cell that starts like a formula (= + - @ tab CR) made text with a ' in
# front; without --excel the same table is the stream's bytes, for DuckDB
# and pandas.  --split --excel: each file gets its mark.
cat > e.csv <<'E'
ts,group_id,group,user_id,user,kind,msg_id,text,src
2024-03-01T10:00:00Z,g1,"=HYPERLINK(""http://x"",""y"")",u1,+86 138,message,1,-1 or @all,x
2024-03-01T10:01:00Z,g1,"=HYPERLINK(""http://x"",""y"")",u2,Bo,message,2,"a, b",x
E
qp-cat -c -l 0 e.csv > s.gz
qp-cat --excel -t events s.gz | od -An -c | head -1
qp-cat --excel -t events s.gz | tail -n +2
qp-cat -t events s.gz | cmp - e.csv && echo "without --excel: the same bytes"
qp-cat --excel --split out s.gz
od -An -c out/events.csv | head -1
qp-cat --excel s.gz 2>&1 | head -1 || true
qp-cat -c --excel -t x e.csv 2>&1 | head -1 || true
