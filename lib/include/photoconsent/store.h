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
 * - When a call fails, pc_store_error() says why in a sentence a person can
 *   act on ("no pupil has the id '1042'"); the message stays until the next
 *   call on the same store. The store never prints.
 * - Dates are "YYYY-MM-DD" strings; every date passed in is checked.
 * - Everything a call returns through `out` is the caller's, freed with the
 *   matching `_free` (each accepts NULL). Strings inside a returned object
 *   live as long as the object.
 * - A store is used by one thread at a time.
 */
#ifndef PHOTOCONSENT_STORE_H
#define PHOTOCONSENT_STORE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#include "photoconsent/export.h"

typedef struct pc_store pc_store;

enum pc_store_mode {
	PC_STORE_READ = 0,   /* look-ups only; the file is never written */
	PC_STORE_WRITE = 1,  /* an existing database, migrated forward if older */
	PC_STORE_CREATE = 2  /* a new database file (owner read/write only),
	                        schema made and default purposes seeded; an
	                        existing photoconsent database is PC_EEXISTS */
};

/*
 * Opens the database at `path`. On success *out is the store. On failure
 * *out is still set when a store object could be made, so that
 * pc_store_error() can say why (free it with pc_store_free); it is NULL
 * only when out of memory. Returns 0, PC_EOPEN (no such file, or it cannot
 * be opened), PC_EDATABASE (not a photoconsent database, corrupt, or a
 * newer version than this library knows), PC_EEXISTS (CREATE on an
 * existing database), PC_EBUSY (locked by another writer past the busy
 * timeout), PC_EREADONLY (WRITE or CREATE on a file that cannot be
 * written), PC_ERROR.
 */
PC_EXTERN int pc_store_open(pc_store **out, const char *path, enum pc_store_mode mode);
PC_EXTERN void pc_store_free(pc_store *store);

/* Why the last failed call on `store` failed; "" when none has. */
PC_EXTERN const char *pc_store_error(const pc_store *store);

/* The schema version this library writes, and the one the open file has. */
PC_EXTERN int pc_store_schema_version(void);
PC_EXTERN int pc_store_file_version(const pc_store *store);

/* Non-zero when `date` is a real calendar date written "YYYY-MM-DD". */
PC_EXTERN int pc_date_valid(const char *date);
/* 1 for a yes (yes, y, true, 1, on), 0 for a no (no, n, false, 0, off),
 * in any case; -1 for anything else, "" too. The spellings the import
 * reads in a consent or flag column, and `pupil set` reads. */
PC_EXTERN int pc_yes_no(const char *text);
/* Today's local date into out ("YYYY-MM-DD" and a NUL). */
PC_EXTERN void pc_date_today(char out[11]);

/* ---------------------------------------------------------------- settings */

/* A list of strings, each living as long as the list. */
struct pc_string_list {
	size_t count;
	const char *const *items;
	void *priv;
};
PC_EXTERN void pc_string_list_free(struct pc_string_list *list);

/*
 * The keyword roots under which the school's photo tools file people
 * ("People", "Pupils", "Class 4B"), as `db set person-roots` stored them,
 * into *out; an empty list when never set, which means the reader's
 * defaults (pc_default_person_roots). 0 or an error code.
 */
PC_EXTERN int pc_store_person_roots(pc_store *store, struct pc_string_list **out);
/* Stores the roots, ';'-separated ("People;Pupils;Class 4B"), replacing
 * those there were. PC_EFORMAT for none, too many, or one that is not
 * printable text. */
PC_EXTERN int pc_store_set_person_roots(pc_store *store, const char *roots, const char *by);

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

struct pc_pupil_list {
	size_t count;
	struct pc_pupil *items;
	void *priv; /* the storage behind the strings */
};

/* Adds a pupil (aliases included). PC_EEXISTS when the id is taken,
 * PC_EFORMAT for a missing name or a bad date. `by` is who records it. */
PC_EXTERN int pc_store_pupil_add(pc_store *store, const struct pc_pupil *pupil,
                                 const char *by);

/* One pupil by id into *out (one item). PC_ENOTFOUND when unknown. */
PC_EXTERN int pc_store_pupil_get(pc_store *store, const char *id,
                                 struct pc_pupil_list **out);

