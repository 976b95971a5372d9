import { describe, expect, it } from 'vitest';
import { toSessionUser } from '../../../src/lib/server/auth/session';
import {
	getAttemptReview,
	getAttemptView,
	listMyExams,
	saveAnswer,
	submitAttempt
} from '../../../src/lib/server/exams/service';
import {
	checkPracticeAnswer,
	finishPractice,
	getGroupMastery,
	getMyMastery,
	getPracticeHome,
	getPracticeSession,
	listMocks,
	startMock,
	startPractice,
	type PracticeRequest
} from '../../../src/lib/server/practice/service';
import { runReport } from '../../../src/lib/server/reports/service';
import { setBankPracticeOpen } from '../../../src/lib/server/questions/service';
import { makeExam } from '../../helpers/exams';
import { makeBranch, makeStaff } from '../../helpers/factories';
import { answerFor, refusal, sit, tagType, world } from './fixture';

const request = (bankId: number, fields: Partial<PracticeRequest> = {}): PracticeRequest => ({
	mode: 'sequential',
	bankId,
	category: null,
	tag: null,
	type: null,
	count: 5,
	seed: 's',
	...fields
});

describe('practice sessions', () => {
	it('gives instant feedback per question and keeps the first verdict', async () => {
		const w = await world();
		const id = await startPractice(w.app, w.teller, request(w.bankId, { mode: 'random' }));
		const session = await getPracticeSession(w.app, w.teller, id);
		expect(session.items).toHaveLength(5);
		expect(session.items.every((i) => i.feedback === null && !i.checked)).toBe(true);
		const first = session.items[0]!.taking;
		const wrong = await checkPracticeAnswer(w.app, w.teller, id, {
			position: 1,
			answer: answerFor(first, false)
		});
		expect(wrong.correct).toBe(false);
		expect(wrong.explanation).toBe('解析');
		// Trying the right answer after seeing the key changes nothing.
		const again = await checkPracticeAnswer(w.app, w.teller, id, {
			position: 1,
			answer: answerFor(first, true)
		});
		expect(again.correct).toBe(false);
		const right = await checkPracticeAnswer(w.app, w.teller, id, {
			position: 2,
			answer: answerFor(session.items[1]!.taking, true)
		});
		expect(right.correct).toBe(true);
		// Saved like exam answers: a reload shows both, with their feedback.
		const reloaded = await getPracticeSession(w.app, w.teller, id);
		expect([reloaded.checked, reloaded.right]).toEqual([2, 1]);
		expect(reloaded.items[1]!.feedback?.correct).toBe(true);
		expect(reloaded.items[0]!.taking.answer).not.toBeNull();
		// Nobody else sees it.
		const other = toSessionUser(await makeStaff(w.app, { branchId: w.branchId }), ['learner']);
		expect(await refusal(() => getPracticeSession(w.app, other, id))).toBe(
			'practice.error.noSuchSession'
		);
	});

	it('顺序练习 resumes the open session, then continues after the last question answered', async () => {
		const w = await world();
		const id = await startPractice(w.app, w.teller, request(w.bankId));
		const s = await getPracticeSession(w.app, w.teller, id);
		const ids = s.items.map((i) => i.taking.questionId);
		expect(ids).toEqual([...ids].sort((a, b) => a - b));
		for (const n of [1, 2, 3]) {
			await checkPracticeAnswer(w.app, w.teller, id, {
				position: n,
				answer: answerFor(s.items[n - 1]!.taking, true)
			});
		}
		// Leaving and coming back: the same session, with its answers.
		expect(await startPractice(w.app, w.teller, request(w.bankId))).toBe(id);
		expect((await getPracticeSession(w.app, w.teller, id)).checked).toBe(3);
		await finishPractice(w.app, w.teller, id);
		const next = await startPractice(w.app, w.teller, request(w.bankId));
		expect(next).not.toBe(id);
		const nextIds = (await getPracticeSession(w.app, w.teller, next)).items.map(
			(i) => i.taking.questionId
		);
		expect(nextIds[0]).toBe(ids[3]);
		// Another mode finishes the open session first.
		const random = await startPractice(w.app, w.teller, request(w.bankId, { mode: 'random' }));
		expect((await getPracticeSession(w.app, w.teller, next)).status).toBe('submitted');
		expect(random).not.toBe(next);
	});

	it('专项练习 draws only the chosen knowledge point or type', async () => {
		const w = await world();
		await tagType(w.app, 'multiple', ['反洗钱']);
		const byTag = await startPractice(
			w.app,
			w.teller,
			request(w.bankId, { mode: 'topic', tag: '反洗钱', count: 20 })
		);
		const items = (await getPracticeSession(w.app, w.teller, byTag)).items;
		expect(items).toHaveLength(10);
		expect(items.every((i) => i.taking.type === 'multiple')).toBe(true);
		const byType = await startPractice(
			w.app,
			w.teller,
			request(w.bankId, { mode: 'topic', type: 'fill_blank' })
		);
		expect(
			(await getPracticeSession(w.app, w.teller, byType)).items.every(
				(i) => i.taking.type === 'fill_blank'
			)
		).toBe(true);
		expect(
			await refusal(() => startPractice(w.app, w.teller, request(w.bankId, { mode: 'topic' })))
		).toBe('practice.error.chooseTopic');
	});

	it('keeps practice sessions and mocks out of the exam lists and the certification report', async () => {
		const w = await world();
		const cert = await makeExam(w.app, w.bankId, {
			purpose: 'certification',
			reviewPolicy: 'score_only'
		});
		const hr = toSessionUser(await makeStaff(w.app, { branchId: w.branchId }), ['hr']);
		const filters = {
			from: '2026-01',
			to: '2026-12',
			branchCode: null,
			position: null,
			groupBy: 'branch' as const
		};
		await sit(w, cert, 8); // the real exam, failed: counted
		const before = await runReport(w.app, hr, 'certification', filters);
		expect(before.rows.length).toBeGreaterThan(0);
		expect((await listMocks(w.app, w.teller)).map((m) => m.examId)).toEqual([cert]);
		const mockAttempt = await startMock(w.app, w.teller, cert);
		// Graded like the formal exam, all right: a pass that counts nowhere.
		const view = await getAttemptView(w.app, w.teller, mockAttempt);
		expect(view.deadline).toBe(w.app.clock.now() + 30 * 60_000);
		let seq = 1;
		for (const item of view.paper.items) {
			await saveAnswer(w.app, w.teller, mockAttempt, {
				position: item.number,
				answer: answerFor(item, true),
				seq: seq++
			});
		}
		expect((await submitAttempt(w.app, w.teller, mockAttempt)).passed).toBe(true);
		expect((await getAttemptReview(w.app, w.teller, mockAttempt)).review.show).toBe('answers');
		await startPractice(w.app, w.teller, request(w.bankId));
		expect(await runReport(w.app, hr, 'certification', filters)).toEqual(before);
		const listed = (await listMyExams(w.app, w.teller)).map((e) => e.title);
		expect(listed).not.toContain('自主练习');
		expect(listed.filter((t) => t === '测试考试')).toHaveLength(1);
		// A closed bank takes the mock away.
		await setBankPracticeOpen(w.app, w.trainer, w.bankId, false);
		expect(await listMocks(w.app, w.teller)).toEqual([]);
		expect(await refusal(() => startMock(w.app, w.teller, cert))).toBe(
			'practice.error.notMockable'
		);
		expect((await getPracticeHome(w.app, w.teller)).banks).toEqual([]);
	});
});

