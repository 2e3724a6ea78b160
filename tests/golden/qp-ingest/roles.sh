# Roles from the exports themselves: QQ's 【群主】/【管理员】 prefixes (a
# title such as 【活跃】 is not a role), Slack's bot_id (an app's post is
# the app's), Discord's isBot; then a staff file in GBK with Chinese headers.
printf '消息对象:读书会\n\n2024-05-01 09:00:00 【群主】阿光(100)\n欢迎\n\n2024-05-01 09:01:00 【管理员】小雨(200)\n群规见公告\n\n2024-05-01 09:02:00 【活跃】老周(300)\n大家好\n\n2024-05-01 09:03:00 小助手(400)\n今日打卡\n\n2024-05-01 09:04:00 小助手(500)\n我也叫小助手\n' > qq.txt
mkdir -p exp/general
printf '[{"id":"U1","name":"ann","profile":{"display_name":"Ann"}},{"id":"U2","name":"bo","profile":{"display_name":"Bo"}}]' > exp/users.json
printf '[{"id":"C1","name":"general"}]' > exp/channels.json
printf '[{"type":"message","user":"U2","text":"hello","ts":"1714554400.000200"},{"type":"message","subtype":"bot_message","bot_id":"B9","username":"standup","text":"Daily standup!","ts":"1714554500.000300"},{"type":"message","user":"U1","bot_id":"B7","text":"posted by an app","ts":"1714554600.000300"}]' > exp/general/2024-05-01.json
printf '{"guild":{"id":"1","name":"Makers"},"channel":{"id":"2","type":"GuildTextChat","name":"general"},"messages":[{"id":"10","type":"Default","timestamp":"2024-05-01T10:00:00+00:00","content":"hi all","author":{"id":"100","name":"ann","nickname":"Ann","isBot":false}},{"id":"11","type":"Default","timestamp":"2024-05-01T10:01:00+00:00","content":"Welcome!","author":{"id":"900","name":"MEE6","isBot":true}}]}' > dc.json
qp-ingest -q --tz UTC qq.txt exp dc.json | qp-cat --ids -t roles
qp-ingest -q --tz UTC exp | qp-cat --ids -t events | cut -d, -f5,6,7,13
echo '--- a staff file in GBK: 群,成员,角色 (a name, an id, every group)'
printf '群,成员,角色\n读书会,老周,水军\n*,300,sales\n' | iconv -f UTF-8 -t GBK > staff.csv
qp-ingest -q --tz UTC --staff staff.csv qq.txt | qp-cat --ids -t roles
echo '--- a name two members had is refused, with both ids'
printf 'group,user,role\n读书会,小助手,assistant\n' > two.csv
qp-ingest -q --tz UTC --staff two.csv qq.txt > /dev/null || echo "exit $?"
printf 'group,user_id,role\n读书会,400,assistant\n' > byid.csv
qp-ingest -q --tz UTC --staff byid.csv qq.txt | qp-cat --ids -t roles
echo '--- an unknown role'
printf 'user,role\n老周,boss\n' > bad.csv
qp-ingest -q --tz UTC --staff bad.csv qq.txt > /dev/null || echo "exit $?"
echo '--- with --pseudonymize, staff named by id or by name get the ids the events carry'
printf '0123456789abcdef0123456789abcdef' > key
printf 'group,user,role\n读书会,400,assistant\n读书会,老周,shill\n' > ps.csv
qp-ingest -q --tz UTC --pseudonymize key --staff ps.csv qq.txt > ps.gz
qp-cat --ids -t roles ps.gz | cut -d, -f2,3 | sort > r.txt
cat r.txt
qp-cat --ids -t events ps.gz | cut -d, -f5 | sort -u > ids.txt
cut -d, -f1 r.txt | grep -v user_id | while read -r id; do grep -qx "$id" ids.txt && echo "$id in the events"; done
