# A header whose date cannot be read is reported at its own line, not at
# the next header's; its continuation lines go with it.
printf '12/06/2024, 07:00 - A: hi\n31/02/2024, 07:01 - B: no such day\nstill B\n12/06/2024, 07:02 - C: bye\n' > x.txt
qp-ingest --tz UTC x.txt | qp-cat -t events | cut -d, -f1,6,13
