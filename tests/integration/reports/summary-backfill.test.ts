import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseOf, exec, rows } from '../../../src/lib/server/db';
import { migrateDatabase } from '../../../src/lib/server/db/open';
import { attempt } from '../../../src/lib/server/db/schema';
import { rebuildAttemptSummary } from '../../../src/lib/server/reports/attempt-summary';
import { runReport } from '../../../src/lib/server/reports/service';
import { SYSTEM_ACTOR } from '../../../src/lib/server/roster/actor';
import { createTestApp, type TestApp } from '../../helpers/app';
import { PG_ADMIN_URL } from '../../helpers/postgres';
import { makeBranch, makeStaff } from '../../helpers/factories';
import { FILTERS, office } from './fixture';

const MIGRATIONS = path.resolve('drizzle');

const folders: string[] = [];
afterEach(() => {
	for (const f of folders.splice(0)) fs.rmSync(f, { recursive: true, force: true });
});

/** A copy of drizzle/ whose journal stops at 0006_report_indexes: a database from before 0007. */
function migrationsUpTo0006(): string {
	const out = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-migrations-'));
	folders.push(out);
	fs.mkdirSync(path.join(out, 'meta'));
	const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8'));
	journal.entries = journal.entries.filter((e: { idx: number }) => e.idx <= 6);
	expect(journal.entries.at(-1).tag).toBe('0006_report_indexes');
	fs.writeFileSync(path.join(out, 'meta/_journal.json'), JSON.stringify(journal));
	for (const e of journal.entries as { tag: string }[]) {
		fs.copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(out, `${e.tag}.sql`));
	}
	return out;
}

async function summary(app: TestApp) {
	return await rows(
		app.db,
		`select exam_id as "examId", month, branch_id as "branchId", sat, passed
			 from attempt_month_summary order by exam_id, month, branch_id`
	);
}

// Written as SQL naming the columns of 0006: the schema's later columns are not there yet.
async function exam(app: TestApp, purpose: 'certification' | 'practice') {
	const now = app.clock.now();
	await exec(
		app.db,
		`insert into exam_definition (title, purpose, blueprint, pass_mark, review_policy, created_at, updated_at)
		values (?, ?, '[]', 60, 'score_only', ?, ?)`,
		[purpose, purpose, now, now]
	);
	const [made] = await rows<{ id: number }>(
		app.db,
		'select max(id) as "id" from exam_definition where title = ?',
		[purpose]
	);
	return made!.id;
}

let attemptNo = 0;
/** An attempt written straight to the table, as before 0006: nothing counts it. */
async function oldAttempt(
	app: TestApp,
	examId: number,
	staffId: number,
	startedAt: number,
	passed: boolean | null,
	status: 'open' | 'submitted' = 'submitted'
) {
	attemptNo++;
	await app.db
		.insert(attempt)
		.values({
			examId,
			staffId,
			attemptNo,
			seed: `old${attemptNo}`,
			paper: [],
			status,
			startedAt,
			submittedAt: status === 'submitted' ? startedAt + 600_000 : null,
			maxScore: 100,
			passed
		})
		.run();
}

// SQLite's migration history: PostgreSQL databases start at drizzle/pg's 0000, summary included.
describe.skipIf(PG_ADMIN_URL)('migration 0007 (attempt summary backfill)', () => {
	it('counts attempts submitted before 0006 and agrees with a rebuild', async () => {
		const app = await createTestApp({ migrationsFolder: migrationsUpTo0006() });
		const s01 = (await makeBranch(app)).id;
		const s02 = (await makeBranch(app)).id;
		const p1 = (await makeStaff(app, { branchId: s01 })).id;
		const p2 = (await makeStaff(app, { branchId: s02 })).id;
		const cert = await exam(app, 'certification');
		const practice = await exam(app, 'practice');
		await oldAttempt(app, cert, p1, office('2026-01-15'), true);
		await oldAttempt(app, cert, p1, office('2026-01-20'), false);
		await oldAttempt(app, cert, p1, office('2026-02-01', '00:10'), true); // 31 Jan in UTC
		await oldAttempt(app, cert, p2, office('2026-01-31', '23:50'), null); // submitted, ungraded
		await oldAttempt(app, cert, p2, office('2026-02-02'), null, 'open'); // not counted
		await oldAttempt(app, practice, p2, office('2026-02-03'), true);
		// A stale row the backfill must not keep.
		await exec(app.db, `insert into attempt_month_summary values (?, '2025-06', ?, 9, 9)`, [
			cert,
			s01
		]);
		const before = (await runReport(app, SYSTEM_ACTOR, 'certification', FILTERS)).trend;
		expect(before?.map((p) => p.office.den)).toEqual([0, 0, 0]);

		await migrateDatabase(databaseOf(app.db), MIGRATIONS);

		const after = await summary(app);
		expect(after).toEqual([
			{ examId: cert, month: '2026-01', branchId: s01, sat: 2, passed: 1 },
			{ examId: cert, month: '2026-01', branchId: s02, sat: 1, passed: 0 },
			{ examId: cert, month: '2026-02', branchId: s01, sat: 1, passed: 1 },
			{ examId: practice, month: '2026-02', branchId: s02, sat: 1, passed: 1 }
		]);
		await rebuildAttemptSummary(app.db);
		expect(await summary(app)).toEqual(after);
		const trend = (await runReport(app, SYSTEM_ACTOR, 'certification', FILTERS)).trend;
		expect(trend?.map((p) => [p.office.num, p.office.den])).toEqual([
			[1, 3],
			[1, 1],
			[0, 0]
		]);
	});
});
