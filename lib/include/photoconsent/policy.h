/*
 * policy.h: the verdict. For one photo, one purpose and one date, whether
 * the photo may be shared, with every reason, by the rules of PRODUCT.md
 * ("The verdict" and "Precise rules").
 *
 * Invariants:
 * - A verdict is computed once and then only read; it owns every string it
 *   hands out, which lives until pc_verdict_free.
 * - do-not-share outranks review, which outranks share. Warnings never
 *   change the verdict.
 * - Every reason and warning has a stable code (the list below, only ever
 *   added to) and two messages: one for staff, which names the pupil and
 *   the rule (a denial quotes the purpose's policy sentence), and one for
 *   the parent view, which names no child, no id and no consent state.
 */
#ifndef PHOTOCONSENT_POLICY_H
#define PHOTOCONSENT_POLICY_H

#include <stddef.h>

#include "photoconsent/export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct pc_photo pc_photo;
typedef struct pc_store pc_store;
struct pc_region;
struct pc_error;

enum pc_verdict_kind {
	PC_VERDICT_SHARE = 0,
	PC_VERDICT_DO_NOT_SHARE = 1,
	PC_VERDICT_REVIEW = 2
};

/* "share", "do-not-share", "review", as JSON and CSV spell them; "unknown"
 * for anything else. */
PC_EXTERN const char *pc_verdict_kind_name(enum pc_verdict_kind kind);
/* "SHARE", "DO NOT SHARE", "REVIEW", as the text reports begin;
 * "UNKNOWN" for anything else. */
PC_EXTERN const char *pc_verdict_kind_label(enum pc_verdict_kind kind);

/*
 * Reason codes (do-not-share unless marked review):
 *   always-denied      the purpose is always denied (decided before reading the photo)
 *   event-denies       the photo's event forbids the purpose
 *   no-photo           a pictured pupil must never be photographed for sharing
 *   pupil-left         a pictured pupil has left the school
 *   consent-refused    a pictured pupil's consent for the purpose is refused
 *   consent-withdrawn  ... withdrawn
 *   consent-expired    ... expired
 *   consent-none       ... never given (or not yet in force)
 *   no-photo-named     the photo's words (a caption, a keyword, the file or a
 *                      folder name) name a no_photo pupil no people tag names
 *   no-name-named      the caption, description, file or folder name names a
 *                      no_name pupil, for a public purpose
 *   ambiguous          a tag matches several pupils (do-not-share when every
 *                      candidate would block, else review)
 *   unknown-person     review: a tag matches no pupil
 *   named-not-tagged   review: the photo's words name a pupil no people tag
 *                      names, whose consent for the purpose would block
 *   unnamed-face       review: a face region has no name
 *   untagged           review: the photo has no people tags at all
 *   unreadable         review: the file is not a readable JPEG, or some of its
 *                      metadata is damaged (the message says what)
 * Warning codes:
 *   gps                the photo carries a GPS position
 *   name-in-caption    the caption or description names a pupil (public purpose)
 *   name-in-filename   the file's or a folder's name names a pupil (public
 *                      purpose)
 *   names-in-metadata  people tags in the file itself (public purpose): publish
 *                      an exported copy, which strips them
 *   consent-expiring   a pictured pupil's consent expires within 30 days
 *   unknown-event      an Event tag matches no event in the database
 *   several-events     the photo matches more than one event: the
 *                      restrictions of each apply
 * The parent view's report folds the reasons about children (no-photo,
 * pupil-left, consent-*) into one count, code not-agreed, so that it
 * tells no family's choice.
 */
struct pc_reason {
	const char *code;
	const char *message;        /* staff view */
	const char *parent_message; /* names no child */
};

/* How a person tag matched. */
enum pc_person_match {
	PC_PERSON_EXACT = 1,     /* id, full name, or preferred name */
	PC_PERSON_ALIAS = 2,
	PC_PERSON_AMBIGUOUS = 3, /* several pupils */
	PC_PERSON_UNKNOWN = 4    /* no pupil (or an unnamed face) */
};

/* "exact", "alias", "ambiguous", "unknown". */
PC_EXTERN const char *pc_person_match_name(enum pc_person_match match);

/*
 * The consent of a judged person, as the verdict has it: the store's
 * state (store.h, enum pc_consent_state, whose values 0 to 5 these
 * match), or no-photo, the safeguarding flag that overrides any consent.
 * A type of its own because no-photo is not a consent state, and because
 * the verdict's JSON spells PC_CONSENT_LEFT "left", not "pupil-left".
 * Values are only ever added at the end.
 */
