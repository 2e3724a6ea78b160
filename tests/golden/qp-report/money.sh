# The Money section, checked by hand: May 2024 has 2 new payers (a, b) and
# 3 orders (a twice: a repeat buyer) of 100.00 + 50.00 + 30.00 CNY, so
# 客单价 = 180.00 / 3 = 60.00 and revenue per payer 90.00; c pays 5 USD,
# its own table, never added.  The targets: 2 new payers a month (met),
# 客单价 ≥ 80 (not met); they judge CNY, the larger GMV.  a and b paid, c's
# payment is USD but c paid too: 3 paid members against d, unpaid.
cat > e.csv <<'E'
ts,group_id,user_id,kind,msg_id,text,name,src
2024-05-01T10:00:00Z,g,a,join,1,,,s
2024-05-01T10:00:00Z,g,b,join,2,,,s
2024-05-01T10:00:00Z,g,c,join,3,,,s
2024-05-01T10:00:00Z,g,d,join,4,,,s
2024-05-02T10:00:00Z,g,a,custom,5,100.00 CNY,paid,s
2024-05-03T10:00:00Z,g,a,custom,6,50.00 CNY,paid,s
2024-05-04T10:00:00Z,g,b,custom,7,30.00 CNY 书,paid,s
2024-05-05T10:00:00Z,g,c,custom,8,5.00 USD,paid,s
2024-05-20T10:00:00Z,g,d,message,9,hi,,s
2024-05-31T10:00:00Z,g,a,message,10,hi,,s
E
printf 'new_payers_monthly 2\naov 80\n' > t
qp-cat -c -l 0 e.csv | qp-dedupe -l 0 | qp-cohort -q --tz UTC --targets t -l 0 > s.gz
qp-report --lang en --tz UTC --period 2024-05 -o r s.gz
sed -n '/^## Money/,/^## Member tiers/p' r/report.md
ls r | grep -c '^ltv\.png$'
