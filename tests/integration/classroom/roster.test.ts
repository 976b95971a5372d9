import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
	enrolByGroup,
	enrolStaff,
	markAttendance,
	unenrolStaff
} from '../../../src/lib/server/classroom/roster';
import { getSession } from '../../../src/lib/server/classroom/service';
import { hourEntry, sessionEnrolment } from '../../../src/lib/server/db/schema';
import { createTestApp, type TestApp } from '../../helpers/app';
import { classroomOffice, problemKeys, problemsOf, schedule } from './setup';

async function ledgerOf(app: TestApp, staffId: number) {
	return await app.db
		.select()
		.from(hourEntry)
		.where(and(eq(hourEntry.staffId, staffId), eq(hourEntry.source, 'session')))
		.all();
}

async function rosterIds(app: TestApp, sessionId: number): Promise<number[]> {
	return (
		await app.db
			.select({ id: sessionEnrolment.staffId })
			.from(sessionEnrolment)
			.where(eq(sessionEnrolment.sessionId, sessionId))
			.all()
	)
		.map((r) => r.id)
		.sort((a, b) => a - b);
}

describe('enrolling people', () => {
	it('enrols by employee numbers and skips people already enrolled', async () => {
		const app = await createTestApp();
		const office = await classroomOffice(app);
		const session = await schedule(app, office);
		expect(await enrolStaff(app, office.trainer, session.id, 'r101\nR102')).toEqual({
			added: 2,
			skipped: 0
		});
		expect(await enrolStaff(app, office.trainer, session.id, 'R101, R103、U101')).toEqual({
			added: 2,
			skipped: 1
		});
		expect(await rosterIds(app, session.id)).toHaveLength(4);
	});

	it('refuses the whole batch for an unknown number or someone who left', async () => {
		const app = await createTestApp();
		const office = await classroomOffice(app);
		const session = await schedule(app, office);
		const problems = await problemsOf(
			async () => await enrolStaff(app, office.trainer, session.id, 'R101 X999 R104')
		);
		expect(problems.map((p) => [p.key, p.params?.numbers])).toEqual([
			['classroom.error.unknownStaff', 'X999'],
			['classroom.error.staffLeft', 'R104']
		]);
		expect(await rosterIds(app, session.id)).toEqual([]);
		expect(
			await problemKeys(async () => await enrolStaff(app, office.trainer, session.id, ' \n'))
		).toEqual(['classroom.error.noNumbers']);
	});

	it('refuses a batch that would exceed capacity and says how many seats are left', async () => {
		const app = await createTestApp();
		const office = await classroomOffice(app);
		const session = await schedule(app, office, { capacity: 3 });
		await enrolStaff(app, office.trainer, session.id, 'R101');
		const problems = await problemsOf(
			async () => await enrolStaff(app, office.trainer, session.id, 'R101 R102 R103 U101')
		);
		expect(problems).toEqual([
			{ key: 'classroom.error.overCapacity', params: { left: 2, count: 3 } }
		]);
		expect(await rosterIds(app, session.id)).toEqual([office.teller.id]);
		expect(await enrolStaff(app, office.trainer, session.id, 'R102 R103')).toEqual({
			added: 2,
			skipped: 0
		});
	});

	it('enrols current staff of a branch and/or position, never those who left', async () => {
		const app = await createTestApp();
		const office = await classroomOffice(app);
		const session = await schedule(app, office);
		expect(
			await enrolByGroup(app, office.trainer, session.id, { branchId: office.xiaohu.id })
		).toEqual({
			added: 3,
			skipped: 0
		});
		expect(await rosterIds(app, session.id)).toEqual(
			[office.teller.id, office.colleague.id, office.newHire.id].sort((a, b) => a - b)
		);
		expect(await enrolByGroup(app, office.trainer, session.id, { position: '储蓄员' })).toEqual({
			added: 0,
			skipped: 3
		});
		expect(
			await enrolByGroup(app, office.trainer, session.id, {
				branchId: office.city.id,
				position: '综合柜员'
			})
		).toEqual({ added: 1, skipped: 0 });
		expect(
			await problemKeys(async () => await enrolByGroup(app, office.trainer, session.id, {}))
		).toEqual(['classroom.error.groupRequired']);
		expect(
			await problemKeys(
				async () => await enrolByGroup(app, office.trainer, session.id, { position: '不存在' })
			)
		).toEqual(['classroom.error.nobodyInGroup']);
	});

	it('unenrols someone who has not attended, but not after they attended', async () => {
		const app = await createTestApp();
		const office = await classroomOffice(app);
		const session = await schedule(app, office);
		await enrolStaff(app, office.trainer, session.id, 'R101 R102');
		await unenrolStaff(app, office.trainer, session.id, office.colleague.id);
		expect(await rosterIds(app, session.id)).toEqual([office.teller.id]);
		app.clock.set(session.startsAt);
		await markAttendance(app, office.trainer, session.id, [office.teller.id]);
		expect(
			await problemKeys(
				async () => await unenrolStaff(app, office.trainer, session.id, office.teller.id)
			)
		).toEqual(['classroom.error.attendedCannotUnenrol']);
		expect(
			await problemKeys(
				async () => await unenrolStaff(app, office.trainer, session.id, office.colleague.id)
			)
		).toEqual(['classroom.error.notEnrolled']);
	});
});

