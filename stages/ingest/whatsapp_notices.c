/*
 * The notices and placeholders WhatsApp writes into a chat export, one
 * table per language of its large markets, and the lookup that tells
 * what a body is.  WhatsApp writes them in the phone's language, so a
 * reader that knows one language turns every other's notices into
 * messages of whoever they are attributed to.
 *
 * The strings are facts about the exporter, gathered from real exports
 * (public test files of chat parsers), other parsers' tests and issues (Pustur/
 * whatsapp-chat-parser, joweich/chat-miner, lucasrodes/whatstk, and
 * WhatsApp analysers in Turkish, Italian, Indonesian, Portuguese and
 * Spanish) and WhatsApp's help pages; a wording we could not confirm in
 * two sources is still listed when the language's own grammar leaves
 * little choice.  Within a table, specific wordings come before general
 * ones ("%a removed this group's icon" before "%a removed %b"): the first
 * entry that matches, in table order, wins.
 *
 * Lookups are by the first or last two bytes of a body, so that an
 * ordinary message costs one probe of an empty bucket.
 */
#include <stdlib.h>
#include <string.h>

#include "ingest.h"
#include "whatsapp.h"

#define C(p)		{ p, WA_CREATE, NULL }
#define A(p)		{ p, WA_ADD, NULL }
#define P(p)		{ p, WA_ADDED, NULL }
#define L(p)		{ p, WA_LINK, NULL }
#define Q(p)		{ p, WA_LEAVE, NULL }
#define R(p)		{ p, WA_REMOVE, NULL }
#define X(p)		{ p, WA_REMOVED, NULL }
#define N(p)		{ p, WA_RENAME, NULL }
#define S(p)		{ p, WA_NOTICE, NULL }
#define M(p, m)		{ p, WA_MEDIA, m }
#define END		{ NULL, WA_NOTICE, NULL }

static const struct wa_entry en[] = {
	S("Messages and calls are end-to-end encrypted%x"),
	S("Messages to this group are now secured with end-to-end encryption%x"),
	S("Messages you send to this group are now secured with end-to-end encryption%x"),
	S("Messages you send to this chat and calls are now secured with end-to-end encryption%x"),
	S("Your security code with %a changed%x"),
	S("%a's security code changed%x"),
	S("You're now an admin"), S("You are now an admin"),
	S("You're no longer an admin"), S("You are no longer an admin"),
	S("%a changed this group's icon"), S("%a changed the group icon"),
	S("%a deleted this group's icon"), S("%a removed this group's icon"),
	S("%a changed the group description"),
	S("%a deleted the group description"),
	S("%a changed this group's settings%x"),
	S("%a changed the group settings%x"),
	S("%a turned on disappearing messages%x"),
	S("%a turned off disappearing messages%x"),
	S("%a updated the message timer%x"),
	S("%a changed their phone number to a new number%x"),
	S("%a changed their phone number%x"),
	S("%a reset this group's invite link"),
	S("Missed voice call%x"), S("Missed video call%x"),
	S("Missed group voice call%x"), S("Missed group video call%x"),
	C("%a created group \"%b\""), C("%a created this group"),
	L("%a joined using this group's invite link"),
	L("%a joined using an invite link"),
	L("%a joined from the community"),
	P("%a was added"), P("%a were added"),
	A("%a added %b"),
	Q("%a left"),
	X("%a was removed"), X("%a were removed"),
	R("%a removed %b"),
	N("%a changed the subject from \"%x\" to \"%b\""),
	N("%a changed the subject to \"%b\""),
	N("%a changed the group name from \"%x\" to \"%b\""),
	N("%a changed the group name to \"%b\""),
	S("%a changed to %b"),		/* a phone number change */
	M("<Media omitted>", "other"), M("<media omitted>", "other"),
	M("image omitted", "image"), M("video omitted", "video"),
	M("audio omitted", "audio"), M("sticker omitted", "sticker"),
	M("GIF omitted", "video"), M("document omitted", "file"),
	M("Contact card omitted", "other"),
	M("This message was deleted", "deleted"),
	M("You deleted this message", "deleted"),
	M("Waiting for this message%x", "other"),
	END
};

static const struct wa_entry de[] = {
	S("Nachrichten und Anrufe sind Ende-zu-Ende-verschl\u00fcsselt%x"),
	S("Nachrichten an diese Gruppe sind jetzt mit Ende-zu-Ende-Verschl\u00fcsselung gesch\u00fctzt%x"),
	S("Deine Sicherheitsnummer f\u00fcr %a hat sich ge\u00e4ndert%x"),
	S("Du bist jetzt Admin"), S("Du bist kein Admin mehr"),
	S("%a hat das Gruppenbild ge\u00e4ndert"),
	S("%a hat das Gruppenbild gel\u00f6scht"),
	S("%a hat die Gruppenbeschreibung ge\u00e4ndert"),
	S("%a hat die Gruppeneinstellungen ge\u00e4ndert%x"),
	S("%a hat selbstl\u00f6schende Nachrichten %x"),
	S("%a hat zu %b gewechselt"),
	C("%a hat die Gruppe \"%b\" erstellt"), C("Du hast die Gruppe \"%b\" erstellt"),
	C("%a hat diese Gruppe erstellt"), C("Du hast diese Gruppe erstellt"),
	C("Du hast die Gruppe erstellt"),
	L("%a ist \u00fcber den Einladungslink dieser Gruppe beigetreten"),
	L("%a ist der Gruppe \u00fcber den Einladungslink beigetreten"),
	L("Du bist der Gruppe \u00fcber den Einladungslink beigetreten"),
	A("%a hat dich hinzugef\u00fcgt"), A("Du hast %b hinzugef\u00fcgt"),
	A("%a hat %b hinzugef\u00fcgt"),
	P("%a wurde hinzugef\u00fcgt"), P("Du wurdest hinzugef\u00fcgt"),
	Q("%a hat die Gruppe verlassen"), Q("Du hast die Gruppe verlassen"),
	R("%a hat dich entfernt"), R("Du hast %b entfernt"),
	R("%a hat %b entfernt"), X("%a wurde entfernt"),
	N("%a hat den Betreff von \"%x\" zu \"%b\" ge\u00e4ndert"),
	N("%a hat den Betreff zu \"%b\" ge\u00e4ndert"),
	N("%a hat den Gruppennamen von \"%x\" zu \"%b\" ge\u00e4ndert"),
	N("%a hat den Gruppennamen zu \"%b\" ge\u00e4ndert"),
	M("<Medien ausgeschlossen>", "other"), M("<Medien weggelassen>", "other"),
	M("Bild weggelassen", "image"), M("Video weggelassen", "video"),
	M("Audio weggelassen", "audio"), M("Sticker weggelassen", "sticker"),
	M("GIF weggelassen", "video"), M("Dokument weggelassen", "file"),
	M("Kontaktkarte weggelassen", "other"),
	M("Diese Nachricht wurde gel\u00f6scht", "deleted"),
	M("Du hast diese Nachricht gel\u00f6scht", "deleted"),
	END
};

static const struct wa_entry es[] = {
	S("Los mensajes y las llamadas est\u00e1n cifrados de extremo a extremo%x"),
	S("Los mensajes enviados a este grupo ahora est\u00e1n protegidos con cifrado de extremo a extremo%x"),
	S("Cambi\u00f3 tu c\u00f3digo de seguridad con %a%x"),
	S("Tu c\u00f3digo de seguridad con %a cambi\u00f3%x"),
	S("Ahora eres admin. del grupo"), S("Ya no eres admin. del grupo"),
	S("%a cambi\u00f3 el \u00edcono de este grupo"),
	S("%a cambi\u00f3 el icono de este grupo"),
	S("%a elimin\u00f3 el \u00edcono de este grupo"),
	S("%a cambi\u00f3 la descripci\u00f3n del grupo"),
	S("Cambiaste la descripci\u00f3n del grupo"),
	S("%a activ\u00f3 los mensajes temporales%x"),
	S("%a desactiv\u00f3 los mensajes temporales%x"),
	S("%a cambi\u00f3 su n\u00famero de tel\u00e9fono%x"),
	C("%a cre\u00f3 el grupo \"%b\""), C("Creaste el grupo \"%b\""),
	C("%a cre\u00f3 este grupo"), C("Creaste este grupo"),
	L("%a se uni\u00f3 usando el enlace de invitaci\u00f3n de este grupo"),
	L("%a se uni\u00f3 mediante el enlace de invitaci\u00f3n de este grupo"),
	L("Te uniste usando el enlace de invitaci\u00f3n de este grupo"),
	L("Te uniste mediante el enlace de invitaci\u00f3n de este grupo"),
	A("%a te a\u00f1adi\u00f3"), A("A\u00f1adiste a %b"), A("%a a\u00f1adi\u00f3 a %b"),
	A("%a te agreg\u00f3"), A("Agregaste a %b"), A("%a agreg\u00f3 a %b"),
	P("Se te a\u00f1adi\u00f3 al grupo"), P("Se a\u00f1adi\u00f3 a %a"),
	Q("%a sali\u00f3 del grupo"), Q("Saliste del grupo"), Q("%a sali\u00f3"),
	R("%a te elimin\u00f3"), R("Eliminaste a %b"), R("%a elimin\u00f3 a %b"),
	X("Se elimin\u00f3 a %a"),
	N("%a cambi\u00f3 el asunto de \"%x\" a \"%b\""),
	N("%a cambi\u00f3 el asunto a \"%b\""),
	N("%a cambi\u00f3 el nombre del grupo de \"%x\" a \"%b\""),
	N("%a cambi\u00f3 el nombre del grupo a \"%b\""),
	N("Cambiaste el asunto de \"%x\" a \"%b\""),
	N("Cambiaste el nombre del grupo a \"%b\""),
	S("%a cambi\u00f3 a %b"),	/* a phone number change */
	M("<Multimedia omitido>", "other"), M("<Archivo omitido>", "other"),
	M("imagen omitida", "image"), M("video omitido", "video"),
	M("audio omitido", "audio"), M("sticker omitido", "sticker"),
	M("GIF omitido", "video"), M("documento omitido", "file"),
	M("Tarjeta de contacto omitida", "other"),
	M("Se elimin\u00f3 este mensaje", "deleted"),
	M("Eliminaste este mensaje", "deleted"),
	M("Este mensaje fue eliminado", "deleted"),
	END
};

