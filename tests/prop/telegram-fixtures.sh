# qp-ingest on the Telegram exports of $QP_SHARED/fixtures/telegram, read in
# place, against what fixtures/PROVENANCE.md records of them.
fx=${QP_SHARED:?}/fixtures/telegram
rows() {	# file -> msg_id,group_id,group,user_id,user,kind,ts
	qp-ingest -q --all-chats --tz UTC "$fx/$1" | qp-cat -t events |
	    awk -F, '/^[0-9][0-9][0-9][0-9]-/ { print $10 "," $3 "," $4 "," $5 "," $6 "," $7 "," $1 }'
}
. "$(dirname "$0")/fixtures.inc"
n=0
f=chat-analytics_DM_2A_7M_result.json
has $f '3644,700000000,Bob,user700000000,Bob,message,2019-07-12T16:55:32' \
    '3645,700000000,Bob,user300000000,Alice,message,2022-03-08T13:07:42' \
    '3662,700000000,Bob,user700000000,Bob,message' '3663,700000000,Bob,user300000000,Alice,message' \
    '3672,700000000,Bob,user300000000,Alice,message' '3673,700000000,Bob,user300000000,Alice,message'
# 3662 at 1652135033 s: 2022-05-09T22:23:53Z whatever the offset.
ts=$(grep '^3662,' got | cut -d, -f7)
[ "$(date -d "$ts" +%s)" = 1652135033 ] || { echo "3662 at $ts"; exit 1; }
grep -q ',joined_telegram' got && { echo "joined_telegram became a message"; exit 1; } || true
awk -F, '$6 == "message"' got | wc -l | grep -qx 6
# Without --all-chats a personal chat is skipped, and says so: no chat read.
if qp-ingest --tz UTC "$fx/$f" 2>err >/dev/null; then
	echo "$f: a skipped personal chat exits 0"; exit 1
fi
grep -q 'personal chats, bots and saved messages skipped' err
grep -q 'no chat export found (1 file read as telegram with no events)' err
n=$((n + 1))
f=chat-analytics_MultiChat_2C_6M_full-account-export.json
has $f '1001,700000001,Chat One,user300000000,Alice,message' \
    '1002,700000001,Chat One,user700000000,Bob,message' \
    '2001,700000002,Chat Two,user800000000,Charlie,message' \
    '2002,700000002,Chat Two,' '2004,700000002,Chat Two,'
n=$((n + 1))
for f in chat-miner_single_export_minimal.json chat-miner_batch_export_chats-list_minimal.json; do
	has $f ',Author 1,message,2018-12-05T10:39:10+00:00' ',Author 2,message,2018-12-05T10:49:24+00:00'
	n=$((n + 1))
done
f=langchain_telegram_desktop_result.json
has $f ',Jimmeny Marvelton,message,2023-08-23T13:11:23' ',Batman & Robin,message,2023-08-23T13:13:20' \
    ',Jimmeny Marvelton,message,2023-08-23T13:15:35'
f=langchain_telegram_old-export_numeric-from_id.json
has $f ',Henry,message,2020-01-01T00:00:02' ',Henry,message,2020-01-01T00:00:04'
f=tcp_private_group_2021-export_numeric-ids.json
has $f '321550,9999999999,test,user9999999999,Ben,join' '321550.2,9999999999,test,' \
    '321551,9999999999,test,user9999999999,Ben,message'
n=$((n + 3))
# The HTML export, as messages: ids, times with the page's offset, names;
# a "joined" message continues the previous sender.
f=langchain_telegram_desktop_html_messages.html
has $f '1,' ',Jimmeny Marvelton,message,2023-08-23T13:11:23-08:00' \
    ',Batman & Robin,message,2023-08-23T13:13:20-08:00' '4,' \
    ',Jimmeny Marvelton,message,2023-08-23T13:15:53-08:00'
n=$((n + 1))
# Not chat exports: refused with a message and exit 1.
if qp-ingest --tz UTC "$fx/langchain_telethon_channel_dump_not-desktop-export.json" > out 2> err; then
	echo "telethon dump accepted"; exit 1
fi
grep -q 'no chat export found (a file in no known format' err
qp-ingest --tz UTC --all-chats "$fx/tcp_error-unexpected_malformed-negative-test.json" 2> err > /dev/null
grep -q "has type 'ERROR:wrong_type'" err
grep -q ' 1 unreadable lines' err
qp-ingest --strict --tz UTC --all-chats "$fx/tcp_error-unexpected_malformed-negative-test.json" \
    > /dev/null 2>&1 && { echo "--strict accepted the malformed file"; exit 1; }
n=$((n + 2))
# Every Desktop export reads without error.
for f in "$fx"/*.json; do
	case $f in *telethon*|*error-unexpected*) continue ;; esac
	# An export of a chat without messages: read, but a run of no events.
	case $f in *tcp_personal*)
		! qp-ingest -q --all-chats --tz UTC "$f" > /dev/null 2> err &&
		    grep -q 'no chat export found (1 file read as telegram with no events)' err ||
		    { echo "$f:"; cat err; exit 1; }
		n=$((n + 1)); continue ;;
	esac
	qp-ingest -q --all-chats --tz UTC "$f" > /dev/null 2> err || { echo "$f:"; cat err; exit 1; }
	n=$((n + 1))
done
echo "telegram fixtures: $n files and expectations checked"
