qp-ingest --tz Asia/Shanghai "$T/../../../samples/wechat-txt" | qp-cat -t events
