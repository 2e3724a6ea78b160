# A failed run leaves the old report and no temporary directory; a
# directory that holds no report is never replaced; without gnuplot the
# report fails with a hint, and --no-charts works.
printf 'ts,group_id,user_id,kind,msg_id\n2024-01-01T10:00:00Z,g,a,message,1\n' > e.csv
qp-cat -c -l 0 e.csv | qp-cohort --tz UTC -l 0 > s.gz
qp-report --lang en --tz UTC --no-charts -o r s.gz
echo old > r/marker
head -c 100 s.gz > cut.gz
qp-report --tz UTC --no-charts -o r cut.gz || echo "exit $?"
ls r; ls | grep tmp || echo "no temporary directory left"
mkdir precious; echo keep > precious/file
qp-report --tz UTC --no-charts -o precious s.gz || echo "exit $?"
cat precious/file
mkdir bin; for p in qp-report; do ln -s "$(command -v $p)" bin/; done
PATH=$PWD/bin qp-report --tz UTC -o r2 s.gz || echo "exit $?"
PATH=$PWD/bin qp-report --tz UTC --no-charts -o r2 s.gz && ls r2
echo "a gnuplot that fails: exit 1, the old report kept:"
printf '#!/bin/sh\necho "gnuplot: broken" >&2\nexit 1\n' > bin/gnuplot
chmod +x bin/gnuplot
PATH=$PWD/bin qp-report --tz UTC -o r s.gz || echo "exit $?"
cat r/marker
echo "a full disk (a file-size limit): exit 1, the old report kept:"
(ulimit -f 4; qp-report --tz UTC --no-charts -o r s.gz) 2>err || echo "exit $?"
sed 's/tmp-[A-Za-z0-9]*/tmp-XXXXXX/' err
cat r/marker; ls | grep tmp || echo "no temporary directory left"
qp-cat -c e.csv | qp-report -o r3 || echo "exit $?"
qp-report s.gz || echo "exit $?"
