# bad steps are usage errors naming the step and where it came from
for s in 'nocolon' 'a:kind=lurk' 'a:frobnicate' 'a:text~(' 'a:within=5x'; do
	qp-funnel --tz UTC -s "$s" < /dev/null 2>&1 | head -1 || true
done
printf 'ok:kind=join\n# fine\n\nbad:kind=nope\n' > f.funnel
qp-funnel --tz UTC -f f.funnel < /dev/null 2>&1 | head -1 || true
qp-funnel --tz UTC --mode sloppy < /dev/null 2>&1 | head -1 || true
# a folder or a file without steps is refused, not the default funnel
mkdir dir
: > empty
printf '# only a comment\n\n' > comments
for f in dir empty comments; do
	qp-funnel --tz UTC -f $f < /dev/null 2> err || echo "exit $?"
	head -1 err
done
printf 'ts,group_id,user_id,kind,msg_id\n2024-01-02T10:00:00Z,g1,a,message,1\n2024-01-01T10:00:00Z,g1,b,message,2\n' > e.csv
qp-cat -c e.csv | qp-funnel --tz UTC > /dev/null
