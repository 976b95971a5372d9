import { recordAudit } from '../audit/service';
import { invalidateStaffSessions } from '../auth/session';
import type { AppContext } from '../context';
import { Invalid } from '../errors';
import type { Importer } from './actor';
import type { InitialPassword } from './passwords-csv';
import type { RosterPlan } from './plan';
import * as q from './queries';

export interface ApplyInput {
	importId: number;
	importer: Importer;
	plan: RosterPlan;
	/** Initial password and its argon2 hash per new employee number, made before the transaction. */
	credentials: Map<string, { password: string; hash: string }>;
}

/**
 * Writes a checked plan. Must run inside the import's transaction (`ctx.db` is the transaction)
 * so that any failure leaves nothing behind. Returns the new accounts' initial passwords.
 */
export function applyRosterPlan(ctx: AppContext, input: ApplyInput): InitialPassword[] {
	const { plan, importer, importId } = input;
	const db = ctx.db;
	const now = ctx.clock.now();
	const audit = { actorStaffId: importer.staffId, via: importer.via, importId };

	const existing = q.selectBranches(db);
	const branchIds = new Map(existing.map((b) => [b.code, b.id]));
	const branchNames = new Map(existing.map((b) => [b.code, b.name]));
	let headOfficeId = q.selectHeadOfficeId(db);
	// Head offices first, so branches created alongside one hang under it.
	const newBranches = [...plan.newBranches].sort(
		(a, b) => Number(b.type === 'head_office') - Number(a.type === 'head_office')
	);
	for (const b of newBranches) {
		const parentId = b.type === 'head_office' ? null : headOfficeId;
		const id = q.insertBranch(db, { ...b, parentId, createdAt: now });
		if (b.type === 'head_office') headOfficeId ??= id;
		branchIds.set(b.code, id);
		branchNames.set(b.code, b.name);
	}
	const branchIdOf = (code: string): number => {
		const id = branchIds.get(code);
		if (id === undefined) throw new Invalid([{ key: 'roster.error.changedMeanwhile' }]);
		return id;
	};

	const initial: InitialPassword[] = [];
	for (const person of plan.creates) {
		const r = person.record;
		const credential = input.credentials.get(r.employeeNo);
		// Someone was added between preview and commit: the hashes made outside do not match.
		if (!credential) throw new Invalid([{ key: 'roster.error.changedMeanwhile' }]);
		const staffId = q.insertStaff(db, {
			employeeNo: r.employeeNo,
			name: r.name,
			branchId: branchIdOf(r.branchCode),
			position: r.position,
			hireDate: person.hireDate,
			status: person.status,
			passwordHash: credential.hash,
			now
		});
		q.replaceRoles(db, staffId, person.roles);
		initial.push({
			employeeNo: r.employeeNo,
			name: r.name,
			branchCode: r.branchCode,
			branchName: branchNames.get(r.branchCode) ?? '',
			password: credential.password
		});
	}

	for (const person of plan.updates) {
		const r = person.record;
		const staffId = person.previous.id;
		q.updateStaff(
			db,
			staffId,
			{
				name: r.name,
				branchId: branchIdOf(r.branchCode),
				position: r.position,
				hireDate: person.hireDate,
				status: person.status
			},
			now
		);
		const target = `staff:${r.employeeNo}`;
		if (person.changes.some((c) => c.field === 'roles')) {
			q.replaceRoles(db, staffId, person.roles);
			recordAudit(ctx, {
				action: 'staff.roles_change',
				actorStaffId: audit.actorStaffId,
				target,
				detail: { from: person.previous.roles, to: person.roles, via: audit.via, importId }
			});
		}
		if (person.status === 'left' && person.previous.status !== 'left') {
			invalidateStaffSessions(ctx, staffId);
			recordAudit(ctx, {
				action: 'staff.disable',
				actorStaffId: audit.actorStaffId,
				target,
				detail: { reason: 'left', via: audit.via, importId }
			});
		}
	}
	return initial;
}
