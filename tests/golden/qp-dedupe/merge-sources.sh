# Exports given as separate streams: qp-dedupe merges their sources tables
# into one (one row per export, the same export in two streams once), and
# qp-report takes the result.
printf '[01/06/2024, 09:00:00] Ann: hello\n' > one.txt
printf '[02/06/2024, 09:00:00] Bob: hi\n' > two.txt
qp-ingest -q --tz UTC one.txt -o a.gz
qp-ingest -q --tz UTC two.txt -o b.gz
qp-dedupe a.gz b.gz a.gz | qp-cat --stats
qp-dedupe a.gz b.gz a.gz | qp-cat -t sources
qp-dedupe a.gz b.gz | qp-cohort -q --tz UTC | qp-report -q --tz UTC --no-charts -o r
cat r/sources.csv
