# Lifecycle columns of health (UTC, as of 06-10, --dead-days 3).
# L starts 06-01 10:00 (its first event, a join): members' messages 4 in
#   hour 0 and 2 in hour 5 (0-24 h: 6), 2 at +30 h (24-48 h), 1 at +50 h
#   (48-72 h), 1 on 06-05: the first 7 days hold 10, half (5) is reached
#   by the end of hour 5, 6 hours in (half_life_h 6).  Days: 06-01 6, 06-02 2, 06-03 1, 06-05 1;
#   the peak is 6, 20% of it 1.2: active days 2 (06-01, 06-02).  Short
#   decay (days 3-7 / 5) / (days 1-2 / 2) = (2 / 5) / (8 / 2) = 0.1.
#   Its last event is the 06-05 message: the export ends there, so
#   06-06..06-10 are not known to be silent: export_ends, no dead_since.
# S is silent from 06-02 but its export shows a join on 06-09: silence
#   over covered days, dead_since 06-02; export_ends 06-09.
# Y runs to the end date: no export_ends.
# *: the groups' hours added up, each from its own start: 0-24 h 6+1+1,
#   half of 12 within hour 0 (half_life_h 1); days 06-01 8, 06-02 2 reach
#   20% of 8; (2 / 5) / (10 / 2) = 0.08.
cat > e.csv <<'E'
ts,group_id,user_id,kind,msg_id,text
2024-06-01T10:00:00Z,L,a,join,1,
2024-06-01T10:00:00Z,L,b,join,2,
2024-06-01T10:10:00Z,L,a,message,3,hi
2024-06-01T10:20:00Z,L,b,message,4,hi
2024-06-01T10:30:00Z,L,a,message,5,hi
2024-06-01T10:40:00Z,L,b,message,6,hi
2024-06-01T15:00:00Z,L,a,message,7,hi
2024-06-01T15:30:00Z,L,b,message,8,hi
2024-06-02T16:00:00Z,L,a,message,9,hi
2024-06-02T17:00:00Z,L,b,message,10,hi
2024-06-03T12:00:00Z,L,a,message,11,hi
2024-06-05T08:00:00Z,L,b,message,12,hi
2024-06-01T09:00:00Z,S,c,message,20,hi
2024-06-09T09:00:00Z,S,d,join,21,
2024-06-01T09:00:00Z,Y,e,message,30,hi
2024-06-10T09:00:00Z,Y,e,message,31,hi
E
qp-cat -c e.csv | qp-cohort --tz UTC --asof 2024-06-10 --dead-days 3 |
    qp-cat --ids -t health | cut -d, -f1,2,3,6,10-
