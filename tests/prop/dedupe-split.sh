# Property: split a random set of events into overlapping exports (each a
# contiguous range of a group's seconds, as a real export is a time range,
# together covering all), merge them with qp-dedupe, and get exactly the
# original events back: nothing lost, nothing doubled.  Half the groups
# have platform ids, half none (bursts of identical rows included).
for seed in 1 2 3 4 5 6; do
	awk -v seed=$seed 'BEGIN {
		srand(seed);
		print "ts,group_id,user_id,kind,msg_id,text,src" > "orig.csv";
		n = 0;
		for (g = 1; g <= 4; g++) {
			t = 0;
			for (i = 0; i < 300; i++) {
				t += int(rand() * 3);	# many rows share a second
				u = "u" int(rand() * 5);
				k = rand() < 0.1 ? "join" : "message";
				txt = rand() < 0.3 ? "ok" : "m" int(rand() * 20);
				copies = rand() < 0.1 ? 3 : 1;	# a burst
				for (c = 0; c < copies; c++) {
					id = g % 2 ? ++n : "";
					row[g, ++cnt[g]] = sprintf("2024-01-01T%02d:%02d:%02dZ",
					    int(t / 3600), int(t / 60) % 60, t % 60) "," \
					    "g" g "," u "," k "," id "," txt;
					sec[g, cnt[g]] = t;
				}
			}
		}
		for (g = 1; g <= 4; g++)
			for (i = 1; i <= cnt[g]; i++)
				print row[g, i] ",orig" > "orig.csv";
		# exports: random ranges cut where the second changes, covering all
		e = 0;
		print "ts,group_id,user_id,kind,msg_id,text,src" > "exports.csv";
		for (g = 1; g <= 4; g++) {
			start = 1;
			while (start <= cnt[g]) {
				len = 20 + int(rand() * 200);
				end = start + len;
				if (end > cnt[g]) end = cnt[g];
				while (end < cnt[g] && sec[g, end + 1] == sec[g, end]) end++;
				e++;
				for (i = start; i <= end; i++)
					print row[g, i] ",x" e > "exports.csv";
				# the next export starts somewhere inside this one
				back = int(rand() * (end - start + 1) / 2);
				ns = end + 1 - back;
				while (ns > start + 1 && sec[g, ns - 1] == sec[g, ns]) ns--;
				if (ns <= start) ns = end + 1;
				start = ns;
			}
		}
	}'
	qp-cat -c -l 0 exports.csv | qp-dedupe -m 1M | qp-cat -t events | sed 1d |
	    cut -d, -f1-6 | sort > got
	sed 1d orig.csv | cut -d, -f1-6 | sort > want
	cmp want got || { echo "seed $seed: differs"; diff want got | head; exit 1; }
	echo "seed $seed: $(wc -l < want) events from $(($(wc -l < exports.csv) - 1)) exported rows"
done
echo "dedupe split property: 6 random splits merged back exactly"
