qp-ingest --tz UTC < /dev/null > out.gz
