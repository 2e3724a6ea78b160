# copies of one platform message that differ in another column (the group
# renamed between exports): the copy whose columns sort first byte by byte
# is kept, whichever export or file comes first
printf 'ts,group_id,group,user_id,kind,msg_id,text,src\n2024-01-01T10:00:00Z,g,Zed,u1,message,42,hi,a\n' > a.csv
printf 'ts,group_id,group,user_id,kind,msg_id,text,src\n2024-01-01T10:00:00Z,g,Alpha team,u1,message,42,hi,b\n' > b.csv
qp-cat -c a.csv > a.gz
qp-cat -c b.csv > b.gz
qp-dedupe a.gz b.gz > ab.gz
qp-cat -t events ab.gz
qp-cat -t dedupe ab.gz
qp-dedupe b.gz a.gz | qp-cat -t events | md5sum
qp-dedupe a.gz b.gz | qp-cat -t events | md5sum
