import { afterEach, describe, expect, it } from 'vitest';
import { toSessionUser } from '../../../src/lib/server/auth/session';
import {
	completeLesson,
	getLesson,
	listStudyTimeOf,
	listStudyTotals,
	recordStudyBeat
} from '../../../src/lib/server/courses/service';
import { loadContent } from '../../../src/lib/server/courses/loader';
import { syncCourses } from '../../../src/lib/server/courses/sync';
import { Forbidden, Invalid } from '../../../src/lib/server/errors';
import { getStaffHours } from '../../../src/lib/server/hours/service';
import { POST } from '../../../src/routes/(app)/learn/[course]/[module]/[lesson]/study/+server';
import { createTestApp, type TestApp } from '../../helpers/app';
import { makeBranch, makeStaff } from '../../helpers/factories';
import { studyLesson } from '../../helpers/study';
import { lesson, removeTrees, writeTree } from '../../unit/courses/tree';

afterEach(removeTrees);

const SLUG = 'fraud';
const ONE_HOUR = 'm/one-hour'; // 1 class hour, no min_minutes: the office's share (50%) = 30 min
const OWN_MIN = 'm/own-min'; // 2 class hours, min_minutes: 10

async function setup(overrides: { lessonMinSharePercent?: number } = {}) {
	const app = await createTestApp(overrides);
	const dir = writeTree({
		'01-fraud/index.md': '---\ntitle: 防范电信诈骗\nkind: remote\naudience: [储蓄员]\n---\n',
		'01-fraud/01-m/index.md': '---\ntitle: 识别诈骗\n---\n',
		'01-fraud/01-m/01-one-hour.md': lesson('典型案例', 1),
		'01-fraud/01-m/02-own-min.md':
			'---\ntitle: 处置流程\nclass_hours: 2\nmin_minutes: 10\n---\n\n正文。\n'
	});
	await syncCourses(app, loadContent(dir));
	const b = await makeBranch(app);
	const me = toSessionUser(await makeStaff(app, { branchId: b.id }), ['learner']);
	return { app, me, branchId: b.id };
}

async function refusal(work: Promise<unknown>): Promise<string | undefined> {
	const error = await work.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(Invalid);
	return (error as Invalid).problems[0]?.key;
}

async function earned(app: TestApp, me: ReturnType<typeof toSessionUser>): Promise<number> {
	return (await getStaffHours(app, me, me.id, 2026)).standing.earned.remote;
}

/** Posts to the heartbeat endpoint as a browser (or a script) would. */
async function post(app: TestApp, me: ReturnType<typeof toSessionUser>, body: unknown) {
	const event = {
		locals: { ctx: app, user: me },
		params: { course: SLUG, module: 'm', lesson: 'one-hour' },
		request: new Request('http://localhost/learn/fraud/m/one-hour/study', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		})
	};
	return await POST(event as unknown as Parameters<typeof POST>[0]);
}

