/* The formats qp-ingest knows, in the order they are tried. */
#include <stddef.h>

#include "ingest.h"

const struct ing_format ing_formats[] = {
	{ "whatsapp", ing_whatsapp_sniff, ing_whatsapp_parse },
	{ "qq", ing_qq_sniff, ing_qq_parse },
	{ "wechat", ing_wechat_sniff, ing_wechat_parse },
	{ "wechat-txt", ing_wechat_txt_sniff, ing_wechat_txt_parse },
	{ "telegram", ing_telegram_sniff, ing_telegram_parse },
	{ "telegram-html", ing_telegram_html_sniff, ing_telegram_html_parse },
	{ "discord", ing_discord_sniff, ing_discord_parse },
	{ "messenger", ing_meta_sniff, ing_meta_parse },
	{ "signal", ing_signal_sniff, ing_signal_parse },
	{ "csv", ing_csv_sniff, ing_csv_parse },
	{ NULL, NULL, NULL }
};
