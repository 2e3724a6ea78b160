# Messenger and Instagram notices by what they say: "X joined the group."
# is a join, poll notices are system rows; a typed plain message that reads
# like a notice stays a message.
cat > message_1.json <<'J'
{"participants":[{"name":"Mia"},{"name":"Leo"}],"messages":[
{"sender_name":"Leo","timestamp_ms":1700000300000,"content":"Mia added salt to the group.","type":"Generic"},
{"sender_name":"Mia","timestamp_ms":1700000240000,"content":"This poll is no longer available."},
{"sender_name":"Mia","timestamp_ms":1700000180000,"content":"Mia's poll has multiple updates."},
{"sender_name":"Leo","timestamp_ms":1700000120000,"content":"Leo joined the group."},
{"sender_name":"Mia","timestamp_ms":1700000060000,"content":"hi all"}],
"title":"Trip"}
J
qp-ingest --tz UTC message_1.json | qp-cat -t events | cut -d, -f1,6,7,8,9,13
