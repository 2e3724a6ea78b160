# A notice is a notice by what it says, never by whom it is attributed to:
# iOS writes the encryption notice under the other person's name in a 1:1
# chat (issue 13's Mia example: 3 messages, Mia 2 and Leo 1, the last
# media=image, 1 system row); a notice under a group member's name does not
# make that member's later lines system rows; a body WhatsApp marks with
# U+200E that no catalogue knows is a system row, counted as unrecognised;
# a member typing words of a notice ("I added salt") is a message.
lrm=$(printf '\342\200\216')
{
	printf '[5/8/23, 5:53:10 PM] Mia: %sMessages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.\n' "$lrm"
	printf '[5/8/23, 5:53:40 PM] Mia: hi! back from the trip\n'
	printf '[5/8/23, 5:55:02 PM] Leo: welcome back\n'
	printf '[5/8/23, 5:56:00 PM] Mia: %simage omitted\n' "$lrm"
} > mia.txt
{
	printf '[14.08.24, 21:00:10] Book Club: %sMessages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.\n' "$lrm"
	printf '[14.08.24, 21:00:10] Boris: %sBoris created group \342\200\234Book Club\342\200\235\n' "$lrm"
	printf '[14.08.24, 21:00:11] Book Club: %sBoris added you\n' "$lrm"
	printf '[14.08.24, 21:00:12] Boris: %sBoris changed this group\342\200\231s icon\n' "$lrm"
	printf '[14.08.24, 21:01:00] Boris: welcome!\n'
	printf '[14.08.24, 21:02:00] Book Club: %sBoris hat etwas Neues gemacht\n' "$lrm"
	printf '[14.08.24, 21:03:00] Boris: I added salt\n'
	printf '[14.08.24, 21:04:00] Boris: we turned left\n'
	printf '[14.08.24, 21:05:00] Boris: Messages and calls are end-to-end encrypted. Only people in this chat can read them.\n'
} > 'WhatsApp Chat - Book Club.txt'
for f in mia.txt 'WhatsApp Chat - Book Club.txt'; do
	qp-ingest --tz UTC "$f" | qp-cat -t events | cut -d, -f1,4,6,7,9,12,13
done
