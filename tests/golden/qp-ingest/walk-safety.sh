# A folder walk reads files and folders only: a symbolic link is not
# followed (a loop, a link out of the tree, one to /dev/zero), a FIFO is
# not opened; each is named and skipped.  Bounded by timeout, as a hang
# is the failure.
mkdir -p ex/sub out
printf '01/05/2024, 10:00 - Ana: hi\n01/05/2024, 10:01 - Ben: hello\n' > ex/chat.txt
printf '02/05/2024, 10:00 - Kim: outside\n' > out/other.txt
ln -s .. ex/sub/loop
ln -s ../out ex/away
ln -s /dev/zero ex/zero.txt
mkfifo ex/pipe.txt
timeout 20 qp-ingest --tz UTC ex | qp-cat -t sources | cut -d, -f2-
# Named on the command line, a FIFO or /dev/fd/N is read as standard input.
mkfifo p
cat ex/chat.txt > p &
timeout 20 qp-ingest -q --tz UTC p | qp-cat -t sources | cut -d, -f2-
wait
gzip -c ex/chat.txt | gzip -dc | timeout 20 qp-ingest -q --tz UTC /dev/fd/0 |
    qp-cat -t sources | cut -d, -f2-
# A link named on the command line is the user's choice: followed.
ln -s ex/chat.txt link.txt
timeout 20 qp-ingest -q --tz UTC link.txt | qp-cat -t sources | cut -d, -f2-
