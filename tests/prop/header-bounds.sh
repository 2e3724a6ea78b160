# Reading a header checks its names in linear time: 200,000 columns (the
# last repeating the first) are refused within seconds (66 s when the
# check was quadratic).  Provenance is capped: 10,000 #qp,stage lines are
# read, 10,001 refused, without reading them all into memory first.
awk 'BEGIN {
	printf "#qp,stage,x,1\n#qp,table,t,1\n";
	for (i = 0; i < 200000; i++) printf "c%d,", i; printf "c0\n";
	printf "#qp,end,1,0\n" }' > wide.txt
start=$(date +%s)
if qp-cat --stats wide.txt > /dev/null 2> err; then echo "accepted"; exit 1; fi
grep -q 'column c0 appears twice' err || { cat err; exit 1; }
took=$(( $(date +%s) - start ))
[ $took -le 10 ] || { echo "200,000 columns took $took s"; exit 1; }
stages() {
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) print "#qp,stage,x,1,arg";
	    print "#qp,table,t,1"; print "a"; print "#qp,end,1,0" }'
}
stages 10000 > cap.txt
qp-cat --stats cap.txt > /dev/null
stages 10001 > over.txt
if qp-cat --stats over.txt > /dev/null 2> err; then echo "10,001 stage lines accepted"; exit 1; fi
grep -q 'more provenance than a stream may hold (10000 #qp,stage lines' err || { cat err; exit 1; }
rm -f wide.txt cap.txt over.txt err
echo "header bounds: 200,000 columns checked in ${took}s; 10,000 stage lines read, 10,001 refused"
