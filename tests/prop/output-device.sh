# -o onto a character device (as /dev/null is) writes into it and leaves
# it a device: run as root, the atomic rename used to replace it with a
# regular file.  Makes its own device node, so root only.
if [ "$(id -u)" != 0 ]; then
	echo "output-device: needs root to make a device node"; exit 77
fi
rm -rf dev-test; mkdir dev-test
mknod dev-test/null c 1 3
printf 'a,b\n1,2\n' > dev-test/x.csv
for p in "qp-cat -c dev-test/x.csv" "qp-ingest --tz UTC --format csv --map ts=a,user=b dev-test/x.csv"; do
	$p -o dev-test/null 2>/dev/null || true
	[ -c dev-test/null ] || { echo "$p -o: the device was replaced"; ls -l dev-test; exit 1; }
done
qp-cat -c dev-test/x.csv | qp-cohort --tz UTC -o dev-test/null 2>/dev/null || true
[ -c dev-test/null ] || { echo "qp-cohort -o: the device was replaced"; exit 1; }
[ "$(ls -a dev-test | wc -l)" = 4 ] || { echo "left behind:"; ls -a dev-test; exit 1; }
rm -rf dev-test
echo "output device: a character device stays one under -o, as root"
