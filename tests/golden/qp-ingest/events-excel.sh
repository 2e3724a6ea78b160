# --events as Excel saves it on Chinese Windows: GBK with Chinese headers,
# UTF-16 Unicode text (tabs), "2024/5/8 9:05" times; unreadable rows are
# named by file and line, saying what is wrong.
printf '12/06/2024, 07:00 - 小林: 早\n12/06/2024, 07:01 - Ava Li: hi\n' > chat.txt
printf '时间,昵称,事件,金额\r\n2024/6/12 9:05,小林,paid,199\r\n2024/2/30 10:00,小林,paid,99\r\n2024-06-13,Ava Li,refund,50\r\n2024/6/14 10:00,,paid,1\r\n' |
    iconv -f UTF-8 -t GBK > orders-gbk.csv
printf '\377\376' > orders-u16.txt
printf '日期\t会员ID\t金额\r\n2024年6月15日 20:30\tm42\t88\r\n' | iconv -f UTF-8 -t UTF-16LE >> orders-u16.txt
qp-ingest --tz Asia/Shanghai chat.txt --events orders-gbk.csv --events orders-u16.txt |
    qp-cat -t events | grep ',custom,' | cut -d, -f1,2,5,6,7,13,14
# ... also from a pipe, as <(iconv ...) gives it.
mkfifo fifo
cat orders-gbk.csv > fifo &
qp-ingest -q --tz Asia/Shanghai --events fifo | qp-cat -t events | grep -c ',custom,'
# GBK after 600 lines of ASCII (English headers, ids) is still GBK.
{ printf 'ts,user,amount\n'; seq -f '2024-05-01 10:00,user%g,1' 600; printf '2024-05-02 10:00,小林,2\n'; } |
    iconv -f UTF-8 -t GBK > late.csv
qp-ingest -q --tz Asia/Shanghai --events late.csv | qp-cat -t events | tail -1 | cut -d, -f1,6,13
