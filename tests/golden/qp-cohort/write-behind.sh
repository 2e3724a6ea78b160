# With a second thread (QP_THREADS=2, whatever the processors), -l 0
# output is written behind the main thread: the same bytes as inline
# (QP_THREADS=1), and a write error still fails the run with the output
# named (exit 1).  The output is many 64 KB blocks, so that the writer
# thread, not the end, meets the error.
awk 'BEGIN {
	print "ts,group_id,user_id,kind,msg_id,media,text"
	for (g = 0; g < 3; g++)
		for (i = 0; i < 14000; i++)
			printf("2024-03-%02dT%02d:%02d:00Z,g%d,u%d,message,%d,text,hello %d\n",
			    1 + int(i / 1440), int(i % 1440 / 60), i % 60, g,
			    i % 97, g * 14000 + i, i)
}' > e.csv
qp-cat -c -l 0 e.csv > s.gz
QP_THREADS=2 qp-cohort -q --tz UTC -l 0 s.gz > behind.gz
QP_THREADS=1 qp-cohort -q --tz UTC -l 0 s.gz > inline.gz
cmp behind.gz inline.gz && echo "same bytes"
test "$(wc -c < behind.gz)" -gt 1000000 && echo "over 1 MB"
QP_THREADS=2 qp-cohort -q --tz UTC -l 0 s.gz > /dev/full || echo "exit $?"
