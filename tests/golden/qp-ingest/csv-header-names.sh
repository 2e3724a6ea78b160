# --format csv needs no --map when the header uses the events columns'
# names: a table qp-cat wrote reads back as it is.  Without them, it says so.
printf 'ts,user_id,user,group,kind,text\n2024-05-01T10:00:00+08:00,u1,Ann,Team,message,hi\n2024-05-01T10:05:00+08:00,u2,Bo,Team,join,\n' > t.csv
qp-ingest -q --tz UTC --format csv t.csv | qp-cat -t events | cut -d, -f1,4,5,6,7,13
qp-ingest -q --tz UTC --format csv t.csv | qp-cat -t events > again.csv
qp-ingest -q --tz UTC --format csv again.csv | qp-cat -t events | cut -d, -f1,5,7 | tail -1
printf 'Date,Author\n2024-05-01 10:00,Ann\n' > other.csv
qp-ingest --tz UTC --format csv other.csv > /dev/null || echo "exit $?"
