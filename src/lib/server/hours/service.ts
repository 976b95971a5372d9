import { branchScope, canSeeBranch, requireRole, requireUser } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { isValidDay, localDay, yearElapsed } from '../dates';
import type { Db } from '../db';
import { HOUR_KINDS, type HourEntry, type HourKind, type HourSource } from '../db/schema';
import { selectStaffById } from '../auth/queries';
import { Forbidden, Invalid, NotFound, type Problem } from '../errors';
import * as q from './queries';
import {
	computeStanding,
	DEFAULT_REQUIREMENT,
	emptyHours,
	roundHours,
	type Requirement,
	type Standing
} from './standing';

export interface CreditInput {
	staffId: number;
	kind: HourKind;
	hours: number;
	earnedOn: string;
	source: Extract<HourSource, 'lesson' | 'session'>;
	sourceRef: string;
	recordedBy: number | null;
}

/** Credits hours earned by a lesson or an attendance, once; null when already credited. */
export function creditHours(
	ctx: AppContext,
	input: CreditInput,
	db: Db = ctx.db
): HourEntry | null {
	if (!(input.hours > 0)) throw new Invalid([{ key: 'hours.notPositive', field: 'hours' }]);
	return q.insertEntryOnce(db, { ...input, recordedAt: ctx.clock.now() });
}

function yearRange(year: number): [string, string] {
	return [`${year}-01-01`, `${year}-12-31`];
}

function requirementLookup(ctx: AppContext): (position: string) => Requirement {
	const rows = q.selectRequirements(ctx.db);
	const byPosition = new Map(
		rows.map((r) => [r.position, { remote: r.remote, centralized: r.centralized }])
	);
	const fallback = byPosition.get('*') ?? DEFAULT_REQUIREMENT;
	return (position) => byPosition.get(position) ?? fallback;
}

function elapsedFor(ctx: AppContext, year: number): number {
	const today = localDay(ctx.clock.now());
	const thisYear = Number(today.slice(0, 4));
	if (year < thisYear) return 1;
	if (year > thisYear) return 0;
	return yearElapsed(today);
}

function canSeeStaff(actor: SessionUser, staffId: number, branchId: number): boolean {
	return actor.id === staffId || canSeeBranch(actor, branchId);
}

export interface PersonHours {
	year: number;
	standing: Standing;
	entries: HourEntry[];
}

