import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../../src/lib/server/audit/service';
import { toSessionUser } from '../../../src/lib/server/auth/session';
import { loadContent } from '../../../src/lib/server/courses/loader';
import { syncCourses } from '../../../src/lib/server/courses/sync';
import type { Role } from '../../../src/lib/org/enums';
import { Forbidden, Invalid } from '../../../src/lib/server/errors';
import { startAttempt } from '../../../src/lib/server/exams/attempts';
import { getExam, listExams } from '../../../src/lib/server/exams/definition-views';
import {
	createExam,
	setExamActive,
	updateExam,
	type ExamInput
} from '../../../src/lib/server/exams/definitions';
import { createTestApp } from '../../helpers/app';
import { makeBranch, makeStaff } from '../../helpers/factories';
import { many, seedBank } from './definitions-fixtures';

async function office() {
	const app = await createTestApp();
	const branch = await makeBranch(app);
	const person = async (roles: Role[]) =>
		toSessionUser(await makeStaff(app, { branchId: branch.id, roles }), roles);
	const trainer = await person(['learner', 'trainer']);
	const learner = await person(['learner']);
	const bank = await seedBank(app, '储蓄业务', [
		...many(6, { type: 'single', difficulty: 2, category: '储蓄业务/开户' }),
		...many(4, { type: 'true_false', difficulty: 4 })
	]);
	return { app, trainer, learner, bank };
}

function input(bank: number, overrides: Partial<ExamInput> = {}): ExamInput {
	return {
		title: '储蓄业务练习',
		purpose: 'practice',
		description: '',
		blueprint: [{ id: 'r1', bankId: bank, count: 5, pointsEach: 2 }],
		timeLimitMinutes: null,
		passMark: 60,
		attemptsAllowed: null,
		shuffleOptions: true,
		partialCredit: 'none',
		reviewPolicy: 'score_and_answers',
		windowOpensAt: null,
		windowClosesAt: null,
		courseId: null,
		lessonKey: null,
		...overrides
	};
}

const problemsOf = async (work: () => unknown) => {
	try {
		await work();
	} catch (e) {
		if (e instanceof Invalid) return e.problems.map((p) => ({ key: p.key, params: p.params }));
		throw e;
	}
	throw new Error('expected a refusal');
};

