import { describe, expect, it } from 'vitest';
import { toSessionUser } from '../../../src/lib/server/auth/session';
import { Forbidden, Invalid } from '../../../src/lib/server/errors';
import {
	amlTrainingTable,
	getReportSettings,
	setAmlInstitutionCode,
	setPassRateThreshold
} from '../../../src/lib/server/reports/service';
import { createTestApp } from '../../helpers/app';
import { makeBranch, makeStaff } from '../../helpers/factories';

async function setup() {
	const app = await createTestApp({}, '2026-11-20T02:00:00Z');
	const b = await makeBranch(app);
	const hrRow = await makeStaff(app, { branchId: b.id, roles: ['hr'], name: '人事张' });
	const bmRow = await makeStaff(app, { branchId: b.id, roles: ['branch_manager'] });
	return {
		app,
		hr: toSessionUser(hrRow, ['hr']),
		manager: toSessionUser(bmRow, ['branch_manager'])
	};
}

describe('report settings and the AML table', () => {
	it('lets HR, not a branch manager, set the threshold (95 % until set) and the institution code', async () => {
		const { app, hr, manager } = await setup();
		expect(await getReportSettings(app)).toEqual({
			passRateThreshold: 0.95,
			amlInstitutionCode: ''
		});
		await expect(setPassRateThreshold(app, manager, '90')).rejects.toBeInstanceOf(Forbidden);
		await expect(setPassRateThreshold(app, hr, '101')).rejects.toBeInstanceOf(Invalid);
		await expect(setPassRateThreshold(app, hr, '')).rejects.toBeInstanceOf(Invalid);
		await setPassRateThreshold(app, hr, '92.5');
		await expect(setAmlInstitutionCode(app, hr, '=1+1')).rejects.toBeInstanceOf(Invalid);
		await setAmlInstitutionCode(app, hr, 'C1234567890123');
		expect(await getReportSettings(app)).toEqual({
			passRateThreshold: 0.925,
			amlInstitutionCode: 'C1234567890123'
		});
	});

	it('files a zero report with HR as preparer; a branch manager may not file it', async () => {
		const { app, hr, manager } = await setup();
		await expect(
			amlTrainingTable(app, manager, { year: 2026, quarter: null }, 'zh-CN')
		).rejects.toBeInstanceOf(Forbidden);
		const table = await amlTrainingTable(app, hr, { year: 2026, quarter: 4 }, 'zh-CN');
		expect(table).toMatchObject({
			zeroReport: true,
			rows: [],
			preparer: '人事张',
			filedOn: '2026-11-20'
		});
	});
});
