# -t and --split print names beside ids, learnt from the events table (the
# latest name of each id): group beside group_id, inviter_name beside
# inviter, starter_name beside starter (user beside user_id where a table
# lacks it; members has its own).  "*" rows name "*".  The events table is
# printed as it is, and --ids prints every table as the stream holds it.
# Ann (a1) renames herself to "Ann L." on 03-05, after Bo's join; Cy
# invited by a1 has no name of his own in events before his join row.
cat > e.csv <<'E'
ts,group_id,group,user_id,user,kind,actor,via,msg_id,text,src
2024-03-01T10:00:00Z,g1,Run Club,a1,Ann,join,,added,1,,x
2024-03-01T10:05:00Z,g1,Run Club,b2,Bo,join,a1,invite,2,,x
2024-03-01T10:06:00Z,g1,Run Club,b2,Bo,message,,,3,hi,x
2024-03-05T09:00:00Z,g1,Run Club,a1,Ann L.,message,,,4,hello,x
2024-03-02T10:00:00Z,g2,读书会,c3,Cy,join,a1,invite,1,,y
2024-03-02T10:01:00Z,g2,读书会,c3,Cy,message,,,2,你好,y
E
qp-cat -c -l 0 e.csv | qp-dedupe -l 0 | qp-sessionize -l 0 |
    qp-cohort --tz UTC -l 0 | qp-funnel --tz UTC -l 0 > s.gz
qp-cat -t fission s.gz
qp-cat -t sessions s.gz
qp-cat -t members s.gz | cut -d, -f1-9
qp-cat -t daily s.gz | head -3
qp-cat --ids -t fission s.gz | head -2
zcat s.gz | awk '/^#qp,table,events/ { p = 1; next } /^#qp/ { p = 0 } p' > ev.csv
qp-cat -t events s.gz | cmp - ev.csv && echo "events: as they are"
qp-cat --split out s.gz
head -2 out/weekly.csv
cmp out/events.csv ev.csv && echo "split events: as they are"
# a stream without events: nothing to name, tables as they are
qp-cat --ids -t fission s.gz > f.csv
qp-cat -c -t fission f.csv | qp-cat -t fission | cmp - f.csv && echo "no events: as they are"
