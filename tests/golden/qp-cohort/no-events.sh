printf 'a,b\n1,2\n' > t.csv
qp-cat -c t.csv | sed 's/events/other/' > /dev/null
printf '#qp,table,other,1\na,b\n1,2\n#qp,end,1,1\n' | qp-cohort --tz UTC > /dev/null
