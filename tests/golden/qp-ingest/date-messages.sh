# Messages about dates say what is wrong with them, in every reader that
# checks one: a generic CSV, Telegram JSON and HTML, WeChat, Discord.
printf 'ts,user\n2023-02-29 10:00,a\n2024-04-31 10:00,b\n2024-05-01 24:00,c\n2024-05-01T10:00+19:00,d\n2024-05-01 10:00,e\n' > t.csv
qp-ingest -q --tz UTC --format csv t.csv | qp-cat -t events | cut -d, -f1,6
printf '{"name":"G","type":"private_supergroup","id":5,"messages":[{"id":1,"type":"message","date":"2024-02-30T10:00:00","from":"Ann","text":"a"},{"id":2,"type":"message","date":"","from":"Bo","text":"b"},{"id":3,"type":"message","date":"2024-01-01T10:00:00","date_unixtime":"17x","from":"Cy","text":"c"}]}' > result.json
qp-ingest -q --tz UTC result.json > /dev/null
sed 's/01.06.2024 18:00:00/30.02.2024 18:00:00/' "$T/../../fuzz/corpus/ingest/telegram-export.html" > messages.html
qp-ingest -q --tz UTC messages.html | qp-cat -t events | cut -d, -f1,6
printf 'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n1,1,1,0,0,,2,hi,2023-11-31 06:13:20,,A,w1\n2,1,1,0,0,,2,ok,,,A,w1\n' > g_utf8.csv
qp-ingest -q --tz UTC g_utf8.csv > /dev/null || echo "exit $?"
printf '"AuthorID","Author","Date","Content","Attachments","Reactions"\n"1","ann","2024-05-01T10:00:00","hi","",""\n' > 'G - C - general [1].csv'
qp-ingest -q --tz UTC 'G - C - general [1].csv' > /dev/null || echo "exit $?"
