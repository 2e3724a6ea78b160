# WhatsApp writes its notices in the phone's language: the catalogue reads
# joins (created, added, invite link), leaves, removals and renames with
# their actor in each language of WhatsApp's large markets, and other
# notices (encryption, icon, security code) as system rows, on Android (no
# author) and iOS (under a name, after U+200E).
cat > en.txt <<'X'
1/2/21, 10:00 - Ann created group "Runners"
1/2/21, 10:01 - Ann added Bob, Cy and Di
1/2/21, 10:02 - Ed joined using this group's invite link
1/2/21, 10:03 - Ann changed the subject from "Runners" to "Runners 2021"
1/2/21, 10:04 - Ann changed the group name to "Runners: Club"
1/2/21, 10:05 - Ann removed Cy
1/2/21, 10:06 - Di left
1/2/21, 10:07 - You were added
1/2/21, 10:08 - Your security code with Ed changed. Tap to learn more.
1/2/21, 10:09 - Ann changed their phone number to a new number. Tap to message or add the new number.
1/2/21, 10:10 - Ann turned on disappearing messages. New messages will disappear from this chat 7 days after they're sent.
X
cat > zh-hans.txt <<'X'
2021/2/1 10:00 - 林老师创建了群组“读书会”
2021/2/1 10:01 - 林老师添加了小周、小王
2021/2/1 10:02 - 小李通过此群组的邀请链接加入
2021/2/1 10:03 - 小王已退出
2021/2/1 10:04 - 林老师移除了小周
2021/2/1 10:05 - 林老师将群组名称更改为“读书会 2021”
2021/2/1 10:06 - 消息和通话都进行端到端加密。对话之外的任何人，甚至包括 WhatsApp，都无法读取或收听。
X
cat > zh-hant.txt <<'X'
2021/2/1 10:00 - 陳老師建立了群組「讀書會」
2021/2/1 10:01 - 陳老師新增了阿明
2021/2/1 10:02 - 小美透過此群組的邀請連結加入
2021/2/1 10:03 - 阿明已離開
X
cat > es.txt <<'X'
1/2/21 10:00 - Ana creó el grupo "Corredores"
1/2/21 10:01 - Ana añadió a Beto y Caro
1/2/21 10:02 - Dani se unió usando el enlace de invitación de este grupo
1/2/21 10:03 - Ana cambió el asunto de "Corredores" a "Corredores 21"
1/2/21 10:04 - Caro salió del grupo
1/2/21 10:05 - Ana eliminó a Beto
1/2/21 10:06 - Ana te añadió
X
cat > pt.txt <<'X'
01/02/2021 10:00 - Ana criou o grupo "Corrida"
01/02/2021 10:01 - Ana adicionou Beto
01/02/2021 10:02 - Caio entrou usando o link de convite deste grupo
01/02/2021 10:03 - Beto saiu
01/02/2021 10:04 - Ana removeu Caio
01/02/2021 10:05 - Ana mudou o nome do grupo para "Corrida 21"
X
cat > fr.txt <<'X'
01/02/2021 10:00 - Ana a créé le groupe « Course »
01/02/2021 10:01 - Ana a ajouté Bruno
01/02/2021 10:02 - Bruno est parti
01/02/2021 10:03 - Ana a retiré Chloé
X
cat > de.txt <<'X'
[01.02.21, 10:00:00] Ana: ‎Ana hat die Gruppe „Läufer“ erstellt
[01.02.21, 10:01:00] Läufer: ‎Ana hat Ben hinzugefügt
[01.02.21, 10:02:00] Läufer: ‎Cem ist der Gruppe über den Einladungslink beigetreten
[01.02.21, 10:03:00] Läufer: ‎Ben hat die Gruppe verlassen
[01.02.21, 10:04:00] Ana: ‎Ana hat das Gruppenbild geändert
[01.02.21, 10:05:00] Ana: hallo
X
cat > it.txt <<'X'
01/02/21, 10:00 - Ada ha creato il gruppo "Corsa"
01/02/21, 10:01 - Ada ha aggiunto Bea
01/02/21, 10:02 - Bea è uscita
X
cat > nl.txt <<'X'
01-02-2021 10:00 - Anne heeft de groep "Lopers" gemaakt
01-02-2021 10:01 - Anne heeft Bram toegevoegd
01-02-2021 10:02 - Bram heeft de groep verlaten
X
cat > tr.txt <<'X'
01.02.2021 10:00 - Ayşe, "Koşu" grubunu oluşturdu
01.02.2021 10:01 - Ayşe, Can kişisini ekledi
01.02.2021 10:02 - Can ayrıldı
X
cat > ru.txt <<'X'
01.02.2021, 10:00 - Аня создал(-а) группу "Бег"
01.02.2021, 10:01 - Аня добавил(-а) Борис
01.02.2021, 10:02 - Борис вышел(-ла)
X
cat > id.txt <<'X'
01/02/21 10.00 - Ani membuat grup "Lari"
01/02/21 10.01 - Ani menambahkan Budi
01/02/21 10.02 - Budi keluar
X
cat > ar.txt <<'X'
1‏/2‏/2021 10:00 ص - أحمد أنشأ المجموعة "جري"
1‏/2‏/2021 10:01 ص - أحمد أضاف منى
1‏/2‏/2021 10:02 ص - منى غادر
X
cat > hi.txt <<'X'
01/02/21, 10:00 am - रवि ने ग्रुप "दौड़" बनाया
01/02/21, 10:01 am - रवि ने सीमा को जोड़ा
X
cat > ja.txt <<'X'
2021/02/01 10:00 - 太郎がグループ「走る会」を作成しました
2021/02/01 10:01 - 太郎が花子を追加しました
2021/02/01 10:02 - 花子が退出しました
X
cat > ko.txt <<'X'
2021. 2. 1. 오전 10:00 - 민준님이 서연님을 초대했습니다
2021. 2. 1. 오전 10:01 - 서연님이 나갔습니다
X
for f in en zh-hans zh-hant es pt fr de it nl tr ru id ar hi ja ko; do
	echo "== $f"
	qp-ingest -q --tz UTC $f.txt | qp-cat -t events |
	    awk -F, 'NR > 1 { print $6 "," $7 "," ($8 != "" ? "by-someone" : "") "," $9 "," ($7 == "rename" ? $13 : "") }'
done
