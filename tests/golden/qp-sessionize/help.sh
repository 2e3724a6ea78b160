qp-sessionize --help
