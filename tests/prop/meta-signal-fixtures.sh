# qp-ingest on the Messenger, Instagram and Signal exports of
# $QP_SHARED/fixtures, read in place, against fixtures/PROVENANCE.md.
fx=${QP_SHARED:?}/fixtures
rows() {	# file -> platform,user,kind,media,ts
	qp-ingest -q --tz UTC "$fx/$1" | qp-cat -t events |
	    awk -F, '/^[0-9][0-9][0-9][0-9]-/ { print $2 "," $6 "," $7 "," $12 "," $1 }'
}
. "$(dirname "$0")/fixtures.inc"
# chat-analytics: 7 messages, media kinds, newest-first file in any order.
has messenger/chat-analytics_messenger_2A_7M.json \
    'messenger,Bob,message,image,2014-11-05T00:27:20' 'messenger,Bob,message,sticker,2014-11-05T00:27:34' \
    'messenger,Alice,message,audio,2014-11-05T00:28:17' 'messenger,Bob,message,file,2014-11-05T00:28:28' \
    'messenger,Bob,message,text,2014-11-05T00:28:45' 'messenger,Alice,message,text,2014-11-05T00:35:32'
[ "$(wc -l < got)" = 7 ]
# LangChain: 10 text messages and one photo; Bye! at 11:46:11 UTC.
has messenger/langchain_facebook_chat.json 'messenger,User 2,message,text,2023-02-05T11:46:11' \
    'messenger,User 1,message,text,2023-02-04T22:17:02'
[ "$(grep -c ',text,' got)" = 10 ]
# chat-miner: two messages in the same millisecond, both kept.
has messenger/chat-miner-old_facebook_messenger_testlog.json \
    'messenger,John Doe,message,text,2022-11-16T19:50:03' 'messenger,Allan Smith,message,text,2022-11-16T19:50:03'
has instagram/chat-miner_instagram_minimal.json 'instagram,John Doe,message,text,2020-01-17T20:49:00' \
    'instagram,Jane Doe,message,text,2019-12-24T11:23:00'
# Meta's escaped UTF-8 repaired in names.
has instagram/chat-miner-old_instagram_testlog.json 'instagram,J❤️hn Doe,' 'instagram,❤️,'
# ... with 10 messages, Jane Doe's join and two poll notices as system rows.
[ "$(grep -c ',message,' got)" = 10 ]
has instagram/chat-miner-old_instagram_testlog.json 'instagram,Jane Doe,join,,2014-12-24T17:08:00'
[ "$(grep -c ',system,' got)" = 2 ]
has signal/chat-miner_signal_bracket_iso-date.txt 'signal,Jane Doe,message,text,2019-12-24T12:23:00' \
    'signal,John Doe,message,text,2020-01-17T21:49:00'
echo "messenger, instagram, signal fixtures: 6 files as expected"
