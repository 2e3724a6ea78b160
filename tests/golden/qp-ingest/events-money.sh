# Payments exact to the cent (qunpipe(7) "Money"): amounts as people type
# them, a currency from its column (币种, any case) or the amount's symbol,
# the product after it, the order id (订单号) as msg_id.  A third decimal,
# a refund, an unknown currency or two currencies make the row unreadable
# (line numbers below), a product without an amount too; a row with none
# of them stays a paid event without an amount.  --events-map names the
# new columns too, and --no-text keeps the amounts.
cat > pay.csv <<'E'
时间,昵称,金额,币种,商品,订单号
2024-06-01 10:00,小林,"1,299.5",,21天训练营,A1
2024-06-01 11:00,小林,¥199,,,A2
2024-06-01 12:00,小林,199元,cny,年卡 VIP,A3
2024-06-01 13:00,小林,$5,,,A4
2024-06-01 14:00,小林,12,eur,,A5
2024-06-01 15:00,小林,,,,
2024-06-01 16:00,小林,1.005,,,B1
2024-06-01 17:00,小林,-99,,,B2
2024-06-01 18:00,小林,99,人民币币,,B3
2024-06-01 19:00,小林,$5,CNY,,B4
2024-06-01 20:00,小林,,,书,B5
E
qp-ingest --tz Asia/Shanghai --events pay.csv 2>&1 >/dev/null | sed 's/^/stderr: /'
qp-ingest -q --tz Asia/Shanghai --events pay.csv | qp-cat -t events |
    cut -d, -f1,6,7,10,13,14
printf 'when,who,paid,cur,what,no\n2024-06-02 10:00,Ava,88.8,USD,book,X9\n' > m.csv
qp-ingest -q --no-text --tz UTC --events m.csv --events-map \
    ts=when,user=who,amount=paid,currency=cur,product=what,order_id=no |
    qp-cat -t events | cut -d, -f1,6,7,10,13,14
qp-ingest -q --tz UTC --events m.csv --events-map ts=when,user=who,cost=paid \
    > /dev/null || echo "exit $?"
