/* The one message channel: the caller's struct pc_error. */
#include "base/error.h"
#include "base/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int pc__error_set(struct pc_error *err, int code, const char *fmt, ...)
{
	if (!err)
		return code;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	if (n < 0)
		err->message[0] = '\0';
	else if ((size_t)n >= sizeof(err->message))
		pc__utf8_trim_cut(err->message);
	err->code = code;
	return code;
}

int pc__error_copy(struct pc_error *err, int code, const char *message)
{
	return pc__error_set(err, code, "%s", message && *message ? message : pc_strerror(code));
}

int pc__options_check(struct pc_error *err, unsigned version, unsigned expected,
                      const char *name)
{
	if (version == expected)
		return 0;
	return pc__error_set(err, PC_EVERSION,
	                     "%s has version %#x, not %#x: make it with its _INIT macro, "
	                     "and build the program against this library's headers",
	                     name, version, expected);
}

const char *pc_strerror(int code)
{
	switch (code) {
	case PC_OK: return "no error";
	case PC_ERROR: return "an input/output error";
	case PC_ENOTFOUND: return "not found";
	case PC_EFORMAT: return "not in the expected format";
	case PC_ETOOBIG: return "larger than the limit";
	case PC_EOPEN: return "cannot be opened or read";
	case PC_EDATABASE: return "not a photoconsent database, damaged, or too new";
	case PC_EEXISTS: return "already exists";
	case PC_EBUSY: return "the database is locked by another writer";
	case PC_EREADONLY: return "the database cannot be written";
	case PC_EINVALID: return "the library was called with an argument it cannot take";
	case PC_EVERSION: return "options made for another version of the library";
	case PC_ENOMEM: return "out of memory";
	default: return "an unknown error";
	}
}
