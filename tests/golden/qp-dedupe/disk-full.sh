# A spill that cannot be written (here a file-size limit, like a full disk)
# stops qp-dedupe with a message and exit 1, and leaves no temporary file.
awk 'BEGIN { print "ts,group_id,user_id,kind,msg_id,text,src";
    for (i = 0; i < 60000; i++)
	printf("2024-01-01T%02d:%02d:%02dZ,g%d,u%d,message,%d,some text %d,s%d\n",
	    (i * 7) % 24, (i * 13) % 60, (i * 17) % 60, i % 7, i % 50, i, i, i % 3) }' > big.csv
qp-cat -c -l 0 big.csv > big.gz
mkdir spill
(ulimit -f 200; TMPDIR=$PWD/spill qp-dedupe -m 1M big.gz > /dev/null) || echo "exit $?"
echo "temporary files left: $(ls spill | wc -l)"
