# A folder's files are read ahead on a thread, each whole and once (for
# its hash and both of WhatsApp's passes): the events are those of each
# file read alone, with QP_THREADS=1 or not.  The files have more headers
# than the date-order pass reads before it rewinds, LF and CRLF ends, a
# byte order mark, an invalid UTF-8 byte and a last line without newline.
mkdir -p d
awk 'BEGIN {
	for (i = 0; i < 1500; i++)
		printf "13/06/2024, %02d:%02d - A%d: line %d\n", i / 60 % 24, i % 60, i % 7, i
	printf "continued\n13/06/2024, 23:59 - B: last, no newline"
}' > d/a.txt
awk 'BEGIN {
	printf "\357\273\277"
	for (i = 0; i < 1200; i++)
		printf "6/14/24, %d:%02d PM - C%d: crlf %d%s\r\n", i / 60 % 12 + 1, i % 60, i % 5, i, i == 700 ? " bad \377 byte" : ""
}' > d/b.txt
printf '14/06/2024, 08:00 - D: one\n' > d/c.txt
qp-ingest -q --tz UTC d | qp-cat -t events > all.csv
QP_THREADS=1 qp-ingest -q --tz UTC d | qp-cat -t events | cmp - all.csv
for f in a b c; do
	qp-ingest -q --tz UTC d/$f.txt | qp-cat -t events | sed 1d
done > one.csv
sed 1d all.csv | cmp - one.csv
test "$(grep -c ',message,' all.csv)" = 2702
grep -q "crlf 700 bad $(printf '\357\277\275') byte" all.csv
grep -q '^continued",' all.csv
grep -q 'last, no newline' all.csv
echo "folder read ahead: 2702 messages, as each file alone"
