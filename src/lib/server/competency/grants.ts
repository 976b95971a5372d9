/** Grants and "needs retest" marks: steps of other services' transactions, never a person's call. */
import type { AppContext } from '../context';
import { addMonths } from '../../time/days';
import { officeDay } from '../../time/office';
import type { Tx } from '../db';
import { NotFound } from '../errors';
import * as data from './data';

export interface Evidence {
	type: 'attempt' | 'course' | 'onboarding' | 'certificate' | 'manual';
	ref: string;
}

/** Grants a competency from today for its validity, inside the caller's transaction. */
export async function grantCompetency(
	ctx: AppContext,
	tx: Tx,
	input: { staffId: number; competencyId: number; evidence: Evidence; recordedBy?: number | null }
): Promise<string> {
	const comp = await data.selectCompetencyById(tx, input.competencyId);
	if (!comp) throw new NotFound(`competency ${input.competencyId}`);
	const now = ctx.clock.now();
	// validUntil is the last valid day, matching a certificate's expiresOn: issued + months.
	const validUntil = addMonths(officeDay(now), comp.validityMonths);
	await data.insertEvent(tx, {
		staffId: input.staffId,
		competencyId: comp.id,
		kind: 'granted',
		validUntil,
		evidenceType: input.evidence.type,
		evidenceRef: input.evidence.ref,
		occurredAt: now,
		recordedBy: input.recordedBy ?? null
	});
	return validUntil;
}

/** Marks a competency "needs retest" (a failed spot exam), inside the caller's transaction. */
export async function markNeedsRetest(
	ctx: AppContext,
	tx: Tx,
	input: { staffId: number; competencyId: number; evidence: Evidence }
): Promise<void> {
	await data.insertEvent(tx, {
		staffId: input.staffId,
		competencyId: input.competencyId,
		kind: 'needs_retest',
		validUntil: null,
		evidenceType: input.evidence.type,
		evidenceRef: input.evidence.ref,
		occurredAt: ctx.clock.now(),
		recordedBy: null
	});
}
