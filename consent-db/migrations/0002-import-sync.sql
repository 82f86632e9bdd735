-- photoconsent consent database, version 2.
--
-- The MIS import becomes a sync of what the MIS says: each cell of the
-- school's export is compared with what the last import of that pupil
-- recorded, not with whatever is in force, so that re-importing a file
-- never undoes what the office recorded by hand since (a withdrawal, a
-- refusal, a flag). Also: the school's own settings, an event's reason
-- for its restrictions, and pupil ids that compare ignoring case.

-- Where each consent record came from: 'import' (the MIS file) or
-- 'manual' (photoconsent consent ...). Records written before version 2
-- by an import carry the note "imported from FILE line N".
ALTER TABLE consents ADD COLUMN source TEXT NOT NULL DEFAULT 'manual'
	CHECK (source IN ('manual', 'import'));
DROP TRIGGER consents_append_only_update;
UPDATE consents SET source = 'import' WHERE note LIKE 'imported from % line %';
CREATE TRIGGER consents_append_only_update BEFORE UPDATE ON consents
BEGIN
	SELECT RAISE(ABORT, 'consent records are never changed: append a new one');
END;

-- What the last import said for each pupil and column: a purpose column
-- (value 'granted' or 'refused', with the row's dates, and the record it
-- appended, if it appended one), or no_photo, no_name ('1' / '0') and
-- left_on (a date, or NULL for "has not left").
CREATE TABLE import_cells (
	pupil_id    TEXT NOT NULL REFERENCES pupils (id),
	field       TEXT NOT NULL,
	value       TEXT,
	signed_on   TEXT,
	expires_on  TEXT,
	seq         INTEGER,
	file        TEXT NOT NULL,
	line        INTEGER NOT NULL,
	imported_at TEXT NOT NULL,
	imported_by TEXT NOT NULL,
	PRIMARY KEY (pupil_id, field)
);

-- What earlier imports said, as far as their records tell: the last
-- record each one appended per pupil and purpose. The flags were not
-- kept; an import treats a flag it has no record of as set by hand.
INSERT INTO import_cells (pupil_id, field, value, signed_on, expires_on, seq, file, line,
                          imported_at, imported_by)
SELECT c.pupil_id, c.purpose_id, c.decision, c.signed_on, c.expires_on, c.seq,
       substr(c.note, 15, instr(c.note, ' line ') - 15),
       CAST(substr(c.note, instr(c.note, ' line ') + 6) AS INTEGER),
       c.recorded_at, c.recorded_by
  FROM consents AS c
 WHERE c.source = 'import'
   AND c.seq = (SELECT max(seq) FROM consents AS d
                 WHERE d.pupil_id = c.pupil_id AND d.purpose_id = c.purpose_id
                   AND d.source = 'import');

CREATE INDEX consents_by_source ON consents (pupil_id, purpose_id, source, seq);

-- The school's settings, one row each: person-roots (';'-separated).
CREATE TABLE settings (
	key   TEXT PRIMARY KEY NOT NULL,
	value TEXT NOT NULL
);

-- Why an event forbids what it forbids, as a denial quotes it.
ALTER TABLE events ADD COLUMN note TEXT;

-- Pupil ids typed on the command line compare ignoring case.
CREATE INDEX pupils_by_id_nocase ON pupils (id COLLATE NOCASE);
CREATE INDEX purposes_by_id_nocase ON purposes (id COLLATE NOCASE);
