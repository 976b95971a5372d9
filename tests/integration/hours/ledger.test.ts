import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../../src/lib/server/db';
import { Forbidden, Invalid } from '../../../src/lib/server/errors';
import {
	correctHoursEntry,
	creditHours,
	getStaffHours,
	recordManualHours,
	type CreditInput
} from '../../../src/lib/server/hours/service';
import { createTestApp, type TestApp } from '../../helpers/app';
import { hoursOffice } from './office';

const lesson = (staffId: number, hours = 2) => ({
	staffId,
	kind: 'remote' as const,
	hours,
	earnedOn: '2026-03-01',
	source: 'lesson' as const,
	sourceRef: 'lesson:annual-remote/m/01',
	recordedBy: staffId
});

/** Credits in a transaction of its own, as a lesson or an attendance does inside theirs. */
const credit = (app: TestApp, input: CreditInput) =>
	inTransaction(app.db, (tx) => creditHours(app, tx, input));

describe('class-hour ledger', () => {
	it('credits a lesson once, however often it is reported', async () => {
		const app = await createTestApp();
		const o = await hoursOffice(app);
		expect((await credit(app, lesson(o.teller.id)))?.hours).toBe(2);
		expect(await credit(app, lesson(o.teller.id))).toBeNull();
		const mine = await getStaffHours(app, o.teller, o.teller.id, 2026);
		expect(mine.entries).toHaveLength(1);
		expect(mine.standing.earned.remote).toBe(2);
	});

	it('refuses to credit hours that are not positive', async () => {
		const app = await createTestApp();
		const o = await hoursOffice(app);
		await expect(credit(app, lesson(o.teller.id, 0))).rejects.toThrow(Invalid);
	});

	it('records a manual entry with reason and recorder, and names every bad field', async () => {
		const app = await createTestApp();
		const o = await hoursOffice(app);
		const entry = await recordManualHours(app, o.trainer, {
			staffId: o.teller.id,
			kind: 'remote',
			hours: 3,
			earnedOn: '2026-02-20',
			reason: '外部培训：市分行反洗钱专题'
		});
		expect(entry).toMatchObject({ source: 'manual', recordedBy: o.trainer.id, hours: 3 });

		const bad = [
			{ kind: 'holiday', field: 'kind' },
			{ hours: 0, field: 'hours' },
			{ hours: -2, field: 'hours' },
			{ hours: 101, field: 'hours' },
			{ hours: NaN, field: 'hours' },
			{ earnedOn: '2026-02-30', field: 'earnedOn' },
			{ earnedOn: '2026-03-03', field: 'earnedOn' },
			{ reason: '   ', field: 'reason' }
		];
		for (const { field, ...change } of bad) {
			const input = {
				staffId: o.teller.id,
				kind: 'remote',
				hours: 2,
				earnedOn: '2026-03-01',
				reason: '外部培训',
				...change
			};
			try {
				await recordManualHours(app, o.hr, input);
				expect.fail(`accepted ${JSON.stringify(change)}`);
			} catch (e) {
				expect(e).toBeInstanceOf(Invalid);
				expect((e as Invalid).problems.map((p) => p.field)).toContain(field);
			}
		}
		expect((await getStaffHours(app, o.hr, o.teller.id, 2026)).entries).toHaveLength(1);
	});

	it('lets only HR, admin and trainers record manual hours', async () => {
		const app = await createTestApp();
		const o = await hoursOffice(app);
		const input = {
			staffId: o.teller.id,
			kind: 'self_study',
			hours: 1,
			earnedOn: '2026-03-01',
			reason: '读书'
		};
		await expect(recordManualHours(app, o.manager, input)).rejects.toThrow(Forbidden);
		await expect(recordManualHours(app, o.teller, input)).rejects.toThrow(Forbidden);
	});

	it('corrects by appending, and a second correction counts from the corrected value', async () => {
		const app = await createTestApp();
		const o = await hoursOffice(app);
		const original = await recordManualHours(app, o.hr, {
			staffId: o.teller.id,
			kind: 'remote',
			hours: 4,
			earnedOn: '2026-02-10',
			reason: '外部培训'
		});
		const first = await correctHoursEntry(app, o.hr, {
			entryId: original.id,
			correctedHours: 3,
			reason: '通知写明 3 学时'
		});
		expect(first).toMatchObject({ hours: -1, source: 'correction', correctsEntryId: original.id });
		const second = await correctHoursEntry(app, o.hr, {
			entryId: original.id,
			correctedHours: 5,
			reason: '补上下午的实操'
		});
		expect(second.hours).toBe(2);

		const { entries, standing } = await getStaffHours(app, o.hr, o.teller.id, 2026);
		expect(entries).toHaveLength(3);
		const kept = entries.find((e) => e.id === original.id)!;
		expect(kept.hours).toBe(4);
		expect(kept.currentHours).toBe(5);
		expect(standing.earned.remote).toBe(5);
	});

	it('refuses corrections that change nothing, target a correction, or come from others', async () => {
		const app = await createTestApp();
		const o = await hoursOffice(app);
		const original = await recordManualHours(app, o.hr, {
			staffId: o.teller.id,
			kind: 'remote',
			hours: 4,
			earnedOn: '2026-02-10',
			reason: '外部培训'
		});
		const fix = { entryId: original.id, correctedHours: 4, reason: '核对' };
		await expect(correctHoursEntry(app, o.hr, fix)).rejects.toThrow(Invalid);
		await expect(correctHoursEntry(app, o.hr, { ...fix, correctedHours: -1 })).rejects.toThrow(
			Invalid
		);
		await expect(
			correctHoursEntry(app, o.hr, { ...fix, correctedHours: 2, reason: '' })
		).rejects.toThrow(Invalid);
		const delta = await correctHoursEntry(app, o.hr, { ...fix, correctedHours: 2 });
		await expect(
			correctHoursEntry(app, o.hr, { ...fix, entryId: delta.id, correctedHours: 1 })
		).rejects.toThrow(Invalid);
		await expect(correctHoursEntry(app, o.trainer, { ...fix, correctedHours: 1 })).rejects.toThrow(
			Forbidden
		);
		await expect(correctHoursEntry(app, o.manager, { ...fix, correctedHours: 1 })).rejects.toThrow(
			Forbidden
		);
		expect((await getStaffHours(app, o.hr, o.teller.id, 2026)).standing.earned.remote).toBe(2);
	});
});
