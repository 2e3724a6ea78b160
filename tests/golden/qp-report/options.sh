# The report's directory has the mode umask gives (mkdtemp made it 0700);
# a directory that cannot be made is named as given, not by its temporary
# name; --period with --from or --to is a usage error (the last one won);
# --no-charts leaves out the Activity section (its heading stood alone).
printf 'ts,group_id,user_id,kind,msg_id\n2024-06-03T10:00:00Z,g,a,message,1\n' > e.csv
qp-cat -c -l 0 e.csv | qp-cohort --tz UTC --asof 2024-06-30 -l 0 > s.gz
umask 022
qp-report --no-charts --period 2024-06 -o r s.gz
stat -c '%a %n' r r/report.md
echo "its sections without charts (no Activity heading over nothing):"
grep '^## ' r/report.md
qp-report --no-charts -o nodir/r s.gz || echo "exit $?"
qp-report --no-charts --period 2024-05 --from 2024-06-01 -o r s.gz || echo "exit $?"
qp-report --no-charts --to 2024-06-15 --period 2024-06 -o r s.gz || echo "exit $?"
ls
