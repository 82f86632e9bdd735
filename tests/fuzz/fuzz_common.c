/*
 * fuzz_common.c: the scratch folder and the report properties the fuzz
 * targets check (fuzz_common.h).
 */
/* nftw and the like are XSI, beyond the build's _POSIX_C_SOURCE. */
#define _XOPEN_SOURCE 700 /* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
#include "fuzz_common.h"

#include <csv.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/text.h"

_Noreturn void fuzz_broken(const char *what, const char *text, size_t len)
{
	fprintf(stderr, "fuzz: broken: %s\n", what);
	if (text) {
		fprintf(stderr, "---- %zu bytes:\n", len);
		fwrite(text, 1, len > 4096 ? 4096 : len, stderr);
		fprintf(stderr, "\n----\n");
	}
	abort();
}

/* ------------------------------------------------------------ files */

static char scratch[4096];

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	(void)remove(path);
	return 0;
}

static void remove_scratch(void)
{
	if (scratch[0])
		nftw(scratch, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

const char *fuzz_dir(void)
{
	if (!scratch[0]) {
		const char *tmp = getenv("TMPDIR");
		if (!tmp || !*tmp)
			tmp = "/tmp";
		if ((size_t)snprintf(scratch, sizeof(scratch), "%s/pc-fuzz-XXXXXX", tmp) >=
		        sizeof(scratch) ||
		    !mkdtemp(scratch)) {
			perror("fuzz: cannot make a scratch folder");
			abort();
		}
		atexit(remove_scratch);
	}
	return scratch;
}

void fuzz_path(char *out, size_t size, const char *name)
{
	if ((size_t)snprintf(out, size, "%s/%s", fuzz_dir(), name) >= size)
		fuzz_broken("a scratch path is too long", name, strlen(name));
}

void fuzz_write(const char *path, const void *data, size_t len)
{
	FILE *fp = fopen(path, "wb");
	if (!fp || (len && fwrite(data, 1, len, fp) != len) || fclose(fp) != 0) {
		perror(path);
		abort();
	}
}

char *fuzz_read(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	size_t alloc = 65536, n = 0;
	char *s = malloc(alloc + 1);
	if (!s)
		abort();
	size_t got;
	while ((got = fread(s + n, 1, alloc - n, fp)) > 0) {
		n += got;
		if (n == alloc) {
			alloc *= 2;
			char *t = realloc(s, alloc + 1);
			if (!t)
				abort();
			s = t;
		}
	}
	fclose(fp);
	s[n] = '\0';
	*len = n;
	return s;
}

/* ------------------------------------------------------------ UTF-8 */

/* The code point at s (valid UTF-8 of at most len bytes) into *cp and
 * its length, or 0 when it is not valid UTF-8. */
static size_t next_cp(const char *s, size_t len, unsigned long *cp)
{
	size_t n = pc__utf8_sequence(s, len);
	if (!n)
		return 0;
	const unsigned char *p = (const unsigned char *)s;
	unsigned long v = n == 1 ? p[0] : n == 2 ? p[0] & 0x1Fu : n == 3 ? p[0] & 0x0Fu : p[0] & 0x07u;
	for (size_t i = 1; i < n; i++)
		v = (v << 6) | (p[i] & 0x3Fu);
	*cp = v;
	return n;
}

/* Valid UTF-8, every character printable but those in `allowed`. */
static void check_chars(const char *s, size_t len, const char *allowed, const char *what)
{
	for (size_t i = 0; i < len;) {
		unsigned long cp;
		size_t n = next_cp(s + i, len - i, &cp);
		if (!n || (!pc__cp_printable(cp) && !(cp < 0x80 && cp && strchr(allowed, (int)cp)))) {
			/* The line it is on, from its start. */
			size_t from = i;
			while (from && s[from - 1] != '\n' && i - from < 300)
				from--;
			fprintf(stderr, "fuzz: at byte %zu, 0x%02x:\n", i, (unsigned char)s[i]);
			fuzz_broken(what, s + from, len - from > 400 ? 400 : len - from);
		}
		i += n;
	}
}

void fuzz_check_text(const char *s, const char *what)
{
	check_chars(s, strlen(s), "\n", what);
}

/* ------------------------------------------------------------ JSON */

struct json {
	const char *s;
	size_t at, len;
	int depth;
};

static void ws(struct json *j)
{
	while (j->at < j->len && strchr(" \t\r", j->s[j->at]) && j->s[j->at])
		j->at++;
}

static int json_value(struct json *j);

static int hex4(struct json *j, unsigned *v)
{
	*v = 0;
	for (int i = 0; i < 4; i++, j->at++) {
		if (j->at >= j->len)
			return 0;
		char c = j->s[j->at];
		unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0')
		           : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
		           : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10) : 16u;
		if (d == 16)
			return 0;
		*v = *v << 4 | d;
	}
	return 1;
}

static int json_string(struct json *j)
{
	if (j->at >= j->len || j->s[j->at] != '"')
		return 0;
	j->at++;
	while (j->at < j->len) {
		unsigned char c = (unsigned char)j->s[j->at];
		if (c == '"') {
			j->at++;
			return 1;
		}
		if (c < 0x20)
			return 0;
		if (c == '\\') {
			j->at++;
			if (j->at >= j->len)
				return 0;
			char e = j->s[j->at++];
			if (e == 'u') {
				unsigned v, w;
				if (!hex4(j, &v))
					return 0;
				if (v >= 0xDC00 && v <= 0xDFFF)
					return 0; /* a low surrogate alone */
				if (v >= 0xD800 && v <= 0xDBFF &&
				    !(j->at + 1 < j->len && j->s[j->at] == '\\' && j->s[j->at + 1] == 'u' &&
				      (j->at += 2, hex4(j, &w)) && w >= 0xDC00 && w <= 0xDFFF))
					return 0;
			} else if (!strchr("\"\\/bfnrt", e) || !e) {
				return 0;
			}
			continue;
		}
		unsigned long cp;
		size_t n = next_cp(j->s + j->at, j->len - j->at, &cp);
		/* Strict JSON allows U+2028 and the bidirectional controls raw;
		 * ours writes every character the printable rule refuses as
		 * \uXXXX, so that a terminal showing the JSON shows no control. */
		if (!n || !pc__cp_printable(cp))
			return 0;
		j->at += n;
	}
	return 0;
}

static int digits(struct json *j)
{
	size_t from = j->at;
	while (j->at < j->len && j->s[j->at] >= '0' && j->s[j->at] <= '9')
		j->at++;
	return j->at > from;
}

static int json_number(struct json *j)
{
	if (j->s[j->at] == '-')
		j->at++;
	if (j->at < j->len && j->s[j->at] == '0')
		j->at++;
	else if (!digits(j))
		return 0;
	if (j->at < j->len && j->s[j->at] == '.') {
		j->at++;
		if (!digits(j))
			return 0;
	}
	if (j->at < j->len && (j->s[j->at] == 'e' || j->s[j->at] == 'E')) {
		j->at++;
		if (j->at < j->len && (j->s[j->at] == '+' || j->s[j->at] == '-'))
			j->at++;
		if (!digits(j))
			return 0;
	}
	return 1;
}

static int word(struct json *j, const char *w)
{
	size_t n = strlen(w);
	if (j->len - j->at < n || memcmp(j->s + j->at, w, n) != 0)
		return 0;
	j->at += n;
	return 1;
}

/* NOLINTNEXTLINE(misc-no-recursion): json_value stops at 64 levels deep */
static int json_list(struct json *j, char close, int members)
{
	j->at++;
	ws(j);
	if (j->at < j->len && j->s[j->at] == close) {
		j->at++;
		return 1;
	}
	for (;;) {
		ws(j);
		if (members) {
			if (!json_string(j))
				return 0;
			ws(j);
			if (j->at >= j->len || j->s[j->at++] != ':')
				return 0;
		}
		if (!json_value(j))
			return 0;
		ws(j);
		if (j->at >= j->len)
			return 0;
		char c = j->s[j->at++];
		if (c == close)
			return 1;
		if (c != ',')
			return 0;
	}
}

/* NOLINTNEXTLINE(misc-no-recursion): stops at 64 levels deep */
static int json_value(struct json *j)
{
	ws(j);
	if (j->at >= j->len || ++j->depth > 64)
		return 0;
	int ok;
	switch (j->s[j->at]) {
	case '{': ok = json_list(j, '}', 1); break;
	case '[': ok = json_list(j, ']', 0); break;
	case '"': ok = json_string(j); break;
	case 't': ok = word(j, "true"); break;
	case 'f': ok = word(j, "false"); break;
	case 'n': ok = word(j, "null"); break;
	default: ok = json_number(j); break;
	}
	j->depth--;
	return ok;
}

void fuzz_check_json_line(const char *s, const char *what)
{
	struct json j = { s, 0, strlen(s), 0 };
	if (!json_value(&j))
		fuzz_broken(what, s, j.len);
	ws(&j);
	/* One line: the value, then its newline, then nothing. */
	if (j.len - j.at != 1 || s[j.at] != '\n' || memchr(s, '\n', j.at))
		fuzz_broken(what, s, j.len);
}

/* ------------------------------------------------------------ CSV */

struct csv_seen {
	size_t cells, rows;
	int bad;
};

static void on_cell(void *data, size_t len, void *ctx)
{
	struct csv_seen *seen = ctx;
	const char *s = data;
	seen->cells++;
	if (len && strchr("=+-@\t\r", s[0]))
		seen->bad = 1;
	for (size_t i = 0; i < len && !seen->bad;) {
		unsigned long cp;
		size_t n = next_cp(s + i, len - i, &cp);
		if (!n || !pc__cp_printable(cp))
			seen->bad = 1;
		i += n ? n : 1;
	}
}

static void on_row(int c, void *ctx)
{
	(void)c;
	((struct csv_seen *)ctx)->rows++;
}

void fuzz_check_csv_record(const char *s, size_t columns, const char *what)
{
	size_t len = strlen(s);
	struct csv_parser p;
	struct csv_seen seen = { 0, 0, 0 };
	if (len == 0 || s[len - 1] != '\n' || csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		fuzz_broken(what, s, len);
	if (csv_parse(&p, s, len, on_cell, on_row, &seen) != len ||
	    csv_fini(&p, on_cell, on_row, &seen) != 0)
		seen.bad = 1;
	csv_free(&p);
	if (seen.bad || seen.rows != 1 || seen.cells != columns)
		fuzz_broken(what, s, len);
}

/* ------------------------------------------------------------ HTML */

static const char *const html_elements[] = {
	"a", "article", "b", "body", "caption", "details", "div", "footer", "h1", "h2", "h3",
	"head", "header", "html", "img", "input", "label", "li", "main", "meta", "nav",
	"output", "p", "q", "script", "section", "small", "span", "style", "summary", "table",
	"tbody", "td", "th", "thead", "time", "title", "tr", "ul", "br", NULL
};
static const char *const html_attributes[] = {
	"alt", "aria-hidden", "aria-label", "aria-live", "autocomplete", "charset", "class",
	"content", "data-file", "data-search", "data-verdict", "for", "href", "http-equiv", "id",
	"lang", "name", "role", "scope", "spellcheck", "src", "style", "title", "type", "value",
	"width", "height", "datetime", "placeholder", "loading", "decoding", NULL
};
static const char *const html_flags[] = { "hidden", "checked", "open", NULL };

static int listed(const char *const *list, const char *s, size_t n)
{
	for (; *list; list++)
		if (strlen(*list) == n && memcmp(*list, s, n) == 0)
			return 1;
	return 0;
}

static size_t name_len(const char *s)
{
	size_t n = 0;
	while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') || s[n] == '-')
		n++;
	return n;
}

/* An entity at s ('&'), spelt whole: its length, or 0. */
static size_t entity(const char *s)
{
	size_t n = 1;
	if (s[n] == '#') {
		n++;
		size_t from = n;
		while (s[n] >= '0' && s[n] <= '9')
			n++;
		if (n == from)
			return 0;
	} else {
		size_t from = n;
		while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z'))
			n++;
		if (n == from)
			return 0;
	}
	return s[n] == ';' ? n + 1 : 0;
}

void fuzz_check_html(const char *s, size_t len, const char *what)
{
	if (!s)
		fuzz_broken(what, NULL, 0);
	if (strlen(s) != len)
		fuzz_broken("the contact sheet holds a NUL byte", s, len);
	check_chars(s, len, "\n", what);
	const char *doctype = "<!DOCTYPE html>\n";
	if (strncmp(s, doctype, strlen(doctype)) != 0)
		fuzz_broken(what, s, len);
	size_t scripts = 0, styles = 0;
	for (const char *p = s + strlen(doctype); *p;) {
		if (*p == '&') {
			size_t n = entity(p);
			if (!n)
				fuzz_broken(what, p, strlen(p));
			p += n;
			continue;
		}
		if (*p != '<') {
			p++;
			continue;
		}
		const char *tag = p++;
		int closing = *p == '/';
		p += closing;
		size_t n = name_len(p);
		if (!n || !listed(html_elements, p, n))
			fuzz_broken(what, tag, strlen(tag));
		int script = n == 6 && !memcmp(p, "script", 6);
		int style = n == 5 && !memcmp(p, "style", 5);
		p += n;
		for (;;) {
			while (*p == ' ' || *p == '\n')
				p++;
			if (*p == '>')
				break;
			size_t a = name_len(p);
			if (closing || !a)
				fuzz_broken(what, tag, strlen(tag));
			if (p[a] != '=') {
				if (!listed(html_flags, p, a))
					fuzz_broken(what, tag, strlen(tag));
				p += a;
				continue;
			}
			if (!listed(html_attributes, p, a) || p[a + 1] != '"')
				fuzz_broken(what, tag, strlen(tag));
			const char *value = p + a + 2;
			int href = a == 4 && !memcmp(p, "href", 4);
			int src = a == 3 && !memcmp(p, "src", 3);
			p = value;
			while (*p && *p != '"') {
				if (*p == '<' || *p == '>' || *p == '\n')
					fuzz_broken(what, tag, strlen(tag));
				if (*p == '&') {
					size_t e = entity(p);
					if (!e)
						fuzz_broken(what, tag, strlen(tag));
					p += e;
				} else {
					p++;
				}
			}
			if (!*p)
				fuzz_broken(what, tag, strlen(tag));
			/* Links go to the photo's file and images are inline
			 * previews: never a script. */
			if ((href && p > value && strncmp(value, "file:", 5) != 0 && *value != '#') ||
			    (src && strncmp(value, "data:image/jpeg;base64,", 23) != 0))
				fuzz_broken(what, tag, strlen(tag));
			p++;
		}
		p++;
		if (!closing && (script || style)) {
			scripts += script;
			styles += style;
			const char *end = strstr(p, script ? "</script>" : "</style>");
			if (!end)
				fuzz_broken(what, tag, strlen(tag));
			p = end;
		}
	}
	if (scripts != 1 || styles != 1)
		fuzz_broken(what, s, len);
}
