import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { first, inserted, type Db } from '../../db';
import { mentorPairing, onboardingPlan, type MentorPairing, type OnboardingPlan } from '../../db/schema';

// mentor_pairing: who mentors whose plan, from when until when; a change ends one and starts one.

export async function insertPairing(
	db: Db,
	row: typeof mentorPairing.$inferInsert
): Promise<MentorPairing> {
	return await inserted(db.insert(mentorPairing).values(row).returning());
}

/** The plan's pairing in force: the one not yet ended. */
export async function selectCurrentPairing(
	db: Db,
	planId: number
): Promise<MentorPairing | undefined> {
	return await first(db
		.select()
		.from(mentorPairing)
		.where(and(eq(mentorPairing.planId, planId), isNull(mentorPairing.toDate)))
		.orderBy(desc(mentorPairing.id)));
}

export async function selectPairingsOfPlan(db: Db, planId: number): Promise<MentorPairing[]> {
	return await db
		.select()
		.from(mentorPairing)
		.where(eq(mentorPairing.planId, planId))
		.orderBy(asc(mentorPairing.fromDate), asc(mentorPairing.id));
}

export async function endPairing(
	db: Db,
	id: number,
	toDate: string,
	endReason: string
): Promise<boolean> {
	return (
		(
			await db
				.update(mentorPairing)
				.set({ toDate, endReason })
				.where(and(eq(mentorPairing.id, id), isNull(mentorPairing.toDate)))
		).changes === 1
	);
}

/** A mentor's current mentees whose plans are still open. */
export async function selectOpenPairingsOfMentor(
	db: Db,
	mentorId: number
): Promise<{ pairing: MentorPairing; plan: OnboardingPlan }[]> {
	return await db
		.select({ pairing: mentorPairing, plan: onboardingPlan })
		.from(mentorPairing)
		.innerJoin(onboardingPlan, eq(onboardingPlan.id, mentorPairing.planId))
		.where(
			and(
				eq(mentorPairing.mentorId, mentorId),
				isNull(mentorPairing.toDate),
				eq(onboardingPlan.status, 'open')
			)
		)
		.orderBy(asc(onboardingPlan.dueDate));
}
