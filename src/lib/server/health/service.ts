import type { AppContext } from '../context';
import { isDatabaseAnswering } from './data';

/** True when the database answers a trivial query: what /healthz reports to a load balancer. */
export async function isDatabaseHealthy(ctx: AppContext): Promise<boolean> {
	return await isDatabaseAnswering(ctx.db);
}
