import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../../src/lib/server/audit/service';
import { createSession, validateSessionToken } from '../../../src/lib/server/auth/session';
import { Forbidden, Invalid } from '../../../src/lib/server/errors';
import { listRecentAudit } from '../../../src/lib/server/org/audit-view';
import { getStaffProfile } from '../../../src/lib/server/org/service';
import { disableStaff, updateStaffRoles } from '../../../src/lib/server/org/staff-changes';
import { createTestApp } from '../../helpers/app';
import { smallOffice } from './office';

describe('role changes and disabling staff', () => {
	it('lets HR change roles and records who changed what, before and after', async () => {
		const app = await createTestApp();
		const o = await smallOffice(app);
		const result = await updateStaffRoles(app, o.hr, 'R101', ['mentor', 'learner']);
		expect(result).toEqual({ changed: true, roles: ['learner', 'mentor'] });
		expect((await getStaffProfile(app, o.hr, 'R101')).person.roles).toEqual(['learner', 'mentor']);
		const [event] = await listAuditEvents(app, 10, 'staff.roles_change');
		expect(event).toMatchObject({
			actorStaffId: o.hr.id,
			target: 'R101',
			detail: { before: ['learner'], after: ['learner', 'mentor'] }
		});
		const view = await listRecentAudit(app, o.admin, 'staff.roles_change');
		expect(view.events[0]).toMatchObject({ actor: { employeeNo: 'H001', name: '人事王' } });
	});

	it('records nothing when the roles do not change', async () => {
		const app = await createTestApp();
		const o = await smallOffice(app);
		expect((await updateStaffRoles(app, o.hr, 'R101', ['learner'])).changed).toBe(false);
		expect(await listAuditEvents(app, 10, 'staff.roles_change')).toEqual([]);
	});

	it('refuses role changes from branch managers and learners, and leaves roles as they were', async () => {
		const app = await createTestApp();
		const o = await smallOffice(app);
		await expect(updateStaffRoles(app, o.manager, 'R101', ['learner', 'mentor'])).rejects.toThrow(
			Forbidden
		);
		await expect(updateStaffRoles(app, o.teller, 'R101', ['hr'])).rejects.toThrow(Forbidden);
		expect((await getStaffProfile(app, o.hr, 'R101')).person.roles).toEqual(['learner']);
		await expect(listRecentAudit(app, o.manager)).rejects.toThrow(Forbidden);
	});

	it('rejects unknown or empty roles, HR granting admin, and HR dropping its own HR role', async () => {
		const app = await createTestApp();
		const o = await smallOffice(app);
		await expect(updateStaffRoles(app, o.hr, 'R101', ['boss'])).rejects.toThrow(Invalid);
		await expect(updateStaffRoles(app, o.hr, 'R101', [])).rejects.toThrow(Invalid);
		await expect(updateStaffRoles(app, o.hr, 'R101', ['admin'])).rejects.toThrow(Forbidden);
		await expect(updateStaffRoles(app, o.hr, 'H001', ['learner'])).rejects.toThrow(Invalid);
		expect((await updateStaffRoles(app, o.admin, 'R101', ['learner', 'admin'])).changed).toBe(true);
	});

	it('disables an account: status left, sessions ended, audited', async () => {
		const app = await createTestApp();
		const o = await smallOffice(app);
		const { token } = await createSession(app, o.teller.id);
		expect(await validateSessionToken(app, token)).not.toBeNull();

		expect(await disableStaff(app, o.hr, 'R101')).toEqual({ changed: true });
		expect(await validateSessionToken(app, token)).toBeNull();
		expect((await getStaffProfile(app, o.hr, 'R101')).person.status).toBe('left');
		const [event] = await listAuditEvents(app, 10, 'staff.disable');
		expect(event).toMatchObject({ actorStaffId: o.hr.id, target: 'R101' });
		// Once is enough: disabling again changes nothing and records nothing.
		expect(await disableStaff(app, o.hr, 'R101')).toEqual({ changed: false });
		expect(await listAuditEvents(app, 10, 'staff.disable')).toHaveLength(1);
	});

	it('refuses disabling from a branch manager, of oneself, and of an admin by HR', async () => {
		const app = await createTestApp();
		const o = await smallOffice(app);
		await expect(disableStaff(app, o.manager, 'R101')).rejects.toThrow(Forbidden);
		await expect(disableStaff(app, o.hr, 'H001')).rejects.toThrow(Invalid);
		await expect(disableStaff(app, o.hr, 'H002')).rejects.toThrow(Forbidden);
		expect((await getStaffProfile(app, o.hr, 'R101')).person.status).toBe('active');
	});
});
