# qp-ingest on the DiscordChatExporter JSON of $QP_SHARED/fixtures/discord,
# read in place, against fixtures/PROVENANCE.md.
fx=${QP_SHARED:?}/fixtures/discord
rows() {	# file -> msg_id,group_id,group,user_id,user,kind,reply_to,ts
	qp-ingest -q --tz UTC "$fx/$1" | qp-cat -t events |
	    awk -F, '/^[0-9][0-9][0-9][0-9]-/ { print $10 "," $3 "," $4 "," $5 "," $6 "," $7 "," $11 "," $1 }'
}
. "$(dirname "$0")/fixtures.inc"
kindcol=6
has chat-analytics_DCE_json_DM_2A_2M.json \
    '530805779645595660,530805775262679064,Someones name,111111111111111111,mlomb,message,,2019-01-04T17:52:39' \
    '538148765782114306,530805775262679064,Someones name,444444444444444444,' \
    '100,530805775262679064,Someones name,444444444444444444,Someones nickname,system,,2020-07-17T17:03:14'
has chat-analytics_DCE_json_GC_3A_5M.json \
    ',1064990764406419508,a group chat,333333333333333333,theplant,message,,2023-01-17T19:33:19' \
    ',lombi,message,,2023-01-17T19:34:17' \
    ',mlomb,message,1064990824305274930,2023-01-18T20:12:12'
count chat-analytics_DCE_json_GC_3A_5M.json message 3
has chat-analytics_DCE_json_SV_5A_5M.json ',253601524398293010,DefleMask,555555555555555555,Deleted User,message'
count chat-analytics_DCE_json_SV_5A_5M.json message 5
f=dcef_example-guild_general_GuildMemberJoin_ThreadCreated.json
count $f message 31; count $f join 3; count $f system 1
count dcef_example-guild_chill-talk.json message 6
count dcef_example-guild_thread_Thomas-is-Thomas.json message 5
# The guild is the group: channel and thread exports of one guild share it.
for f in dcef_example-guild_chill-talk.json dcef_example-guild_thread_Thomas-is-Thomas.json; do
	rows $f | cut -d, -f2,3 | sort -u | grep -qx '748545324524575035,Example guild'
done
echo "discord fixtures: 6 files and expectations checked"
