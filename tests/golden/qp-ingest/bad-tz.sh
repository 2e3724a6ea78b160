qp-ingest --tz Mars/Base $T/../../../samples/whatsapp
