import { row, rows } from '../../../src/lib/server/db';
import { describe, expect, it } from 'vitest';
import { toSessionUser } from '../../../src/lib/server/auth/session';
import { startAttempt } from '../../../src/lib/server/exams/attempts';
import { submitAttempt } from '../../../src/lib/server/exams/submit';
import { rebuildAttemptSummary } from '../../../src/lib/server/reports/attempt-summary';
import { officeMonth } from '../../../src/lib/time/office';
import { createTestApp, type TestApp } from '../../helpers/app';
import { makeBank, makeExam } from '../../helpers/exams';
import { makeBranch, makeStaff } from '../../helpers/factories';

async function summary(app: TestApp) {
	return await rows(
		app.db,
		'select exam_id as "examId", month, branch_id as "branchId", sat, passed from attempt_month_summary order by branch_id'
	);
}

describe('attempt_month_summary', () => {
	it('counts each submission once, in the office month and the branch, and agrees with a rebuild', async () => {
		const app = await createTestApp();
		const examId = await makeExam(app, await makeBank(app), { attemptsAllowed: null });
		const a = (await makeBranch(app)).id;
		const b = (await makeBranch(app)).id;
		const first = toSessionUser(await makeStaff(app, { branchId: a }), ['learner']);
		const second = toSessionUser(await makeStaff(app, { branchId: b }), ['learner']);
		const one = await startAttempt(app, first, examId);
		await submitAttempt(app, first, one.id);
		await submitAttempt(app, first, one.id); // a second submit grades nothing and counts nothing
		await submitAttempt(app, second, (await startAttempt(app, second, examId)).id);
		await startAttempt(app, first, examId); // open attempts are not counted

		// Unanswered papers fail; the month is the office month of the start.
		const started = (await row(app.db, 'select started_at as s from attempt')) as {
			s: number;
		};
		const month = officeMonth(started.s);
		const expected = [
			{ examId, month, branchId: a, sat: 1, passed: 0 },
			{ examId, month, branchId: b, sat: 1, passed: 0 }
		];
		expect(await summary(app)).toEqual(expected);
		await rebuildAttemptSummary(app.db);
		expect(await summary(app)).toEqual(expected);
	});
});
