/*
 * store.h: the consent database: pupils, purposes, consent records, events
 * and the audit log, kept in SQLite.
 *
 * Invariants:
 * - A store is opened on one file; its schema version is PRAGMA
 *   user_version and its kind PRAGMA application_id. An older database is
 *   migrated forward when opened for writing; a newer one, or a file that is
 *   not a photoconsent database, is refused with PC_EDATABASE.
 * - Every write is one transaction: it happens whole or not at all, and a
 *   failed call leaves the file as it was. Consent records are never
 *   changed or deleted: a change appends a record.
 * - photoconsent.h's error contract holds for every call: out parameters
 *   come first, and every call that can fail takes a `struct pc_error *`
 *   last (NULL when not wanted), which says why in a sentence a person can
 *   act on ("no pupil has the id '1042'"). On failure every out parameter
 *   is NULL (or zeroed). Out of memory is PC_ENOMEM; a NULL store, out
 *   parameter or other argument that must be given is PC_EINVALID; an
 *   options struct not made with its _INIT macro is PC_EVERSION. The store
 *   never prints.
 * - Dates are "YYYY-MM-DD" strings; every date passed in is checked.
 * - Lists are opaque: read them with their _count and _get accessors
 *   (_get is NULL past the end), so that a list can change inside without
 *   breaking a program built against an older library. The elements they
 *   hand out (struct pc_pupil, ...) are plain structs.
 * - Everything a call returns through an out parameter is the caller's,
 *   freed with the matching `_free` (each accepts NULL). Strings inside a
 *   returned object live as long as the object.
 * - A store is used by one thread at a time.
 */
#ifndef PHOTOCONSENT_STORE_H
#define PHOTOCONSENT_STORE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#include "photoconsent/export.h"
#include "photoconsent/photoconsent.h"

typedef struct pc_store pc_store;

enum pc_store_mode {
	PC_STORE_READ = 0,   /* look-ups only; the file is never written */
	PC_STORE_WRITE = 1,  /* an existing database, migrated forward if older */
	PC_STORE_CREATE = 2  /* a new database file (owner read/write only),
	                        schema made and default purposes seeded; an
	                        existing photoconsent database is PC_EEXISTS */
};

/*
 * Opens the database at `path`. On success *out is the store; on failure
 * *out is NULL and `err` says why ("no database at 'x.db'; create one with
 * 'photoconsent db init'"). Returns 0, PC_EOPEN (no such file, or it
 * cannot be opened), PC_EDATABASE (not a photoconsent database, corrupt,
 * or a newer version than this library knows), PC_EEXISTS (CREATE on an
 * existing database), PC_EBUSY (locked by another writer past the busy
 * timeout), PC_EREADONLY (WRITE or CREATE on a file that cannot be
 * written), PC_ENOMEM, PC_EINVALID, PC_ERROR.
 */
PC_EXTERN int pc_store_open(pc_store **out, const char *path, enum pc_store_mode mode,
                            struct pc_error *err);
PC_EXTERN void pc_store_free(pc_store *store);

/*
 * Sets the file's mode (and its write-ahead log's) to `mode`, permission
 * bits only (at most 0777): the database names children, so it is made
 * 0600, and only a person who asks (db init --mode) shares it wider.
 * Returns 0, PC_EINVALID (another bit), PC_EREADONLY (not the owner's
 * file), PC_EOPEN.
 */
PC_EXTERN int pc_store_set_mode(pc_store *store, unsigned mode, struct pc_error *err);

/* The schema version this library writes, and the one the open file has. */
PC_EXTERN int pc_store_schema_version(void);
PC_EXTERN int pc_store_file_version(const pc_store *store);

/* ---------------------------------------------------------------- settings */

/* A list of strings, each living as long as the list. */
typedef struct pc_string_list pc_string_list;
PC_EXTERN size_t pc_string_list_count(const pc_string_list *list);
PC_EXTERN const char *pc_string_list_get(const pc_string_list *list, size_t i);
PC_EXTERN void pc_string_list_free(pc_string_list *list);

