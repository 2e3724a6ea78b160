# Violations wait in a temporary file in $TMPDIR until their table is
# written: a TMPDIR that cannot hold one is an error naming it (exit 1,
# nothing written), and with one the table comes whole, in stream order.
cat > e.csv <<'E'
ts,group_id,user_id,kind,msg_id,media,text
2024-03-01T10:00:00Z,ga,u1,message,1,link,see https://x.example
2024-03-01T11:00:00Z,ga,u2,message,2,text,call 13812345678 now
2024-03-02T10:00:00Z,gb,u1,message,3,link,https://y.example/z
E
qp-cat -c -l 0 e.csv > s.gz
TMPDIR=/nonexistent/tmp qp-cohort --tz UTC -l 0 -o out.gz s.gz ||
    echo "exit $?"
ls out.gz 2>/dev/null || echo "no out.gz"
mkdir t
TMPDIR=$PWD/t qp-cohort --tz UTC -l 0 s.gz | qp-cat -t violations
qp-cohort --tz UTC -l 0 s.gz | qp-cat -t violators
ls -A t
