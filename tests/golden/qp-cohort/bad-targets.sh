# A targets file is data: a directory, a missing file, binary junk, a
# non-finite value or a rate above 1 ("20" for 20%) is refused, exit 1,
# naming the file and line; counts may exceed 1.
printf '\001\033[31m\000junk\377\n' > junk
printf '\033[2Jred 1\n' > escape
printf 'speaking_rate inf\n' > inf
printf '\nretention_30 nan\n' > nan
printf 'speaking_rate 20\n' > percent
printf 'fission_ratio 20\ncore_users_90 800\nspeaking_rate 1\n' > counts
mkdir dir
for f in dir missing junk escape inf nan percent; do
	qp-cohort --tz UTC --targets $f < /dev/null || echo "exit $?"
done
printf 'ts,group_id,user_id,kind,msg_id\n2024-01-01T10:00:00Z,g,a,message,1\n' |
    qp-cat -c -l 0 | qp-cohort --tz UTC --targets counts -l 0 |
    qp-cat -t targets | grep 'fission\|core_users_90\|speaking'
