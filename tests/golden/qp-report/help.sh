qp-report --help
