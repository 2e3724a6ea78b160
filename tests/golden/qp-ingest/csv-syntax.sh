# A CSV syntax error names the file, the line and the error, counts as an
# unreadable line and fails the run, in every CSV qp-ingest reads.
printf 'ts,user,text\n2024-05-01 10:00,ann,hi\n2024-05-01 10:01,bo,"unterminated\n2024-05-01 10:02,cy,ok\n' > chat.csv
qp-ingest --tz UTC --format csv chat.csv > /dev/null || echo "exit $?"
printf 'ts,user,event\n2024-05-01 10:00,ann,paid\n2024-05-02 1"0:00,bo,paid\n' > pay.csv
qp-ingest --tz UTC --events pay.csv > /dev/null || echo "exit $?"
printf 'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n1,1,1,0,0,1700000000,2,"hi" there,2023-11-15 06:13:20,,A,w1\n' > g_utf8.csv
qp-ingest --tz UTC g_utf8.csv > /dev/null || echo "exit $?"
printf '"AuthorID","Author","Date","Content","Attachments","Reactions"\n"1","ann","2024-05-01T10:00:00+00:00","hi","",""\n"2","bo","2024-05-01T10:01:00+00:00","a "quote"","",""\n' > 'G - C - general [1].csv'
qp-ingest --tz UTC 'G - C - general [1].csv' > /dev/null || echo "exit $?"
