# Group paths (qunpipe(7) "Group paths"), checked by hand: the groups
# file types L 引流群, C 训练营, D 交付群, F 铁粉群, N 新用户群.
#  p1: L 01-01, C 01-05, D 01-15, F 02-14: the whole ladder (4, 10, 30 days);
#  p2: L 01-02, C 01-04: step 2 (2 days);
#  p3: C 01-03, then L 01-10: step 1 only (the camp came before the lead);
#  p4: L 01-01, D 01-20: step 1 only (no camp between);
#  p5: only N: in no step, its own path.
# Reached 4, 2, 1, 1; median days 3 (4 and 2), 10, 30.
cat > g.csv <<'E'
群,类型
L,引流群
C,训练营
D,交付群
F,铁粉群
N,新用户群
E
cat > e.csv <<'E'
ts,group_id,user_id,kind,msg_id,src
2024-01-03T10:00:00Z,C,p3,join,1,x
2024-01-04T10:00:00Z,C,p2,join,2,x
2024-01-05T10:00:00Z,C,p1,join,3,x
2024-01-15T10:00:00Z,D,p1,join,1,x
2024-01-20T10:00:00Z,D,p4,join,2,x
2024-02-14T10:00:00Z,F,p1,join,1,x
2024-01-01T10:00:00Z,L,p1,join,1,x
2024-01-01T10:00:00Z,L,p4,join,2,x
2024-01-02T10:00:00Z,L,p2,join,3,x
2024-01-10T10:00:00Z,L,p3,join,4,x
2024-01-01T10:00:00Z,N,p5,join,1,x
E
qp-cat -c -l 0 e.csv | qp-cohort --tz UTC --groups g.csv -l 0 > c.gz
qp-cat --ids -t group_path c.gz
qp-cat --ids -t group_paths c.gz
