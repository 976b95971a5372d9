import { describe, expect, it } from 'vitest';
import { demoAccounts, DEMO_JOURNEYS } from '../../../src/lib/server/demo/accounts';
import { planDemoOrganisation } from '../../../src/lib/server/demo/organisation';
import { POSITION_GROUP } from '../../../src/lib/server/demo/positions';

describe('demo organisation plan', () => {
	const plan = planDemoOrganisation('2026-03-02');

	it('matches the office in the sources: 23 rural, 7 urban, 3 agency under one county office', () => {
		const byType = (type: string) => plan.branches.filter((b) => b.type === type).length;
		expect(byType('rural')).toBe(23);
		expect(byType('urban')).toBe(7);
		expect(byType('agency')).toBe(3);
		expect(byType('head_office')).toBe(1);
		expect(plan.branches.map((b) => b.name)).toContain('小湖支局');
		const head = plan.branches.find((b) => b.type === 'head_office');
		for (const b of plan.branches.filter((b) => b !== head)) expect(b.parentCode).toBe(head?.code);
	});

	it('has 351 staff split 142 financial, 128 universal service, 81 management and marketing', () => {
		expect(plan.staff).toHaveLength(351);
		const groups = { financial: 0, universal: 0, management: 0 };
		for (const s of plan.staff) groups[POSITION_GROUP[s.kind]]++;
		expect(groups).toEqual({ financial: 142, universal: 128, management: 81 });
	});

	it('gives unique employee numbers and names', () => {
		expect(new Set(plan.staff.map((s) => s.employeeNo)).size).toBe(351);
		expect(new Set(plan.staff.map((s) => s.name)).size).toBe(351);
		expect(plan.staff[0]?.employeeNo).toBe('YZ0001');
	});

	it('hires new staff within the last six weeks and everyone else at least a year ago', () => {
		const today = Date.parse('2026-03-02');
		for (const s of plan.staff) {
			const days = (today - Date.parse(s.hireDate)) / 86_400_000;
			if (s.status === 'onboarding') expect(days).toBeLessThanOrEqual(42);
			else expect(days).toBeGreaterThanOrEqual(365);
		}
	});

	it('is the same office every time, and the same names whatever the date', () => {
		expect(planDemoOrganisation('2026-03-02')).toEqual(plan);
		const later = planDemoOrganisation('2027-07-15');
		expect(later.staff.map((s) => s.name)).toEqual(plan.staff.map((s) => s.name));
	});

	it('names one account per journey, each holding the role its journey needs', () => {
		const accounts = demoAccounts(plan);
		expect(accounts.map((a) => a.journey)).toEqual([...DEMO_JOURNEYS]);
		const person = (no: string) => plan.staff.find((s) => s.employeeNo === no);
		const of = (j: string) => person(accounts.find((a) => a.journey === j)!.employeeNo)!;
		expect(of('hr').roles).toContain('hr');
		expect(of('trainer').roles).toContain('trainer');
		expect(of('admin').roles).toContain('admin');
		expect(of('branch_manager').roles).toContain('branch_manager');
		expect(of('mentor').roles).toContain('mentor');
		expect(of('teller').roles).toEqual(['learner']);
		expect(of('new_hire').status).toBe('onboarding');
	});
});
