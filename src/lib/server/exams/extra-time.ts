import { recordAuditIn } from '../audit/service';
import { canGrantExtraTime, requirePermission } from '../auth/permissions';
import { selectStaffByEmployeeNo } from '../auth/service';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { inTransaction } from '../db';
import { Invalid, NotFound } from '../errors';
import { computeDeadline } from './clock-rules';
import * as data from './data';

/**
 * Grants a person extra time on an exam (an accommodation). It applies to their future
 * attempts and moves the deadline of an attempt already in progress.
 */
export async function grantExtraTime(
	ctx: AppContext,
	user: SessionUser | null,
	input: { examId: number; employeeNo: string; minutes: number; reason: string }
): Promise<{ deadline: number | null }> {
	const actor = requirePermission(user, canGrantExtraTime, 'grants extra time');
	if (
		!Number.isInteger(input.minutes) ||
		input.minutes < 1 ||
		input.minutes > 240 ||
		!input.reason.trim()
	) {
		throw new Invalid([{ key: 'exams.error.extraTimeInvalid' }]);
	}
	const exam = await data.selectExam(ctx.db, input.examId);
	if (!exam) throw new NotFound(`exam ${input.examId}`);
	const person = await selectStaffByEmployeeNo(ctx.db, input.employeeNo.trim());
	if (!person) throw new NotFound(`staff ${input.employeeNo}`);
	// An accommodation is granted by someone else: a trainer may not lengthen their own exam.
	if (person.id === actor.id) throw new Invalid([{ key: 'exams.error.extraTimeSelf' }]);
	const now = ctx.clock.now();
	return await inTransaction(ctx.db, async (tx) => {
		await data.insertExtraTime(tx, {
			examId: exam.id,
			staffId: person.id,
			minutes: input.minutes,
			reason: input.reason.trim(),
			grantedBy: actor.id,
			grantedAt: now
		});
		await recordAuditIn(ctx, tx, {
			action: 'exam.extra_time',
			actorStaffId: actor.id,
			target: `staff:${person.employeeNo}`,
			detail: { examId: exam.id, minutes: input.minutes }
		});
		const open = await data.selectOpenAttempt(tx, exam.id, person.id);
		if (!open) return { deadline: null };
		const extraTimeMs = await data.sumExtraTimeMs(tx, exam.id, person.id);
		const deadline = computeDeadline({
			startedAt: open.startedAt,
			timeLimitMs: exam.timeLimitMinutes === null ? null : exam.timeLimitMinutes * 60_000,
			windowClosesAt: exam.windowClosesAt,
			extraTimeMs
		});
		await data.updateOpenAttemptDeadline(tx, open.id, deadline, extraTimeMs);
		return { deadline };
	});
}
