// DATABASE_READ_URL: the reports read from a standby while everything else uses the primary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../src/lib/server/boot';
import { FakeClock } from '../../src/lib/server/clock';
import type { Config } from '../../src/lib/server/config';
import { readHandle, type AppContext } from '../../src/lib/server/context';
import { closeDatabase, row } from '../../src/lib/server/db';
import { runReport } from '../../src/lib/server/reports/service';
import { SYSTEM_ACTOR } from '../../src/lib/server/roster/actor';
import { testConfig } from '../helpers/app';
import { adminQuery } from './admin';
import { remove, startPrimary, startStandby, type Node } from './replication';

let primary: Node;
let standby: Node;
let ctx: AppContext;

beforeAll(async () => {
	primary = await startPrimary();
	standby = await startStandby(primary);
	const config: Config = {
		...testConfig(''),
		databaseUrl: primary.cluster.url,
		databaseReadUrl: `${standby.cluster.url}?target_session_attrs=prefer-standby`
	};
	ctx = await prepareDatabase(config, new FakeClock('2026-11-20T02:00:00Z'));
	await caughtUp();
}, 120_000);

/** Waits until the standby has replayed everything the primary has written so far. */
async function caughtUp(): Promise<void> {
	const [primaryAt] = await adminQuery<{ lsn: string }>(
		primary.cluster.url,
		'select pg_current_wal_lsn()::text as lsn'
	);
	for (let i = 0; i < 300; i++) {
		const [replay] = await adminQuery<{ behind: boolean }>(
			standby.cluster.url,
			'select pg_last_wal_replay_lsn() < $1::pg_lsn as behind',
			[primaryAt!.lsn]
		);
		if (!replay!.behind) return;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error('the standby did not catch up');
}

afterAll(async () => {
	if (ctx?.readDb) await closeDatabase(ctx.readDb);
	if (ctx) await closeDatabase(ctx.db);
	for (const n of [primary, standby]) if (n) remove(n);
});

const inRecovery = async (db: AppContext['db']) =>
	(await row<{ r: boolean }>(db, 'select pg_is_in_recovery() as r'))!.r;

describe('a reports replica', () => {
	it('takes the reports while the primary takes the writes', async () => {
		expect(ctx.readDb).toBeDefined();
		expect(await inRecovery(readHandle(ctx))).toBe(true);
		expect(await inRecovery(ctx.db)).toBe(false);
		// The migrations and the course sync reached the standby by replication, and a report
		// reads them there.
		const report = await runReport(ctx, SYSTEM_ACTOR, 'activity', {
			from: '2026-01',
			to: '2026-11',
			branchCode: null,
			position: null,
			groupBy: 'branch_month'
		});
		expect(report.rows).toHaveLength(11);
	});
});
