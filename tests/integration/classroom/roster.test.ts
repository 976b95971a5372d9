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

function ledgerOf(app: TestApp, staffId: number) {
	return app.db
		.select()
		.from(hourEntry)
		.where(and(eq(hourEntry.staffId, staffId), eq(hourEntry.source, 'session')))
		.all();
}

function rosterIds(app: TestApp, sessionId: number): number[] {
	return app.db
		.select({ id: sessionEnrolment.staffId })
		.from(sessionEnrolment)
		.where(eq(sessionEnrolment.sessionId, sessionId))
		.all()
		.map((r) => r.id)
		.sort((a, b) => a - b);
}

describe('enrolling people', () => {
	it('enrols by employee numbers and skips people already enrolled', async () => {
		const app = createTestApp();
		const office = await classroomOffice(app);
		const session = schedule(app, office);
		expect(enrolStaff(app, office.trainer, session.id, 'r101\nR102')).toEqual({
			added: 2,
			skipped: 0
		});
		expect(enrolStaff(app, office.trainer, session.id, 'R101, R103、U101')).toEqual({
			added: 2,
			skipped: 1
		});
		expect(rosterIds(app, session.id)).toHaveLength(4);
	});

	it('refuses the whole batch for an unknown number or someone who left', async () => {
		const app = createTestApp();
		const office = await classroomOffice(app);
		const session = schedule(app, office);
		const problems = problemsOf(() =>
			enrolStaff(app, office.trainer, session.id, 'R101 X999 R104')
		);
		expect(problems.map((p) => [p.key, p.params?.numbers])).toEqual([
			['classroom.error.unknownStaff', 'X999'],
			['classroom.error.staffLeft', 'R104']
		]);
		expect(rosterIds(app, session.id)).toEqual([]);
		expect(problemKeys(() => enrolStaff(app, office.trainer, session.id, ' \n'))).toEqual([
			'classroom.error.noNumbers'
		]);
	});

	it('refuses a batch that would exceed capacity and says how many seats are left', async () => {
		const app = createTestApp();
		const office = await classroomOffice(app);
		const session = schedule(app, office, { capacity: 3 });
		enrolStaff(app, office.trainer, session.id, 'R101');
		const problems = problemsOf(() =>
			enrolStaff(app, office.trainer, session.id, 'R101 R102 R103 U101')
		);
		expect(problems).toEqual([
			{ key: 'classroom.error.overCapacity', params: { left: 2, count: 3 } }
		]);
		expect(rosterIds(app, session.id)).toEqual([office.teller.id]);
		expect(enrolStaff(app, office.trainer, session.id, 'R102 R103')).toEqual({
			added: 2,
			skipped: 0
		});
	});

	it('enrols current staff of a branch and/or position, never those who left', async () => {
		const app = createTestApp();
		const office = await classroomOffice(app);
		const session = schedule(app, office);
		expect(enrolByGroup(app, office.trainer, session.id, { branchId: office.xiaohu.id })).toEqual({
			added: 3,
			skipped: 0
		});
		expect(rosterIds(app, session.id)).toEqual(
			[office.teller.id, office.colleague.id, office.newHire.id].sort((a, b) => a - b)
		);
		expect(enrolByGroup(app, office.trainer, session.id, { position: '储蓄员' })).toEqual({
			added: 0,
			skipped: 3
		});
		expect(
			enrolByGroup(app, office.trainer, session.id, {
				branchId: office.city.id,
				position: '综合柜员'
			})
		).toEqual({ added: 1, skipped: 0 });
		expect(problemKeys(() => enrolByGroup(app, office.trainer, session.id, {}))).toEqual([
			'classroom.error.groupRequired'
		]);
		expect(
			problemKeys(() => enrolByGroup(app, office.trainer, session.id, { position: '不存在' }))
		).toEqual(['classroom.error.nobodyInGroup']);
	});

	it('unenrols someone who has not attended, but not after they attended', async () => {
		const app = createTestApp();
		const office = await classroomOffice(app);
		const session = schedule(app, office);
		enrolStaff(app, office.trainer, session.id, 'R101 R102');
		unenrolStaff(app, office.trainer, session.id, office.colleague.id);
		expect(rosterIds(app, session.id)).toEqual([office.teller.id]);
		app.clock.set(session.startsAt);
		markAttendance(app, office.trainer, session.id, [office.teller.id]);
		expect(
			problemKeys(() => unenrolStaff(app, office.trainer, session.id, office.teller.id))
		).toEqual(['classroom.error.attendedCannotUnenrol']);
		expect(
			problemKeys(() => unenrolStaff(app, office.trainer, session.id, office.colleague.id))
		).toEqual(['classroom.error.notEnrolled']);
	});
});

describe('attendance from the roster', () => {
	it('refuses attendance for a session not yet held, and changes nothing', async () => {
		const app = createTestApp();
		const office = await classroomOffice(app);
		const session = schedule(app, office);
		enrolStaff(app, office.trainer, session.id, 'R101');
		app.clock.set(session.startsAt - 60_000);
		expect(
			problemKeys(() => markAttendance(app, office.trainer, session.id, [office.teller.id]))
		).toEqual(['classroom.error.notYetHeld']);
		expect(ledgerOf(app, office.teller.id)).toEqual([]);
		expect(getSession(app, office.trainer, session.id).session.attended).toBe(0);
	});

	it('credits the session’s hours exactly once, on the session’s office day', async () => {
		const app = createTestApp();
		const office = await classroomOffice(app);
		// 07:30 in Beijing is still the previous day in UTC: the ledger must use the office day.
		const session = schedule(app, office, {
			startsAt: Date.parse('2026-03-03T07:30:00+08:00'),
			endsAt: Date.parse('2026-03-03T10:00:00+08:00')
		});
		enrolStaff(app, office.trainer, session.id, 'R101 R102');
		app.clock.set(session.startsAt + 30 * 60_000);
		expect(markAttendance(app, office.trainer, session.id, [office.teller.id])).toEqual({
			recorded: 1,
			already: 0
		});
		expect(
			markAttendance(app, office.trainer, session.id, [office.teller.id, office.colleague.id])
		).toEqual({ recorded: 1, already: 1 });
		const entries = ledgerOf(app, office.teller.id);
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			kind: 'centralized',
			hours: 2.5,
			earnedOn: '2026-03-03',
			sourceRef: `session:${session.id}`,
			recordedBy: office.trainer.id
		});
		const detail = getSession(app, office.trainer, session.id);
		expect(detail.session.attended).toBe(2);
		expect(detail.roster.every((r) => r.method === 'roster')).toBe(true);
	});

	it('records only enrolled people and needs someone ticked', async () => {
		const app = createTestApp();
		const office = await classroomOffice(app);
		const session = schedule(app, office);
		enrolStaff(app, office.trainer, session.id, 'R101');
		app.clock.set(session.startsAt);
		expect(
			problemKeys(() =>
				markAttendance(app, office.trainer, session.id, [office.teller.id, office.cityTeller.id])
			)
		).toEqual(['classroom.error.notEnrolledInRoster']);
		expect(ledgerOf(app, office.teller.id)).toEqual([]);
		expect(problemKeys(() => markAttendance(app, office.trainer, session.id, []))).toEqual([
			'classroom.error.noneSelected'
		]);
	});
});