enum pc_person_consent {
	PC_PERSON_CONSENT_NONE = 0,      /* never given, not yet in force, or the
	                                    tag names no one pupil */
	PC_PERSON_CONSENT_GRANTED = 1,
	PC_PERSON_CONSENT_REFUSED = 2,
	PC_PERSON_CONSENT_WITHDRAWN = 3,
	PC_PERSON_CONSENT_EXPIRED = 4,
	PC_PERSON_CONSENT_LEFT = 5,      /* the pupil had left by that date */
	PC_PERSON_CONSENT_NO_PHOTO = 6   /* never to be photographed for sharing */
};

/* "none", "granted", "refused", "withdrawn", "expired", "left",
 * "no-photo", as the JSON report spells them; "unknown" for anything
 * else. */
PC_EXTERN const char *pc_person_consent_name(enum pc_person_consent consent);

/* One person in the photo, as judged. */
struct pc_judged_person {
	const char *tag;          /* as written in the photo; NULL for an unnamed face */
	unsigned sources;         /* enum pc_source bits */
	const char *pupil_id;     /* NULL unless the match is exact or alias */
	const char *pupil_name;   /* "Forename Surname"; NULL likewise */
	enum pc_person_match match;
	enum pc_person_consent consent; /* NONE for an unknown or ambiguous tag */
	int blocks;               /* this person makes the photo do-not-share */
	int has_region;
	double x, y, w, h;        /* the face box, as struct pc_region */
	int in_file;              /* tagged in the photo's own metadata, not
	                             only in its sidecar */
};

typedef struct pc_verdict pc_verdict;

/*
 * A snapshot: everything a verdict needs from the database for one purpose
 * on one date, read in one go: the purpose, every pupil with the consent in
 * force for it that day, the events. Judging against a snapshot asks the
 * database nothing and writes nothing, so that many threads may judge
 * against one snapshot at once. It does not follow later changes to the
 * database.
 *
 * Loads the snapshot for `purpose_id` as of `date` ("YYYY-MM-DD"; NULL for
 * today) into *out, the caller's (pc_snapshot_free). Returns 0;
 * PC_ENOTFOUND for an unknown purpose, PC_EFORMAT for a bad date,
 * PC_ENOMEM, PC_EINVALID for a NULL `out`, `store` or `purpose_id`, or
 * the store's code when it cannot be read (PC_EDATABASE, PC_ERROR, ...),
 * with `err` saying which (the store's message, "no purpose 'webite'").
 */
typedef struct pc_snapshot pc_snapshot;
struct pc_error;
PC_EXTERN int pc_snapshot_load(pc_snapshot **out, pc_store *store, const char *purpose_id,
                               const char *date, struct pc_error *err);
PC_EXTERN void pc_snapshot_free(pc_snapshot *snapshot);
PC_EXTERN const char *pc_snapshot_purpose(const pc_snapshot *snapshot);
PC_EXTERN const char *pc_snapshot_date(const pc_snapshot *snapshot);
/* How to read photos for this snapshot: with the school's person roots
 * (`db set person-roots`). Lives as long as the snapshot. */
struct pc_read_options;
PC_EXTERN const struct pc_read_options *pc_snapshot_read_options(const pc_snapshot *snapshot);

/*
 * Judges `photo` (read with pc_photo_read, whatever its status) against
 * `snapshot`. *out is the caller's (pc_verdict_free). Returns 0;
 * PC_ENOMEM when out of memory, the one thing that can go wrong but
 * misuse; PC_EINVALID for a NULL argument (then *out is NULL, when `out`
 * is not).
 */
PC_EXTERN int pc_snapshot_judge(pc_verdict **out, const pc_snapshot *snapshot,
                                const pc_photo *photo);

/*
 * Judges `photo` (read with pc_photo_read, whatever its status) for
 * `purpose_id` as of `date` ("YYYY-MM-DD"; NULL for today), against the
 * consent in `store`. *out is the caller's (pc_verdict_free). Returns 0,
 * or a code of pc_snapshot_load or pc_snapshot_judge with `err` saying
 * why.
 */
PC_EXTERN int pc_policy_judge(pc_verdict **out, pc_store *store, const pc_photo *photo,
                              const char *purpose_id, const char *date,
                              struct pc_error *err);
PC_EXTERN void pc_verdict_free(pc_verdict *verdict);

