# -m 1M spills runs and merges them: the same events as in memory, with
# the runs written by a second thread (QP_THREADS=2) or by the main one
awk 'BEGIN { print "ts,group_id,user_id,kind,msg_id,text,src";
    for (i = 0; i < 60000; i++)
	printf("2024-01-01T%02d:%02d:%02dZ,g%d,u%d,message,%d,some text %d,s%d\n",
	    (i * 7) % 24, (i * 13) % 60, (i * 17) % 60, i % 7, i % 50, i, i, i % 3) }' > big.csv
qp-cat -c -l 0 big.csv > big.gz
QP_THREADS=2 qp-dedupe -m 1M big.gz | qp-cat -t events | md5sum
QP_THREADS=1 qp-dedupe -m 1M big.gz | qp-cat -t events | md5sum
qp-dedupe big.gz | qp-cat -t events | md5sum
ls "${TMPDIR:-/tmp}" | grep -c qp-dedupe || true
