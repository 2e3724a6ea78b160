# Activities and weekly activity participation (周参与活动率), Asia/Shanghai.
# s1 is staff in every group (roles); u1..u5 members of g1 (读书会).
#  W23: 06-03 20:00 话题 (#今日话题): its window is cut at 21:00 by the
#       接龙 that follows: u1 posts at 20:05 (300 s), u2 replies at 20:30
#       (1800 s) and again the next morning (a reply counts whenever it
#       comes: replies 2); 2 of 4, median (300 + 1800) / 2 = 1050 s.
#       21:00 接龙 (24 h window): u3 at 21:10 (600 s), u2 the next morning
#       (43200 s, in the window); u3's later 接龙 entry (media jielong)
#       takes part in it again: 2 of 4, median 21900 s.
#       06-05 20:00 a red packet (media red_packet) opened by u1 and u4
#       (custom red_packet_open, 10 s and 20 s), u4 thanks: 2 of 4, 15 s.
#       The week: u1..u4 took part, 4 of 4.
#  W24: no activity: activities 0, participants and rate empty.
#  W25: 06-18 20:00 话题 (今日话题：, no #); u5 joins at that second and is
#       present; its answer comes 25 h later, after the window; u7 joins
#       at 20:30 and replies at 20:40: a reply (replies 1) but no part, as
#       u7 was not there at its start (members 5): 0 of 5, never above 1.
# g2 has no activity: no rows of its own; * counts members anywhere.
cat > e.csv <<'E'
ts,group_id,group,user_id,user,kind,actor,via,msg_id,reply_to,media,name,src,text
2024-06-03T08:00:00+08:00,g1,读书会,u1,阿林,join,,added,1,,,,a,
2024-06-03T08:00:00+08:00,g1,读书会,u2,小白,join,,added,2,,,,a,
2024-06-03T08:00:00+08:00,g1,读书会,u3,小陈,join,,added,3,,,,a,
2024-06-03T08:00:00+08:00,g1,读书会,u4,大卫,join,,added,4,,,,a,
2024-06-03T20:00:00+08:00,g1,读书会,s1,周老师,message,,,10,,text,,a,#今日话题 你最近在读什么书？
2024-06-03T20:05:00+08:00,g1,读书会,u1,阿林,message,,,11,,text,,a,在读《活着》
2024-06-03T20:30:00+08:00,g1,读书会,u2,小白,message,,,12,10,text,,a,三体
2024-06-03T21:00:00+08:00,g1,读书会,s1,周老师,message,,,13,,text,,a,#接龙 周六线下读书会报名
2024-06-03T21:10:00+08:00,g1,读书会,u3,小陈,message,,,14,,text,,a,#接龙 周六线下读书会报名 1. 小陈
2024-06-04T09:00:00+08:00,g1,读书会,u2,小白,message,,,15,10,text,,a,补充一句：三体第二部最好看
2024-06-05T20:00:00+08:00,g1,读书会,s1,周老师,message,,,16,,red_packet,,a,恭喜发财
2024-06-05T20:00:10+08:00,g1,读书会,u1,阿林,custom,,,17,,,red_packet_open,a,
2024-06-05T20:00:20+08:00,g1,读书会,u4,大卫,custom,,,18,,,red_packet_open,a,
2024-06-05T20:01:00+08:00,g1,读书会,u4,大卫,message,,,19,,text,,a,谢谢老师
2024-06-07T09:00:00+08:00,g1,读书会,u3,小陈,message,,,20,,jielong,,a,#接龙 周六线下读书会报名 1. 小陈 2. 大卫
2024-06-12T10:00:00+08:00,g1,读书会,u1,阿林,message,,,21,,text,,a,这周没有活动吗
2024-06-18T20:00:00+08:00,g1,读书会,u5,果果,join,,added,22,,,,a,
2024-06-18T20:00:00+08:00,g1,读书会,s1,周老师,message,,,23,,text,,a,今日话题：夏天读什么
2024-06-19T21:00:00+08:00,g1,读书会,u5,果果,message,,,24,,text,,a,读诗
2024-06-18T20:30:00+08:00,g1,读书会,u7,新人,join,,added,25,,,,a,
2024-06-18T20:40:00+08:00,g1,读书会,u7,新人,message,,,26,23,text,,a,我也来
2024-06-05T10:00:00+08:00,g2,闲聊群,u1,阿林,message,,,30,,text,,b,早
2024-06-19T10:00:00+08:00,g2,闲聊群,u6,小希,message,,,31,,text,,b,早
E
printf 'group_id,user_id,role,source\n*,s1,owner,staff\n' > r.csv
qp-cat -c -t roles r.csv > r.gz
qp-cat -c e.csv > e.gz
qp-dedupe -l 0 r.gz e.gz > s.gz
qp-cohort --tz Asia/Shanghai -l 0 s.gz > c.gz
for t in activities activity_weeks; do qp-cat --ids -t $t c.gz; done
# --activity replaces the defaults: only 红包 (a staff red packet always is)
# and 书单; --activity-window 1h ends the 接龙-less 话题 sooner
qp-cohort --tz Asia/Shanghai --activity '书单:书单' --activity-window 1h s.gz |
    qp-cat --ids -t activities
# activities from a file (GBK, Chinese headers), by group name or id: an
# end closes the 话题 at 20:10 (u1 at 20:05 only); the staff red packet in
# the minute the file's 红包 starts is that activity, not a second one
printf '群,开始,结束,活动,类型\n读书会,2024-06-03 20:00,2024-06-03 20:10,话题,topic\ng1,2024/06/05 20:00,,红包,红包\n' |
    iconv -f UTF-8 -t GBK > a.csv
qp-cohort --tz Asia/Shanghai --activity '无:^never$' --activities a.csv s.gz |
    qp-cat --ids -t activities
# bad specs are usage errors
qp-cohort --activity 话题 s.gz 2>&1 >/dev/null | head -1 || true
qp-cohort --activity '话题:(' s.gz 2>&1 >/dev/null | head -1 || true
qp-cohort --activity-window 0s s.gz 2>&1 >/dev/null | head -1 || true
# a planned 接龙 (by its type) gets its entries after its window too: u3's
# 接龙 entry at 09:00 takes part in the 08:00 one that ended at 08:30
printf 'group,start,type\ng1,2024-06-07 08:00,接龙\n' > j.csv
qp-cohort --tz Asia/Shanghai --activity '无:^never$' --activities j.csv \
    --activity-window 30m s.gz | qp-cat --ids -t activities | grep -v ',红包,'
