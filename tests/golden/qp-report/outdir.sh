# -o DIR: made with the umask's permissions; a killed run's DIR.tmp-XXXXXX
# is removed by the next run; files a user put into DIR are kept, and the
# run says so; a missing parent folder is named as such, never a
# temporary name.
printf 'ts,group_id,user_id,kind,msg_id\n2024-01-01T10:00:00Z,g,a,message,1\n' > e.csv
qp-cat -c -l 0 e.csv | qp-cohort --tz UTC -l 0 > s.gz
umask 022
mkdir r.tmp-AbC123; echo half > r.tmp-AbC123/report.md
qp-report --tz UTC --no-charts -o r s.gz
ls | grep tmp || echo "no temporary directory left"
ls -ld r | cut -c1-10
echo mine > r/notes.txt
qp-report --tz UTC --no-charts -o r s.gz
cat r/notes.txt
qp-report --tz UTC --no-charts -o r s.gz 2>&1 | sed 's/^/again: /'
umask 027
qp-report --tz UTC --no-charts -o r s.gz 2>/dev/null
ls -ld r | cut -c1-10
qp-report --tz UTC --no-charts -o missing/2024-05 s.gz || echo "exit $?"
