# Unreadable --events files and chat exports: each message names the file
# once, with the reason, and no line 0 for a file with no line.
printf '[01/06/2024, 09:00:00] Ann: hello\n' > chat.txt
echo junk > junk
printf '\037\213\010\000junkjunkjunk' > junk.gz
printf '"ts,user\n' > open-quote
: > empty
mkdir dir
for f in junk junk.gz open-quote empty dir; do
	qp-ingest -q --tz UTC chat.txt --events $f > /dev/null || echo "exit $?"
done
for f in junk empty; do
	qp-ingest -q --tz UTC --format wechat $f > /dev/null || echo "exit $?"
done
