qp-cat -c -t counts "$T/in/bom-crlf.csv" | qp-cat
