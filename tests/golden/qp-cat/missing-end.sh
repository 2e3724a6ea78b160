printf "#qp,table,t,1\nx\n1\n" | qp-cat
