qp-sessionize < /dev/null > out.gz