describe('study time before a lesson is credited', () => {
	it('takes the minimum from front matter, else the office share of the class hours', async () => {
		const { app, me } = await setup();
		const oneHour = await getLesson(app, me, SLUG, 'm', 'one-hour');
		expect(oneHour.study).toEqual({
			spentMs: 0,
			requiredMs: 30 * 60_000,
			remainingMs: 30 * 60_000
		});
		const ownMin = await getLesson(app, me, SLUG, 'm', 'own-min');
		expect(ownMin.study.requiredMs).toBe(10 * 60_000);

		const { app: lenient, me: other } = await setup({ lessonMinSharePercent: 20 });
		expect((await getLesson(lenient, other, SLUG, 'm', 'one-hour')).study.requiredMs).toBe(
			12 * 60_000
		);
	});

	it('refuses to complete a lesson just opened, saying how long is left', async () => {
		const { app, me } = await setup();
		await recordStudyBeat(app, me, SLUG, ONE_HOUR, 'start');
		expect(await refusal(completeLesson(app, me, SLUG, ONE_HOUR))).toBe('study.notYet');
		expect(await earned(app, me)).toBe(0);
	});

	it('gains nothing from a burst of heartbeats', async () => {
		const { app, me } = await setup();
		await recordStudyBeat(app, me, SLUG, ONE_HOUR, 'start');
		// A script sends 500 heartbeats in the same second, then 500 more a few ms apart.
		for (let i = 0; i < 500; i++) await recordStudyBeat(app, me, SLUG, ONE_HOUR, 'beat');
		for (let i = 0; i < 500; i++) {
			app.clock.advance(2);
			await recordStudyBeat(app, me, SLUG, ONE_HOUR, 'beat');
		}
		const status = await recordStudyBeat(app, me, SLUG, ONE_HOUR, 'beat');
		expect(status.spentMs).toBe(1000); // the wall time that passed, not 1 000 heartbeats
		expect(await refusal(completeLesson(app, me, SLUG, ONE_HOUR))).toBe('study.notYet');
		expect(await earned(app, me)).toBe(0);
	});

	it('counts concurrent heartbeats once', async () => {
		const { app, me } = await setup();
		await recordStudyBeat(app, me, SLUG, ONE_HOUR, 'start');
		app.clock.advance(15_000);
		await Promise.all(
			Array.from({ length: 20 }, () => recordStudyBeat(app, me, SLUG, ONE_HOUR, 'beat'))
		);
		expect((await getLesson(app, me, SLUG, 'm', 'one-hour')).study.spentMs).toBe(15_000);
	});

	it('counts nothing for a gap longer than three heartbeats (page hidden or closed)', async () => {
		const { app, me } = await setup();
		await recordStudyBeat(app, me, SLUG, ONE_HOUR, 'start');
		app.clock.advance(15_000);
		await recordStudyBeat(app, me, SLUG, ONE_HOUR, 'beat');
		app.clock.advance(2 * 3_600_000); // away for two hours, then one heartbeat
		const status = await recordStudyBeat(app, me, SLUG, ONE_HOUR, 'beat');
		expect(status.spentMs).toBe(15_000);
		expect(await refusal(completeLesson(app, me, SLUG, ONE_HOUR))).toBe('study.notYet');
	});

	it('ignores any total or duration the browser sends', async () => {
		const { app, me } = await setup();
		const forged = await post(app, me, { kind: 'start', spentMs: 3_600_000, remainingMs: 0 });
		expect(forged.status).toBe(200);
		expect(await forged.json()).toMatchObject({ spentMs: 0, remainingMs: 30 * 60_000 });
		app.clock.advance(10_000);
		const next = await post(app, me, { kind: 'beat', spentMs: 99_999_999, elapsed: 3_600_000 });
		expect(await next.json()).toMatchObject({ spentMs: 10_000 });
		const bad = await post(app, me, { kind: 'credit', minutes: 30 });
		expect(bad.status).toBe(409);
		expect(await bad.json()).toMatchObject({ error: 'study.badBeat' });
		expect(await refusal(completeLesson(app, me, SLUG, ONE_HOUR))).toBe('study.notYet');
		expect(await earned(app, me)).toBe(0);
	});

	it('credits the lesson once its minimum time has been studied', async () => {
		const { app, me } = await setup();
		await studyLesson(app, me, SLUG, OWN_MIN, 9 * 60_000);
		expect(await refusal(completeLesson(app, me, SLUG, OWN_MIN))).toBe('study.notYet');
		const status = await studyLesson(app, me, SLUG, OWN_MIN);
		expect(status.remainingMs).toBe(0);
		expect(status.spentMs).toBe(10 * 60_000);
		expect(await completeLesson(app, me, SLUG, OWN_MIN)).toMatchObject({
			newlyCompleted: true,
			creditedHours: 2
		});
		expect(await earned(app, me)).toBe(2);
	});

	it('does not count one person’s time for another', async () => {
		const { app, me, branchId } = await setup();
		const other = toSessionUser(await makeStaff(app, { branchId }), ['learner']);
		await studyLesson(app, me, SLUG, OWN_MIN);
		expect(await refusal(completeLesson(app, other, SLUG, OWN_MIN))).toBe('study.notYet');
	});

	it('shows HR the time spent per lesson, per person and in total, within scope', async () => {
		const { app, me, branchId } = await setup();
		const hr = toSessionUser(await makeStaff(app, { branchId, roles: ['hr'] }), ['hr']);
		const elsewhere = await makeBranch(app);
		const manager = toSessionUser(
			await makeStaff(app, { branchId: elsewhere.id, roles: ['branch_manager'] }),
			['branch_manager']
		);
		await studyLesson(app, me, SLUG, OWN_MIN);
		await completeLesson(app, me, SLUG, OWN_MIN);
		expect(await listStudyTimeOf(app, me.id)).toEqual([
			{
				courseTitle: '防范电信诈骗',
				lessonTitle: '处置流程',
				spentMinutes: 10,
				requiredMinutes: 10,
				completed: true
			}
		]);
		expect(await listStudyTotals(app, hr)).toEqual([
			expect.objectContaining({
				lessonTitle: '处置流程',
				learners: 1,
				completed: 1,
				totalMinutes: 10,
				averageMinutes: 10
			})
		]);
		expect(await listStudyTotals(app, manager)).toEqual([]);
		await expect(listStudyTotals(app, me)).rejects.toThrow(Forbidden);
	});
});