static const struct wa_entry pt[] = {
	S("As mensagens e as chamadas s\u00e3o protegidas com a criptografia de ponta a ponta%x"),
	S("As mensagens e liga\u00e7\u00f5es s\u00e3o protegidas com a criptografia de ponta a ponta%x"),
	S("Seu c\u00f3digo de seguran\u00e7a com %a mudou%x"),
	S("Voc\u00ea agora \u00e9 admin%x"), S("Agora voc\u00ea \u00e9 admin%x"),
	S("%a mudou a imagem deste grupo"), S("%a mudou o \u00edcone deste grupo"),
	S("%a apagou a imagem deste grupo"),
	S("%a mudou a descri\u00e7\u00e3o do grupo"),
	S("%a ativou as mensagens tempor\u00e1rias%x"),
	S("%a desativou as mensagens tempor\u00e1rias%x"),
	S("%a mudou o n\u00famero de telefone%x"),
	C("%a criou o grupo \"%b\""), C("%a criou este grupo"),
	L("%a entrou usando o link de convite deste grupo"),
	A("%a adicionou %b"),
	P("%a foi adicionado"), P("%a foi adicionada"),
	Q("%a saiu"),
	X("%a foi removido"), X("%a foi removida"),
	R("%a removeu %b"),
	N("%a mudou o assunto de \"%x\" para \"%b\""),
	N("%a mudou o assunto para \"%b\""),
	N("%a mudou o nome do grupo de \"%x\" para \"%b\""),
	N("%a mudou o nome do grupo para \"%b\""),
	N("%a mudou o nome para \"%b\""),
	S("%a mudou para %b"),		/* a phone number change */
	M("<Arquivo de m\u00eddia oculto>", "other"), M("<M\u00eddia oculta>", "other"),
	M("imagem ocultada", "image"), M("v\u00eddeo omitido", "video"),
	M("\u00e1udio ocultado", "audio"), M("figurinha omitida", "sticker"),
	M("Mensagem apagada", "deleted"),
	M("Esta mensagem foi apagada", "deleted"),
	M("Essa mensagem foi apagada", "deleted"),
	M("Voc\u00ea apagou esta mensagem", "deleted"),
	END
};

static const struct wa_entry fr[] = {
	S("Les messages et les appels sont chiffr\u00e9s de bout en bout%x"),
	S("Les messages envoy\u00e9s dans ce groupe sont d\u00e9sormais prot\u00e9g\u00e9s avec le chiffrement de bout en bout%x"),
	S("Votre code de s\u00e9curit\u00e9 avec %a a chang\u00e9%x"),
	S("Vous \u00eates maintenant admin%x"), S("Vous n'\u00eates plus admin%x"),
	S("%a a chang\u00e9 l'ic\u00f4ne de ce groupe"),
	S("%a a modifi\u00e9 l'ic\u00f4ne de ce groupe"),
	S("%a a supprim\u00e9 l'ic\u00f4ne de ce groupe"),
	S("%a a modifi\u00e9 la description du groupe"),
	S("%a a chang\u00e9 la description du groupe"),
	S("%a a activ\u00e9 les messages \u00e9ph\u00e9m\u00e8res%x"),
	S("%a a d\u00e9sactiv\u00e9 les messages \u00e9ph\u00e9m\u00e8res%x"),
	S("%a a chang\u00e9 son num\u00e9ro de t\u00e9l\u00e9phone%x"),
	C("%a a cr\u00e9\u00e9 le groupe \"%b\""), C("%a a cr\u00e9\u00e9 ce groupe"),
	C("Vous avez cr\u00e9\u00e9 le groupe \"%b\""), C("Vous avez cr\u00e9\u00e9 ce groupe"),
	L("%a a rejoint ce groupe via le lien d'invitation"),
	L("%a a rejoint le groupe via le lien d'invitation"),
	L("%a a rejoint via le lien d'invitation de ce groupe"),
	L("%a s'est joint(e) via le lien d'invitation de ce groupe"),
	A("%a vous a ajout\u00e9(e)"), A("%a vous a ajout\u00e9"),
	A("Vous avez ajout\u00e9 %b"), A("%a a ajout\u00e9 %b"),
	Q("%a est parti(e)"), Q("%a est parti"), Q("%a est partie"),
	Q("%a a quitt\u00e9 le groupe"), Q("Vous \u00eates parti(e)"),
	R("%a vous a retir\u00e9(e)"), R("%a vous a retir\u00e9"),
	R("Vous avez retir\u00e9 %b"), R("%a a retir\u00e9 %b"),
	N("%a a modifi\u00e9 le sujet de \"%x\" en \"%b\""),
	N("%a a chang\u00e9 le sujet de \"%x\" \u00e0 \"%b\""),
	N("%a a chang\u00e9 le sujet en \"%b\""),
	N("%a a modifi\u00e9 le nom du groupe en \"%b\""),
	N("%a a chang\u00e9 le nom du groupe en \"%b\""),
	M("<M\u00e9dias omis>", "other"), M("image absente", "image"),
	M("vid\u00e9o absente", "video"), M("audio omis", "audio"),
	M("sticker omis", "sticker"), M("GIF retir\u00e9", "video"),
	M("document omis", "file"),
	M("Ce message a \u00e9t\u00e9 supprim\u00e9", "deleted"),
	M("Vous avez supprim\u00e9 ce message", "deleted"),
	END
};

static const struct wa_entry it[] = {
	S("I messaggi e le chiamate sono crittografati end-to-end%x"),
	S("I messaggi inviati a questo gruppo sono ora protetti con la crittografia end-to-end%x"),
	S("Il tuo codice di sicurezza con %a \u00e8 cambiato%x"),
	S("Ora sei un amministratore"), S("Non sei pi\u00f9 un amministratore"),
	S("%a ha cambiato l'immagine del gruppo"),
	S("%a ha cambiato l'immagine di questo gruppo"),
	S("%a ha eliminato l'immagine di questo gruppo"),
	S("%a ha cambiato la descrizione del gruppo"),
	S("%a ha cambiato le impostazioni del gruppo%x"),
	S("%a ha attivato i messaggi effimeri%x"),
	S("%a ha disattivato i messaggi effimeri%x"),
	S("%a ha cambiato numero in %x"), S("%a \u00e8 stato cambiato con %x"),
	C("%a ha creato il gruppo \"%b\""), C("Hai creato il gruppo \"%b\""),
	C("%a ha creato questo gruppo"), C("Hai creato questo gruppo"),
	L("%a \u00e8 entrato usando il link d'invito al gruppo"),
	L("%a \u00e8 entrata usando il link d'invito al gruppo"),
	L("%a si \u00e8 unito tramite il link d'invito al gruppo"),
	L("Sei entrato usando il link d'invito al gruppo"),
	A("%a ti ha aggiunto"), A("Hai aggiunto %b"), A("%a ha aggiunto %b"),
	P("%a \u00e8 stato aggiunto"), P("%a \u00e8 stata aggiunta"),
	P("Sei stato aggiunto"),
	Q("%a \u00e8 uscito"), Q("%a \u00e8 uscita"), Q("%a ha abbandonato il gruppo"),
	Q("%a ha abbandonato"), Q("Sei uscito"),
	R("%a ti ha rimosso"), R("Hai rimosso %b"), R("%a ha rimosso %b"),
	N("%a ha cambiato l'oggetto da \"%x\" a \"%b\""),
	N("%a ha cambiato l'oggetto in \"%b\""),
	N("%a ha cambiato il nome del gruppo da \"%x\" a \"%b\""),
	N("%a ha cambiato il nome del gruppo in \"%b\""),
	M("<Media omesso>", "other"), M("<Media omessi>", "other"),
	M("immagine omessa", "image"), M("video omesso", "video"),
	M("audio omesso", "audio"), M("sticker omesso", "sticker"),
	M("GIF omessa", "video"), M("documento omesso", "file"),
	M("Questo messaggio \u00e8 stato eliminato", "deleted"),
	M("Hai eliminato questo messaggio", "deleted"),
	END
};

