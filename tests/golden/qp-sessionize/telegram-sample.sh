qp-ingest -q --tz UTC "$T/../../../samples/telegram" | qp-sessionize --gap 2h | qp-cat
