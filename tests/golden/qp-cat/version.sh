qp-cat --version
