qp-ingest --tz UTC --max-member-size 100 "$T/../../../samples/whatsapp/WhatsApp Chat - Book Circle.zip" | qp-cat --stats
