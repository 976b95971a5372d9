import type { AppContext } from './context';
import { isDatabaseHealthy as answers } from './db';

/** True when the database answers a trivial query. */
export function isDatabaseHealthy(ctx: AppContext): Promise<boolean> {
	return answers(ctx.db);
}
