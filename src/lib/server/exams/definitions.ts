import { recordAuditIn } from '../audit/service';
import { canDefineExam, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { selectCourseById, selectLessonByKey } from '../courses/service';
import { inTransaction, type Tx } from '../db';
import type { ExamDefinition } from '../db/schema';
import { Invalid, NotFound, type Problem } from '../errors';
import { findBankIds, findClosedBanks, loadDrawPool } from '../questions/service';
import { checkBlueprint } from './blueprint';
import * as data from './data';
import { checkExamInput, type ExamInput } from './definition-input';

export type { ExamInput } from './definition-input';

/** The course link of a practice quiz: the course is on offer, the lesson in its current version. */
async function courseProblems(tx: Tx, input: ExamInput): Promise<Problem[]> {
	if (input.courseId === null || !Number.isInteger(input.courseId)) return [];
	const found = await selectCourseById(tx, input.courseId);
	if (!found || found.retired || found.currentVersionId === null) {
		return [{ key: 'examdef.error.courseMissing', field: 'courseId' }];
	}
	if (input.lessonKey && !(await selectLessonByKey(tx, found.currentVersionId, input.lessonKey))) {
		return [{ key: 'examdef.error.lessonMissing', field: 'lessonKey' }];
	}
	return [];
}

/**
 * Refuses a blueprint whose banks are gone or that the live questions cannot fill, naming the
 * rule and by how many questions it is short ('exams.error.ruleShort').
 */
async function blueprintProblems(tx: Tx, input: ExamInput): Promise<Problem[]> {
	const rules = input.blueprint;
	if (rules.length === 0) return [];
	const bankIds = [...new Set(rules.map((r) => r.bankId))];
	const known = await findBankIds(tx, bankIds.filter(Number.isInteger));
	const missing: Problem[] = rules.flatMap((r, i) =>
		known.has(r.bankId)
			? []
			: [{ key: 'examdef.error.bankMissing', params: { rule: i + 1 }, field: 'blueprint' }]
	);
	if (missing.length > 0) return missing;
	const check = checkBlueprint(rules, await loadDrawPool(tx, [...known]));
	return [
		...check.problems.map((p) => ({ ...p, field: 'blueprint' })),
		...(await closedBankProblems(tx, input, [...known]))
	];
}

/**
 * A closed bank (保密) never feeds practice nor a review that shows correct answers: a practice
 * quiz with unlimited attempts would reveal its keys one empty submission at a time.
 */
async function closedBankProblems(tx: Tx, input: ExamInput, bankIds: number[]): Promise<Problem[]> {
	const leaks = input.purpose === 'practice' || input.reviewPolicy !== 'score_only';
	if (!leaks) return [];
	const closed = await findClosedBanks(tx, bankIds);
	if (closed.length === 0) return [];
	return [
		{
			key:
				input.purpose === 'practice'
					? 'examdef.error.closedBankPractice'
					: 'examdef.error.closedBankReview',
			params: { banks: closed.map((b) => b.name).join('、') },
			field: 'blueprint'
		}
	];
}

/** Every refusal at once, so the trainer fixes the form in one pass. */
async function validate(tx: Tx, input: ExamInput): Promise<void> {
	const problems = checkExamInput(input);
	if (!problems.some((p) => p.key === 'examdef.error.ruleFields')) {
		problems.push(...(await blueprintProblems(tx, input)));
	}
	problems.push(...(await courseProblems(tx, input)));
	if (problems.length > 0) throw new Invalid(problems);
}

function columnsOf(input: ExamInput) {
	return {
		title: input.title,
		purpose: input.purpose,
		description: input.description,
		blueprint: input.blueprint as unknown[],
		timeLimitMinutes: input.timeLimitMinutes,
		passMark: input.passMark,
		attemptsAllowed: input.attemptsAllowed,
		shuffleOptions: input.shuffleOptions,
		partialCredit: input.partialCredit,
		reviewPolicy: input.reviewPolicy,
		windowOpensAt: input.windowOpensAt,
		windowClosesAt: input.windowClosesAt,
		courseId: input.courseId,
		lessonKey: input.courseId === null ? null : input.lessonKey,
		switchLimit: input.switchLimit ?? null,
		requireFullscreen: input.requireFullscreen ?? false
	};
}

/** Defines a new quiz or exam after checking it, blueprint against the live questions included. */
export async function createExam(
	ctx: AppContext,
	user: SessionUser | null,
	input: ExamInput
): Promise<ExamDefinition> {
	const actor = requirePermission(user, canDefineExam, 'defines exams');
	return await inTransaction(ctx.db, (tx) => createExamStep(ctx, tx, actor, input));
}

/** `createExam` as a step of the caller's transaction; `actor` may define exams. */
export async function createExamStep(
	ctx: AppContext,
	tx: Tx,
	actor: SessionUser,
	input: ExamInput
): Promise<ExamDefinition> {
	await validate(tx, input);
	const now = ctx.clock.now();
	const exam = await data.insertExam(tx, {
		...columnsOf(input),
		createdBy: actor.id,
		createdAt: now,
		updatedAt: now
	});
	await recordAuditIn(ctx, tx, {
		action: 'exam.define',
		actorStaffId: actor.id,
		target: `exam:${exam.id}`,
		detail: { change: 'create', title: exam.title, purpose: exam.purpose }
	});
	return exam;
}

/**
 * The next updatedAt: strictly later than the last, even within one millisecond, because the
 * draw-pool cache keys on it and must never serve a paper from the old blueprint.
 */
function nextUpdatedAt(exam: ExamDefinition, now: number): number {
	return Math.max(now, exam.updatedAt + 1);
}

async function getDefinedExam(tx: Tx, examId: number): Promise<ExamDefinition> {
	const exam = Number.isSafeInteger(examId) ? await data.selectExam(tx, examId) : undefined;
	if (!exam) throw new NotFound(`exam ${examId}`);
	return exam;
}

/**
 * Changes an exam's definition. Papers already drawn keep their questions (they are frozen);
 * only attempts started afterwards use the new blueprint and settings.
 */
export async function updateExam(
	ctx: AppContext,
	user: SessionUser | null,
	examId: number,
	input: ExamInput
): Promise<ExamDefinition> {
	const actor = requirePermission(user, canDefineExam, 'defines exams');
	return await inTransaction(ctx.db, async (tx) => {
		const exam = await getDefinedExam(tx, examId);
		await validate(tx, input);
		await data.updateExamRow(tx, exam.id, {
			...columnsOf(input),
			updatedAt: nextUpdatedAt(exam, ctx.clock.now())
		});
		await recordAuditIn(ctx, tx, {
			action: 'exam.define',
			actorStaffId: actor.id,
			target: `exam:${exam.id}`,
			detail: { change: 'update', title: input.title }
		});
		return (await data.selectExam(tx, exam.id))!;
	});
}

/**
 * Takes an exam out of use (no new attempts; open ones may still be finished and are swept at
 * their deadline) or puts it back. Exams are never deleted: attempts point at them.
 */
export async function setExamActive(
	ctx: AppContext,
	user: SessionUser | null,
	examId: number,
	active: boolean
): Promise<ExamDefinition> {
	const actor = requirePermission(user, canDefineExam, 'defines exams');
	return await inTransaction(ctx.db, async (tx) => {
		const exam = await getDefinedExam(tx, examId);
		if (exam.active === active) return exam;
		await data.updateExamRow(tx, exam.id, {
			active,
			updatedAt: nextUpdatedAt(exam, ctx.clock.now())
		});
		await recordAuditIn(ctx, tx, {
			action: 'exam.define',
			actorStaffId: actor.id,
			target: `exam:${exam.id}`,
			detail: { change: active ? 'activate' : 'deactivate' }
		});
		return (await data.selectExam(tx, exam.id))!;
	});
}
