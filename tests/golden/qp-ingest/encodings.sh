printf '\377\376' > u16.txt
printf '12/06/2024, 07:00 - 小明: 你好\n' | iconv -f UTF-8 -t UTF-16LE >> u16.txt
printf '12/06/2024, 07:00 - 小明: 你好\n' | iconv -f UTF-8 -t GB18030 > gb.txt
qp-ingest -q --tz UTC u16.txt gb.txt | qp-cat -t events | cut -d, -f6,13