/*
 * Writes the staff check of `photo` (read from a file, and judged as
 * `verdict`) to the audit log of `store`, opened for writing (store.h):
 * who (`by`), the purpose, the date judged as of, the verdict, its reason
 * and warning codes, the pupils it matched, and the file's real path, size
 * and modification time as it was read. Returns 0, or a code with `err`
 * saying why: the store's (PC_EBUSY when another writer holds the
 * database past the busy timeout, PC_EREADONLY, PC_ERROR, ...), PC_ENOMEM,
 * or PC_EINVALID for a NULL argument. It takes no out parameter: it
 * writes to `store`.
 */
PC_EXTERN int pc_verdict_log(pc_store *store, const pc_verdict *verdict, const pc_photo *photo,
                             const char *by, struct pc_error *err);

PC_EXTERN enum pc_verdict_kind pc_verdict_kind(const pc_verdict *verdict);
PC_EXTERN const char *pc_verdict_file(const pc_verdict *verdict);
PC_EXTERN const char *pc_verdict_purpose(const pc_verdict *verdict);
PC_EXTERN const char *pc_verdict_date(const pc_verdict *verdict);

/* The event the photo shows, or NULL id when none was found; matched_by is
 * "xmp-event", "keyword" or "date". */
PC_EXTERN const char *pc_verdict_event_id(const pc_verdict *verdict);
PC_EXTERN const char *pc_verdict_event_name(const pc_verdict *verdict);
PC_EXTERN const char *pc_verdict_event_matched_by(const pc_verdict *verdict);

/* Every event the photo shows (PRODUCT.md: when several match, the
 * restrictions of all of them apply), the one above first. matched_by is
 * "xmp-event", "keyword", "folder" (a folder the photo is filed in is
 * named so) or "date". */
struct pc_verdict_event {
	const char *id;
	const char *name;
	const char *matched_by;
};
PC_EXTERN size_t pc_verdict_event_count(const pc_verdict *verdict);
PC_EXTERN const struct pc_verdict_event *pc_verdict_event(const pc_verdict *verdict, size_t i);

PC_EXTERN size_t pc_verdict_person_count(const pc_verdict *verdict);
PC_EXTERN const struct pc_judged_person *pc_verdict_person(const pc_verdict *verdict, size_t i);

/* For the parent view: how many pictured pupils (matched people, each
 * pupil once, and each ambiguous tag as one), and how many of them block. */
PC_EXTERN size_t pc_verdict_children(const pc_verdict *verdict);
PC_EXTERN size_t pc_verdict_blocking(const pc_verdict *verdict);

PC_EXTERN size_t pc_verdict_reason_count(const pc_verdict *verdict);
PC_EXTERN const struct pc_reason *pc_verdict_reason(const pc_verdict *verdict, size_t i);
PC_EXTERN size_t pc_verdict_warning_count(const pc_verdict *verdict);
PC_EXTERN const struct pc_reason *pc_verdict_warning(const pc_verdict *verdict, size_t i);

/* Who reads a report. */
enum pc_view {
	PC_VIEW_STAFF = 0,
	PC_VIEW_PARENT = 1  /* no child's name, id or consent state */
};

/*
 * Reports of a verdict; each sets *out to a new string the caller frees
 * with pc_free, and returns 0; PC_ENOMEM; PC_EINVALID for a NULL argument
 * (*out NULL). The JSON report is one line with its newline, as
 * PRODUCT.md gives it (staff), or its parent form {"file", "verdict",
 * "purpose", "checked_on", "children", "blocking", "reasons"}. The text
 * report is for a person: the verdict first, then the reasons and
 * warnings indented. It holds no terminal escapes, and it begins with the
 * verdict's label (pc_verdict_kind_label), so that a terminal may colour
 * that.
 */
PC_EXTERN int pc_report_check_json(char **out, const pc_verdict *verdict, enum pc_view view);
PC_EXTERN int pc_report_check_text(char **out, const pc_verdict *verdict, enum pc_view view);

/* The purpose a check is for when it names none (PRODUCT.md): "website"
 * for staff, "parent-social" for a parent; NULL for a value that is no
 * view. */
PC_EXTERN const char *pc_view_default_purpose(enum pc_view view);

/*
 * Whether the school's policy decides `purpose` whatever a pupil's
 * consent says: an always-denied purpose is denied for every pupil (its
 * verdict gives that one reason, always-denied), so no consent in force
 * for it counts. 1 or 0; 0 for NULL.
 */
struct pc_purpose;
PC_EXTERN int pc_purpose_overrides_consent(const struct pc_purpose *purpose);

#ifdef __cplusplus
}
#endif

#endif
