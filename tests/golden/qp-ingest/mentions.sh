# @mentions (issue 18 §1), checked by hand:
#  WhatsApp: Ana's "@Bo" is Bo's id; "@Zed" names nobody the group has
#    shown (left out, counted: 1 unknown); "ana@example.com" is an
#    address, not a mention; "@Ana Maria" picks the longest name shown,
#    Ana Maria, not Ana; Bo's "@Bo" is himself: left out, not counted.
#  CSV by id: u1 and u2 are both "Li": "@Li" is ambiguous (left out, 1
#    ambiguous), "@Nobody" unknown.
#  WeChat (MemoTrace CSV): "@小雨<U+2005>早" is 小雨's wxid; 阿杰's quote
#    (app message 57) of 小雨's message gets reply_to = that message's
#    msg_id (the same hash in both rows).
#  Slack: <@U2> and <@U3|cy> in a message's text are U2 and U3.
printf '%s\n' \
 '01/03/2024, 09:00 - Ana: hello' \
 '01/03/2024, 09:01 - Bo: hi' \
 '01/03/2024, 09:02 - Li: one' \
 '01/03/2024, 09:03 - Ana Maria: hey' \
 '01/03/2024, 09:04 - Ana: @Bo see @Zed; mail ana@example.com' \
 '01/03/2024, 09:05 - Bo: @Ana Maria welcome; says @Bo' > wa.txt
qp-ingest --tz UTC --format whatsapp wa.txt | qp-cat -t events |
    cut -d, -f5,6,13,16 | tail -n +2
echo '--- ambiguous: two ids named Li in one group (a CSV export by id)'
printf 'ts,group,user_id,user,text\n2024-03-01T09:00:00Z,G,u1,Li,a\n2024-03-01T09:01:00Z,G,u2,Li,b\n2024-03-01T09:02:00Z,G,u3,Ann,@Li hi @Nobody\n' > amb.csv
qp-ingest --tz UTC --format csv amb.csv | qp-cat -t events | cut -d, -f5,13,16
echo '--- WeChat quote'
printf '\357\273\277localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\r\n' > wx.csv
printf '1,1,1,0,0,1717845000,2,大家好我是小雨,2024-06-08 19:10:00,,小雨,wxid_yu\r\n' >> wx.csv
printf '2,1,1,0,0,1717845300,2,@小雨\342\200\205早,2024-06-08 19:15:00,,阿杰,wxid_jie\r\n' >> wx.csv
printf '3,1,49,57,0,1717845600,2,"<msg><appmsg><title>欢迎！</title><type>57</type><refermsg><type>1</type><svrid>7</svrid><chatusr>wxid_yu</chatusr><displayname>小雨</displayname><content>大家好我是小雨</content><createtime>1717845000</createtime></refermsg></appmsg></msg>",2024-06-08 19:20:00,,阿杰,wxid_jie\r\n' >> wx.csv
qp-ingest -q --tz Asia/Shanghai wx.csv | qp-cat -t events | cut -d, -f5,10,11,13,16
echo '--- Slack'
mkdir -p sl/general
printf '[{"id":"C1","name":"general"}]' > sl/channels.json
printf '[{"id":"U1","name":"ann"},{"id":"U2","name":"bo"},{"id":"U3","name":"cy"}]' > sl/users.json
printf '[{"type":"message","user":"U1","text":"hi <@U2> and <@U3|cy>","ts":"1714550400.000100"}]' > sl/general/2024-05-01.json
qp-ingest -q --tz UTC sl | qp-cat -t events | cut -d, -f5,13,16
echo '--- Telegram: mention_name by id (user1); "@Ann" in the text is the same'
echo '    user1; "@bo_user" (a username, no display name) is unknown'
printf '%s' '{"name":"G","type":"private_supergroup","id":5,"messages":[{"id":1,"type":"message","date":"2024-06-01T10:00:00","from":"Ann","from_id":"user1","text":"hi"},{"id":2,"type":"message","date":"2024-06-01T10:01:00","from":"Bo","from_id":"user2","text":["hey ",{"type":"mention_name","text":"Ann","user_id":1}," and ",{"type":"mention","text":"@bo_user"}," @Ann"]}]}' > result.json
qp-ingest --tz UTC result.json | qp-cat -t events | cut -d, -f5,13,16
echo '--- Discord JSON: the mentions array (its @names in the text are not read again)'
printf '%s' '{"guild":{"id":"1","name":"S"},"channel":{"id":"2","name":"general","type":"GuildTextChat"},"messages":[{"id":"10","type":"Default","timestamp":"2024-03-06T21:00:00+01:00","content":"@ken @lu hi","author":{"id":"7","name":"ann","nickname":"Ann","isBot":false},"mentions":[{"id":"8","name":"ken"},{"id":"9","name":"lu"}]}]}' > d.json
qp-ingest -q --tz UTC --format discord d.json | qp-cat -t events | cut -d, -f5,13,16
