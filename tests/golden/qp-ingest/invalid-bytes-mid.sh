# Lines are checked as UTF-8 a buffer at a time: bad bytes after good
# lines, a NUL, a cut character and CRLF lines after them are each
# repaired where they are, the good lines around them kept as they are.
{
	i=0
	while [ $i -lt 300 ]; do
		printf '12/06/2024, 07:%02d - 小明: 你好 %d\n' $((i % 60)) $i
		i=$((i + 1))
	done
	printf '12/06/2024, 08:00 - 小明: caf\351 au lait\n'
	printf '12/06/2024, 08:01 - Ana: ok\000ok\r\n'
	printf '12/06/2024, 08:02 - Ana: cut \346\235\r\n'
	printf '12/06/2024, 08:03 - Ana: 好的\r\n'
	printf '12/06/2024, 08:04 - 小明: \355\240\200 surrogate\n'
	printf '12/06/2024, 08:05 - 小明: 再见\n'
} > bad.txt
qp-ingest --tz UTC bad.txt | qp-cat -t events | cut -d, -f6,13 | tail -8
