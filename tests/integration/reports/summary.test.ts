import { describe, expect, it } from 'vitest';
import { toSessionUser } from '../../../src/lib/server/auth/session';
import { startAttempt } from '../../../src/lib/server/exams/attempts';
import { submitAttempt } from '../../../src/lib/server/exams/submit';
import { rebuildAttemptSummary } from '../../../src/lib/server/reports/attempt-summary';
import { createTestApp, type TestApp } from '../../helpers/app';
import { makeBank, makeExam } from '../../helpers/exams';
import { makeBranch, makeStaff } from '../../helpers/factories';

function summary(app: TestApp) {
	return app.db.$client
		.prepare(
			'select exam_id as examId, month, branch_id as branchId, sat, passed from attempt_month_summary order by branch_id'
		)
		.all();
}

describe('attempt_month_summary', () => {
	it('counts each submission once, in the office month and the branch, and agrees with a rebuild', async () => {
		const app = createTestApp();
		const examId = makeExam(app, makeBank(app), { attemptsAllowed: null });
		const a = makeBranch(app).id;
		const b = makeBranch(app).id;
		const first = toSessionUser(await makeStaff(app, { branchId: a }), ['learner']);
		const second = toSessionUser(await makeStaff(app, { branchId: b }), ['learner']);
		const one = startAttempt(app, first, examId);
		submitAttempt(app, first, one.id);
		submitAttempt(app, first, one.id); // a second submit grades nothing and counts nothing
		submitAttempt(app, second, startAttempt(app, second, examId).id);
		startAttempt(app, first, examId); // open attempts are not counted

		// Unanswered papers fail; the month is the Shanghai month of the start.
		const started = app.db.$client.prepare('select started_at as s from attempt').get() as {
			s: number;
		};
		const month = new Date(started.s + 8 * 3_600_000).toISOString().slice(0, 7);
		const expected = [
			{ examId, month, branchId: a, sat: 1, passed: 0 },
			{ examId, month, branchId: b, sat: 1, passed: 0 }
		];
		expect(summary(app)).toEqual(expected);
		rebuildAttemptSummary(app.db.$client);
		expect(summary(app)).toEqual(expected);
	});
});
