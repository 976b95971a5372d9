import { describe, expect, it } from 'vitest';
import { toSessionUser, type SessionUser } from '../../../src/lib/server/auth/session';
import { attempt, examDefinition, type ExamDefinition } from '../../../src/lib/server/db/schema';
import { getExamLanding, listMyExams } from '../../../src/lib/server/exams/my-exams';
import { createTestApp, type TestApp } from '../../helpers/app';
import { makeBranch, makeStaff } from '../../helpers/factories';

const HOUR = 3_600_000;

async function makeExam(app: TestApp, fields: Partial<typeof examDefinition.$inferInsert> = {}) {
	const now = app.clock.now();
	return await app.db
		.insert(examDefinition)
		.values({
			title: '储蓄业务练习',
			purpose: 'practice',
			blueprint: [
				{ id: 'r1', bankId: 1, count: 5, pointsEach: 2 },
				{ id: 'r2', bankId: 1, count: 3, pointsEach: 2.5 }
			],
			passMark: 60,
			reviewPolicy: 'score_and_answers',
			createdAt: now,
			updatedAt: now,
			...fields
		})
		.returning()
		.get();
}

async function sit(
	app: TestApp,
	exam: ExamDefinition,
	user: SessionUser,
	attemptNo: number,
	status: 'open' | 'submitted' = 'submitted'
) {
	return await app.db
		.insert(attempt)
		.values({
			examId: exam.id,
			staffId: user.id,
			attemptNo,
			seed: `seed-${attemptNo}`,
			paper: [],
			status,
			startedAt: app.clock.now(),
			maxScore: 100,
			...(status === 'submitted'
				? {
						submittedAt: app.clock.now(),
						submittedBy: 'self',
						score: 70,
						percent: 70,
						passed: true
					}
				: {})
		})
		.returning()
		.get();
}

async function teller(app: TestApp, status: 'active' | 'left' = 'active'): Promise<SessionUser> {
	const branch = await makeBranch(app);
	return toSessionUser(await makeStaff(app, { branchId: branch.id, status }), ['learner']);
}

describe('my exams', () => {
	it('lists active self-serve exams whose window is open, leaving out spot exams', async () => {
		const app = await createTestApp();
		const me = await teller(app);
		const now = app.clock.now();
		await makeExam(app, { title: '储蓄业务练习' });
		await makeExam(app, { title: '岗前培训结业考试', purpose: 'onboarding', timeLimitMinutes: 30 });
		await makeExam(app, {
			title: '柜员资格认证',
			purpose: 'certification',
			windowClosesAt: now + HOUR
		});
		await makeExam(app, { title: '三月抽考', purpose: 'spot' });
		await makeExam(app, { title: '已停用', active: false });
		await makeExam(app, { title: '下周开考', windowOpensAt: now + HOUR });
		await makeExam(app, { title: '已截止', windowClosesAt: now });

		// The onboarding exam is for new hires: a teller without an onboarding plan is not offered it.
		const titles = (await listMyExams(app, me)).map((e) => e.title);
		expect(titles.sort()).toEqual(['储蓄业务练习', '柜员资格认证'].sort());
	});

	it('counts my attempts, not a colleague’s, and what is left of the allowance', async () => {
		const app = await createTestApp();
		const me = await teller(app);
		const colleague = await teller(app);
		const exam = await makeExam(app, {
			title: '结业考试',
			purpose: 'onboarding',
			attemptsAllowed: 3
		});
		await sit(app, exam, me, 1);
		const open = await sit(app, exam, me, 2, 'open');
		await sit(app, exam, colleague, 1);

		const [mine] = await listMyExams(app, me);
		expect(mine).toMatchObject({ attemptsUsed: 2, attemptsLeft: 1, openAttemptId: open.id });
		expect(mine!.attempts.map((a) => [a.attemptNo, a.status, a.score])).toEqual([
			[1, 'submitted', 70],
			[2, 'open', null]
		]);
		expect((await listMyExams(app, colleague))[0]).toMatchObject({
			attemptsUsed: 1,
			attemptsLeft: 2
		});
	});

	it('gives practice quizzes unlimited attempts', async () => {
		const app = await createTestApp();
		const me = await teller(app);
		const exam = await makeExam(app);
		for (let n = 1; n <= 5; n++) await sit(app, exam, me, n);
		expect((await listMyExams(app, me))[0]).toMatchObject({ attemptsUsed: 5, attemptsLeft: null });
	});

	it('describes an exam before starting: questions, points and whether it can start', async () => {
		const app = await createTestApp();
		const me = await teller(app);
		const exam = await makeExam(app, { attemptsAllowed: 1, purpose: 'certification' });

		const before = await getExamLanding(app, me, exam.id);
		expect(before).toMatchObject({ questionCount: 8, totalPoints: 17.5, blocked: null });

		await sit(app, exam, me, 1);
		expect(await getExamLanding(app, me, exam.id)).toMatchObject({
			attemptsLeft: 0,
			blocked: 'noAttemptsLeft'
		});
	});

	it('offers to continue an open attempt even after the window has closed', async () => {
		const app = await createTestApp();
		const me = await teller(app);
		const exam = await makeExam(app, { windowClosesAt: app.clock.now() + HOUR });
		const open = await sit(app, exam, me, 1, 'open');
		app.clock.advance(2 * HOUR);
		expect(await getExamLanding(app, me, exam.id)).toMatchObject({
			openAttemptId: open.id,
			blocked: null
		});
		expect(await listMyExams(app, me)).toEqual([]);
	});

	it('says why a landing page cannot start: not yet open, closed', async () => {
		const app = await createTestApp();
		const me = await teller(app);
		const now = app.clock.now();
		const later = await makeExam(app, { windowOpensAt: now + HOUR });
		const past = await makeExam(app, { windowClosesAt: now - 1 });
		expect((await getExamLanding(app, me, later.id)).blocked).toBe('notYetOpen');
		expect((await getExamLanding(app, me, past.id)).blocked).toBe('closed');
	});

	it('withholds scores until the window closes when the review policy says so', async () => {
		const app = await createTestApp();
		const me = await teller(app);
		const exam = await makeExam(app, {
			purpose: 'certification',
			reviewPolicy: 'after_window',
			windowClosesAt: app.clock.now() + HOUR
		});
		await sit(app, exam, me, 1);
		expect((await listMyExams(app, me))[0]!.attempts[0]).toMatchObject({
			score: null,
			passed: null
		});
		app.clock.advance(2 * HOUR);
		expect((await getExamLanding(app, me, exam.id)).attempts[0]).toMatchObject({
			score: 70,
			passed: true
		});
	});

	it('hides spot exams and unknown ids, and refuses someone who has left', async () => {
		const app = await createTestApp();
		const me = await teller(app);
		const spot = await makeExam(app, { purpose: 'spot' });
		await expect(getExamLanding(app, me, spot.id)).rejects.toThrow(/not found/);
		await expect(getExamLanding(app, me, 9999)).rejects.toThrow(/not found/);
		const gone = await teller(app, 'left');
		await expect(listMyExams(app, gone)).rejects.toThrow(/forbidden/);
		await expect(listMyExams(app, null)).rejects.toThrow(/unauthenticated/);
	});
});
