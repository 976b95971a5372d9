// The health check's data door: whether the database answers, asked of its adapter.
import { isDatabaseHealthy, type Db } from '../../db';

/** True when the database under `db` answers a trivial query. */
export async function isDatabaseAnswering(db: Db): Promise<boolean> {
	return await isDatabaseHealthy(db);
}
