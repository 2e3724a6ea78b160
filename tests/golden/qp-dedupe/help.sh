qp-dedupe --help
