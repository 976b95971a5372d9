import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../src/lib/server/auth/session';
import { listAuditEvents } from '../../../src/lib/server/audit/service';
import { saveAnswer } from '../../../src/lib/server/exams/save-answer';
import { submitAttempt } from '../../../src/lib/server/exams/submit';
import {
	createCampaign,
	drawCampaign,
	redrawCampaign,
	type CampaignInput
} from '../../../src/lib/server/spot/campaigns';
import path from 'node:path';
import { loadContent } from '../../../src/lib/server/courses/loader';
import { selectCourses, selectLessonOutline } from '../../../src/lib/server/courses/service';
import { syncCourses } from '../../../src/lib/server/courses/sync';
import {
	assignRemedial,
	recordAbsence,
	recordExemption,
	replaceWithAlternate
} from '../../../src/lib/server/spot/events';
import { mySpotExams, startSpotAttempt } from '../../../src/lib/server/spot/sitting';
import { getCampaignView, getSpotStats } from '../../../src/lib/server/spot/views';
import { createTestApp, type TestApp } from '../../helpers/app';
import { makeBank, makeExam } from '../../helpers/exams';
import { makeBranch, makeStaff } from '../../helpers/factories';

const HOUR = 3_600_000;

function asUser(
	s: Awaited<ReturnType<typeof makeStaff>>,
	roles: SessionUser['roles']
): SessionUser {
	return { ...s, roles, mustChangePassword: false, locale: null };
}

async function setup() {
	const app = await createTestApp();
	const b1 = await makeBranch(app, { name: '东街支局' });
	const b2 = await makeBranch(app, { name: '小湖支局' });
	const hr = asUser(
		await makeStaff(app, { branchId: b1.id, position: '人力资源', roles: ['hr'] }),
		['hr']
	);
	const mgr2 = asUser(
		await makeStaff(app, { branchId: b2.id, position: '支局长', roles: ['branch_manager'] }),
		['branch_manager']
	);
	const tellers: SessionUser[] = [];
	for (let i = 0; i < 6; i++)
		tellers.push(asUser(await makeStaff(app, { branchId: b1.id }), ['learner']));
	for (let i = 0; i < 3; i++)
		tellers.push(asUser(await makeStaff(app, { branchId: b2.id }), ['learner']));
	const bank = await makeBank(app, 5);
	const examId = await makeExam(app, bank, { purpose: 'spot', attemptsAllowed: 1 });
	return { app, b1, b2, hr, mgr2, tellers, examId };
}

function input(examId: number, app: TestApp, over: Partial<CampaignInput> = {}): CampaignInput {
	const now = app.clock.now();
	return {
		examId,
		title: '三月抽考',
		month: '2026-03',
		windowOpensAt: now + HOUR,
		windowClosesAt: now + 48 * HOUR,
		positions: ['储蓄员'],
		branchIds: [],
		sampleMode: 'percent',
		sampleValue: 50,
		excludeMonths: 0,
		alternatesPerBranch: 1,
		retestsAllowed: 1,
		remedialCourseId: null,
		remedialLessonKey: null,
		...over
	};
}

