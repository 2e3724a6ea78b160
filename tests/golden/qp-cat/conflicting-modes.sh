qp-cat --stats --split d