/*
 * The keyword roots under which the school's photo tools file people
 * ("People", "Pupils", "Class 4B"), as `db set person-roots` stored them,
 * into *out; an empty list when never set, which means the reader's
 * defaults (pc_default_person_roots). 0 or an error code.
 */
PC_EXTERN int pc_store_person_roots(pc_string_list **out, pc_store *store,
                                    struct pc_error *err);
/* Stores the roots, ';'-separated ("People;Pupils;Class 4B"), replacing
 * those there were. PC_EFORMAT for none, too many, or one that is not
 * printable text. */
PC_EXTERN int pc_store_set_person_roots(pc_store *store, const char *roots, const char *by,
                                        struct pc_error *err);

/* ------------------------------------------------------------------ pupils */

struct pc_pupil {
	const char *id;              /* admission number or UPN */
	const char *forename;
	const char *surname;
	const char *preferred_name;  /* NULL when none */
	const char *class_name;      /* NULL when none */
	int no_photo;                /* never share anywhere */
	int no_name;                 /* never beside the child's name */
	const char *left_on;         /* "YYYY-MM-DD" or NULL */
	const char *const *aliases;  /* whole names the child is also tagged as */
	size_t alias_count;
};

typedef struct pc_pupil_list pc_pupil_list;
PC_EXTERN size_t pc_pupil_list_count(const pc_pupil_list *list);
PC_EXTERN const struct pc_pupil *pc_pupil_list_get(const pc_pupil_list *list, size_t i);

/* Adds a pupil (aliases included). PC_EEXISTS when the id is taken,
 * PC_EFORMAT for a missing name or a bad date. `by` is who records it. */
PC_EXTERN int pc_store_pupil_add(pc_store *store, const struct pc_pupil *pupil,
                                 const char *by, struct pc_error *err);

/* One pupil by id into *out (one item). PC_ENOTFOUND when unknown. */
PC_EXTERN int pc_store_pupil_get(pc_pupil_list **out, pc_store *store, const char *id,
                                 struct pc_error *err);

/* Every pupil, or those of one class when `class_name` is not NULL,
 * ordered by class, surname, forename. */
PC_EXTERN int pc_store_pupil_list(pc_pupil_list **out, pc_store *store,
                                  const char *class_name, struct pc_error *err);

/* The flags a pupil carries; the database spells them "no_photo" and
 * "no_name". Values are only ever added at the end. */
enum pc_pupil_flag {
	PC_PUPIL_NO_PHOTO = 1, /* never share anywhere */
	PC_PUPIL_NO_NAME = 2   /* never beside the child's name */
};
/* "no_photo", "no_name"; NULL for anything else. */
PC_EXTERN const char *pc_pupil_flag_name(enum pc_pupil_flag flag);

/* Sets `flag` on or off. PC_ENOTFOUND, PC_EINVALID for a flag that is not
 * one of enum pc_pupil_flag. */
PC_EXTERN int pc_store_pupil_set_flag(pc_store *store, const char *id,
                                      enum pc_pupil_flag flag, int on, const char *by,
                                      struct pc_error *err);
/* Sets the date the pupil left (NULL: has not left). */
PC_EXTERN int pc_store_pupil_set_left_on(pc_store *store, const char *id,
                                         const char *date, const char *by,
                                         struct pc_error *err);
/* Adds an alias; an alias the pupil already has is not an error. */
PC_EXTERN int pc_store_pupil_alias(pc_store *store, const char *id, const char *alias,
                                   const char *by, struct pc_error *err);

/* How a tag named a pupil. */
enum pc_match_kind {
	PC_MATCH_ID = 1,        /* the pupil id */
	PC_MATCH_NAME = 2,      /* "Forename Surname" or "Surname, Forename" */
	PC_MATCH_PREFERRED = 3, /* preferred name with the surname, either order */
	PC_MATCH_ALIAS = 4      /* one of the pupil's aliases */
};

