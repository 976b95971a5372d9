// Which migrations a database has had, against the ones this build carries: whether a restored
// backup or a copied database can be served by this build (it migrates one that is behind at
// start, and must never serve one that a newer build has already changed).
import fs from 'node:fs';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';

export interface BuildMigration {
	/** The migration's file name without .sql (`0013_roster_version_triggers`). */
	tag: string;
	hash: string;
	when: number;
}

/** What drizzle records for each migration it applied (`__drizzle_migrations`). */
export interface AppliedMigration {
	hash: string;
	createdAt: number;
}

export type SchemaStanding =
	| { state: 'current'; applied: number }
	| { state: 'behind'; applied: number; pending: string[] }
	| { state: 'newer'; applied: number; unknown: number }
	| { state: 'foreign'; reason: string };

/** The migrations in `folder` (drizzle/, or drizzle/pg), in the order they apply. */
export function buildMigrations(folder: string): BuildMigration[] {
	const journal = JSON.parse(
		fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')
	) as {
		entries: { tag: string; when: number }[];
	};
	const files = readMigrationFiles({ migrationsFolder: folder });
	return journal.entries.map((entry, i) => ({
		tag: entry.tag,
		when: entry.when,
		hash: files[i]!.hash
	}));
}

/**
 * Where a database with `applied` migrations stands against `build`. A database is a Qualify
 * one when its first migration is this build's first; it is newer when it has a migration this
 * build does not know or one made after this build's last.
 */
export function compareSchema(
	build: BuildMigration[],
	applied: AppliedMigration[] | null
): SchemaStanding {
	if (!applied || applied.length === 0) {
		return { state: 'foreign', reason: 'it has no Qualify migration history' };
	}
	if (applied[0]!.hash !== build[0]?.hash) {
		return { state: 'foreign', reason: "its first migration is not Qualify's" };
	}
	const known = new Set(build.map((m) => m.hash));
	const last = build.at(-1)!.when;
	const unknown = applied.filter((m) => !known.has(m.hash) || m.createdAt > last).length;
	if (unknown > 0) return { state: 'newer', applied: applied.length, unknown };
	const done = new Set(applied.map((m) => m.hash));
	const pending = build.filter((m) => !done.has(m.hash)).map((m) => m.tag);
	if (pending.length > 0) return { state: 'behind', applied: applied.length, pending };
	return { state: 'current', applied: applied.length };
}

/** One sentence for a terminal: where the database stands and what to do about it. */
export function describeStanding(standing: SchemaStanding, buildCount: number): string {
	switch (standing.state) {
		case 'current':
			return `schema up to date (${standing.applied} of ${buildCount} migrations)`;
		case 'behind':
			return (
				`schema ${standing.pending.length} migration(s) behind this build ` +
				`(${standing.pending.join(', ')}); this build applies them when it starts`
			);
		case 'newer':
			return (
				`schema is newer than this build (${standing.unknown} migration(s) this build does not ` +
				'know): use the Qualify version that wrote it, or a newer one'
			);
		case 'foreign':
			return `not a Qualify database: ${standing.reason}`;
	}
}

/** The SQL that lists applied migrations, oldest first, in each dialect's bookkeeping table. */
export const APPLIED_MIGRATIONS_SQL = {
	sqlite: 'select hash, created_at as "createdAt" from "__drizzle_migrations" order by id',
	postgres: 'select hash, created_at as "createdAt" from drizzle.__drizzle_migrations order by id'
} as const;