describe('spot campaigns', () => {
	it('refuses bad input with clear messages and creates nothing', async () => {
		const { app, hr, examId, tellers } = await setup();
		const now = app.clock.now();
		await expect(
			createCampaign(app, hr, input(examId, app, { windowClosesAt: now }))
		).rejects.toThrow('spot.error.window');
		await expect(
			createCampaign(app, hr, input(examId, app, { positions: ['行长'] }))
		).rejects.toThrow('spot.error.emptyPopulation');
		await expect(createCampaign(app, tellers[0]!, input(examId, app))).rejects.toThrow('forbidden');
		const id = await createCampaign(
			app,
			hr,
			input(examId, app, { sampleMode: 'count', sampleValue: 4 })
		);
		// 小湖支局 has only 3 tellers: the draw names it and stores nothing.
		await expect(drawCampaign(app, hr, id, () => 's')).rejects.toThrow('spot.error.branchTooSmall');
		try {
			await drawCampaign(app, hr, id, () => 's');
		} catch (e) {
			expect(JSON.stringify((e as { problems: unknown }).problems)).toContain('小湖支局（3/4）');
		}
		expect((await getCampaignView(app, hr, id)).draw).toBeNull();
	});

	it('draws per branch with a stored seed, redraws only before the window, audited', async () => {
		const { app, hr, examId } = await setup();
		const id = await createCampaign(app, hr, input(examId, app));
		await drawCampaign(app, hr, id, () => 'seed-1');
		const view = await getCampaignView(app, hr, id);
		// The seed is kept in the audit trail, never shown on HR's page.
		expect(view.draw).not.toHaveProperty('seed');
		expect((await listAuditEvents(app, 1, 'spot.draw'))[0]?.detail).toMatchObject({
			seed: 'seed-1'
		});
		expect(view.branches.map((b) => b.tally.drawn)).toEqual([3, 2]);
		await expect(drawCampaign(app, hr, id)).rejects.toThrow('spot.error.alreadyDrawn');
		await expect(redrawCampaign(app, hr, id, ' ')).rejects.toThrow('spot.error.reason');
		await redrawCampaign(app, hr, id, '名单有误', () => 'seed-2');
		expect((await listAuditEvents(app, 1, 'spot.redraw'))[0]?.detail).toMatchObject({
			seed: 'seed-2'
		});
		app.clock.advance(2 * HOUR);
		await expect(redrawCampaign(app, hr, id, '再抽')).rejects.toThrow('spot.error.windowStarted');
		const actions = (await listAuditEvents(app)).map((e) => e.action);
		expect(actions).toContain('spot.draw');
		expect(actions).toContain('spot.redraw');
	});

	it('tracks absence, exemption and a stand-in with honest denominators', async () => {
		const { app, hr, mgr2, examId, tellers, b1 } = await setup();
		const id = await createCampaign(app, hr, input(examId, app));
		await drawCampaign(app, hr, id, () => 'seed-3');
		const people = (await getCampaignView(app, hr, id)).people;
		const drawn1 = people.filter((p) => p.branchId === b1.id && p.role === 'drawn');
		const drawn2 = people.filter((p) => p.branchId !== b1.id && p.role === 'drawn');
		const alt1 = people.find((p) => p.branchId === b1.id && p.role === 'alternate')!;
		// A branch manager may not touch another branch; nobody may record for an undrawn person.
		await expect(recordAbsence(app, mgr2, id, drawn1[0]!.id, '病假')).rejects.toThrow('forbidden');
		await expect(recordAbsence(app, hr, id, alt1.id, '未到')).rejects.toThrow(
			'spot.error.notInDraw'
		);
		await expect(replaceWithAlternate(app, hr, id, drawn1[0]!.id)).rejects.toThrow(
			'spot.error.notExempt'
		);
		await recordExemption(app, hr, id, drawn1[0]!.id, '产假');
		await expect(recordExemption(app, hr, id, drawn1[0]!.id, '产假')).rejects.toThrow(
			'spot.error.alreadyRecorded'
		);
		expect(await replaceWithAlternate(app, hr, id, drawn1[0]!.id)).toBe(alt1.id);
		await recordAbsence(app, mgr2, id, drawn2[0]!.id, '外出培训');

		app.clock.advance(2 * HOUR);
		const sitter = tellers.find((t) => t.id === drawn1[1]!.staffId)!;
		const attempt = await startSpotAttempt(app, sitter, id);
		await saveAnswer(app, sitter, attempt.id, { position: 1, answer: null, seq: 1 });
		await submitAttempt(app, sitter, attempt.id);
		// The exempt person may not sit; the stand-in may.
		const exempt = tellers.find((t) => t.id === drawn1[0]!.staffId)!;
		await expect(startSpotAttempt(app, exempt, id)).rejects.toThrow('forbidden');
		const standIn = tellers.find((t) => t.id === alt1.staffId)!;
		expect((await mySpotExams(app, standIn))[0]?.block).toBeNull();

		const view = await getCampaignView(app, hr, id);
		const t1 = view.branches[0]!.tally;
		expect(t1).toMatchObject({ drawn: 4, exempt: 1, sat: 1, passed: 0, failed: 1 });
		expect(t1.participation).toEqual({ num: 1, den: 3, value: 1 / 3 });
		expect(t1.passRate).toEqual({ num: 0, den: 1, value: 0 });
		expect(view.branches[1]!.tally.passRate.value).toBeNull();
		expect(view.branches[1]!.tally.absent).toBe(1);

		// The failed person gets one retest, then no more.
		expect((await mySpotExams(app, sitter))[0]).toMatchObject({
			status: 'failed',
			attemptsUsed: 1,
			block: null
		});
		const retest = await startSpotAttempt(app, sitter, id);
		await submitAttempt(app, sitter, retest.id);
		await expect(startSpotAttempt(app, sitter, id)).rejects.toThrow('exams.error.noAttemptsLeft');

		// A branch manager sees only their branch's rows, plus the office total.
		const mine = await getCampaignView(app, mgr2, id);
		expect(mine.branches).toHaveLength(1);
		expect(mine.people.every((p) => p.branchId !== b1.id)).toBe(true);
		expect(mine.total.drawn).toBe(view.total.drawn);
		const stats = await getSpotStats(app, hr, { from: '2026-01', to: '2026-12' });
		expect(stats.map((s) => s.tally.drawn)).toEqual([4, 2]);
	});

	it('refuses a drawn manager excusing themselves or calling up their own stand-in', async () => {
		const { app, hr, mgr2, examId, b2 } = await setup();
		const everyone = { positions: ['储蓄员', '支局长'], branchIds: [b2.id], sampleValue: 100 };
		const id = await createCampaign(app, hr, input(examId, app, everyone));
		await drawCampaign(app, hr, id, () => 'seed-self');
		const people = (await getCampaignView(app, hr, id)).people;
		const own = people.find((p) => p.staffId === mgr2.id)!;
		const teller = people.find((p) => p.staffId !== mgr2.id)!;
		expect(own.role).toBe('drawn');
		await expect(recordExemption(app, mgr2, id, own.id, '年假')).rejects.toThrow('spot.error.self');
		await expect(recordAbsence(app, mgr2, id, own.id, '出差')).rejects.toThrow('spot.error.self');
		await recordExemption(app, hr, id, own.id, '年假');
		await expect(replaceWithAlternate(app, mgr2, id, own.id)).rejects.toThrow('spot.error.self');
		expect((await getCampaignView(app, hr, id)).people.find((p) => p.id === own.id)).toMatchObject({
			exempt: true,
			replacedBy: null
		});
		// Their own branch's other people they still look after.
		await recordAbsence(app, mgr2, id, teller.id, '外出培训');
		const recorded = (await listAuditEvents(app, 20, 'spot.status')).map((e) => e.actorStaffId);
		expect(recorded).toEqual(expect.arrayContaining([hr.id, mgr2.id]));
		expect(recorded).toHaveLength(2);
	});

	it('points a failed person to the remedial lesson the campaign names', async () => {
		const { app, hr, examId, tellers } = await setup();
		await syncCourses(app, loadContent(path.resolve('content')));
		const course = (await selectCourses(app.db)).find((c) => c.kind === 'self_study')!;
		const lessonKey = (await selectLessonOutline(app.db, course.currentVersionId!))[0]!.lessonKey;
		const id = await createCampaign(
			app,
			hr,
			input(examId, app, { remedialCourseId: course.id, remedialLessonKey: lessonKey })
		);
		await drawCampaign(app, hr, id, () => 'seed-4');
		app.clock.advance(2 * HOUR);
		const row = (await getCampaignView(app, hr, id)).people.find((p) => p.role === 'drawn')!;
		const sitter = tellers.find((t) => t.id === row.staffId)!;
		await submitAttempt(app, sitter, (await startSpotAttempt(app, sitter, id)).id);
		// 补考: a named lesson is required of everyone who failed, assigned or not.
		expect((await mySpotExams(app, sitter))[0]).toMatchObject({
			remedialHref: `/learn/${course.slug}/${lessonKey}`,
			block: 'remedialFirst'
		});
		await assignRemedial(app, hr, id, row.id);
		expect((await mySpotExams(app, sitter))[0]?.remedial).toBe(true);
	});
});
