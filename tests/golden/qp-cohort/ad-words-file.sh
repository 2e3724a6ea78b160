# --ad-words as Notepad saves it: a UTF-8 BOM and CRLF (the BOM made the
# first word never match), spaces around words (a line of spaces made
# every message with a space an ad), GBK (refused); a byte that is
# neither UTF-8 nor GBK is refused with its line.
cat > e.csv <<'E'
ts,group_id,user_id,kind,actor,msg_id,media,text,src
2024-03-01T08:00:00Z,ga,u1,join,,1,,,a
2024-03-05T10:00:00Z,ga,u1,message,,2,text,便宜代购私聊,a
2024-03-05T11:00:00Z,ga,u1,message,,3,text,加盟代理 详询,a
2024-03-05T12:00:00Z,ga,u1,message,,4,text,hello there,a
E
qp-cat -c -l 0 e.csv | qp-sessionize -l 0 > s.gz
v() { qp-cohort --tz UTC --asof 2024-03-07 -l 0 --ad-words ads s.gz |
    qp-cat -t violations | cut -d, -f5-; }
echo '--- BOM, CRLF'
printf '\357\273\277代购\r\n代理\r\n' > ads; v
echo '--- spaces around words, a line of spaces, a comment'
printf ' 代购 \n   \n# 代理\n\t代理\n' > ads; v
echo '--- GBK'
printf '代购\n代理\n' | iconv -f UTF-8 -t GBK > ads; v
echo '--- a bad byte on line 3'
printf '代购\n代理\n\377\n' > ads
qp-cohort --tz UTC --asof 2024-03-07 -l 0 --ad-words ads s.gz > /dev/null ||
    echo "exit $?"
