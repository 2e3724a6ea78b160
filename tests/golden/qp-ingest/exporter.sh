# WeChat MemoTrace CSV: the exporting account (IsSender=1) is recorded in
# the roles table as exporter (source export) but is no staff: it stays a
# member, unless a staff file gives it a role.
cat > wx.csv <<'E'
localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender
1,1,1,0,1,1714996800,2,大家好,2024-05-06 20:00:00,,我,wxid_me
2,1,1,0,0,1714996900,2,你好,2024-05-06 20:01:40,,小林,wxid_lin
3,1,1,0,1,1715083200,2,今天打卡,2024-05-07 20:00:00,,我,wxid_me
E
qp-ingest -q --tz Asia/Shanghai --format wechat wx.csv > s.gz
qp-cat --ids -t roles s.gz
qp-dedupe -q s.gz | qp-cohort -q --tz Asia/Shanghai | qp-cat --ids -t members |
    cut -d, -f1,2,3,11
echo '--- named staff in a staff file: out of the members'
printf 'group,user_id,role\n*,wxid_me,assistant\n' > staff.csv
qp-ingest -q --tz Asia/Shanghai --format wechat --staff staff.csv wx.csv |
    qp-dedupe -q | qp-cohort -q --tz Asia/Shanghai > t.gz
qp-cat --ids -t roles t.gz
qp-cat --ids -t members t.gz | cut -d, -f1,2,3,11
