# qp-ingest on the QQ exports of $QP_SHARED/fixtures/qq, read in place, and
# what fixtures/PROVENANCE.md records of them.
fx=${QP_SHARED:?}/fixtures/qq
# hikariyo's test file, dated 1883: read as the peer does once the year
# is moved into the years chats happen in (outside 1970-2099 a date is a
# stray one, refused).
sed 's/^1883-/2023-/' "$fx/qq-chat-history_minimal_header.txt" > min.txt
qp-ingest -q --tz UTC min.txt | qp-cat -t events | cut -d, -f1,5,6,7,13 > got
grep -qxF '2023-03-07T11:22:33+00:00,123123,A,message,A' got
grep -qxF '2023-03-07T12:34:56+00:00,456456,B,message,B' got
qp-ingest -q --tz Asia/Shanghai "$fx/chatlab-pr114_qq-style_group_synthetic.txt" |
    qp-cat -t events | awk -F, '/^20/ && $7 == "message" { print $5 "," $6 }' |
    sort | uniq -c | awk '{ print $1 "," $2 }' > authors
cat > want <<'W'
27,100001,小明
20,100002,老王
15,100003,李经理
12,100004,设计师小张
W
sort want > want.sorted
sort authors | cmp - want.sorted || { cat authors; exit 1; }
qp-ingest -q --tz UTC "$fx/chatlab-pr114_qq-style_group_synthetic.txt" | qp-cat -t events |
    grep -c ',技术交流群,' | grep -qx 74
echo "qq fixtures: 2 files, authors, ids and counts as recorded"
