# --tz UTC+8, GMT+8 and UTC+05:30 mean east of UTC, as people write them
# (a POSIX TZ string would read UTC+8 as 8 hours west); POSIX fixed offsets
# such as CST-8, from --tz or $TZ, are refused naming the zone to use.
printf 'Date,Author,Message,Chat\n2024-05-01 10:00,alice,hello,Team\n' > gen.csv
for z in UTC+8 GMT+8 UTC+05:30 UTC-3 Asia/Shanghai; do
	qp-ingest -q --tz $z --format csv --map ts=Date,user=Author,text=Message \
	    gen.csv | qp-cat -t events | cut -d, -f1 | tail -1
done
for z in CST-8 CST+8 '<+0530>-5:30' UTC+15; do
	qp-ingest --tz "$z" gen.csv 2>&1 >/dev/null | head -1 || true
done
TZ=CST-8 qp-ingest gen.csv 2>&1 >/dev/null | head -1 || true
qp-ingest --tz CST-8 gen.csv > /dev/null 2>&1 || echo "exit $?"