describe('defining an exam', () => {
	it('creates a practice quiz for a trainer, audited, and refuses a learner', async () => {
		const { app, trainer, learner, bank } = await office();
		const exam = await createExam(app, trainer, input(bank));
		expect(exam).toMatchObject({ title: '储蓄业务练习', purpose: 'practice', active: true });
		expect((await listAuditEvents(app, 10, 'exam.define'))[0]).toMatchObject({
			target: `exam:${exam.id}`,
			actorStaffId: trainer.id
		});
		await expect(createExam(app, learner, input(bank))).rejects.toThrow(Forbidden);
	});

	it.each([
		[{ title: '' }, 'examdef.error.titleRequired'],
		[{ purpose: 'quiz' as never }, 'examdef.error.purposeInvalid'],
		[{ passMark: 101 }, 'examdef.error.passMarkRange'],
		[{ passMark: Number.NaN }, 'examdef.error.passMarkRange'],
		[{ timeLimitMinutes: 0 }, 'examdef.error.timeLimitInvalid'],
		[{ attemptsAllowed: 0 }, 'examdef.error.attemptsInvalid'],
		[{ purpose: 'certification' as const }, 'examdef.error.attemptsRequired'],
		[{ reviewPolicy: 'after_window' as const }, 'examdef.error.afterWindowNeedsClose'],
		[{ windowOpensAt: 2000, windowClosesAt: 1000 }, 'examdef.error.windowOrder'],
		[{ windowOpensAt: Number.NaN }, 'examdef.error.windowInvalid'],
		[{ blueprint: [] }, 'examdef.error.noRules'],
		[{ lessonKey: 'a/b' }, 'examdef.error.lessonWithoutCourse'],
		[{ courseId: 999 }, 'examdef.error.courseMissing']
	])('refuses %o with %s', async (overrides, key) => {
		const { app, trainer, bank } = await office();
		expect(
			(await problemsOf(async () => await createExam(app, trainer, input(bank, overrides)))).map(
				(p) => p.key
			)
		).toContain(key);
	});

	it('refuses a blueprint the bank cannot fill, saying which rule is short by how many', async () => {
		const { app, trainer, bank } = await office();
		const blueprint = [
			{ id: 'r1', bankId: bank, type: 'single' as const, count: 4, pointsEach: 2 },
			{ id: 'r2', bankId: bank, type: 'true_false' as const, count: 7, pointsEach: 1 },
			{ id: 'r3', bankId: bank, difficultyMin: 2, difficultyMax: 2, count: 3, pointsEach: 1 }
		];
		// r1 and r3 share the six single questions: 4 + 3 = 7 > 6, so one of them is short by 1.
		const problems = await problemsOf(
			async () => await createExam(app, trainer, input(bank, { blueprint }))
		);
		expect(problems).toContainEqual({
			key: 'exams.error.ruleShort',
			params: { rule: 2, short: 3 }
		});
		const shortOfShared = problems.filter(
			(p) => p.key === 'exams.error.ruleShort' && p.params?.rule !== 2
		);
		expect(shortOfShared.map((p) => p.params?.short)).toEqual([1]);
	});

	it('refuses a rule whose bank is missing and one with a bad difficulty', async () => {
		const { app, trainer, bank } = await office();
		const missing = [{ id: 'r1', bankId: 999, count: 1, pointsEach: 1 }];
		expect(
			await problemsOf(
				async () => await createExam(app, trainer, input(bank, { blueprint: missing }))
			)
		).toEqual([{ key: 'examdef.error.bankMissing', params: { rule: 1 } }]);
		const bad = [{ id: 'r1', bankId: bank, difficultyMin: 0, count: 1, pointsEach: 1 }];
		expect(
			await problemsOf(async () => await createExam(app, trainer, input(bank, { blueprint: bad })))
		).toEqual([{ key: 'examdef.error.ruleFields', params: { rule: 1 } }]);
	});

	it('links practice quizzes to a course and a lesson of its current version only', async () => {
		const { app, trainer, bank } = await office();
		await syncCourses(app, loadContent(path.resolve('content')));
		const course = (await listExams(app, trainer)).courses[0]!;
		const lessonKey = course.lessons[0]!.key;
		const quiz = await createExam(app, trainer, input(bank, { courseId: course.id, lessonKey }));
		expect(quiz).toMatchObject({ courseId: course.id, lessonKey });
		expect(
			(
				await problemsOf(
					async () =>
						await createExam(
							app,
							trainer,
							input(bank, { courseId: course.id, lessonKey: 'no/such' })
						)
				)
			).map((p) => p.key)
		).toEqual(['examdef.error.lessonMissing']);
		expect(
			(
				await problemsOf(
					async () =>
						await createExam(
							app,
							trainer,
							input(bank, { purpose: 'spot', attemptsAllowed: 1, courseId: course.id })
						)
				)
			).map((p) => p.key)
		).toEqual(['examdef.error.courseOnlyPractice']);
	});
});

describe('changing an exam', () => {
	it('moves updatedAt on every edit, even within the same millisecond', async () => {
		const { app, trainer, bank } = await office();
		const exam = await createExam(app, trainer, input(bank));
		const first = await updateExam(app, trainer, exam.id, input(bank, { title: '改名' }));
		const second = await updateExam(app, trainer, exam.id, input(bank, { passMark: 70 }));
		expect(first.updatedAt).toBeGreaterThan(exam.updatedAt);
		expect(second.updatedAt).toBeGreaterThan(first.updatedAt);
		expect(second).toMatchObject({ title: '储蓄业务练习', passMark: 70 });
	});

	it('shows live candidates per rule and the totals, and stops new attempts when deactivated', async () => {
		const { app, trainer, learner, bank } = await office();
		const exam = await createExam(
			app,
			trainer,
			input(bank, {
				blueprint: [
					{ id: 'r1', bankId: bank, type: 'single', count: 3, pointsEach: 2 },
					{ id: 'r2', bankId: bank, type: 'true_false', count: 2, pointsEach: 1.5 }
				]
			})
		);
		const view = await getExam(app, trainer, exam.id);
		expect(view.rules.map((r) => [r.candidates, r.short])).toEqual([
			[6, 0],
			[4, 0]
		]);
		expect(view).toMatchObject({ questionCount: 5, totalPoints: 9, feasible: true });
		await expect(getExam(app, learner, exam.id)).rejects.toThrow(Forbidden);
		await setExamActive(app, trainer, exam.id, false);
		expect(
			(await problemsOf(async () => await startAttempt(app, learner, exam.id))).map((p) => p.key)
		).toEqual(['exams.error.inactive']);
		await setExamActive(app, trainer, exam.id, true);
		expect((await startAttempt(app, learner, exam.id)).status).toBe('open');
		expect((await listExams(app, trainer)).exams[0]!.attempts).toMatchObject({
			open: 1,
			submitted: 0
		});
	});
});