describe('knowledge-point mastery', () => {
	it('is the share answered right per knowledge point over the last 90 days, weakest first', async () => {
		const w = await world();
		await tagType(w.app, 'single', ['开户']);
		await tagType(w.app, 'true_false', ['反洗钱']);
		const quiz = await makeExam(w.app, w.bankId, { purpose: 'practice', attemptsAllowed: null }, [
			{ id: 'r1', bankId: w.bankId, type: 'single', count: 4, pointsEach: 1 },
			{ id: 'r2', bankId: w.bankId, type: 'true_false', count: 2, pointsEach: 1 }
		]);
		await sit(w, quiz, 3); // 3 of 4 singles wrong, both true/false right
		const mine = await getMyMastery(w.app, w.teller);
		expect(mine.map((k) => [k.point, k.right, k.answered])).toEqual([
			['开户', 1, 4],
			['反洗钱', 2, 2]
		]);
		expect(mine[0]!.rate.value).toBe(0.25);
		w.app.clock.advance(91 * 86_400_000);
		expect(await getMyMastery(w.app, w.teller)).toEqual([]);
	});

	it("shows a branch's weakest points to trainers, and to a branch manager only for their own branch", async () => {
		const w = await world();
		await tagType(w.app, 'single', ['开户']);
		const quiz = await makeExam(w.app, w.bankId, { purpose: 'practice', attemptsAllowed: null }, [
			{ id: 'r1', bankId: w.bankId, type: 'single', count: 2, pointsEach: 1 }
		]);
		await sit(w, quiz, 1);
		const group = { branchId: w.branchId, position: '柜员' };
		expect(
			(await getGroupMastery(w.app, w.trainer, group)).map((k) => [k.point, k.right, k.answered])
		).toEqual([['开户', 1, 2]]);
		expect(
			await getGroupMastery(w.app, w.trainer, { branchId: w.branchId, position: '客户经理' })
		).toEqual([]);
		const otherBranch = (await makeBranch(w.app)).id;
		const manager = toSessionUser(await makeStaff(w.app, { branchId: otherBranch }), [
			'branch_manager'
		]);
		expect(await refusal(() => getGroupMastery(w.app, manager, group))).toBe('error.forbidden');
		expect(
			await getGroupMastery(w.app, manager, { branchId: otherBranch, position: null })
		).toEqual([]);
		expect(await refusal(() => getGroupMastery(w.app, w.teller, group))).toBe('error.forbidden');
	});
});