struct pc_pupil_match {
	struct pc_pupil pupil;
	enum pc_match_kind kind;
};

typedef struct pc_pupil_matches pc_pupil_matches;
PC_EXTERN size_t pc_pupil_matches_count(const pc_pupil_matches *matches);
PC_EXTERN const struct pc_pupil_match *pc_pupil_matches_get(const pc_pupil_matches *matches,
                                                            size_t i);

/*
 * The pupils a tag names: by id, by full name in either order, by preferred
 * name with the surname, or by alias, comparing folded (case, accents,
 * letters such as Ł and ß, and spacing ignored). A forename alone never
 * matches. Several pupils means the tag is ambiguous; none, unknown.
 */
PC_EXTERN int pc_store_pupils_named(pc_pupil_matches **out, pc_store *store,
                                    const char *tag, struct pc_error *err);

PC_EXTERN void pc_pupil_list_free(pc_pupil_list *list);
PC_EXTERN void pc_pupil_matches_free(pc_pupil_matches *matches);

/* ---------------------------------------------------------------- purposes */

struct pc_purpose {
	const char *id;          /* "website", "parent-social", ... */
	const char *description;
	const char *policy;      /* the sentence a denial quotes */
	int is_public;           /* publishes beyond the school */
	int always_deny;         /* denied whatever the consent says */
};

typedef struct pc_purpose_list pc_purpose_list;
PC_EXTERN size_t pc_purpose_list_count(const pc_purpose_list *list);
PC_EXTERN const struct pc_purpose *pc_purpose_list_get(const pc_purpose_list *list, size_t i);

PC_EXTERN int pc_store_purpose_list(pc_purpose_list **out, pc_store *store,
                                    struct pc_error *err);
/* One purpose into *out (one item). PC_ENOTFOUND when unknown. */
PC_EXTERN int pc_store_purpose_get(pc_purpose_list **out, pc_store *store, const char *id,
                                   struct pc_error *err);
/* Adds a purpose. PC_EEXISTS, PC_EFORMAT (an id that is not lower-case
 * letters, digits and '-'). A NULL policy gets a sentence made from the
 * description. */
PC_EXTERN int pc_store_purpose_add(pc_store *store, const struct pc_purpose *purpose,
                                   const char *by, struct pc_error *err);
PC_EXTERN void pc_purpose_list_free(pc_purpose_list *list);

/* ----------------------------------------------------------------- consent */

enum pc_decision {
	PC_DECISION_GRANTED = 1,
	PC_DECISION_REFUSED = 2,
	PC_DECISION_WITHDRAWN = 3
};

/* One consent record, as appended. */
struct pc_consent_record {
	long long seq;            /* order of recording; 0 when adding */
	const char *pupil_id;
	const char *purpose_id;
	enum pc_decision decision;
	const char *signed_on;    /* when the form was signed; NULL: the day recorded */
	const char *expires_on;   /* last day a grant is in force; NULL: none */
	const char *withdrawn_on; /* for a withdrawal: from when; NULL: the day recorded */
	const char *recorded_by;
	const char *recorded_at;  /* set by the store: "YYYY-MM-DD HH:MM:SS" UTC */
	const char *note;         /* NULL when none */
};

typedef struct pc_consent_list pc_consent_list;
PC_EXTERN size_t pc_consent_list_count(const pc_consent_list *list);
PC_EXTERN const struct pc_consent_record *pc_consent_list_get(const pc_consent_list *list,
                                                              size_t i);

/*
 * Appends a record. PC_ENOTFOUND for an unknown pupil or purpose,
 * PC_EFORMAT for a bad date, an expiry before the signing date, or a
 * grant for an always-denied purpose.
 */
PC_EXTERN int pc_store_consent_add(pc_store *store, const struct pc_consent_record *record,
                                   struct pc_error *err);

/* Every record of a pupil, oldest first (by seq). PC_ENOTFOUND. */
PC_EXTERN int pc_store_consent_history(pc_consent_list **out, pc_store *store,
                                       const char *pupil_id, struct pc_error *err);
