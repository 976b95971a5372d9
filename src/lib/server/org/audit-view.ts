import { listAuditEvents, type AuditAction } from '../audit/service';
import { canSeeAudit, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/service';
import type { AppContext } from '../context';
import type { AuditEvent } from '../db/schema';
import { selectStaffNames } from './data';

// A Record keyed by the union makes the type check fail when an action is added but not listed.
const ACTION_SET: Record<AuditAction, true> = {
	'login.success': true,
	'login.failure': true,
	'login.lockout': true,
	logout: true,
	'password.change': true,
	'password.reset': true,
	'access.denied': true,
	'roster.preview': true,
	'roster.commit': true,
	'roster.discard': true,
	'roster.passwords_download': true,
	'staff.roles_change': true,
	'staff.disable': true,
	'admin.create': true,
	'onboarding.cleared': true,
	'exam.submit': true,
	'exam.extra_time': true,
	'exam.define': true,
	'onboarding.plan_open': true,
	'onboarding.mentor_change': true,
	'onboarding.plan_cancel': true,
	'practicum.correct': true,
	'practicum.countersign': true,
	'practicum.tasks_change': true,
	'questions.import': true,
	'questions.edit': true,
	'questions.retire': true,
	'certificate.revoke': true,
	'competency.define': true,
	'spot.draw': true,
	'spot.redraw': true,
	'spot.status': true,
	'exam.switch': true,
	'calendar.change': true,
	'practice.settings': true
};
export const AUDIT_ACTIONS = Object.keys(ACTION_SET) as AuditAction[];

export interface AuditRow {
	id: number;
	at: number;
	action: string;
	actor: { employeeNo: string; name: string } | null;
	target: string | null;
	/** Roles before and after, for role changes; the page shows nothing else of the detail. */
	roles: { before: string[]; after: string[] } | null;
	/** The whole detail and address: for the export (the audit trail keeps what pages hide). */
	detail: Record<string, unknown> | null;
	ip: string | null;
}

export function parseAuditAction(value: string | null): AuditAction | undefined {
	return AUDIT_ACTIONS.find((a) => a === value);
}

function rolesOf(detail: Record<string, unknown> | null): AuditRow['roles'] {
	const before = detail?.before;
	const after = detail?.after;
	if (!Array.isArray(before) || !Array.isArray(after)) return null;
	return { before: before.map(String), after: after.map(String) };
}

/** The latest audit events with who did them (HR/admin only). */
export async function listRecentAudit(
	ctx: AppContext,
	actor: SessionUser | null | undefined,
	action?: AuditAction,
	limit = 200
): Promise<{ events: AuditRow[]; actions: AuditAction[] }> {
	requirePermission(actor, canSeeAudit, 'reads the audit log');
	const events = await listAuditEvents(ctx, limit, action);
	return { actions: AUDIT_ACTIONS, events: await toAuditRows(ctx, events) };
}

/** Events as the page shows them: who did each (name and employee number) in place of an id. */
export async function toAuditRows(ctx: AppContext, events: AuditEvent[]): Promise<AuditRow[]> {
	const ids = [...new Set(events.flatMap((e) => (e.actorStaffId ? [e.actorStaffId] : [])))];
	const names = await selectStaffNames(ctx.db, ids);
	return events.map((e) => ({
		id: e.id,
		at: e.at,
		action: e.action,
		actor: (e.actorStaffId && names.get(e.actorStaffId)) || null,
		target: e.target,
		roles: e.action === 'staff.roles_change' ? rolesOf(e.detail) : null,
		detail: e.detail,
		ip: e.ip
	}));
}