static const struct wa_entry nl[] = {
	S("Berichten en gesprekken worden end-to-end versleuteld%x"),
	S("Berichten die naar deze groep worden verzonden, zijn nu beveiligd met end-to-end versleuteling%x"),
	S("Je beveiligingscode met %a is gewijzigd%x"),
	S("Uw beveiligingscode voor %a is gewijzigd%x"),
	S("U bent nu beheerder"), S("Je bent nu beheerder"),
	S("Je bent geen beheerder meer"),
	S("%a heeft de groepsafbeelding gewijzigd"),
	S("U hebt de groepsafbeelding gewijzigd"),
	S("%a heeft de groepsafbeelding verwijderd"),
	S("%a heeft de groepsbeschrijving gewijzigd"),
	S("%a heeft verdwijnende berichten ingeschakeld%x"),
	S("%a heeft verdwijnende berichten uitgeschakeld%x"),
	S("%a heeft het telefoonnummer gewijzigd%x"),
	C("%a heeft de groep \"%b\" gemaakt"), C("U hebt de groep \"%b\" gemaakt"),
	C("Je hebt de groep \"%b\" gemaakt"), C("%a heeft deze groep gemaakt"),
	L("%a neemt deel via de uitnodigingslink van deze groep"),
	L("%a is lid geworden via de uitnodigingslink van deze groep"),
	A("%a heeft %b toegevoegd"), A("U hebt %b toegevoegd"),
	A("Je hebt %b toegevoegd"), P("%a is toegevoegd"),
	Q("%a heeft de groep verlaten"), Q("%a is vertrokken"),
	R("%a heeft %b verwijderd"), R("U hebt %b verwijderd"),
	R("Je hebt %b verwijderd"),
	N("%a heeft het onderwerp gewijzigd van \"%x\" naar \"%b\""),
	N("%a heeft het onderwerp gewijzigd naar \"%b\""),
	N("%a heeft de groepsnaam gewijzigd naar \"%b\""),
	M("<Media weggelaten>", "other"), M("afbeelding weggelaten", "image"),
	M("video weggelaten", "video"), M("audio weggelaten", "audio"),
	M("sticker weggelaten", "sticker"), M("GIF weggelaten", "video"),
	M("document weggelaten", "file"),
	M("Dit bericht is verwijderd", "deleted"),
	M("U hebt dit bericht verwijderd", "deleted"),
	M("Je hebt dit bericht verwijderd", "deleted"),
	END
};

static const struct wa_entry tr[] = {
	S("Mesajlar ve aramalar u\u00e7tan uca \u015fifrelidir%x"),
	S("%a ile g\u00fcvenlik kodunuz de\u011fi\u015fti%x"),
	S("Art\u0131k y\u00f6neticisiniz"), S("Art\u0131k y\u00f6netici de\u011filsiniz"),
	S("%a, grup simgesini de\u011fi\u015ftirdi"), S("%a grubun simgesini de\u011fi\u015ftirdi"),
	S("%a, grup a\u00e7\u0131klamas\u0131n\u0131 de\u011fi\u015ftirdi"),
	S("%a s\u00fcreli mesajlar\u0131 a\u00e7t\u0131%x"),
	S("%a s\u00fcreli mesajlar\u0131 kapatt\u0131%x"),
	S("%a telefon numaras\u0131n\u0131 de\u011fi\u015ftirdi%x"),
	C("%a, \"%b\" grubunu olu\u015fturdu"), C("%a \"%b\" grubunu olu\u015fturdu"),
	C("\"%b\" grubunu olu\u015fturdunuz"), C("%a bu grubu olu\u015fturdu"),
	C("Bu grubu olu\u015fturdunuz"),
	L("%a, bu grubun davet ba\u011flant\u0131s\u0131yla kat\u0131ld\u0131"),
	L("%a bu grubun davet ba\u011flant\u0131s\u0131yla kat\u0131ld\u0131"),
	L("%a davet ba\u011flant\u0131s\u0131yla kat\u0131ld\u0131"),
	A("%a sizi ekledi"), A("%a, %b ki\u015fisini ekledi"),
	A("%b ki\u015fisini eklediniz"), P("%a eklendi"),
	Q("%a gruptan ayr\u0131ld\u0131"), Q("%a ayr\u0131ld\u0131"),
	R("%a sizi \u00e7\u0131kard\u0131"), R("%a, %b ki\u015fisini \u00e7\u0131kard\u0131"),
	R("%b ki\u015fisini \u00e7\u0131kard\u0131n\u0131z"),
	N("%a, grup ad\u0131n\u0131 \"%x\" iken \"%b\" olarak de\u011fi\u015ftirdi"),
	N("%a, grup ad\u0131n\u0131 \"%b\" olarak de\u011fi\u015ftirdi"),
	N("%a grubun konusunu \"%b\" olarak de\u011fi\u015ftirdi"),
	M("<Medya dahil edilmedi>", "other"), M("g\u00f6r\u00fcnt\u00fc dahil edilmedi", "image"),
	M("video dahil edilmedi", "video"), M("ses dahil edilmedi", "audio"),
	M("\u00e7\u0131kartma dahil edilmedi", "sticker"), M("GIF dahil edilmedi", "video"),
	M("belge dahil edilmedi", "file"),
	M("Bu mesaj silindi", "deleted"), M("Bu mesaj\u0131 sildiniz", "deleted"),
	END
};

