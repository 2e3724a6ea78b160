# WeChat: a notice whose names are unexpanded placeholders names nobody
# (a system row, no member "$names$", no inviter); "X"退出了群聊 is a leave.
printf 'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n' > g_utf8.csv
printf '1,1,1,0,0,1700000000,2,hi,2023-11-15 06:13:20,,小周,wxid_zhou\n' >> g_utf8.csv
printf '2,1,10000,0,0,1700000060,2,"""$username$""邀请""$names$""加入了群聊",2023-11-15 06:14:20,,,\n' >> g_utf8.csv
printf '3,1,10000,0,0,1700000120,2,"""林老师""邀请""$names$""加入了群聊",2023-11-15 06:15:20,,,\n' >> g_utf8.csv
printf '4,1,10000,0,0,1700000180,2,"""小周""退出了群聊",2023-11-15 06:16:20,,,\n' >> g_utf8.csv
qp-ingest --tz UTC g_utf8.csv | qp-cat -t events | cut -d, -f1,5,6,7,8,13
