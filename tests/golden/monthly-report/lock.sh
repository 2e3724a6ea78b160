# One run at a time per month: while another run holds the lock, a second
# exits 1 and says so, writing nothing.
mr=$QP_TOP/scripts/monthly-report
mkdir exports rep
printf '[01/06/2024, 09:00:00] Ann: hello\n' > exports/chat.txt
flock rep/.2024-06.lock sh -c 'touch held; sleep 3' &
while ! [ -e held ]; do sleep 0.1; done
$mr -z UTC -m 2024-06 -o rep exports || echo "exit $?"
ls -a rep
wait
$mr -z UTC -m 2024-06 -o rep exports