static const struct wa_entry ru[] = {
	S("\u0421\u043e\u043e\u0431\u0449\u0435\u043d\u0438\u044f \u0438 \u0437\u0432\u043e\u043d\u043a\u0438 \u0437\u0430\u0449\u0438\u0449\u0435\u043d\u044b \u0441\u043a\u0432\u043e\u0437\u043d\u044b\u043c \u0448\u0438\u0444\u0440\u043e\u0432\u0430\u043d\u0438\u0435\u043c%x"),
	S("\u0412\u0430\u0448 \u043a\u043e\u0434 \u0431\u0435\u0437\u043e\u043f\u0430\u0441\u043d\u043e\u0441\u0442\u0438 \u0434\u043b\u044f %a \u0438\u0437\u043c\u0435\u043d\u0438\u043b\u0441\u044f%x"),
	S("\u0412\u044b \u0442\u0435\u043f\u0435\u0440\u044c \u0430\u0434\u043c\u0438\u043d\u0438\u0441\u0442\u0440\u0430\u0442\u043e\u0440"),
	S("\u0422\u0435\u043f\u0435\u0440\u044c \u0432\u044b \u0430\u0434\u043c\u0438\u043d\u0438\u0441\u0442\u0440\u0430\u0442\u043e\u0440"),
	S("\u0412\u044b \u0431\u043e\u043b\u044c\u0448\u0435 \u043d\u0435 \u0430\u0434\u043c\u0438\u043d\u0438\u0441\u0442\u0440\u0430\u0442\u043e\u0440"),
	S("%a \u0438\u0437\u043c\u0435\u043d\u0438\u043b(-\u0430) \u0438\u0437\u043e\u0431\u0440\u0430\u0436\u0435\u043d\u0438\u0435 \u044d\u0442\u043e\u0439 \u0433\u0440\u0443\u043f\u043f\u044b"),
	S("%a \u0443\u0434\u0430\u043b\u0438\u043b(-\u0430) \u0438\u0437\u043e\u0431\u0440\u0430\u0436\u0435\u043d\u0438\u0435 \u044d\u0442\u043e\u0439 \u0433\u0440\u0443\u043f\u043f\u044b"),
	S("%a \u0438\u0437\u043c\u0435\u043d\u0438\u043b(-\u0430) \u043e\u043f\u0438\u0441\u0430\u043d\u0438\u0435 \u0433\u0440\u0443\u043f\u043f\u044b"),
	S("%a \u0432\u043a\u043b\u044e\u0447\u0438\u043b(-\u0430) \u0438\u0441\u0447\u0435\u0437\u0430\u044e\u0449\u0438\u0435 \u0441\u043e\u043e\u0431\u0449\u0435\u043d\u0438\u044f%x"),
	S("%a \u0432\u044b\u043a\u043b\u044e\u0447\u0438\u043b(-\u0430) \u0438\u0441\u0447\u0435\u0437\u0430\u044e\u0449\u0438\u0435 \u0441\u043e\u043e\u0431\u0449\u0435\u043d\u0438\u044f%x"),
	S("%a \u0441\u043c\u0435\u043d\u0438\u043b(-\u0430) \u043d\u043e\u043c\u0435\u0440%x"),
	C("%a \u0441\u043e\u0437\u0434\u0430\u043b(-\u0430) \u0433\u0440\u0443\u043f\u043f\u0443 \"%b\""),
	C("%a \u0441\u043e\u0437\u0434\u0430\u043b \u0433\u0440\u0443\u043f\u043f\u0443 \"%b\""),
	C("%a \u0441\u043e\u0437\u0434\u0430\u043b\u0430 \u0433\u0440\u0443\u043f\u043f\u0443 \"%b\""),
	C("\u0412\u044b \u0441\u043e\u0437\u0434\u0430\u043b\u0438 \u0433\u0440\u0443\u043f\u043f\u0443 \"%b\""),
	L("%a \u043f\u0440\u0438\u0441\u043e\u0435\u0434\u0438\u043d\u0438\u043b\u0441\u044f(-\u0430\u0441\u044c) \u043a \u0433\u0440\u0443\u043f\u043f\u0435 \u043f\u043e \u0441\u0441\u044b\u043b\u043a\u0435-\u043f\u0440\u0438\u0433\u043b\u0430\u0448\u0435\u043d\u0438\u044e"),
	L("%a \u043f\u0440\u0438\u0441\u043e\u0435\u0434\u0438\u043d\u0438\u043b\u0441\u044f(-\u0430\u0441\u044c) \u043f\u043e \u0441\u0441\u044b\u043b\u043a\u0435-\u043f\u0440\u0438\u0433\u043b\u0430\u0448\u0435\u043d\u0438\u044e%x"),
	A("%a \u0434\u043e\u0431\u0430\u0432\u0438\u043b(-\u0430) %b"),
	A("%a \u0434\u043e\u0431\u0430\u0432\u0438\u043b %b"), A("%a \u0434\u043e\u0431\u0430\u0432\u0438\u043b\u0430 %b"),
	A("\u0412\u044b \u0434\u043e\u0431\u0430\u0432\u0438\u043b\u0438 %b"),
	Q("%a \u0432\u044b\u0448\u0435\u043b(-\u043b\u0430)"), Q("%a \u0432\u044b\u0448\u0435\u043b"), Q("%a \u0432\u044b\u0448\u043b\u0430"),
	Q("%a \u043f\u043e\u043a\u0438\u043d\u0443\u043b(-\u0430) \u0433\u0440\u0443\u043f\u043f\u0443"), Q("\u0412\u044b \u0432\u044b\u0448\u043b\u0438"),
	R("%a \u0443\u0434\u0430\u043b\u0438\u043b(-\u0430) %b"),
	R("%a \u0443\u0434\u0430\u043b\u0438\u043b %b"), R("%a \u0443\u0434\u0430\u043b\u0438\u043b\u0430 %b"),
	R("\u0412\u044b \u0443\u0434\u0430\u043b\u0438\u043b\u0438 %b"),
	N("%a \u0438\u0437\u043c\u0435\u043d\u0438\u043b(-\u0430) \u0442\u0435\u043c\u0443 \u0441 \"%x\" \u043d\u0430 \"%b\""),
	N("%a \u0438\u0437\u043c\u0435\u043d\u0438\u043b(-\u0430) \u0442\u0435\u043c\u0443 \u043d\u0430 \"%b\""),
	N("%a \u0438\u0437\u043c\u0435\u043d\u0438\u043b(-\u0430) \u043d\u0430\u0437\u0432\u0430\u043d\u0438\u0435 \u0433\u0440\u0443\u043f\u043f\u044b \u0441 \"%x\" \u043d\u0430 \"%b\""),
	N("%a \u0438\u0437\u043c\u0435\u043d\u0438\u043b(-\u0430) \u043d\u0430\u0437\u0432\u0430\u043d\u0438\u0435 \u0433\u0440\u0443\u043f\u043f\u044b \u043d\u0430 \"%b\""),
	M("<\u0411\u0435\u0437 \u043c\u0435\u0434\u0438\u0430\u0444\u0430\u0439\u043b\u043e\u0432>", "other"),
	M("\u0438\u0437\u043e\u0431\u0440\u0430\u0436\u0435\u043d\u0438\u0435 \u043e\u0442\u0441\u0443\u0442\u0441\u0442\u0432\u0443\u0435\u0442", "image"),
	M("\u0432\u0438\u0434\u0435\u043e \u043e\u0442\u0441\u0443\u0442\u0441\u0442\u0432\u0443\u0435\u0442", "video"),
	M("\u0430\u0443\u0434\u0438\u043e \u043e\u0442\u0441\u0443\u0442\u0441\u0442\u0432\u0443\u0435\u0442", "audio"),
	M("\u0441\u0442\u0438\u043a\u0435\u0440 \u043e\u0442\u0441\u0443\u0442\u0441\u0442\u0432\u0443\u0435\u0442", "sticker"),
	M("\u0414\u0430\u043d\u043d\u043e\u0435 \u0441\u043e\u043e\u0431\u0449\u0435\u043d\u0438\u0435 \u0443\u0434\u0430\u043b\u0435\u043d\u043e", "deleted"),
	M("\u042d\u0442\u043e \u0441\u043e\u043e\u0431\u0449\u0435\u043d\u0438\u0435 \u0443\u0434\u0430\u043b\u0435\u043d\u043e", "deleted"),
	M("\u0412\u044b \u0443\u0434\u0430\u043b\u0438\u043b\u0438 \u0434\u0430\u043d\u043d\u043e\u0435 \u0441\u043e\u043e\u0431\u0449\u0435\u043d\u0438\u0435", "deleted"),
	M("\u0412\u044b \u0443\u0434\u0430\u043b\u0438\u043b\u0438 \u044d\u0442\u043e \u0441\u043e\u043e\u0431\u0449\u0435\u043d\u0438\u0435", "deleted"),
	END
};

static const struct wa_entry id[] = {
	S("Pesan dan panggilan terenkripsi secara end-to-end%x"),
	S("Kode keamanan Anda dengan %a telah berubah%x"),
	S("Anda sekarang admin"), S("Anda sekarang adalah admin"),
	S("%a mengubah ikon grup ini"), S("%a menghapus ikon grup ini"),
	S("%a mengubah deskripsi grup"),
	S("%a mengaktifkan pesan sementara%x"),
	S("%a menonaktifkan pesan sementara%x"),
	S("%a telah mengganti nomor teleponnya ke nomor baru%x"),
	C("%a membuat grup \"%b\""), C("%a membuat grup ini"),
	L("%a telah bergabung menggunakan tautan undangan grup ini"),
	L("%a bergabung menggunakan tautan undangan grup ini"),
	A("%a menambahkan %b"), P("%a ditambahkan"),
	Q("%a keluar"),
	R("%a mengeluarkan %b"),
	N("%a mengubah subjek dari \"%x\" menjadi \"%b\""),
	N("%a mengubah subjek menjadi \"%b\""),
	N("%a mengubah nama grup dari \"%x\" menjadi \"%b\""),
	N("%a mengubah nama grup menjadi \"%b\""),
	M("<Media tidak disertakan>", "other"), M("gambar tidak disertakan", "image"),
	M("video tidak disertakan", "video"), M("audio tidak disertakan", "audio"),
	M("stiker tidak disertakan", "sticker"), M("GIF tidak disertakan", "video"),
	M("dokumen tidak disertakan", "file"),
	M("Pesan ini telah dihapus", "deleted"), M("Anda menghapus pesan ini", "deleted"),
	END
};

