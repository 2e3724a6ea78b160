qp-ingest -q --tz UTC --no-text - < "$T/../../../samples/whatsapp/WhatsApp Chat with Morning Run Club.txt" | qp-cat -t events | cut -d, -f1,6,7,13 | head -5
