qp-cohort --help
