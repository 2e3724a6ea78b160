# Bots and apps: one rule on every platform, a post is a message by the
# bot's user id (Slack bot_message and slackbot_response, Discord authors
# with isBot, replies to slash commands written as "20").
mkdir -p exp/general
printf '[{"id":"U1","name":"ann","profile":{"display_name":"Ann"}},{"id":"UB","name":"deploybot","is_bot":true,"profile":{"bot_id":"B9","display_name":"Deploy"}}]' > exp/users.json
printf '[{"id":"C1","name":"general"}]' > exp/channels.json
printf '[{"type":"message","user":"U1","text":"ship it","ts":"1714554300.000100"},{"type":"message","subtype":"bot_message","bot_id":"B9","username":"deploy","text":"deployed","ts":"1714554400.000200"},{"type":"message","subtype":"bot_message","user":"UB","bot_id":"B9","text":"done","ts":"1714554401.000200"},{"type":"message","subtype":"bot_message","bot_id":"B7","username":"rss","text":"news","ts":"1714554402.000200"},{"type":"message","subtype":"slackbot_response","user":"USLACKBOT","text":"Reminder: standup","ts":"1714554500.000300"}]' > exp/general/2024-05-01.json
qp-ingest --tz UTC exp | qp-cat -t events | cut -d, -f1,5,6,7,13
cat > dce.json <<'J'
{"guild":{"id":"10","name":"Makers"},"channel":{"id":"20","type":"GuildTextChat","name":"general"},"messages":[
{"id":"1","type":"Default","timestamp":"2024-05-01T10:00:00+00:00","content":"/roll","author":{"id":"7","name":"ann","isBot":false}},
{"id":"2","type":"20","timestamp":"2024-05-01T10:00:01+00:00","content":"You rolled 4","author":{"id":"99","name":"DiceBot","isBot":true}},
{"id":"3","type":"ChatInputCommand","timestamp":"2024-05-01T10:00:02+00:00","content":"You rolled 6","author":{"id":"99","name":"DiceBot","isBot":true}},
{"id":"4","type":"Default","timestamp":"2024-05-01T10:00:03+00:00","content":"GG","author":{"id":"99","name":"DiceBot","isBot":true}},
{"id":"5","type":"ChannelPinnedMessage","timestamp":"2024-05-01T10:00:04+00:00","content":"","author":{"id":"7","name":"ann","isBot":false}}]}
J
qp-ingest --tz UTC dce.json | qp-cat -t events | cut -d, -f1,5,6,7,13
