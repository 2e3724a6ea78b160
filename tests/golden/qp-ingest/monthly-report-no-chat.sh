# monthly-report over a folder with no chat export (a typo, an empty
# mount) fails, and last run's report stays as it was.
mr=$T/../../../scripts/monthly-report
mkdir empty
"$mr" -z UTC -m 2024-06 -o rep "$T/../../../samples/whatsapp" > /dev/null 2>&1
cksum < rep/2024-06/report.md > before
"$mr" -z UTC -m 2024-06 -o rep empty && echo "exit 0" || echo "exit $?"
cksum < rep/2024-06/report.md | cmp -s - before && echo "the report is kept"
