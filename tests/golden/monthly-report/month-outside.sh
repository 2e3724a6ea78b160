# A month the exports do not reach (-m 2099-01, or the default month, the
# one just ended, over exports of 2024) exits 1 with the data's first and
# last day, and leaves an earlier report and its streams as they were.
# (A copy of the script, so that it runs the programs on PATH.)
cp "$QP_TOP/scripts/monthly-report" .
cat > 'WhatsApp Chat with Club.txt' <<'E'
01/05/2024, 10:00 - Ann created group "Club"
01/05/2024, 10:01 - Ann: hello
01/05/2024, 10:02 - Ann added Bo
01/05/2024, 10:03 - Bo: hi
24/06/2024, 10:00 - Ann: still here
E
mkdir -p out/2099-01 out/2099-01.streams
echo old > out/2099-01/report.md
echo old > out/2099-01.streams/5-funnel.qp.gz
./monthly-report -z UTC -m 2099-01 -o out 'WhatsApp Chat with Club.txt' || echo "exit $?"
cat out/2099-01/report.md out/2099-01.streams/5-funnel.qp.gz
ls -A out | grep -v "\.lock$"
./monthly-report -z UTC -o out 'WhatsApp Chat with Club.txt' 2>&1 | sed 's/20[0-9][0-9]-[01][0-9]-[0-3][0-9] is/E is/; s/for 20[0-9][0-9]-[01][0-9];/for MONTH;/; s|out/20[0-9][0-9]-[01][0-9] is|out/MONTH is|' || true
ls -A out | grep -v "\.lock$"
./monthly-report -z UTC -m 2024-04 -o out 'WhatsApp Chat with Club.txt' 2>&1 | head -1 || true
./monthly-report -z UTC -m 2024-06 -o out 'WhatsApp Chat with Club.txt'
ls -A out | grep -v "\.lock$"
