/* Part 6, the machine: cores, processor, memory, kernel, load, and the
 * versions of the tools measured. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include "scan_vs_exiftool.h"

/* The value of the first "key: value" line of /proc/cpuinfo or meminfo. */
static void proc_field(char *out, size_t size, const char *file, const char *key)
{
	snprintf(out, size, "?");
	FILE *f = fopen(file, "r");
	if (!f)
		return;
	char *line = NULL;
	size_t cap = 0, klen = strlen(key);
	while (getline(&line, &cap, f) >= 0) {
		if (strncmp(line, key, klen) || (line[klen] != ':' && line[klen] != ' ' &&
		                                 line[klen] != '\t'))
			continue;
		const char *v = strchr(line, ':');
		if (v) {
			v += 1 + strspn(v + 1, " \t");
			snprintf(out, size, "%.*s", (int)strcspn(v, "\n"), v);
		}
		break;
	}
	free(line);
	fclose(f);
}

/* The 1, 5 and 15-minute load averages: the machine may be shared, and
 * the figures are only as quiet as it was. */
void load_average(char *out, size_t size)
{
	snprintf(out, size, "?");
	FILE *f = fopen("/proc/loadavg", "r");
	if (!f)
		return;
	double one, five, fifteen;
	/* NOLINTNEXTLINE(cert-err34-c): three numbers the kernel writes */
	if (fscanf(f, "%lf %lf %lf", &one, &five, &fifteen) == 3)
		snprintf(out, size, "%.2f %.2f %.2f", one, five, fifteen);
	fclose(f);
}

#ifdef LIBJPEG_TURBO_VERSION
#define STRINGIFY(x) #x
#define VERSION_OF(x) STRINGIFY(x)
#define TURBO_VERSION VERSION_OF(LIBJPEG_TURBO_VERSION)
#else
#define TURBO_VERSION "-"
#endif

/* Part 6: the machine and the tools, so that the figures can be compared. */
void print_machine(struct bench *b)
{
	char cpu[256], mem[64], kernel[512] = "?", version[256], exif[64] = "not installed";
	char load[64];
	struct utsname u;
	const char *nproc_argv[] = { "nproc", NULL };
	const char *version_argv[] = { b->bin, "--version", NULL };
	const char *exif_argv[] = { "exiftool", "-ver", NULL };

	first_line(b->cores, sizeof(b->cores), nproc_argv);
	proc_field(cpu, sizeof(cpu), "/proc/cpuinfo", "model name");
	proc_field(mem, sizeof(mem), "/proc/meminfo", "MemTotal");
	/* MemTotal is in kB. */
	unsigned long long kb = strtoull(mem, NULL, 10);
	if (kb)
		snprintf(mem, sizeof(mem), "%.1f GB", (double)kb / (1024.0 * 1024.0));
	if (uname(&u) == 0)
		snprintf(kernel, sizeof(kernel), "%s %s %s", u.sysname, u.release, u.machine);
	first_line(version, sizeof(version), version_argv);
	if (b->have_exiftool)
		first_line(exif, sizeof(exif), exif_argv);
	load_average(load, sizeof(load));
	printf("machine: %s cores (nproc), %s, %s memory, %s; load average %s\n", b->cores, cpu,
	       mem, kernel, load);
	printf("tools: %s (%s), exiftool %s, libjpeg-turbo %s (libjpeg API %d)\n", version, b->bin,
	       exif, TURBO_VERSION, JPEG_LIB_VERSION);
}
