/* The formats qp-ingest knows, in the order they are tried. */
#include <stddef.h>

#include "ingest.h"

const struct ing_format ing_formats[] = {
	{ "whatsapp", ing_whatsapp_sniff, ing_whatsapp_parse },
	{ NULL, NULL, NULL }
};