/** A person's hours for a year: themselves, their branch manager, or HR. */
export function getStaffHours(
	ctx: AppContext,
	user: SessionUser | null,
	staffId: number,
	year: number
): PersonHours {
	const actor = requireUser(user);
	const person = selectStaffById(ctx.db, staffId);
	if (!person) throw new NotFound(`staff ${staffId}`);
	if (!canSeeStaff(actor, person.id, person.branchId))
		throw new Forbidden('hours of another branch');
	const [from, to] = yearRange(year);
	const entries = q.selectEntriesOfStaff(ctx.db, staffId, from, to);
	const earned = emptyHours();
	for (const e of entries) earned[e.kind] = roundHours(earned[e.kind] + e.hours);
	const standing = computeStanding(
		earned,
		requirementLookup(ctx)(person.position),
		elapsedFor(ctx, year)
	);
	return { year, standing, entries };
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

/** Every person in scope with their standing for the year; branch managers get their branch. */
export function listHoursStanding(
	ctx: AppContext,
	user: SessionUser | null,
	year: number,
	filter: { branchId?: number } = {}
): StandingRow[] {
	const actor = requireUser(user);
	const scope = branchScope(actor);
	if (filter.branchId !== undefined && scope && !scope.includes(filter.branchId)) {
		throw new Forbidden('branch out of scope');
	}
	const branchIds = filter.branchId !== undefined ? [filter.branchId] : scope;
	const people = q.selectStaffForHours(ctx.db, branchIds);
	const [from, to] = yearRange(year);
	const totals = new Map<number, ReturnType<typeof emptyHours>>();
	for (const t of q.sumByStaffAndKind(
		ctx.db,
		from,
		to,
		branchIds ? people.map((p) => p.id) : undefined
	)) {
		const earned = totals.get(t.staffId) ?? emptyHours();
		earned[t.kind] = roundHours(t.hours);
		totals.set(t.staffId, earned);
	}
	const requirementOf = requirementLookup(ctx);
	const elapsed = elapsedFor(ctx, year);
	return people.map((p) => ({
		staffId: p.id,
		employeeNo: p.employeeNo,
		name: p.name,
		position: p.position,
		branchCode: p.branchCode,
		branchName: p.branchName,
		standing: computeStanding(totals.get(p.id) ?? emptyHours(), requirementOf(p.position), elapsed)
	}));
}

function validateManual(input: {
	kind: string;
	hours: number;
	earnedOn: string;
	reason: string;
}): Problem[] {
	const problems: Problem[] = [];
	if (!(HOUR_KINDS as readonly string[]).includes(input.kind))
		problems.push({ key: 'hours.badKind', field: 'kind' });
	if (!Number.isFinite(input.hours) || input.hours <= 0 || input.hours > 100) {
		problems.push({ key: 'hours.notPositive', field: 'hours' });
	}
	if (!isValidDay(input.earnedOn)) problems.push({ key: 'hours.badDate', field: 'earnedOn' });
	if (!input.reason.trim()) problems.push({ key: 'hours.reasonRequired', field: 'reason' });
	return problems;
}

/** HR, admin or a trainer records hours earned outside the system, with a reason. */
export function recordManualHours(
	ctx: AppContext,
	user: SessionUser | null,
	input: { staffId: number; kind: string; hours: number; earnedOn: string; reason: string }
): HourEntry {
	const actor = requireRole(user, 'hr', 'admin', 'trainer');
	const problems = validateManual(input);
	if (problems.length) throw new Invalid(problems);
	if (!selectStaffById(ctx.db, input.staffId)) throw new NotFound(`staff ${input.staffId}`);
	return q.insertEntry(ctx.db, {
		staffId: input.staffId,
		kind: input.kind as HourKind,
		hours: input.hours,
		earnedOn: input.earnedOn,
		source: 'manual',
		reason: input.reason.trim(),
		recordedBy: actor.id,
		recordedAt: ctx.clock.now()
	});
}

/** Corrects an entry by appending the difference; the original row is never edited. */
export function correctHoursEntry(
	ctx: AppContext,
	user: SessionUser | null,
	input: { entryId: number; correctedHours: number; reason: string }
): HourEntry {
	const actor = requireRole(user, 'hr', 'admin');
	const original = q.selectEntry(ctx.db, input.entryId);
	if (!original) throw new NotFound(`hour entry ${input.entryId}`);
	const problems: Problem[] = [];
	if (!Number.isFinite(input.correctedHours) || input.correctedHours < 0) {
		problems.push({ key: 'hours.badCorrection', field: 'correctedHours' });
	}
	if (!input.reason.trim()) problems.push({ key: 'hours.reasonRequired', field: 'reason' });
	if (original.source === 'correction') problems.push({ key: 'hours.correctOriginal' });
	if (problems.length) throw new Invalid(problems);
	const alreadyCorrected = q
		.selectEntriesOfStaff(ctx.db, original.staffId, '0000-01-01', '9999-12-31')
		.filter((e) => e.correctsEntryId === original.id)
		.reduce((sum, e) => sum + e.hours, 0);
	const delta = roundHours(input.correctedHours - (original.hours + alreadyCorrected));
	if (delta === 0) throw new Invalid([{ key: 'hours.noChange', field: 'correctedHours' }]);
	return q.insertEntry(ctx.db, {
		staffId: original.staffId,
		kind: original.kind,
		hours: delta,
		earnedOn: original.earnedOn,
		source: 'correction',
		sourceRef: original.sourceRef,
		reason: input.reason.trim(),
		correctsEntryId: original.id,
		recordedBy: actor.id,
		recordedAt: ctx.clock.now()
	});
}

/** The yearly requirement of one position ('*' sets the default). HR and admin only. */
export function setRequirement(
	ctx: AppContext,
	user: SessionUser | null,
	input: { position: string; remote: number; centralized: number }
): void {
	const actor = requireRole(user, 'hr', 'admin');
	const problems: Problem[] = [];
	if (!input.position.trim()) problems.push({ key: 'hours.positionRequired', field: 'position' });
	for (const field of ['remote', 'centralized'] as const) {
		if (!Number.isFinite(input[field]) || input[field] < 0 || input[field] > 1000) {
			problems.push({ key: 'hours.badRequirement', field });
		}
	}
	if (problems.length) throw new Invalid(problems);
	q.upsertRequirement(ctx.db, {
		...input,
		position: input.position.trim(),
		updatedBy: actor.id,
		updatedAt: ctx.clock.now()
	});
}

export function listRequirements(ctx: AppContext, user: SessionUser | null) {
	requireRole(user, 'hr', 'admin', 'branch_manager', 'trainer');
	const rows = q.selectRequirements(ctx.db);
	return rows.some((r) => r.position === '*')
		? rows
		: [{ position: '*', ...DEFAULT_REQUIREMENT, updatedBy: null, updatedAt: 0 }, ...rows];
}
