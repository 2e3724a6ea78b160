# An export bundle is one export: its chat files are read as one source,
# its other files are attachments, never further chats, even a .txt, .json
# or .zip sent in the chat.  What is not the bundle's is read on its own.
zipit() {	# zipit ZIP DIR: DIR's files, paths below DIR, in name order
	python3 -c 'import os, sys, zipfile
z = zipfile.ZipFile(sys.argv[1], "w")
for d, ds, fs in sorted(os.walk(sys.argv[2])):
    ds.sort()
    for f in sorted(fs):
        p = os.path.join(d, f)
        i = zipfile.ZipInfo(os.path.relpath(p, sys.argv[2]), (2024, 1, 1, 0, 0, 0))
        z.writestr(i, open(p, "rb").read())' "$@"
}
src() {	# input, format and events of each source
	qp-cat -t sources | awk -F, 'NR > 1 { print $2 "," $3 "," $4 + $5 + $6 + $7 + $8 }'
}
# iOS: _chat.txt, numbered media, and a chat export sent as a document.
mkdir -p inner ios
printf '[1/5/24, 09:00:00] Zoe: another chat\n[1/5/24, 09:01:00] Zoe: not this one\n' > inner/_chat.txt
zipit ios/00000003-old-chat.zip inner
printf '[2/5/24, 10:00:00] Ana: hi\n[2/5/24, 10:01:00] Ben: hello\n[2/5/24, 10:02:00] Ana: <attached: 00000002-PHOTO-2024-05-02-10-02-00.jpg>\n[2/5/24, 10:03:00] Ben: <attached: 00000003-old-chat.zip>\n[2/5/24, 10:04:00] Ben: <attached: 00000004-notes.txt>\n' > ios/_chat.txt
printf 'jpeg' > ios/00000002-PHOTO-2024-05-02-10-02-00.jpg
printf '[1/5/24, 09:00:00] Zoe: a chat text sent as a file\n' > ios/00000004-notes.txt
zipit "WhatsApp Chat - Ana.zip" ios
qp-ingest -q --tz UTC "WhatsApp Chat - Ana.zip" | src
# The same, zipped again with the folder it was unpacked to.
mkdir -p again && cp -r ios again/"WhatsApp Chat - Ana" && zipit again.zip again
qp-ingest -q --tz UTC again.zip | src
# Android: "WhatsApp Chat with X.txt", IMG-...-WA media, documents by their
# own names (a forwarded export too), all named in the chat; a file the
# chat does not name is not the export's and is read on its own.
mkdir -p "WhatsApp Chat with Ana"
cd "WhatsApp Chat with Ana"
printf '02/05/2024, 10:00 - Ana: hi\n02/05/2024, 10:01 - Ben: IMG-20240502-WA0001.jpg (file attached)\n02/05/2024, 10:02 - Ben: WhatsApp Chat with Zoe.txt (file attached)\n02/05/2024, 10:03 - Ana: plan.json (file attached)\n' > "WhatsApp Chat with Ana.txt"
printf '01/05/2024, 09:00 - Zoe: forwarded\n' > "WhatsApp Chat with Zoe.txt"
printf 'jpeg' > IMG-20240502-WA0001.jpg
printf '{"messages": []}' > plan.json
printf '03/05/2024, 08:00 - Kim: my own export, kept here\n' > "kim.txt"
cd ..
qp-ingest -q --tz UTC "WhatsApp Chat with Ana" | src
# Telegram Desktop: result.json with photos/ and files/ (a JSON sent too).
mkdir -p tg/photos tg/files
printf '{"name":"Club","type":"private_group","id":1,"messages":[{"id":1,"type":"message","date":"2024-05-02T10:00:00","from":"Ana","from_id":"user1","text":"hi","photo":"photos/p.jpg"},{"id":2,"type":"message","date":"2024-05-02T10:01:00","from":"Ben","from_id":"user2","text":"","file":"files/result.json"}]}' > tg/result.json
printf 'jpeg' > tg/photos/p.jpg
cp tg/result.json tg/files/result.json
qp-ingest -q --tz UTC tg | src
# Telegram's HTML pages, in order (messages2 before messages10).
mkdir -p tgh/photos
for p in "" 2 10; do
	printf '<title>Exported Data</title>\n<div class="page_body chat_page">\n<div class="text bold">\nClub\n</div>\n<div class="message default clearfix" id="message%s">\n<div class="pull_right date details" title="02.05.2024 10:%02d:00 UTC+00:00">\n</div>\n<div class="from_name">\nAna\n</div>\n<div class="text">\npage %s\n</div>\n</div>\n' "1$p" "${p:-0}" "${p:-1}" > "tgh/messages$p.html"
done
printf 'jpeg' > tgh/photos/p.jpg
qp-ingest --tz UTC tgh | qp-cat -t events | cut -d, -f1,6,7,13
# Meta's download: each chat folder (message_1.json, message_2.json and
# its media) is one export; the rest of the download holds no chats.
c=meta/your_activity_across_facebook/messages/inbox/club_123
mkdir -p $c/photos meta/personal_information
printf '{"participants":[{"name":"Ana"},{"name":"Ben"}],"messages":[{"sender_name":"Ana","timestamp_ms":1714644000000,"content":"newer"}],"title":"Club"}' > $c/message_1.json
printf '{"participants":[{"name":"Ana"},{"name":"Ben"}],"messages":[{"sender_name":"Ben","timestamp_ms":1714640000000,"content":"older"}],"title":"Club"}' > $c/message_2.json
printf 'jpeg' > $c/photos/p.jpg
printf '{"profile": {"name": "Ana"}}' > meta/personal_information/profile_information.json
qp-ingest -q --tz UTC meta | src
# Slack, zipped inside a folder of the export's name.
mkdir -p sl/ws/general
printf '[{"id":"U1","name":"ann"}]' > sl/ws/users.json
printf '[{"id":"C1","name":"general"}]' > sl/ws/channels.json
printf '[]' > sl/ws/integration_logs.json
printf '[{"type":"message","user":"U1","text":"hello","ts":"1714554400.000200"}]' > sl/ws/general/2024-05-01.json
zipit slack.zip sl
qp-ingest -q --tz UTC slack.zip | src
