# A wall-clock export has no offsets: in the hour a DST fall-back repeats
# (Europe/Berlin, 29 October 2023, 02:00-03:00 twice) a time is the
# earlier instant unless that would go back in time from the line before
# it; then the file's order says it is the later one.
printf '29/10/2023, 02:30 - A: first pass\n29/10/2023, 02:50 - B: still summer\n29/10/2023, 02:10 - A: after the clocks went back\n29/10/2023, 02:40 - B: winter\n29/10/2023, 03:05 - A: later\n' > dst.txt
qp-ingest -q --tz 'CET-1CEST,M3.5.0,M10.5.0/3' dst.txt | qp-cat -t events | cut -d, -f1,6
