# Names in report.md's tables: a pipe escaped, a line break a space, and
# a name longer than a cell cut between characters with an ellipsis (it
# was cut inside a character: invalid UTF-8 in report.md); a nickname
# that is markdown (an image fetched from elsewhere when the report is
# viewed, a link, a backslash before a pipe) is text.
long=$(printf '名%.0s' $(seq 200))
printf 'ts,group_id,group,user_id,user,kind,msg_id\n' > e.csv
printf '2024-06-03T10:00:00Z,g,"a|b\nc",u1,%s,message,1\n' "$long" >> e.csv
printf '2024-06-03T10:01:00Z,g,"a|b\nc",u2,"x|y",message,2\n' >> e.csv
printf '2024-06-03T10:02:00Z,g,"a|b\nc",u3,![t](https://x.example/p.png),message,3\n' >> e.csv
printf '2024-06-03T10:03:00Z,g,"a|b\nc",u4,[win](https://x.example) a\\|b `c`,message,4\n' >> e.csv
mv e.csv 'e`.csv'	# provenance's code span: a ` would end it
qp-cat -c -l 0 'e`.csv' | qp-cohort --tz UTC --asof 2024-06-30 -l 0 > s.gz
qp-report --lang en --no-charts --period 2024-06 -o r s.gz
iconv -f UTF-8 -t UTF-8 r/report.md > /dev/null && echo "report.md is UTF-8"
sed -n '/^### Top contributors/,/^## /p' r/report.md
grep -F '| a\|b c |' r/report.md | grep -F '1 month' | head -1
grep -F 'qp-cat -c' r/report.md
