# A chat text that expands past --max-member-size is refused, and an input
# left without a chat fails the run.
qp-ingest --tz UTC --max-member-size 100 "$T/../../../samples/whatsapp/WhatsApp Chat - Book Circle.zip" > out.gz
