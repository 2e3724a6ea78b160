qp-ingest -q --tz UTC "$T/../../../samples/instagram" | qp-cat -t events | cut -d, -f1,2,4,6,7,12,13
tar --sort=name -C "$T/../../../samples" -czf chats.tar.gz whatsapp qq
qp-ingest --tz UTC chats.tar.gz | qp-cat --stats