/* Every pupil, or those of one class when `class_name` is not NULL,
 * ordered by class, surname, forename. */
PC_EXTERN int pc_store_pupil_list(pc_store *store, const char *class_name,
                                  struct pc_pupil_list **out);

/* Sets `flag` ("no_photo" or "no_name") on or off. PC_ENOTFOUND, PC_EFORMAT. */
PC_EXTERN int pc_store_pupil_set_flag(pc_store *store, const char *id, const char *flag,
                                      int on, const char *by);
/* Sets the date the pupil left (NULL: has not left). */
PC_EXTERN int pc_store_pupil_set_left_on(pc_store *store, const char *id,
                                         const char *date, const char *by);
/* Adds an alias; an alias the pupil already has is not an error. */
PC_EXTERN int pc_store_pupil_alias(pc_store *store, const char *id, const char *alias,
                                   const char *by);

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

struct pc_pupil_matches {
	size_t count;
	struct pc_pupil_match *items;
	void *priv;
};

/*
 * The pupils a tag names: by id, by full name in either order, by preferred
 * name with the surname, or by alias, comparing folded (case, accents,
 * letters such as Ł and ß, and spacing ignored). A forename alone never
 * matches. Several pupils means the tag is ambiguous; none, unknown.
 */
PC_EXTERN int pc_store_pupils_named(pc_store *store, const char *tag,
                                    struct pc_pupil_matches **out);

PC_EXTERN void pc_pupil_list_free(struct pc_pupil_list *list);
PC_EXTERN void pc_pupil_matches_free(struct pc_pupil_matches *matches);

/* ---------------------------------------------------------------- purposes */

struct pc_purpose {
	const char *id;          /* "website", "parent-social", ... */
	const char *description;
	const char *policy;      /* the sentence a denial quotes */
	int is_public;           /* publishes beyond the school */
	int always_deny;         /* denied whatever the consent says */
};

struct pc_purpose_list {
	size_t count;
	struct pc_purpose *items;
	void *priv;
};

PC_EXTERN int pc_store_purpose_list(pc_store *store, struct pc_purpose_list **out);
/* One purpose into *out (one item). PC_ENOTFOUND when unknown. */
PC_EXTERN int pc_store_purpose_get(pc_store *store, const char *id,
                                   struct pc_purpose_list **out);
/* Adds a purpose. PC_EEXISTS, PC_EFORMAT (an id that is not lower-case
 * letters, digits and '-'). A NULL policy gets a sentence made from the
 * description. */
PC_EXTERN int pc_store_purpose_add(pc_store *store, const struct pc_purpose *purpose,
                                   const char *by);
PC_EXTERN void pc_purpose_list_free(struct pc_purpose_list *list);

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

struct pc_consent_list {
	size_t count;
	struct pc_consent_record *items;
	void *priv;
};

/*
 * Appends a record. PC_ENOTFOUND for an unknown pupil or purpose,
 * PC_EFORMAT for a bad date, an expiry before the signing date, or a
 * grant for an always-denied purpose.
 */
PC_EXTERN int pc_store_consent_add(pc_store *store, const struct pc_consent_record *record);

/* Every record of a pupil, oldest first (by seq). PC_ENOTFOUND. */
PC_EXTERN int pc_store_consent_history(pc_store *store, const char *pupil_id,
                                       struct pc_consent_list **out);
PC_EXTERN void pc_consent_list_free(struct pc_consent_list *list);

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
 * PC_ENOTFOUND for an unknown pupil or purpose, PC_EFORMAT for a bad date.
 */
PC_EXTERN int pc_store_consent_in_force(pc_store *store, const char *pupil_id,
                                        const char *purpose_id, const char *date,
                                        struct pc_consent_status *out);

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

struct pc_event_list {
	size_t count;
	struct pc_event *items;
	void *priv;
};

/* Adds an event. PC_EEXISTS, PC_EFORMAT (bad or reversed dates, or a note
 * that is not printable text), PC_ENOTFOUND (a denied purpose that does
 * not exist). A NULL ends_on is the same day as starts_on. */
PC_EXTERN int pc_store_event_add(pc_store *store, const struct pc_event *event,
                                 const char *by);
/* Every event, by start date. */
PC_EXTERN int pc_store_event_list(pc_store *store, struct pc_event_list **out);
PC_EXTERN void pc_event_list_free(struct pc_event_list *list);

