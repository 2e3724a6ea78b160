qp-ingest --tz Europe/London "$T/../../../samples/slack" | qp-cat -t events
