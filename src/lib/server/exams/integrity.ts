/**
 * Exam integrity (切屏) for formal exams: the examinee's page reports each time it lost focus,
 * visibility or full screen; the server records it once per client event id, counts, and submits
 * the attempt itself when the exam's limit is reached (the browser is not trusted to). These are
 * deterrents and records, not proof: a page can be made to stay silent.
 */
import { recordAuditIn } from '../audit/service';
import { canReviewAnyAttempt } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { inTransaction } from '../db';
import type { ExamDefinition } from '../db/schema';
import { Forbidden, Invalid, NotFound } from '../errors';
import { SWITCH_KINDS, type SwitchKind } from '../../exams/enums';
import * as data from './data';
import { gradeAndClose } from './submit';

/** Integrity rules of an exam as the pages show them; null for practice (never monitored). */
export interface IntegrityRules {
	/** Switches that submit the attempt; null: counted and recorded only. */
	switchLimit: number | null;
	requireFullscreen: boolean;
	/** Copy, cut, paste and the context menu are blocked on the question text. */
	blockCopy: true;
}

export function integrityRulesOf(
	exam: Pick<ExamDefinition, 'purpose' | 'switchLimit' | 'requireFullscreen'>
): IntegrityRules | null {
	if (exam.purpose === 'practice') return null;
	return {
		switchLimit: exam.switchLimit,
		requireFullscreen: exam.requireFullscreen,
		blockCopy: true
	};
}

export interface SwitchResult {
	count: number;
	limit: number | null;
	/** The attempt is closed (by this switch reaching the limit, or before). */
	submitted: boolean;
}

const EVENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

function parseSwitch(input: { eventId: unknown; kind: unknown }): {
	eventId: string;
	kind: SwitchKind;
} {
	const { eventId, kind } = input;
	if (
		typeof eventId !== 'string' ||
		!EVENT_ID.test(eventId) ||
		!SWITCH_KINDS.includes(kind as SwitchKind)
	) {
		throw new Invalid([{ key: 'integrity.error.malformed' }]);
	}
	return { eventId, kind: kind as SwitchKind };
}

/**
 * Records one switch away from the owner's open attempt (idempotent per client event id) and
 * submits the attempt when the count reaches the exam's limit.
 */
export async function recordSwitch(
	ctx: AppContext,
	user: SessionUser | null,
	attemptId: number,
	input: { eventId: unknown; kind: unknown }
): Promise<SwitchResult> {
	if (!user) throw new Forbidden('not signed in');
	const { eventId, kind } = parseSwitch(input);
	return await inTransaction(ctx.db, async (tx) => {
		const row = Number.isSafeInteger(attemptId) ? await data.selectAttempt(tx, attemptId) : null;
		if (!row) throw new NotFound(`attempt ${attemptId}`, 'exams.error.noSuchAttempt');
		if (row.staffId !== user.id)
			throw new Forbidden('not your attempt', 'exams.error.notYourAttempt');
		const exam = await data.selectExam(tx, row.examId);
		if (!exam) throw new NotFound(`exam ${row.examId}`);
		const rules = integrityRulesOf(exam);
		if (!rules) throw new Invalid([{ key: 'integrity.error.notMonitored' }]);
		const limit = rules.switchLimit;
		// A closed attempt records nothing more; the lock keeps a concurrent submit out meanwhile.
		if (row.status !== 'open' || !(await data.lockOpenAttempt(tx, row.id))) {
			return { count: await data.countSwitches(tx, row.id), limit, submitted: true };
		}
		const now = ctx.clock.now();
		const fresh = await data.insertSwitchOnce(tx, {
			attemptId: row.id,
			clientEventId: eventId,
			kind,
			recordedAt: now
		});
		const count = await data.countSwitches(tx, row.id);
		if (fresh) {
			await recordAuditIn(ctx, tx, {
				action: 'exam.switch',
				actorStaffId: user.id,
				target: `attempt:${row.id}`,
				detail: { kind, count, limit }
			});
		}
		if (limit !== null && count >= limit) {
			await gradeAndClose(ctx, tx, row, 'switch_limit');
			return { count, limit, submitted: true };
		}
		return { count, limit, submitted: false };
	});
}

/** How many switches the owner's attempt has recorded, for the taking page's counter. */
export async function countAttemptSwitches(ctx: AppContext, attemptId: number): Promise<number> {
	return await data.countSwitches(ctx.db, attemptId);
}

export interface IntegrityRecord {
	rules: IntegrityRules | null;
	switches: { kind: SwitchKind; at: number }[];
	/** The attempt was submitted by the server at the switch limit. */
	submittedAtLimit: boolean;
}

/**
 * An attempt's switch record, for trainers and HR (any attempt) and its owner: what the page
 * reported, labelled on the page as a deterrent and a record, not proof.
 */
export async function getIntegrityRecord(
	ctx: AppContext,
	user: SessionUser | null,
	attemptId: number
): Promise<IntegrityRecord> {
	if (!user) throw new Forbidden('not signed in');
	const row = Number.isSafeInteger(attemptId) ? await data.selectAttempt(ctx.db, attemptId) : null;
	if (!row) throw new NotFound(`attempt ${attemptId}`, 'exams.error.noSuchAttempt');
	if (row.staffId !== user.id && !canReviewAnyAttempt(user))
		throw new Forbidden('not your attempt', 'exams.error.notYourAttempt');
	const exam = await data.selectExam(ctx.db, row.examId);
	if (!exam) throw new NotFound(`exam ${row.examId}`);
	return {
		rules: integrityRulesOf(exam),
		switches: (await data.selectSwitches(ctx.db, row.id)).map((s) => ({
			kind: s.kind,
			at: s.recordedAt
		})),
		submittedAtLimit: row.submittedBy === 'switch_limit'
	};
}
