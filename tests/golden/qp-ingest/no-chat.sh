# Nothing silent: an input that holds no chat export fails the run (exit 1)
# and says what it held instead; the other inputs are still read.  Files
# met in a folder that are no chat are skipped with a note.
run() { qp-ingest --tz UTC "$@" > out.gz && echo "exit 0" || echo "exit $?"; }
mkdir empty
run empty
printf 'jpeg' > a.jpg
printf 'mp4' > b.mp4
python3 -c 'import sys, zipfile
z = zipfile.ZipFile("media.zip", "w")
for f in sys.argv[1:]:
    z.write(f)' a.jpg b.mp4
run media.zip
printf 'just some notes\nnothing more\n' > notes.txt
run notes.txt
# A forced format under which every line is unreadable.
run --format whatsapp notes.txt
# A folder: the chat is read, the rest skipped with a note; exit 0.
mkdir mixed
cp notes.txt a.jpg mixed/
printf '01/05/2024, 10:00 - Ana: hi\n' > mixed/chat.txt
run mixed
# Several inputs: each is read, the run fails for the one without a chat.
run mixed/chat.txt empty media.zip
: | run
# A run that reads no events at all fails too.
printf 'ts,user,event\n' > orders.csv
run --events orders.csv
