import { requireUser } from '../auth/guards';
import { canMentor, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { loadWorkingCalendar } from '../calendar/service';
import { officeDay } from '../../time/office';
import { buildPlanProgress, type PlanProgress } from '../onboarding/service';
import { selectStaffRowById } from '../org/service';
import { getMentoredPlan } from './access';
import { proposeWorkDate } from './day-input';
import type { ChecklistTask } from './checklist';
import { buildNotes, type NoteRow } from './history';
import { buildPracticumLog, checklistFor, type LogDay } from './log';
import * as data from './data';

type Actor = SessionUser | null | undefined;

export interface Mentee {
	planId: number;
	employeeNo: string;
	name: string;
	branchName: string;
	progress: PlanProgress;
	/** A practicum day dated today is already in the log. */
	loggedToday: boolean;
}

/** The signed-in mentor's current mentees with open plans, most urgent due date first. */
export async function listMyMentees(ctx: AppContext, actor: Actor): Promise<Mentee[]> {
	const user = requirePermission(actor, canMentor, 'mentors');
	const today = officeDay(ctx.clock.now());
	const mentees: Mentee[] = [];
	for (const { plan } of await data.selectOpenPairingsOfMentor(ctx.db, user.id)) {
		const person = await selectStaffRowById(ctx.db, plan.staffId);
		if (!person) continue;
		mentees.push({
			planId: plan.id,
			employeeNo: person.employeeNo,
			name: person.name,
			branchName: person.branchName,
			progress: await buildPlanProgress(ctx.db, plan, person.branchId, today),
			loggedToday: (await data.selectCurrentDays(ctx.db, plan.id)).some((d) => d.workDate === today)
		});
	}
	return mentees;
}

export interface HomeMentoring {
	mentees: Mentee[];
	/** Mentees whose next practicum day is still to be logged today. */
	toLogToday: number;
}

/** The home card of a mentor; null for someone without the mentor role. */
export async function getHomeMentoring(
	ctx: AppContext,
	actor: Actor
): Promise<HomeMentoring | null> {
	const user = requireUser(actor);
	if (!canMentor(user)) return null;
	const mentees = await listMyMentees(ctx, user);
	return {
		mentees,
		toLogToday: mentees.filter((m) => !m.loggedToday && m.progress.nextDay !== null).length
	};
}

export interface MenteeLog {
	mentee: { employeeNo: string; name: string; branchName: string; position: string };
	progress: PlanProgress;
	log: LogDay[];
	/** Tasks the mentor can tick now (retired ones left out). */
	tasks: ChecklistTask[];
	notes: NoteRow[];
	today: string;
	/** Prefill for the date: the next working day after the last signed one (at most today). */
	suggestedDate: string;
}

/** A current mentee's log page for their mentor. */
export async function getMenteeLog(
	ctx: AppContext,
	actor: Actor,
	planId: number
): Promise<MenteeLog> {
	const { plan, pairing } = await getMentoredPlan(ctx.db, actor, planId);
	const person = await selectStaffRowById(ctx.db, plan.staffId);
	const today = officeDay(ctx.clock.now());
	const position = person?.position ?? '';
	const log = await buildPracticumLog(ctx.db, plan, position);
	return {
		mentee: {
			employeeNo: person?.employeeNo ?? '',
			name: person?.name ?? '',
			branchName: person?.branchName ?? '',
			position
		},
		progress: await buildPlanProgress(ctx.db, plan, person?.branchId ?? 0, today),
		log,
		tasks: (await checklistFor(ctx.db, position)).filter((t) => !t.retired),
		notes: await buildNotes(ctx.db, plan.id),
		today,
		suggestedDate: proposeWorkDate(
			await loadWorkingCalendar(ctx.db),
			today,
			pairing.fromDate > plan.startDate ? pairing.fromDate : plan.startDate,
			log.map((d) => d.workDate)
		)
	};
}
