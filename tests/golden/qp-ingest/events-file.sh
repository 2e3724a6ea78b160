qp-ingest --tz Asia/Shanghai "$T/../../../samples/wechat" "$T/../../../samples/telegram" "$T/../../../samples/whatsapp" --events "$T/../../../samples/orders.csv" | qp-cat -t events | grep ",custom,"
