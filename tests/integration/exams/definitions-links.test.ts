import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toSessionUser } from '../../../src/lib/server/auth/session';
import { loadContent } from '../../../src/lib/server/courses/loader';
import { selectCourseById } from '../../../src/lib/server/courses/service';
import { syncCourses } from '../../../src/lib/server/courses/sync';
import type { Role } from '../../../src/lib/org/enums';
import { Invalid } from '../../../src/lib/server/errors';
import { startAttempt } from '../../../src/lib/server/exams/attempts';
import {
	getExtraTimePage,
	grantExtraTimeFromForm
} from '../../../src/lib/server/exams/definition-extra-time';
import { examInputFromForm } from '../../../src/lib/server/exams/definition-input';
import { findPracticeQuizzes, listExams } from '../../../src/lib/server/exams/definition-views';
import { createExam, setExamActive } from '../../../src/lib/server/exams/definitions';
import { createTestApp } from '../../helpers/app';
import { makeBranch, makeStaff } from '../../helpers/factories';
import { many, seedBank } from './definitions-fixtures';

async function office() {
	const app = await createTestApp();
	await syncCourses(app, loadContent(path.resolve('content')));
	const branch = await makeBranch(app);
	const person = async (roles: Role[]) => {
		const row = await makeStaff(app, { branchId: branch.id, roles });
		return { row, user: toSessionUser(row, roles) };
	};
	const trainer = await person(['learner', 'trainer']);
	const teller = await person(['learner']);
	const bank = await seedBank(app, '储蓄业务', many(12));
	return { app, trainer, teller, bank };
}

function form(fields: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
	}
	return data;
}

describe('the exam form', () => {
	it('reads rule rows by index, drops empty rows and reads windows as Beijing time', () => {
		const input = examInputFromForm(
			form({
				title: ' 储蓄业务职业鉴定 ',
				purpose: 'certification',
				passMark: '60',
				attemptsAllowed: '1',
				timeLimitMinutes: '',
				reviewPolicy: 'after_window',
				windowOpensAt: '2026-11-01T09:00',
				windowClosesAt: '2026-12-01T00:00',
				shuffleOptions: 'on',
				'rule.id': ['', 'r1', ''],
				'rule.bankId': ['3', '3', ''],
				'rule.category': ['储蓄业务/开户', '', ''],
				'rule.tags': ['挂失；销户、开户', '', ''],
				'rule.type': ['single', '', ''],
				'rule.difficultyMin': ['2', '', ''],
				'rule.difficultyMax': ['', '', ''],
				'rule.count': ['10', '5', ''],
				'rule.pointsEach': ['2', '1.5', '1']
			})
		);
		expect(input).toMatchObject({
			title: '储蓄业务职业鉴定',
			timeLimitMinutes: null,
			attemptsAllowed: 1,
			windowOpensAt: Date.parse('2026-11-01T01:00:00Z'),
			shuffleOptions: true
		});
		expect(input.blueprint).toEqual([
			{
				id: 'r2',
				bankId: 3,
				category: '储蓄业务/开户',
				tags: ['挂失', '销户', '开户'],
				type: 'single',
				difficultyMin: 2,
				difficultyMax: null,
				count: 10,
				pointsEach: 2
			},
			expect.objectContaining({ id: 'r1', count: 5, pointsEach: 1.5, type: null })
		]);
	});
});

describe('practice quizzes on the learner pages', () => {
	it('finds the active quizzes of a course, lesson-end ones with their lesson', async () => {
		const { app, trainer, teller, bank } = await office();
		const course = (await listExams(app, trainer.user)).courses[0]!;
		const slug = (await selectCourseById(app.db, course.id))!.slug;
		const base = {
			purpose: 'practice' as const,
			description: '',
			blueprint: [{ id: 'r1', bankId: bank, count: 5, pointsEach: 1 }],
			timeLimitMinutes: null,
			passMark: 60,
			attemptsAllowed: null,
			shuffleOptions: true,
			partialCredit: 'none' as const,
			reviewPolicy: 'score_and_answers' as const,
			windowOpensAt: null,
			windowClosesAt: null
		};
		const whole = await createExam(app, trainer.user, {
			...base,
			title: '课程练习',
			courseId: course.id,
			lessonKey: null
		});
		const lessonKey = course.lessons[2]!.key;
		const lessonQuiz = await createExam(app, trainer.user, {
			...base,
			title: '课后练习',
			courseId: course.id,
			lessonKey
		});
		const retired = await createExam(app, trainer.user, {
			...base,
			title: '旧练习',
			courseId: course.id,
			lessonKey: null
		});
		await setExamActive(app, trainer.user, retired.id, false);
		expect(await findPracticeQuizzes(app, teller.user, slug)).toEqual([
			{ examId: whole.id, title: '课程练习', lessonKey: null },
			{ examId: lessonQuiz.id, title: '课后练习', lessonKey }
		]);
		expect(await findPracticeQuizzes(app, teller.user, 'no-such-course')).toEqual([]);
	});
});

describe('extra time from the manage page', () => {
	it('moves the deadline of an attempt in progress and lists the grant', async () => {
		const { app, trainer, teller, bank } = await office();
		const exam = await createExam(app, trainer.user, {
			title: '储蓄业务职业鉴定',
			purpose: 'certification',
			description: '',
			blueprint: [{ id: 'r1', bankId: bank, count: 10, pointsEach: 10 }],
			timeLimitMinutes: 30,
			passMark: 60,
			attemptsAllowed: 1,
			shuffleOptions: true,
			partialCredit: 'none',
			reviewPolicy: 'score_only',
			windowOpensAt: null,
			windowClosesAt: null,
			courseId: null,
			lessonKey: null
		});
		const started = await startAttempt(app, teller.user, exam.id);
		expect(started.deadline).toBe(app.clock.now() + 30 * 60_000);
		const granted = await grantExtraTimeFromForm(app, trainer.user, exam.id, {
			employeeNo: ` ${teller.row.employeeNo} `,
			minutes: '15',
			reason: '视力障碍，需放大阅读'
		});
		expect(granted.deadline).toBe(started.deadline! + 15 * 60_000);
		const page = await getExtraTimePage(app, trainer.user, exam.id);
		expect(page.grants).toMatchObject([{ employeeNo: teller.row.employeeNo, minutes: 15 }]);
		expect(page.open).toMatchObject([{ deadline: granted.deadline }]);
		await expect(
			grantExtraTimeFromForm(app, trainer.user, exam.id, {
				employeeNo: 'NOPE',
				minutes: '15',
				reason: '原因'
			})
		).rejects.toThrow(Invalid);
		await expect(
			grantExtraTimeFromForm(app, trainer.user, exam.id, {
				employeeNo: teller.row.employeeNo,
				minutes: '',
				reason: '原因'
			})
		).rejects.toThrow(Invalid);
	});
});
