# rows are written back with the quoting they need: a plain row keeps its
# bytes, a latest name with a comma or a quote gets quotes, a field that
# starts with '#' or holds a CR is quoted
printf 'ts,group_id,user_id,user,kind,msg_id,text,src\n' > q.csv
printf '2024-01-01T10:00:00Z,g,u1,Ann,message,1,hi,a\n' >> q.csv
printf '2024-01-02T10:00:00Z,g,u1,"Ann, ""the"" host",message,2,"x,y",a\n' >> q.csv
printf '2024-01-03T10:00:00Z,g,u2,Bo,message,3,#tag,a\n' >> q.csv
printf '2024-01-04T10:00:00Z,g,u3,Cy,message,4,a\rb,a\n' >> q.csv
qp-cat -c q.csv | qp-dedupe -l 0 | zcat | grep -v '^#qp,stage'
