for l in 0 1 9; do qp-cat -c -l $l "$T/in/small.csv" > s$l.gz; gzip -t s$l.gz; done
zcat s0.gz | qp-cat -t events > s0.txt
zcat s9.gz | qp-cat -t events | cmp - s0.txt && echo same rows at levels 0 and 9
qp-cat -c -l 1 "$T/in/small.csv" | cmp - s1.gz && echo deterministic
cat s1.gz s1.gz | gzip -t && echo concatenation is valid gzip
