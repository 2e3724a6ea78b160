qp-sessionize --gap 10x < /dev/null
