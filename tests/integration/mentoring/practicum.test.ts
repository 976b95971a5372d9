import { exec } from '../../../src/lib/server/db';
import { describe, expect, it } from 'vitest';
import { practicumDay, practicumSignature } from '../../../src/lib/server/db/schema';
import { Forbidden, Invalid } from '../../../src/lib/server/errors';
import { getMenteeLog } from '../../../src/lib/server/mentoring/mentees';
import { addMentoringNote } from '../../../src/lib/server/mentoring/notes';
import {
	correctPracticumDay,
	recordPracticumDay
} from '../../../src/lib/server/mentoring/practicum';
import { acknowledgeDay } from '../../../src/lib/server/mentoring/signatures';
import { changeMentor } from '../../../src/lib/server/onboarding/plans';
import { dayDate, office, openDefaultPlan, signDays, type Office } from '../onboarding/setup';

const good = (n: number) => ({
	dayNumber: n,
	workDate: dayDate(n),
	tasks: ['open_account'],
	hours: 7,
	observations: ''
});

async function refusedWith(o: Office, fn: () => unknown): Promise<string[]> {
	const before = (await o.app.db.select().from(practicumDay).all()).length;
	try {
		await fn();
	} catch (e) {
		expect(await o.app.db.select().from(practicumDay).all()).toHaveLength(before);
		if (e instanceof Invalid) return e.problems.map((p) => p.key);
		throw e;
	}
	throw new Error('expected a refusal');
}

describe('recording a practicum day', () => {
	it('signs a day as it is recorded and shows it in the log', async () => {
		const o = await office();
		const planId = await openDefaultPlan(o);
		const result = await recordPracticumDay(o.app, o.mentorA.user, planId, good(1));
		expect(result.cleared).toBe(false);
		const log = await getMenteeLog(o.app, o.mentorA.user, planId);
		expect(log.log[0]).toMatchObject({ dayNumber: 1, workDate: '2026-02-04', hours: 7 });
		expect(log.log[0]!.signedAt).toBe(o.app.clock.now());
		expect(log.progress.nextDay).toBe(2);
	});

	it('refuses each bad input with a clear message and changes nothing', async () => {
		const o = await office();
		const planId = await openDefaultPlan(o);
		await signDays(o, planId, [1]);
		const record = (input: Partial<Awaited<ReturnType<typeof good>>>) => async () =>
			await recordPracticumDay(o.app, o.mentorA.user, planId, { ...good(2), ...input });
		expect(await refusedWith(o, record({ dayNumber: 1 }))).toEqual([
			'practicum.error.alreadySigned'
		]);
		expect(await refusedWith(o, record({ dayNumber: 0 }))).toEqual([
			'practicum.error.dayOutOfPlan'
		]);
		expect(await refusedWith(o, record({ dayNumber: 16 }))).toEqual([
			'practicum.error.dayOutOfPlan'
		]);
		expect(await refusedWith(o, record({ hours: 0 }))).toEqual([
			'practicum.error.hoursNotPositive'
		]);
		expect(await refusedWith(o, record({ hours: -3 }))).toEqual([
			'practicum.error.hoursNotPositive'
		]);
		expect(await refusedWith(o, record({ hours: Number.NaN }))).toEqual([
			'practicum.error.hoursNotPositive'
		]);
		expect(await refusedWith(o, record({ hours: 13 }))).toEqual(['practicum.error.hoursTooMany']);
		expect(await refusedWith(o, record({ workDate: '2026-03-03' }))).toEqual([
			'practicum.error.futureDate'
		]);
		expect(await refusedWith(o, record({ workDate: '2026-02-03' }))).toEqual([
			'practicum.error.beforeStart'
		]);
		// A Sunday, and the first day of the Spring Festival break.
		expect(await refusedWith(o, record({ workDate: '2026-02-08' }))).toEqual([
			'practicum.error.notWorkingDay'
		]);
		expect(await refusedWith(o, record({ workDate: '2026-02-16' }))).toEqual([
			'practicum.error.notWorkingDay'
		]);
		expect(await refusedWith(o, record({ workDate: dayDate(1) }))).toEqual([
			'practicum.error.dateTaken'
		]);
		expect(await refusedWith(o, record({ tasks: [] }))).toEqual(['practicum.error.noTasks']);
		expect(await refusedWith(o, record({ tasks: ['made_up'] }))).toEqual([
			'practicum.error.unknownTask'
		]);
	});

	it('refuses a mentor who is not, or no longer, paired, and someone without the role', async () => {
		const o = await office();
		const planId = await openDefaultPlan(o);
		const by = (user: Office['mentorA']['user']) => async () =>
			await recordPracticumDay(o.app, user, planId, good(1));
		expect(await refusedWith(o, by(o.mentorB.user))).toEqual(['practicum.error.notPaired']);
		await expect(by(o.teller.user)()).rejects.toThrow(Forbidden);
		await expect(getMenteeLog(o.app, o.mentorB.user, planId)).rejects.toThrow(Forbidden);
		await changeMentor(o.app, o.hr.user, planId, {
			mentorEmployeeNo: o.mentorB.row.employeeNo,
			reason: '调岗'
		});
		expect(await refusedWith(o, by(o.mentorA.user))).toEqual(['practicum.error.notPaired']);
		// The new mentor logs from the day the pairing starts.
		o.app.clock.set('2026-03-03T01:00:00Z');
		expect(
			await refusedWith(
				o,
				async () => await recordPracticumDay(o.app, o.mentorB.user, planId, good(1))
			)
		).toEqual(['practicum.error.beforePairing']);
		await recordPracticumDay(o.app, o.mentorB.user, planId, { ...good(1), workDate: '2026-03-02' });
	});

	it('refuses logging on a plan that is no longer open', async () => {
		const o = await office();
		const planId = await openDefaultPlan(o);
		await exec(o.app.db, "update onboarding_plan set status = 'cancelled'");
		expect(
			await refusedWith(
				o,
				async () => await recordPracticumDay(o.app, o.mentorA.user, planId, good(1))
			)
		).toEqual(['practicum.error.planNotOpen']);
	});
});

