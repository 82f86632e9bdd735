/*
 * replay: runs a fuzz target, built without libFuzzer, on each file named
 * (a folder: each file in it), so that `make test` replays every input a
 * fuzzer once broke the code with. A broken property aborts, as under
 * libFuzzer; otherwise it says how many inputs it replayed.
 */
/* nftw and the like are XSI, beyond the build's _POSIX_C_SOURCE. */
#define _XOPEN_SOURCE 700 /* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz_common.h"

/* Targets that need no set-up leave it out: this one stands in. */
__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static int replay_file(const char *path)
{
	size_t len;
	char *data = fuzz_read(path, &len);
	if (!data) {
		perror(path);
		return 1;
	}
	/* An exact copy, so that the sanitizers see a read past its end. */
	uint8_t *copy = malloc(len ? len : 1);
	if (!copy)
		abort();
	memcpy(copy, data, len);
	free(data);
	LLVMFuzzerTestOneInput(copy, len);
	free(copy);
	return 0;
}


int main(int argc, char **argv)
{
	LLVMFuzzerInitialize(&argc, &argv);
	size_t done = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0) {
			perror(argv[i]);
			return 1;
		}
		if (!S_ISDIR(st.st_mode)) {
			if (replay_file(argv[i]))
				return 1;
			done++;
			continue;
		}
		struct dirent **names;
		int n = scandir(argv[i], &names, NULL, alphasort);
		if (n < 0) {
			perror(argv[i]);
			return 1;
		}
		for (int k = 0; k < n; k++) {
			char path[4096];
			const char *name = names[k]->d_name;
			int ok = name[0] != '.' &&
			         (size_t)snprintf(path, sizeof(path), "%s/%s", argv[i], name) < sizeof(path) &&
			         stat(path, &st) == 0 && S_ISREG(st.st_mode);
			if (ok) {
				if (replay_file(path))
					return 1;
				done++;
			}
			free(names[k]);
		}
		free(names);
	}
	printf("%s: %zu inputs replayed, no property broken\n", argv[0], done);
	return 0;
}
