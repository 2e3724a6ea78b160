printf '12/06/2024, 07:00 - A: hi\ngarbage\n' > x.txt
printf 'stray line\n12/06/2024, 07:00 - A: hi\n' > y.txt
qp-ingest -q --tz UTC y.txt | qp-cat -t events | cut -d, -f1,6,7
qp-ingest --strict --tz UTC y.txt > /dev/null
