import { canCorrectOnboarding, canCountersignFor } from '../auth/permissions';
import type { AppContext } from '../context';
import { officeDay } from '../../time/office';
import {
	buildNotes,
	buildPairingHistory,
	buildPracticumLog,
	checklistFor,
	type ChecklistTask,
	type LogDay,
	type NoteRow,
	type PairingRow
} from '../mentoring/service';
import { getManagedPlan, type Actor } from './access';
import { buildPlanProgress, type PlanProgress } from './progress';
import { toChoice, type Choice } from './overview';
import { listMentorChoices } from './mentor-choices';

export interface PlanDetail {
	person: { employeeNo: string; name: string; branchName: string; position: string };
	progress: PlanProgress;
	log: LogDay[];
	pairings: PairingRow[];
	notes: NoteRow[];
	mentors: Choice[];
	/** The final day is logged and waits for this user's countersignature. */
	countersignDayId: number | null;
	canChangeMentor: boolean;
	/** An open plan may be called off by whoever manages it (this page's viewers). */
	canCancel: boolean;
	/** HR/admin may correct a day from this page (mentors correct from their own page). */
	canCorrect: boolean;
	tasks: ChecklistTask[];
	today: string;
}

/** One plan for HR, admin or the new hire's branch manager. */
export async function getPlanDetail(
	ctx: AppContext,
	actor: Actor,
	planId: number
): Promise<PlanDetail> {
	const { user, plan, person } = await getManagedPlan(ctx.db, actor, planId);
	const today = officeDay(ctx.clock.now());
	const progress = await buildPlanProgress(ctx.db, plan, person.branchId, today);
	const log = await buildPracticumLog(ctx.db, plan, person.position);
	const finalDay = log.find((d) => d.dayNumber === plan.practicumDaysRequired);
	const isOwnManager = canCountersignFor(user, person.branchId);
	return {
		person: {
			employeeNo: person.employeeNo,
			name: person.name,
			branchName: person.branchName,
			position: person.position
		},
		progress,
		log,
		pairings: await buildPairingHistory(ctx.db, plan.id),
		notes: await buildNotes(ctx.db, plan.id),
		mentors: (await listMentorChoices(ctx.db)).map(toChoice),
		countersignDayId:
			plan.status === 'open' && isOwnManager && finalDay && !finalDay.countersignedAt
				? finalDay.id
				: null,
		canChangeMentor: plan.status === 'open',
		canCancel: plan.status === 'open',
		canCorrect: plan.status === 'open' && canCorrectOnboarding(user),
		tasks: (await checklistFor(ctx.db, person.position)).filter((t) => !t.retired),
		today
	};
}
