-- photoconsent consent database, version 1.
--
-- Pupils and their current details; consent records, append-only; the
-- purposes (channels) a photo may be used for, each with the sentence of
-- the school's policy that a denial quotes; events with the tags that name
-- them in photos and the purposes they forbid; and the audit log of checks.
-- Dates are 'YYYY-MM-DD' text; times 'YYYY-MM-DD HH:MM:SS' UTC.
-- The store sets PRAGMA user_version after each migration.

-- 'PCDB': tells a photoconsent database from any other SQLite file.
PRAGMA application_id = 1346585666;

CREATE TABLE pupils (
	id             TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
	forename       TEXT NOT NULL CHECK (length(forename) > 0),
	surname        TEXT NOT NULL CHECK (length(surname) > 0),
	preferred_name TEXT,
	class          TEXT,
	no_photo       INTEGER NOT NULL DEFAULT 0 CHECK (no_photo IN (0, 1)),
	no_name        INTEGER NOT NULL DEFAULT 0 CHECK (no_name IN (0, 1)),
	left_on        TEXT,
	-- Folded forms (case, accents, spacing) for matching tags to pupils:
	-- "forename surname", and "preferred surname" when there is one.
	name_key       TEXT NOT NULL,
	preferred_key  TEXT,
	created_at     TEXT NOT NULL,
	created_by     TEXT NOT NULL,
	updated_at     TEXT NOT NULL,
	updated_by     TEXT NOT NULL
);
CREATE INDEX pupils_by_name ON pupils (name_key);
CREATE INDEX pupils_by_preferred ON pupils (preferred_key);
CREATE INDEX pupils_by_class ON pupils (class, surname, forename);

CREATE TABLE aliases (
	pupil_id  TEXT NOT NULL REFERENCES pupils (id),
	alias     TEXT NOT NULL CHECK (length(alias) > 0),
	alias_key TEXT NOT NULL,
	PRIMARY KEY (pupil_id, alias_key)
);
CREATE INDEX aliases_by_key ON aliases (alias_key);

CREATE TABLE purposes (
	id          TEXT PRIMARY KEY NOT NULL,
	description TEXT NOT NULL,
	policy      TEXT NOT NULL,
	public      INTEGER NOT NULL CHECK (public IN (0, 1)),
	always_deny INTEGER NOT NULL DEFAULT 0 CHECK (always_deny IN (0, 1))
);

-- Never updated or deleted: a change appends a record (see the triggers).
CREATE TABLE consents (
	seq          INTEGER PRIMARY KEY AUTOINCREMENT,
	pupil_id     TEXT NOT NULL REFERENCES pupils (id),
	purpose_id   TEXT NOT NULL REFERENCES purposes (id),
	decision     TEXT NOT NULL CHECK (decision IN ('granted', 'refused', 'withdrawn')),
	signed_on    TEXT,
	expires_on   TEXT,
	withdrawn_on TEXT,
	recorded_by  TEXT NOT NULL,
	recorded_at  TEXT NOT NULL,
	note         TEXT,
	CHECK (decision = 'withdrawn' OR withdrawn_on IS NULL),
	CHECK (expires_on IS NULL OR signed_on IS NULL OR expires_on >= signed_on)
);
CREATE INDEX consents_by_pupil ON consents (pupil_id, purpose_id, seq);

CREATE TRIGGER consents_append_only_update BEFORE UPDATE ON consents
BEGIN
	SELECT RAISE(ABORT, 'consent records are never changed: append a new one');
END;
CREATE TRIGGER consents_append_only_delete BEFORE DELETE ON consents
BEGIN
	SELECT RAISE(ABORT, 'consent records are never deleted: append a new one');
END;

CREATE TABLE events (
	id        TEXT PRIMARY KEY NOT NULL,
	name      TEXT NOT NULL,
	starts_on TEXT NOT NULL,
	ends_on   TEXT NOT NULL,
	CHECK (ends_on >= starts_on)
);

CREATE TABLE event_tags (
	event_id TEXT NOT NULL REFERENCES events (id),
	tag      TEXT NOT NULL,
	tag_key  TEXT NOT NULL,
	PRIMARY KEY (event_id, tag_key)
);
CREATE INDEX event_tags_by_key ON event_tags (tag_key);

CREATE TABLE event_denies (
	event_id   TEXT NOT NULL REFERENCES events (id),
	purpose_id TEXT NOT NULL REFERENCES purposes (id),
	PRIMARY KEY (event_id, purpose_id)
);

-- One row per staff check of a photo.
CREATE TABLE checks (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	checked_at TEXT NOT NULL,
	checked_by TEXT NOT NULL,
	file       TEXT NOT NULL,
	purpose_id TEXT NOT NULL,
	verdict    TEXT NOT NULL CHECK (verdict IN ('share', 'do-not-share', 'review'))
);
CREATE INDEX checks_by_time ON checks (checked_at);

-- The purposes every school starts with, each with the sentence of its
-- Social Networking Policy that a denial quotes.
INSERT INTO purposes (id, description, policy, public, always_deny) VALUES
	('display', 'displays inside the school',
	 'The school displays photos of pupils inside the school only with their parent''s consent.', 0, 0),
	('newsletter', 'the school newsletter',
	 'The school publishes photos of pupils in its newsletter only with each pictured child''s parent''s consent.', 1, 0),
	('website', 'the school website',
	 'The school publishes photos of pupils on its website only with each pictured child''s parent''s consent.', 1, 0),
	('social', 'the school''s official social media',
	 'The school posts photos of pupils on its official social media only with each pictured child''s parent''s consent.', 1, 0),
	('press', 'the local press',
	 'The school gives photos of pupils to the local press only with each pictured child''s parent''s consent.', 1, 0),
	('parent-social', 'a parent posting on personal social media',
	 'Parents are asked not to post photographs of other people''s children on social network sites without their permission.', 1, 0),
	('staff-personal', 'a member of staff posting on personal social media',
	 'Staff agree not to post pictures of school events on social network sites, nor to use them to communicate with pupils.', 1, 1);
