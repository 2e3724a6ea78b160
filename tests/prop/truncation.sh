# Every prefix of a small stream, cut at each byte, makes qp-cat exit 1
# with "truncated input" (never a shorter stream, never a crash), at
# level 0, at level 6 and as plain text.
printf 'ts,user,text\n2024-03-01T20:15:03+08:00,小王,"a, ""b""\nc"\n2024-03-01T20:16:03+08:00,u2,#x\n' > in.csv
qp-cat -c -l 0 in.csv > s0.gz
qp-cat -c -l 6 in.csv > s6.gz
zcat s0.gz > plain.txt
n=0
for f in s0.gz s6.gz plain.txt; do
	size=$(wc -c < $f)
	i=0
	while [ $i -lt $size ]; do
		head -c $i $f > cut
		if qp-cat cut > /dev/null 2> err; then
			echo "$f: prefix $i accepted"; exit 1
		fi
		code=$?
		grep -q 'truncated input' err || { echo "$f: prefix $i:"; cat err; exit 1; }
		i=$((i + 1)); n=$((n + 1))
	done
	qp-cat $f > /dev/null
done
echo "truncation: $n prefixes rejected"
