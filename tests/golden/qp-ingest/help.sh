qp-ingest --help
