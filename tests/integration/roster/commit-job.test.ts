import { describe, expect, it, vi } from 'vitest';
import { listAuditEvents } from '../../../src/lib/server/audit/service';
import { selectRoles } from '../../../src/lib/server/auth/service';
import type { AppContext } from '../../../src/lib/server/context';
import { databaseOf, exec, inTransaction, row, rows } from '../../../src/lib/server/db';
import { openPostgres } from '../../../src/lib/server/db/postgres';
import { openSqlite, type SqliteDatabase } from '../../../src/lib/server/db/sqlite';
import { PG_ADMIN_URL } from '../../helpers/postgres';
import { countTurns } from '../../helpers/turns';
import { adminQuery } from '../../pg/admin';
import { SYSTEM_ACTOR } from '../../../src/lib/server/roster/actor';
import { JOB_SILENCE_MS } from '../../../src/lib/server/roster/commit-job';
import { publishCreates } from '../../../src/lib/server/roster/data';
import {
	commitRosterImport,
	failInterruptedRosterCommits,
	previewRosterImport,
	startRosterCommit,
	type CommitProgress
} from '../../../src/lib/server/roster/service';
import { getRosterImport } from '../../../src/lib/server/roster/view';
import { addAdmin, branchByCode, csv, HEADER, seedOffice, staffByNo } from './setup';

const count = async (app: AppContext, table: string): Promise<number> =>
	(await row<{ n: number }>(app.db, `select count(*) as n from ${table}`))!.n;

/** `rows` new tellers in branch B001, one line each. */
const newTellers = (rows: number): string[] =>
	Array.from(
		{ length: rows },
		(_, i) => `N${String(i).padStart(5, '0')},新人${i},B001,,,储蓄员,,,`
	);

const DOOMED = 'qualify_doomed';

/** A second connection to the same database: another process, which a test may "crash". */
function otherProcess(app: AppContext): AppContext {
	if (!app.config.databaseUrl) return { ...app, db: openSqlite(app.config.databasePath).db };
	const url = new URL(app.config.databaseUrl);
	url.searchParams.set('application_name', DOOMED);
	return { ...app, db: openPostgres(url.toString()).db };
}

/** The other process dies: its connections go, and nothing more it does is written. */
async function crash(other: AppContext): Promise<void> {
	const database = databaseOf(other.db);
	if (database.dialect === 'sqlite') {
		(database as SqliteDatabase).writer.close();
		return;
	}
	// Nothing more from it: its pool refuses new work, and the server cuts its connections.
	void database.close();
	await adminQuery(
		PG_ADMIN_URL!,
		'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and datname = $2',
		[DOOMED, new URL(other.config.databaseUrl!).pathname.slice(1)]
	);
}

