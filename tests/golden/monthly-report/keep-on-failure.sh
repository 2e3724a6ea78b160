# A failed re-run (a typo in the export folder) leaves the report and the
# kept streams as they were; a killed run's temporary folder is removed by
# the next one; messages name the user's folders.
mr=$QP_TOP/scripts/monthly-report
mkdir exports
printf '[01/06/2024, 09:00:00] Ann: hello\n[02/06/2024, 10:00:00] Bob: hi\n' > exports/chat.txt
umask 022
$mr -z UTC -m 2024-06 -o rep exports
ls -a rep rep/2024-06.streams
ls -ld rep/2024-06 rep/2024-06.streams | cut -c1-10
md5sum rep/2024-06.streams/* rep/2024-06/report.md > sums
echo "a typo in the export folder:"
$mr -z UTC -m 2024-06 -o rep exprots 2> err || echo "exit $?"
sort err
md5sum -c --quiet sums && echo "streams and report unchanged"
ls -a rep
echo "a killed run's temporary folder:"
mkdir rep/.2024-06.streams.tmp-AbC123
$mr -z UTC -m 2024-06 -o rep exports > /dev/null
ls -a rep
echo "--lang en:"
$mr -z UTC -m 2024-06 --lang en -o rep exports > /dev/null
head -1 rep/2024-06/report.md
$mr -z UTC -m 2024-6 -o rep exports || echo "exit $?"
$mr --bogus exports || echo "exit $?"
$mr -z UTC -m 2024-06 --progress -o rep exports 2> err > /dev/null
grep -q 'qp-report: .*rows' err && echo "--progress: shown"
