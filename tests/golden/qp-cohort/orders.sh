# Money (qunpipe(7) "Money"): the orders and ltv tables, checked by hand.
# Amounts as qp-ingest writes them ("AMOUNT[ CURRENCY[ PRODUCT]]"), E =
# 2024-07-31.
#  u1 joins ga 01-10, pays 100 CNY in ga 01-15 and 50 CNY 02-20: a repeat
#     buyer in February (2 orders by its end);
#  u2 joins ga 01-20 and gb 02-01, pays 30 CNY with no group 02-05: it
#     counts in ga, in gb and once in * (R11);
#  u3 joins gb 02-10, pays 5 USD: its own rows, never added to CNY;
#  u4 only speaks in gb (inferred: in no cohort) and pays without an
#     amount: counted as paid, not in orders (said on stderr);
#  u5 joins ga 03-01 and leaves the next day, never pays.
# LTV at N days: cohort members with J+N <= E, revenue up to day J+N
# (ga's cohort * at 30 days: 130.00 / 3 = 43.33, rounded half up; the
# February and March cohorts are too young for 180 days: no members).
cat > e.csv <<'E'
ts,group_id,user_id,user,kind,msg_id,text,name,src
2024-01-10T10:00:00Z,ga,u1,U1,join,1,,,a
2024-01-15T10:00:00Z,ga,u1,U1,custom,2,100.00 CNY 训练营,paid,a
2024-01-20T10:00:00Z,ga,u2,U2,join,3,,,a
2024-02-20T10:00:00Z,ga,u1,U1,custom,4,50.00 CNY,paid,a
2024-03-01T10:00:00Z,ga,u5,U5,join,5,,,a
2024-03-02T10:00:00Z,ga,u5,U5,leave,6,,,a
2024-07-31T10:00:00Z,ga,u1,U1,message,7,hi,,a
2024-02-01T10:00:00Z,gb,u2,U2,join,1,,,a
2024-02-10T10:00:00Z,gb,u3,U3,join,2,,,a
2024-02-11T10:00:00Z,gb,u3,U3,custom,3,5.00 USD,paid,a
2024-02-12T10:00:00Z,gb,u4,U4,message,4,hello,,a
2024-03-01T10:00:00Z,gb,u4,U4,custom,5,,paid,a
2024-02-05T10:00:00Z,,u2,U2,custom,9,30.00 CNY book,paid,a
E
qp-cat -c -l 0 e.csv | qp-dedupe -l 0 > s.gz
qp-cohort --tz UTC -l 0 s.gz > c.gz
qp-cat --ids -t orders c.gz
qp-cat --ids -t ltv c.gz
