# hashed ids (no platform id): a sender's three identical messages in one
# second are three messages; another export of the chat holding one of
# them adds none; the same export read twice counts once.
mkdir a b
cat > "a/WhatsApp Chat with Team.txt" <<'X'
12/06/2024, 07:00 - Ann: ok
12/06/2024, 07:00 - Ann: ok
12/06/2024, 07:00 - Ann: ok
12/06/2024, 07:01 - Bo: fine
X
head -1 "a/WhatsApp Chat with Team.txt" > "b/WhatsApp Chat with Team.txt"
printf '12/06/2024, 07:02 - Bo: later\n' >> "b/WhatsApp Chat with Team.txt"
qp-ingest -q --tz UTC -l 0 a > a.gz
qp-ingest -q --tz UTC -l 0 b > b.gz
qp-dedupe a.gz b.gz | qp-cat -t events | cut -d, -f1,6,7,13
qp-dedupe a.gz b.gz | qp-cat -t dedupe | cut -d, -f2-
echo "the same export twice is once:"
qp-dedupe a.gz a.gz | qp-cat -t events | cut -d, -f6,13 | sort | uniq -c
