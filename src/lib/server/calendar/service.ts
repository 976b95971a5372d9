/**
 * The calendar front door: the office's working calendar (the State Council's holiday schedule
 * with the office's own closed and working days over it), for routes, the CLI and other domains.
 * The rule itself is pure and lives in src/lib/calendar/ (the browser may use it too).
 */
import { recordAuditIn } from '../audit/service';
import { canManageCalendar, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { inTransaction, type Db } from '../db';
import { Invalid, NotFound } from '../errors';
import { isSystemActor, type SystemActor } from '../roster/service';
import {
	makeWorkingCalendar,
	lastScheduledYear,
	stateCouncilDay,
	type WorkingCalendar
} from '../../calendar/working-days';
import { isValidDay } from '../../time/days';
import { officeDay } from '../../time/office';
import * as data from './data';

export type CalendarActor = SessionUser | SystemActor | null | undefined;

export const MAX_NOTE = 100;

export interface OfficeDayRow {
	day: string;
	working: boolean;
	note: string;
	/** What the State Council's schedule alone says of the day. */
	stateCouncil: { working: boolean; holiday: string | null };
}

export interface CalendarSettings {
	today: string;
	days: OfficeDayRow[];
	/** The last year the State Council's schedule is built in for. */
	scheduledUntil: number;
}

/** Who acts: the system (CLI) or someone allowed to set the office's days. */
function actorId(actor: CalendarActor): number | null {
	if (isSystemActor(actor)) return null;
	return requirePermission(actor, canManageCalendar, 'manages the working calendar').id;
}

/** The office's own days, with what the State Council says of each; HR and admin (or the CLI). */
export async function listOfficeDays(
	ctx: AppContext,
	actor: CalendarActor
): Promise<CalendarSettings> {
	actorId(actor);
	const rows = await data.selectOverrides(ctx.db);
	return {
		today: officeDay(ctx.clock.now()),
		days: rows.map((r) => ({
			day: r.day,
			working: r.working,
			note: r.note,
			stateCouncil: stateCouncilDay(r.day)
		})),
		scheduledUntil: lastScheduledYear()
	};
}

export interface OfficeDayInput {
	day: string;
	working: boolean;
	note: string;
}

/** Marks a day closed or working for the office, replacing any earlier word on it. */
export async function setOfficeDay(
	ctx: AppContext,
	actor: CalendarActor,
	input: OfficeDayInput
): Promise<void> {
	const by = actorId(actor);
	const day = input.day.trim();
	const note = input.note.trim();
	if (!isValidDay(day)) throw new Invalid([{ key: 'calendar.error.badDay', field: 'day' }]);
	if (note.length > MAX_NOTE) {
		throw new Invalid([
			{ key: 'calendar.error.noteTooLong', params: { max: MAX_NOTE }, field: 'note' }
		]);
	}
	await inTransaction(ctx.db, async (tx) => {
		await data.upsertOverride(tx, {
			day,
			working: input.working,
			note,
			setBy: by,
			setAt: ctx.clock.now()
		});
		await recordAuditIn(ctx, tx, {
			action: 'calendar.change',
			actorStaffId: by,
			target: `day:${day}`,
			detail: { working: input.working, note }
		});
	});
}

/** Drops the office's word on a day: it follows the State Council's schedule again. */
export async function removeOfficeDay(
	ctx: AppContext,
	actor: CalendarActor,
	day: string
): Promise<void> {
	const by = actorId(actor);
	await inTransaction(ctx.db, async (tx) => {
		if (!(await data.deleteOverride(tx, day.trim()))) throw new NotFound(`office day ${day}`);
		await recordAuditIn(ctx, tx, {
			action: 'calendar.change',
			actorStaffId: by,
			target: `day:${day.trim()}`,
			detail: { removed: true }
		});
	});
}

// ---- For other domains: the calendar their rules count working days on ----

/** The office's working calendar as it stands; no person (the calling service has checked). */
export async function loadWorkingCalendar(db: Db): Promise<WorkingCalendar> {
	return makeWorkingCalendar(await data.selectOverrides(db));
}

export {
	addWorkingDays,
	countWorkingDays,
	lastWorkingDayOnOrBefore,
	nextWorkingDay,
	type WorkingCalendar
} from '../../calendar/working-days';
