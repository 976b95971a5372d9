import { requireUser } from '../auth/guards';
import { canSeeHoursOf, hoursScope } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { workingYearShare } from '../../calendar/working-days';
import { loadWorkingCalendar } from '../calendar/service';
import { yearOf, yearShareBefore } from '../../time/days';
import { officeDay } from '../../time/office';
import type { Tx } from '../db';
import type { HourEntry } from '../db/schema';
import type { HourKind, HourSource } from '../../hours/enums';
import { selectStaffById } from '../auth/service';
import { Forbidden, Invalid, NotFound } from '../errors';
import { selectBranchByCode, selectStaffWhere } from '../org/service';
import * as data from './data';
import { requirementLookup } from './requirements';
import { computeStanding, emptyHours, roundHours, type Standing } from './standing';

export interface CreditInput {
	staffId: number;
	kind: HourKind;
	hours: number;
	earnedOn: string;
	source: Extract<HourSource, 'lesson' | 'session'>;
	sourceRef: string;
	recordedBy: number | null;
}

/**
 * Credits hours earned by a lesson or an attendance, once, in the caller's transaction; null
 * when already credited.
 */
export async function creditHours(
	ctx: AppContext,
	tx: Tx,
	input: CreditInput
): Promise<HourEntry | null> {
	if (!(input.hours > 0)) throw new Invalid([{ key: 'hours.notPositive', field: 'hours' }]);
	return await data.insertEntryOnce(tx, { ...input, recordedAt: ctx.clock.now() });
}

function yearRange(year: number): [string, string] {
	return [`${year}-01-01`, `${year}-12-31`];
}

/** The office's current calendar year. */
export function currentYear(ctx: AppContext): number {
	return yearOf(officeDay(ctx.clock.now()));
}

/**
 * Share of `year`'s working days gone by today, on the office's working calendar: past years
 * are over, future ones have not begun.
 */
async function elapsedFor(ctx: AppContext, year: number): Promise<number> {
	const today = officeDay(ctx.clock.now());
	const thisYear = yearOf(today);
	if (year < thisYear) return 1;
	if (year > thisYear) return 0;
	return workingYearShare(await loadWorkingCalendar(ctx.db), today);
}

/** Share of `year` gone before the person was hired (0 when hired earlier or unknown). */
function hiredShareOf(hireDate: string | null, year: number): number {
	return hireDate ? yearShareBefore(hireDate, year) : 0;
}

export interface LedgerEntry extends HourEntry {
	recordedByName: string | null;
	/** What an original entry counts for after its corrections; equals `hours` when uncorrected. */
	currentHours: number;
}

export interface PersonHours {
	year: number;
	standing: Standing;
	entries: LedgerEntry[];
}

/** A person's hours for a year: themselves, their branch manager, a trainer, or HR. */
export async function getStaffHours(
	ctx: AppContext,
	user: SessionUser | null,
	staffId: number,
	year: number
): Promise<PersonHours> {
	const actor = requireUser(user);
	const person = await selectStaffById(ctx.db, staffId);
	if (!person) throw new NotFound(`staff ${staffId}`);
	if (!canSeeHoursOf(actor, person)) throw new Forbidden('hours of another branch');
	const [from, to] = yearRange(year);
	const rows = await data.selectLedger(ctx.db, staffId, from, to);
	const corrections = new Map<number, number>();
	const earned = emptyHours();
	for (const { entry } of rows) {
		earned[entry.kind] = roundHours(earned[entry.kind] + entry.hours);
		if (entry.correctsEntryId !== null) {
			corrections.set(
				entry.correctsEntryId,
				(corrections.get(entry.correctsEntryId) ?? 0) + entry.hours
			);
		}
	}
	const entries = rows.map(({ entry, recordedByName }) => ({
		...entry,
		recordedByName,
		currentHours: roundHours(entry.hours + (corrections.get(entry.id) ?? 0))
	}));
	const required = (await requirementLookup(ctx.db))(person.position);
	const hired = hiredShareOf(person.hireDate, year);
	return {
		year,
		standing: computeStanding(earned, required, await elapsedFor(ctx, year), hired),
		entries
	};
}

export interface StandingRow {
	staffId: number;
	employeeNo: string;
	name: string;
	position: string;
	branchCode: string;
	branchName: string;
	standing: Standing;
}

/** Everyone in scope with their standing for the year; branch managers get their own branch. */
export async function listHoursStanding(
	ctx: AppContext,
	user: SessionUser | null,
	year: number,
	filter: { branchId?: number } = {}
): Promise<StandingRow[]> {
	const actor = requireUser(user);
	const scope = hoursScope(actor);
	if (filter.branchId !== undefined && scope && !scope.includes(filter.branchId)) {
		throw new Forbidden('branch out of scope');
	}
	const branchIds = filter.branchId !== undefined ? [filter.branchId] : scope;
	const people = await selectStaffWhere(ctx.db, { statuses: ['active', 'onboarding'], branchIds });
	const [from, to] = yearRange(year);
	const totals = new Map<number, Awaited<ReturnType<typeof emptyHours>>>();
	const staffIds = branchIds ? people.map((p) => p.id) : undefined;
	for (const t of await data.sumByStaffAndKind(ctx.db, from, to, staffIds)) {
		const earned = totals.get(t.staffId) ?? emptyHours();
		earned[t.kind] = roundHours(t.hours);
		totals.set(t.staffId, earned);
	}
	const requirementOf = await requirementLookup(ctx.db);
	const elapsed = await elapsedFor(ctx, year);
	return people.map((p) => ({
		staffId: p.id,
		employeeNo: p.employeeNo,
		name: p.name,
		position: p.position,
		branchCode: p.branchCode,
		branchName: p.branchName,
		standing: computeStanding(
			totals.get(p.id) ?? emptyHours(),
			requirementOf(p.position),
			elapsed,
			hiredShareOf(p.hireDate, year)
		)
	}));
}

/** A branch by code, refused when outside what `user` may see of the ledger. */
export async function findBranchInHoursScope(
	ctx: AppContext,
	user: SessionUser | null,
	code: string
): Promise<{ id: number; code: string; name: string } | null> {
	const actor = requireUser(user);
	const scope = hoursScope(actor);
	const found = await selectBranchByCode(ctx.db, code);
	// To a manager a code that does not exist looks the same as another branch's.
	if (scope && (!found || !scope.includes(found.id))) {
		throw new Forbidden(`branch ${code} is out of scope`);
	}
	if (!found) return null;
	return { id: found.id, code: found.code, name: found.name };
}
