# A groups file that cannot be read is a usage error (exit 2); bad lines
# are bad data (exit 1) naming the file and line; a bad --checkin regex
# is a usage error.
printf 'ts,group_id,user_id,kind,msg_id,text\n2024-06-01T10:00:00Z,g,a,message,1,打卡\n' > e.csv
qp-cat -c -l 0 e.csv > s.gz
run() { qp-cohort --tz UTC "$@" s.gz > /dev/null || echo "exit $?"; }
run --groups missing.csv
printf 'type,start\ncamp,2024-06-01\n' > g1.csv; run --groups g1.csv
printf '群,类型\ng,夏令营\n' > g2.csv; run --groups g2.csv
printf '群,开营日期\ng,6月1日\n' > g3.csv; run --groups g3.csv
printf '群,打卡截止\ng,7点\n' > g4.csv; run --groups g4.csv
printf '群,天数\ng,-3\n' > g5.csv; run --groups g5.csv
printf '群,天数\n,3\n' > g6.csv; run --groups g6.csv
run --checkin '打卡('
# refused before any input is read: with no input at all it is still a
# usage error, not a truncated stream (exit 1 before)
qp-cohort --tz UTC --makeup '补(' < /dev/null > /dev/null || echo "exit $?"
qp-cohort --tz UTC --checkin '[[:bogus:]]' < /dev/null > /dev/null || echo "exit $?"
# a group twice (the first row was taken silently); an empty file (no
# plans, silently) as qp-ingest --roster refuses it
printf '群,类型\ng,训练营\ng,引流群\n' > g7.csv; run --groups g7.csv
: > g8.csv; run --groups g8.csv; run --activities g8.csv
# a directory: said, and under ASan no leak reported at the exit
mkdir d; run --groups d; run --ad-words d
# an empty pattern (an unset "$RE") matched every message: refused
run --checkin ''; run --makeup ''; run --intro-format ''; run --nickname-format ''