PC_EXTERN void pc_consent_list_free(pc_consent_list *list);

enum pc_consent_state {
	PC_CONSENT_NONE = 0,      /* never given (or not yet in force) */
	PC_CONSENT_GRANTED = 1,
	PC_CONSENT_REFUSED = 2,
	PC_CONSENT_WITHDRAWN = 3,
	PC_CONSENT_EXPIRED = 4,
	PC_CONSENT_LEFT = 5       /* the pupil had left by that date */
};

/* "none", "granted", "refused", "withdrawn", "expired", "pupil-left". */
PC_EXTERN const char *pc_consent_state_name(enum pc_consent_state state);

struct pc_consent_status {
	enum pc_consent_state state;
	long long seq;        /* the deciding record; 0 when none */
	char since[11];       /* the deciding record's date; "" when none */
	char expires_on[11];  /* of a grant in force or expired; "" when none */
};

/*
 * The consent in force for a pupil and purpose on `date`:
 * - a record counts from its date: withdrawn_on for a withdrawal, else
 *   signed_on, else the day it was recorded; a record dated after `date`
 *   is not yet in force;
 * - the latest-dated record decides; on the same date a refusal or a
 *   withdrawal beats a grant; among equals, the one recorded last;
 * - a grant is in force up to and including its expires_on (after it:
 *   expired); a withdrawal is in force from its date on;
 * - a pupil who left on or before `date` has none in force (left).
 * PC_ENOTFOUND for an unknown pupil or purpose, PC_EFORMAT for a bad date;
 * on failure *out is zeroed.
 */
PC_EXTERN int pc_store_consent_in_force(struct pc_consent_status *out, pc_store *store,
                                        const char *pupil_id, const char *purpose_id,
                                        const char *date, struct pc_error *err);

/* "granted", "refused", "withdrawn": the word for a decision, as the
 * database stores it; NULL for a value that is none of them. */
PC_EXTERN const char *pc_decision_name(enum pc_decision decision);
/* The decision that pc_decision_name calls `name` (exactly, lower case)
 * into *out. Returns 0, PC_EFORMAT for any other word (*out is left as it
 * was), PC_EINVALID for a NULL. */
PC_EXTERN int pc_decision_from_name(enum pc_decision *out, const char *name);

/* ------------------------------------------------------------------ events */

struct pc_event {
	const char *id;
	const char *name;
	const char *starts_on;
	const char *ends_on;          /* inclusive */
	const char *const *tags;      /* names that tag it in photos */
	size_t tag_count;
	const char *const *denied;    /* purpose ids the event forbids */
	size_t denied_count;
	const char *note;             /* why, as a denial quotes it; NULL when none */
};

typedef struct pc_event_list pc_event_list;
PC_EXTERN size_t pc_event_list_count(const pc_event_list *list);
PC_EXTERN const struct pc_event *pc_event_list_get(const pc_event_list *list, size_t i);

/* Adds an event. PC_EEXISTS, PC_EFORMAT (bad or reversed dates, or a note
 * that is not printable text), PC_ENOTFOUND (a denied purpose that does
 * not exist). A NULL ends_on is the same day as starts_on. */
PC_EXTERN int pc_store_event_add(pc_store *store, const struct pc_event *event,
                                 const char *by, struct pc_error *err);
/* Every event, by start date. */
PC_EXTERN int pc_store_event_list(pc_event_list **out, pc_store *store,
                                  struct pc_error *err);
PC_EXTERN void pc_event_list_free(pc_event_list *list);

/* --------------------------------------------------------------- audit log */

/*
 * The audit log answers "who cleared this photo, on what grounds?". It is
 * only ever appended to. Each row is one photo judged, by a staff check or
 * by a scan; a scan also writes a row of its own, which the rows of its
 * photos name. Rows written before schema version 3 hold only when, who,
 * the file name as it was given, the purpose and the verdict: their `on`
 * is NULL, their lists empty, their size -1.
 */

