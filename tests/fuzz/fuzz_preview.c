/*
 * A fuzz target for the contact sheet's preview decoder: any bytes, as a
 * JPEG file, give either a preview (a data URI of base64, no larger than
 * asked, upright) or an error code with a printable message, never both,
 * and nothing else. The last byte also picks the EXIF orientation to
 * apply, so that a photo is a seed as it is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "photoconsent/photoconsent.h"
#include "report/thumb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[4096];
	if (!path[0])
		fuzz_path(path, sizeof(path), "photo.jpg");
	int orientation = size ? data[size - 1] % 10 : 1;
	fuzz_write(path, data, size);

	char *uri = NULL, *error = NULL;
	struct pc__thumb_size shown = { 7, 7 };
	int ret = pc__thumb_data_uri(&uri, &shown, &error, path, orientation, PC__THUMB_SIDE);
	if (ret == 0) {
		static const char prefix[] = "data:image/jpeg;base64,";
		if (!uri)
			fuzz_broken("a preview made is no data URI", NULL, 0);
		if (error || strncmp(uri, prefix, sizeof(prefix) - 1) != 0)
			fuzz_broken("a preview made is not a JPEG data URI", uri, strlen(uri));
		size_t b64 = strlen(uri) - (sizeof(prefix) - 1);
		if (b64 == 0 || b64 % 4 ||
		    strspn(uri + sizeof(prefix) - 1,
		           "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") != b64)
			fuzz_broken("a preview's base64 is broken", uri, strlen(uri));
		if (!shown.width || !shown.height || shown.width > PC__THUMB_SIDE ||
		    shown.height > PC__THUMB_SIDE)
			fuzz_broken("a preview is larger than asked, or empty", NULL, 0);
	} else {
		if (uri || shown.width || shown.height)
			fuzz_broken("a failed preview handed back a preview", NULL, 0);
		if (ret != PC_EOPEN && ret != PC_EFORMAT && ret != PC_ETOOBIG && ret != PC_ENOMEM)
			fuzz_broken("a preview failed with a code it does not promise", NULL, 0);
		if (ret != PC_ENOMEM && !error)
			fuzz_broken("a failed preview says nothing", NULL, 0);
		if (error)
			fuzz_check_text(error, "a preview's error is not printable");
	}
	free(uri);
	free(error);
	return 0;
}
