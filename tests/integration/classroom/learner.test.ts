import { describe, expect, it } from 'vitest';
import {
	countPersonTimes,
	getHomeSessions,
	listMySessions
} from '../../../src/lib/server/classroom/learner';
import { enrolStaff, markAttendance } from '../../../src/lib/server/classroom/roster';
import { officeInstant } from '../../../src/lib/time/office';
import { cancelSession } from '../../../src/lib/server/classroom/service';
import { createTestApp } from '../../helpers/app';
import { classroomOffice, problemKeys, schedule } from './setup';

const on = (day: string, from: string, to: string) => ({
	startsAt: officeInstant(day, from),
	endsAt: officeInstant(day, to)
});

describe('a learner’s sessions', () => {
	it('shows upcoming sessions and past ones with attendance and hours', async () => {
		const app = await createTestApp();
		const office = await classroomOffice(app);
		const held = await schedule(app, office, {
			title: '已举办',
			...on('2026-03-03', '09:00', '11:30')
		});
		const next = await schedule(app, office, {
			title: '下一场',
			...on('2026-03-10', '14:00', '17:00')
		});
		const missed = await schedule(app, office, {
			title: '缺席',
			...on('2026-03-04', '09:00', '11:00')
		});
		const dropped = await schedule(app, office, {
			title: '取消',
			...on('2026-03-12', '09:00', '11:00')
		});
		for (const s of [held, next, missed, dropped])
			await enrolStaff(app, office.trainer, s.id, 'R101');
		await cancelSession(app, office.trainer, dropped.id);
		app.clock.set(held.startsAt);
		await markAttendance(app, office.trainer, held.id, [office.teller.id]);
		app.clock.set(officeInstant('2026-03-05', '09:00'));

		const mine = await listMySessions(app, office.teller);
		expect(mine.upcoming.map((s) => [s.title, s.cancelled])).toEqual([
			['下一场', false],
			['取消', true]
		]);
		expect(mine.past.map((s) => [s.title, s.attended])).toEqual([
			['缺席', false],
			['已举办', true]
		]);
		expect([mine.attendedCount, mine.attendedHours]).toEqual([1, 2.5]);

		const home = await getHomeSessions(app, office.teller, 1);
		expect(home.next.map((s) => s.title)).toEqual(['下一场']);
		expect(home.more).toBe(0);
		expect(await getHomeSessions(app, office.colleague)).toEqual({ next: [], more: 0 });
	});
});

describe('person-times', () => {
	it('counts one per person per session in a period, by office day and branch', async () => {
		const app = await createTestApp();
		const office = await classroomOffice(app);
		// 07:30 on 3 March in Beijing is 2 March in UTC: it still counts for 3 March.
		const early = await schedule(app, office, on('2026-03-03', '07:30', '09:00'));
		const later = await schedule(app, office, on('2026-03-20', '09:00', '11:00'));
		await enrolStaff(app, office.trainer, early.id, 'R101 R102 U101');
		await enrolStaff(app, office.trainer, later.id, 'R101 U101');
		app.clock.set(early.startsAt);
		await markAttendance(app, office.trainer, early.id, [
			office.teller.id,
			office.colleague.id,
			office.cityTeller.id
		]);
		app.clock.set(later.startsAt);
		await markAttendance(app, office.trainer, later.id, [office.teller.id]);

		expect(await countPersonTimes(app, { from: '2026-03-01', to: '2026-03-31' })).toEqual({
			personTimes: 4,
			sessions: 2,
			people: 3
		});
		expect(await countPersonTimes(app, { from: '2026-03-03', to: '2026-03-03' })).toEqual({
			personTimes: 3,
			sessions: 1,
			people: 3
		});
		expect(
			(await countPersonTimes(app, { from: '2026-03-02', to: '2026-03-02' })).personTimes
		).toBe(0);
		expect(
			await countPersonTimes(app, {
				from: '2026-03-01',
				to: '2026-03-31',
				branchId: office.xiaohu.id
			})
		).toEqual({ personTimes: 3, sessions: 2, people: 2 });
		expect(
			await problemKeys(
				async () => await countPersonTimes(app, { from: '2026-03-31', to: '2026-03-01' })
			)
		).toEqual(['classroom.error.badRange']);
	});
});
