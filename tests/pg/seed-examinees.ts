// Examinees with open attempts, for the failover test: a bank, an exam, N people each with an
// attempt started through the exam engine, as the web would.
import { FakeClock } from '../../src/lib/server/clock';
import type { Config } from '../../src/lib/server/config';
import type { AppContext } from '../../src/lib/server/context';
import { startAttempt } from '../../src/lib/server/exams/attempts';
import { toSessionUser, type SessionUser } from '../../src/lib/server/auth/session';
import type { PaperItem } from '../../src/lib/server/exams/types';
import type { TestApp } from '../helpers/app';
import { makeBank, makeExam } from '../helpers/exams';
import { makeBranch, makeStaff } from '../helpers/factories';

// The default blueprint of makeExam: one rule per question type.
const RULE_TYPES: Record<string, string> = {
	r1: 'single',
	r2: 'multiple',
	r3: 'true_false',
	r4: 'fill_blank'
};

export interface Examinee {
	user: SessionUser;
	attemptId: number;
	/** Question type at each position (1-based: types[position - 1]). */
	types: string[];
}

export async function seedExaminees(ctx: AppContext, count: number): Promise<Examinee[]> {
	const app = {
		...ctx,
		clock: ctx.clock as FakeClock,
		config: ctx.config as Config,
		dir: ''
	} as TestApp;
	const bankId = await makeBank(app, 10);
	const examId = await makeExam(app, bankId, { timeLimitMinutes: null, attemptsAllowed: null });
	const branch = await makeBranch(app);
	const examinees: Examinee[] = [];
	for (let i = 0; i < count; i++) {
		const row = await makeStaff(app, { branchId: branch.id });
		const user = toSessionUser(row, ['learner']);
		const attempt = await startAttempt(ctx, user, examId, { seed: () => `seed-${i}` });
		examinees.push({
			user,
			attemptId: attempt.id,
			types: (attempt.paper as PaperItem[]).map((item) => RULE_TYPES[item.ruleId]!)
		});
	}
	return examinees;
}

/** A well-formed answer for a question of `type`, different for each `seq`. */
export function answerFor(type: string, seq: number): unknown {
	if (type === 'single') return { choice: 'ABCD'[seq % 4] };
	if (type === 'multiple') return { choices: seq % 2 ? ['A', 'C'] : ['B', 'D'] };
	if (type === 'true_false') return { value: seq % 2 === 0 };
	return { text: `答案${seq % 97}` };
}
