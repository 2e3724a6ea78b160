# A 7z archive (libarchive reads it) holding two exports gives the same
# events as the files themselves, but for src, which names the member.
cp "$T/../../../samples/whatsapp/WhatsApp Chat with Morning Run Club.txt" \
    "$T/../../../samples/qq/qq-group-export.txt" .
7z a -bd -y chats.7z "WhatsApp Chat with Morning Run Club.txt" \
    qq-group-export.txt > /dev/null
qp-ingest -q --tz Asia/Shanghai chats.7z | qp-cat -t events |
    cut -d, -f1-14 | sort > from7z
qp-ingest -q --tz Asia/Shanghai "WhatsApp Chat with Morning Run Club.txt" \
    qq-group-export.txt | qp-cat -t events | cut -d, -f1-14 | sort > direct
cmp from7z direct && echo "7z: $(($(wc -l < from7z) - 1)) events, the same as the files"
qp-ingest -q --tz Asia/Shanghai chats.7z | qp-cat -t sources | cut -d, -f2-
