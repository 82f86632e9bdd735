/* Where photo i lives in the library: its event folder and its path.
 * Both the photos' maker and the library's linker name files so. */

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "scan_vs_exiftool.h"

/* The folder and the path of photo `i` under `root`: event folders of
 * PER_FOLDER photos, as a school's library is filed. */
int folder_of(char *out, size_t size, const char *root, unsigned i)
{
	return bench_format(out, size, "%s/event-%04u", root, i / PER_FOLDER);
}

int photo_of(char *out, size_t size, const char *root, unsigned i)
{
	return bench_format(out, size, "%s/event-%04u/IMG_%07u.jpg", root, i / PER_FOLDER, i);
}

int make_folder(const char *path)
{
	if (mkdir(path, 0755) && errno != EEXIST)
		return bench_fail("mkdir %s: %s", path, strerror(errno));
	return 0;
}
