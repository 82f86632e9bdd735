/*
 * migrations.h: the consent database's schema, as the SQL files in
 * consent-db/migrations/ compiled in (build-aux/embed-sql.sh).
 *
 * pc__migrations[i] brings a database at version i to version i + 1, so
 * the schema version this library writes is pc__migration_count. A
 * migration is never edited once released: a change is a new file.
 */
#ifndef PC_MIGRATIONS_H
#define PC_MIGRATIONS_H

extern const char *const pc__migrations[];
extern const int pc__migration_count;

#endif
