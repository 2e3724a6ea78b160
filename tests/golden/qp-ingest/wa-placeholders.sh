# Placeholders are messages with media set: the member spoke.  Omitted
# media in several languages, attachments by their file's type or
# extension (new and old iOS, Android in English and Dutch), deleted
# messages in several languages and `Name:.` or an empty body (a
# disappearing message, chat-miner#92) are media=deleted.
lrm=$(printf '\342\200\216')
{
	printf '12/06/2024, 07:00 - Ana: <Media omitted>\n'
	printf '12/06/2024, 07:01 - Ana: IMG-20240612-WA0001.jpg (file attached)\n'
	printf '12/06/2024, 07:02 - Ana: PTT-20240612-WA0002.opus (bestand bijgevoegd)\n'
	printf '12/06/2024, 07:03 - Ana: This message was deleted\n'
	printf '12/06/2024, 07:04 - You: You deleted this message\n'
	printf '12/06/2024, 07:05 - Ana: Se elimin\303\263 este mensaje\n'
	printf '12/06/2024, 07:06 - Ana: <Multimedia omitido>\n'
	printf '12/06/2024, 07:07 - Ana:.\n'
	printf '12/06/2024, 07:08 - Ben: Dit bericht is verwijderd\n'
	printf '12/06/2024, 07:09 - Ben: https://example.org/x\n'
	printf '12/06/2024, 07:10 - Ben: location: https://maps.example/?q=1,2\n'
} > android.txt
{
	printf '[12.06.24, 07:00:00] Ana: %sBild weggelassen\n' "$lrm"
	printf '[12.06.24, 07:01:00] Ana: %simagen omitida\n' "$lrm"
	printf '[12.06.24, 07:02:00] Ana: %s<attached: 00000012-PHOTO-2023-08-05-10-18-29.jpg>\n' "$lrm"
	printf '[12.06.24, 07:03:00] Ana: %s<attached: 00000013-AUDIO-2023-08-05-10-18-30.opus>\n' "$lrm"
	printf '[12.06.24, 07:04:00] Ana: IMG-0001.jpg <%sattached>\n' "$lrm"
	printf '[12.06.24, 07:05:00] Ben: %sDu hast diese Nachricht gel\303\266scht.\n' "$lrm"
	printf '[12.06.24, 07:06:00] Ben: %ssticker omitted\n' "$lrm"
	printf '[12.06.24, 07:07:00] Ben: \n'
	printf '[12.06.24, 07:08:00] Ben: %sGIF omitted\n' "$lrm"
} > ios.txt
for f in android.txt ios.txt; do
	qp-ingest --tz UTC $f | qp-cat -t events | cut -d, -f1,6,7,12,13
done
