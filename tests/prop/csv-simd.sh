# The CSV scanner reads 32 bytes at a time where the CPU has AVX2, else
# 16 (QP_NO_AVX2=1 forces that): both cut the same fields, find the same
# line ends and quotes, CRs and non-ASCII bytes, whatever their offsets.
# Random rows of fields 0-80 bytes long, some quoted (with "" and
# newlines inside), some with CR, commas and 中文, read by qp-cat -c and
# printed by qp-cat -t, give the same bytes, messages and exit both ways.
awk 'BEGIN {
	srand(7)
	split("a b , \" \r 中 文 1 2 x", pc, " ")
	print "ts,group_id,user_id,kind,msg_id,text"
	for (r = 0; r < 3000; r++) {
		printf "2024-01-01T00:%02d:%02dZ,g%d,u%d,message,%d,", r % 60, r % 60, r % 7, r % 13, r
		n = int(rand() * 81)
		q = rand() < 0.3
		s = ""
		for (i = 0; i < n; i++) {
			c = pc[1 + int(rand() * 10)]
			if (c == " ")
				c = "  "
			if (!q && (c == "\"" || c == ","))
				c = "y"
			if (q && c == "\"")
				c = "\"\""
			if (q && rand() < 0.02)
				c = "\n"
			s = s c
		}
		if (q)
			printf "\"%s\"", s
		else
			printf "%s", s
		printf (rand() < 0.1 ? "\r\n" : "\n")
	}
}' > r.csv
for mode in avx2 sse2; do
	if [ $mode = sse2 ]; then QP_NO_AVX2=1; export QP_NO_AVX2; fi
	{ qp-cat -c -l 0 r.csv | qp-cat -t events; echo "exit $?"; } > $mode.out 2>&1 || :
done
unset QP_NO_AVX2
cmp avx2.out sse2.out || { diff avx2.out sse2.out | head; exit 1; }
rows=$(grep -c '^2024' avx2.out) || :
[ "$rows" -ge 2900 ] || { echo "only $rows rows read"; head avx2.out; exit 1; }
rm -f r.csv avx2.out sse2.out
echo "csv-simd: $rows rows cut alike 32 and 16 bytes at a time"
