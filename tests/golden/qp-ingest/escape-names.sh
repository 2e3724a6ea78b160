# File and archive member names are printed with control characters
# escaped: a name can carry terminal escape sequences.
printf 'hello\n' > "$(printf 'a\033[31mred.txt')"
qp-ingest --tz UTC "$(printf 'a\033[31mred.txt')" -o x.gz || echo "exit $?"
mkdir d; printf 'junk\n' > "d/$(printf 'm\033]0;title\007\tx.txt')"
tar cf t.tar -C d .
qp-ingest --tz UTC t.tar -o y.gz || echo "exit $?"
