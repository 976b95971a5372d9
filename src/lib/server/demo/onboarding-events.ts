/** The demo's onboarding replay: each stage as timed events run through the real services. */
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { completeLessonStep } from '../courses/service';
import type { Tx } from '../db';
import { addWorkingDays, STATE_COUNCIL_CALENDAR as CAL } from '../../calendar/working-days';
import { addDays } from '../../time/days';
import { officeDay } from '../../time/office';
import {
	acknowledgeDayStep,
	addMentoringNoteStep,
	checklistFor,
	countersignFinalDayStep,
	recordPracticumDayStep,
	selectCurrentDays
} from '../mentoring/service';
import type { StaffRow } from '../org/service';
import type { Rng } from '../rng';
import {
	changeMentorStep,
	openPlanStep,
	selectOpenPlanOfStaff,
	setStaffHire
} from '../onboarding/service';
import { DEMO_NOTE_TOPICS, DEMO_OBSERVATIONS, type DemoStage } from './onboarding-stages';

const HOUR = 3_600_000;

export type Person = StaffRow & { roles: SessionUser['roles'] };

/** The session a demo person acts with when the demo drives a service as them. */
export function asUser(p: Person): SessionUser {
	const { id, employeeNo, name, branchId, position, status, roles } = p;
	return {
		id,
		employeeNo,
		name,
		branchId,
		position,
		status,
		roles,
		mustChangePassword: false,
		locale: null
	};
}

/** The instant of `hour` o'clock office time on `day` (China is UTC+8 all year). */
function at(day: string, hour: number): number {
	return Date.parse(`${day}T00:00:00Z`) + (hour - 8) * HOUR;
}

function workingDayBack(today: string, count: number): string {
	let day = today;
	let seen = 0;
	while (!CAL.isWorkingDay(day) || seen < count) {
		if (CAL.isWorkingDay(day)) seen++;
		day = addDays(day, -1);
	}
	return day;
}

export interface Event {
	at: number;
	run: (ctx: AppContext, tx: Tx) => Promise<unknown>;
}

/** The events that bring one plan to its stage, each at its own moment, in the caller's `tx`. */
export async function stageEvents(
	ctx: AppContext,
	tx: Tx,
	rng: Rng,
	stage: DemoStage,
	who: {
		hire: Person;
		mentor: Person;
		other: Person | undefined;
		manager: Person | undefined;
		hr: Person;
	},
	lessonKeys: string[],
	courseId: number
): Promise<Event[]> {
	const start = workingDayBack(officeDay(ctx.clock.now()), stage.startBack);
	const wd = (i: number): string => addWorkingDays(CAL, start, i + 1);
	const events: Event[] = [];
	const open = async (c: AppContext) => {
		// Staff replayed from earlier in the year were new hires then.
		if (who.hire.status !== 'onboarding')
			await setStaffHire(tx, who.hire.id, start, 'onboarding', c.clock.now());
		await openPlanStep(c, tx, asUser(who.hr), {
			employeeNo: who.hire.employeeNo,
			startDate: start,
			mentorEmployeeNo: who.mentor.employeeNo
		});
	};
	events.push({ at: at(start, 9), run: open });
	const planId = async (): Promise<number> =>
		(await selectOpenPlanOfStaff(tx, who.hire.id))?.id ?? 0;
	const lessons = lessonKeys.slice(0, Math.round(stage.seatShare * lessonKeys.length));
	const span = Math.max(1, Math.min(stage.startBack, 16));
	lessons.forEach((lessonKey, i) => {
		const last = i === lessons.length - 1 && stage.lastLessonOn !== undefined;
		const day = last ? wd(stage.lastLessonOn ?? 0) : wd(Math.floor((i * span) / lessons.length));
		events.push({
			at: at(day, 19) + i * 60_000,
			run: async (c) =>
				await completeLessonStep(c, tx, { staffId: who.hire.id, courseId, lessonKey })
		});
	});
	const tasks = (await checklistFor(tx, who.hire.position))
		.filter((t) => !t.retired)
		.map((t) => t.code);
	let mentor = who.mentor;
	for (let n = 1; n <= stage.days; n++) {
		if (stage.changeAfter === n - 1 && who.other) {
			const next = who.other;
			events.push({
				at: at(wd(n - 1), 8),
				run: async (c) =>
					await changeMentorStep(c, tx, asUser(who.hr), await planId(), {
						mentorEmployeeNo: next.employeeNo,
						reason: '原导师参加县分行集中培训两周，改由邻近支局导师带教。'
					})
			});
			mentor = next;
		}
		const signer = mentor;
		const input = {
			dayNumber: n,
			workDate: wd(n - 1),
			tasks: rng.shuffle(tasks).slice(0, 2 + rng.int(2)),
			hours: 6 + rng.int(3),
			observations: rng.pick(DEMO_OBSERVATIONS)
		};
		events.push({
			at: at(input.workDate, 17),
			run: async (c) => {
				await recordPracticumDayStep(c, tx, asUser(signer), await planId(), input);
			}
		});
		const dayId = async (): Promise<number> =>
			(await selectCurrentDays(tx, await planId())).find((d) => d.dayNumber === n)?.id ?? 0;
		if (n <= stage.acked) {
			events.push({
				at: at(input.workDate, 18),
				run: async (c) => await acknowledgeDayStep(c, tx, asUser(who.hire), await dayId())
			});
		}
		if (n === 15 && stage.countersign && who.manager) {
			const manager = who.manager;
			events.push({
				at: at(input.workDate, 18) + 60_000,
				run: async (c) => {
					await countersignFinalDayStep(c, tx, asUser(manager), await dayId());
				}
			});
		}
	}
	for (let k = 0; k < stage.notes; k++) {
		const day = wd(Math.min(2 + k * 4, Math.max(0, stage.startBack - 1)));
		const note = {
			heldOn: day,
			minutes: 20 + 10 * rng.int(4),
			topic: DEMO_NOTE_TOPICS[k % DEMO_NOTE_TOPICS.length] ?? '',
			notes: rng.pick(DEMO_OBSERVATIONS)
		};
		const changed = stage.changeAfter !== undefined && who.other && day >= wd(stage.changeAfter);
		const writer = changed && who.other ? who.other : who.mentor;
		events.push({
			at: at(day, 16) + k,
			run: async (c) => await addMentoringNoteStep(c, tx, asUser(writer), await planId(), note)
		});
	}
	return events;
}
