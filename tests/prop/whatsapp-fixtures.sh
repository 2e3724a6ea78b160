# qp-ingest on the real WhatsApp exports of $QP_SHARED/fixtures/whatsapp, read
# in place: the counts, authors and instants their own tools' tests expect
# (fixtures/PROVENANCE.md).  Columns compared: ts,user,kind.
fx=${QP_SHARED:?}/fixtures/whatsapp
[ -d "$fx" ] || { echo "no fixtures at $fx"; exit 1; }
rows() {	# file -> "ts,user,kind" per event (names here hold no commas)
	qp-ingest -q --tz UTC "$fx/$1" | qp-cat -t events |
	    awk -F, '/^[0-9][0-9][0-9][0-9]-/ { print $1 "," $6 "," $7 }'
}
. "$(dirname "$0")/fixtures.inc"
kindcol=3
authors() {	# file "a|b|c": the distinct message authors, sorted
	got=$(rows "$1" | awk -F, '$3 == "message" { print $2 }' | sort -u | paste -sd'|' -)
	[ "$got" = "$2" ] || { echo "$1: authors $got, want $2"; exit 1; }
}
n=0
f=chat-analytics_2A_5M_android_m-d-yy_24h.txt
count $f message 5; authors $f 'A|B'
has $f '2021-01-01T12:00:00+00:00,A,message' '2021-01-01T12:01:00+00:00,B,message' \
    '2021-01-01T12:02:00+00:00,A,message' '2021-01-01T12:03:00+00:00,B,message'
rows $f | grep -q '12:03:00+00:00,B,message' && n=$((n + 1))
qp-ingest -q --tz UTC "$fx/$f" | qp-cat -t events | grep -Eq ',B,message,,,[0-9a-f]+,,other,,,' \
    || { echo "$f: <media omitted> is not media=other"; exit 1; }
for f in chat-analytics_4A_11M_android_group_d-m-yy_24h.txt chat-analytics_4A_11M.zip; do
	count $f message 11; authors $f 'Alice|Bob|Eve|Mallory|Trent'
	has $f '2020-09-12T23:55:00+00:00,Alice,message' '2020-09-12T23:55:00+00:00,Trent,message'
	n=$((n + 1))
done
# chat-miner's target.json: the same 6 messages from every date layout,
# and a 7th: `John Doe:.` is a disappearing message (chat-miner#92), a
# message with media=deleted, not a system line.
for f in chat-miner_android_dd-mm-yy_24h.txt chat-miner_android_mm-dd-yy_24h.txt \
    chat-miner_android_yyyy-mm-dd_24h.txt chat-miner_bracket_mm-dd-yy_24h.txt \
    chat-miner_android_mm-dd-yyyy_12h-spanish-a.m.txt \
    chat-miner-old_dateformat1_m-d-yy_24h_system-msgs.txt; do
	count $f message 7
	qp-ingest -q --tz UTC "$fx/$f" | qp-cat -t events | grep -q ',John Doe,message,,,[0-9a-f]*,,deleted,,,' ||
	    { echo "$f: John Doe:. is not a deleted message"; exit 1; }
	n=$((n + 1))
	case $f in *old*) continue ;; esac
	has $f '2021-12-30T22:01:00+00:00,John Doe,message' '2021-12-20T12:10:00+00:00,🤓,message' \
	    '2021-12-10T10:10:00+00:00,John Doe 🤓,message' '2020-06-10T15:55:00+00:00,John-John Doe,message' \
	    '2019-01-30T20:49:00+00:00,Jahn Doe,message' '2019-01-01T11:25:00+00:00,John Doe,message'
	n=$((n + 1))
done
has chat-miner-old_dateformat4_bracket_dd-mm-yy_12h-seconds-p.m.txt \
    '2022-10-09T23:37:00+00:00,John Doe,message' '2022-10-10T12:37:00+00:00,John Doe,message' \
    '2022-10-11T13:37:00+00:00,John-John Doe,message' '2022-10-12T14:37:00+00:00,Jahn Doe,message'
has chat-miner-old_dateformat5_bracket_mm.dd.yy_24h-seconds.txt \
    '2021-10-21T15:21:45+00:00,John Doe,message' '2021-10-24T15:21:48+00:00,Jahn Doe,message'
has chat-miner-old_dateformat2_m-d-yyyy_no-comma_12h-p.m.txt \
    '2019-09-24T23:30:00+00:00,John Doe,message' '2019-11-27T21:30:00+00:00,John Doe,message' \
    '2019-11-17T21:34:00+00:00,John-John Doe,message' '2019-12-24T11:30:00+00:00,Jahn Doe,message'
count chat-miner-old_unicode_nbsp-in-p.m.txt message 3
has chat-miner-old_unicode_nbsp-in-p.m.txt '2022-10-09T22:37:00+00:00,🤓,message'
n=$((n + 5))
# LangChain's loader test: these 8 (it also drops media and deleted lines,
# which are messages here: 10 by 7 authors).
f=langchain_mixed-formats_narrow-nbsp-ampm.txt
count $f message 10
authors $f 'James|User 1|User 2|User 3|User 4|User name|User name 2'
has $f '2023-06-29T00:16:00+00:00,User 4,message' '2023-04-20T09:42:00+00:00,User 3,message'
has langchain_mixed-formats_narrow-nbsp-ampm.txt \
    '2023-05-05T15:48:11+00:00,James,message' '2021-11-08T09:41:32+00:00,User name,message' \
    '2023-01-23T03:19:00+00:00,User 2,message' '2023-01-23T03:22:00+00:00,User 1,message' \
    '2021-01-24T12:41:03+00:00,User name 2,message' '2023-05-04T16:13:23+00:00,User 2,message' \
    '2022-07-19T23:32:00+00:00,User 1,message' '2022-07-20T11:32:00+00:00,User 2,message'
