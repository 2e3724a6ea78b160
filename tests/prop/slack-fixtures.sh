# qp-ingest on the Slack export zip of $QP_SHARED/fixtures/slack, read in
# place: LangChain's loader test finds 5 messages (general 2,
# example-channel 2, random 1) and "Example message" among them.
fx=${QP_SHARED:?}/fixtures/slack/langchain_slack_export.zip
qp-ingest -q --tz UTC "$fx" | qp-cat -t events > got.csv
n=$(awk -F, '/^20/' got.csv | wc -l)
[ "$n" = 5 ] || { echo "$n events"; cat got.csv; exit 1; }
for c in general,2 example-channel,2 random,1; do
	ch=${c%,*} want=${c#*,}
	got=$(awk -F, -v c="$ch" '/^20/ && $4 == c' got.csv | wc -l)
	[ "$got" = "$want" ] || { echo "$ch: $got, want $want"; exit 1; }
done
grep -q ',Example User,message,.*,Example message,' got.csv
grep -q ',C0535BV3C6P,example-channel,U0500003428,U0500003428,join,' got.csv
echo "slack fixture: 5 events in 3 channels as expected"
