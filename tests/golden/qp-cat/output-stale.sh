# A writer killed with SIGKILL leaves its temporary file; the next writer
# of the same target removes it, but not one a live writer holds.
printf 'a,b\n1,2\n' > x.csv
mkfifo slow
qp-cat -c slow -o out.gz &
pid=$!
exec 3> slow
printf 'a,b\n' >&3
while ! ls -a | grep -q '^\.out\.gz\.'; do sleep 0.1; done
# The shell's own "Killed" notice is not part of the test.
exec 4>&2 2>/dev/null
kill -9 $pid
wait $pid || echo "killed"
exec 2>&4 4>&-
exec 3>&-
ls -a | sed 's/^\.out\.gz\.[A-Za-z0-9]*$/.out.gz.XXXXXX (left behind)/'
echo live > .out.gz.Live01
flock .out.gz.Live01 sh -c 'touch held; sleep 2' &
while ! [ -e held ]; do sleep 0.1; done
qp-cat -c x.csv -o out.gz
ls -a
wait