/* One photo judged. */
struct pc_log_entry {
	long long id;            /* set by the store */
	/* "YYYY-MM-DD HH:MM:SS" UTC. pc_store_log_add sets it; for
	 * pc_store_log_scan, when the photo was judged (NULL: now). */
	const char *at;
	const char *by;          /* who; NULL or "": "unknown" */
	const char *command;     /* "check" or "scan": set by the store */
	const char *file;        /* the file's absolute path (links resolved) */
	const char *purpose_id;
	const char *on;          /* the date the consent was judged as of */
	const char *verdict;     /* "share", "do-not-share", "review" */
	long long size;          /* bytes; -1 when unknown */
	const char *mtime;       /* "YYYY-MM-DD HH:MM:SS" UTC; NULL when unknown */
	const char *const *reasons;  /* reason codes, in the verdict's order */
	size_t reason_count;
	const char *const *warnings; /* warning codes */
	size_t warning_count;
	const char *const *pupils;   /* ids of the pupils in the photo */
	size_t pupil_count;
	long long scan_id;       /* the scan it was judged by; 0 for a check */
};

/* One scan. */
struct pc_log_scan {
	long long id;            /* set by the store */
	const char *at;          /* when it started, "YYYY-MM-DD HH:MM:SS" UTC */
	const char *finished_at; /* when it was logged (NULL: now) */
	const char *by;
	const char *purpose_id;
	const char *on;          /* the date the consent was judged as of */
	const char *const *roots; /* the folders or files it was given, absolute */
	size_t root_count;
	/* As struct pc_scan_summary counts them (scan.h). */
	size_t photos, share, review, do_not_share, unreadable, skipped;
};

/*
 * Appends the staff check `entry` (command "check", at now). PC_EFORMAT
 * when a field is missing or wrong (a verdict that is not one of the
 * three, a file name that is not absolute, a bad date), with the message
 * saying which. 0 or an error code.
 */
PC_EXTERN int pc_store_log_add(pc_store *store, const struct pc_log_entry *entry,
                               struct pc_error *err);

/*
 * Gives the rows of a scan one at a time: fills *out (its strings must
 * stay valid until the next call) and returns 1, or 0 when there are no
 * more, or a negative error code to give up.
 */
typedef int (*pc_log_next_fn)(void *ctx, struct pc_log_entry *out);

/*
 * Appends the scan `scan` and each photo row `next` gives (command
 * "scan", its purpose, date and who taken from `scan`), all in one
 * transaction: all of them or none. *id (when not NULL) is the scan's new
 * id, 0 on failure. Returns 0; PC_EFORMAT as pc_store_log_add; PC_EBUSY
 * when another writer holds the database past the busy timeout; the code
 * `next` returned; or another error code.
 *
 * `next` and `ctx` are arguments, not options: the rows are what the call
 * writes, as `scan` is, so there is no default for them, and a new knob
 * would come in a struct of its own.
 */
PC_EXTERN int pc_store_log_scan(long long *id, pc_store *store,
                                const struct pc_log_scan *scan, pc_log_next_fn next,
                                void *ctx, struct pc_error *err);

/* One row, during pc_store_log_read: exactly one of `photo` and `scan` is
 * not NULL, and it and its strings are valid until the callback returns.
 * Returns 0 to go on; anything else stops the reading. */
typedef int (*pc_log_row_fn)(void *ctx, const struct pc_log_entry *photo,
                             const struct pc_log_scan *scan);

/* Which rows to read, and where to hand them: make it with
 * PC_LOG_QUERY_INIT (every row), then set what is wanted. */
