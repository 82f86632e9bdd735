-- photoconsent consent database, version 3.
--
-- The audit log answers "who cleared this photo, on what grounds?". Each
-- row of `checks` (one photo judged) also holds the command it came from,
-- the date the consent was judged as of (`--on`), the file's size and
-- modification time, and its file name made absolute; its reason and
-- warning codes are in check_codes and the pupils in the photo in
-- check_pupils. A scan writes one row of its own in `scans` (who, when,
-- for what, the folders it was given in scan_roots, and its counts), which
-- the rows of its photos name.
--
-- Rows written before version 3 keep what they held: the file name as it
-- was given, command 'check' (only check wrote to the log then), and NULL
-- or nothing for the rest (judged_on NULL tells them apart).
--
-- The log is only ever appended to: the triggers refuse to change or
-- delete a row.

CREATE TABLE scans (
	id           INTEGER PRIMARY KEY AUTOINCREMENT,
	started_at   TEXT NOT NULL,
	finished_at  TEXT NOT NULL,
	scanned_by   TEXT NOT NULL,
	purpose_id   TEXT NOT NULL,
	judged_on    TEXT NOT NULL,
	-- As the scan's summary counts them: photos judged is share + review
	-- + do_not_share + unreadable; skipped are files that are not photos
	-- and things passed over.
	photos       INTEGER NOT NULL CHECK (photos >= 0),
	share        INTEGER NOT NULL CHECK (share >= 0),
	review       INTEGER NOT NULL CHECK (review >= 0),
	do_not_share INTEGER NOT NULL CHECK (do_not_share >= 0),
	unreadable   INTEGER NOT NULL CHECK (unreadable >= 0),
	skipped      INTEGER NOT NULL CHECK (skipped >= 0)
);
CREATE INDEX scans_by_time ON scans (started_at);

-- The folders (or files) a scan was given, in order, made absolute.
CREATE TABLE scan_roots (
	scan_id  INTEGER NOT NULL REFERENCES scans (id),
	position INTEGER NOT NULL,
	root     TEXT NOT NULL,
	PRIMARY KEY (scan_id, position)
);

ALTER TABLE checks ADD COLUMN command TEXT NOT NULL DEFAULT 'check'
	CHECK (command IN ('check', 'scan'));
ALTER TABLE checks ADD COLUMN judged_on TEXT;
ALTER TABLE checks ADD COLUMN size INTEGER;
-- 'YYYY-MM-DD HH:MM:SS' UTC, as checked_at.
ALTER TABLE checks ADD COLUMN mtime TEXT;
ALTER TABLE checks ADD COLUMN scan_id INTEGER REFERENCES scans (id);
CREATE INDEX checks_by_file ON checks (file, checked_at);
CREATE INDEX checks_by_scan ON checks (scan_id);

-- The reasons, then the warnings, of a row, in the verdict's order.
CREATE TABLE check_codes (
	check_id INTEGER NOT NULL REFERENCES checks (id),
	position INTEGER NOT NULL,
	kind     TEXT NOT NULL CHECK (kind IN ('reason', 'warning')),
	code     TEXT NOT NULL,
	PRIMARY KEY (check_id, position)
);

-- The pupils a row's photo showed, as the database named them then. Not
-- a reference to pupils: the log says what was judged, whatever happens
-- to the records since.
CREATE TABLE check_pupils (
	check_id INTEGER NOT NULL REFERENCES checks (id),
	pupil_id TEXT NOT NULL,
	PRIMARY KEY (check_id, pupil_id)
);
CREATE INDEX check_pupils_by_pupil ON check_pupils (pupil_id, check_id);

CREATE TRIGGER checks_append_only_update BEFORE UPDATE ON checks
BEGIN
	SELECT RAISE(ABORT, 'the audit log is never changed');
END;
CREATE TRIGGER checks_append_only_delete BEFORE DELETE ON checks
BEGIN
	SELECT RAISE(ABORT, 'the audit log is never changed');
END;
CREATE TRIGGER check_codes_append_only_update BEFORE UPDATE ON check_codes
BEGIN
	SELECT RAISE(ABORT, 'the audit log is never changed');
END;
CREATE TRIGGER check_codes_append_only_delete BEFORE DELETE ON check_codes
BEGIN
	SELECT RAISE(ABORT, 'the audit log is never changed');
END;
CREATE TRIGGER check_pupils_append_only_update BEFORE UPDATE ON check_pupils
BEGIN
	SELECT RAISE(ABORT, 'the audit log is never changed');
END;
CREATE TRIGGER check_pupils_append_only_delete BEFORE DELETE ON check_pupils
BEGIN
	SELECT RAISE(ABORT, 'the audit log is never changed');
END;
CREATE TRIGGER scans_append_only_update BEFORE UPDATE ON scans
BEGIN
	SELECT RAISE(ABORT, 'the audit log is never changed');
END;
CREATE TRIGGER scans_append_only_delete BEFORE DELETE ON scans
BEGIN
	SELECT RAISE(ABORT, 'the audit log is never changed');
END;
CREATE TRIGGER scan_roots_append_only_update BEFORE UPDATE ON scan_roots
BEGIN
	SELECT RAISE(ABORT, 'the audit log is never changed');
END;
CREATE TRIGGER scan_roots_append_only_delete BEFORE DELETE ON scan_roots
BEGIN
	SELECT RAISE(ABORT, 'the audit log is never changed');
END;
