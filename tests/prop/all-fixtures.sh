# Every export in $QP_SHARED/fixtures is read by qp-ingest with no
# unreadable line, except the two that are not chat exports (a Telethon
# dump and a deliberately malformed Telegram file), which are refused or
# reported, the personal chats read with --all-chats, and a parser's test
# file dated 1883, whose lines are stray dates (outside 1970-2099).
fx=${QP_SHARED:?}/fixtures
n=0
for f in $(find "$fx" -type f ! -name PROVENANCE.md | sort); do
	case $f in
	*telethon*)
		if qp-ingest --tz UTC "$f" > /dev/null 2> err; then
			echo "$f: accepted"; exit 1
		fi
		grep -q 'no chat export found (a file in no known format' err ;;
	*tcp_personal*)	# a chat without messages: no events, exit 1
		if qp-ingest --tz UTC --all-chats "$f" > /dev/null 2> err; then
			echo "$f: no events, exit 0"; exit 1
		fi
		grep -q 'no chat export found' err ;;
	*qq-chat-history_minimal_header*)
		qp-ingest --tz UTC "$f" 2> err > /dev/null || true
		grep -q ':8: dated 1883-03-07, outside 1970-2099' err &&
		    grep -q ' 2 unreadable lines' err ;;
	*error-unexpected*)
		qp-ingest --tz UTC --all-chats "$f" 2> err > /dev/null
		grep -q 'unreadable' err && ! grep -q ' 0 unreadable lines' err ;;
	*)
		qp-ingest --tz UTC --all-chats "$f" > out.gz 2> err ||
		    { echo "$f:"; cat err; exit 1; }
		qp-cat --stats out.gz > /dev/null
		if grep -q 'unreadable lines' err && ! grep -q ' 0 unreadable lines' err; then
			echo "$f:"; cat err; exit 1
		fi ;;
	esac
	n=$((n + 1))
done
echo "all fixtures: $n files read or refused as expected"
