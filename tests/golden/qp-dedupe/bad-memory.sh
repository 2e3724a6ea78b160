qp-dedupe -m 10k < /dev/null
