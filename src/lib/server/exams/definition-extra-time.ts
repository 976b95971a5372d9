import { canGrantExtraTime, requirePermission } from '../auth/permissions';
import { selectStaffByEmployeeNo } from '../auth/service';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { Invalid, NotFound } from '../errors';
import * as data from './data';
import { grantExtraTime } from './extra-time';

export interface ExtraTimePage {
	exam: { id: number; title: string; timeLimitMinutes: number | null };
	grants: data.ExtraTimeGrantRow[];
	open: Awaited<ReturnType<typeof data.selectOpenAttemptsOf>>;
}

/** The extra-time page: grants so far and the attempts in progress a grant would move. */
export async function getExtraTimePage(
	ctx: AppContext,
	user: SessionUser | null,
	examId: number
): Promise<ExtraTimePage> {
	requirePermission(user, canGrantExtraTime, 'grants extra time');
	const exam = Number.isSafeInteger(examId) ? await data.selectExam(ctx.db, examId) : undefined;
	if (!exam) throw new NotFound(`exam ${examId}`);
	return {
		exam: { id: exam.id, title: exam.title, timeLimitMinutes: exam.timeLimitMinutes },
		grants: await data.selectExtraTimeGrants(ctx.db, exam.id),
		open: await data.selectOpenAttemptsOf(ctx.db, exam.id)
	};
}

/**
 * Grants extra time from the page's form. An unknown employee number is a typing slip, so it
 * comes back to the form as a problem instead of the engine's not-found page.
 */
export async function grantExtraTimeFromForm(
	ctx: AppContext,
	user: SessionUser | null,
	examId: number,
	form: { employeeNo: string; minutes: string; reason: string }
): Promise<{ employeeNo: string; minutes: number; deadline: number | null }> {
	requirePermission(user, canGrantExtraTime, 'grants extra time');
	const employeeNo = form.employeeNo.trim();
	if (!(await selectStaffByEmployeeNo(ctx.db, employeeNo))) {
		throw new Invalid([{ key: 'examdef.extra.noSuchStaff', field: 'employeeNo' }]);
	}
	const minutes = form.minutes.trim() === '' ? Number.NaN : Number(form.minutes);
	const { deadline } = await grantExtraTime(ctx, user, {
		examId,
		employeeNo,
		minutes,
		reason: form.reason
	});
	return { employeeNo, minutes, deadline };
}
