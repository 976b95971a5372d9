// `npm run test:pg`: the integration suite and the PostgreSQL-only tests against a throwaway
// PostgreSQL cluster that this starts on a free port and removes after.
import { spawnSync } from 'node:child_process';
import { findPostgresBin, startCluster } from './cluster';

if (!findPostgresBin()) {
	console.error(
		'PostgreSQL 15+ is needed for npm run test:pg. As root: apt-get update && apt-get install -y postgresql'
	);
	process.exit(1);
}
// The suite creates and drops a database per test: durability buys nothing here.
const cluster = await startCluster({
	settings: {
		fsync: 'off',
		synchronous_commit: 'off',
		full_page_writes: 'off',
		max_connections: '300'
	}
});
let status = 1;
try {
	const result = spawnSync(
		'npx',
		['vitest', 'run', '--config', 'tests/pg/vitest.config.ts', ...process.argv.slice(2)],
		{ stdio: 'inherit', env: { ...process.env, QUALIFY_TEST_PG_URL: cluster.url } }
	);
	status = result.status ?? 1;
} finally {
	cluster.remove();
}
// The failover test builds its own primary and standby; it runs after the suite unless the
// suite was asked for particular files.
if (process.argv.length <= 2) {
	const failover = spawnSync('npx', ['tsx', 'tests/pg/failover.ts'], { stdio: 'inherit' });
	if (status === 0) status = failover.status ?? 1;
}
process.exit(status);
