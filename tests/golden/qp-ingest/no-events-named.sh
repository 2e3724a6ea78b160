# A run that reads no events names its input ("no events read" named
# nothing).  Here the one chat in a zip is refused as larger than
# --max-member-size and two other files are the same bytes.
python3 -c '
import zipfile
with zipfile.ZipFile("chat.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("WhatsApp Chat with X.txt", "03/06/2024, 06:58 - A: " + "a" * 3000 + "\n")
    z.writestr("a.txt", "x")
    z.writestr("b.txt", "x")'
qp-ingest --tz UTC --max-member-size 2k chat.zip > /dev/null || echo "exit $?"
cp chat.zip again.zip
qp-ingest --tz UTC --max-member-size 2k chat.zip again.zip > /dev/null || echo "exit $?"
