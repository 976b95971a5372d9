// 模拟考试: a timed mock of a formal exam, drawn by its blueprint and graded like it, taken on
// the ordinary attempt page. Only for exams whose banks are all open for practice.
import { canPractise, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { inTransaction } from '../db';
import type { ExamDefinition } from '../db/schema';
import { Invalid } from '../errors';
import {
	ensureMockExam,
	findExam,
	listFormalExams,
	startAttempt,
	type BlueprintRule
} from '../exams/service';
import { findClosedBanks } from '../questions/service';
import * as data from './data';

export interface MockOffer {
	examId: number;
	title: string;
	questions: number;
	timeLimitMinutes: number | null;
	passMark: number;
}

function bankIdsOf(exam: ExamDefinition): number[] {
	return (exam.blueprint as BlueprintRule[]).map((r) => r.bankId);
}

async function isMockable(ctx: AppContext, exam: ExamDefinition): Promise<boolean> {
	const banks = bankIdsOf(exam);
	return banks.length > 0 && (await findClosedBanks(ctx.db, banks)).length === 0;
}

/** The formal exams a person may take a mock of. */
export async function listMocks(ctx: AppContext, user: SessionUser | null): Promise<MockOffer[]> {
	requirePermission(user, canPractise, 'practises');
	const offers: MockOffer[] = [];
	for (const exam of await listFormalExams(ctx)) {
		if (!(await isMockable(ctx, exam))) continue;
		offers.push({
			examId: exam.id,
			title: exam.title,
			questions: (exam.blueprint as BlueprintRule[]).reduce((n, r) => n + r.count, 0),
			timeLimitMinutes: exam.timeLimitMinutes,
			passMark: exam.passMark
		});
	}
	return offers;
}

/** Starts (or resumes) a mock of a formal exam; returns its attempt id. */
export async function startMock(
	ctx: AppContext,
	user: SessionUser | null,
	formalExamId: number
): Promise<number> {
	const me = requirePermission(user, canPractise, 'practises');
	const formal = Number.isSafeInteger(formalExamId) ? await findExam(ctx.db, formalExamId) : null;
	if (
		!formal ||
		!formal.active ||
		formal.purpose === 'practice' ||
		formal.practiceKind !== null ||
		!(await isMockable(ctx, formal))
	) {
		throw new Invalid([{ key: 'practice.error.notMockable' }]);
	}
	const mock = await inTransaction(
		ctx.db,
		async (tx) => await ensureMockExam(ctx, tx, formal, true)
	);
	const attempt = await startAttempt(ctx, me, mock.id, { isEligible: () => true });
	await data.insertSession(ctx.db, {
		attemptId: attempt.id,
		staffId: me.id,
		mode: 'mock',
		bankId: null,
		category: null,
		tag: null,
		type: null,
		createdAt: ctx.clock.now()
	});
	return attempt.id;
}