struct pc_log_query {
	unsigned version;   /* PC_LOG_QUERY_VERSION */
	const char *since;  /* "YYYY-MM-DD": rows on or after that day (UTC) */
	/* Rows of this file: matched as its real path (links resolved) when
	 * it exists, else as the name made absolute; rows written before
	 * version 3 also match the name exactly as given. */
	const char *file;
	/* Rows of photos that showed this pupil (the id in any case). A scan
	 * row is read, with `file` or `pupil`, when one of its photos is. */
	const char *pupil;
	pc_log_row_fn fn;   /* called for each row; must be set */
	void *ctx;          /* passed to fn */
};
#define PC_LOG_QUERY_VERSION PC__OPTIONS_VERSION(4, 1)
#define PC_LOG_QUERY_INIT { PC_LOG_QUERY_VERSION, NULL, NULL, NULL, NULL, NULL }

/*
 * Calls query->fn for each row `query` asks for, oldest first (a scan before
 * the photos it judged). The log is read a few hundred rows at a time, each
 * batch in a read transaction of its own, so that memory stays flat however
 * long the log, and a slow reader never keeps a writer waiting. Returns 0,
 * the callback's non-zero value when it stopped, PC_EFORMAT for a bad
 * date, PC_ENOTFOUND for an unknown pupil, PC_EINVALID without a query or
 * its fn (the query carries the callback, so it cannot be NULL),
 * PC_EVERSION, or another error code.
 */
PC_EXTERN int pc_store_log_read(pc_store *store, const struct pc_log_query *query,
                                struct pc_error *err);

/*
 * One row (exactly one of `photo` and `scan` not NULL) for a person: one
 * line with its newline, in which no control character from a file name or
 * the database is left; or as one JSON object, a line:
 * {"kind": "photo", "id", "at", "by", "command", "scan": id | null,
 *  "purpose", "on", "verdict", "file", "size", "mtime", "reasons": [codes],
 *  "warnings": [codes], "pupils": [ids]} or
 * {"kind": "scan", "id", "at", "finished", "by", "command": "scan",
 *  "purpose", "on", "roots": [...], "photos", "share", "review",
 *  "do_not_share", "unreadable", "skipped"}.
 * *out is the caller's (pc_free). 0; PC_ENOMEM; PC_EINVALID for a NULL
 * `out`, or unless exactly one of `photo` and `scan` is given (*out NULL).
 */
PC_EXTERN int pc_report_log_text(char **out, const struct pc_log_entry *photo,
                                 const struct pc_log_scan *scan);
PC_EXTERN int pc_report_log_json(char **out, const struct pc_log_entry *photo,
                                 const struct pc_log_scan *scan);

/* ------------------------------------------------------------------ import */

/* What an import did, or would do with dry_run. */
typedef struct pc_import_report pc_import_report;

struct pc_import_counts {
	/* 0 when the file was imported (or, with dry_run, could be); else why
	 * it was refused whole, nothing written: PC_EFORMAT or PC_ETOOBIG,
	 * each fault one of the PC_IMPORT_ERRORS lines. */
	int refused_file;
	size_t rows;
	size_t pupils_added, pupils_changed, pupils_unchanged;
	size_t granted, refused;     /* consent records appended (or to be) */
	size_t consents_unchanged;   /* cells that say what the last import said */
	size_t conflicts;            /* changed cells that met a later record made
	                                by hand, which was kept */
	size_t leavers;              /* of the missing, recorded (or to be) as left */
	size_t already_left;         /* not listed, and recorded as left already */
};
/* The report's counts; they live as long as the report. */
PC_EXTERN const struct pc_import_counts *pc_import_report_counts(const pc_import_report *report);

/* The lines of a report, each one a person reads. Values are only ever
 * added at the end. */
