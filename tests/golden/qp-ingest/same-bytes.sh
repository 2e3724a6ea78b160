printf '12/06/2024, 07:00 - A: hi\n' > a.txt
cp a.txt b.txt
qp-ingest --tz UTC a.txt b.txt | qp-cat --stats
