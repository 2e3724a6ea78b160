printf '12/06/2024, 07:00 - 小明: 你好朋友们 caf\351\n' > bad.txt
qp-ingest --tz UTC bad.txt | qp-cat -t events | cut -d, -f6,13
