mkdir -p exp/general
printf '[{"id":"U1","name":"ann","profile":{"display_name":"Ann"}},{"id":"U2","name":"bo","real_name":"Bo Li","profile":{"display_name":""}}]' > exp/users.json
printf '[{"id":"C1","name":"general"}]' > exp/channels.json
printf '[{"type":"message","subtype":"channel_join","user":"U2","inviter":"U1","text":"<@U2> has joined the channel","ts":"1714554300.000100"},{"type":"message","user":"U2","text":"hello","ts":"1714554400.000200"}]' > exp/general/2024-05-01.json
qp-ingest --tz UTC exp | qp-cat -t events | cut -d, -f1,3,4,5,6,7,8,9,10,13
