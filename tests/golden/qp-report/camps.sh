# The 打卡与训练营 section of a 3-day camp (from 06-03, 3 days required,
# deadline 07:00) as of 06-05, in Chinese and English: a completed
# member (reward due), one who checked in on 06-04 and not on 06-05
# (broke yesterday), one who never checked in.  A second camp ended
# before the period and is not shown.
cat > e.csv <<'E'
ts,platform,group_id,group,user_id,user,kind,msg_id,text
2024-05-01T20:00:00+08:00,wechat,c0,旧营,a,阿林,message,1,打卡
2024-06-02T20:00:00+08:00,wechat,c1,晨读营,a,阿林,join,2,
2024-06-02T20:00:00+08:00,wechat,c1,晨读营,b,小白,join,3,
2024-06-02T20:00:00+08:00,wechat,c1,晨读营,d,大卫,join,4,
2024-06-03T06:30:00+08:00,wechat,c1,晨读营,a,阿林,message,5,打卡
2024-06-03T08:00:00+08:00,wechat,c1,晨读营,b,小白,message,6,打卡
2024-06-04T06:30:00+08:00,wechat,c1,晨读营,a,阿林,message,7,打卡
2024-06-04T06:40:00+08:00,wechat,c1,晨读营,b,小白,message,8,Day 2
2024-06-05T06:30:00+08:00,wechat,c1,晨读营,a,阿林,message,9,第三天
2024-06-05T09:00:00+08:00,wechat,c1,晨读营,d,大卫,message,10,加油
E
printf '群,类型,开营日期,天数,打卡截止\n晨读营,训练营,2024-06-03,3,07:00\n旧营,训练营,2024-05-01,3,\n' > g.csv
qp-cat -c -l 0 e.csv | qp-cohort --tz Asia/Shanghai --groups g.csv -l 0 > s.gz
for l in zh en; do
	qp-report --no-charts --lang $l --period 2024-06 -o $l s.gz
	sed -n '/^## 打卡\|^## Check-ins/,/^## /p' $l/report.md | sed '$d'
done
