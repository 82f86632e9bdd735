/*
 * A libFuzzer target: any bytes, read as a photo, must give a photo object
 * and both reports without a crash, a leak or undefined behaviour.
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"
#include "photoconsent/photoconsent.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pc_photo *photo = NULL;
	if (pc_photo_read_memory(&photo, "fuzz.jpg", data, size, NULL) < 0)
		return 0;
	char *json = NULL, *text = NULL;
	pc_report_inspect_json(&json, photo);
	pc_report_inspect_text(&text, photo);
	pc_free(json);
	pc_free(text);
	pc_photo_free(photo);
	return 0;
}
