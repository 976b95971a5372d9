import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { onboardingPlan } from '../../../src/lib/server/db/schema';
import { startAttempt } from '../../../src/lib/server/exams/attempts';
import { setExamActive, createExam } from '../../../src/lib/server/exams/definitions';
import { saveAnswer } from '../../../src/lib/server/exams/save-answer';
import { submitAttempt } from '../../../src/lib/server/exams/submit';
import type { PaperItem } from '../../../src/lib/server/exams/types';
import { getMenteeLog } from '../../../src/lib/server/mentoring/mentees';
import { countersignFinalDay } from '../../../src/lib/server/mentoring/signatures';
import { getClearanceStatus } from '../../../src/lib/server/onboarding/clearance';
import { getPlanDetail } from '../../../src/lib/server/onboarding/detail';
import { many, seedBank } from '../exams/definitions-fixtures';
import { completeSeat, office, openDefaultPlan, signDays, type Office } from './setup';
import { loadQuestionVersions } from '../../../src/lib/server/questions/service';

const allDays = Array.from({ length: 15 }, (_, i) => i + 1);

async function defineOnboardingExam(o: Office): Promise<number> {
	const bank = await seedBank(o.app, '储蓄业务', many(10));
	return (
		await createExam(o.app, o.hr.user, {
			title: '岗前培训结业考试',
			purpose: 'onboarding',
			description: '',
			blueprint: [{ id: 'r1', bankId: bank, count: 5, pointsEach: 20 }],
			timeLimitMinutes: 30,
			passMark: 80,
			attemptsAllowed: 3,
			shuffleOptions: false,
			partialCredit: 'none',
			reviewPolicy: 'score_and_answers',
			windowOpensAt: null,
			windowClosesAt: null,
			courseId: null,
			lessonKey: null
		})
	).id;
}

/** The new hire sits the exam now, answering `right` of the five questions correctly. */
async function sit(o: Office, examId: number, right: number): Promise<boolean> {
	const attempt = await startAttempt(o.app, o.newHire.user, examId);
	const items = attempt.paper as PaperItem[];
	const versions = await loadQuestionVersions(
		o.app.db,
		items.map((i) => i.versionId)
	);
	for (const [i, item] of items.entries()) {
		const correct = versions.get(item.versionId)!.options.findIndex((op) => op.correct);
		const letter = String.fromCharCode(65 + (i < right ? correct : (correct + 1) % 4));
		await saveAnswer(o.app, o.newHire.user, attempt.id, {
			position: i + 1,
			answer: { choice: letter },
			seq: 1
		});
	}
	return (await submitAttempt(o.app, o.newHire.user, attempt.id)).passed === true;
}

const planStatus = async (o: Office, planId: number) =>
	(await o.app.db.select().from(onboardingPlan).where(eq(onboardingPlan.id, planId)).get())!.status;

async function finishEverythingButTheExam(o: Office, planId: number): Promise<void> {
	await completeSeat(o.app, o.newHire.row.id);
	await signDays(o, planId, allDays);
	const day15 = (await getMenteeLog(o.app, o.mentorA.user, planId)).log.find(
		(d) => d.dayNumber === 15
	)!;
	await countersignFinalDay(o.app, o.managerA.user, day15.id);
}

describe('the onboarding exam in the clearance rule', () => {
	it('is not required while the office has no active onboarding exam', async () => {
		const o = await office();
		const examId = await defineOnboardingExam(o);
		await setExamActive(o.app, o.hr.user, examId, false);
		const planId = await openDefaultPlan(o);
		await finishEverythingButTheExam(o, planId);
		expect(await planStatus(o, planId)).toBe('cleared');
		expect((await getPlanDetail(o.app, o.hr.user, planId)).progress.exam).toBeNull();
	});

	it('holds clearance until the exam is passed, and clears on the passing submit', async () => {
		const o = await office();
		const examId = await defineOnboardingExam(o);
		const planId = await openDefaultPlan(o);
		expect((await getPlanDetail(o.app, o.hr.user, planId)).progress.exam).toEqual({
			examId,
			state: 'pending'
		});
		await finishEverythingButTheExam(o, planId);
		expect(await planStatus(o, planId)).toBe('open');
		expect(await getClearanceStatus(o.app, o.newHire.row.id)).toMatchObject({
			examRequired: true,
			examPassed: false,
			ready: false
		});
		expect(await sit(o, examId, 3)).toBe(false);
		expect((await getPlanDetail(o.app, o.hr.user, planId)).progress.exam?.state).toBe('failed');
		expect(await planStatus(o, planId)).toBe('open');
		expect(await sit(o, examId, 5)).toBe(true);
		expect(await planStatus(o, planId)).toBe('cleared');
		expect((await getPlanDetail(o.app, o.hr.user, planId)).progress.exam?.state).toBe('passed');
	});

	it('counts only a pass started on or after the plan’s start date', async () => {
		const o = await office();
		const examId = await defineOnboardingExam(o);
		// Passed the day before the plan starts (Wednesday 4 Feb): an earlier training's pass.
		o.app.clock.set('2026-02-03T02:00:00Z');
		expect(await sit(o, examId, 5)).toBe(true);
		o.app.clock.set('2026-03-02T02:00:00Z');
		const planId = await openDefaultPlan(o);
		await finishEverythingButTheExam(o, planId);
		expect((await getClearanceStatus(o.app, o.newHire.row.id))?.examPassed).toBe(false);
		expect(await planStatus(o, planId)).toBe('open');
	});
});
