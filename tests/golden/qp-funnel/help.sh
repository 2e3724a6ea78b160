qp-funnel --help
