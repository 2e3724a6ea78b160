# A stream with a stray date (qp-ingest skips them; a hand-made stream may
# not) is refused rather than given a daily row for every day up to 9998.
printf 'ts,platform,group_id,group,user_id,user,kind,actor,via,msg_id,reply_to,media,text,name,src\n' > ev.csv
printf '2024-05-01T10:00:00+00:00,csv,g1,G,u1,a,message,,,m1,,text,,,s\n' >> ev.csv
printf '9998-05-02T10:00:00+00:00,csv,g1,G,u2,b,message,,,m2,,text,,,s\n' >> ev.csv
qp-cat -c -t events ev.csv | qp-cohort --tz UTC > /dev/null
