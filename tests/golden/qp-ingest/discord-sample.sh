qp-ingest --tz UTC "$T/../../../samples/discord" | qp-cat -t events
