# --events-map names the columns of an events file whose header is not one
# qp-ingest knows; a missing column is an error naming the file.
printf '下单时间,买家昵称,商品,实付\n2024-06-12 09:05:00,小林,年卡,199\n' > shop.csv
qp-ingest -q --tz Asia/Shanghai --events shop.csv \
    --events-map ts=下单时间,user=买家昵称,name=商品,text=实付 |
    qp-cat -t events | grep ',custom,' | cut -d, -f1,6,7,13,14
qp-ingest -q --tz UTC --events shop.csv > /dev/null || echo "exit $?"
qp-ingest -q --tz UTC --events shop.csv --events-map ts=时间,user=买家昵称 > /dev/null ||
    echo "exit $?"
qp-ingest -q --tz UTC --events shop.csv --events-map user=买家昵称 > /dev/null ||
    echo "exit $?"
# --events - reads standard input.
qp-ingest -q --tz Asia/Shanghai --events - --events-map ts=下单时间,user=买家昵称 < shop.csv |
    qp-cat -t events | grep -c ',custom,'
