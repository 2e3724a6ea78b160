printf 'Date,Author,Message,Chat\n2024-05-01 10:00,alice,hello,Team\n2024/05/01 10:05,bob,"hi, alice",Team\n1714557900,carol,hey,Team\nbad,dan,x,Team\n' > gen.csv
qp-ingest --tz UTC --format csv --map ts=Date,user=Author,text=Message,group=Chat gen.csv | qp-cat -t events
qp-ingest --tz UTC --format csv --map ts=Nope,user=Author gen.csv > /dev/null || echo "exit $?"
qp-ingest --tz UTC --format csv --map user=Author gen.csv > /dev/null || echo "exit $?"
