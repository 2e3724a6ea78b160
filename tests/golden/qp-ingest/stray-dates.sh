# One stray date is an unreadable line saying so: outside 1970-2099 (a
# WhatsApp line dated 31/12/9998, a Telegram unix time of 0), or five years
# away from the lines around it.  A group revived years later is read.
printf '12/06/2024, 07:00 - A: hi\n31/12/9998, 07:01 - B: from the future\n12/06/2024, 07:02 - A: ok\n' > wa.txt
qp-ingest --tz UTC wa.txt | qp-cat -t events | cut -d, -f1,6
printf '{"name":"G","type":"private_supergroup","id":5,"messages":[{"id":1,"type":"message","date":"1970-01-01T00:00:00","date_unixtime":"0","from":"Ann","from_id":"user1","text":"a"},{"id":2,"type":"message","date":"2024-01-01T10:00:00","date_unixtime":"1704103200","from":"Bo","from_id":"user2","text":"b"}]}' > result.json
qp-ingest --tz UTC result.json | qp-cat -t events | cut -d, -f1,6
printf 'ts,user\n2024-05-01 10:00,a\n2031-05-01 10:00,b\n2024-05-02 10:00,c\n2017-05-03 10:00,d\n2024-05-03 10:00,e\n2030-01-01 10:00,f\n2030-01-02 10:00,g\n2013-01-01 00:00,h\n' > t.csv
qp-ingest --tz UTC --format csv t.csv | qp-cat -t events | cut -d, -f1,6
qp-ingest -q --strict --tz UTC --format csv t.csv > /dev/null || echo "exit $?"
# Rows are compared within a group: a chat of one old message between two
# recent ones (as in a Telegram account export) is read.
printf 'ts,user,group\n2024-05-01 10:00,a,A\n2024-05-02 10:00,b,A\n2015-01-01 10:00,c,B\n2024-05-01 11:00,d,C\n' > g.csv
qp-ingest -q --tz UTC --format csv g.csv | qp-cat -t events | cut -d, -f1,4,6
