# A UTF-8 roster or staff file with a stray byte (0xff) that is no UTF-8
# is refused with its file and line, not with a bare exit 1.
printf '消息对象:读书会\n\n2024-05-01 09:00:00 阿光(100)\n欢迎\n\n2024-05-01 09:01:00 老周(300)\n早\n' > qq.txt
ok='2024-05-01,读书会,阿光\n2024-05-01,读书会,老周\n2024-05-02,读书会,阿光\n'
printf "date,group,user\n$ok$ok\377\n" > r.csv
qp-ingest -q --tz UTC --roster r.csv qq.txt > /dev/null || echo "exit $?"
printf "group,user,role\n读书会,阿光,群主\n读书会,老周,管理员\n读书会,老周\377,管理员\n" > s.csv
qp-ingest -q --tz UTC --staff s.csv qq.txt > /dev/null || echo "exit $?"
