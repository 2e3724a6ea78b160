qp-ingest --tz Europe/Paris "$T/../../../samples/messenger" "$T/../../../samples/signal" | qp-cat -t events
