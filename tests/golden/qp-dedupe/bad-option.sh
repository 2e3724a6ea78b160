qp-dedupe --bogus
