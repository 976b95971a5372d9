import { recordAuditIn } from '../audit/service';
import { canCorrectOnboarding, canCorrectPracticum, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import { loadWorkingCalendar } from '../calendar/service';
import type { AppContext } from '../context';
import { officeDay } from '../../time/office';
import { inTransaction, type Db, type Tx } from '../db';
import type { OnboardingPlan } from '../db/schema';
import { Invalid, NotFound } from '../errors';
import { evaluateClearance, selectPlanById } from '../onboarding/service';
import { selectStaffRowById } from '../org/service';
import { getMentoredPlan } from './access';
import { checkDayInput, type DayInput } from './day-input';
import { checklistFor } from './log';
import * as data from './data';

type Actor = SessionUser | null | undefined;
const MAX_REASON = 500;

export interface SignOffResult {
	dayId: number;
	/** This sign-off completed the plan: the new hire is now cleared for duty. */
	cleared: boolean;
}

async function liveTaskCodes(db: Db, plan: OnboardingPlan): Promise<Set<string>> {
	const position = (await selectStaffRowById(db, plan.staffId))?.position ?? '';
	return new Set((await checklistFor(db, position)).filter((t) => !t.retired).map((t) => t.code));
}

async function takenDates(
	db: Db,
	planId: number,
	exceptDayNumber?: number
): Promise<Map<string, number>> {
	return new Map(
		(await data.selectCurrentDays(db, planId))
			.filter((d) => d.dayNumber !== exceptDayNumber)
			.map((d) => [d.workDate, d.dayNumber])
	);
}

function cleanInput(input: DayInput): DayInput {
	return { ...input, workDate: input.workDate.trim(), observations: input.observations.trim() };
}

/** The paired mentor logs and signs a practicum day (the act of recording is the signature). */
export async function recordPracticumDay(
	ctx: AppContext,
	actor: Actor,
	planId: number,
	raw: DayInput
): Promise<SignOffResult> {
	return await inTransaction(ctx.db, (tx) => recordPracticumDayStep(ctx, tx, actor, planId, raw));
}

/** `recordPracticumDay` as a step of the caller's transaction. */
export async function recordPracticumDayStep(
	ctx: AppContext,
	tx: Tx,
	actor: Actor,
	planId: number,
	raw: DayInput
): Promise<SignOffResult> {
	const { user, plan, pairing } = await getMentoredPlan(tx, actor, planId, true);
	if (plan.status !== 'open') throw new Invalid([{ key: 'practicum.error.planNotOpen' }]);
	const input = cleanInput(raw);
	const current = await data.selectCurrentDays(tx, plan.id);
	if (current.some((d) => d.dayNumber === input.dayNumber)) {
		throw new Invalid([
			{
				key: 'practicum.error.alreadySigned',
				params: { day: input.dayNumber },
				field: 'dayNumber'
			}
		]);
	}
	const now = ctx.clock.now();
	const problems = checkDayInput(input, {
		daysRequired: plan.practicumDaysRequired,
		planStart: plan.startDate,
		today: officeDay(now),
		notBefore: pairing.fromDate,
		taskCodes: await liveTaskCodes(tx, plan),
		takenDates: await takenDates(tx, plan.id),
		calendar: await loadWorkingCalendar(tx)
	});
	if (problems.length > 0) throw new Invalid(problems);
	const day = await data.insertDay(tx, {
		planId: plan.id,
		dayNumber: input.dayNumber,
		workDate: input.workDate,
		mentorId: user.id,
		tasks: [...new Set(input.tasks)],
		hours: input.hours,
		observations: input.observations,
		signedAt: now
	});
	return { dayId: day.id, cleared: await evaluateClearance(ctx, tx, plan.staffId) };
}

/**
 * Corrects a signed day by appending a row that supersedes it, with a reason; the old row and its
 * signatures stay as history and do not carry over. The current mentor or HR may correct.
 */
export async function correctPracticumDay(
	ctx: AppContext,
	actor: Actor,
	dayId: number,
	raw: Omit<DayInput, 'dayNumber'> & { reason: string }
): Promise<SignOffResult> {
	const user = requirePermission(actor, canCorrectPracticum, 'corrects practicum days');
	return await inTransaction(ctx.db, async (tx) => {
		const day = Number.isInteger(dayId) ? await data.selectDayById(tx, dayId) : undefined;
		const plan = day ? await selectPlanById(tx, day.planId) : undefined;
		if (!day || !plan) throw new NotFound(`practicum day ${dayId}`);
		const office = canCorrectOnboarding(user);
		if (!office) await getMentoredPlan(tx, user, plan.id, true);
		if (plan.status !== 'open') throw new Invalid([{ key: 'practicum.error.planNotOpen' }]);
		const isCurrent = (await data.selectCurrentDays(tx, plan.id)).some((d) => d.id === day.id);
		if (!isCurrent) throw new Invalid([{ key: 'practicum.error.notCurrent' }]);
		const input = cleanInput({ ...raw, dayNumber: day.dayNumber });
		const reason = raw.reason.trim();
		const now = ctx.clock.now();
		const problems = checkDayInput(input, {
			daysRequired: plan.practicumDaysRequired,
			planStart: plan.startDate,
			today: officeDay(now),
			// A correction fixes an existing record, possibly written under an earlier mentor.
			notBefore: plan.startDate,
			taskCodes: await liveTaskCodes(tx, plan),
			takenDates: await takenDates(tx, plan.id, day.dayNumber),
			calendar: await loadWorkingCalendar(tx)
		});
		if (!reason || reason.length > MAX_REASON) {
			problems.push({ key: 'practicum.error.reasonRequired', field: 'reason' });
		}
		if (problems.length > 0) throw new Invalid(problems);
		const row = await data.insertDay(tx, {
			planId: plan.id,
			dayNumber: day.dayNumber,
			workDate: input.workDate,
			mentorId: user.id,
			tasks: [...new Set(input.tasks)],
			hours: input.hours,
			observations: input.observations,
			signedAt: now,
			supersedesId: day.id,
			correctionReason: reason
		});
		await recordAuditIn(ctx, tx, {
			action: 'practicum.correct',
			actorStaffId: user.id,
			target: `staff:${plan.staffId}`,
			detail: { planId: plan.id, dayNumber: day.dayNumber, from: day.id, to: row.id, reason }
		});
		return { dayId: row.id, cleared: await evaluateClearance(ctx, tx, plan.staffId) };
	});
}
