script -qec "qp-cat -c $T/in/small.csv" /dev/null > tty.out || echo "exit $?"
grep -c "will not write a stream to a terminal" tty.out
