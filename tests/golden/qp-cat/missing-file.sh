qp-cat no-such-file.gz
