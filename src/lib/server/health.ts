import type { AppContext } from './context';

/** True when the database answers a trivial query. */
export function isDatabaseHealthy(ctx: AppContext): boolean {
	try {
		return ctx.db.$client.prepare('select 1 as ok').get() !== undefined;
	} catch {
		return false;
	}
}
