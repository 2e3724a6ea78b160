qp-ingest --bogus
