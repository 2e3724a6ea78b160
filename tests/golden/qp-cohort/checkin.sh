# Check-ins of a planned 7-day camp (晨读营, from 06-03, deadline 07:00,
# 5 days required) and of an unplanned group, as of 06-09 (camp day 7).
# a: 06-03 06:30 and 06-04 06:59:59 on time, 06-05 07:00:00 late, misses
#    06-06, 补卡 on 06-07 fills 06-06, then 06-07, 06-08 on time, 06-09 late:
#    7 days, streak 7, 4 on time, 1 make-up.
# b: 06-03, 06-04, misses three days, 签到 06-08, not 06-09: longest 2,
#    current 1, broke yesterday (E, "yesterday" the morning after).
# c: joins on camp day 3; 补卡 on the day it joined is a check-in of that
#    day; 06-05..06-07, not 06-08: current 0.
# d: silent but 收到 within 24 h of the start: reported, never checked in
#    (第丁天 is no 第N天: the regex reads characters, not bytes).
# e: leaves on 06-04 silent: enrolled, not reported, not stayed.
# x in g2 (a camp without a start): its first check-in starts it, open.
# z in g3 (not in the groups file): no camp, though it says 打卡.
cat > e.csv <<'END'
ts,group_id,group,user_id,user,kind,msg_id,text
2024-06-02T20:00:00+08:00,c1,晨读营,a,阿林,join,1,
2024-06-02T20:00:00+08:00,c1,晨读营,b,小白,join,2,
2024-06-02T20:00:00+08:00,c1,晨读营,d,大卫,join,3,
2024-06-02T20:00:00+08:00,c1,晨读营,e,阿鹅,join,4,
2024-06-02T21:00:00+08:00,c1,晨读营,t,老师,message,5,明天开营，每天7点前打卡
2024-06-03T06:30:00+08:00,c1,晨读营,a,阿林,message,6,打卡 Day1
2024-06-03T09:00:00+08:00,c1,晨读营,b,小白,message,7,打卡
2024-06-03T12:00:00+08:00,c1,晨读营,d,大卫,message,8,收到
2024-06-04T06:59:59+08:00,c1,晨读营,a,阿林,message,9,第二天打卡
2024-06-04T08:00:00+08:00,c1,晨读营,b,小白,message,10,Day 2
2024-06-04T10:00:00+08:00,c1,晨读营,e,阿鹅,leave,11,
2024-06-05T07:00:00+08:00,c1,晨读营,a,阿林,message,12,第三天
2024-06-05T10:00:00+08:00,c1,晨读营,c,小陈,join,13,
2024-06-05T10:05:00+08:00,c1,晨读营,c,小陈,message,14,补卡 Day 1
2024-06-06T12:00:00+08:00,c1,晨读营,d,大卫,message,26,第丁天见
2024-06-06T21:00:00+08:00,c1,晨读营,c,小陈,message,15,打卡
2024-06-07T06:05:00+08:00,c1,晨读营,a,阿林,message,16,补卡 昨天忘了
2024-06-07T06:10:00+08:00,c1,晨读营,a,阿林,message,17,打卡
2024-06-07T22:00:00+08:00,c1,晨读营,c,小陈,message,18,打卡
2024-06-08T06:00:00+08:00,c1,晨读营,a,阿林,message,19,打卡
2024-06-08T09:00:00+08:00,c1,晨读营,b,小白,message,20,签到
2024-06-09T08:00:00+08:00,c1,晨读营,a,阿林,message,21,第七天 打卡
2024-06-08T20:00:00+08:00,g2,闲聊群,x,小希,message,22,今天打卡了
2024-06-09T20:00:00+08:00,g2,闲聊群,x,小希,message,23,今天也打卡
2024-06-09T21:00:00+08:00,g2,闲聊群,y,小叶,message,24,加油
2024-06-09T21:00:00+08:00,g3,读书会,z,小周,message,25,打卡
END
cat > groups.csv <<'END'
群,类型,开营日期,天数,打卡截止,要求天数,目标人数
晨读营,训练营,2024-06-03,7,07:00,5,30
g2,训练营,,,,,
g3x,铁粉群,,,,,
没见过的群,引流群,,,,,
END
qp-cat -c -l 0 e.csv > s.gz
qp-cohort --tz Asia/Shanghai --asof 2024-06-09 --groups groups.csv s.gz > c.gz
for t in groups checkins checkin_days camps; do qp-cat -t $t c.gz; done
# the same file in GBK, with English headers and aliases
printf 'group,type,start,days,deadline,required\n晨读营,camp,2024/06/03,7,07:00,5\n' |
    iconv -f UTF-8 -t GBK > gbk.csv
qp-cohort --tz Asia/Shanghai --asof 2024-06-09 --groups gbk.csv s.gz |
    qp-cat -t camps | cut -d, -f1-4,12-14
# without a groups file every group with a check-in is a camp
qp-cohort --tz Asia/Shanghai --asof 2024-06-09 s.gz | qp-cat -t camps |
    cut -d, -f1-4
