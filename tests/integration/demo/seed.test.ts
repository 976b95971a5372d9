import { count, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { verifyPassword } from '../../../src/lib/server/auth/password';
import { branch, staff, staffRole } from '../../../src/lib/server/db/schema';
import { announceDemo, DEMO_PASSWORD, demoAccounts } from '../../../src/lib/server/demo/accounts';
import { seedDemoIfEmpty } from '../../../src/lib/server/demo/seed';
import { createTestApp } from '../../helpers/app';
import { makeBranch, makeStaff } from '../../helpers/factories';

describe('demo seed', () => {
	it('creates the demo office on an empty database', async () => {
		const app = await createTestApp();
		expect(await seedDemoIfEmpty(app)).toBe(true);

		const branches = await app.db.select().from(branch).all();
		expect(branches).toHaveLength(35);
		const byType = (t: string) => branches.filter((b) => b.type === t).length;
		expect([byType('rural'), byType('urban'), byType('agency')]).toEqual([23, 7, 3]);
		expect(byType('head_office')).toBe(1);
		expect(byType('call_center')).toBe(1);

		const people = await app.db.select().from(staff).all();
		expect(people).toHaveLength(351);
		expect(people.every((p) => p.mustChangePassword === false)).toBe(true);

		const roles = await app.db.select().from(staffRole).all();
		const holders = (role: string) =>
			new Set(roles.filter((r) => r.role === role).map((r) => r.staffId));
		const managers = holders('branch_manager');
		for (const b of branches) {
			const ownManagers = people.filter((p) => p.branchId === b.id && managers.has(p.id));
			expect(ownManagers, b.name).toHaveLength(1);
		}
		expect(holders('hr').size).toBe(1);
		expect(holders('trainer').size).toBe(1);
		expect(holders('admin').size).toBe(1);
		expect(holders('mentor').size).toBeGreaterThanOrEqual(10);
		const newHires = people.filter((p) => p.status === 'onboarding');
		expect(newHires.length).toBeGreaterThanOrEqual(5);
		for (const p of newHires) expect(p.hireDate! >= '2026-01-15').toBe(true);
	});

	it('lets every demo account sign in with the printed password', async () => {
		const app = await createTestApp();
		await seedDemoIfEmpty(app);
		for (const account of demoAccounts()) {
			const row = await app.db
				.select()
				.from(staff)
				.where(eq(staff.employeeNo, account.employeeNo))
				.get();
			expect(row?.name).toBe(account.name);
			expect(await verifyPassword(row!.passwordHash!, DEMO_PASSWORD)).toBe(true);
		}
	});

	it('does nothing the second time', async () => {
		const app = await createTestApp();
		await seedDemoIfEmpty(app);
		expect(await seedDemoIfEmpty(app)).toBe(false);
		expect((await app.db.select({ n: count() }).from(staff).get())?.n).toBe(351);
		expect((await app.db.select({ n: count() }).from(branch).get())?.n).toBe(35);
	});

	it('leaves a database that already has staff alone', async () => {
		const app = await createTestApp();
		const b = await makeBranch(app);
		await makeStaff(app, { branchId: b.id });
		expect(await seedDemoIfEmpty(app)).toBe(false);
		expect((await app.db.select({ n: count() }).from(staff).get())?.n).toBe(1);
	});

	it('announces the address and every demo account, but never for staff who are not the demo', async () => {
		const printed: string[] = [];
		const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
			printed.push(String(chunk));
			return true;
		});
		try {
			const app = await createTestApp();
			await seedDemoIfEmpty(app);
			await announceDemo(app, 4321);
			const text = printed.join('');
			expect(text).toContain('http://localhost:4321');
			expect(text).toContain(DEMO_PASSWORD);
			for (const a of demoAccounts()) expect(text).toContain(a.employeeNo);

			printed.length = 0;
			const real = await createTestApp();
			const b = await makeBranch(real);
			await makeStaff(real, { branchId: b.id, employeeNo: 'YZ0002', name: '真实员工' });
			await announceDemo(real, 4321);
			expect(printed.join('')).toContain('http://localhost:4321');
			expect(printed.join('')).not.toContain(DEMO_PASSWORD);
		} finally {
			spy.mockRestore();
		}
	});
});