static const struct wa_entry ar[] = {
	S("\u0627\u0644\u0631\u0633\u0627\u0626\u0644 \u0648\u0627\u0644\u0645\u0643\u0627\u0644\u0645\u0627\u062a \u0645\u0634\u0641\u0631\u0629 \u062a\u0645\u0627\u0645\u064b\u0627 \u0628\u064a\u0646 \u0627\u0644\u0637\u0631\u0641\u064a\u0646%x"),
	S("\u0627\u0644\u0631\u0633\u0627\u0626\u0644 \u0648\u0627\u0644\u0645\u0643\u0627\u0644\u0645\u0627\u062a \u0645\u0634\u0641\u0651\u0631\u0629 \u0628\u064a\u0646 \u0627\u0644\u0637\u0631\u0641\u064a\u0646%x"),
	S("\u062a\u063a\u064a\u0651\u0631 \u0631\u0645\u0632 \u0627\u0644\u0623\u0645\u0627\u0646 \u0627\u0644\u062e\u0627\u0635 \u0628\u0643 \u0645\u0639 %a%x"),
	S("\u0623\u0646\u062a \u0627\u0644\u0622\u0646 \u0645\u0634\u0631\u0641"),
	S("%a \u063a\u064a\u0651\u0631 \u0635\u0648\u0631\u0629 \u0647\u0630\u0647 \u0627\u0644\u0645\u062c\u0645\u0648\u0639\u0629"),
	S("%a \u063a\u064a\u0651\u0631 \u0648\u0635\u0641 \u0627\u0644\u0645\u062c\u0645\u0648\u0639\u0629"),
	S("%a \u0642\u0627\u0645 \u0628\u062a\u0634\u063a\u064a\u0644 \u0627\u0644\u0631\u0633\u0627\u0626\u0644 \u0627\u0644\u0645\u0624\u0642\u062a\u0629%x"),
	S("%a \u0642\u0627\u0645 \u0628\u0625\u064a\u0642\u0627\u0641 \u0627\u0644\u0631\u0633\u0627\u0626\u0644 \u0627\u0644\u0645\u0624\u0642\u062a\u0629%x"),
	S("%a \u063a\u064a\u0651\u0631 \u0631\u0642\u0645 \u0647\u0627\u062a\u0641\u0647%x"),
	C("%a \u0623\u0646\u0634\u0623 \u0627\u0644\u0645\u062c\u0645\u0648\u0639\u0629 \"%b\""),
	C("%a \u0623\u0646\u0634\u0623 \u0647\u0630\u0647 \u0627\u0644\u0645\u062c\u0645\u0648\u0639\u0629"),
	L("%a \u0627\u0646\u0636\u0645 \u0628\u0627\u0633\u062a\u062e\u062f\u0627\u0645 \u0631\u0627\u0628\u0637 \u0627\u0644\u062f\u0639\u0648\u0629 \u0644\u0647\u0630\u0647 \u0627\u0644\u0645\u062c\u0645\u0648\u0639\u0629"),
	L("%a \u0627\u0646\u0636\u0645 \u0628\u0648\u0627\u0633\u0637\u0629 \u0631\u0627\u0628\u0637 \u0627\u0644\u062f\u0639\u0648\u0629 \u0644\u0647\u0630\u0647 \u0627\u0644\u0645\u062c\u0645\u0648\u0639\u0629"),
	A("%a \u0623\u0636\u0627\u0641\u0643"), A("%a \u0623\u0636\u0627\u0641 %b"),
	A("\u0642\u0627\u0645 %a \u0628\u0625\u0636\u0627\u0641\u0629 %b"),
	Q("%a \u063a\u0627\u062f\u0631 \u0627\u0644\u0645\u062c\u0645\u0648\u0639\u0629"), Q("%a \u063a\u0627\u062f\u0631"), Q("%a \u063a\u0627\u062f\u0631\u062a"),
	R("%a \u0623\u0632\u0627\u0644 %b"), R("\u0642\u0627\u0645 %a \u0628\u0625\u0632\u0627\u0644\u0629 %b"),
	N("%a \u063a\u064a\u0651\u0631 \u0627\u0644\u0645\u0648\u0636\u0648\u0639 \u0645\u0646 \"%x\" \u0625\u0644\u0649 \"%b\""),
	N("%a \u063a\u064a\u0651\u0631 \u0627\u0633\u0645 \u0627\u0644\u0645\u062c\u0645\u0648\u0639\u0629 \u0645\u0646 \"%x\" \u0625\u0644\u0649 \"%b\""),
	N("%a \u063a\u064a\u0651\u0631 \u0627\u0633\u0645 \u0627\u0644\u0645\u062c\u0645\u0648\u0639\u0629 \u0625\u0644\u0649 \"%b\""),
	M("<\u062a\u0645 \u0627\u0633\u062a\u0628\u0639\u0627\u062f \u0627\u0644\u0648\u0633\u0627\u0626\u0637>", "other"),
	M("\u062a\u0645 \u062d\u0630\u0641 \u0647\u0630\u0647 \u0627\u0644\u0631\u0633\u0627\u0644\u0629", "deleted"),
	M("\u0644\u0642\u062f \u062d\u0630\u0641\u062a \u0647\u0630\u0647 \u0627\u0644\u0631\u0633\u0627\u0644\u0629", "deleted"),
	M("\u062d\u0630\u0641\u062a \u0647\u0630\u0647 \u0627\u0644\u0631\u0633\u0627\u0644\u0629", "deleted"),
	END
};

static const struct wa_entry hi[] = {
	S("\u092e\u0948\u0938\u0947\u091c \u0914\u0930 \u0915\u0949\u0932 \u090f\u0902\u0921-\u091f\u0942-\u090f\u0902\u0921 \u090f\u0928\u094d\u0915\u094d\u0930\u093f\u092a\u094d\u091f\u0947\u0921 \u0939\u0948\u0902%x"),
	S("%a \u0915\u0947 \u0938\u093e\u0925 \u0906\u092a\u0915\u093e \u0938\u0941\u0930\u0915\u094d\u0937\u093e \u0915\u094b\u0921 \u092c\u0926\u0932 \u0917\u092f\u093e%x"),
	S("\u0905\u092c \u0906\u092a \u090f\u0921\u092e\u093f\u0928 \u0939\u0948\u0902"),
	S("%a \u0928\u0947 \u0907\u0938 \u0917\u094d\u0930\u0941\u092a \u0915\u093e \u0906\u0907\u0915\u0928 \u092c\u0926\u0932\u093e"),
	S("%a \u0928\u0947 \u0917\u094d\u0930\u0941\u092a \u0915\u093e \u0935\u093f\u0935\u0930\u0923 \u092c\u0926\u0932\u093e"),
	S("%a \u0928\u0947 \u0917\u093e\u092f\u092c \u0939\u094b\u0928\u0947 \u0935\u093e\u0932\u0947 \u092e\u0948\u0938\u0947\u091c %x"),
	S("%a \u0928\u0947 \u0905\u092a\u0928\u093e \u092b\u093c\u094b\u0928 \u0928\u0902\u092c\u0930 \u092c\u0926\u0932 \u0926\u093f\u092f\u093e%x"),
	C("%a \u0928\u0947 \u0917\u094d\u0930\u0941\u092a \"%b\" \u092c\u0928\u093e\u092f\u093e"),
	C("\u0906\u092a\u0928\u0947 \u0917\u094d\u0930\u0941\u092a \"%b\" \u092c\u0928\u093e\u092f\u093e"),
	C("%a \u0928\u0947 \u092f\u0939 \u0917\u094d\u0930\u0941\u092a \u092c\u0928\u093e\u092f\u093e"),
	L("%a \u0907\u0938 \u0917\u094d\u0930\u0941\u092a \u0915\u0947 \u0907\u0928\u0935\u093e\u0907\u091f \u0932\u093f\u0902\u0915 \u0938\u0947 \u091c\u0941\u0921\u093c\u0947"),
	L("%a \u0907\u0938 \u0917\u094d\u0930\u0941\u092a \u0915\u0947 \u0906\u092e\u0902\u0924\u094d\u0930\u0923 \u0932\u093f\u0902\u0915 \u0915\u093e \u0909\u092a\u092f\u094b\u0917 \u0915\u0930\u0915\u0947 \u0936\u093e\u092e\u093f\u0932 \u0939\u0941\u090f"),
	A("%a \u0928\u0947 \u0906\u092a\u0915\u094b \u091c\u094b\u0921\u093c\u093e"), A("\u0906\u092a\u0928\u0947 %b \u0915\u094b \u091c\u094b\u0921\u093c\u093e"),
	A("%a \u0928\u0947 %b \u0915\u094b \u091c\u094b\u0921\u093c\u093e"),
	Q("%a \u0928\u0947 \u0917\u094d\u0930\u0941\u092a \u091b\u094b\u0921\u093c \u0926\u093f\u092f\u093e"), Q("%a \u0917\u094d\u0930\u0941\u092a \u0938\u0947 \u0928\u093f\u0915\u0932 \u0917\u090f"),
	Q("%a \u091a\u0932\u0947 \u0917\u090f"),
	R("%a \u0928\u0947 \u0906\u092a\u0915\u094b \u0939\u091f\u093e\u092f\u093e"), R("%a \u0928\u0947 %b \u0915\u094b \u0939\u091f\u093e\u092f\u093e"),
	N("%a \u0928\u0947 \u0935\u093f\u0937\u092f \"%x\" \u0938\u0947 \u092c\u0926\u0932\u0915\u0930 \"%b\" \u0915\u093f\u092f\u093e"),
	N("%a \u0928\u0947 \u0917\u094d\u0930\u0941\u092a \u0915\u093e \u0928\u093e\u092e \u092c\u0926\u0932\u0915\u0930 \"%b\" \u0915\u093f\u092f\u093e"),
	M("<\u092e\u0940\u0921\u093f\u092f\u093e \u091b\u094b\u0921\u093c\u093e \u0917\u092f\u093e>", "other"),
	M("\u092f\u0939 \u092e\u0948\u0938\u0947\u091c \u0921\u093f\u0932\u0940\u091f \u0915\u093f\u092f\u093e \u0917\u092f\u093e", "deleted"),
	M("\u092f\u0939 \u092e\u0948\u0938\u0947\u091c \u0939\u091f\u093e \u0926\u093f\u092f\u093e \u0917\u092f\u093e \u0925\u093e", "deleted"),
	M("\u0906\u092a\u0928\u0947 \u092f\u0939 \u092e\u0948\u0938\u0947\u091c \u0921\u093f\u0932\u0940\u091f \u0915\u093f\u092f\u093e", "deleted"),
	M("\u0906\u092a\u0928\u0947 \u092f\u0939 \u092e\u0948\u0938\u0947\u091c \u0939\u091f\u093e \u0926\u093f\u092f\u093e", "deleted"),
	END
};

