import { selectStaffById } from '../auth/service';
import { canCorrectHours, canRecordHours, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { isValidDay } from '../../time/days';
import { officeDay } from '../../time/office';
import { inTransaction, type Tx } from '../db';
import type { HourEntry } from '../db/schema';
import { HOUR_KINDS, type HourKind } from '../../hours/enums';
import { Invalid, NotFound, type Problem } from '../errors';
import * as data from './data';
import { roundHours } from './standing';

export interface ManualInput {
	staffId: number;
	kind: string;
	hours: number;
	earnedOn: string;
	reason: string;
}

function validateManual(input: ManualInput, today: string): Problem[] {
	const problems: Problem[] = [];
	if (!(HOUR_KINDS as readonly string[]).includes(input.kind))
		problems.push({ key: 'hours.badKind', field: 'kind' });
	if (!Number.isFinite(input.hours) || input.hours <= 0 || input.hours > 100) {
		problems.push({ key: 'hours.notPositive', field: 'hours' });
	}
	if (!isValidDay(input.earnedOn)) problems.push({ key: 'hours.badDate', field: 'earnedOn' });
	// Hours are recorded for training that took place; a future day is a typing mistake.
	else if (input.earnedOn > today) problems.push({ key: 'hours.futureDate', field: 'earnedOn' });
	if (!input.reason.trim()) problems.push({ key: 'hours.reasonRequired', field: 'reason' });
	return problems;
}

/** HR, admin or a trainer records another person's hours earned elsewhere, with a reason. */
export async function recordManualHours(
	ctx: AppContext,
	user: SessionUser | null,
	input: ManualInput
): Promise<HourEntry> {
	return await inTransaction(ctx.db, (tx) => appendManualHours(ctx, tx, user, input));
}

/** `recordManualHours` as a step of the caller's transaction (the demo seed replays it). */
export async function appendManualHours(
	ctx: AppContext,
	tx: Tx,
	user: SessionUser | null,
	input: ManualInput
): Promise<HourEntry> {
	const actor = requirePermission(user, canRecordHours, 'records hours');
	const problems = validateManual(input, officeDay(ctx.clock.now()));
	if (problems.length) throw new Invalid(problems);
	const person = await selectStaffById(tx, input.staffId);
	if (!person) throw new NotFound(`staff ${input.staffId}`);
	if (person.id === actor.id) throw new Invalid([{ key: 'hours.self' }]);
	if (person.status === 'left') throw new Invalid([{ key: 'hours.personLeft' }]);
	return await data.insertEntry(tx, {
		staffId: input.staffId,
		kind: input.kind as HourKind,
		hours: roundHours(input.hours),
		earnedOn: input.earnedOn,
		source: 'manual',
		reason: input.reason.trim(),
		recordedBy: actor.id,
		recordedAt: ctx.clock.now()
	});
}

export interface CorrectionInput {
	entryId: number;
	correctedHours: number;
	reason: string;
}

/**
 * Corrects an entry by appending the difference between the corrected hours and what the entry
 * counts for now (itself plus earlier corrections); the original row is never edited.
 */
export async function correctHoursEntry(
	ctx: AppContext,
	user: SessionUser | null,
	input: CorrectionInput
): Promise<HourEntry> {
	return await inTransaction(ctx.db, (tx) => appendHoursCorrection(ctx, tx, user, input));
}

/** `correctHoursEntry` as a step of the caller's transaction (the demo seed replays it). */
export async function appendHoursCorrection(
	ctx: AppContext,
	tx: Tx,
	user: SessionUser | null,
	input: CorrectionInput
): Promise<HourEntry> {
	const actor = requirePermission(user, canCorrectHours, 'corrects hours');
	const original = await data.selectEntry(tx, input.entryId);
	if (!original) throw new NotFound(`hour entry ${input.entryId}`);
	// Corrections change what someone is credited with, so nobody corrects their own.
	if (original.staffId === actor.id) throw new Invalid([{ key: 'hours.self' }]);
	const problems: Problem[] = [];
	if (!Number.isFinite(input.correctedHours) || input.correctedHours < 0) {
		problems.push({ key: 'hours.badCorrection', field: 'correctedHours' });
	}
	if (!input.reason.trim()) problems.push({ key: 'hours.reasonRequired', field: 'reason' });
	if (original.source === 'correction') problems.push({ key: 'hours.correctOriginal' });
	if (problems.length) throw new Invalid(problems);
	const current = original.hours + (await data.sumCorrectionsOf(tx, original.id));
	const delta = roundHours(input.correctedHours - current);
	if (delta === 0) throw new Invalid([{ key: 'hours.noChange', field: 'correctedHours' }]);
	return await data.insertEntry(tx, {
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
