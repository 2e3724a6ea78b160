# Telegram Desktop writes control characters as \xHH (not JSON, but its
# export): read them, NUL as U+FFFD.
printf '{"name":"G","type":"private_supergroup","id":5,"messages":[{"id":1,"type":"message","date":"2024-01-01T10:00:00","date_unixtime":"1704103200","from":"Ann","from_id":"user1","text":"page\\x0Cbreak\\x7f end\\x00"}]}' > result.json
qp-ingest --tz UTC result.json | qp-cat -t events | cut -d, -f6,13 | od -An -c
printf '{"name":"G","type":"private_supergroup","id":5,"messages":[{"id":1,"type":"message","date":"2024-01-01T10:00:00","date_unixtime":"1704103200","from":"Ann","text":"\\xZZ"}]}' > bad.json
qp-ingest --tz UTC bad.json > /dev/null || echo "exit $?"
