# make install puts monthly-report beside the programs, with every man
# page, and the installed monthly-report runs the installed programs (the
# cron example calls it from the install prefix).
rm -rf inst; mkdir inst
make -s -C "$QP_TOP" install DESTDIR="$PWD/inst" PREFIX=/usr/local > inst/log 2>&1 ||
    { cat inst/log; exit 1; }
b=inst/usr/local/bin m=inst/usr/local/share/man/man1
for p in qp-cat qp-ingest qp-dedupe qp-sessionize qp-cohort qp-funnel qp-report monthly-report; do
	[ -x "$b/$p" ] || { echo "$p not installed"; exit 1; }
	[ -f "$m/$p.1" ] || { echo "$p.1 not installed"; exit 1; }
done
grep -q "^0 6 1 \* \* /usr/local/bin/monthly-report " "$QP_TOP/scripts/cron.example" ||
    { echo "cron.example does not call the installed monthly-report"; exit 1; }
mkdir inst/exports
printf '[01/06/2024, 09:00:00] Ann: hello\n' > inst/exports/chat.txt
# Only the installed programs on PATH (and the system's).
PATH=/usr/bin:/bin "$b/monthly-report" -z UTC -m 2024-06 -o inst/rep inst/exports > /dev/null
zcat inst/rep/2024-06.streams/1-events.qp.gz | grep -q '^#qp,stage,qp-ingest'
rm -rf inst
echo "install: 7 programs, monthly-report and 8 man pages; the installed monthly-report runs"
