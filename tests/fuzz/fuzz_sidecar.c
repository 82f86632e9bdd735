/*
 * A fuzz target for XMP sidecars: any bytes, as the sidecar beside a
 * photo (as "IMG.jpg.xmp", "IMG.xmp" or both, as the length picks),
 * give a photo read whole or with errors, whose reports keep their
 * promises (JSON strict and one line, text printable).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_common.h"
#include "photoconsent/photoconsent.h"

/* A photo with nothing in it but its start and end: what it shows comes
 * from the sidecar. */
static const unsigned char PHOTO[] = { 0xFF, 0xD8, 0xFF, 0xD9 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char photo[4096], long_name[4096], short_name[4096];
	if (!photo[0]) {
		fuzz_path(photo, sizeof(photo), "IMG_0042.jpg");
		fuzz_path(long_name, sizeof(long_name), "IMG_0042.jpg.xmp");
		fuzz_path(short_name, sizeof(short_name), "IMG_0042.xmp");
		fuzz_write(photo, PHOTO, sizeof(PHOTO));
	}
	unsigned pick = size % 3;
	unlink(long_name);
	unlink(short_name);
	if (pick != 1)
		fuzz_write(long_name, data, size);
	if (pick != 0)
		fuzz_write(short_name, data, size);

	pc_photo *p = NULL;
	if (pc_photo_read(&p, photo, NULL) != 0 || !p)
		fuzz_broken("a photo with a sidecar could not be read", NULL, 0);
	for (size_t i = 0; i < pc_photo_error_count(p); i++)
		fuzz_check_text(pc_photo_error(p, i), "a reading error is not printable");
	for (size_t i = 0; i < pc_photo_person_count(p); i++)
		if (!pc_photo_person(p, i))
			fuzz_broken("a person counted is missing", NULL, 0);
	char *out;
	if (pc_report_inspect_json(&out, p) != 0)
		fuzz_broken("inspect --json failed", NULL, 0);
	fuzz_check_json_line(out, "inspect --json is not one line of strict JSON");
	pc_free(out);
	if (pc_report_inspect_text(&out, p) != 0)
		fuzz_broken("inspect's text failed", NULL, 0);
	fuzz_check_text(out, "inspect's text holds a character that is not printable");
	pc_free(out);
	pc_photo_free(p);
	return 0;
}
