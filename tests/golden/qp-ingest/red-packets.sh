# Red packets and 接龙 (qunpipe(7) "Activities").  WeChat (MemoTrace CSV):
# the owner (IsSender 1) sends a red packet (app message 49/2001) and a
# 接龙 (49/53); 小周 and 阿美 open it ("X领取了你的红包", marked up as
# the client writes it: an icon and a link on 红包), and the owner opens
# 小周's ("你领取了小周的红包"): three custom red_packet_open events, of
# 小周 and 阿美 by their wxids and of the exporter.  A member's "#接龙"
# text is media jielong; a transfer (49/2000) stays other.
h='localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender'
{
echo "$h"
echo '1,1,1,0,1,1700000000,2,大家好,2023-11-15 06:13:20,,我,wxid_me'
echo '2,1,1,0,0,1700000010,2,hi,2023-11-15 06:13:30,,小周,wxid_zhou'
echo '3,1,1,0,0,1700000020,2,hi,2023-11-15 06:13:40,,阿美,wxid_mei'
echo '4,1,49,2001,1,1700000060,2,<msg><appmsg><title>微信红包</title><type>2001</type></appmsg></msg>,2023-11-15 06:14:20,,我,wxid_me'
echo '5,1,10000,0,0,1700000070,2,"<img src=""SystemMessages_HongbaoIcon.png""/>  小周领取了你的<_wc_custom_link_ color=""#FD9931"" href=""weixin://weixinhongbao/opendetail?sendid=1"">红包</_wc_custom_link_>",2023-11-15 06:14:30,,,'
echo '6,1,10000,0,0,1700000080,2,"<img src=""SystemMessages_HongbaoIcon.png""/>  阿美领取了你的<_wc_custom_link_ color=""#FD9931"" href=""weixin://weixinhongbao/opendetail?sendid=1"">红包</_wc_custom_link_>",2023-11-15 06:14:40,,,'
echo '7,1,10000,0,0,1700000090,2,"<img src=""SystemMessages_HongbaoIcon.png""/>  你领取了小周的<_wc_custom_link_ color=""#FD9931"" href=""weixin://weixinhongbao/opendetail?sendid=2"">红包</_wc_custom_link_>",2023-11-15 06:14:50,,,'
echo '8,1,49,53,1,1700000100,2,<msg><appmsg><title>#接龙 周六聚餐</title><type>53</type></appmsg></msg>,2023-11-15 06:15:00,,我,wxid_me'
echo '9,1,1,0,0,1700000110,2,"#接龙 周六聚餐
1. 我
2. 阿美",2023-11-15 06:15:10,,阿美,wxid_mei'
echo '10,1,49,2000,0,1700000120,2,<msg><appmsg><title>微信转账</title><type>2000</type></appmsg></msg>,2023-11-15 06:15:20,,小周,wxid_zhou'
} > g_utf8.csv
qp-ingest -q --no-text --tz UTC g_utf8.csv | qp-cat -t events | cut -d, -f1,5,6,7,12,14,15
# QQ: [红包] and [QQ红包]... are red packets; 系统消息 "A领取了B的红包"
# is an event of A; "你领取了…" names nobody known: a system row.
cat > qq.txt <<'Q'
消息记录（此消息记录为文本格式，不支持重新导入）
================================================================
消息对象:读书群
================================================================

2024-06-01 20:00:00 【群主】老周(100001)
[红包]

2024-06-01 20:00:30 小雨(100002)
谢谢

2024-06-01 20:00:40 系统消息(10000)
小雨领取了老周的红包

2024-06-01 20:00:50 系统消息(10000)
你领取了老周的红包

2024-06-01 20:01:00 小雨(100002)
[QQ红包]请使用新版手机QQ查收红包。
Q
qp-ingest -q --tz UTC qq.txt | qp-cat -t events | cut -d, -f1,5,6,7,12,14,15
