import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../../src/lib/server/audit/service';
import { toSessionUser } from '../../../src/lib/server/auth/session';
import type { DomainError } from '../../../src/lib/server/errors';
import { startAttempt } from '../../../src/lib/server/exams/attempts';
import { createExam } from '../../../src/lib/server/exams/definitions';
import type { ExamInput } from '../../../src/lib/server/exams/definition-input';
import { saveAnswer } from '../../../src/lib/server/exams/save-answer';
import {
	getIntegrityRecord,
	getAttemptView,
	recordSwitch
} from '../../../src/lib/server/exams/service';
import { createTestApp } from '../../helpers/app';
import { makeBank, makeExam } from '../../helpers/exams';
import { makeBranch, makeStaff } from '../../helpers/factories';

async function setup(examFields: Parameters<typeof makeExam>[2] = {}) {
	const app = await createTestApp();
	const branchId = (await makeBranch(app)).id;
	const teller = toSessionUser(await makeStaff(app, { branchId }), ['learner']);
	const other = toSessionUser(await makeStaff(app, { branchId }), ['learner']);
	const trainer = toSessionUser(await makeStaff(app, { branchId }), ['trainer']);
	const bankId = await makeBank(app);
	const examId = await makeExam(app, bankId, {
		purpose: 'certification',
		attemptsAllowed: 2,
		...examFields
	});
	const attempt = await startAttempt(app, teller, examId);
	return { app, teller, other, trainer, bankId, examId, attempt };
}

async function causeOf(work: () => unknown): Promise<string> {
	try {
		await work();
	} catch (e) {
		return (e as DomainError).problems?.[0]?.key ?? String(e);
	}
	return 'no refusal';
}

describe('切屏: switches away from a formal exam', () => {
	it('records each switch with its time once per client event id, and audits it', async () => {
		const { app, teller, attempt } = await setup({ switchLimit: 5 });
		const first = await recordSwitch(app, teller, attempt.id, { eventId: 'e-1', kind: 'hidden' });
		expect(first).toEqual({ count: 1, limit: 5, submitted: false });
		// The browser retried the same report: it counts once.
		expect(await recordSwitch(app, teller, attempt.id, { eventId: 'e-1', kind: 'hidden' })).toEqual(
			first
		);
		app.clock.advance(30_000);
		expect(
			(await recordSwitch(app, teller, attempt.id, { eventId: 'e-2', kind: 'blur' })).count
		).toBe(2);
		const view = await getAttemptView(app, teller, attempt.id);
		expect(view.switchCount).toBe(2);
		expect(view.integrity).toMatchObject({ switchLimit: 5, requireFullscreen: false });
		const audit = (await listAuditEvents(app, 50, 'exam.switch')).filter(
			(e) => e.target === `attempt:${attempt.id}`
		);
		expect(audit).toHaveLength(2);
	});

	it('submits the attempt on the server when the count reaches the limit', async () => {
		const { app, teller, trainer, attempt } = await setup({ switchLimit: 3 });
		await saveAnswer(app, teller, attempt.id, { position: 1, answer: { choice: 'A' }, seq: 1 });
		for (const id of ['a', 'b']) {
			expect(
				(await recordSwitch(app, teller, attempt.id, { eventId: id, kind: 'hidden' })).submitted
			).toBe(false);
		}
		const third = await recordSwitch(app, teller, attempt.id, { eventId: 'c', kind: 'blur' });
		expect(third).toEqual({ count: 3, limit: 3, submitted: true });
		const record = await getIntegrityRecord(app, trainer, attempt.id);
		expect(record.submittedAtLimit).toBe(true);
		expect(record.switches.map((s) => s.kind)).toEqual(['hidden', 'hidden', 'blur']);
		// Graded with what was saved; answers after the submission are refused.
		expect(
			await causeOf(() =>
				saveAnswer(app, teller, attempt.id, { position: 2, answer: { choice: 'A' }, seq: 2 })
			)
		).toBe('exams.error.alreadySubmitted');
		// A switch reported after the submission changes nothing.
		expect(await recordSwitch(app, teller, attempt.id, { eventId: 'd', kind: 'hidden' })).toEqual({
			count: 3,
			limit: 3,
			submitted: true
		});
	});

	it('counts but never submits when the exam sets no limit', async () => {
		const { app, teller, attempt } = await setup();
		for (let i = 0; i < 6; i++) {
			expect(
				await recordSwitch(app, teller, attempt.id, { eventId: `x${i}`, kind: 'hidden' })
			).toMatchObject({ count: i + 1, limit: null, submitted: false });
		}
	});

	it("refuses someone else's attempt, practice quizzes and malformed reports", async () => {
		const { app, teller, other, trainer, attempt, bankId } = await setup({ switchLimit: 3 });
		expect(
			await causeOf(() => recordSwitch(app, other, attempt.id, { eventId: 'a', kind: 'hidden' }))
		).toBe('exams.error.notYourAttempt');
		// Trainers read the record; they do not add to it.
		expect(
			await causeOf(() => recordSwitch(app, trainer, attempt.id, { eventId: 'a', kind: 'hidden' }))
		).toBe('exams.error.notYourAttempt');
		expect(
			await causeOf(() => recordSwitch(app, teller, attempt.id, { eventId: 'a', kind: 'print' }))
		).toBe('integrity.error.malformed');
		expect(
			await causeOf(() =>
				recordSwitch(app, teller, attempt.id, { eventId: 'a'.repeat(65), kind: 'hidden' })
			)
		).toBe('integrity.error.malformed');
		const practiceId = await makeExam(app, bankId, { purpose: 'practice', attemptsAllowed: null });
		const practice = await startAttempt(app, teller, practiceId);
		expect(
			await causeOf(() => recordSwitch(app, teller, practice.id, { eventId: 'a', kind: 'hidden' }))
		).toBe('integrity.error.notMonitored');
		expect(await causeOf(() => getIntegrityRecord(app, other, attempt.id))).toBe(
			'exams.error.notYourAttempt'
		);
		expect((await getIntegrityRecord(app, teller, attempt.id)).switches).toEqual([]);
	});

	it('refuses a switch limit or full screen on a practice quiz when defining it', async () => {
		const { app, trainer, bankId } = await setup();
		const input: ExamInput = {
			title: '练习',
			purpose: 'practice',
			description: '',
			blueprint: [{ id: 'r1', bankId, type: 'single', count: 2, pointsEach: 10 }],
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
			switchLimit: 3
		};
		expect(await causeOf(() => createExam(app, trainer, input))).toBe('integrity.error.practice');
		expect(
			await causeOf(() =>
				createExam(app, trainer, {
					...input,
					purpose: 'certification',
					attemptsAllowed: 1,
					switchLimit: 0
				})
			)
		).toBe('integrity.error.limit');
		const exam = await createExam(app, trainer, {
			...input,
			purpose: 'certification',
			attemptsAllowed: 1,
			requireFullscreen: true
		});
		expect(exam).toMatchObject({ switchLimit: 3, requireFullscreen: true });
	});
});