/* --------------------------------------------------------------- audit log */

struct pc_log_entry {
	long long id;
	const char *at;        /* set by the store: "YYYY-MM-DD HH:MM:SS" UTC */
	const char *by;
	const char *file;
	const char *purpose_id;
	const char *verdict;   /* "share", "do-not-share", "review" */
};

struct pc_log_list {
	size_t count;
	struct pc_log_entry *items;
	void *priv;
};

PC_EXTERN int pc_store_log_add(pc_store *store, const struct pc_log_entry *entry);
/* Entries on or after `since` (NULL: all), oldest first. */
PC_EXTERN int pc_store_log_list(pc_store *store, const char *since,
                                struct pc_log_list **out);
PC_EXTERN void pc_log_list_free(struct pc_log_list *list);

/* ------------------------------------------------------------------ import */

/* What an import did, or would do with dry_run. */
struct pc_import_report {
	size_t rows;
	size_t pupils_added, pupils_changed, pupils_unchanged;
	size_t granted, refused;     /* consent records appended (or to be) */
	size_t consents_unchanged;   /* cells that say what the last import said */
	size_t conflicts;            /* changed cells that met a later record made
	                                by hand, which was kept */
	/* One line a person reads per change, in file order
	 * ("line 4: pupil 1003 Chloe Davies added (Year 4)",
	 *  "line 4: 1003 website granted, signed 2025-09-08"). */
	const char *const *changes;
	size_t change_count;
	/* One line per conflict, naming its line, what the file says and what
	 * was recorded by hand ("line 4: 1003 website: the file says granted,
	 * but it was withdrawn by hand from 2026-11-20; kept the withdrawal"). */
	const char *const *conflict_lines;
	size_t conflict_line_count;
	/* Pupils in the database that the file does not list and that have
	 * not been recorded as left: reported, never deleted ("1099 Tom Baker
	 * (Year 6)"); with leavers_left_on, recorded as left that day. */
	const char *const *missing;
	size_t missing_count;
	size_t leavers;              /* of them, recorded (or to be) as left */
	size_t already_left;         /* not listed, and recorded as left already */
	/* How the file was read, when a person would not expect it ("'x.csv'
	 * is not UTF-8 (from line 4): read as Windows-1252, ..."). */
	const char *const *notices;
	size_t notice_count;
	/* Why the file was refused, one per fault, each naming its line and
	 * column ("line 7, column 'website': 'maybe' is not yes or no"). */
	const char *const *errors;
	size_t error_count;
	void *priv;
};

/* How an import treats what was recorded by hand since the last import. */
enum pc_import_flags {
	PC_IMPORT_DRY_RUN = 1u << 0,     /* compare and report; write nothing */
	PC_IMPORT_PREFER_FILE = 1u << 1  /* a changed cell replaces a later record
	                                    made by hand (a withdrawal, a refusal, a
	                                    flag), instead of being a conflict */
};

struct pc_import_options {
	unsigned flags;              /* enum pc_import_flags bits */
	const char *by;              /* who imports; NULL: "import" */
	/* Records every pupil the file does not list, and who has not been
	 * recorded as left, as left on this day ("YYYY-MM-DD"), in the same
	 * transaction; NULL: they are only reported. */
	const char *leavers_left_on;
};

/*
 * Imports the school's MIS export at `csv_path` (PRODUCT.md's format):
 * UTF-8 (with or without a byte order mark) or, when it is not valid
 * UTF-8, Windows-1252; separated by commas, semicolons or tabs, whichever
 * the header row uses; dates YYYY-MM-DD or DD/MM/YYYY. The
 * whole file is checked before anything is written; a file with any fault
 * is refused whole (PC_EFORMAT, the faults in (*out)->errors) and the
 * database is left as it was. A good file is written in one transaction;
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
 * *out is set whenever the result is not PC_ERROR. `opts` may be NULL
 * (a real import, by "import", leavers only reported).
 */
PC_EXTERN int pc_store_import_csv(pc_store *store, const char *csv_path,
                                  const struct pc_import_options *opts,
                                  struct pc_import_report **out);
PC_EXTERN void pc_import_report_free(struct pc_import_report *report);

#ifdef __cplusplus
}
#endif

#endif
