import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { isValidDay } from '../../time/days';
import { officeDay } from '../../time/office';
import { inTransaction, type Tx } from '../db';
import { Invalid, type Problem } from '../errors';
import { getMentoredPlan } from './access';
import * as data from './data';

const MAX_MINUTES = 600;
const MAX_TOPIC = 100;
const MAX_NOTES = 2000;

export interface NoteInput {
	heldOn: string;
	minutes: number;
	topic: string;
	notes: string;
}

/** Logs a mentoring conversation outside the practicum days (the current mentor only). */
export async function addMentoringNote(
	ctx: AppContext,
	actor: SessionUser | null | undefined,
	planId: number,
	input: NoteInput
): Promise<void> {
	await inTransaction(ctx.db, (tx) => addMentoringNoteStep(ctx, tx, actor, planId, input));
}

/** `addMentoringNote` as a step of the caller's transaction. */
export async function addMentoringNoteStep(
	ctx: AppContext,
	tx: Tx,
	actor: SessionUser | null | undefined,
	planId: number,
	input: NoteInput
): Promise<void> {
	const { user, pairing } = await getMentoredPlan(tx, actor, planId, true);
	const now = ctx.clock.now();
	const heldOn = input.heldOn.trim();
	const topic = input.topic.trim();
	const notes = input.notes.trim();
	const problems: Problem[] = [];
	if (!isValidDay(heldOn)) problems.push({ key: 'practicum.error.badDate', field: 'heldOn' });
	else if (heldOn > officeDay(now)) {
		problems.push({ key: 'practicum.error.futureDate', field: 'heldOn' });
	} else if (heldOn < pairing.fromDate) {
		problems.push({
			key: 'practicum.error.beforePairing',
			params: { date: pairing.fromDate },
			field: 'heldOn'
		});
	}
	if (!Number.isInteger(input.minutes) || input.minutes <= 0 || input.minutes > MAX_MINUTES) {
		problems.push({
			key: 'mentoring.error.minutes',
			params: { max: MAX_MINUTES },
			field: 'minutes'
		});
	}
	if (!topic || topic.length > MAX_TOPIC) {
		problems.push({ key: 'mentoring.error.topic', params: { max: MAX_TOPIC }, field: 'topic' });
	}
	if (notes.length > MAX_NOTES) {
		problems.push({ key: 'mentoring.error.notes', params: { max: MAX_NOTES }, field: 'notes' });
	}
	if (problems.length > 0) throw new Invalid(problems);
	await data.insertNote(tx, {
		pairingId: pairing.id,
		heldOn,
		minutes: input.minutes,
		topic,
		notes,
		createdBy: user.id,
		createdAt: now
	});
}