enum pc_import_lines {
	/* One per change, in file order ("line 4: pupil 1003 Chloe Davies
	 * added (Year 4)", "line 4: 1003 website granted, signed 2025-09-08"). */
	PC_IMPORT_CHANGES = 0,
	/* One per conflict, naming its line, what the file says and what was
	 * recorded by hand ("line 4: 1003 website: the file says granted, but
	 * it was withdrawn by hand from 2026-11-20; kept the withdrawal"). */
	PC_IMPORT_CONFLICTS = 1,
	/* Pupils in the database that the file does not list and that have
	 * not been recorded as left: reported, never deleted ("1099 Tom Baker
	 * (Year 6)"); with leavers_left_on, recorded as left that day. */
	PC_IMPORT_MISSING = 2,
	/* How the file was read, when a person would not expect it ("'x.csv'
	 * is not UTF-8 (from line 4): read as Windows-1252, ..."). */
	PC_IMPORT_NOTICES = 3,
	/* Why the file was refused, one per fault, each naming its line and
	 * column ("line 7, column 'website': 'maybe' is not yes or no"). */
	PC_IMPORT_ERRORS = 4
};
/* How many lines of `kind`; 0 for a kind that is not one. */
PC_EXTERN size_t pc_import_report_line_count(const pc_import_report *report,
                                             enum pc_import_lines kind);
/* Line `i` of `kind`; NULL past the end. */
PC_EXTERN const char *pc_import_report_line(const pc_import_report *report,
                                            enum pc_import_lines kind, size_t i);

/* How an import treats what was recorded by hand since the last import. */
enum pc_import_flags {
	PC_IMPORT_DRY_RUN = 1u << 0,     /* compare and report; write nothing */
	PC_IMPORT_PREFER_FILE = 1u << 1  /* a changed cell replaces a later record
	                                    made by hand (a withdrawal, a refusal, a
	                                    flag), instead of being a conflict */
};

/* Make it with PC_IMPORT_OPTIONS_INIT, then set what is wanted. */
struct pc_import_options {
	unsigned version;            /* PC_IMPORT_OPTIONS_VERSION */
	unsigned flags;              /* enum pc_import_flags bits */
	const char *by;              /* who imports; NULL: "import" */
	/* Records every pupil the file does not list, and who has not been
	 * recorded as left, as left on this day ("YYYY-MM-DD"), in the same
	 * transaction; NULL: they are only reported. */
	const char *leavers_left_on;
};
#define PC_IMPORT_OPTIONS_VERSION PC__OPTIONS_VERSION(3, 1)
#define PC_IMPORT_OPTIONS_INIT { PC_IMPORT_OPTIONS_VERSION, 0, NULL, NULL }

/*
 * Imports the school's MIS export at `csv_path` (PRODUCT.md's format):
 * UTF-8 (with or without a byte order mark) or, when it is not valid
 * UTF-8, Windows-1252; separated by commas, semicolons or tabs, whichever
 * the header row uses; dates YYYY-MM-DD or DD/MM/YYYY. The
 * whole file is checked before anything is written; a file with any fault
 * is refused whole and the database is left as it was. A refused file is
 * a result, not an error: the call returns 0 with the report, whose counts
 * say why (`refused_file`) and whose PC_IMPORT_ERRORS lines give each fault. A good file is written in one transaction;
 * with PC_IMPORT_DRY_RUN nothing is written.
 *
 * The import is a sync of what the MIS says: each cell is compared with
 * what the last import of that pupil said, not with what is in force. A
 * cell that did not change records nothing, whatever was recorded by hand
 * since; so importing the same file twice changes nothing the second
 * time, on any day. A changed cell that would undo a later record made by
 * hand (a grant over a withdrawal or refusal; a flag or leaving date
 * cleared or moved later) is a conflict: reported, and the record made by
 * hand kept, unless PC_IMPORT_PREFER_FILE. A no_photo flag that no import
 * set is never cleared without it.
 *
 * Returns 0 with *out set; or PC_EOPEN (the file cannot be opened or
 * read), PC_EBUSY, PC_EREADONLY, PC_ENOMEM, PC_EVERSION, ... with *out
 * NULL. `opts` may be NULL (a real import, by "import", leavers only
 * reported).
 */
PC_EXTERN int pc_store_import_csv(pc_import_report **out, pc_store *store,
                                  const char *csv_path,
                                  const struct pc_import_options *opts,
                                  struct pc_error *err);
PC_EXTERN void pc_import_report_free(pc_import_report *report);

#ifdef __cplusplus
}
#endif

#endif