describe('corrections and acknowledgements', () => {
	it('supersedes the current row with a reason, keeps history, and drops old signatures', async () => {
		const o = await office();
		const planId = await openDefaultPlan(o);
		await signDays(o, planId, [1]);
		const first = (await getMenteeLog(o.app, o.mentorA.user, planId)).log[0]!;
		await acknowledgeDay(o.app, o.newHire.user, first.id);
		const fix = {
			workDate: dayDate(1),
			tasks: ['loss_report'],
			hours: 6,
			observations: '更正',
			reason: ''
		};
		expect(
			await refusedWith(
				o,
				async () => await correctPracticumDay(o.app, o.mentorA.user, first.id, fix)
			)
		).toEqual(['practicum.error.reasonRequired']);
		expect(
			await refusedWith(
				o,
				async () =>
					await correctPracticumDay(o.app, o.mentorB.user, first.id, { ...fix, reason: 'x' })
			)
		).toEqual(['practicum.error.notPaired']);
		await correctPracticumDay(o.app, o.mentorA.user, first.id, { ...fix, reason: '时长记错' });
		const [day] = (await getMenteeLog(o.app, o.mentorA.user, planId)).log;
		expect(day).toMatchObject({
			dayNumber: 1,
			hours: 6,
			correctionReason: '时长记错',
			acknowledgedAt: null
		});
		expect(day!.earlier).toHaveLength(1);
		expect(day!.earlier[0]).toMatchObject({ id: first.id, hours: 7 });
		expect(day!.earlier[0]!.acknowledgedAt).not.toBeNull();
		expect(await o.app.db.select().from(practicumDay).all()).toHaveLength(2);
		// The old row is history: it can no longer be corrected or acknowledged.
		expect(
			await refusedWith(
				o,
				async () =>
					await correctPracticumDay(o.app, o.hr.user, first.id, { ...fix, reason: 'again' })
			)
		).toEqual(['practicum.error.notCurrent']);
		// HR may correct too.
		await correctPracticumDay(o.app, o.hr.user, day!.id, { ...fix, hours: 5, reason: '人事核对' });
	});

	it('lets the mentee acknowledge a day once, and nobody else', async () => {
		const o = await office();
		const planId = await openDefaultPlan(o);
		await signDays(o, planId, [1]);
		const dayId = (await getMenteeLog(o.app, o.mentorA.user, planId)).log[0]!.id;
		await expect(acknowledgeDay(o.app, o.mentorA.user, dayId)).rejects.toThrow(Forbidden);
		await acknowledgeDay(o.app, o.newHire.user, dayId);
		await expect(acknowledgeDay(o.app, o.newHire.user, dayId)).rejects.toThrow(Invalid);
		expect(await o.app.db.select().from(practicumSignature).all()).toHaveLength(1);
	});

	it('logs mentoring notes by the current mentor with checked minutes and topic', async () => {
		const o = await office();
		const planId = await openDefaultPlan(o);
		const note = { heldOn: '2026-02-20', minutes: 30, topic: '反洗钱', notes: '' };
		await expect(
			addMentoringNote(o.app, o.mentorA.user, planId, { ...note, minutes: 0 })
		).rejects.toThrow(Invalid);
		await expect(
			addMentoringNote(o.app, o.mentorA.user, planId, { ...note, topic: ' ' })
		).rejects.toThrow(Invalid);
		await expect(addMentoringNote(o.app, o.mentorB.user, planId, note)).rejects.toThrow(Invalid);
		await addMentoringNote(o.app, o.mentorA.user, planId, note);
		expect((await getMenteeLog(o.app, o.mentorA.user, planId)).notes).toHaveLength(1);
	});
});
