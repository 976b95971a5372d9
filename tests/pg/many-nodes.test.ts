// Two app nodes (two processes) on one PostgreSQL database, doing the same thing at the same
// moment: what must hold across nodes is held by the database, not by either process.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { toSessionUser, type SessionUser } from '../../src/lib/server/auth/session';
import { createCampaign } from '../../src/lib/server/spot/campaigns';
import { previewRosterImport } from '../../src/lib/server/roster/service';
import { startAttempt } from '../../src/lib/server/exams/attempts';
import { adminQuery } from './admin';
import { createTestApp, type TestApp } from '../helpers/app';
import { makeBank, makeExam } from '../helpers/exams';
import { makeBranch, makeStaff } from '../helpers/factories';
import { PG_ADMIN_URL, urlFor } from '../helpers/postgres';
import type { NodeJob } from './node';

const run = promisify(execFile);
const HOUR = 3_600_000;

/** Runs `jobs` as separate node processes that act together; their results in order. */
async function together(
	jobs: Omit<NodeJob, 'at'>[],
	startupMs = 6_000
): Promise<{ ok: boolean; result?: unknown; error?: string }[]> {
	const at = Date.now() + startupMs;
	const outputs = await Promise.all(
		jobs.map((j) =>
			run('npx', ['tsx', 'tests/pg/node.ts', JSON.stringify({ ...j, at })], {
				timeout: 120_000
			})
		)
	);
	return outputs.map((o) => JSON.parse(o.stdout.trim().split('\n').at(-1)!));
}

function asUser(row: Awaited<ReturnType<typeof makeStaff>>, roles: SessionUser['roles']) {
	return toSessionUser(row, roles);
}

async function office(app: TestApp) {
	const b = await makeBranch(app, { code: 'B001' });
	const hr = asUser(await makeStaff(app, { branchId: b.id, position: '人力资源', roles: ['hr'] }), [
		'hr'
	]);
	const tellers: SessionUser[] = [];
	for (let i = 0; i < 6; i++)
		tellers.push(asUser(await makeStaff(app, { branchId: b.id }), ['learner']));
	const bank = await makeBank(app, 5);
	return { b, hr, tellers, bank };
}

const count = async (app: TestApp, sql: string): Promise<number> =>
	Number((await adminQuery<{ n: string }>(app.config.databaseUrl!, sql))[0]!.n);

