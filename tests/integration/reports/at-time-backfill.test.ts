import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseOf, exec, rows } from '../../../src/lib/server/db';
import { migrateDatabase } from '../../../src/lib/server/db/open';
import { rebuildAttemptSummary } from '../../../src/lib/server/reports/attempt-summary';
import { createTestApp, type TestApp } from '../../helpers/app';
import { PG_ADMIN_URL } from '../../helpers/postgres';
import { makeBranch, makeStaff } from '../../helpers/factories';
import { office } from './fixture';

const MIGRATIONS = path.resolve('drizzle');
/** The last migration before results recorded their branch and position. */
const BEFORE = '0013_roster_version_triggers';

const folders: string[] = [];
afterEach(() => {
	for (const f of folders.splice(0)) fs.rmSync(f, { recursive: true, force: true });
});

function migrationsUpToBefore(): string {
	const out = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-migrations-'));
	folders.push(out);
	fs.mkdirSync(path.join(out, 'meta'));
	const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8'));
	const tags = (journal.entries as { tag: string }[]).map((e) => e.tag);
	journal.entries = journal.entries.slice(0, tags.indexOf(BEFORE) + 1);
	fs.writeFileSync(path.join(out, 'meta/_journal.json'), JSON.stringify(journal));
	for (const e of journal.entries as { tag: string }[]) {
		fs.copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(out, `${e.tag}.sql`));
	}
	return out;
}

const select = async (app: TestApp, sql: string) => await rows(app.db, sql);

// SQLite's migration history; the PostgreSQL twin (drizzle/pg) runs the same statements.
describe.skipIf(PG_ADMIN_URL)('at-time backfill migration', () => {
	it("gives old results the person's current branch and position, and a summary a rebuild agrees with", async () => {
		const app = await createTestApp({ migrationsFolder: migrationsUpToBefore() });
		const s01 = (await makeBranch(app)).id;
		const s02 = (await makeBranch(app)).id;
		const p1 = (await makeStaff(app, { branchId: s01, position: '储蓄员' })).id;
		const p2 = (await makeStaff(app, { branchId: s02, position: '客户经理' })).id;
		const now = app.clock.now();
		await exec(
			app.db,
			`insert into exam_definition (title, purpose, blueprint, pass_mark, review_policy, created_at, updated_at)
			 values ('认证', 'certification', '[]', 60, 'score_only', ?, ?)`,
			[now, now]
		);
		const attempt = `insert into attempt (exam_id, staff_id, attempt_no, seed, paper, status,
			started_at, submitted_at, max_score, passed) values (1, ?, ?, 's', '[]', 'submitted', ?, ?, 100, ?)`;
		await exec(app.db, attempt, [p1, 1, office('2026-01-15'), office('2026-01-15'), 1]);
		await exec(app.db, attempt, [p2, 1, office('2026-02-15'), office('2026-02-15'), 0]);
		await exec(
			app.db,
			`insert into hour_entry (staff_id, kind, hours, earned_on, source, recorded_at)
			 values (?, 'remote', 2, '2026-01-10', 'manual', ?)`,
			[p2, now]
		);

		await migrateDatabase(databaseOf(app.db), MIGRATIONS);

		expect(
			await select(
				app,
				`select staff_id as "staffId", branch_id as "branchId", position from attempt order by id`
			)
		).toEqual([
			{ staffId: p1, branchId: s01, position: '储蓄员' },
			{ staffId: p2, branchId: s02, position: '客户经理' }
		]);
		expect(await select(app, `select branch_id as "branchId", position from hour_entry`)).toEqual([
			{ branchId: s02, position: '客户经理' }
		]);
		const summary = `select month, branch_id as "branchId", sat, passed from attempt_month_summary
			order by month`;
		const after = await select(app, summary);
		expect(after).toEqual([
			{ month: '2026-01', branchId: s01, sat: 1, passed: 1 },
			{ month: '2026-02', branchId: s02, sat: 1, passed: 0 }
		]);
		await rebuildAttemptSummary(app.db);
		expect(await select(app, summary)).toEqual(after);
	});
});
