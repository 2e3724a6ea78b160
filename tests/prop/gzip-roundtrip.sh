# Random CSV (quotes, commas, newlines, '#', CJK, emoji, long fields) made
# into streams at every level: gzip -t and zcat accept each, qp-cat reads
# back the same rows, and writing again is byte-identical.
awk 'BEGIN {
	srand(7);
	split("a|b|,|\"|\n|#|中文|😀| |x y|#qp|é", bit, "|");
	print "id,text,note";
	for (r = 0; r < 300; r++) {
		line = r;
		for (c = 0; c < 2; c++) {
			f = ""; k = int(rand() * 8);
			if (rand() < 0.02) { for (j = 0; j < 10000; j++) f = f "z"; }
			for (j = 0; j < k; j++) f = f bit[1 + int(rand() * 12)];
			gsub(/"/, "\"\"", f);
			line = line ",\"" f "\"";
		}
		print line;
	}
}' > rand.csv
qp-cat -c -l 0 rand.csv | qp-cat -t events > want.csv
for l in 0 1 2 3 4 5 6 7 8 9; do
	qp-cat -c -l $l rand.csv > r.gz
	gzip -t r.gz
	zcat r.gz | qp-cat -t events | cmp - want.csv
	qp-cat -t events r.gz | qp-cat -c -l $l -t events > r2.gz
	qp-cat -t events r2.gz | qp-cat -c -l $l -t events | cmp - r2.gz
done
echo "gzip round trip: levels 0-9 ok"
