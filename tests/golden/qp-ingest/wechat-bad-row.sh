printf 'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n1,1,1,0,0,notatime,2,hi,,,,w1\n2,1,1,0,0,1700000000,2,ok,2023-11-15 06:13:20,,A,w1\n' > g_utf8.csv
qp-ingest --tz UTC g_utf8.csv | qp-cat -t events | cut -d, -f1,5,6,13
