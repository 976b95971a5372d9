import { afterAll, describe, expect, it } from 'vitest';
import { getDashboard } from '../../../src/lib/server/dashboard/service';
import { Forbidden } from '../../../src/lib/server/errors';
import { closeReportWorkers } from '../../../src/lib/server/reports/worker';
import { createTestApp } from '../../helpers/app';
import { hoursOffice } from '../hours/office';

// The trend is read on the report worker; end it so the run exits cleanly.
afterAll(closeReportWorkers);

describe('home dashboard', () => {
	it('gives HR the whole office and a branch manager only their branch', async () => {
		const app = await createTestApp();
		const o = await hoursOffice(app);

		const office = await getDashboard(app, o.hr);
		expect(office.branch).toBeNull();
		expect(office.hours.staff).toBe(5);
		expect(office.hours.complete + office.hours.onPace + office.hours.behind).toBe(5);

		const branch = await getDashboard(app, o.manager);
		expect(branch.branch).toEqual({ code: 'R01', name: '小湖支局' });
		expect(branch.hours.staff).toBe(2);
	});

	it('shows empty periods as no rate rather than 0%', async () => {
		const app = await createTestApp();
		const o = await hoursOffice(app);

		const d = await getDashboard(app, o.hr);
		expect(d.campaigns).toEqual([]);
		expect(d.onboarding.rate).toEqual({ num: 0, den: 0, value: null });
		expect(d.trend).toHaveLength(12);
		expect(d.trend?.every((p) => p.office.den === 0 && p.office.value === null)).toBe(true);
		expect(d.expiring).toEqual({ certificates: 0, competencies: 0, soon: [] });
	});

	it('refuses people who manage nothing', async () => {
		const app = await createTestApp();
		const o = await hoursOffice(app);
		await expect(getDashboard(app, o.teller)).rejects.toThrow(Forbidden);
		await expect(getDashboard(app, o.trainer)).rejects.toThrow(Forbidden);
	});
});
