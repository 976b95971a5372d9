import { eq } from 'drizzle-orm';
import type { QuestionType } from '../../../src/lib/questions/enums';
import { toSessionUser, type SessionUser } from '../../../src/lib/server/auth/session';
import { questionVersion } from '../../../src/lib/server/db/schema';
import type { DomainError } from '../../../src/lib/server/errors';
import {
	getAttemptView,
	saveAnswer,
	startAttempt,
	submitAttempt
} from '../../../src/lib/server/exams/service';
import type { PaperViewItem } from '../../../src/lib/server/exams/service';
import { setBankPracticeOpen } from '../../../src/lib/server/questions/service';
import { createTestApp, type TestApp } from '../../helpers/app';
import { makeBank, makeExam } from '../../helpers/exams';
import { makeBranch, makeStaff } from '../../helpers/factories';

export interface World {
	app: TestApp;
	branchId: number;
	teller: SessionUser;
	trainer: SessionUser;
	bankId: number;
}

/** A branch, a teller and a trainer, and one bank of 40 questions (10 per type), open or closed. */
export async function world(open = true): Promise<World> {
	const app = await createTestApp();
	const branchId = (await makeBranch(app)).id;
	const teller = toSessionUser(await makeStaff(app, { branchId, position: '柜员' }), ['learner']);
	const trainer = toSessionUser(await makeStaff(app, { branchId }), ['trainer']);
	const bankId = await makeBank(app);
	if (!open) await setBankPracticeOpen(app, trainer, bankId, false);
	return { app, branchId, teller, trainer, bankId };
}

/** Gives every question version of a type these tags (knowledge points). */
export async function tagType(app: TestApp, type: QuestionType, tags: string[]): Promise<void> {
	await app.db.update(questionVersion).set({ tags }).where(eq(questionVersion.type, type)).run();
}

/** The right (or a wrong) answer in display ids, read off the option texts (选项A is right). */
export function answerFor(item: PaperViewItem, right: boolean): unknown {
	const id = (key: string): string => item.options.find((o) => o.text === `选项${key}`)!.id;
	switch (item.type) {
		case 'single':
			return { choice: id(right ? 'A' : 'B') };
		case 'multiple':
			return { choices: right ? [id('A'), id('C')].sort() : [id('B')] };
		case 'true_false':
			return { value: right };
		case 'fill_blank':
			return { text: right ? '五万元' : '十万元' };
	}
}

/** A practice quiz on the bank: unlimited attempts, answers shown after submission. */
export async function practiceQuiz(w: World, fields = {}): Promise<number> {
	return await makeExam(w.app, w.bankId, {
		purpose: 'practice',
		attemptsAllowed: null,
		timeLimitMinutes: null,
		...fields
	});
}

/** Sits an exam: the first `wrong` items wrong, the rest right; returns the question ids. */
export async function sit(
	w: World,
	examId: number,
	wrong: number,
	user = w.teller
): Promise<{ attemptId: number; wrongIds: number[]; rightIds: number[] }> {
	const a = await startAttempt(w.app, user, examId);
	const view = await getAttemptView(w.app, user, a.id);
	let seq = 1;
	for (const item of view.paper.items) {
		await saveAnswer(w.app, user, a.id, {
			position: item.number,
			answer: answerFor(item, item.number > wrong),
			seq: seq++
		});
	}
	await submitAttempt(w.app, user, a.id);
	const ids = view.paper.items.map((i) => i.questionId);
	return { attemptId: a.id, wrongIds: ids.slice(0, wrong), rightIds: ids.slice(wrong) };
}

/** The message key a refusal carries. */
export async function refusal(work: () => unknown): Promise<string> {
	try {
		await work();
	} catch (e) {
		return (e as DomainError).problems?.[0]?.key ?? String(e);
	}
	return 'no refusal';
}
