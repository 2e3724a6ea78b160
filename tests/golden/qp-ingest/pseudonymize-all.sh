# --pseudonymize KEY: nothing that names a person, a group or a file is
# left in clear anywhere down the chain (events, sources, provenance,
# report, charts, tables): groups become 群 N, kept in KEY.groups for the
# owner; qunpipe's message ids are keyed; system lines' text is cleared;
# weak keys are refused.
mkdir ex
cat > "ex/WhatsApp Chat with Zhang Wei.txt" <<'CHAT'
03/06/2024, 06:58 - Zhang Wei added Li Na
03/06/2024, 07:02 - Zhang Wei: see you tomorrow
04/06/2024, 07:05 - Li Na: ok
CHAT
head -c 32 /dev/zero | tr '\0' 'k' > weak-pattern
head -c 32 /dev/zero > zeros
printf 'Qx7#mR2!vL9@pZ4$wT6%%nB8^cJ1&hF3*' > key
printf 'Yd5)eK0(sG2-uN7=aH4+iW9_oP3~rU6?' > key2
for k in zeros weak-pattern; do
	qp-ingest -q --tz UTC --pseudonymize $k ex > /dev/null || echo "$k: exit $?"
done
qp-ingest -q --tz UTC --pseudonymize key ex -o p.gz
zcat p.gz | grep -c -e 'Zhang' -e 'Li Na' -e 'WhatsApp Chat' || echo "no clear names in the stream"
zcat p.gz | sed -n 1p | sed 's/input-[0-9a-f]*/input-HASH/g'
qp-cat -t events p.gz | cut -d, -f4,7,13
qp-cat -t sources p.gz | cut -d, -f2 | sed 's/input-[0-9a-f]*/input-HASH/'
cat key.groups
echo "msg_id keyed: another key, other ids; no key, other ids again:"
qp-ingest -q --tz UTC --pseudonymize key2 ex | qp-cat -t events | cut -d, -f10 > ids2
qp-ingest -q --tz UTC ex | qp-cat -t events | cut -d, -f10 > ids0
qp-cat -t events p.gz | cut -d, -f10 > ids1
for f in ids1 ids2 ids0; do tail -n +2 $f; done | sort | uniq -d | wc -l
qp-dedupe p.gz | qp-cohort -q --tz UTC | qp-funnel -q --tz UTC | qp-report -q --tz UTC -o r
grep -rl -e 'Zhang' -e 'Li Na' -e 'WhatsApp Chat' r || echo "no clear names in the report"
grep -c '群 1' r/report.md > /dev/null && echo "the report names 群 1"
echo "a second export: its group becomes 群 2, the first keeps 群 1:"
printf '05/06/2024, 08:00 - Wang Fang: hi\n' > "ex/WhatsApp Chat with Wang Fang.txt"
qp-ingest -q --tz UTC --pseudonymize key ex | qp-cat -t events | cut -d, -f4 | sort -u
cut -d, -f1,2,4 key.groups
