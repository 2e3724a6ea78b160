# Installed under a PREFIX other than the one it was built for (make
# install PREFIX=... after make), qp-report finds its translation in the
# share/locale beside its bin: the default --lang zh exited 2 there.
b=$(dirname "$(command -v qp-report)")
mkdir -p p/bin p/share/locale/zh_CN/LC_MESSAGES
cp "$b/qp-report" p/bin/
cp "$b/locale/zh_CN/LC_MESSAGES/qunpipe.mo" p/share/locale/zh_CN/LC_MESSAGES/
printf 'ts,group_id,user_id,kind,msg_id\n2024-06-03T10:00:00Z,g,a,message,1\n' > e.csv
qp-cat -c -l 0 e.csv | qp-cohort --tz UTC --asof 2024-06-30 -l 0 > s.gz
p/bin/qp-report --no-charts --period 2024-06 -o r s.gz
head -1 r/report.md
