qp-cat --bogus
