# An Android export (minutes) and an iOS export (seconds) of the same chat:
# the same messages, matched within the minute; the rows with seconds win.
# Two identical "ok" in one minute stay two.  An export with seconds only
# keeps exact matching.
mkdir android ios
i=0
while [ $i -lt 24 ]; do
	m=$(printf '%02d' $((i + 10)))
	printf '12/06/2024, 07:%s - Ann: message %d\n' "$m" $i >> "android/WhatsApp Chat with Team.txt"
	printf '[12/06/2024, 07:%s:%02d] Ann: message %d\n' "$m" $((i + 5)) $i >> "ios/WhatsApp Chat with Team.txt"
	i=$((i + 1))
done
printf '12/06/2024, 08:00 - Bo: ok\n12/06/2024, 08:00 - Bo: ok\n' >> "android/WhatsApp Chat with Team.txt"
printf '[12/06/2024, 08:00:07] Bo: ok\n[12/06/2024, 08:00:41] Bo: ok\n[12/06/2024, 08:02:00] Bo: only on iOS\n' >> "ios/WhatsApp Chat with Team.txt"
qp-ingest -q --tz UTC -l 0 android > a.gz
qp-ingest -q --tz UTC -l 0 ios > b.gz
qp-dedupe a.gz b.gz | qp-cat -t events | cut -d, -f1,6,13 | tail -6
echo "rows: $(qp-dedupe a.gz b.gz | qp-cat -t events | sed 1d | wc -l)"
qp-dedupe a.gz b.gz | qp-cat -t dedupe | cut -d, -f2-