# iOS writes the encryption notice under the other person's name: still 11
# messages by both of them (3 of them `image omitted`), 1 system row.
f=langchain_ios_bracket_m-d-yy_12h-seconds_lrm-image-omitted.txt
count $f message 11; count $f system 1; authors $f 'Dr. Feather|Jungle Jane'
[ "$(qp-ingest -q --tz UTC "$fx/$f" | qp-cat -t events | grep -c ',Dr. Feather,message,,,[0-9a-f]*,,image,')" = 3 ] ||
    { echo "$f: want 3 image placeholders"; exit 1; }
# Day/month order from time order: 06/03/2017 08/05/2017 09/04/2017 runs
# forward month first (June 3 to September 4), backward day first.
f=jan-go_default_android_ambiguous-dd-mm-yyyy.txt
has $f '2017-06-03T00:45:00+00:00,Sample User,message' '2017-08-05T01:48:00+00:00,TestBot,message' \
    '2017-09-04T01:50:00+00:00,+410123456789,message'
# German iOS: the security-code notice under a member's name is not a message.
f=wordle-parser_german_ios_bracket_dd.mm.yy_crlf_lrm_weggelassen.zip
count $f message 426; count $f system 1
n=$((n + 4))
# whatstk's documented counts and first rows.
count whatstk_lorem_bracket_dd-mm-yy_24h-seconds.txt message 500
has whatstk_lorem_bracket_dd-mm-yy_24h-seconds.txt '2020-01-15T02:22:56+00:00,Mary,message'
count whatstk_lorem-merge-part1_iso-date_dash_24h.txt message 300
has whatstk_lorem-merge-part1_iso-date_dash_24h.txt '2019-10-20T10:16:00+00:00,John,message'
count whatstk_lorem-merge-part2_iso-date_dash_24h.txt message 300
has whatstk_lorem-merge-part2_iso-date_dash_24h.txt '2020-06-20T10:16:00+00:00,John,message'
count whatstk_lorem-2000_bracket_iso-date_24h.txt message 2000
has whatstk_lorem-2000_bracket_iso-date_24h.txt '2019-04-16T02:09:00+00:00,+1 123 456 789,message'
has whatstk_pokemon_android_ddmmyyyy-dots_24h.txt '2016-08-06T13:23:00+00:00,Ash Ketchum,message' \
    '2016-08-06T13:25:00+00:00,Brock,message' '2016-08-06T13:30:00+00:00,Misty,message'
rows whatstk_pokemon_android_ddmmyyyy-dots_24h.txt | grep -q ',Pokemon Chat,message' &&
    { echo "pokemon: a system line became a message"; exit 1; }
n=$((n + 6))
# wordle-parser: 2 messages, the zip the same; 4 in the multi-line file.
for f in wordle-parser_german_ios_2messages_continuation-line.txt wordle-parser_german_ios_2messages.zip; do
	count $f message 2
	has $f '2022-01-28T10:54:04+00:00,baz bar,message' '2022-01-28T11:00:13+00:00,bar foo,message'
	n=$((n + 1))
done
count wordle-parser_german_ios_4messages_multiline.txt message 4
# pustur's iOS zip with media: one export of 48 messages; the zip sent in
# the chat (00000004-whatsapp-chat-parser-example.zip) is an attachment.
f=pustur-website_example_ios_with-media_2024.zip
count $f message 48
[ "$(qp-ingest -q --tz UTC "$fx/$f" | qp-cat -t sources | wc -l)" = 2 ] ||
    { echo "$f: read as more than one export"; exit 1; }
n=$((n + 1))
# emmaakachukwu: Android and iOS lines in one file, each with its own order.
has whatsapp-chat-parser-rb_mixed-android-ios_12h.txt '2025-12-15T10:32:03+00:00,Alice,message' \
    '2025-12-15T10:30:00+00:00,John Doe,message' '2025-12-15T10:34:00+00:00,Charlie,message'
# System lines: joins with their inviter, in several languages.
has jan-go_english_iphone_saved-contacts_bracket_dd-mm-yyyy_lrm.txt \
    '2018-11-29T10:50:41+00:00,Josh,join' '2018-11-29T10:50:41+00:00,You,join'
count weeshlow_input3_dutch_bom_lrm_dd-mm-yy_dash-date_colon-separator.txt join 2
count weeshlow_input1_hebrew_rlm_dd-mm-yy_24h.txt join 2
n=$((n + 5))
# Every file is read without an unreadable line.
for f in "$fx"/*; do
	qp-ingest --tz UTC "$f" 2>err >/dev/null || { echo "$f: exit $?"; cat err; exit 1; }
	grep -q ' 0 unreadable lines' err || { echo "$f:"; cat err; exit 1; }
	n=$((n + 1))
done
echo "whatsapp fixtures: $n files and expectations checked"