static const struct wa_entry ja[] = {
	S("\u30e1\u30c3\u30bb\u30fc\u30b8\u3068\u901a\u8a71\u306f\u30a8\u30f3\u30c9\u30c4\u30fc\u30a8\u30f3\u30c9\u3067\u6697\u53f7\u5316\u3055\u308c\u3066\u3044\u307e\u3059%x"),
	S("%a\u3068\u306e\u30bb\u30ad\u30e5\u30ea\u30c6\u30a3\u30b3\u30fc\u30c9\u304c\u5909\u66f4\u3055\u308c\u307e\u3057\u305f%x"),
	S("\u3042\u306a\u305f\u306f\u7ba1\u7406\u8005\u306b\u306a\u308a\u307e\u3057\u305f"),
	S("%a\u304c\u30b0\u30eb\u30fc\u30d7\u306e\u30a2\u30a4\u30b3\u30f3\u3092\u5909\u66f4\u3057\u307e\u3057\u305f"),
	S("%a\u304c\u3053\u306e\u30b0\u30eb\u30fc\u30d7\u306e\u30a2\u30a4\u30b3\u30f3\u3092\u5909\u66f4\u3057\u307e\u3057\u305f"),
	S("%a\u304c\u30b0\u30eb\u30fc\u30d7\u306e\u30a2\u30a4\u30b3\u30f3\u3092\u524a\u9664\u3057\u307e\u3057\u305f"),
	S("%a\u304c\u30b0\u30eb\u30fc\u30d7\u306e\u8aac\u660e\u3092\u5909\u66f4\u3057\u307e\u3057\u305f"),
	S("%a\u304c\u6d88\u3048\u308b\u30e1\u30c3\u30bb\u30fc\u30b8\u3092%x"),
	S("%a\u304c\u96fb\u8a71\u756a\u53f7\u3092\u5909\u66f4\u3057\u307e\u3057\u305f%x"),
	C("%a\u304c\u30b0\u30eb\u30fc\u30d7\"%b\"\u3092\u4f5c\u6210\u3057\u307e\u3057\u305f"),
	C("%a\u304c\u3053\u306e\u30b0\u30eb\u30fc\u30d7\u3092\u4f5c\u6210\u3057\u307e\u3057\u305f"),
	L("%a\u304c\u3053\u306e\u30b0\u30eb\u30fc\u30d7\u306e\u62db\u5f85\u30ea\u30f3\u30af\u304b\u3089\u53c2\u52a0\u3057\u307e\u3057\u305f"),
	L("%a\u304c\u62db\u5f85\u30ea\u30f3\u30af\u304b\u3089\u53c2\u52a0\u3057\u307e\u3057\u305f"),
	A("%a\u304c%b\u3092\u8ffd\u52a0\u3057\u307e\u3057\u305f"),
	Q("%a\u304c\u9000\u51fa\u3057\u307e\u3057\u305f"),
	R("%a\u304c%b\u3092\u524a\u9664\u3057\u307e\u3057\u305f"),
	N("%a\u304c\u30b0\u30eb\u30fc\u30d7\u540d\u3092\"%x\"\u304b\u3089\"%b\"\u306b\u5909\u66f4\u3057\u307e\u3057\u305f"),
	N("%a\u304c\u30b0\u30eb\u30fc\u30d7\u540d\u3092\"%b\"\u306b\u5909\u66f4\u3057\u307e\u3057\u305f"),
	N("%a\u304c\u4ef6\u540d\u3092\"%b\"\u306b\u5909\u66f4\u3057\u307e\u3057\u305f"),
	M("<\u30e1\u30c7\u30a3\u30a2\u306f\u542b\u307e\u308c\u3066\u3044\u307e\u305b\u3093>", "other"),
	M("\u3053\u306e\u30e1\u30c3\u30bb\u30fc\u30b8\u306f\u524a\u9664\u3055\u308c\u307e\u3057\u305f", "deleted"),
	M("\u30e1\u30c3\u30bb\u30fc\u30b8\u3092\u524a\u9664\u3057\u307e\u3057\u305f", "deleted"),
	M("\u3053\u306e\u30e1\u30c3\u30bb\u30fc\u30b8\u3092\u524a\u9664\u3057\u307e\u3057\u305f", "deleted"),
	END
};

static const struct wa_entry ko[] = {
	S("\uba54\uc2dc\uc9c0\uc640 \ud1b5\ud654\ub294 \uc885\ub2e8\uac04 \uc554\ud638\ud654\ub429\ub2c8\ub2e4%x"),
	S("\uba54\uc2dc\uc9c0 \ubc0f \ud1b5\ud654\ub294 \uc885\ub2e8\uac04 \uc554\ud638\ud654\ub418\uc5b4 \uc788\uc2b5\ub2c8\ub2e4%x"),
	S("%a\ub2d8\uacfc\uc758 \ubcf4\uc548 \ucf54\ub4dc\uac00 \ubcc0\uacbd\ub418\uc5c8\uc2b5\ub2c8\ub2e4%x"),
	S("\ud68c\uc6d0\ub2d8\uc740 \uc774\uc81c \uad00\ub9ac\uc790\uc785\ub2c8\ub2e4"),
	S("%a\ub2d8\uc774 \uadf8\ub8f9 \uc544\uc774\ucf58\uc744 \ubcc0\uacbd\ud588\uc2b5\ub2c8\ub2e4"),
	S("%a\ub2d8\uc774 \uadf8\ub8f9 \uc124\uba85\uc744 \ubcc0\uacbd\ud588\uc2b5\ub2c8\ub2e4"),
	S("%a\ub2d8\uc774 \uc0ac\ub77c\uc9c0\ub294 \uba54\uc2dc\uc9c0\ub97c %x"),
	S("%a\ub2d8\uc774 \uc804\ud654\ubc88\ud638\ub97c \ubcc0\uacbd\ud588\uc2b5\ub2c8\ub2e4%x"),
	C("%a\ub2d8\uc774 \uadf8\ub8f9 \"%b\"\uc744(\ub97c) \ub9cc\ub4e4\uc5c8\uc2b5\ub2c8\ub2e4"),
	C("%a\ub2d8\uc774 \"%b\" \uadf8\ub8f9\uc744 \ub9cc\ub4e4\uc5c8\uc2b5\ub2c8\ub2e4"),
	C("%a\ub2d8\uc774 \uc774 \uadf8\ub8f9\uc744 \ub9cc\ub4e4\uc5c8\uc2b5\ub2c8\ub2e4"),
	L("%a\ub2d8\uc774 \uc774 \uadf8\ub8f9\uc758 \ucd08\ub300 \ub9c1\ud06c\ub85c \ucc38\uc5ec\ud588\uc2b5\ub2c8\ub2e4"),
	L("%a\ub2d8\uc774 \uadf8\ub8f9 \ucd08\ub300 \ub9c1\ud06c\ub97c \ud1b5\ud574 \ucc38\uc5ec\ud588\uc2b5\ub2c8\ub2e4"),
	A("%a\ub2d8\uc774 %b\ub2d8\uc744 \ucd08\ub300\ud588\uc2b5\ub2c8\ub2e4"),
	A("%a\ub2d8\uc774 %b\ub2d8\uc744 \ucd94\uac00\ud588\uc2b5\ub2c8\ub2e4"),
	Q("%a\ub2d8\uc774 \ub098\uac14\uc2b5\ub2c8\ub2e4"),
	R("%a\ub2d8\uc774 %b\ub2d8\uc744 \ub0b4\ubcf4\ub0c8\uc2b5\ub2c8\ub2e4"),
	R("%a\ub2d8\uc774 %b\ub2d8\uc744 \uc0ad\uc81c\ud588\uc2b5\ub2c8\ub2e4"),
	N("%a\ub2d8\uc774 \uadf8\ub8f9 \uc774\ub984\uc744 \"%b\"(\uc73c)\ub85c \ubcc0\uacbd\ud588\uc2b5\ub2c8\ub2e4"),
	N("%a\ub2d8\uc774 \uadf8\ub8f9 \uc774\ub984\uc744 \"%b\"(\uc73c)\ub85c \ubc14\uafe8\uc2b5\ub2c8\ub2e4"),
	N("%a\ub2d8\uc774 \uadf8\ub8f9 \uc81c\ubaa9\uc744 \"%b\"(\uc73c)\ub85c \ubcc0\uacbd\ud588\uc2b5\ub2c8\ub2e4"),
	M("<\ubbf8\ub514\uc5b4 \uc0dd\ub7b5>", "other"), M("<\ubbf8\ub514\uc5b4 \ud30c\uc77c \uc0dd\ub7b5>", "other"),
	M("\uc0ad\uc81c\ub41c \uba54\uc2dc\uc9c0\uc785\ub2c8\ub2e4", "deleted"),
	M("\uba54\uc2dc\uc9c0\ub97c \uc0ad\uc81c\ud588\uc2b5\ub2c8\ub2e4", "deleted"),
	M("\uc774 \uba54\uc2dc\uc9c0\ub294 \uc0ad\uc81c\ub418\uc5c8\uc2b5\ub2c8\ub2e4", "deleted"),
	END
};

