/*
 * The formats qp-ingest knows, in the order they are tried: on a folder
 * for their bundles, on a file by its first bytes.
 */
#include <stddef.h>

#include "ingest.h"

const struct ing_format ing_formats[] = {
	{ "whatsapp", ing_whatsapp_sniff, ing_whatsapp_parse,
	    &ing_whatsapp_bundle },
	{ "qq", ing_qq_sniff, ing_qq_parse, NULL },
	{ "wechat", ing_wechat_sniff, ing_wechat_parse, NULL },
	{ "wechat-txt", ing_wechat_txt_sniff, ing_wechat_txt_parse, NULL },
	{ "telegram", ing_telegram_sniff, ing_telegram_parse,
	    &ing_telegram_bundle },
	{ "telegram-html", ing_telegram_html_sniff, ing_telegram_html_parse,
	    &ing_telegram_html_bundle },
	{ "discord", ing_discord_sniff, ing_discord_parse, NULL },
	{ "messenger", ing_meta_sniff, ing_meta_parse, &ing_meta_bundle },
	{ "signal", ing_signal_sniff, ing_signal_parse, NULL },
	{ "csv", ing_csv_sniff, ing_csv_parse, NULL },
	{ "slack", NULL, NULL, &ing_slack_bundle },
	{ NULL, NULL, NULL, NULL }
};
