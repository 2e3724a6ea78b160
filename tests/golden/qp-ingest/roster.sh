# Rosters (--roster, repeatable): member lists by date, group and member,
# matched to the chats as --staff is; the roster table (group_id, date,
# user_id) is sorted, a member listed twice kept once.
printf '消息对象:读书会\n\n2024-05-01 09:00:00 阿光(100)\n欢迎\n\n2024-05-01 09:03:00 小助手(400)\n今日打卡\n\n2024-05-01 09:04:00 小助手(500)\n我也叫小助手\n\n2024-05-02 09:00:00 老周(300)\n早\n' > qq.txt
echo '--- GBK with Chinese headers: 日期,群,成员; names, a silent member by name, dates as 2024/5/1'
printf '日期,群,成员\n2024/5/1,读书会,阿光\n2024/5/1,读书会,老周\n2024/5/1,读书会,潜水员\n2024-05-10,读书会,阿光\n2024-05-10,读书会,阿光\n' | iconv -f UTF-8 -t GBK > r1.csv
printf 'date,group,user_id\n2024-05-10,读书会,400\n' > r2.csv
qp-ingest --tz UTC --roster r1.csv --roster r2.csv qq.txt | qp-cat --ids -t roster
echo '--- a name two members had is refused, with both ids'
printf 'date,group,user\n2024-05-01,读书会,小助手\n' > two.csv
qp-ingest -q --tz UTC --roster two.csv qq.txt > /dev/null || echo "exit $?"
echo '--- an unknown group, a bad date, no group, a header without a date'
printf 'date,group,user\n2024-05-01,书友会,阿光\n' > g.csv
qp-ingest -q --tz UTC --roster g.csv qq.txt > /dev/null || echo "exit $?"
printf 'date,group,user\n2024-13-01,读书会,阿光\n' > d.csv
qp-ingest -q --tz UTC --roster d.csv qq.txt > /dev/null || echo "exit $?"
printf 'date,group,user\n2024-05-01,,阿光\n' > n.csv
qp-ingest -q --tz UTC --roster n.csv qq.txt > /dev/null || echo "exit $?"
printf 'group,user\n读书会,阿光\n' > h.csv
qp-ingest -q --tz UTC --roster h.csv qq.txt > /dev/null || echo "exit $?"
echo '--- a roster from a pipe (<(...), /dev/stdin), read as a file is (it failed with no message)'
printf 'date,group,user\n2024-05-01,读书会,阿光\n' | qp-ingest -q --tz UTC --roster /dev/stdin qq.txt | qp-cat --ids -t roster
printf 'group,user,role\n读书会,阿光,群主\n' | qp-ingest -q --tz UTC --staff /dev/stdin qq.txt | qp-cat --ids -t roles
