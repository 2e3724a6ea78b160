qp-ingest --tz UTC "$T/../../../samples/wechat" | qp-cat -t events