describe.runIf(PG_ADMIN_URL)('two app nodes on one PostgreSQL database', () => {
	it('start together on an empty database: one migrates, one seeds the demo, both serve', async () => {
		const name = `qualify_boot_${process.pid}`;
		await adminQuery(PG_ADMIN_URL!, `drop database if exists ${name}`);
		await adminQuery(PG_ADMIN_URL!, `create database ${name}`);
		const url = urlFor(name);
		try {
			const results = await together(
				[0, 1].map(() => ({ url, op: 'boot' as const, now: '2026-03-02T01:00:00Z' })),
				4_000
			);
			expect(results).toEqual([
				{ ok: true, result: 'ready' },
				{ ok: true, result: 'ready' }
			]);
			const [migrations] = await adminQuery<{ n: string; d: string }>(
				url,
				'select count(*) as n, count(distinct hash) as d from drizzle.__drizzle_migrations'
			);
			expect(Number(migrations!.n)).toBe(Number(migrations!.d));
			// The demo office once: 351 staff, not 702, and every employee number once.
			const [staff] = await adminQuery<{ n: string; d: string }>(
				url,
				'select count(*) as n, count(distinct employee_no) as d from staff'
			);
			expect(Number(staff!.n)).toBe(351);
			expect(Number(staff!.d)).toBe(351);
		} finally {
			await adminQuery(PG_ADMIN_URL!, `drop database if exists ${name} with (force)`);
		}
	}, 300_000);

	it('start one attempt when the same person starts on both', async () => {
		const app = await createTestApp();
		const { bank, tellers } = await office(app);
		const examId = await makeExam(app, bank, { attemptsAllowed: 3, timeLimitMinutes: 30 });
		const results = await together(
			[0, 1].map(() => ({
				url: app.config.databaseUrl!,
				op: 'start' as const,
				now: new Date(app.clock.now()).toISOString(),
				user: tellers[0]!,
				id: examId
			}))
		);
		expect(results.filter((r) => !r.ok)).toEqual([]);
		expect(results[0]!.result).toBe(results[1]!.result);
		expect(await count(app, `select count(*) as n from attempt where exam_id = ${examId}`)).toBe(1);
	}, 120_000);

	it('submit each overdue attempt once when both sweep', async () => {
		const app = await createTestApp();
		const { bank, tellers } = await office(app);
		const examId = await makeExam(app, bank, { attemptsAllowed: 3, timeLimitMinutes: 10 });
		for (const t of tellers) await startAttempt(app, t, examId);
		const later = new Date(app.clock.now() + 2 * HOUR).toISOString();
		const results = await together(
			[0, 1].map(() => ({ url: app.config.databaseUrl!, op: 'sweep' as const, now: later }))
		);
		expect(results.filter((r) => !r.ok)).toEqual([]);
		// Between them the two nodes closed the six attempts, each once.
		expect((results[0]!.result as number) + (results[1]!.result as number)).toBe(6);
		expect(await count(app, `select count(*) as n from attempt where status = 'submitted'`)).toBe(
			6
		);
		expect(await count(app, 'select coalesce(sum(sat), 0) as n from attempt_month_summary')).toBe(
			6
		);
	}, 120_000);

	it('draw a spot campaign once when HR clicks on both', async () => {
		const app = await createTestApp();
		const { bank, hr } = await office(app);
		const examId = await makeExam(app, bank, { purpose: 'spot', attemptsAllowed: 1 });
		const now = app.clock.now();
		const campaignId = await createCampaign(app, hr, {
			examId,
			title: '三月抽考',
			month: '2026-03',
			windowOpensAt: now + HOUR,
			windowClosesAt: now + 48 * HOUR,
			positions: ['储蓄员'],
			branchIds: [],
			sampleMode: 'count',
			sampleValue: 3,
			excludeMonths: 0,
			alternatesPerBranch: 1,
			retestsAllowed: 1,
			remedialCourseId: null,
			remedialLessonKey: null
		});
		const results = await together(
			[0, 1].map(() => ({
				url: app.config.databaseUrl!,
				op: 'draw' as const,
				now: new Date(now).toISOString(),
				user: hr,
				id: campaignId
			}))
		);
		expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
		expect(results.filter((r) => !r.ok).map((r) => r.error)).toEqual(['spot.error.alreadyDrawn']);
		expect(
			await count(app, `select count(*) as n from spot_draw where campaign_id = ${campaignId}`)
		).toBe(1);
	}, 120_000);

	it('commit a roster import once when it is committed on both', async () => {
		const app = await createTestApp();
		const { hr } = await office(app);
		const lines = ['工号,姓名,机构代码,机构名称,机构类型,岗位,入职日期,角色,状态'];
		for (let i = 0; i < 50; i++)
			lines.push(`N${String(i).padStart(4, '0')},新员工${i},B001,,,储蓄员,,,`);
		// Previewed on this node; committed on two others.
		const preview = await previewRosterImport(app, hr, {
			fileName: 'roster.csv',
			bytes: new TextEncoder().encode(lines.join('\r\n'))
		});
		const before = await count(app, 'select count(*) as n from staff');
		const results = await together(
			[0, 1].map(() => ({
				url: app.config.databaseUrl!,
				op: 'commit' as const,
				now: new Date(app.clock.now()).toISOString(),
				user: hr,
				id: preview.importId!
			}))
		);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		// The other click finds it being committed, or already committed if it came that late.
		expect(results.filter((r) => !r.ok).map((r) => r.error)).toEqual([
			expect.stringMatching(/^roster\.error\.(committing|alreadyCommitted)$/)
		]);
		expect(await count(app, 'select count(*) as n from staff')).toBe(before + 50);
	}, 120_000);
});
