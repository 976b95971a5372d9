import type { AppContext } from '../context';
import { log } from '../log';
import * as data from './data';

/** Initial passwords wait this long for their one download, then are forgotten. */
export const INITIAL_PASSWORDS_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type InitialPasswordsState = 'available' | 'downloaded' | 'expired' | 'none';

type ImportPasswords = Pick<
	data.RosterImportRow,
	'committedAt' | 'initialPasswords' | 'passwordsDownloadedAt' | 'summary'
>;

/** When a committed import's initial passwords stop being handed out; null before commit. */
export function initialPasswordsExpireAt(row: Pick<ImportPasswords, 'committedAt'>): number | null {
	return row.committedAt === null ? null : row.committedAt + INITIAL_PASSWORDS_TTL_MS;
}

/**
 * Where an import's initial passwords stand at `now`. Expired ones may still be stored until the
 * next purge: they count as expired all the same. Pure.
 */
export function initialPasswordsState(row: ImportPasswords, now: number): InitialPasswordsState {
	if (row.passwordsDownloadedAt !== null) return 'downloaded';
	const expireAt = initialPasswordsExpireAt(row);
	if (expireAt === null) return 'none';
	// A purged batch is known by the accounts the import created.
	const hadPasswords = row.initialPasswords !== null || (row.summary?.created ?? 0) > 0;
	if (!hadPasswords) return 'none';
	if (now >= expireAt) return 'expired';
	return row.initialPasswords !== null ? 'available' : 'none';
}

/** Forgets every batch of initial passwords older than the TTL; returns how many. */
export async function purgeExpiredInitialPasswords(ctx: AppContext): Promise<number> {
	const purged = await data.clearInitialPasswordsCommittedBy(
		ctx.db,
		ctx.clock.now() - INITIAL_PASSWORDS_TTL_MS
	);
	if (purged > 0) log.info({ purged }, 'expired initial passwords purged');
	return purged;
}

/** Purges now and then every `everyMs`, so nothing lingers while the server runs for weeks. */
export async function startInitialPasswordsPurge(
	ctx: AppContext,
	everyMs = 3_600_000
): Promise<() => void> {
	await purgeExpiredInitialPasswords(ctx);
	const purge = async (): Promise<void> => {
		try {
			await purgeExpiredInitialPasswords(ctx);
		} catch (e) {
			log.error({ err: e }, 'initial passwords purge failed');
		}
	};
	const timer = setInterval(() => void purge(), everyMs);
	timer.unref();
	return () => clearInterval(timer);
}
