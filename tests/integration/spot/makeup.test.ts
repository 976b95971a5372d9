import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../src/lib/server/auth/session';
import { recordLessonCompletion } from '../../../src/lib/server/courses/completion';
import { loadContent } from '../../../src/lib/server/courses/loader';
import { selectCourses, selectLessonOutline } from '../../../src/lib/server/courses/service';
import { syncCourses } from '../../../src/lib/server/courses/sync';
import { saveAnswer } from '../../../src/lib/server/exams/save-answer';
import { submitAttempt } from '../../../src/lib/server/exams/submit';
import {
	createCampaign,
	drawCampaign,
	getCampaignView,
	getMakeupList,
	mySpotExams,
	startSpotAttempt
} from '../../../src/lib/server/spot/service';
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

/** A campaign over two tellers, both drawn; true/false questions only, so a pass is easy to give. */
async function campaign(withRemedial: boolean) {
	const app = await createTestApp();
	const branch = await makeBranch(app);
	const other = await makeBranch(app, { name: '小湖支局' });
	const hr = asUser(
		await makeStaff(app, { branchId: branch.id, position: '人力资源', roles: ['hr'] }),
		['hr']
	);
	const manager = asUser(
		await makeStaff(app, { branchId: other.id, position: '支局长', roles: ['branch_manager'] }),
		['branch_manager']
	);
	const tellers: [SessionUser, SessionUser] = [
		asUser(await makeStaff(app, { branchId: branch.id }), ['learner']),
		asUser(await makeStaff(app, { branchId: branch.id }), ['learner'])
	];
	const bank = await makeBank(app, 3);
	const examId = await makeExam(app, bank, { purpose: 'spot', passMark: 60 }, [
		{ id: 'r1', bankId: bank, type: 'true_false', count: 2, pointsEach: 50 }
	]);
	let remedial: { courseId: number; lessonKey: string } | null = null;
	if (withRemedial) {
		await syncCourses(app, loadContent(path.resolve('content')));
		const course = (await selectCourses(app.db)).find((c) => c.kind === 'self_study')!;
		const lessonKey = (await selectLessonOutline(app.db, course.currentVersionId!))[0]!.lessonKey;
		remedial = { courseId: course.id, lessonKey };
	}
	const now = app.clock.now();
	const id = await createCampaign(app, hr, {
		examId,
		title: '三月抽考',
		month: '2026-03',
		windowOpensAt: now + HOUR,
		windowClosesAt: now + 48 * HOUR,
		positions: ['储蓄员'],
		branchIds: [branch.id],
		sampleMode: 'percent',
		sampleValue: 100,
		excludeMonths: 0,
		alternatesPerBranch: 0,
		retestsAllowed: 1,
		remedialCourseId: remedial?.courseId ?? null,
		remedialLessonKey: remedial?.lessonKey ?? null
	});
	await drawCampaign(app, hr, id, () => 'seed');
	app.clock.advance(2 * HOUR);
	return { app, hr, manager, tellers, id, remedial };
}

/** Sits the campaign's exam: every answer true (a pass) or nothing at all (a fail). */
async function sit(app: TestApp, who: SessionUser, id: number, pass: boolean) {
	const attempt = await startSpotAttempt(app, who, id);
	if (pass) {
		for (const position of [1, 2])
			await saveAnswer(app, who, attempt.id, { position, answer: { value: true }, seq: position });
	}
	return await submitAttempt(app, who, attempt.id);
}

describe('补考: the make-up exam after a failed spot exam', () => {
	it('keeps the retest shut until the remedial lesson is completed, then opens it', async () => {
		const { app, tellers, id, remedial } = await campaign(true);
		const [failer] = tellers;
		expect((await sit(app, failer, id, false)).passed).toBe(false);

		expect((await mySpotExams(app, failer))[0]).toMatchObject({
			status: 'failed',
			remedialState: 'notDone',
			block: 'remedialFirst'
		});
		// The server refuses, not only the page: a posted ?/start gets nowhere.
		await expect(startSpotAttempt(app, failer, id)).rejects.toThrow('makeup.error.remedialFirst');

		await recordLessonCompletion(app, { staffId: failer.id, ...remedial! });
		expect((await mySpotExams(app, failer))[0]).toMatchObject({
			remedialState: 'done',
			block: null
		});
		expect((await sit(app, failer, id, true)).passed).toBe(true);
	});

	it('lists who failed, their remedial work, their retest and its result for HR', async () => {
		const { app, hr, tellers, id, remedial } = await campaign(true);
		const [failer, passer] = tellers;
		await sit(app, passer, id, true);
		await sit(app, failer, id, false);

		let list = await getMakeupList(app, hr, id);
		expect(list.remedialNamed).toBe(true);
		expect(list.rows).toHaveLength(1);
		expect(list.rows[0]).toMatchObject({
			name: failer.name,
			firstPercent: 0,
			remedial: 'notDone',
			retaken: false,
			result: 'awaitingRetest'
		});

		await recordLessonCompletion(app, { staffId: failer.id, ...remedial! });
		await startSpotAttempt(app, failer, id);
		list = await getMakeupList(app, hr, id);
		expect(list.rows[0]).toMatchObject({ remedial: 'done', retaken: true, result: 'retesting' });
	});

	it('keeps first-try and final rates apart: the final rate rises when the retest passes', async () => {
		const { app, hr, tellers, id, remedial } = await campaign(true);
		const [failer, passer] = tellers;
		await sit(app, passer, id, true);
		await sit(app, failer, id, false);
		const before = (await getCampaignView(app, hr, id)).total;
		expect(before.firstTryRate.value).toBe(0.5);
		expect(before.passRate.value).toBe(0.5);

		await recordLessonCompletion(app, { staffId: failer.id, ...remedial! });
		await sit(app, failer, id, true);
		const after = (await getCampaignView(app, hr, id)).total;
		expect(after.firstTryRate.value).toBe(0.5);
		expect(after.passRate.value).toBe(1);
		expect((await getMakeupList(app, hr, id)).rows[0]).toMatchObject({ result: 'passed' });
	});

	it('opens the retest at once when the campaign names no remedial lesson', async () => {
		const { app, hr, tellers, id } = await campaign(false);
		const [failer] = tellers;
		await sit(app, failer, id, false);
		expect((await mySpotExams(app, failer))[0]).toMatchObject({
			remedialState: 'notRequired',
			block: null
		});
		const list = await getMakeupList(app, hr, id);
		expect(list.remedialNamed).toBe(false);
		expect(list.rows[0]).toMatchObject({ remedial: 'notRequired', result: 'awaitingRetest' });
		await sit(app, failer, id, false);
		expect((await getMakeupList(app, hr, id)).rows[0]).toMatchObject({
			retaken: true,
			result: 'failed'
		});
	});

	it("shows a branch manager only their own branch's make-up list, and a teller none", async () => {
		const { app, manager, tellers, id } = await campaign(false);
		await sit(app, tellers[0], id, false);
		expect((await getMakeupList(app, manager, id)).rows).toEqual([]);
		await expect(getMakeupList(app, tellers[1], id)).rejects.toThrow('forbidden');
	});
});
