// What to run instead of `backup` and `restore` when Qualify is on PostgreSQL: the server's own
// tools do it better (a consistent dump of a live database, a physical copy for a standby).
import { parseHostList } from '../db/pg-hosts';

function connectionFlags(url: string): string {
	const list = parseHostList(url);
	const host = list.hosts[0]!;
	return `-h ${host.host} -p ${host.port} -U ${list.user ?? 'postgres'}`;
}

function databaseName(url: string): string {
	return parseHostList(url).database ?? 'postgres';
}

const PASSWORD_NOTE =
	'The password is not shown: give it in PGPASSWORD or ~/.pgpass. With several hosts in\n' +
	'DATABASE_URL, name the primary.';

/** The pg_dump and pg_basebackup commands for the database `url` names. */
export function postgresBackupAdvice(url: string, file: string): string {
	const flags = connectionFlags(url);
	return [
		"Qualify is on PostgreSQL (DATABASE_URL): back it up with PostgreSQL's own tools.",
		'',
		'A logical backup of the database (consistent while the app serves; restore with pg_restore):',
		`  pg_dump -Fc ${flags} -d ${databaseName(url)} -f ${file}`,
		'',
		'A physical copy of the whole server (for a new standby, or with WAL archiving for',
		'point-in-time recovery):',
		`  pg_basebackup ${flags} -D ${file}.base -Fp -Xs -P`,
		'',
		PASSWORD_NOTE
	].join('\n');
}

/** The pg_restore commands for a pg_dump file, and the check to run after. */
export function postgresRestoreAdvice(url: string, file: string): string {
	const flags = connectionFlags(url);
	return [
		"Qualify is on PostgreSQL (DATABASE_URL): restore with PostgreSQL's own tools, into a new",
		'database, then point DATABASE_URL at it:',
		'',
		`  createdb ${flags} qualify_restored`,
		`  pg_restore ${flags} -d qualify_restored --no-owner --exit-on-error ${file}`,
		'  DATABASE_URL=postgres://…/qualify_restored npm run cli -- check-schema',
		'',
		'check-schema says whether this build can serve the restored database.',
		PASSWORD_NOTE
	].join('\n');
}
