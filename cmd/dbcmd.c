/* What the commands that open the consent database share: opening the
 * store, exit statuses. See dbcmd.h. */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dbcmd.h"

int cmd_status_for(int code)
{
	switch (code) {
	case PC_OK:
		return 0;
	case PC_ENOTFOUND:
	case PC_EFORMAT:
	case PC_ETOOBIG:
	case PC_EEXISTS:
	case PC_EDATABASE:
		return EXIT_DATAERR;
	case PC_EOPEN:
		return EXIT_NOINPUT;
	case PC_EREADONLY:
		return EXIT_IOERR;
	case PC_EBUSY:
		return EXIT_TEMPFAIL;
	case PC_ENOMEM:
	case PC_EINVALID:
	case PC_EVERSION:
		/* Out of memory, or a call the command got wrong: as the man
		 * page says, an internal software error. */
		return EXIT_SOFTWARE;
	default:
		/* In the store, anything else is SQLite failing to read or write
		 * the file (disk full, I/O error). */
		return EXIT_IOERR;
	}
}

int cmd_store_fail(const struct pc_error *err, int code)
{
	const char *why = err ? err->message : "";
	if (*why)
		cmd_error("%s", why);
	else
		cmd_error("%s", pc_strerror(code));
	return cmd_status_for(code);
}

int cmd_store_open(pc_store **out, const struct cmd_context *ctx, enum pc_store_mode mode)
{
	const char *path = ctx->db_path;
	struct pc_error e = PC_ERROR_INIT;
	int status;

	*out = NULL;
	int err = pc_store_open(out, path, mode, &e);
	if (!err)
		return 0;
	if (err == PC_ENOMEM) {
		cmd_error("out of memory opening '%s'", path);
		return EXIT_SOFTWARE;
	}
	/* The store's messages name the file and say what to do ("no
	 * database at 'x.db'; create one with 'photoconsent db init'"). */
	if (mode == PC_STORE_CREATE && err == PC_EEXISTS) {
		cmd_error("%s; it was left as it is", e.message);
		status = EXIT_CANTCREAT;
	} else {
		status = cmd_store_fail(&e, err);
		if (mode == PC_STORE_CREATE && (err == PC_EOPEN || err == PC_EREADONLY))
			status = EXIT_CANTCREAT;
	}
	return status;
}

int cmd_store_open_log(pc_store **out, const struct cmd_context *ctx, int *logging,
                       const char *what)
{
	*out = NULL;
	if (!*logging)
		return cmd_store_open(out, ctx, PC_STORE_READ);
	struct pc_error e = PC_ERROR_INIT;
	int err = pc_store_open(out, ctx->db_path, PC_STORE_WRITE, &e);
	if (!err)
		return 0;
	if (err == PC_ENOMEM) {
		cmd_error("out of memory opening '%s'", ctx->db_path);
		return EXIT_SOFTWARE;
	}
	if (err != PC_EREADONLY)
		return cmd_store_fail(&e, err);
	cmd_error("warning: %s; %s are not written to the audit log", e.message, what);
	*logging = 0;
	return cmd_store_open(out, ctx, PC_STORE_READ);
}

const char *cmd_user(void)
{
	static const char *const vars[] = { "PHOTOCONSENT_USER", "USER", "LOGNAME" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return v;
	}
	/* The command has one thread: getpwuid's static result is safe. */
	/* cppcheck-suppress getpwuidCalled */
	const struct passwd *pw = getpwuid(geteuid());
	if (pw && pw->pw_name && *pw->pw_name)
		return pw->pw_name;
	return "unknown";
}

size_t cmd_width(const char *s)
{
	/* As shown: a control counts as the '?' it is shown as. */
	char *shown = pc_printable(s);
	size_t w = pc_utf8_width(shown ? shown : s);
	pc_free(shown);
	return w;
}

void cmd_pad(const char *s, size_t width)
{
	size_t w = cmd_width(s);
	cmd_put_shown(stdout, s);
	for (; w < width; w++)
		fputc(' ', stdout);
}

void cmd_consent_detail(char *buf, size_t size, const struct pc_consent_status *st)
{
	switch (st->state) {
	case PC_CONSENT_GRANTED:
		if (st->expires_on[0])
			snprintf(buf, size, "since %s, until %s", st->since, st->expires_on);
		else
			snprintf(buf, size, "since %s", st->since);
		break;
	case PC_CONSENT_REFUSED:
	case PC_CONSENT_WITHDRAWN:
		snprintf(buf, size, "since %s", st->since);
		break;
	case PC_CONSENT_EXPIRED:
		snprintf(buf, size, "its last day was %s", st->expires_on);
		break;
	case PC_CONSENT_LEFT:
		snprintf(buf, size, "the pupil has left");
		break;
	case PC_CONSENT_NONE:
	default:
		snprintf(buf, size, "never given, or not yet in force");
		break;
	}
}