/* Simplified Chinese. */
static const struct wa_entry zh_hans[] = {
	S("\u6d88\u606f\u548c\u901a\u8bdd\u90fd\u8fdb\u884c\u7aef\u5230\u7aef\u52a0\u5bc6%x"),
	S("\u53d1\u9001\u5230\u6b64\u7fa4\u7ec4\u7684\u6d88\u606f\u548c\u901a\u8bdd\u73b0\u5df2\u53d7\u5230\u7aef\u5230\u7aef\u52a0\u5bc6\u7684\u4fdd\u62a4%x"),
	S("\u4f60\u4e0e%a\u7684\u5b89\u5168\u7801\u5df2\u66f4\u6539%x"),
	S("\u60a8\u4e0e%a\u7684\u5b89\u5168\u4ee3\u7801\u5df2\u66f4\u6539%x"),
	S("\u4f60\u73b0\u5728\u662f\u7ba1\u7406\u5458"), S("\u4f60\u5df2\u6210\u4e3a\u7ba1\u7406\u5458"),
	S("%a\u66f4\u6539\u4e86\u6b64\u7fa4\u7ec4\u7684\u5934\u50cf"),
	S("%a \u66f4\u6539\u4e86\u6b64\u7fa4\u7ec4\u7684\u5934\u50cf"),
	S("%a\u5220\u9664\u4e86\u6b64\u7fa4\u7ec4\u7684\u5934\u50cf"),
	S("%a\u66f4\u6539\u4e86\u7fa4\u7ec4\u63cf\u8ff0"), S("%a \u66f4\u6539\u4e86\u7fa4\u7ec4\u63cf\u8ff0"),
	S("%a\u5f00\u542f\u4e86\u9650\u65f6\u6d88\u606f%x"), S("%a\u5173\u95ed\u4e86\u9650\u65f6\u6d88\u606f%x"),
	S("%a\u66f4\u6362\u4e86\u7535\u8bdd\u53f7\u7801%x"),
	C("%a\u521b\u5efa\u4e86\u7fa4\u7ec4\"%b\""), C("%a \u521b\u5efa\u4e86\u7fa4\u7ec4 \"%b\""),
	C("%a\u521b\u5efa\u4e86\u6b64\u7fa4\u7ec4"),
	L("%a\u901a\u8fc7\u6b64\u7fa4\u7ec4\u7684\u9080\u8bf7\u94fe\u63a5\u52a0\u5165"),
	L("%a \u901a\u8fc7\u6b64\u7fa4\u7ec4\u7684\u9080\u8bf7\u94fe\u63a5\u52a0\u5165"),
	L("%a\u901a\u8fc7\u7fa4\u9080\u8bf7\u94fe\u63a5\u52a0\u5165"),
	A("%a \u5df2\u6dfb\u52a0 %b"), A("%a\u6dfb\u52a0\u4e86%b"), A("%a \u6dfb\u52a0\u4e86 %b"),
	Q("%a \u5df2\u9000\u51fa"), Q("%a\u5df2\u9000\u51fa"), Q("%a\u9000\u51fa\u4e86\u7fa4\u7ec4"),
	Q("%a \u5df2\u79bb\u5f00"),
	R("%a \u5df2\u79fb\u9664 %b"), R("%a\u79fb\u9664\u4e86%b"),
	N("%a\u5c06\u7fa4\u7ec4\u540d\u79f0\u66f4\u6539\u4e3a\"%b\""),
	N("%a \u5c06\u7fa4\u7ec4\u540d\u79f0\u66f4\u6539\u4e3a \"%b\""),
	N("%a\u5c06\u4e3b\u9898\u4ece\"%x\"\u66f4\u6539\u4e3a\"%b\""),
	M("<\u7701\u7565\u5a92\u4f53\u6587\u4ef6>", "other"), M("<\u5a92\u4f53\u6587\u4ef6\u5df2\u7701\u7565>", "other"),
	M("\u6b64\u6d88\u606f\u5df2\u5220\u9664", "deleted"), M("\u4f60\u5220\u9664\u4e86\u6b64\u6d88\u606f", "deleted"),
	M("\u8fd9\u6761\u6d88\u606f\u5df2\u88ab\u5220\u9664", "deleted"),
	END
};

/* Traditional Chinese. */
static const struct wa_entry zh_hant[] = {
	S("\u8a0a\u606f\u548c\u901a\u8a71\u5747\u53d7\u7aef\u5c0d\u7aef\u52a0\u5bc6\u4fdd\u8b77%x"),
	S("\u8a0a\u606f\u548c\u901a\u8a71\u90fd\u6709\u7aef\u5c0d\u7aef\u52a0\u5bc6\u4fdd\u8b77%x"),
	S("\u4f60\u8207%a\u7684\u5b89\u5168\u78bc\u5df2\u8b8a\u66f4%x"),
	S("\u4f60\u73fe\u5728\u662f\u7ba1\u7406\u54e1"),
	S("%a\u66f4\u6539\u4e86\u6b64\u7fa4\u7d44\u7684\u5716\u793a"),
	S("%a\u66f4\u6539\u4e86\u7fa4\u7d44\u8aaa\u660e"),
	S("%a\u958b\u555f\u4e86\u9650\u6642\u8a0a\u606f%x"), S("%a\u95dc\u9589\u4e86\u9650\u6642\u8a0a\u606f%x"),
	S("%a\u5df2\u66f4\u63db\u96fb\u8a71\u865f\u78bc%x"),
	C("%a\u5efa\u7acb\u4e86\u7fa4\u7d44\"%b\""), C("%a \u5efa\u7acb\u4e86\u7fa4\u7d44 \"%b\""),
	C("%a\u5efa\u7acb\u4e86\u6b64\u7fa4\u7d44"),
	L("%a\u900f\u904e\u6b64\u7fa4\u7d44\u7684\u9080\u8acb\u9023\u7d50\u52a0\u5165"),
	L("%a \u5df2\u900f\u904e\u6b64\u7fa4\u7d44\u7684\u9080\u8acb\u9023\u7d50\u52a0\u5165"),
	A("%a \u5df2\u65b0\u589e %b"), A("%a\u65b0\u589e\u4e86%b"), A("%a \u65b0\u589e\u4e86 %b"),
	Q("%a \u5df2\u96e2\u958b"), Q("%a\u5df2\u96e2\u958b"), Q("%a\u96e2\u958b\u4e86\u7fa4\u7d44"),
	N("%a\u5c07\u7fa4\u7d44\u540d\u7a31\u66f4\u6539\u70ba\"%b\""),
	N("%a \u5c07\u7fa4\u7d44\u540d\u7a31\u66f4\u6539\u70ba \"%b\""),
	N("%a\u5df2\u5c07\u4e3b\u65e8\u5f9e\"%x\"\u66f4\u6539\u70ba\"%b\""),
	M("<\u5df2\u7565\u904e\u5a92\u9ad4\u6a94\u6848>", "other"), M("<\u7701\u7565\u5a92\u9ad4>", "other"),
	M("\u6b64\u8a0a\u606f\u5df2\u522a\u9664", "deleted"), M("\u4f60\u5df2\u522a\u9664\u6b64\u8a0a\u606f", "deleted"),
	M("\u4f60\u5df2\u522a\u9664\u9019\u5247\u8a0a\u606f", "deleted"),
	END
};

