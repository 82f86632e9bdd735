#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "test_store.h"

struct store_fx sfx;
struct pc_error test_err;

const char *scratch_root(void)
{
	/* A container's /dev/shm may be 64 MB; the big imports need more. */
	struct statvfs vfs;
	if (access("/dev/shm", W_OK | X_OK) == 0 && statvfs("/dev/shm", &vfs) == 0 &&
	    (unsigned long long)vfs.f_bavail * vfs.f_frsize >= 1024ull * 1024 * 1024)
		return "/dev/shm";
	return "/tmp";
}

void store_fx_setup(void)
{
	memset(&sfx, 0, sizeof(sfx));
	snprintf(sfx.dir, sizeof(sfx.dir), "%s/pc-store-XXXXXX", scratch_root());
	cr_assert_not_null(mkdtemp(sfx.dir), "cannot make a temporary folder");
	snprintf(sfx.path, sizeof(sfx.path), "%s/consent.db", sfx.dir);
}

void store_fx_setup_created(void)
{
	store_fx_setup();
	int ret = pc_store_open(&sfx.store, sfx.path, PC_STORE_CREATE, &test_err);
	cr_assert_eq(ret, 0, "creating the database: %d %s", ret, test_err.message);
}

void store_fx_teardown(void)
{
	pc_store_free(sfx.store);
	sfx.store = NULL;
	DIR *d = opendir(sfx.dir);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d))) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			char p[400];
			snprintf(p, sizeof(p), "%s/%s", sfx.dir, e->d_name);
			unlink(p);
		}
		closedir(d);
	}
	rmdir(sfx.dir);
}

void store_fx_file(char *out, const char *name)
{
	snprintf(out, 160, "%s/%s", sfx.dir, name);
}

unsigned char *store_fx_slurp(const char *path, size_t *len)
{
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t alloc = 4096, n = 0;
	unsigned char *data = malloc(alloc);
	cr_assert_not_null(data);
	size_t got;
	while ((got = fread(data + n, 1, alloc - n, f)) > 0) {
		n += got;
		if (n == alloc) {
			alloc *= 2;
			unsigned char *grown = realloc(data, alloc);
			cr_assert_not_null(grown);
			data = grown;
		}
	}
	fclose(f);
	*len = n;
	return data;
}

void store_fx_expect_same(const char *path, const unsigned char *want, size_t len)
{
	size_t got_len = 0;
	unsigned char *got = store_fx_slurp(path, &got_len);
	cr_assert_not_null(got, "'%s' is gone", path);
	cr_expect_eq(got_len, len, "'%s' is %zu bytes, was %zu", path, got_len, len);
	cr_expect(got_len == len && !memcmp(got, want, len), "'%s' changed", path);
	free(got);
}

void store_fx_pupil(const char *id, const char *forename, const char *surname,
                    const char *preferred, const char *class_name)
{
	struct pc_pupil p = { 0 };
	p.id = id;
	p.forename = forename;
	p.surname = surname;
	p.preferred_name = preferred;
	p.class_name = class_name;
	int ret = pc_store_pupil_add(sfx.store, &p, "test", &test_err);
	cr_assert_eq(ret, 0, "adding pupil %s: %d %s", id, ret, test_err.message);
}

void store_fx_consent(const char *pupil, const char *purpose, enum pc_decision d,
                      const char *signed_on, const char *expires_on, const char *withdrawn_on)
{
	struct pc_consent_record r = { 0 };
	r.pupil_id = pupil;
	r.purpose_id = purpose;
	r.decision = d;
	r.signed_on = signed_on;
	r.expires_on = expires_on;
	r.withdrawn_on = withdrawn_on;
	r.recorded_by = "test";
	int ret = pc_store_consent_add(sfx.store, &r, &test_err);
	cr_assert_eq(ret, 0, "recording consent: %d %s", ret, test_err.message);
}

enum pc_consent_state store_fx_state(const char *pupil, const char *purpose, const char *date)
{
	struct pc_consent_status st;
	int ret = pc_store_consent_in_force(&st, sfx.store, pupil, purpose, date, &test_err);
	cr_assert_eq(ret, 0, "consent in force: %d %s", ret, test_err.message);
	return st.state;
}
