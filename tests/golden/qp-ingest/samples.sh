qp-ingest --tz Asia/Shanghai $T/../../../samples/whatsapp | qp-cat