/* Hebrew, seen in a real export (weeshlow input1). */
static const struct wa_entry he[] = {
	C("%a \u05d9\u05e6\u05e8/\u05d4 \u05d0\u05ea \u05d4\u05e7\u05d1\u05d5\u05e6\u05d4 \"%b\""),
	A("%a \u05d4\u05d5\u05e1\u05d9\u05e3/\u05d4 \u05d0\u05d5\u05ea\u05da"),
	A("%a \u05d4\u05d5\u05e1\u05d9\u05e3/\u05d4 \u05d0\u05ea %b"),
	Q("%a \u05d9\u05e6\u05d0/\u05d4"),
	R("%a \u05d4\u05e1\u05d9\u05e8/\u05d4 \u05d0\u05ea %b"),
	END
};

static const struct wa_entry *const langs[] = {
	en, zh_hans, zh_hant, es, pt, fr, de, it, nl, tr, ru, id, ar, hi, ja,
	ko, he, NULL
};

const char *const wa_you[] = {
	"You", "you", "u", "U", "\u4f60", "\u60a8", "Du", "dich", "Sie", "te",
	"ti", "T\u00fa", "Voc\u00ea", "voc\u00ea", "Vous", "vous", "Jij", "jij",
	"Siz", "siz", "sizi", "\u0412\u044b", "\u0432\u044b", "\u0432\u0430\u0441",
	"Anda", "\u0623\u0646\u062a", "\u0622\u067e", "\u0906\u092a",
	"\u0906\u092a\u0928\u0947", "\u0906\u092a\u0915\u094b",
	"\u3042\u306a\u305f", "\ud68c\uc6d0", NULL
};

const char *const wa_list_seps[] = {
	", ", " and ", " en ", " und ", " y ", " e ", " et ", " ve ",
	" \u0438 ", " dan ", " \u0914\u0930 ", "\u3001", "\u548c",
	NULL
};

/* --- the index ------------------------------------------------------ */

#define NBUCKET	1024
#define MAXENT	1024

static const struct wa_entry *ent[MAXENT];
static short	 nent = -1;
static short	 head[NBUCKET], tail[NBUCKET], nohead[NBUCKET], infix;
static short	 next_head[MAXENT], next_tail[MAXENT], next_nohead[MAXENT];
static short	 next_infix[MAXENT];
static unsigned char named[MAXENT];
static unsigned char word[MAXENT];	/* bytes of an entry's first word */

static unsigned
key(const char *s)
{
	return ((unsigned char)s[0] * 257u + (unsigned char)s[1]) % NBUCKET;
}

int
wa_has(const struct wa_entry *e, char piece)
{
	const char *p;

	for (p = e->p; (p = strchr(p, '%')) != NULL; p += 2)
		if (p[1] == piece)
			return 1;
	return 0;
}

/*
 * Chain every entry, in reverse so that each chain runs in catalogue
 * order: under its leading literal, else its trailing one, else in the
 * list tried for every body that may name someone.
 */
static void
build(void)
{
	const struct wa_entry *const *l;
	const struct wa_entry *e;
	const char *p;
	size_t n, k;
	int i;

	nent = 0;
	for (l = langs; *l != NULL; l++)
		for (e = *l; e->p != NULL && nent < MAXENT; e++)
			ent[nent++] = e;
	for (i = 0; i < NBUCKET; i++)
		head[i] = tail[i] = nohead[i] = -1;
	infix = -1;
	for (i = nent - 1; i >= 0; i--) {
		p = ent[i]->p;
		n = strlen(p);
		named[i] = wa_has(ent[i], 'a') || wa_has(ent[i], 'b');
		k = strcspn(p, " %\"'");
		word[i] = k > 255 ? 255 : (unsigned char)k;
		if (p[0] != '%' && p[1] != '%' && p[1] != '\0') {
			next_head[i] = head[key(p)];
			head[key(p)] = (short)i;
			if (!named[i]) {
				next_nohead[i] = nohead[key(p)];
				nohead[key(p)] = (short)i;
			}
		} else if (n >= 2 && p[n - 1] != '%' && p[n - 2] != '%' &&
		    (n < 3 || p[n - 3] != '%')) {
			next_tail[i] = tail[key(p + n - 2)];
			tail[key(p + n - 2)] = (short)i;
		} else {
			next_infix[i] = infix;
			infix = (short)i;
		}
	}
}

/* Length of an invisible mark at p (LRM, RLM, ALM, embeddings, isolates, BOM). */
static size_t
mark(const unsigned char *u)
{
	if (u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0x8e || u[2] == 0x8f ||
	    (u[2] >= 0xaa && u[2] <= 0xae)))
		return 3;
	if (u[0] == 0xe2 && u[1] == 0x81 && u[2] >= 0xa6 && u[2] <= 0xa9)
		return 3;
	if (u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
		return 3;
	if (u[0] == 0xd8 && u[1] == 0x9c)
		return 2;
	return 0;
}

/*
 * Text as the catalogue writes it: marks dropped, quotes straight, odd
 * spaces plain, trimmed.  Returns its length, or -1 when it does not fit.
 */
static int
normalize(const char *s, char *out, size_t cap)
{
	static const struct { const char *from; char to; } map[] = {
		{ "\u201c", '"' }, { "\u201d", '"' }, { "\u201e", '"' },
		{ "\u00ab", '"' }, { "\u00bb", '"' }, { "\u300c", '"' },
		{ "\u300d", '"' }, { "\u300e", '"' }, { "\u300f", '"' },
		{ "\u2018", '\'' }, { "\u2019", '\'' }, { "\u00a0", ' ' },
		{ "\u202f", ' ' }
	};
	const unsigned char *u = (const unsigned char *)s;
	size_t n = 0, i, k;

	while (*u != '\0') {
		if (n + 2 >= cap)
			return -1;
		if (*u < 0x80 || (*u != 0xc2 && *u != 0xd8 && *u != 0xe2 &&
		    *u != 0xe3 && *u != 0xef)) {
			if (*u >= 0x80) {
				out[n++] = (char)*u++;
				continue;
			}
			if (*u != ' ' || n > 0)
				out[n++] = (char)*u;
			u++;
			continue;
		}
		if ((k = mark(u)) > 0) {
			u += k;
			continue;
		}
		for (i = 0; i < sizeof map / sizeof *map; i++) {
			k = strlen(map[i].from);
			if (memcmp(u, map[i].from, k) == 0)
				break;
		}
		if (i < sizeof map / sizeof *map) {
			if (map[i].to != ' ' || n > 0)
				out[n++] = map[i].to;
			u += k;
		} else
			out[n++] = (char)*u++;
	}
	while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t'))
		n--;
	out[n] = '\0';
	return (int)n;
}

/* The first entry of the merged chains, in catalogue order, that t matches. */
static const struct wa_entry *
first(const char *t, int names, char *a, char *b, size_t cap)
{
	size_t n = strlen(t);
	short h, l, f, i;

	if (n < 2)
		return NULL;
	h = names ? head[key(t)] : nohead[key(t)];
	l = names ? tail[key(t + n - 2)] : -1;
	f = names ? infix : -1;
	for (;;) {
		i = h;
		if (i == -1 || (l != -1 && l < i))
			i = l;
		if (i == -1 || (f != -1 && f < i))
			i = f;
		if (i == -1)
			return NULL;
		if (ing_match(ent[i]->p, t, a, b, cap))
			return ent[i];
		if (i == h)
			h = names ? next_head[h] : next_nohead[h];
		else if (i == l)
			l = next_tail[l];
		else
			f = next_infix[f];
	}
}

/*
 * Whether a name-free entry may start text: its first word (up to a space,
 * quote or piece) begins text as written.
 */
static int
may_start(const char *text)
{
	short i;

	if (text[0] == '\0')
		return 0;
	for (i = nohead[key(text)]; i != -1; i = next_nohead[i])
		if (ent[i]->p[0] == text[0] && strncmp(ent[i]->p, text, word[i]) == 0)
			return 1;
	return 0;
}

const struct wa_entry *
wa_match(const char *text, int names, char *a, char *b, size_t cap)
{
	const struct wa_entry *e;
	const char *s = text;
	char t[4096];
	size_t k;
	int n;

	if (nent == -1)
		build();
	*a = *b = '\0';
	while ((k = mark((const unsigned char *)s)) > 0)
		s += k;
	/* An ordinary message: one probe of (nearly always) an empty bucket. */
	if (!names && !may_start(s))
		return NULL;
	if ((n = normalize(s, t, sizeof t)) < 2)
		return NULL;
	if ((e = first(t, names, a, b, cap)) != NULL)
		return e;
	/* "This message was deleted.", "X left.": the same with a full stop. */
	if (t[n - 1] == '.') {
		t[n - 1] = '\0';
		return first(t, names, a, b, cap);
	}
	return NULL;
}
