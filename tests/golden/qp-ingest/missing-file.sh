qp-ingest --tz UTC no-such-export.txt > out.gz
