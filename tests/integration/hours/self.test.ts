import { describe, expect, it } from 'vitest';
import { Invalid } from '../../../src/lib/server/errors';
import { getPersonHours, recordManualHoursFor } from '../../../src/lib/server/hours/pages';
import {
	correctHoursEntry,
	getStaffHours,
	recordManualHours
} from '../../../src/lib/server/hours/service';
import { createTestApp } from '../../helpers/app';
import { hoursOffice } from './office';

const TRAINING = { kind: 'centralized', hours: 6, earnedOn: '2026-02-20', reason: '外部培训' };

/** The message key of the refusal `work` throws. */
async function refusal(work: () => unknown): Promise<string | undefined> {
	try {
		await work();
	} catch (e) {
		expect(e).toBeInstanceOf(Invalid);
		return (e as Invalid).problems[0]?.key;
	}
	return undefined;
}

describe('nobody records or corrects their own class hours', () => {
	it('refuses a trainer or HR adding manual hours for themselves, also from their own page', async () => {
		const app = await createTestApp();
		const o = await hoursOffice(app);
		const trainerOwn = { ...TRAINING, staffId: o.trainer.id };
		expect(await refusal(async () => await recordManualHours(app, o.trainer, trainerOwn))).toBe(
			'hours.self'
		);
		expect(
			await refusal(
				async () => await recordManualHours(app, o.hr, { ...TRAINING, staffId: o.hr.id })
			)
		).toBe('hours.self');
		expect(
			await refusal(async () => await recordManualHoursFor(app, o.trainer, 'H002', TRAINING))
		).toBe('hours.self');
		expect((await getStaffHours(app, o.hr, o.trainer.id, 2026)).entries).toHaveLength(0);
		expect((await getStaffHours(app, o.hr, o.hr.id, 2026)).entries).toHaveLength(0);
		// A colleague may record them.
		expect((await recordManualHours(app, o.hr, trainerOwn)).hours).toBe(6);
	});

	it('refuses HR correcting an entry of their own', async () => {
		const app = await createTestApp();
		const o = await hoursOffice(app);
		const entry = await recordManualHours(app, o.trainer, { ...TRAINING, staffId: o.hr.id });
		const fix = { entryId: entry.id, correctedHours: 12, reason: '实为两天' };
		expect(await refusal(async () => await correctHoursEntry(app, o.hr, fix))).toBe('hours.self');
		expect((await getStaffHours(app, o.trainer, o.hr.id, 2026)).standing.earned.centralized).toBe(
			6
		);
	});

	it('offers no record or correct form on one’s own ledger', async () => {
		const app = await createTestApp();
		const o = await hoursOffice(app);
		expect(await getPersonHours(app, o.hr, 'H001', '2026')).toMatchObject({
			canRecord: false,
			canCorrect: false
		});
		expect(await getPersonHours(app, o.hr, 'H002', '2026')).toMatchObject({
			canRecord: true,
			canCorrect: true
		});
		expect((await getPersonHours(app, o.trainer, 'H002', '2026')).canRecord).toBe(false);
		expect((await getPersonHours(app, o.trainer, 'H001', '2026')).canRecord).toBe(true);
	});
});
