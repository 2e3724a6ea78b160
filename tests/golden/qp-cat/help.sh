qp-cat --help
