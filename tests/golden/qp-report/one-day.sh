# A period of one day: the daily chart ticks days, each once (gnuplot
# ticked hours and labelled each with its day: 06-02 06-02 06-02 ...).
printf 'ts,group_id,user_id,kind,msg_id\n2024-06-03T10:00:00Z,g,a,message,1\n' > e.csv
qp-cat -c -l 0 e.csv | qp-cohort --tz UTC -l 0 > s.gz
qp-report --lang en -o r s.gz
head -1 r/report.md
sed -n 's/.*<text>\([^<]*\)<\/text>.*/\1/p' r/activity.svg |
    grep -E '^ *[0-9][0-9]-[0-9][0-9]$' | paste -sd' ' -