describe('roster commit job', () => {
	it('starts in the background and returns at once; the page sees its progress, then the result', async () => {
		const { app, hr } = await seedOffice();
		const { importId } = await previewRosterImport(app, hr, csv(HEADER, ...newTellers(3000)));
		await startRosterCommit(app, hr, importId!);
		const running = await getRosterImport(app, hr, importId!);
		expect(running.status).toBe('committing');
		expect(running.job).toMatchObject({ phase: 'checking', percent: 0 });
		expect(await staffByNo(app, 'N00000')).toBeUndefined();
		await vi.waitFor(
			async () => expect((await getRosterImport(app, hr, importId!)).status).toBe('committed'),
			{
				timeout: 10_000
			}
		);
		const done = await getRosterImport(app, hr, importId!);
		expect(done).toMatchObject({ job: null, lastFailure: null, hasInitialPasswords: true });
		expect(done.counts).toMatchObject({ created: 3000 });
		// The staged rows go a slice at a time after the publish.
		await vi.waitFor(async () =>
			expect(
				(await count(app, 'roster_stage_staff')) + (await count(app, 'roster_stage_role'))
			).toBe(0)
		);
	});

	it('reports rising progress through its three phases, recorded where every node sees it', async () => {
		const { app, hr } = await seedOffice();
		const { importId } = await previewRosterImport(app, hr, csv(HEADER, ...newTellers(5000)));
		const seen: CommitProgress[] = [];
		const recorded: string[] = [];
		await commitRosterImport(app, hr, importId!, async (p) => {
			seen.push(p);
			const job = (await getRosterImport(app, hr, importId!)).job;
			if (job) recorded.push(job.phase);
		});
		const percents = seen.map((p) => p.percent);
		expect(percents).toEqual([...percents].sort((a, b) => a - b));
		expect(percents.at(-1)).toBe(100);
		expect([...new Set(seen.map((p) => p.phase))]).toEqual(['checking', 'preparing', 'writing']);
		expect(seen.find((p) => p.phase === 'checking' && p.done > 0)?.total).toBe(5000);
		expect(new Set(recorded)).toEqual(new Set(['checking', 'preparing', 'writing']));
	});

	it('lets other work run between its chunks', async () => {
		const { app, hr } = await seedOffice();
		const { importId } = await previewRosterImport(app, hr, csv(HEADER, ...newTellers(10_000)));
		const loop = countTurns();
		await commitRosterImport(app, hr, importId!);
		loop.stop();
		// 5 chunks of checks, 10 of accounts, the pages of people: each lets the ticker in.
		expect(loop.turns).toBeGreaterThanOrEqual(15);
	});

	it('refuses a second commit while one runs', async () => {
		const { app, hr } = await seedOffice();
		const { importId } = await previewRosterImport(app, hr, csv(HEADER, ...newTellers(10)));
		await startRosterCommit(app, hr, importId!);
		await expect(startRosterCommit(app, hr, importId!)).rejects.toThrow(
			expect.objectContaining({ problems: [{ key: 'roster.error.committing' }] })
		);
		await vi.waitFor(async () =>
			expect((await getRosterImport(app, hr, importId!)).status).toBe('committed')
		);
		expect(await count(app, 'staff')).toBe(13);
	});

	it('reports a job cut short by a crash as failed with nothing written, and commits again', async () => {
		const { app, hr } = await seedOffice();
		const { importId } = await previewRosterImport(app, hr, csv(HEADER, ...newTellers(2500)));
		const doomed = otherProcess(app);
		// The process dies halfway through staging: its connection goes, nothing more is written.
		await expect(
			commitRosterImport(doomed, hr, importId!, async (p) => {
				if (p.phase === 'preparing' && p.done >= 1000) await crash(doomed);
			})
		).rejects.toThrow();
		expect((await getRosterImport(app, hr, importId!)).status).toBe('committing');
		expect(await count(app, 'roster_stage_staff')).toBeGreaterThan(0);

		app.clock.advance(JOB_SILENCE_MS + 1);
		const view = await getRosterImport(app, hr, importId!);
		expect(view).toMatchObject({
			status: 'previewed',
			lastFailure: { key: 'roster.commit.interrupted' },
			hasInitialPasswords: false
		});
		expect(await count(app, 'staff')).toBe(3);
		expect((await count(app, 'roster_stage_staff')) + (await count(app, 'roster_stage_role'))).toBe(
			0
		);

		const again = await commitRosterImport(app, hr, importId!);
		expect(again.counts.created).toBe(2500);
		expect((await getRosterImport(app, hr, importId!)).lastFailure).toBeNull();
	});

	it('at start, a server gives up its own jobs at once and leaves a running CLI alone', async () => {
		const { app, hr } = await seedOffice();
		const crashed = async (actor: typeof hr | typeof SYSTEM_ACTOR, rows: string[]) => {
			const importId = (await previewRosterImport(app, actor, csv(HEADER, ...rows))).importId!;
			const dying = otherProcess(app);
			await expect(
				commitRosterImport(dying, actor, importId, async (p) => {
					if (p.phase === 'preparing') await crash(dying);
				})
			).rejects.toThrow();
			return importId;
		};
		const web = await crashed(hr, newTellers(1500));
		const cli = await crashed(SYSTEM_ACTOR, ['C001,命令行,B001,,,储蓄员,,,']);
		expect(await failInterruptedRosterCommits(app)).toBe(1);
		expect((await getRosterImport(app, hr, web)).status).toBe('previewed');
		// The command line may still be running: only its silence gives it away.
		expect((await getRosterImport(app, hr, cli)).status).toBe('committing');
		app.clock.advance(JOB_SILENCE_MS + 1);
		expect((await getRosterImport(app, hr, cli)).status).toBe('previewed');
		expect(await count(app, 'staff')).toBe(3);
	});

	it('a job given up for dead cannot publish afterwards', async () => {
		const { app, hr } = await seedOffice();
		const { importId } = await previewRosterImport(app, hr, csv(HEADER, ...newTellers(10)));
		const slow = commitRosterImport(app, hr, importId!, async (p) => {
			if (p.phase !== 'preparing') return;
			// Another node finds it silent for too long while it still runs.
			app.clock.advance(JOB_SILENCE_MS + 1);
			await getRosterImport(app, hr, importId!);
		});
		await expect(slow).rejects.toMatchObject({
			problems: [{ key: 'roster.commit.interrupted' }]
		});
		expect(await count(app, 'staff')).toBe(3);
		expect((await getRosterImport(app, hr, importId!)).status).toBe('previewed');
	});

	it('plans again when the roster changes under it, and applies the file to the new state', async () => {
		const { app, hr } = await seedOffice();
		const { importId } = await previewRosterImport(
			app,
			hr,
			csv(HEADER, 'T001,储蓄员乙,B001,,,理财经理,,学员;导师,在职', ...newTellers(20))
		);
		const phases: string[] = [];
		let changed = false;
		await commitRosterImport(app, hr, importId!, async (p) => {
			phases.push(p.phase);
			if (p.phase !== 'preparing' || changed) return;
			changed = true;
			// Someone renames the teller's branch and gives the teller a new role meanwhile.
			await exec(app.db, `update branch set name = '河口新支局' where code = 'B001'`);
			const teller = (await staffByNo(app, 'T001'))!;
			await exec(app.db, `insert into staff_role (staff_id, role) values (?, 'trainer')`, [
				teller.id
			]);
		});
		expect(phases.indexOf('checking', phases.indexOf('preparing'))).toBeGreaterThan(0);
		const teller = (await staffByNo(app, 'T001'))!;
		expect(teller.position).toBe('理财经理');
		expect((await selectRoles(app.db, teller.id)).sort()).toEqual(['learner', 'mentor']);
		expect((await listAuditEvents(app, 10, 'staff.roles_change'))[0]?.detail).toMatchObject({
			from: ['learner', 'trainer'],
			to: ['learner', 'mentor']
		});
		expect((await branchByCode(app, 'B001'))?.name).toBe('河口新支局');
		expect(await count(app, 'staff')).toBe(23);
	});

	it('refuses, writing nothing, when a change made meanwhile breaks a rule', async () => {
		const { app, hr, head } = await seedOffice();
		await addAdmin(app, head.id);
		const { importId } = await previewRosterImport(
			app,
			hr,
			csv(HEADER, 'T001,储蓄员乙,B001,,,理财经理,,,', ...newTellers(20))
		);
		await expect(
			commitRosterImport(app, hr, importId!, async (p) => {
				if (p.phase !== 'preparing') return;
				// An admin makes the teller an admin, whose record HR may no longer change.
				const teller = (await staffByNo(app, 'T001'))!;
				await exec(
					app.db,
					`insert into staff_role (staff_id, role) values (?, 'admin') on conflict do nothing`,
					[teller.id]
				);
			})
		).rejects.toMatchObject({ problems: [{ key: 'roster.error.changedMeanwhile' }] });
		expect((await staffByNo(app, 'T001'))?.position).toBe('储蓄员');
		expect(await count(app, 'staff')).toBe(4);
		expect((await getRosterImport(app, hr, importId!)).lastFailure).toEqual({
			key: 'roster.error.changedMeanwhile'
		});
	});

	it('publishes new people a slice of file positions per statement, in file order, pacing between slices', async () => {
		const { app } = await seedOffice();
		const importId = 9_001;
		const firstId = (await row<{ id: number }>(app.db, 'select max(id) as id from staff'))!.id + 1;
		// Three new people far apart in the file: each in a slice of 20,000 positions of its own.
		const seqs = [0, 20_000, 40_001];
		for (const [i, seq] of seqs.entries()) {
			await exec(
				app.db,
				`insert into roster_stage_staff (import_id, seq, is_new, staff_id, employee_no, name,
					branch_code, position, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				[importId, seq, true, firstId + i, `P${seq}`, `新人${seq}`, 'B001', '储蓄员', 'active']
			);
		}
		const before = await count(app, 'staff');
		const seenAtEachPace: number[] = [];
		const created = await inTransaction(app.db, (tx) =>
			publishCreates(tx, importId, 1_000, async () => {
				const n = (await row<{ n: number }>(tx, 'select count(*) as n from staff'))!.n;
				seenAtEachPace.push(Number(n) - before);
			})
		);
		expect(created).toBe(3);
		expect(seenAtEachPace).toEqual([1, 2]);
		const published = await rows<{ id: number; employeeNo: string }>(
			app.db,
			'select id, employee_no as "employeeNo" from staff where id >= ? order by id',
			[firstId]
		);
		expect(published).toEqual(seqs.map((seq, i) => ({ id: firstId + i, employeeNo: `P${seq}` })));
	});
});
