# A bad or empty zone is refused once, before any stage runs (exit 2,
# nothing written); the streams kept are as the umask says (mktemp's 0700
# folder does not leak into them).
mr=$QP_TOP/scripts/monthly-report
mkdir exports
printf '[01/06/2024, 09:00:00] Ann: hello\n' > exports/chat.txt
$mr -z garbage -m 2024-06 -o rep exports || echo "exit $?"
$mr -z "" -m 2024-06 -o rep exports || echo "exit $?"
ls -a
for u in 022 027; do
	(umask $u && $mr -z UTC -m 2024-06 -o rep$u exports)
	ls -ld rep$u/2024-06 rep$u/2024-06.streams rep$u/2024-06.streams/* |
	    cut -c1-10
done
