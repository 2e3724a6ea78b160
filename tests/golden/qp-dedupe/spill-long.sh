# records longer than a spill read buffer (64k at -m 1M) and than a spill
# write (1M) come back whole from the runs: the same events as in memory
awk 'BEGIN { print "ts,group_id,user_id,kind,msg_id,text,src";
    x = "abcdefgh"; while (length(x) < 1500000) x = x x;
    for (i = 0; i < 40; i++)
	printf("2024-01-01T%02d:00:00Z,g%d,u%d,message,%d,%d %s,s\n", 23 - i % 24,
	    i % 3, i, i, i, substr(x, 1, i % 5 == 0 ? 1500000 : 30000 * i + 1)) }' > long.csv
qp-cat -c -l 0 long.csv > long.gz
qp-dedupe -m 1M long.gz | qp-cat -t events | md5sum
qp-dedupe long.gz | qp-cat -t events | md5sum
qp-dedupe -m 1M long.gz | qp-cat -t events | cut -c1-50 | head -5
qp-dedupe -m 1M long.gz | qp-cat -t events | awk '{ n += length($0) } END { print NR, n }'