describe('attendance from the roster', () => {
	it('refuses attendance for a session not yet held, and changes nothing', async () => {
		const app = await createTestApp();
		const office = await classroomOffice(app);
		const session = await schedule(app, office);
		await enrolStaff(app, office.trainer, session.id, 'R101');
		app.clock.set(session.startsAt - 60_000);
		expect(
			await problemKeys(
				async () => await markAttendance(app, office.trainer, session.id, [office.teller.id])
			)
		).toEqual(['classroom.error.notYetHeld']);
		expect(await ledgerOf(app, office.teller.id)).toEqual([]);
		expect((await getSession(app, office.trainer, session.id)).session.attended).toBe(0);
	});

	it('credits the session’s hours exactly once, on the session’s office day', async () => {
		const app = await createTestApp();
		const office = await classroomOffice(app);
		// 07:30 in Beijing is still the previous day in UTC: the ledger must use the office day.
		const session = await schedule(app, office, {
			startsAt: Date.parse('2026-03-03T07:30:00+08:00'),
			endsAt: Date.parse('2026-03-03T10:00:00+08:00')
		});
		await enrolStaff(app, office.trainer, session.id, 'R101 R102');
		app.clock.set(session.startsAt + 30 * 60_000);
		expect(await markAttendance(app, office.trainer, session.id, [office.teller.id])).toEqual({
			recorded: 1,
			already: 0
		});
		expect(
			await markAttendance(app, office.trainer, session.id, [office.teller.id, office.colleague.id])
		).toEqual({ recorded: 1, already: 1 });
		const entries = await ledgerOf(app, office.teller.id);
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			kind: 'centralized',
			hours: 2.5,
			earnedOn: '2026-03-03',
			sourceRef: `session:${session.id}`,
			recordedBy: office.trainer.id
		});
		const detail = await getSession(app, office.trainer, session.id);
		expect(detail.session.attended).toBe(2);
		expect(detail.roster.every((r) => r.method === 'roster')).toBe(true);
	});

	it('records only enrolled people and needs someone ticked', async () => {
		const app = await createTestApp();
		const office = await classroomOffice(app);
		const session = await schedule(app, office);
		await enrolStaff(app, office.trainer, session.id, 'R101');
		app.clock.set(session.startsAt);
		expect(
			await problemKeys(
				async () =>
					await markAttendance(app, office.trainer, session.id, [
						office.teller.id,
						office.cityTeller.id
					])
			)
		).toEqual(['classroom.error.notEnrolledInRoster']);
		expect(await ledgerOf(app, office.teller.id)).toEqual([]);
		expect(
			await problemKeys(async () => await markAttendance(app, office.trainer, session.id, []))
		).toEqual(['classroom.error.noneSelected']);
	});
});
