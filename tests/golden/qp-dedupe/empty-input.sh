qp-dedupe < /dev/null > out.gz
