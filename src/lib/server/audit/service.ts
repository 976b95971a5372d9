import type { AppContext } from '../context';
import type { Tx } from '../db';
import type { AuditEvent } from '../db/schema';
import {
	insertAuditEvent,
	insertAuditEvents,
	selectAuditEvents,
	selectRecentAuditEvents,
	type AuditQuery,
	type NewAuditEvent
} from './data';

export type { AuditQuery } from './data';

export type AuditAction =
	| 'login.success'
	| 'login.failure'
	// Recorded by the hard lockout that CAPTCHAs and waits replaced; kept so old events keep a label.
	| 'login.lockout'
	| 'logout'
	| 'password.change'
	| 'password.reset'
	| 'access.denied'
	| 'roster.preview'
	| 'roster.commit'
	| 'roster.discard'
	| 'roster.passwords_download'
	| 'staff.roles_change'
	| 'staff.disable'
	| 'admin.create'
	| 'onboarding.cleared'
	| 'exam.submit'
	| 'exam.extra_time'
	| 'exam.define'
	| 'onboarding.plan_open'
	| 'onboarding.mentor_change'
	| 'onboarding.plan_cancel'
	| 'practicum.correct'
	| 'practicum.countersign'
	| 'practicum.tasks_change'
	| 'questions.import'
	| 'questions.edit'
	| 'questions.retire'
	| 'certificate.revoke'
	| 'competency.define'
	| 'spot.draw'
	| 'spot.redraw'
	| 'spot.status'
	| 'exam.switch'
	| 'calendar.change'
	| 'practice.settings';

export interface AuditInput {
	action: AuditAction;
	actorStaffId?: number | null;
	target?: string | null;
	detail?: Record<string, unknown>;
	ip?: string | null;
}

function toEvent(at: number, input: AuditInput): NewAuditEvent {
	return {
		at,
		action: input.action,
		actorStaffId: input.actorStaffId ?? null,
		target: input.target ?? null,
		detail: input.detail ?? null,
		ip: input.ip ?? null
	};
}

/** Appends one event on its own. */
export async function recordAudit(ctx: AppContext, input: AuditInput): Promise<void> {
	await insertAuditEvent(ctx.db, toEvent(ctx.clock.now(), input));
}

/** Appends one event inside the caller's transaction, so it commits with the change. */
export async function recordAuditIn(ctx: AppContext, tx: Tx, input: AuditInput): Promise<void> {
	await insertAuditEvent(tx, toEvent(ctx.clock.now(), input));
}

/** Appends many events at once (a roster import's role changes), all stamped now, inside `tx`. */
export async function recordAuditEventsIn(
	ctx: AppContext,
	tx: Tx,
	inputs: AuditInput[]
): Promise<void> {
	const at = ctx.clock.now();
	await insertAuditEvents(
		tx,
		inputs.map((input) => toEvent(at, input))
	);
}

/** Latest events first, for the audit page and tests. */
export async function listAuditEvents(
	ctx: AppContext,
	limit = 200,
	action?: AuditAction
): Promise<AuditEvent[]> {
	return await selectRecentAuditEvents(ctx.db, limit, action);
}

/**
 * A page of events matching `query`, newest first, older than event `beforeId` when given. For
 * the audit page and its export: the calling service has checked who may read them.
 */
export async function findAuditEvents(
	ctx: AppContext,
	query: AuditQuery,
	limit: number,
	beforeId?: number
): Promise<AuditEvent[]> {
	return await selectAuditEvents(ctx.db, query, limit, beforeId);
}
