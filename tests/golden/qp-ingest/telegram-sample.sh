qp-ingest --tz UTC "$T/../../../samples/telegram" | qp-cat -t events
