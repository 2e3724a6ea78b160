qp-cat </dev/null
