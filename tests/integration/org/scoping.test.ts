import { describe, expect, it } from 'vitest';
import { Forbidden, NotFound } from '../../../src/lib/server/errors';
import {
	getBranchDetail,
	getMySummary,
	getOrgOverview,
	getStaffFilterOptions,
	getStaffProfile,
	listStaff,
	parseStaffFilters
} from '../../../src/lib/server/org/service';
import { createTestApp } from '../../helpers/app';
import { makeStaff } from '../../helpers/factories';
import { smallOffice } from './office';

describe('org views by role and branch', () => {
	it('shows HR every branch and everyone', async () => {
		const app = await createTestApp();
		const o = await smallOffice(app);
		const { rows } = await listStaff(app, o.hr, {});
		expect(rows.map((r) => r.employeeNo).sort()).toEqual(
			['H001', 'H002', 'R100', 'R101', 'R102', 'U101'].sort()
		);
		expect(rows.find((r) => r.employeeNo === 'U101')?.roles).toEqual(['learner', 'mentor']);
		expect((await getStaffProfile(app, o.hr, 'U101')).canManage).toBe(true);
		expect((await getBranchDetail(app, o.admin, 'U01')).staff.map((s) => s.employeeNo)).toEqual([
			'U101'
		]);
	});

	it('counts staff per branch and position for HR, leaving out people who left', async () => {
		const app = await createTestApp();
		const o = await smallOffice(app);
		await makeStaff(app, { branchId: o.xiaohu.id, status: 'left' });
		const overview = await getOrgOverview(app, o.hr);
		const xiaohu = overview.branches.find((b) => b.code === 'R01');
		expect(xiaohu).toMatchObject({
			name: '小湖支局',
			active: 2,
			onboarding: 1,
			left: 1,
			current: 3
		});
		expect(overview.totals.current).toBe(6);
		expect(overview.positions.find((p) => p.position === '储蓄员')?.current).toBe(5);
	});

	it('shows a branch manager only their own branch', async () => {
		const app = await createTestApp();
		const o = await smallOffice(app);
		const { rows } = await listStaff(app, o.manager, {});
		expect(rows.map((r) => r.employeeNo)).toEqual(['R100', 'R101', 'R102']);
		expect((await listStaff(app, o.manager, { q: '陈' })).rows.map((r) => r.employeeNo)).toEqual([
			'R102'
		]);
		expect((await getStaffFilterOptions(app, o.manager)).branches).toEqual([
			{ code: 'R01', name: '小湖支局' }
		]);
		expect((await getStaffProfile(app, o.manager, 'R101')).canManage).toBe(false);
		expect((await getBranchDetail(app, o.manager, 'R01')).totals.current).toBe(3);
	});

	it('refuses a branch manager another branch, whether asked by filter, profile or branch page', async () => {
		const app = await createTestApp();
		const o = await smallOffice(app);
		await expect(listStaff(app, o.manager, { branchCode: 'U01' })).rejects.toThrow(Forbidden);
		await expect(getStaffProfile(app, o.manager, 'U101')).rejects.toThrow(Forbidden);
		await expect(getStaffProfile(app, o.manager, 'H001')).rejects.toThrow(Forbidden);
		await expect(getBranchDetail(app, o.manager, 'U01')).rejects.toThrow(Forbidden);
		// A code that does not exist looks the same as a foreign one to a manager.
		await expect(getBranchDetail(app, o.manager, 'NOPE')).rejects.toThrow(Forbidden);
		await expect(getOrgOverview(app, o.manager)).rejects.toThrow(Forbidden);
	});

	it('refuses a learner or mentor every org view but their own summary', async () => {
		const app = await createTestApp();
		const o = await smallOffice(app);
		for (const user of [o.teller, o.cityTeller]) {
			await expect(listStaff(app, user, {})).rejects.toThrow(Forbidden);
			await expect(getStaffProfile(app, user, user.employeeNo)).rejects.toThrow(Forbidden);
			await expect(getBranchDetail(app, user, 'R01')).rejects.toThrow(Forbidden);
			await expect(getOrgOverview(app, user)).rejects.toThrow(Forbidden);
			await expect(getStaffFilterOptions(app, user)).rejects.toThrow(Forbidden);
		}
		expect(await getMySummary(app, o.newHire)).toMatchObject({
			branchName: '小湖支局',
			status: 'onboarding',
			position: '储蓄员'
		});
	});

	it('tells HR when a branch or person does not exist', async () => {
		const app = await createTestApp();
		const o = await smallOffice(app);
		await expect(getBranchDetail(app, o.hr, 'NOPE')).rejects.toThrow(NotFound);
		await expect(getStaffProfile(app, o.hr, 'NOPE')).rejects.toThrow(NotFound);
		expect((await listStaff(app, o.hr, { branchCode: 'NOPE' })).rows).toEqual([]);
	});

	it('filters by position, status and search text, treating wildcards literally', async () => {
		const app = await createTestApp();
		const o = await smallOffice(app);
		expect(
			(await listStaff(app, o.hr, { status: 'onboarding' })).rows.map((r) => r.employeeNo)
		).toEqual(['R102']);
		expect(
			(await listStaff(app, o.hr, { position: '支局长' })).rows.map((r) => r.employeeNo)
		).toEqual(['R100']);
		expect((await listStaff(app, o.hr, { q: 'u10' })).rows.map((r) => r.employeeNo)).toEqual([
			'U101'
		]);
		expect((await listStaff(app, o.hr, { q: '%' })).rows).toEqual([]);
	});

	it('reads filters from the query string, ignoring unknown statuses and blanks', () => {
		const filters = parseStaffFilters(new URLSearchParams('branch=R01&status=fired&q=+&position='));
		expect(filters).toEqual({
			branchCode: 'R01',
			position: undefined,
			status: undefined,
			q: undefined
		});
	});

	it('refuses anonymous callers', async () => {
		const app = await createTestApp();
		await expect(listStaff(app, null, {})).rejects.toThrow();
		await expect(getMySummary(app, null)).rejects.toThrow();
	});
});
