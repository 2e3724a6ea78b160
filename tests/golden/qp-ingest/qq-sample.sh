qp-ingest --tz Asia/Shanghai "$T/../../../samples/qq" | qp-cat -t events
