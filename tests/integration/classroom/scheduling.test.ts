import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { enrolStaff, markAttendance } from '../../../src/lib/server/classroom/roster';
import {
	cancelSession,
	getScheduleOptions,
	getSession,
	listSessions,
	scheduleSession
} from '../../../src/lib/server/classroom/service';
import { officeInstant } from '../../../src/lib/time/office';
import { course } from '../../../src/lib/server/db/schema';
import { Forbidden } from '../../../src/lib/server/errors';
import { createTestApp } from '../../helpers/app';
import { classroomOffice, problemKeys, schedule, sessionInput } from './setup';

describe('scheduling a session', () => {
	it('schedules a centralized session for the trainer who asks', async () => {
		const app = await createTestApp();
		const office = await classroomOffice(app);
		const session = await schedule(app, office);
		expect(session).toMatchObject({ trainerId: office.trainer.id, status: 'scheduled' });
		expect(
			(await listSessions(app, office.trainer, { when: 'upcoming' })).map((s) => s.id)
		).toEqual([session.id]);
	});

	it('names every bad field at once', async () => {
		const app = await createTestApp();
		const office = await classroomOffice(app);
		const keys = await problemKeys(
			async () =>
				await scheduleSession(app, office.trainer, {
					...sessionInput(office),
					title: ' ',
					place: '',
					capacity: 0,
					classHours: 0,
					endsAt: officeInstant('2026-03-03', '08:00')
				})
		);
		expect(keys).toEqual([
			'classroom.error.titleRequired',
			'classroom.error.placeRequired',
			'classroom.error.endsBeforeStart',
			'classroom.error.badCapacity',
			'classroom.error.badHours'
		]);
	});

	it('refuses more than 12 class hours, a time already past and an unparsable time', async () => {
		const app = await createTestApp();
		const office = await classroomOffice(app);
		expect(
			await problemKeys(async () => await schedule(app, office, { classHours: 12.5 }))
		).toEqual(['classroom.error.badHours']);
		const yesterday = {
			startsAt: officeInstant('2026-03-01', '09:00'),
			endsAt: officeInstant('2026-03-01', '11:00')
		};
		expect(await problemKeys(async () => await schedule(app, office, yesterday))).toEqual([
			'classroom.error.endsInPast'
		]);
		expect(
			await problemKeys(
				async () => await schedule(app, office, { startsAt: officeInstant('x', '9') })
			)
		).toEqual(['classroom.error.badTime']);
	});

	it('accepts only a centralized course that is still offered', async () => {
		const app = await createTestApp();
		const office = await classroomOffice(app);
		const remote = (await app.db.select().from(course).where(eq(course.kind, 'remote')).get())!;
		expect(
			await problemKeys(async () => await schedule(app, office, { courseId: remote.id }))
		).toEqual(['classroom.error.courseNotCentralized']);
		await app.db.update(course).set({ retired: true }).where(eq(course.id, office.course.id)).run();
		expect(await problemKeys(async () => await schedule(app, office))).toEqual([
			'classroom.error.courseNotCentralized'
		]);
		expect(await problemKeys(async () => await schedule(app, office, { courseId: 9999 }))).toEqual([
			'classroom.error.courseRequired'
		]);
	});

	it('lets HR assign a trainer, but not a learner, and a trainer only themselves', async () => {
		const app = await createTestApp();
		const office = await classroomOffice(app);
		const input = sessionInput(office, { trainerId: office.otherTrainer.id });
		expect((await scheduleSession(app, office.hr, input)).trainerId).toBe(office.otherTrainer.id);
		expect(
			await problemKeys(
				async () => await scheduleSession(app, office.hr, { ...input, trainerId: office.teller.id })
			)
		).toEqual(['classroom.error.notTrainer']);
		expect(
			await problemKeys(async () => await scheduleSession(app, office.trainer, input))
		).toEqual(['classroom.error.assignOwnOnly']);
		expect((await getScheduleOptions(app, office.trainer)).trainers).toBeNull();
		expect((await getScheduleOptions(app, office.hr)).trainers?.map((t) => t.id)).toEqual([
			office.trainer.id,
			office.otherTrainer.id
		]);
	});

	it('does not let a learner schedule or list sessions', async () => {
		const app = await createTestApp();
		const office = await classroomOffice(app);
		await expect(scheduleSession(app, office.teller, sessionInput(office))).rejects.toThrow(
			Forbidden
		);
		await expect(listSessions(app, office.teller, { when: 'upcoming' })).rejects.toThrow(Forbidden);
	});
});

describe('who manages a session', () => {
	it('keeps a trainer out of another trainer’s session; HR sees all', async () => {
		const app = await createTestApp();
		const office = await classroomOffice(app);
		const mine = await schedule(app, office);
		const theirs = await scheduleSession(app, office.otherTrainer, sessionInput(office));
		expect(
			(await listSessions(app, office.trainer, { when: 'upcoming' })).map((s) => s.id)
		).toEqual([mine.id]);
		expect(await listSessions(app, office.hr, { when: 'upcoming' })).toHaveLength(2);
		await expect(getSession(app, office.trainer, theirs.id)).rejects.toThrow(Forbidden);
		await expect(enrolStaff(app, office.trainer, theirs.id, 'R101')).rejects.toThrow(Forbidden);
		await expect(cancelSession(app, office.trainer, theirs.id)).rejects.toThrow(Forbidden);
		expect((await getSession(app, office.hr, theirs.id)).session.id).toBe(theirs.id);
	});

	it('lists past sessions apart from upcoming ones', async () => {
		const app = await createTestApp();
		const office = await classroomOffice(app);
		const session = await schedule(app, office);
		app.clock.set(session.endsAt);
		expect(await listSessions(app, office.trainer, { when: 'upcoming' })).toEqual([]);
		expect((await listSessions(app, office.trainer, { when: 'past' })).map((s) => s.id)).toEqual([
			session.id
		]);
	});
});

describe('cancelling a session', () => {
	it('cancels a session nobody attended and refuses later changes', async () => {
		const app = await createTestApp();
		const office = await classroomOffice(app);
		const session = await schedule(app, office);
		await enrolStaff(app, office.trainer, session.id, 'R101');
		await cancelSession(app, office.trainer, session.id);
		expect((await getSession(app, office.trainer, session.id)).session.status).toBe('cancelled');
		expect(
			await problemKeys(async () => await enrolStaff(app, office.trainer, session.id, 'R102'))
		).toEqual(['classroom.error.cancelled']);
		expect(
			await problemKeys(async () => await cancelSession(app, office.trainer, session.id))
		).toEqual(['classroom.error.cancelled']);
	});

	it('refuses to cancel once someone attended', async () => {
		const app = await createTestApp();
		const office = await classroomOffice(app);
		const session = await schedule(app, office);
		await enrolStaff(app, office.trainer, session.id, 'R101');
		app.clock.set(session.startsAt + 60_000);
		await markAttendance(app, office.trainer, session.id, [office.teller.id]);
		expect((await getSession(app, office.trainer, session.id)).canCancel).toBe(false);
		expect(
			await problemKeys(async () => await cancelSession(app, office.trainer, session.id))
		).toEqual(['classroom.error.hasAttendance']);
	});
});
