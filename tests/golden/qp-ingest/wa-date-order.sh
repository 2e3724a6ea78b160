# Day/month order is decided by the whole file, which runs forward in time:
# 06/03/2017, 08/05/2017, 09/04/2017 is June, August, September (month
# first: day first would go March, May, April); the same days written day
# first are read day first; a field above 12 decides alone.
printf '06/03/2017, 00:45 - A: one\n08/05/2017, 01:48 - B: two\n09/04/2017, 01:50 - C: three\n' > m.txt
printf '03/06/2017, 00:45 - A: one\n05/08/2017, 01:48 - B: two\n04/09/2017, 01:50 - C: three\n' > d.txt
printf '01/02/2020, 10:00 - A: one\n13/02/2020, 10:00 - B: two\n01/03/2020, 10:00 - C: three\n' > big.txt
for f in m.txt d.txt big.txt; do
	qp-ingest -q --tz UTC $f | qp-cat -t events | cut -d, -f1,6
done
