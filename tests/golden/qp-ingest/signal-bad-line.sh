# An unreadable line of a Signal export is called one (it was "not a
# WhatsApp message line": the two share a layout and a reader).
printf 'notes\n[2024-06-10, 19:00] Anna: hi\n' > signal-club.txt
qp-ingest --tz UTC signal-club.txt | qp-cat -t events | cut -d, -f2,4,6,7
